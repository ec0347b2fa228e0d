"""The habits of ruff users, one test each, through the command line as a user types it.

Selection by prefix and `extend-select`, did-you-mean everywhere, case-insensitive rule names,
`--fix` / `--diff` / `--unsafe-fixes` keeping comments, disable comments, `unused-ignore`,
`--show-source`, colour, standard input, `--exclude` and `.gitignore`, the output format and
per-file-ignores in configuration, `--statistics` as JSON, `ignore:` on either claim of a pair.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from claimcheck.cli import main

CONFLICT = """\
article: {{id: {article}, published: 2022-02-01}}
claims:
  # the toll as reported
  - {{id: toll, kind: figure, text: "{value} people died", subject: mine blast, metric: deaths, value: {value},
     attribution: {{source: officials, type: organization}}{extra}}}
"""


def write(project, name: str, text: str):
    path = project / "claims" / name
    path.write_text(text, encoding="utf-8")
    return path


def conflict(project, extra_a: str = "", extra_b: str = ""):
    write(project, "a.yaml", CONFLICT.format(article="a", value=52, extra=extra_a))
    write(project, "b.yaml", CONFLICT.format(article="b", value=12, extra=extra_b))


def run_json(capsys, *args) -> tuple[int, list[dict]]:
    code = main(["check", "--format", "json", "--no-cache", "-q", *args])
    return code, json.loads(capsys.readouterr().out)["findings"]


def rules_of(findings) -> list[str]:
    return sorted(f["rule"] for f in findings)


# Selection -------------------------------------------------------------------------------------------


def test_select_by_code_prefix_and_ignore_by_prefix(project, capsys):
    conflict(project)
    write(
        project,
        "c.yaml",
        "article: {id: c, published: 2022-02-01}\nclaims:\n  - {id: x, kind: figure, text: t, subject: s, metric: m, value: 1}\n",
    )
    _code, findings = run_json(capsys, "--select", "CC1")
    assert rules_of(findings) == ["numeric-conflict"]
    _code, findings = run_json(capsys, "--select", "CC3")
    assert "unattributed" in rules_of(findings) and set(rules_of(findings)) <= {"unattributed", "vague-attribution", "attribution-conflict"}
    _code, findings = run_json(capsys, "--ignore", "CC3")
    assert "unattributed" not in rules_of(findings) and "numeric-conflict" in rules_of(findings)


def test_extend_select_adds_to_the_configured_selection(project, capsys):
    conflict(project)
    write(
        project,
        "c.yaml",
        "article: {id: c, published: 2022-02-01}\nclaims:\n  - {id: x, kind: figure, text: t, subject: s, metric: m, value: 1}\n",
    )
    (project / "pyproject.toml").write_text('[tool.claimcheck]\npaths = ["claims"]\nselect = ["CC1"]\n', encoding="utf-8")
    _code, findings = run_json(capsys)
    assert rules_of(findings) == ["numeric-conflict"]
    _code, findings = run_json(capsys, "--extend-select", "unattributed")
    assert set(rules_of(findings)) == {"numeric-conflict", "unattributed"}


def test_did_you_mean_for_rule_names_and_configuration_keys(project, capsys):
    conflict(project)
    assert main(["check", "--select", "numeric-conflcit", "--no-cache", "-q"]) == 2
    assert "did you mean `numeric-conflict`" in capsys.readouterr().err
    (project / "pyproject.toml").write_text('[tool.claimcheck]\npaths = ["claims"]\nselcet = ["CC1"]\n', encoding="utf-8")
    assert main(["check", "--no-cache", "-q"]) == 2
    assert "did you mean `select`" in capsys.readouterr().err


def test_rule_names_are_case_insensitive_and_misspellings_are_answered(project, capsys):
    assert main(["rule", "Arithmetic"]) == 0
    assert "arithmetic" in capsys.readouterr().out.lower()
    assert main(["rule", "cc102"]) == 0
    assert main(["rule", "arithmetc"]) == 2
    assert "arithmetic" in capsys.readouterr().err


# Fixes -----------------------------------------------------------------------------------------------


TYPO = """\
article: {id: a, published: 2022-02-01}
claims:
  # a reviewer's comment stays
  - id: toll
    kind: figure
    text: about 52 people died, officials said
    subject: mine blast
    metric: deaths
    value: 52
    aprox: around   # misspelt key, and a synonym of "about"
    attribution: {source: officials, type: organization}
"""


def test_fix_renames_a_misspelt_key_keeping_comments_and_diff_only_shows(project, capsys):
    path = write(project, "a.yaml", TYPO)
    assert main(["check", "--diff", "--no-cache", "-q"]) in (0, 1)
    diff = capsys.readouterr().out
    assert "-    aprox: around" in diff and "+    approx: around" in diff
    assert path.read_text(encoding="utf-8") == TYPO  # --diff writes nothing
    main(["check", "--fix", "--no-cache", "-q"])
    fixed = path.read_text(encoding="utf-8")
    assert "    approx: around   # misspelt key" in fixed and "# a reviewer's comment stays" in fixed
    main(["check", "--fix", "--no-cache", "-q"])  # the synonym's fix comes once the key is known
    assert "    approx: about   # misspelt key" in path.read_text(encoding="utf-8")


def test_unsafe_fixes_only_when_asked(project, capsys):
    # A past event dated after publication: marking it planned is only safe when its words say so.
    text = "article: {id: a, published: 2022-04-02}\nclaims:\n  - {id: e, kind: event, text: met again, subject: talks, date: 2022-04-10}\n"
    path = write(project, "a.yaml", text)
    main(["check", "--fix", "--no-cache", "-q"])
    assert path.read_text(encoding="utf-8") == text
    main(["check", "--fix", "--unsafe-fixes", "--no-cache", "-q"])
    assert "tense: future" in path.read_text(encoding="utf-8")


# Suppression -----------------------------------------------------------------------------------------


def test_ignore_on_either_claim_of_a_pair_suppresses_the_finding(project, capsys):
    conflict(project, extra_a=", ignore: [numeric-conflict]")
    _code, findings = run_json(capsys, "--select", "numeric-conflict,unused-ignore")
    assert findings == []
    conflict(project, extra_b=", ignore: [CC101]")
    _code, findings = run_json(capsys, "--select", "numeric-conflict,unused-ignore")
    assert findings == []


def test_an_ignore_that_suppresses_nothing_is_reported_and_fixed(project, capsys):
    text = (
        "article: {id: a, published: 2022-02-01}\nclaims:\n"
        "  - {id: t, kind: figure, text: t, subject: s, metric: m, value: 1, ignore: [date-conflict, unattributed]}  # keep me\n"
    )
    path = write(project, "a.yaml", text)
    _code, findings = run_json(capsys)
    unused = [f for f in findings if f["rule"] == "unused-ignore"]
    assert len(unused) == 1 and "date-conflict" in unused[0]["message"]
    main(["check", "--fix", "--no-cache", "-q"])
    fixed = path.read_text(encoding="utf-8")
    assert "ignore: [unattributed]}  # keep me" in fixed


def test_disable_comments_for_a_claim_and_for_a_file(project, capsys):
    write(project, "a.yaml", "article: {id: a, published: 2022-02-01}\nclaims:\n"
          "  - {id: t, kind: figure, text: t, subject: s, metric: m, value: 1}  # claimcheck: noqa: unattributed\n"
          "  - {id: u, kind: figure, text: t, subject: s2, metric: m, value: 1}\n")  # fmt: skip
    _code, findings = run_json(capsys, "--select", "unattributed")
    assert [f["claim"] for f in findings] == ["u"]
    write(project, "a.yaml", "# claimcheck: file-noqa: CC301\narticle: {id: a, published: 2022-02-01}\nclaims:\n"
          "  - {id: u, kind: figure, text: t, subject: s2, metric: m, value: 1}\n")  # fmt: skip
    _code, findings = run_json(capsys, "--select", "unattributed")
    assert findings == []


# Output ----------------------------------------------------------------------------------------------


def test_show_source_prints_the_claim_lines_under_each_finding(project, capsys):
    conflict(project)
    main(["check", "--show-source", "--select", "numeric-conflict", "--no-cache", "-q", "--color", "never"])
    out = capsys.readouterr().out
    assert "people died" in out.split("CC101", 1)[1]


def test_colour_when_asked_and_never_when_not(project, capsys, monkeypatch):
    conflict(project)
    main(["check", "--color", "always", "--no-cache", "-q"])
    assert "\x1b[" in capsys.readouterr().out
    main(["check", "--color", "never", "--no-cache", "-q"])
    assert "\x1b[" not in capsys.readouterr().out
    main(["check", "--no-cache", "-q"])  # auto: captured output is no terminal
    assert "\x1b[" not in capsys.readouterr().out
    monkeypatch.setenv("NO_COLOR", "1")
    main(["check", "--color", "auto", "--no-cache", "-q"])
    assert "\x1b[" not in capsys.readouterr().out


def test_output_format_from_configuration_and_statistics_as_json(project, capsys):
    conflict(project)
    (project / "pyproject.toml").write_text('[tool.claimcheck]\npaths = ["claims"]\noutput-format = "json"\n', encoding="utf-8")
    main(["check", "--no-cache", "-q"])
    assert json.loads(capsys.readouterr().out)["findings"]
    main(["check", "--no-cache", "-q", "--statistics"])
    statistics = json.loads(capsys.readouterr().out)
    assert any("numeric-conflict" in json.dumps(row) for row in (statistics if isinstance(statistics, list) else [statistics]))


# Inputs ----------------------------------------------------------------------------------------------


def test_standard_input_is_checked_as_the_named_file_with_the_corpus(project):
    conflict(project)
    text = CONFLICT.format(article="b", value=12, extra="")
    done = subprocess.run(
        [sys.executable, "-m", "claimcheck", "check", "-", "--stdin-filename", "claims/b.yaml", "--format", "json", "-q"],
        input=text, capture_output=True, text=True, cwd=project, check=False,
    )  # fmt: skip
    findings = json.loads(done.stdout)["findings"]
    assert [(f["rule"], f["path"]) for f in findings if f["rule"] == "numeric-conflict"] == [("numeric-conflict", "claims/b.yaml")]


def test_standard_input_reports_only_itself_and_fix_prints_the_fixed_text(project):
    conflict(project)
    write(project, "c.yaml", TYPO)  # another file's finding: not what standard input asked about
    before = (project / "claims" / "b.yaml").read_text(encoding="utf-8")
    stdin = TYPO.replace("id: a", "id: b")
    lint = subprocess.run(
        [sys.executable, "-m", "claimcheck", "check", "-", "--stdin-filename", "claims/b.yaml", "--format", "json", "-q"],
        input=stdin, capture_output=True, text=True, cwd=project, check=False,
    )  # fmt: skip
    assert {f["path"] for f in json.loads(lint.stdout)["findings"]} == {"claims/b.yaml"}
    fixed = subprocess.run(
        [sys.executable, "-m", "claimcheck", "check", "-", "--stdin-filename", "claims/b.yaml", "--fix", "-q"],
        input=stdin, capture_output=True, text=True, cwd=project, check=False,
    )  # fmt: skip
    assert "approx: around   # misspelt key" in fixed.stdout and "aprox" not in fixed.stdout  # as ruff: the text, fixed
    assert (project / "claims" / "b.yaml").read_text(encoding="utf-8") == before  # the file it names is untouched


def test_a_missing_default_folder_is_a_usage_error_not_a_finding(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-cache", "-q"]) == 2
    assert "nothing to check: `claims` does not exist here" in capsys.readouterr().err


def test_fixes_keep_the_files_permissions(project, capsys):
    import os
    import stat

    path = write(project, "a.yaml", TYPO)
    os.chmod(path, 0o644)
    main(["check", "--fix", "--no-cache", "-q"])
    assert "approx:" in path.read_text(encoding="utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_exclude_and_gitignore(project, capsys):
    conflict(project)
    _code, findings = run_json(capsys, "--exclude", "claims/b.yaml")
    assert "numeric-conflict" not in rules_of(findings)
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    (project / ".gitignore").write_text("claims/b.yaml\n", encoding="utf-8")
    _code, findings = run_json(capsys)
    assert "numeric-conflict" not in rules_of(findings)
    _code, findings = run_json(capsys, "--no-respect-gitignore")
    assert "numeric-conflict" in rules_of(findings)


def test_per_file_ignores_are_relative_to_the_configuration_not_the_working_directory(project, capsys, monkeypatch):
    conflict(project)
    (project / "pyproject.toml").write_text(
        '[tool.claimcheck]\npaths = ["claims"]\n[tool.claimcheck.per-file-ignores]\n"claims/*.yaml" = ["numeric-conflict"]\n',
        encoding="utf-8",
    )
    _code, findings = run_json(capsys)
    assert "numeric-conflict" not in rules_of(findings)
    monkeypatch.chdir(project / "claims")
    _code, findings = run_json(capsys, ".")
    assert "numeric-conflict" not in rules_of(findings)


def test_an_article_id_given_by_two_files_is_reported(project, capsys):
    write(project, "a.yaml", CONFLICT.format(article="same", value=52, extra=""))
    write(project, "b.yaml", CONFLICT.format(article="same", value=52, extra=""))
    _code, findings = run_json(capsys, "--select", "schema")
    assert any("same" in f["message"] and "article" in f["message"] for f in findings)


def test_a_misspelt_rule_option_is_answered_with_the_option_meant(project, capsys):
    (project / "pyproject.toml").write_text(
        (project / "pyproject.toml").read_text(encoding="utf-8") + '\n[tool.claimcheck.rules.numeric-conflict]\nmax-per-clam = 2\n',
        encoding="utf-8",
    )
    assert main(["check", "--no-cache", "-q"]) == 2
    assert "unknown option `max-per-clam` (did you mean `max-per-claim`?)" in capsys.readouterr().err
