"""Hostile input and untrusted checkouts: every reproduction of the issue, as a test.

Never a traceback, never a lost finding, never a read outside the project, never a write through
a link, never a lost edit.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.cli import main
from claimcheck.load.yamlsafe import YamlProblem, read_yaml

FIGURE = "  - {{id: {id}, kind: figure, text: t, subject: s, metric: m, value: {value}}}\n"


def claim_file(article: str, body: str, published: str = "2022-01-27") -> str:
    return f"article: {{id: {article}, published: {published}}}\nclaims:\n{body}"


def json_findings(capsys, *args) -> tuple[int, list[dict]]:
    code = main(["check", "--format", "json", "--no-cache", "-q", *args])
    return code, json.loads(capsys.readouterr().out)["findings"]


# One claim file cannot crash the run --------------------------------------------------------------


@pytest.mark.parametrize("kind", ["[figure]", "{a: 1}", "12", "true"])
def test_a_kind_that_is_not_text_is_a_schema_finding_and_sarif_is_still_written(project, capsys, kind):
    (project / "claims" / "bad.yaml").write_text(claim_file("bad", f"  - {{id: x, kind: {kind}, text: t}}\n"), encoding="utf-8")
    (project / "claims" / "good.yaml").write_text(claim_file("good", FIGURE.format(id="a", value=1)), encoding="utf-8")
    assert main(["check", "--format", "sarif", "--output", "x.sarif", "--exit-zero", "--no-cache", "-q"]) == 0
    results = json.loads((project / "x.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    assert any("unknown claim kind" in r["message"]["text"] for r in results)


def test_huge_values_do_not_crash_markdown_or_github(project, capsys, monkeypatch):
    body = FIGURE.format(id="huge", value="[1e308, 1e308]") + FIGURE.format(id="one", value=1)
    (project / "claims" / "a.yaml").write_text(claim_file("a", body), encoding="utf-8")
    assert main(["check", "--format", "markdown", "--no-cache", "-q", "--exit-zero"]) == 0
    assert "numeric-conflict" in capsys.readouterr().out
    summary = project / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["check", "--format", "github", "--no-cache", "-q", "--exit-zero"]) == 0
    assert "::error" in capsys.readouterr().out and summary.read_text(encoding="utf-8")


def test_a_date_at_the_end_of_the_calendar_loses_no_finding(project, capsys):
    (project / "pyproject.toml").write_text(
        '[tool.claimcheck]\npaths = ["claims"]\n[tool.claimcheck.rules.anachronism]\ntolerance-days = 1\n', encoding="utf-8"
    )
    late = "  - {id: e, kind: event, text: t, subject: s, date: 9999-12-31}\n"
    (project / "claims" / "end.yaml").write_text(claim_file("end", late, published="9999-12-31"), encoding="utf-8")
    (project / "claims" / "real.yaml").write_text(
        claim_file("real", "  - {id: met, kind: event, text: t, subject: talks, date: 2022-04-10}\n", published="2022-04-02"),
        encoding="utf-8",
    )
    _code, findings = json_findings(capsys)
    assert not [f for f in findings if "crashed" in f["message"]]
    assert [f["claim"] for f in findings if f["rule"] == "anachronism"] == ["met"]


# Files claimcheck reads -------------------------------------------------------------------------------


def test_a_claim_file_linked_to_a_device_is_refused(project, capsys):
    (project / "claims" / "zero.yaml").symlink_to("/dev/zero")
    code, findings = json_findings(capsys)
    assert code == 1
    assert any(f["rule"] == "syntax" and ("not read" in f["message"] or "regular file" in f["message"]) for f in findings)


def test_a_link_out_of_the_project_is_not_read(project, capsys, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "secret.yaml"
    outside.write_text(claim_file("secret", FIGURE.format(id="a", value=1)), encoding="utf-8")
    (project / "claims" / "link.yaml").symlink_to(outside)
    _code, findings = json_findings(capsys)
    assert next(f["message"] for f in findings if f["path"].endswith("link.yaml")).startswith("a symbolic link to ")
    _code, findings = json_findings(capsys, str(project / "claims" / "link.yaml"))  # named: it was asked for
    assert not [f for f in findings if f["rule"] == "syntax"]


@pytest.mark.parametrize("source", ["../../../../../../../../etc/passwd", "/etc/passwd", "/proc/self/environ", "/dev/zero"])
def test_article_source_is_never_read_outside_the_project(project, capsys, source):
    from .fixture_rules import install

    span_rule = (Path(__file__).resolve().parent.parent / "rules" / "span_text.py").read_text(encoding="utf-8")
    (project / "rules").mkdir()
    (project / "rules" / "span_text.py").write_text(span_rule, encoding="utf-8")
    (project / "pyproject.toml").write_text('[tool.claimcheck]\npaths = ["claims"]\nrule-paths = ["rules"]\n', encoding="utf-8")
    install  # noqa: B018 - the fixture module is shared; this test copies the repository's rule
    body = "  - {id: a, kind: statement, text: root, span: [0, 4]}\n"
    (project / "claims" / "a.yaml").write_text(f"article: {{id: a, source: {source!r}}}\nclaims:\n{body}", encoding="utf-8")
    _code, findings = json_findings(capsys, "--select", "span-text")
    messages = [f["message"] for f in findings]
    assert all("root:" not in m and "daemon" not in m for m in messages), messages
    assert any("outside the project" in m for m in messages)


# Files claimcheck writes ------------------------------------------------------------------------------


def test_output_through_a_symlink_is_refused(project, capsys, tmp_path_factory):
    (project / "claims" / "a.yaml").write_text(claim_file("a", FIGURE.format(id="a", value=1)), encoding="utf-8")
    victim = tmp_path_factory.mktemp("victim") / "important.txt"
    victim.write_text("keep me", encoding="utf-8")
    (project / "report.md").symlink_to(victim)
    assert main(["check", "--format", "markdown", "--output", "report.md", "--no-cache", "-q"]) == 2
    assert "symbolic link" in capsys.readouterr().err
    assert victim.read_text(encoding="utf-8") == "keep me"


def test_output_to_dev_null_is_written_not_replaced(project, capsys):
    (project / "claims" / "a.yaml").write_text(claim_file("a", FIGURE.format(id="a", value=1)), encoding="utf-8")
    assert main(["check", "--format", "json", "--output", os.devnull, "--no-cache", "-q", "--exit-zero"]) == 0
    assert "error" not in capsys.readouterr().err
    assert not Path(os.devnull).is_file()  # still the device


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_output_to_a_named_pipe_reaches_its_reader(project):
    import threading

    (project / "claims" / "a.yaml").write_text(claim_file("a", FIGURE.format(id="a", value=1)), encoding="utf-8")
    pipe = project / "report.pipe"
    os.mkfifo(pipe)
    received = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text(encoding="utf-8")))
    reader.start()
    assert main(["check", "--format", "json", "--output", str(pipe), "--no-cache", "-q", "--exit-zero"]) == 0
    reader.join(timeout=30)
    assert json.loads(received[0])["summary"]["files"] == 1
    assert pipe.is_fifo()


def test_output_through_a_symlink_to_a_device_is_refused(project, capsys):
    (project / "claims" / "a.yaml").write_text(claim_file("a", FIGURE.format(id="a", value=1)), encoding="utf-8")
    (project / "report.json").symlink_to(os.devnull)
    assert main(["check", "--format", "json", "--output", "report.json", "--no-cache", "-q"]) == 2
    assert "symbolic link" in capsys.readouterr().err


@pytest.mark.parametrize(("label", "args"), [("output", ["--output", "report.json"]), ("baseline", ["--write-baseline", "base.json"])])
def test_a_write_killed_half_way_loses_nothing(project, label, args):
    target = project / args[1]
    target.write_text("the previous version\n", encoding="utf-8")
    (project / "claims" / "a.yaml").write_text(claim_file("a", FIGURE.format(id="a", value=1)), encoding="utf-8")
    command = [sys.executable, "-m", "claimcheck", "check", "--format", "json", "--no-cache", "-q", *args]
    env = {**os.environ, "CLAIMCHECK_CRASH_AT": f"{label}:before"}
    killed = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=120)
    assert killed.returncode == 137
    assert target.read_text(encoding="utf-8") == "the previous version\n"  # the old file is intact
    leftovers = [p.name for p in project.iterdir() if p.name.endswith(".tmp")]
    assert leftovers  # the kill left its temporary file ...
    subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=120)
    assert not [p.name for p in project.iterdir() if p.name.endswith(".tmp")]  # ... the next write removed it
    assert target.read_text(encoding="utf-8") != "the previous version\n"


# Bounded output, honest limits ------------------------------------------------------------------------


def test_findings_beyond_the_limits_are_counted_not_listed(project, capsys):
    (project / "pyproject.toml").write_text(
        '[tool.claimcheck]\npaths = ["claims"]\nselect = ["numeric-conflict"]\nmax-findings-per-group = 5\nmax-findings-per-rule = 8\n',
        encoding="utf-8",
    )
    for k in range(3):
        body = "".join(FIGURE.format(id=f"c{i}", value=10 ** (i % 6)).replace("subject: s", f"subject: s{k}") for i in range(30))
        (project / "claims" / f"f{k}.yaml").write_text(claim_file(f"f{k}", body), encoding="utf-8")
    code = main(["check", "--format", "json", "--no-cache"])
    captured = capsys.readouterr()
    document = json.loads(captured.out)
    assert len(document["findings"]) == 8
    assert document["summary"]["left_out"]["numeric-conflict"] > 0
    assert "more findings not listed" in captured.err and code == 1


def test_a_file_too_large_says_so():
    text = "claims:\n" + "".join(f"  - {{id: c{i}, kind: statement, text: t}}\n" for i in range(200))
    with pytest.raises(YamlProblem) as raised:
        read_yaml(text, max_nodes=500)
    assert "file too large" in raised.value.message and "alias" not in raised.value.message


def test_an_untrusted_checkout_cannot_widen_what_rules_may_read(project, monkeypatch):
    from claimcheck.session import Session

    (project / "pyproject.toml").write_text(
        '[tool.claimcheck]\npaths = ["claims"]\narticle-roots = ["/", "../elsewhere"]\n', encoding="utf-8"
    )
    trusted = Session.open(cwd=project).load()
    assert len(trusted.read_roots) == 3
    monkeypatch.setenv("CLAIMCHECK_NO_LOCAL_RULES", "1")
    untrusted = Session.open(cwd=project).load()
    assert untrusted.read_roots == [str(project)]
