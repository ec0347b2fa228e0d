"""The pytest plugin: `pytest --claimcheck` collects claim files as items, one per file (default) or
one per file and rule (`claimcheck-items = rule`, which most tests here use: it shows which rule ran)."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET

import pytest

# In-process pytester runs drop the modules they imported when they end; ruamel's C parser would
# then keep making events of the dropped classes. Importing the loader here keeps one copy.
import claimcheck.corpus
import claimcheck.engine  # noqa: F401

from .fixture_rules import NO_SHOUTING, SAME_TEXT, install

pytest_plugins = ["pytester"]

def claim_file(article: str, *claims: tuple[str, str]) -> str:
    body = "".join(f"  - id: {cid}\n    kind: statement\n    text: {text}\n" for cid, text in claims)
    return f"article:\n  id: {article}\n  published: 2022-01-27\nclaims:\n{body}"


PYPROJECT = """\
[tool.claimcheck]
paths = ["claims"]
rule-paths = ["rules"]
select = ["syntax", "schema", "no-shouting", "same-text"]
{extra}"""


@pytest.fixture
def project(pytester, monkeypatch, tmp_path):
    """a.yaml shouts (error), b.yaml repeats a claim of a.yaml (a warning from a corpus rule)."""
    monkeypatch.setenv("CLAIMCHECK_TEST_LOG", str(tmp_path / "rules-ran.log"))
    pytester.makefile(".toml", pyproject=PYPROJECT.format(extra=""))
    install(pytester.path / "rules", NO_SHOUTING, SAME_TEXT)
    pytester.mkdir("claims")
    (pytester.path / "claims" / "a.yaml").write_text(
        claim_file("a", ("shout", "ALL IS WELL"), ("calm", "all is calm")), encoding="utf-8"
    )
    (pytester.path / "claims" / "b.yaml").write_text(claim_file("b", ("echo", "all is calm")), encoding="utf-8")
    return pytester


def per_rule(project, *args):
    return project.runpytest(*args, "-o", "claimcheck-items=rule")


def per_rule_subprocess(project, *args):
    return project.runpytest_subprocess(*args, "-o", "claimcheck-items=rule")


def rules_ran(tmp_path) -> list[str]:
    log = tmp_path / "rules-ran.log"
    lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    log.unlink(missing_ok=True)
    return sorted(lines)


def test_items_per_file_and_rule_fail_with_lint_lines(project):
    result = per_rule(project, "--claimcheck", "claims/", "-v")
    result.assert_outcomes(passed=7, failed=1)
    result.stdout.fnmatch_lines(
        [
            "claims/a.yaml::syntax PASSED*",
            "claims/a.yaml::no-shouting FAILED*",
            "claims/b.yaml::same-text PASSED*",
            "*_ claims/a.yaml: no-shouting _*",
            "claims/a.yaml:5:5: XY101 [[]error] no-shouting: shouting: ALL IS WELL",
        ]
    )
    output = result.stdout.str()
    assert "Traceback" not in output and "def runtest" not in output and "ClaimcheckFailure" not in output


def test_findings_below_fail_on_pass_and_are_shown(project):
    result = per_rule(project, "--claimcheck", "claims/", "-rA")
    result.stdout.fnmatch_lines(
        [
            "*_ claims/b.yaml: same-text _*",
            "*Captured claimcheck call*",
            "claims/b.yaml:5:5: XY201 [[]warning] same-text: same text as a#calm",
            "    related: claims/a.yaml:8:5 (a#calm)",
        ]
    )


def test_k_and_junitxml(project):
    result = per_rule(project, "--claimcheck", "claims/", "-k", "no-shouting", "--junitxml=report.xml")
    result.assert_outcomes(passed=1, failed=1, deselected=6)
    root = ET.parse(project.path / "report.xml").getroot()
    cases = {(c.get("classname"), c.get("name")): c for c in root.iter("testcase")}
    assert set(cases) == {("claims.a.yaml", "no-shouting"), ("claims.b.yaml", "no-shouting")}
    failure = cases[("claims.a.yaml", "no-shouting")].find("failure")
    assert failure.get("message").startswith("claims/a.yaml:5:5: XY101 [error] no-shouting: shouting: ALL IS WELL")
    assert "Traceback" not in (failure.text or "")


def test_marker_selects_claim_items(project):
    project.makepyfile(test_plain="def test_plain():\n    pass\n")
    result = per_rule(project, "--claimcheck", "claims/", "test_plain.py", "-m", "claimcheck")
    result.assert_outcomes(passed=7, failed=1, deselected=1)
    result = per_rule(project, "--claimcheck", "claims/", "test_plain.py", "-m", "not claimcheck", "--strict-markers")
    result.assert_outcomes(passed=1, deselected=8)


def test_corpus_rules_see_the_whole_corpus(project):
    # Only b.yaml is collected; a.yaml (a configured path) is still loaded for the corpus rule.
    result = per_rule(project, "--claimcheck", "claims/b.yaml", "-rA")
    result.assert_outcomes(passed=4)
    result.stdout.fnmatch_lines(["claims/b.yaml:5:5: XY201 [[]warning] same-text: same text as a#calm"])


def test_off_unless_asked(project):
    result = per_rule(project, "claims/")
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_ini_option_and_testpaths(project):
    (project.path / "pyproject.toml").write_text(
        PYPROJECT.format(extra='\n[tool.pytest.ini_options]\ntestpaths = ["tests"]\nclaimcheck = true\n'), encoding="utf-8"
    )
    project.mkdir("tests")
    (project.path / "tests" / "test_plain.py").write_text("def test_plain():\n    pass\n", encoding="utf-8")
    (project.path / "tests" / "data.yaml").write_text("cases: [1, 2]\n", encoding="utf-8")
    result = per_rule(project, )  # testpaths is tests/, and the claim paths are collected too
    result.assert_outcomes(passed=8, failed=1)
    result = per_rule(project, "--no-claimcheck")
    result.assert_outcomes(passed=1)


def test_explicit_paths_collect_only_claim_like_yaml(project):
    project.mkdir("tests")
    (project.path / "tests" / "fixture.yaml").write_text("cases: [1, 2]\n", encoding="utf-8")
    (project.path / "tests" / "extra.yaml").write_text(claim_file("extra", ("loud", "HEY")), encoding="utf-8")
    result = per_rule(project, "--claimcheck", "tests/", "-v")
    result.assert_outcomes(passed=3, failed=1)
    assert "fixture.yaml" not in result.stdout.str()


def test_cache_skips_unchanged_files_keyed_on_content(project, tmp_path):
    per_rule(project, "--claimcheck", "claims/").assert_outcomes(passed=7, failed=1)
    assert rules_ran(tmp_path) == ["no-shouting a#calm", "no-shouting a#shout", "no-shouting b#echo", "same-text corpus"]
    # Nothing changed: nothing is loaded or run, the results are the same.
    result = per_rule(project, "--claimcheck", "claims/", "-rA")
    result.assert_outcomes(passed=7, failed=1)
    result.stdout.fnmatch_lines(
        ["claims/a.yaml:5:5: XY101 [[]error] no-shouting: shouting: ALL IS WELL", "*same text as a#calm*"]
    )
    assert rules_ran(tmp_path) == []
    # A new mtime is not a change.
    import os

    for name in ("a.yaml", "b.yaml"):
        os.utime(project.path / "claims" / name, (1, 1))
    per_rule(project, "--claimcheck", "claims/").assert_outcomes(passed=7, failed=1)
    assert rules_ran(tmp_path) == []
    # b.yaml changes: claim rules re-check b.yaml only; corpus rules re-run.
    (project.path / "claims" / "b.yaml").write_text(claim_file("b", ("echo", "ALL IS CALM")), encoding="utf-8")
    per_rule(project, "--claimcheck", "claims/").assert_outcomes(passed=6, failed=2)
    assert rules_ran(tmp_path) == ["no-shouting b#echo", "same-text corpus"]
    # The configuration is part of the key.
    (project.path / "pyproject.toml").write_text(
        PYPROJECT.format(extra='[tool.claimcheck.rules.no-shouting]\nseverity = "warning"\n'), encoding="utf-8"
    )
    per_rule(project, "--claimcheck", "claims/").assert_outcomes(passed=8)
    assert "no-shouting a#shout" in rules_ran(tmp_path)
    # So is the rule's code.
    rule = project.path / "rules" / "same_text.py"
    rule.write_text(rule.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    per_rule(project, "--claimcheck", "claims/").assert_outcomes(passed=8)
    assert "same-text corpus" in rules_ran(tmp_path)


def test_a_crashing_rule_fails_its_items(project):
    (project.path / "rules" / "same_text.py").write_text(SAME_TEXT.replace("seen = {}", "seen = 1 / 0"), encoding="utf-8")
    result = per_rule(project, "--claimcheck", "claims/", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=5, failed=3)
    result.stdout.fnmatch_lines(
        ["*same_text.py:*: XY201 [[]error] same-text: rule same-text crashed (ZeroDivisionError: division by zero)*"]
    )


def test_bad_configuration_is_a_usage_error(project):
    (project.path / "pyproject.toml").write_text('[tool.claimcheck]\nselect = ["no-such-rule"]\n', encoding="utf-8")
    result = per_rule(project, "--claimcheck", "claims/")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*claimcheck: select: unknown rule 'no-such-rule'*"])


def test_xdist(project):
    pytest.importorskip("xdist")
    result = per_rule_subprocess(project, "--claimcheck", "claims/", "-n", "2", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=7, failed=1)
    result.stdout.fnmatch_lines(["*claims/a.yaml:5:5: XY101 [[]error] no-shouting: shouting: ALL IS WELL*"])


def test_cli_and_plugin_give_the_same_findings(project, capsys):
    """One session for both: a misspelt rule in `ignore:` is a schema warning in both, and with
    fail-on = "warning" both fail (the plugin once built its plan without the known rules)."""
    from claimcheck.cli import main

    (project.path / "pyproject.toml").write_text(PYPROJECT.format(extra='fail-on = "warning"\n'), encoding="utf-8")
    (project.path / "claims" / "c.yaml").write_text(
        claim_file("c", ("typo", "all is well")).replace("text: all is well", "text: all is well\n    ignore: [no-shoutin]"),
        encoding="utf-8",
    )
    cwd = os.getcwd()
    os.chdir(project.path)
    try:
        assert main(["--no-cache"]) == 1
    finally:
        os.chdir(cwd)
    cli_lines = sorted(line for line in capsys.readouterr().out.splitlines() if line)
    assert any("schema: `ignore:` names unknown rule `no-shoutin`" in line for line in cli_lines)
    result = per_rule(project, "--claimcheck", "claims/", "-rA")
    output = result.stdout.str()
    for line in cli_lines:
        assert line in output, f"the plugin does not report: {line}"
    assert "claims/c.yaml::schema FAILED" in output or "FAILED claims/c.yaml::schema" in output


def test_one_item_per_file_by_default(project):
    result = project.runpytest("--claimcheck", "claims/", "-v", "-rA")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            "claims/a.yaml::claimcheck FAILED*",
            "claims/b.yaml::claimcheck PASSED*",
            "*_ claims/a.yaml: claimcheck _*",
            "claims/a.yaml:5:5: XY101 [[]error] no-shouting: shouting: ALL IS WELL",
        ]
    )
    # b.yaml's warning (below fail-on) is in its report section, not a failure.
    result.stdout.fnmatch_lines(["*Captured claimcheck call*", "claims/b.yaml:5:5: XY201 [[]warning] same-text: same text as a#calm"])


def test_one_item_per_file_under_xdist(project):
    pytest.importorskip("xdist")
    result = project.runpytest_subprocess("--claimcheck", "claims/", "-n", "2", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*claims/a.yaml:5:5: XY101 [[]error] no-shouting: shouting: ALL IS WELL*"])


def test_claimcheck_items_must_be_file_or_rule(project):
    result = project.runpytest("--claimcheck", "claims/", "-o", "claimcheck-items=rules")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*claimcheck-items: expected `file` or `rule`, got 'rules'*"])
