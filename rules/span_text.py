"""A claim's `span` must select exactly its `text` in the article source.

This repository's own rule (found through `rule-paths = ["rules"]`): claim files point at the
seed articles with `article.source`, and every extracted claim carries `span: [start, end)`,
Python string offsets into the decoded article. After a reviewer edits `text` or the article
changes, the span goes stale; this rule says so. Claims without a span, and files whose source
is missing or unreadable, are skipped (the source lives outside the repository).

No options.

Fails (the article reads "... killed 60 people ...")::

    - id: deaths
      text: killed 61 people
      span: [1542, 1558]

Passes::

    - id: deaths
      text: killed 60 people
      span: [1542, 1558]
"""

from pathlib import Path

from claimcheck.rule_api import Problem

NAME = "span-text"
CODE = "REPO001"
SEVERITY = "warning"
SCOPE = "article"
CACHE = False  # it reads the article texts, which the cache does not see


def _article_text(claim_file) -> str | None:
    article = getattr(claim_file, "article", None)
    if article is None or not article.source:
        return None
    path = Path(claim_file.path).parent / article.source
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def check(claim_file, options, corpus):
    claims = [c for c in getattr(claim_file, "claims", []) if c.span is not None]
    text = _article_text(claim_file) if claims else None
    if text is None:
        return
    for claim in claims:
        start, end = claim.span
        if end < start or end > len(text):
            yield Problem(f"span [{start}, {end}] lies outside the article ({len(text)} characters)", claim=claim, field="span")
        elif text[start:end] != claim.text:
            found = text[start:end]
            shown = found if len(found) <= 60 else found[:57] + "..."
            yield Problem(f"span [{start}, {end}] selects {shown!r}, not the claim's text", claim=claim, field="span")
