"""A claim's `span` must select exactly its `text` in the article source.

This repository's own rule (found through `rule-paths = ["rules"]`): claim files point at the
seed articles with `article.source`, and every extracted claim carries `span: [start, end)`,
Python string offsets into the decoded article. After a reviewer edits `text` or the article
changes, the span goes stale; this rule says so. Claims without a span, and files whose source
is missing or unreadable, are skipped. Sources are read from inside the project root only, or
from the folders `[tool.claimcheck] article-roots` names (this repository: `../shared`, where
the seed articles are); a source anywhere else is reported, not read.

## Fails

The article reads "... killed 60 people ...":

```yaml
- id: deaths
  text: killed 61 people
  span: [1542, 1558]
```

## Passes

```yaml
- id: deaths
  text: killed 60 people
  span: [1542, 1558]
```
"""

from claimcheck.rules.common import Problem, article_text, quoted

NAME = "span-text"
CODE = "REPO001"
SEVERITY = "warning"
SCOPE = "article"
CACHE = False  # it reads the article texts, which the cache does not see


def check(claim_file, options, corpus):
    claims = [c for c in claim_file.claims if c.span is not None]
    if not claims:
        return
    text, why_not = article_text(claim_file, corpus)
    if text is None:
        if "outside the project" in why_not:
            line, column = claim_file.article.marks.get(("source",)) or (claim_file.line, claim_file.column)
            yield Problem(why_not, file=claim_file, line=line, column=column)
        return  # the article is not beside the repository (or not readable): nothing to compare
    for claim in claims:
        start, end = claim.span
        if end < start or end > len(text):
            yield Problem(f"span [{start}, {end}] lies outside the article ({len(text)} characters)", claim=claim, field="span")
        elif text[start:end] != claim.text:
            yield Problem(f"span [{start}, {end}] selects {quoted(text[start:end])}, not the claim's text", claim=claim, field="span")
