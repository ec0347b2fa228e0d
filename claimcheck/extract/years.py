"""Four-digit numbers the date finder takes for years: a year, a count, or a name.

The date finder (pure text) takes every 1000-2099 for a year; the parse
decides. "2042 Germans" counts people (a figure, not a date); "fiscal 2022",
"the 2022 budget" and "the Inflation Reduction Act of 2022" name a period or
a law (neither an event's date nor a figure's as_of). Figures and events ask
the same questions here.
"""
from __future__ import annotations

import re

from .lexicon import YEAR_NAMED_NOUNS

_FISCAL = re.compile(r"\b(?:fiscal|financial|budget|budgetary|tax|model|academic|school)(?:\s+years?)?\s*$", re.IGNORECASE)


def is_year_token(ctx, d) -> bool:
    """A four-digit number is a year unless it counts a plural noun ('2042 Germans')."""
    tok = ctx.token_at(d.start)
    if tok is None:
        return True
    return not (tok.dep_ == "nummod" and tok.head.tag_ in ("NNS", "NNPS") and tok.head.i > tok.i)


def year_is_name(ctx, d, mention) -> bool:
    """'fiscal 2022', 'the 2022 budget', 'the Inflation Reduction Act of 2022':
    the year names a period a plan covers, or is part of a law's name."""
    before = ctx.text[max(0, d.start - 30):d.start]
    if _FISCAL.search(before):
        return True
    root = mention.root
    head = root.head
    if root.dep_ in ("nummod", "compound", "amod", "npadvmod") and head.i > root.i:
        if head.lower_ in YEAR_NAMED_NOUNS:
            return True
        if head.ent_type_ == "LAW":
            return True                   # "the 2022 Appropriations Act"
    # "the Inflation Reduction Act of 2022"
    return root.dep_ == "pobj" and head.lower_ == "of" and head.head.ent_type_ == "LAW"
