#!/usr/bin/env python3
"""Write docs/rules.md from the built-in rules' docstrings (tests/test_docs.py keeps it current)."""

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from claimcheck.registry import discover_rules  # noqa: E402
from claimcheck.ruledocs import rules_markdown, vocabulary_markdown  # noqa: E402

if __name__ == "__main__":
    (REPO / "docs" / "rules.md").write_text(rules_markdown(discover_rules()), encoding="utf-8")
    (REPO / "docs" / "vocabulary.md").write_text(vocabulary_markdown(), encoding="utf-8")
    print("wrote docs/rules.md, docs/vocabulary.md")
