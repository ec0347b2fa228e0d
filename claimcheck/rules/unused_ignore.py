"""An `ignore:` entry that suppresses nothing.

## What it does

Reports an entry of a claim's `ignore:` list that names a rule which ran and found nothing on that
claim to suppress (the claim's finding may have been fixed, or the entry put on the wrong claim).
A finding about two claims is suppressed by `ignore:` on either of them; an entry that did that is
used. Entries naming rules that did not run (not selected) are not judged; entries naming no
installed rule are `schema` warnings. The fix removes the entry.

## Why it matters

An `ignore:` that suppresses nothing hides the next real finding of that rule on the claim, and
tells a reader a problem was looked at that is not there (ruff's RUF100, for claims).

## Fails

```yaml
article: {id: a, published: 2022-01-27}
claims:
  - {id: toll, kind: figure, text: "51 people died, officials said", subject: mine blast, metric: deaths,
     value: 51, attribution: {source: regional officials, type: organization}, ignore: [unattributed]}
```

## Passes

```yaml
article: {id: a, published: 2022-01-27}
claims:
  - {id: toll, kind: figure, text: 51 people died, subject: mine blast, metric: deaths, value: 51,
     ignore: [unattributed]}
```
"""

from __future__ import annotations

from claimcheck.rule_api import Edit, Fix, Problem

NAME = "unused-ignore"
CODE = "CC003"
SEVERITY = "warning"
SCOPE = "corpus"
LAST = True  # it judges what the other rules' findings used: it runs after them


def check(corpus, options, _corpus=None):
    used = {(id(claim), entry) for claim, entry in corpus.suppressions}
    selected = corpus.selected_rules
    for claim in corpus.claims():
        for index, entry in enumerate(claim.ignore):
            if (entry in selected or entry.upper() in selected) and (id(claim), entry) not in used:
                remaining = [other for other in claim.ignore if other != entry]
                fix = Fix(f"remove `{entry}` from `ignore:`", (Edit(("claims", claim.index, "ignore"), remaining),))
                yield Problem(
                    f"`ignore:` entry `{entry}` suppresses nothing: {entry} finds nothing on this claim",
                    claim=claim,
                    field=("ignore", index),
                    fix=fix,
                )
