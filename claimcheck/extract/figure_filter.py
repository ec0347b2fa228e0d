"""Numbers that are not figures.

Not figures: years and dates (the date finder owns them), ordinals and
ranks, numbers that are part of a name ("Minsk 2", "Article 5", "Dnipro 1
and 2"), the word "one" used as a determiner, clock times, numbers in
verbless lines (captions, page furniture), and small spelled-out numbers
that quantify nothing a reader could check: an idiom or a number standing
alone ("it takes two to tango"), a definite reference ("the two parties",
"those three men") or a generic referent ("two sides", "two ways") --
unless what is counted matters (killed, injured, troops, prisoners, ...).
"""
from __future__ import annotations

import re

from .figure_fields import governing_verb
from .lexicon import COUNT_NOUNS, GENERIC_COUNT_NOUNS, TOLL_WORDS
from .number_spans import NUMBER_WORDS, unit_after

_YEAR = re.compile(r"^(1[0-9]{3}|20[0-9]{2})$")


def is_not_a_figure(ctx, span) -> bool:
    """The number expression `span` is no figure (see the module's list)."""
    doc = span.doc
    first = span[0]
    if first.ent_type_ in ("DATE", "TIME") and not _duration_unit(span):
        return True
    if _YEAR.match(first.text) and len(span) == 1 and not (first.dep_ == "nummod" and first.head.tag_ in ("NNS", "NNPS")):
        return True
    if span.text.lower() in ("one", "a", "an") and not unit_after(span):
        return True          # "one survivor", "one of its most dire hours"
    prev = doc[span.start - 1] if span.start > 0 else None
    if (prev is not None and prev.is_alpha and prev.text[:1].isupper() and prev.i > first.sent.start
            and first.text.isdigit() and len(first.text) <= 3 and prev.lower_ not in NUMBER_WORDS):
        return True          # "Minsk 2", "Article 5", "Nord Stream 2"
    if prev is not None and prev.lower_ in ("and", "or") and span.start > 1 and first.text.isdigit():
        before = doc[span.start - 2]
        if before.text.isdigit() and before.i > 0 and doc[before.i - 1].pos_ == "PROPN":
            return True      # "Dnipro 1 and 2"
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.text in ("-",) and span.end + 1 < len(doc) and doc[span.end + 1].lower_ in ("year-old", "old"):
        return False
    sent = first.sent
    if not any(t.pos_ in ("VERB", "AUX") for t in sent):
        return True          # captions, page furniture
    return nxt is not None and nxt.lower_ in ("a.m.", "p.m.", "am", "pm", "o'clock")     # a clock time


def _duration_unit(span):
    unit = unit_after(span)
    after = span.doc[span.end:span.end + 3]
    if unit in ("years", "months", "weeks", "days", "hours", "decades", "minutes") and not any(t.lower_ in ("ago", "later", "earlier") for t in after):
        return unit
    return None

_SMALL_LIMIT = 10
_DEFINITE = {"the", "these", "those", "both", "all"}
_HARM_WORDS = TOLL_WORDS | {"injure", "injured", "wound", "wounded", "hurt", "injury", "injuries"}


def quantifies_nothing(span, value, noun_tok) -> bool:
    """A small spelled-out number that quantifies no checkable claim: alone
    ("it takes two to tango"), a definite reference ("the two parties",
    "those three men") or a generic referent ("two sides", "two ways").
    Kept when what is counted matters: a toll or harm ("two were killed",
    "the two soldiers killed"), or a count noun such as troops or prisoners."""
    if any(c.isdigit() for c in span.text) or value is None or value > _SMALL_LIMIT:
        return False
    doc = span.doc
    counted = noun_tok
    nxt = doc[span.end] if span.end < len(doc) else None
    if counted is None and nxt is not None and nxt.lower_ == "of":        # "three of the suspects"
        counted = next((c for c in nxt.children if c.dep_ == "pobj"), None)
    verb = governing_verb(span[-1], counted)
    words = {counted.lower_, counted.lemma_.lower()} if counted is not None else set()
    if verb is not None:
        words |= {verb.lower_, verb.lemma_.lower()}
    if counted is not None:
        words |= {c.lower_ for c in counted.children if c.dep_ in ("acl", "relcl", "amod")}
    if words & _HARM_WORDS or (counted is not None and counted.lower_ in COUNT_NOUNS):
        return False
    if counted is None:
        return True                      # a number standing alone: "it takes two to tango"
    if counted.lower_ in GENERIC_COUNT_NOUNS:
        return True                      # "two sides", "two parties"
    prev = doc[span.start - 1] if span.start > 0 else None
    return prev is not None and prev.lower_ in _DEFINITE     # "the two leaders": a reference, not a count
