"""The command line: formats, exit codes, configuration, suppression, crash isolation."""

import json
import os
import subprocess
import sys

import pytest

from claimcheck.cli import main

from .fixture_rules import NO_SHOUTING, install

CLAIMS = """\
article:
  id: a
  published: 2022-01-27
claims:
  - id: shout
    kind: statement
    text: EVERYTHING IS FINE
  - id: quiet
    kind: statement
    text: EVERYTHING IS FINE
    ignore: [no-shouting]
  - id: oops
    kind: rumour
    text: t
"""

@pytest.fixture
def project(write, tmp_path, monkeypatch):
    write("claims/a.yaml", CLAIMS)
    install(tmp_path / "rules", NO_SHOUTING)
    # The content rules are tested elsewhere; here only the mechanism matters.
    write(
        "pyproject.toml",
        '[tool.claimcheck]\npaths = ["claims"]\nrule-paths = ["rules"]\nselect = ["no-shouting", "schema", "syntax"]\n'
        '[tool.claimcheck.rules.no-shouting]\nseverity = "warning"\n',
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_text_lines_and_exit_1_on_errors(project, capsys):
    assert main([]) == 1
    out = capsys.readouterr().out.splitlines()
    assert "claims/a.yaml:5:5: XY101 [warning] no-shouting: shouting: EVERYTHING IS FINE" in out
    assert any(line.startswith("claims/a.yaml:13:11: CC002 [error] schema: unknown claim kind") for line in out)
    assert not any(":10:" in line for line in out), "ignore: [no-shouting] suppresses the second claim"


def test_the_summary_counts_the_claims_the_schema_refused(project, capsys):
    assert main([]) == 1
    summary = capsys.readouterr().err.splitlines()[-1]
    assert "2 claims (1 more not valid)" in summary, summary  # the third claim's kind is unknown


def test_a_claim_kept_despite_an_unknown_field_is_counted_once(project, write, capsys):
    write("extra/a.yaml", "article: {id: a}\nclaims:\n  - {id: x, kind: statement, text: t, typo_field: 1}\n")
    main(["check", "extra", "--no-cache"])
    summary = capsys.readouterr().err.splitlines()[-1]
    assert "1 claim," in summary and "not valid" not in summary, summary


def test_json_format_follows_the_spec(project, capsys):
    assert main(["check", "claims", "--format", "json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["tool"] == {"name": "claimcheck", "version": "0.1.0"}
    assert document["summary"] == {"files": 1, "claims": 2, "findings": 2}
    shout = next(f for f in document["findings"] if f["rule"] == "no-shouting")
    assert shout == {
        "rule": "no-shouting", "code": "XY101", "severity": "warning", "message": "shouting: EVERYTHING IS FINE",
        "path": "claims/a.yaml", "line": 5, "column": 5, "article": "a", "claim": "shout", "related": [],
    }


def test_fail_on_select_ignore_exit_zero(project, capsys):
    assert main(["--select", "no-shouting"]) == 0
    assert main(["--select", "no-shouting", "--fail-on", "warning"]) == 1
    assert main(["--ignore", "schema,XY101"]) == 0
    assert main(["--exit-zero"]) == 0
    assert main(["--select", "nonexistent-rule"]) == 2
    assert "unknown rule 'nonexistent-rule'" in capsys.readouterr().err


def test_configuration_options_severity_and_per_file_ignores(project, capsys, write):
    write(
        "pyproject.toml",
        """\
        [tool.claimcheck]
        paths = ["claims"]
        rule-paths = ["rules"]
        select = ["no-shouting", "schema", "syntax"]
        per-file-ignores = {"claims/a.yaml" = ["schema"]}
        [tool.claimcheck.rules.no-shouting]
        severity = "error"
        min-length = 100
        """,
    )
    assert main([]) == 0  # min-length 100 silences the rule, schema ignored for the file
    write("pyproject.toml", '[tool.claimcheck]\nrule-paths = ["rules"]\n[tool.claimcheck.rules.no-shouting]\nseverity = "error"\n')
    assert main(["claims", "--select", "no-shouting"]) == 1


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[tool.claimcheck]\nselect = ['no-such-rule']\n", "unknown rule 'no-such-rule'"),
        ("[tool.claimcheck.rules.no-such-rule]\nseverity = 'error'\n", "unknown rule 'no-such-rule'"),
        ("[tool.claimcheck]\nrule-paths = ['rules']\n[tool.claimcheck.rules.no-shouting]\nmin-lenght = 3\n", "unknown option `min-lenght`"),
        ("[tool.claimcheck]\nfail-on = 'fatal'\n", "severity must be one of"),
        ("[tool.claimcheck]\npahts = ['claims']\n", "unknown [tool.claimcheck] key(s): pahts"),
        ("[tool.claimcheck\n", "invalid TOML"),
    ],
)
def test_configuration_errors_exit_2_and_name_the_problem(project, capsys, write, toml, message):
    write("pyproject.toml", toml)
    assert main([]) == 2
    assert message in capsys.readouterr().err


def test_statistics_output_and_quiet(project, capsys):
    main(["--statistics", "-q"])
    captured = capsys.readouterr()
    assert captured.out.split() == ["1", "CC002", "schema", "[error]", "1", "XY101", "no-shouting", "[warning]"]
    assert captured.err == ""


def test_output_file(project, capsys):
    assert main(["--format", "json", "--output", "report.json"]) == 1
    assert json.loads((project / "report.json").read_text())["summary"]["findings"] == 2


def test_missing_path_is_exit_2(project, capsys):
    assert main(["check", "does-not-exist"]) == 2
    assert "no such file or folder: does-not-exist" in capsys.readouterr().err


def test_a_crashing_rule_is_reported_and_the_run_goes_on(project, capsys, write):
    write(
        "pyproject.toml",
        '[tool.claimcheck]\npaths = ["claims"]\nrule-paths = ["rules"]\nselect = ["no-shouting", "crasher"]\n[tool.claimcheck.rules.no-shouting]\nseverity = "warning"\n',
    )
    write("rules/crasher.py", 'NAME = "crasher"\nCODE = "LOC999"\nSEVERITY = "info"\n\ndef check(claim, options, corpus):\n    raise ZeroDivisionError("boom")\n')
    assert main([]) == 1
    out = capsys.readouterr().out
    assert "LOC999 [error] crasher: rule crasher crashed (ZeroDivisionError: boom)" in out
    assert "crasher.py:6:1" in out
    assert "no-shouting: shouting: EVERYTHING IS FINE" in out


def test_rules_and_rule_commands(project, capsys):
    assert main(["rules"]) == 0
    listing = capsys.readouterr().out
    assert "numeric-conflict" in listing and "no-shouting" in listing and "CC101" in listing
    assert main(["rule", "XY101"]) == 0
    doc = capsys.readouterr().out
    assert "Flags statements written in capitals." in doc and "min-length = 3" in doc
    assert main(["rule", "nope"]) == 2


def test_schema_command_prints_json_schema(capsys):
    assert main(["schema"]) == 0
    assert "ClaimFile" in json.loads(capsys.readouterr().out)["$defs"]


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == "claimcheck 0.1.0"


HOSTILE = {
    "syntax.yaml": b"article: {id: a}\nclaims: [\n",
    "types.yaml": b"article: {id: a}\nclaims:\n  - {id: x, kind: figure, text: t, subject: s, metric: m, value: lots}\n",
    "dup-ids.yaml": b"article: {id: b}\nclaims:\n  - {id: x, kind: statement, text: t}\n  - {id: x, kind: statement, text: u}\n",
    "dup-keys.yaml": b"article: {id: c}\narticle: {id: d}\nclaims: []\n",
    "python-tag.yaml": b"article: !!python/object/apply:os.system ['touch /tmp/pwned']\n",
    "alias-bomb.yaml": b"a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n",
    "deep.yaml": b"[" * 20000 + b"]" * 20000,
    "latin1.yaml": b"article: {id: e, title: caf\xe9}\n",
    "binary.yaml": bytes(range(256)),
    "empty.yaml": b"",
}


def test_hostile_files_each_yield_a_positioned_finding_without_traceback(tmp_path):
    for name, content in HOSTILE.items():
        (tmp_path / name).write_bytes(content)
    result = subprocess.run(
        [sys.executable, "-m", "claimcheck", "check", str(tmp_path), "--select", "syntax,schema", "--format", "json"],
        capture_output=True, text=True, cwd=tmp_path, timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    by_file = {}
    for finding in json.loads(result.stdout)["findings"]:
        by_file.setdefault(os.path.basename(finding["path"]), []).append(finding)
    assert set(by_file) == set(HOSTILE)
    assert all(f["line"] >= 1 and f["column"] >= 1 for fs in by_file.values() for f in fs)
    assert by_file["dup-keys.yaml"][0]["line"] == 2
    assert by_file["python-tag.yaml"][0]["rule"] == "syntax"
    assert not os.path.exists("/tmp/pwned")


def test_check_never_imports_spacy(tmp_path):
    (tmp_path / "a.yaml").write_text(CLAIMS)
    code = "import sys; from claimcheck.cli import main; main(['check', sys.argv[1], '-q']); print('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip().splitlines()[-1] == "False"


def test_the_summary_tells_reference_files_from_claim_files(project, write, capsys):
    write("claims/reference/offices.yaml", "reference: {id: offices}\ntenures: []\n")
    main([])
    summary = capsys.readouterr().err.splitlines()[-1]
    assert summary.startswith("claimcheck: 1 claim file and 1 reference file, "), summary
    main([])  # the same answered from the cache
    assert capsys.readouterr().err.splitlines()[-1] == summary
