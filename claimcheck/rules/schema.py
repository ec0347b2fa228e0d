"""A claim or reference file that breaks the claims format (v1).

## What it does

Reports, at the offending line, a missing or wrongly typed field, an unknown claim kind, a
duplicate claim id, an article id that another file of the corpus gives too, a duplicate mapping key, an impossible date (`2021-02-30`), a range whose end
precedes its start, a file with neither `article` nor `claims`. Unknown fields (most are typos
such as `atribution`) are reported with severity *warning*, and so is a rule name or code in a
claim's `ignore:` list that no installed rule has (`unattribted`): it would suppress nothing.

## Why it matters

A claim that breaks the format is left out of the other rules, so its conflicts go unseen; the
rest of the file is still checked. A claim with an unknown field is still checked with the fields
it has. `claimcheck schema` prints the JSON Schema of the format, for editors.

## Fails

```yaml
article: {id: a}
claims:
  - id: helmets
    kind: figure
    text: Berlin would supply 5,000 helmets
    value: "5,000"      # a number is expected; subject and metric are missing
```

## Passes

```yaml
article: {id: a}
claims:
  - id: helmets
    kind: figure
    text: Berlin would supply 5,000 helmets
    subject: German military aid to Ukraine
    metric: helmets pledged
    value: 5000
```
"""

import difflib

from claimcheck.rule_api import Problem
from claimcheck.rules.common import loader_problems

NAME = "schema"
CODE = "CC002"
SEVERITY = "error"
SCOPE = "file"


def check(source, options, corpus):
    yield from loader_problems(source, NAME)
    known = getattr(corpus, "rule_names", None)
    if known:
        for claim in getattr(source, "claims", ()):
            yield from _unknown_ignores(claim, known)
    yield from _duplicate_article(source, corpus)


def _duplicate_article(source, corpus):
    """An article id is unique in the corpus (the spec): two files giving one id are reported."""
    others = [f for f in corpus.article_ids.get(source.article_id, ()) if f is not source] if getattr(source, "article_id", None) else []
    if others and getattr(source, "article", None) is not None:
        line, column = source.article.marks.get(("id",)) or (source.line, source.column)
        where = ", ".join(f"{f.path}:{(f.article.marks.get(('id',)) or (f.line, 1))[0] if f.article else f.line}" for f in others[:3])
        yield Problem(f"duplicate article id `{source.article_id}`: also in {where} (an article id is unique in the corpus)", file=source, line=line, column=column)


def _unknown_ignores(claim, known: frozenset):
    """A misspelt rule in a claim's `ignore:` suppresses nothing; say so (a warning)."""
    for index, name in enumerate(claim.ignore):
        if name in known or name.upper() in known:
            continue
        close = difflib.get_close_matches(name, sorted(known), n=1)
        hint = f" (did you mean `{close[0]}`?)" if close else ""
        message = f"`ignore:` names unknown rule `{name}`{hint}: it suppresses nothing"
        yield Problem(message, claim=claim, field=("ignore", index), severity="warning")
