"""Numbers stated as facts: one figure claim per number expression or range.

The jobs are split by module: `number_spans` finds the number expressions
and the ranges they form, `figure_filter` drops what is not a figure,
`figure_fields` reads the fields off the parse. Here they are put together.

Ranges are one figure with value [low, high]: "between 310 and 3,417
miles", "between 310 miles to 3,417 miles", "from 5 to 10 percent", "310 to
3,417 miles", "5-10 percent", "two or three days". "Rose from 5 to 10
percent" is a change (two values at two times), not a range.

For each figure: value (scale words applied), approx (hedge words before
it), unit (percent, a currency, a measurement unit, or the counted noun),
`of` for parts of wholes ("123 of Ukraine's 152 jets"), cumulative for
running totals (tolls, "since <date>"), as_of (a date in its clause, else
the said_on of the quote it sits in), subject and metric, and the
attribution (a speech verb above it, "according to", or the quote it sits
in). Fractions ("nearly a third of") are shares in percent.
"""
from __future__ import annotations

import re

from .attribution import phrase_tokens
from .claims import Draft
from .context import ArticleContext
from .doc_index import Intervals
from .figure_fields import (
    counted_noun,
    figure_attribution,
    figure_metric,
    figure_subject,
    governing_verb,
    is_toll,
    short_phrase,
    time_of,
    whole_subject,
)
from .figure_filter import is_not_a_figure, quantifies_nothing
from .lexicon import MEASURE_UNITS
from .number_spans import (
    dashed_range,
    expression_value,
    forms_range,
    is_number_token,
    number_expressions,
    scale_of,
    unit_after,
)
from .numbers import (
    CURRENCIES,
    FRACTIONS,
    SCALES,
    hedge_match,
    hedge_of,
    parse_number,
    tidy,
)
from .years import is_year_token


def extract_figures(ctx: ArticleContext, quotes: list[Draft]) -> list[Draft]:
    doc = ctx.doc
    claims: list[Draft] = []
    consumed: set[int] = set()        # tokens of wholes ("of 152 jets") and of ranges' upper ends
    date_spans = [(d.start, d.end) for d in ctx.dates if d.pattern != "year" or is_year_token(ctx, d)]
    exprs = list(number_expressions(doc))
    in_dates = Intervals(date_spans)

    def in_date(span) -> bool:
        return in_dates.covers(ctx.absolute(span.start_char))

    for k, (i, j) in enumerate(exprs):
        if i in consumed:
            continue
        span = doc[i:j]
        second = doc[exprs[k + 1][0]:exprs[k + 1][1]] if k + 1 < len(exprs) else None
        if (second is not None and not in_date(span) and not in_date(second) and not is_not_a_figure(ctx, second)
                and forms_range(doc, span, second)):
            # the lower end of "two or three days" alone looks like a date: judge the range by its upper end
            claim = _range_figure(ctx, span, second, consumed, quotes)
            if claim is not None:
                consumed.update(range(second.start, second.end))
                claims.append(claim)
                continue
        if in_date(span) or is_not_a_figure(ctx, span):
            continue
        claim = _single_figure(ctx, span, consumed, quotes)
        if claim is not None:
            claims.append(claim)
    claims.extend(_fractions(ctx, quotes))
    claims.sort(key=lambda c: c.start)
    return claims


def _single_figure(ctx, span, consumed, quotes):
    """The figure of one expression: a dashed range ("5-10 percent") or one value."""
    dashed = dashed_range(span)
    if dashed is not None:
        claim = _figure(ctx, span, dashed[1], consumed, quotes)
        if claim is not None:
            claim.fields["value"] = [tidy(dashed[0]), tidy(dashed[1])]
        return claim
    value = expression_value(span)
    return None if value is None else _figure(ctx, span, value, consumed, quotes)


def _range_figure(ctx, first, second, consumed, quotes):
    """One figure for a range: unit, subject and metric as for its upper end."""
    doc = first.doc
    low, high = expression_value(first), expression_value(second)
    if not any(t.lower_ in SCALES for t in first):
        low *= scale_of(second)         # "2 to 3 million": the scale word applies to both ends
    claim = _figure(ctx, second, high, consumed, quotes)
    if claim is None:
        return None
    left = first.start
    k = left - 1
    if k >= first.sent.start and doc[k].lower_ in ("between", "from"):
        left = k
    approx, phrase = hedge_match(doc[max(first.sent.start, left - 3):left].text)
    if approx != "exact":
        left -= len(phrase.split())
        claim.fields["approx"] = approx
    else:
        claim.fields.pop("approx", None)
    start, _ = ctx.tokens_span(doc[left:first.end])
    claim.start = min(claim.start, start)
    claim.text = ctx.slice(claim.start, claim.end)
    claim.fields["value"] = [tidy(low), tidy(high)]
    return claim


def _figure(ctx, span, value, consumed, quotes):
    """The figure of the expression `span` worth `value`; None when it quantifies nothing."""
    doc = span.doc
    currency = next((CURRENCIES[t.text] for t in span if t.text in CURRENCIES), None)
    unit = currency or unit_after(span)
    noun, noun_tok = counted_noun(span)
    if unit is None and quantifies_nothing(span, value, noun_tok):
        return None
    if unit is None and noun and noun.lower() not in MEASURE_UNITS:
        unit = noun
    of, unit, noun_tok, end_tok = _part_of_whole(span, value, unit, noun, noun_tok, consumed)
    if unit in ("percent",) or any(t.text == "%" for t in doc[span.start:span.end + 1]):
        unit = "percent"
    if noun_tok is not None:
        end_tok = max(end_tok, noun_tok.i + 1)
    # the text: hedge + number + unit noun (+ verb when it follows, "were killed")
    approx, left = _hedged_start(span)
    end_tok = _unit_word_end(span, unit, end_tok)
    verb = governing_verb(doc[span.start], noun_tok)
    start, end = ctx.tokens_span(doc[left:end_tok])
    fields: dict = {
        "subject": whole_subject(ctx, noun_tok, unit) if of is not None else figure_subject(ctx, span, noun_tok, verb),
        "metric": figure_metric(noun, unit, verb, noun_tok, span),
        "value": tidy(value),
    }
    if approx != "exact":
        fields["approx"] = approx
    if unit:
        fields["unit"] = unit
    if of is not None:
        fields["of"] = of
    as_of, since = time_of(ctx, span, verb)
    if since or is_toll(noun, verb):
        fields["cumulative"] = True
    quote = _quote_around(quotes, start)
    if as_of:
        fields["as_of"] = as_of
    elif quote is not None and quote.fields.get("said_on"):
        fields["as_of"] = quote.fields["said_on"]
    attribution = figure_attribution(ctx, span, quote)
    if attribution:
        fields["attribution"] = attribution
    return Draft("figure", start, end, ctx.slice(start, end), fields)


def _part_of_whole(span, value, unit, noun, noun_tok, consumed):
    """'123 of Ukraine's 152 fighter jets': the whole (`of`), and the unit, counted noun
    and end token it gives; without a whole number, "three of the suspects" gives the unit.
    Returns (of, unit, noun token, end token)."""
    doc = span.doc
    of = None
    end_tok = span.end
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is None or nxt.lower_ != "of":
        return of, unit, noun_tok, end_tok
    k = span.end + 1
    while k < len(doc) and k < span.end + 5 and not is_number_token(doc[k]):
        k += 1
    if k < len(doc) and is_number_token(doc[k]) and k <= span.end + 4:
        j = k + 1
        while j < len(doc) and is_number_token(doc[j]):
            j += 1
        whole = parse_number(doc[k:j].text)
        if whole is not None and whole >= value:
            of = tidy(whole)
            consumed.update(range(k, j))
            whole_noun, noun_tok = counted_noun(doc[k:j])
            if whole_noun:
                unit = unit or whole_noun
                if noun_tok is not None:
                    end_tok = max(end_tok, noun_tok.i + 1)
    elif noun is None:
        pobj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
        if pobj is not None and unit is None:
            unit = pobj.text
    return of, unit, noun_tok, end_tok


def _hedged_start(span):
    """(approx, first token of the figure's text): a hedge before the number joins the text."""
    doc = span.doc
    hedge_words = doc[max(span.sent.start, span.start - 3):span.start].text
    approx, phrase = hedge_match(hedge_words)
    left = span.start - len(phrase.split()) if approx != "exact" else span.start
    return approx, left


def _unit_word_end(span, unit, end_tok):
    """The end token of the text, extended over a "%" or the measurement unit after the number."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].text in ("%",):
        return max(end_tok, span.end + 1)
    if unit in MEASURE_UNITS.values():
        k = span.end
        while k < len(doc) and doc[k].text == "-":
            k += 1
        if k < len(doc) and doc[k].lower_ in MEASURE_UNITS:
            return max(end_tok, k + 1)
    return end_tok


def _quote_around(quotes, pos):
    return next((q for q in quotes if q.start <= pos < q.end), None)


_FRACTION = re.compile(r"\b(?P<n>a|one|two|three)[\s-](?P<f>half|third|thirds|quarter|quarters|fifth)\s+of\b", re.IGNORECASE)


def _fractions(ctx, quotes):
    """'nearly a third of Ukraine's population' -> 33.3 percent."""
    out = []
    for m in _FRACTION.finditer(ctx.article.body):
        start = ctx.absolute(m.start())
        n = 1 if m.group("n").lower() in ("a", "one") else {"two": 2, "three": 3}[m.group("n").lower()]
        frac = FRACTIONS[m.group("f").lower()]
        value = frac if m.group("f").lower().endswith("s") else n * frac
        tok = ctx.token_at(start)
        if tok is None:
            continue
        sent = tok.sent
        before = ctx.text[ctx.absolute(sent.start_char):start]
        approx = hedge_of(before)
        s0 = start
        if approx != "exact":
            s0 = start - len(before) + len(before.rstrip()) - len(before.rstrip().split()[-1])
        end_tok = next((t for t in tok.head.subtree if t.dep_ == "pobj"), None) if tok.head is not None else None
        end = ctx.absolute(end_tok.idx + len(end_tok.text)) if end_tok is not None and ctx.absolute(end_tok.idx) > start else ctx.absolute(m.end())
        fields = {"subject": short_phrase(phrase_tokens(end_tok, ctx)) if end_tok is not None else "", "metric": "share",
                  "value": tidy(value)}
        if approx != "exact":
            fields["approx"] = approx
        fields["unit"] = "percent"
        att = figure_attribution(ctx, ctx.doc[tok.i:tok.i + 1], _quote_around(quotes, start))
        if att:
            fields["attribution"] = att
        out.append(Draft("figure", s0, end, ctx.slice(s0, end), fields))
    return out
