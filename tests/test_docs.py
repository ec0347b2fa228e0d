"""Every rule documents itself, and docs/rules.md is the current collection of that text."""

from pathlib import Path

from claimcheck.registry import discover_rules
from claimcheck.ruledocs import rules_markdown

from .conftest import REPO


def test_every_builtin_rule_has_documentation_with_examples():
    for rule in discover_rules().values():
        assert rule.summary, rule.name
        if rule.name not in ("syntax", "schema"):
            assert "Fails" in rule.doc and "Passes" in rule.doc, f"{rule.name} lacks a failing/passing example"


def test_docs_vocabulary_page_is_current():
    from claimcheck.ruledocs import vocabulary_markdown

    assert (REPO / "docs" / "vocabulary.md").read_text(encoding="utf-8") == vocabulary_markdown(), "run: python scripts/make_rule_docs.py"


def test_docs_rules_page_is_current():
    page = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert page == rules_markdown(discover_rules()), "run: python scripts/make_rule_docs.py"


def test_the_rule_in_writing_rules_works_as_documented(tmp_path):
    """docs/writing-rules.md's example rule is installed as a project rule, and its own documented
    examples fail and pass as they say."""
    from claimcheck.config import Config
    from claimcheck.ruledocs import examples
    from claimcheck.session import Session

    page = (REPO / "docs" / "writing-rules.md").read_text(encoding="utf-8")
    source = page.split("````python\n", 1)[1].split("````", 1)[0]
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "no_shouting.py").write_text(source, encoding="utf-8")
    rules = discover_rules([str(tmp_path / "rules")])
    documented = examples(rules["no-shouting"])
    for verdict, expected in (("Fails", True), ("Passes", False)):
        for index, files in enumerate(documented[verdict]):
            folder = tmp_path / f"{verdict}-{index}"
            for name, text in files.items():
                (folder / name).parent.mkdir(parents=True, exist_ok=True)
                (folder / name).write_text(text, encoding="utf-8")
            session = Session.open(config=Config(root=folder), rules=rules, select=["no-shouting", "schema"])
            found = session.check([str(folder)]).findings
            assert [f.rule for f in found if f.rule == "schema"] == []
            assert bool([f for f in found if f.rule == "no-shouting"]) is expected, (verdict, found)


def test_every_install_line_installs_this_project():
    """The package index's `claimcheck` is another project: every `pip install` in the docs, the
    README and the messages of the code names `claimcheck-lint` (or a path of this repository)."""
    import re

    root = Path(__file__).resolve().parent.parent
    texts = [root / "README.md", *sorted((root / "docs").glob("*")), *sorted((root / "claimcheck").rglob("*.py")),
             *sorted((root / "claimcheck" / "data").rglob("*.yaml")), *sorted((root / "claimcheck" / "data").rglob("*.yml"))]
    wrong = []
    for path in texts:
        if not path.is_file():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in re.finditer(r"pip install\s+(?:-[\w-]+\s+)*['\"]?([\w.\-]+)", line):
                if match.group(1) == "claimcheck" or match.group(1).startswith("claimcheck["):
                    wrong.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    assert wrong == []
