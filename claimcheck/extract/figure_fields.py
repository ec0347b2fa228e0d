"""A figure's fields read off the parse around its number.

The counted noun and the verb that governs it ("51 deaths", "152 fighter jets", "people
killed"; `figure_subject` and `figure_metric` make subject and metric of them); a date in the
figure's own clause gives as_of ("since <date>" makes it cumulative), and so does the period it
covers ("rose 0.7% in the three months to 31 December" -> as_of 2004-10..2004-12); a speech verb
above the number or "according to X" gives the attribution.
"""
from __future__ import annotations

from .attribution import (
    describe_source,
    public,
    speech_verb_above,
    speech_verb_aside,
    subject_of,
)
from .event_filter import COMPARISON_BASE
from .figure_metric import forecast
from .partial_dates import as_partial, date_range, partial_date
from .story import EVENT_NOUNS
from .years import year_is_name


def counted_noun(span):
    """The noun a number counts: '51 deaths', '152 fighter jets' -> ('fighter jets', token)."""
    doc = span.doc
    last = span[-1]
    head = last.head if last.dep_ in ("nummod", "quantmod", "compound", "amod") else None
    if head is None or head.i < last.i:
        k = span.end
        while k < len(doc) and (doc[k].pos_ in ("ADJ",) or doc[k].text == "-" or _modifier_ahead(doc[k])):
            k += 1
        head = doc[k] if k < len(doc) and doc[k].pos_ in ("NOUN", "PROPN") else None
        while head is not None and head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head                  # "30 badly injured Rohingya Muslims": Muslims
    if head is None or head.pos_ not in ("NOUN", "PROPN"):
        return None, None
    if head.ent_type_ in ("DATE", "TIME") and head.i > last.i + 1:
        return None, None                     # "down from 311,764 last month": no months counted
    comps = [t for t in head.lefts if t.dep_ == "compound" and t.i > last.i]
    words = [t.text for t in comps] + [head.text]
    return " ".join(words), head


def _modifier_ahead(tok) -> bool:
    """A word of a modifier before the counted noun: "30 badly injured people" (an adverb and a
    participle that qualify a noun further on), never a verb of the clause ("30 were injured")."""
    return (tok.dep_ in ("amod", "advmod") and tok.pos_ in ("ADV", "VERB") and tok.tag_ not in ("VBD", "VBZ", "VBP")
            and tok.head.i > tok.i)


def governing_verb(tok, noun_tok):
    node = noun_tok if noun_tok is not None else tok
    for _ in range(6):
        if node.pos_ in ("VERB",) or (node.pos_ == "AUX" and node.dep_ == "ROOT"):
            return node
        if node.head == node:
            return None
        node = node.head
    return None


_PERIOD_UNITS = {"month": 1, "months": 1, "quarter": 3, "quarters": 3, "year": 12, "years": 12}
_PERIOD_BOUNDS = {"to", "ending", "ended", "through", "until", "till"}


def period_as_of(ctx, span, verb):
    """The period a figure covers, from its clause: "in the three months to 31 December" ->
    {start: 2004-10, end: 2004-12}; "the first nine months of 2017" -> 2017-01..2017-09."""
    from .figure_filter import is_period
    from .number_spans import expression_value

    if verb is None:
        return None
    doc = span.doc
    sent = span.sent
    for tok in sent:
        unit = _PERIOD_UNITS.get(tok.lower_)
        if unit is None or tok.i - 1 < sent.start:
            continue
        number = doc[tok.i - 1]
        n = expression_value(doc[tok.i - 1:tok.i]) if number.like_num or number.pos_ == "NUM" else None
        near = _nearest_verb(tok)
        if n is None or n < 1 or not is_period(doc[tok.i - 1:tok.i]) or near is None or near.i != verb.i:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is None:
            continue
        after = ctx.absolute(nxt.idx + len(nxt.text))
        bound = next((d for d in ctx.dates if after <= d.start <= after + 2), None)
        value = bound.resolve(ctx.published) if bound is not None else None
        if not isinstance(value, str) or len(value) < 4:
            continue
        months = int(n * unit)
        year, month = int(value[:4]), int(value[5:7]) if len(value) >= 7 else 12
        if nxt.lower_ == "of":                # "the first nine months of 2017"
            start, end = (year, 1), (year, min(12, months))
        elif nxt.lower_ in _PERIOD_BOUNDS:
            total = year * 12 + month - 1 - (months - 1)
            start, end = (total // 12, total % 12 + 1), (year, month)
        else:
            continue
        return date_range(partial_date(*start), partial_date(*end))
    return None


def time_of(ctx, span, verb):
    """(as_of, since) from a date in the figure's clause."""
    if verb is None:
        return None, False
    sent = span.sent
    s, e = ctx.absolute(sent.start_char), ctx.absolute(sent.end_char)
    own_start, own_end = ctx.absolute(span.start_char), ctx.absolute(span.end_char)
    for d in ctx.dates_in(s, e):
        if d.start < own_end and d.end > own_start:
            continue  # the figure's own number ("2042 Germans") is not its date
        if d.pattern == "year" and year_is_name(ctx, d, ctx.char_span(d.start, d.end)):
            continue  # "fiscal 2022": a year that names a budget, not the figure's date
        tok = ctx.token_at(d.start)
        nearest = _nearest_verb(tok) if tok is not None else None
        if nearest is None or nearest.i != verb.i:  # spaCy makes a new Token object per access: compare indexes
            continue
        if tok is not None and _names_an_event(tok):
            continue  # "212 were injured in Wednesday's quake": the quake's day, not the count's
        if COMPARISON_BASE.search(ctx.text[max(0, d.start - 40):d.start]):
            continue  # "up 6% on the same period of 2023": the base's date, not the figure's
        before = ctx.text[max(0, d.start - 8):d.start].lower().split()
        if before and before[-1] in ("since", "from"):
            return None, True
        value = d.resolve(ctx.published, future=forecast(verb))   # "expects inflation to peak in October": the coming one
        if value is not None and d.pattern != "decade":
            return as_partial(value), False
    return None, False


def _names_an_event(tok) -> bool:
    """Is the date a modifier of an event noun ("Wednesday's quake", "the March 3 bombing")
    rather than of the clause? It says when the event was, not when the count stood."""
    node = tok
    for _ in range(3):
        if node.dep_ not in ("poss", "compound", "nmod", "npadvmod", "amod", "case", "nummod"):
            return False
        node = node.head
        if node.lower_ in EVENT_NOUNS or any(c.dep_ == "appos" and c.lower_ in EVENT_NOUNS for c in node.children):
            return True                       # ("Wednesday's magnitude 6.8 quake": the parse hangs it on "magnitude")
    return False


def _nearest_verb(tok):
    node = tok
    for _ in range(6):
        if node.head == node:
            return node if node.pos_ in ("VERB", "AUX") else None
        node = node.head
        if node.pos_ == "VERB" or (node.pos_ == "AUX" and node.dep_ == "ROOT"):
            return node
    return None


def figure_attribution(ctx, span, quote):
    if quote is not None:
        return quote.fields.get("attribution")
    return public(_attribution_raw(ctx, span))


def _is_the_figure(tok, span) -> bool:
    """'70% said ...', '70 percent of voters said': the share that says is the poll's answer, not
    a source (but "rose to 12, police said": the police are one)."""
    return tok is not None and any(span.start <= t.i < span.end for t in tok.subtree)


def _attribution_raw(ctx, span):
    tok = span[0]
    verb = speech_verb_above(tok) or speech_verb_aside(tok)
    if verb is None:
        for t in span.sent:
            if t.lower_ == "according" and t.i + 1 < len(span.doc) and span.doc[t.i + 1].lower_ == "to":
                obj = next((c for c in span.doc[t.i + 1].children if c.dep_ == "pobj"), None)
                return describe_source(ctx, obj) if obj is not None else None
        return None
    who = subject_of(verb)
    if _is_the_figure(who, span) or (who is not None and (who.like_num or who.lower_ in ("%", "percent", "per"))):
        return None                       # ("70% said ..., compared with 39% of ...": a share says, it is no source)
    return describe_source(ctx, who)
