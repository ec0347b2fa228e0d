"""The cache is never wrong: content, configuration, references and rule code are all in its keys,
entries are signed, and concurrent runs share it safely."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from claimcheck.cli import main

from .fixture_rules import NO_SHOUTING, SAME_TEXT, install

ROLE_FILE = """\
article: {id: r, published: 2022-04-02}
claims:
  - {id: biden, kind: role, text: former US President Joe Biden, entity: Joe Biden, role: US President, status: former}
"""
REFERENCE = """\
reference: {id: offices}
tenures:
  - {entity: Joe Biden, role: President of the United States, start: 2021-01-20, end: END}
aliases: {President of the United States: [US President]}
"""


def claim_file(article: str, *claims: tuple[str, str]) -> str:
    body = "".join(f"  - id: {cid}\n    kind: statement\n    text: {text}\n" for cid, text in claims)
    return f"article:\n  id: {article}\n  published: 2022-01-27\nclaims:\n{body}"


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMCHECK_TEST_LOG", str(tmp_path / "ran.log"))
    monkeypatch.setenv("CLAIMCHECK_KEY_DIR", str(tmp_path / "key"))
    (tmp_path / "pyproject.toml").write_text(
        '[tool.claimcheck]\npaths = ["claims"]\nrule-paths = ["rules"]\nselect = ["syntax", "schema", "no-shouting", "same-text", "anachronism"]\n',
        encoding="utf-8",
    )
    install(tmp_path / "rules", NO_SHOUTING, SAME_TEXT)
    (tmp_path / "claims" / "reference").mkdir(parents=True)
    (tmp_path / "claims" / "a.yaml").write_text(claim_file("a", ("shout", "ALL IS WELL"), ("calm", "all is calm")), encoding="utf-8")
    (tmp_path / "claims" / "b.yaml").write_text(claim_file("b", ("echo", "all is calm")), encoding="utf-8")
    (tmp_path / "claims" / "r.yaml").write_text(ROLE_FILE, encoding="utf-8")
    (tmp_path / "claims" / "reference" / "offices.yaml").write_text(REFERENCE.replace("END", "2025-01-20"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *args) -> tuple[int, list[str]]:
    code = main(["check", "--format", "json", "-q", *args])
    document = json.loads(capsys.readouterr().out)
    return code, sorted(f"{f['path']}:{f['line']} {f['rule']}: {f['message']}" for f in document["findings"])


def ran(project) -> list[str]:
    log = project / "ran.log"
    lines = sorted(log.read_text(encoding="utf-8").splitlines()) if log.exists() else []
    log.unlink(missing_ok=True)
    return lines


def test_a_warm_run_runs_nothing_and_agrees(project, capsys):
    cold = run(capsys)
    assert ran(project) and (project / ".claimcheck_cache").is_dir()
    assert run(capsys) == cold
    assert ran(project) == []  # nothing loaded, no rule ran
    assert run(capsys, "--no-cache") == cold
    assert ran(project)


def test_an_edited_file_is_checked_again(project, capsys):
    run(capsys)
    ran(project)
    (project / "claims" / "b.yaml").write_text(claim_file("b", ("echo", "ALL IS CALM")), encoding="utf-8")
    _code, findings = run(capsys)
    assert any("shouting: ALL IS CALM" in f for f in findings)
    assert ran(project) == ["no-shouting b#echo", "same-text corpus"]  # a.yaml's results were reused


def test_configuration_is_part_of_the_key(project, capsys):
    code, _ = run(capsys)
    assert code == 1
    pyproject = project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8") + '[tool.claimcheck.rules.no-shouting]\nseverity = "info"\n[tool.claimcheck.rules.anachronism]\nseverity = "info"\n', encoding="utf-8")
    code, findings = run(capsys)
    assert code == 0 and any("no-shouting" in f for f in findings)


def test_a_changed_reference_file_gives_fresh_results(project, capsys):
    _code, findings = run(capsys)
    assert any("anachronism" in f for f in findings)  # "former" while in office
    (project / "claims" / "reference" / "offices.yaml").write_text(REFERENCE.replace("END", "2021-06-01"), encoding="utf-8")
    _code, findings = run(capsys)
    assert not any("anachronism" in f for f in findings)  # out of office by then: "former" is right


def test_rule_code_is_part_of_the_key(project, capsys):
    run(capsys)
    ran(project)
    rule = project / "rules" / "no_shouting.py"
    rule.write_text(rule.read_text(encoding="utf-8").replace('f"shouting: {claim.text}"', 'f"SHOUTING: {claim.text}"'), encoding="utf-8")
    _code, findings = run(capsys)
    assert any("SHOUTING: ALL IS WELL" in f for f in findings)


def test_a_new_claimcheck_version_misses_the_cache(project, capsys, monkeypatch):
    cold = run(capsys)
    ran(project)
    import claimcheck.cache

    monkeypatch.setattr(claimcheck.cache, "__version__", "99.0.0")
    assert run(capsys) == cold
    assert ran(project)  # rules ran again


def test_tampered_or_planted_entries_are_not_read(project, capsys):
    cold = run(capsys)
    entries = [p for p in (project / ".claimcheck_cache").rglob("*") if p.is_file() and p.name != ".gitignore"]
    assert entries
    for entry in entries:  # what a pull request could commit: empty results, a hostile pickle
        entry.write_bytes(b"\0" * 32 + json.dumps({"claims": 0, "findings": []}).encode())
    assert run(capsys) == cold


def test_clean_removes_the_cache(project, capsys):
    run(capsys)
    assert main(["clean"]) == 0
    assert not (project / ".claimcheck_cache").exists()


def test_concurrent_runs_share_the_cache_safely(project):
    env = {**os.environ, "CLAIMCHECK_TEST_LOG": ""}
    command = [sys.executable, "-m", "claimcheck", "check", "--format", "json", "-q"]
    runs = [subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.PIPE, text=True) for _ in range(4)]
    outputs = [json.loads(p.communicate(timeout=120)[0])["findings"] for p in runs]
    assert all(out == outputs[0] for out in outputs)
    assert json.loads(subprocess.run(command, cwd=project, env=env, capture_output=True, text=True).stdout)["findings"] == outputs[0]


def test_session_cached_answers_only_an_unchanged_corpus(project):
    from claimcheck.session import Session

    session = Session.open(cwd=project, cache=True)
    assert session.cached() is None  # nothing cached yet, and nothing was run to find out
    assert ran(project) == []
    checked = session.check()
    ran(project)
    warm = Session.open(cwd=project, cache=True).cached()
    assert warm is not None and ran(project) == []
    assert sorted(f.message for f in warm.findings) == sorted(f.message for f in checked.findings)
    (project / "claims" / "b.yaml").write_text(claim_file("b", ("echo", "ALL IS CALM")), encoding="utf-8")
    assert Session.open(cwd=project, cache=True).cached() is None


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")
def test_checked_apart_is_the_in_process_check_read_from_the_cache(project):
    from claimcheck.session import Session

    apart = Session.open(cache=True, cache_dir=str(project / "c1")).check_apart()
    here = Session.open(cache=False).check()
    assert apart is not None and apart.corpus is None  # read back from the cache: no corpus in this process
    assert [f.to_json() for f in apart.findings] == [f.to_json() for f in here.findings]
    assert (project / "ran.log").read_text(encoding="utf-8")  # the rules ran (in the child)
    assert Session.open(cache=False).check_apart() is None  # no cache to read it back from: the caller checks
