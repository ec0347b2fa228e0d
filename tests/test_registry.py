"""One mechanism for all rules: built-ins and plugins via entry points, project rule folders."""

import pytest

from claimcheck.registry import RuleDefinitionError, discover_rules, resolve

from .fixture_rules import NO_SHOUTING, install

PLUGIN_MODULE = '''
"""A rule shipped by a third-party package."""
NAME = "plugin-rule"
CODE = "PLG001"
SEVERITY = "warning"
SCOPE = "corpus"


def check(corpus, options, _corpus):
    return ()
'''


def test_builtin_rules_come_through_entry_points():
    rules = discover_rules()
    assert {"syntax", "schema", "numeric-conflict", "arithmetic", "date-conflict", "anachronism", "unattributed",
            "vague-attribution", "attribution-conflict", "role-conflict"} <= set(rules)
    assert all(rule.origin.startswith("entry point") for rule in rules.values())
    assert resolve(rules, "cc101").name == "numeric-conflict"


def test_rule_folder_is_discovered(tmp_path):
    (tmp_path / "rules").mkdir()
    install(tmp_path / "rules", NO_SHOUTING)
    (tmp_path / "rules" / "_helper.py").write_text("raise RuntimeError('private modules are not rules')")
    rule = discover_rules([str(tmp_path / "rules")])["no-shouting"]
    assert (rule.code, rule.severity, rule.scope) == ("XY101", "error", "claim")
    assert rule.summary == "Flags statements written in capitals."
    assert rule.options().min_length == 3


def test_fake_installed_plugin_is_discovered(tmp_path, monkeypatch):
    (tmp_path / "fake_plugin.py").write_text(PLUGIN_MODULE)
    dist = tmp_path / "fake_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: fake-plugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[claimcheck.rules]\nplugin-rule = fake_plugin\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    rules = discover_rules()
    assert rules["plugin-rule"].origin == "entry point plugin-rule = fake_plugin"


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("NAME = 'Bad Name'\nCODE = 'X1'\ndef check(t, o, c): return ()\n", "not kebab-case"),
        ("CODE = 'X1'\ndef check(t, o, c): return ()\n", "needs NAME"),
        ("NAME = 'x'\nCODE = 'X1'\nSCOPE = 'galaxy'\ndef check(t, o, c): return ()\n", "SCOPE 'galaxy'"),
        ("import nonexistent_module_xyz\n", "cannot import"),
        ("NAME = 'schema'\nCODE = 'ZZ1'\ndef check(t, o, c): return ()\n", "defined twice"),
    ],
)
def test_broken_rule_definitions_are_reported(tmp_path, source, message):
    (tmp_path / "bad.py").write_text(source)
    with pytest.raises(RuleDefinitionError) as raised:
        discover_rules([str(tmp_path)])
    assert message in str(raised.value) and "bad.py" in str(raised.value)
