"""`claimcheck check` on a Dask cluster gives the findings of the in-process engine, exactly.

One LocalCluster (2 worker processes, one thread each) serves the whole module.
"""

from __future__ import annotations

import contextlib
import importlib.util
import pickle
import socket
import sys

import pytest

pytest.importorskip("distributed")

from claimcheck import distributed as cc_distributed
from claimcheck.cli import main
from claimcheck.config import Config, ConfigError, load_config
from claimcheck.distributed import broadcast, connection, driver, worker
from claimcheck.load import load_file
from claimcheck.session import Session

from .conftest import REPO
from .fixture_rules import SAME_TEXT, install

_spec = importlib.util.spec_from_file_location("bench_check", REPO / "benchmarks" / "bench_check.py")
bench_check = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_check)
generate = bench_check.generate  # the benchmark's corpus generator


@pytest.fixture(scope="module")
def client():
    """Workers started in the repository (as CI runs pytest): span-text resolves article paths there."""
    with contextlib.ExitStack() as stack:
        with contextlib.chdir(REPO):
            client = stack.enter_context(cc_distributed.cluster(workers=2))
        yield client


def same(finding) -> tuple:
    """Everything a report shows of a finding."""
    related = tuple((r.path, r.line, r.column, r.article, r.claim) for r in finding.related)
    return (
        finding.rule,
        finding.code,
        finding.severity,
        finding.message,
        finding.path,
        finding.line,
        finding.column,
        related,
        finding.related_total,
    )


def both(session: Session, paths: list[str], client) -> tuple[list, list, int, int]:
    here = session.check(paths)
    there = cc_distributed.check(session, paths, client)
    return [same(f) for f in here.findings], [same(f) for f in there.findings], here.claims, there.claims


@pytest.mark.parametrize("adversarial", [False, True], ids=["realistic", "adversarial"])
def test_generated_corpus_gives_the_same_findings(client, tmp_path, adversarial):
    generate(tmp_path, 2000, adversarial=adversarial)
    session = Session.open(config=Config(root=tmp_path))
    here, there, claims_here, claims_there = both(session, [str(tmp_path)], client)
    assert claims_here == claims_there == 2000
    assert len(here) > 500  # every rule has work to do
    assert {f[0] for f in here} >= {"numeric-conflict", "date-conflict", "attribution-conflict", "role-conflict", "unattributed"}
    assert there == here


def test_the_repository_claims_give_the_same_findings(client, monkeypatch):
    """With this repository's configuration and its rule folder (span-text, which reads the article
    texts: it runs on the workers, which resolve `article.source` as the driver does)."""
    monkeypatch.chdir(REPO)
    session = Session.open()
    assert "span-text" in {s.rule.name for s in session.plan.rules}
    here, there, claims_here, claims_there = both(session, ["claims"], client)
    assert claims_here == claims_there > 300
    assert there == here and len(here) > 10


ARTICLE = "The storm killed 60 people on Tuesday, officials said. Repairs are widely seen as overdue.\n"
SPANS = """\
article: {id: storm, published: 2024-03-15, source: storm.txt}
claims:
  - {id: right, kind: figure, text: killed 60 people, span: [10, 26], subject: storm, metric: people killed, value: 60,
     attribution: {source: officials, type: vague}}
  - {id: stale, kind: figure, text: killed 61 people, span: [10, 26], subject: storm, metric: people killed, value: 61,
     attribution: {source: officials, type: vague}}
  - {id: outside, kind: statement, text: Repairs are widely seen as overdue, span: [56, 500], hedge: widely seen}
  - {id: quiet, kind: statement, text: analysts say it is fine, ignore: [vague-attribution, crash-claim]}
"""

CRASH_CLAIM = '''
"""Reports quotes, and crashes on every statement after reporting it (a claim rule with options)."""
from claimcheck.rule_api import Problem, RuleOptions

NAME = "crash-claim"
CODE = "ZZ101"
SEVERITY = "warning"
KINDS = ("statement", "quote")


class Options(RuleOptions):
    label: str = "quote"


def check(claim, options, corpus):
    if claim.kind == "quote":
        yield Problem(f"{options.label} {claim.id}", claim=claim)
        return
    yield Problem("before the crash", claim=claim)
    raise ValueError(f"no {claim.id}")
'''

CRASH_GROUP = '''
"""Groups claims by kind and by the last digits of their id; reports events, crashes on quotes."""
from claimcheck.rule_api import Problem

NAME = "crash-group"
CODE = "ZZ201"
SEVERITY = "warning"
SCOPE = "group"


def keys(claim, context):
    yield claim.kind
    yield (claim.kind, claim.id[-2:])


def check(key, claims, context):
    kind = key if isinstance(key, str) else key[0]
    if kind == "quote" and key != "quote":
        raise RuntimeError(f"quotes {key}")
    if kind == "event":
        yield Problem("events", claim=claims[0], related=claims[1:])  # the same at claims[0] twice: once
'''

CRASH_KEYS = '''
"""Its keys crash on a late figure: the rule's one finding."""
from claimcheck.rule_api import Problem

NAME = "crash-keys"
CODE = "ZZ301"
SCOPE = "group"
KINDS = ("figure",)


def keys(claim, context):
    if int(claim.id[1:]) > 300:
        raise KeyError(claim.id)
    yield claim.subject


def check(key, claims, context):
    yield Problem("never reported", claim=claims[0])
'''

CRASH_PREPARE = '''
"""Its prepare crashes."""
NAME = "crash-prepare"
CODE = "ZZ401"


def prepare(corpus, options):
    raise OSError("no index")


def check(claim, options, corpus):
    yield from ()
'''


@pytest.fixture
def project(tmp_path):
    """Generated claims, an article with spans, project rules that crash, suppression both ways."""
    generate(tmp_path / "corpus", 400)
    (tmp_path / "corpus" / "storm.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "corpus" / "storm.yaml").write_text(SPANS, encoding="utf-8")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "span_text.py").write_text((REPO / "rules" / "span_text.py").read_text(encoding="utf-8"), encoding="utf-8")
    install(tmp_path / "rules", CRASH_CLAIM, CRASH_GROUP, CRASH_KEYS, CRASH_PREPARE)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.claimcheck]\nrule-paths = ["rules"]\nper-file-ignores = {"corpus/bench-00001*.yaml" = ["unattributed", "ZZ201"]}\n'
        '[tool.claimcheck.rules.crash-claim]\nlabel = "said"\n',
        encoding="utf-8",
    )
    return tmp_path


def test_project_rules_crashes_and_suppression_as_in_process(client, project):
    """Project rules travel to the workers by value; crashes are capped per rule as in process
    (first ten, then "N more"); a crash in `keys` or `prepare` is the rule's one finding; group
    findings are deduplicated in the engine's group order; `ignore:` and per-file-ignores hold."""
    session = Session.open(config=str(project / "pyproject.toml"))
    here, there, _claims, _ = both(session, [str(project / "corpus")], client)
    assert there == here
    rules = [f[0] for f in here]
    assert rules.count("crash-keys") == 1 and rules.count("crash-prepare") == 1
    crashes = [f for f in here if f[0] == "crash-claim" and "crashed" in f[3]]
    assert len(crashes) == 11 and sum("more claims or files" in f[3] for f in crashes) == 1
    assert any(f[0] == "crash-claim" and f[3].startswith("said ") for f in here)
    assert sum(1 for f in here if f[0] == "crash-group" and "more claims or files" in f[3]) == 1
    assert {f[3][:5] for f in here if f[0] == "span-text"} == {"span "} and len([f for f in here if f[0] == "span-text"]) == 2
    assert not any("bench-00001" in f[4] and f[0] in ("unattributed", "crash-group") for f in here)
    assert not any(f[4].endswith("storm.yaml") and f[5] == 8 and f[0] in ("vague-attribution", "crash-claim") for f in here)


def test_corpus_rules_are_refused(client, tmp_path):
    install(tmp_path / "rules", SAME_TEXT)
    (tmp_path / "a.yaml").write_text("article: {id: a}\nclaims: []\n", encoding="utf-8")
    session = Session.open(config=Config(root=tmp_path, rule_paths=["rules"]))
    with pytest.raises(cc_distributed.ClusterError, match="same-text need the whole corpus in one process"):
        cc_distributed.check(session, [str(tmp_path / "a.yaml")], client)


def test_shuffled_claims_carry_a_stub_not_their_file(tmp_path):
    """What crosses the network per claim: the claim with a FileStub (path, article)."""
    generate(tmp_path, 200)
    path = str(tmp_path / "bench-0000000.yaml")
    loaded = load_file(path)
    session = Session.open(config=Config(root=tmp_path))
    corpus = session.load([path])
    corpus.rule_names = session.plan.known_rules
    shared, _found = driver._prepare(session.plan.rules, corpus)
    records = worker.map_partition([(0, loaded)], broadcast.pickle_shared(shared))
    claims = [claim for record in records if record[0] == "group" for _order, _number, claim in record[2]]
    assert claims and all(type(claim.file) is cc_distributed.FileStub for claim in claims)
    claim = claims[0]
    assert claim.path == path and claim.article is loaded.article and claim.article_id == loaded.article_id
    assert claim.field_position("subject") == next(c for c in loaded.claims if c.id == claim.id).field_position("subject")
    assert len(pickle.dumps(claim)) < 1500 < len(pickle.dumps(loaded.claims[0])) / 10


# The command line ---------------------------------------------------------------------------------


@pytest.fixture
def cli_project(tmp_path, monkeypatch):
    generate(tmp_path / "claims", 300, adversarial=True)
    (tmp_path / "pyproject.toml").write_text('[tool.claimcheck]\npaths = ["claims"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_cli_cluster_prints_what_the_in_process_run_prints(client, cli_project, capsys, monkeypatch):
    assert main(["check", "--format", "json", "--no-cache"]) == 1
    here = capsys.readouterr()
    assert main(["check", "--format", "json", "--scheduler", client.scheduler.address]) == 1  # an existing scheduler
    there = capsys.readouterr()
    assert there.out == here.out and there.err == here.err
    monkeypatch.setattr(connection, "cluster", lambda scheduler=None, workers=None: contextlib.nullcontext(client))
    assert main(["check", "--no-cache"]) == 1
    here = capsys.readouterr()
    assert main(["check", "--cluster"]) == 1  # the local cluster (this module's)
    there = capsys.readouterr()
    assert there.out == here.out and there.err == here.err


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_an_unreachable_scheduler_is_one_line_and_exit_2(cli_project, capsys, monkeypatch):
    monkeypatch.setattr(connection, "CONNECT_TIMEOUT", 1)
    address = f"tcp://127.0.0.1:{_closed_port()}"
    assert main(["check", "--scheduler", address]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"claimcheck: error: cannot reach the Dask scheduler at {address}") and err.count("\n") == 1
    (cli_project / "pyproject.toml").write_text(f'[tool.claimcheck]\npaths = ["claims"]\nscheduler = "{address}"\n', encoding="utf-8")
    assert main(["check"]) == 2  # the configured scheduler
    assert capsys.readouterr().err.startswith(f"claimcheck: error: cannot reach the Dask scheduler at {address}")


def test_scheduler_in_the_configuration_must_be_an_address(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.claimcheck]\nscheduler = 8786\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="scheduler must be a Dask scheduler address"):
        load_config(cwd=tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.claimcheck]\nscheduler = "tcp://h:8786"\n', encoding="utf-8")
    assert load_config(cwd=tmp_path).scheduler == "tcp://h:8786"


def test_without_the_extra_the_flags_say_how_to_install_it(cli_project, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails, as when not installed
    for flags in (["--cluster"], ["--scheduler", "tcp://h:8786"]):
        assert main(["check", *flags]) == 2
        err = capsys.readouterr().err
        assert "pip install 'claimcheck-lint[cluster]'" in err and err.count("\n") == 1
    assert main(["check", "-q"]) == 1  # without the flags nothing needs Dask


def test_cluster_and_scheduler_together_is_a_usage_error(cli_project, capsys):
    assert main(["check", "--cluster", "--scheduler", "tcp://h:8786"]) == 2
    assert "give one of them" in capsys.readouterr().err


def test_suppression_limits_unused_ignores_and_builtin_titles_as_in_process(client, tmp_path):
    """What the runner does after the rules, on the cluster too: `ignore:` on the related claim,
    disable comments, unused-ignore (a LAST rule), the per-group limit, claimcheck's own tenures,
    one finding for one wrong title."""
    (tmp_path / "a.yaml").write_text(
        "article: {id: a, published: 2024-03-01}\nclaims:\n"
        "  - {id: toll, kind: figure, text: t, subject: flood, metric: people killed, value: 40, attribution: {source: police, type: organization}}\n"
        "  - {id: quiet, kind: figure, text: t, subject: fire, metric: people killed, value: 3}  # claimcheck: noqa: unattributed\n"
        "  - {id: loud, kind: figure, text: t, subject: storm, metric: people killed, value: 3}\n"
        "  - {id: spare, kind: figure, text: t, subject: quake, metric: people killed, value: 9, ignore: [date-conflict, unattributed]}\n"
        "  - {id: pm, kind: role, text: Prime Minister Boris Johnson, entity: Boris Johnson, role: British Prime Minister}\n",
        encoding="utf-8",
    )
    (tmp_path / "b.yaml").write_text(
        "article: {id: b, published: 2024-03-01}\nclaims:\n"
        + "".join(
            f"  - {{id: t{i}, kind: figure, text: t, subject: flood, metric: people killed, value: {400 + i}, "
            f"attribution: {{source: police, type: organization}}{', ignore: [numeric-conflict]' if i == 0 else ''}}}\n"
            for i in range(6)
        ),
        encoding="utf-8",
    )
    config = Config(root=tmp_path, max_findings_per_group=3)
    session = Session.open(config=config)
    here, there, _claims_here, _claims_there = both(session, [str(tmp_path)], client)
    assert here == there
    rules = [f[0] for f in here]
    assert "unused-ignore" in rules and "anachronism" in rules
    assert not any(f[0] == "unattributed" and f[4].endswith("a.yaml") and f[5] == 4 for f in here)  # the noqa comment
    assert session.check([str(tmp_path)]).left_out  # the per-group limit left findings out
