"""Numbers stated as facts: one figure claim per stated quantity.

The jobs are split by module: `number_spans` finds the number expressions and the ranges
they form, `number_phrases` the numbers written as phrases (fractions, "twice", "a dozen",
"a year and a half"), `figure_filter` drops what is not a figure, `figure_fields` reads the
unit, dates and attribution off the parse, `figure_subject` and `figure_metric` the subject and
metric (the keys the checker compares figures on, read off the parse by `figure_parse` and
resolved through the article by `story`), and `key_guard` keeps two different quantities of one
article off one key, and `figure_passes` corrects the figures' dates and keys by the figures
around them. Here they are put together.

Ranges are one figure with value [low, high]: "between 310 and 3,417 miles", "between 310
miles to 3,417 miles", "from 5 to 10 percent", "310 to 3,417 miles", "5-10 percent", "two or
three days". "Rose from 5 to 10 percent" is a change (two values at two times), not a range.

One figure per stated quantity: a conversion in brackets ("$500m (£264m)", "80 megaflops (80
million operations a second)") is the same quantity, and so is a back-reference to a value
already stated ("The $44 billion would be ...", "this outturn (of 0.7%)").

For each figure: value (scale words applied, decimals as written), approx (the hedge words
before it), unit (percent, a currency, a measurement unit, or the counted noun), `of` for parts
of wholes ("123 of Ukraine's 152 jets"), cumulative for running totals (the vocabulary's, and
"since <date>"), as_of (a date in its clause, a period it covers, else the said_on of the quote
it sits in), subject and metric, and the attribution (a speech verb above it, "according to",
or the quote it sits in). Ages are figures of the person ("Rick Perry, 65," -> age 65 years).
"""
from __future__ import annotations

import re

from .claims import Draft
from .context import ArticleContext
from .doc_index import Intervals
from .figure_ages import age_subject
from .figure_fields import (
    counted_noun,
    figure_attribution,
    governing_verb,
    period_as_of,
    time_of,
)
from .figure_filter import (
    is_age_group,
    is_back_reference,
    is_conversion,
    is_not_a_figure,
    quantifies_nothing,
)
from .figure_metric import figure_metric, is_cumulative, specific_metric
from .figure_parse import figure_verb
from .figure_passes import (
    apply_dates_of_their_own,
    key_back_references,
    key_changes_of_the_figure_before,
    key_compared_values,
    metric_with_rate_period,
    move_future_periods_to_metric,
    one_name_per_quantity,
    pair_changes_from_to,
)
from .figure_subject import figure_subject
from .key_guard import separate_keys
from .number_phrases import find_number_phrases
from .number_spans import (
    dashed_range,
    expression_value,
    forms_range,
    is_number_token,
    number_expressions,
    scale_of,
    unit_after_tokens,
)
from .numbers import (
    CURRENCIES,
    SCALES,
    hedge_match,
    measure_unit,
    parse_number,
    tidy,
    unit_dimension,
)
from .quarters import period_in_clause, period_right_after, quarter_of, with_period_length
from .story import StoryIndex
from .years import is_year_token


class _Found:
    """A figure being built, with the tokens it was read from (for the passes after it)."""

    __slots__ = ("draft", "end_tok", "span", "verb")

    def __init__(self, draft: Draft, span, end_tok: int, verb=None):
        self.draft, self.span, self.end_tok, self.verb = draft, span, end_tok, verb


def extract_figures(ctx: ArticleContext, quotes: list[Draft]) -> list[Draft]:
    doc = ctx.doc
    story = StoryIndex.build(ctx)
    found: list[_Found] = []
    consumed: set[int] = set()        # tokens of phrases, wholes ("of 152 jets") and ranges' upper ends
    date_spans = [(d.start, d.end) for d in ctx.dates if d.pattern != "year" or is_year_token(ctx, d)]
    in_dates = Intervals(date_spans)

    def in_date(span) -> bool:
        return in_dates.covers(ctx.absolute(span.start_char))

    for phrase in find_number_phrases(ctx.article.body):
        span = doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
        if span is None or not len(span) or in_date(span) or any(t.i in consumed for t in span):
            continue
        consumed.update(range(span.start, span.end))
        if not any(t.pos_ in ("VERB", "AUX") for t in span.sent):
            continue                  # captions, page furniture
        item = _figure(ctx, story, span, phrase.value, consumed, quotes, unit=phrase.unit)
        if item is not None:
            found.append(item)

    exprs = [e for e in number_expressions(doc) if not any(k in consumed for k in range(*e))]
    for k, (i, j) in enumerate(exprs):
        if i in consumed:
            continue
        span = doc[i:j]
        second = doc[exprs[k + 1][0]:exprs[k + 1][1]] if k + 1 < len(exprs) else None
        if (second is not None and not in_date(span) and not in_date(second) and not is_not_a_figure(ctx, second)
                and forms_range(doc, span, second)):
            # the lower end of "two or three days" alone looks like a date: judge the range by its upper end
            item = _range_figure(ctx, story, span, second, consumed, quotes)
            if item is not None:
                consumed.update(range(second.start, second.end))
                found.append(item)
                continue
        if is_age_group(span):
            continue                  # "18 to 24 year olds": a group, neither an age nor a count
        age_of = age_subject(ctx, span)
        if age_of is not None:        # an age; of nobody the text names ("" ), no checkable figure
            item = _age_figure(ctx, span, age_of, quotes) if age_of else None
            if item is not None:
                found.append(item)
            continue
        if in_date(span) or is_not_a_figure(ctx, span):
            continue
        item = _single_figure(ctx, story, span, consumed, quotes)
        if item is not None:
            found.append(item)
    found.sort(key=lambda f: f.draft.start)
    kept: list[_Found] = []
    for item in found:
        if is_conversion(item, kept) or is_back_reference(item, kept):
            continue
        kept.append(item)
    apply_dates_of_their_own(ctx, kept)
    pair_changes_from_to(ctx, kept)
    key_compared_values(kept)
    key_back_references(kept)
    key_changes_of_the_figure_before(kept)
    one_name_per_quantity(kept)
    for item in kept:
        item.draft.fields["metric"] = specific_metric(metric_with_rate_period(item), item.verb, item.span, item.end_tok)
    move_future_periods_to_metric(ctx, kept)
    claims = [item.draft for item in kept]
    separate_keys(claims, [item.span for item in kept], ctx.published)
    return claims


def _single_figure(ctx, story, span, consumed, quotes):
    """The figure of one expression: a dashed range ("5-10 percent") or one value."""
    dashed = dashed_range(span)
    if dashed is not None:
        item = _figure(ctx, story, span, dashed[1], consumed, quotes)
        if item is not None:
            item.draft.fields["value"] = [tidy(dashed[0]), tidy(dashed[1])]
        return item
    value = expression_value(span)
    return None if value is None else _figure(ctx, story, span, value, consumed, quotes)


def _range_figure(ctx, story, first, second, consumed, quotes):
    """One figure for a range: unit, subject and metric as for its upper end."""
    doc = first.doc
    low, high = expression_value(first), expression_value(second)
    if not any(t.lower_ in ("million", "billion", "trillion", "thousand", "bn", "m", "k") for t in first):
        low *= scale_of(second)         # "2 to 3 million": the scale word applies to both ends
    item = _figure(ctx, story, second, high, consumed, quotes)
    if item is None:
        return None
    claim = item.draft
    left = first.start
    k = left - 1
    if k >= first.sent.start and doc[k].lower_ in ("between", "from"):
        left = k
    approx, phrase = hedge_before(doc, first.sent.start, left)
    if approx != "exact":
        left -= len(phrase.split())
        claim.fields["approx"] = approx
    else:
        claim.fields.pop("approx", None)
    start, _ = ctx.tokens_span(doc[left:first.end])
    claim.start = min(claim.start, start)
    claim.text = ctx.slice(claim.start, claim.end)
    claim.fields["value"] = [tidy(low), tidy(high)]
    item.span = doc[first.start:second.end]
    return item


# A value dated a year before the one it is compared with (in news, the same period last year),
# a rate's noun between them ("$1.11 per share a year earlier").
_A_YEAR_EARLIER = re.compile(r"(?:\s+(?:per|a)\s+[a-z]+)?\s*,?\s*(?:(?:a|one) year (?:earlier|before|ago)|the (?:previous|prior) year|the year before|last year)\b",
                             re.IGNORECASE)


def _after(doc, end_tok: int, ctx) -> int:
    """The text offset just after the figure's last token."""
    return ctx.absolute(doc[end_tok - 1].idx + len(doc[end_tok - 1].text)) if end_tok > 0 else 0


_INCREMENT_WORDS = {"more", "new"}
_DISASTERS = {"event:fire", "event:storm", "event:flood", "event:earthquake"}


def _increment(doc, span, noun_tok, left: int) -> bool:
    """Does the figure count what was added, not the total: "two more deaths", "14 new cases"?
    ("Five were killed and another five injured" is not: "another" there is other people.)"""
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ == "more" and not (after.i + 1 < len(doc) and doc[after.i + 1].lower_ == "than"):
        return True                           # "two more deaths" (not "200 more than last year")
    if left > span.sent.start and doc[left - 1].lower_ in ("further", "additional", "extra"):
        return True                           # "approved a further 150 million reais", "an additional $2bn"
    return noun_tok is not None and any(c.lower_ in _INCREMENT_WORDS and c.dep_ in ("amod", "det", "advmod") and c.i < noun_tok.i
                                        for c in noun_tok.children)


def _figure(ctx, story, span, value, consumed, quotes, unit=None):
    """The figure of the expression `span` worth `value`; None when it quantifies nothing.
    `unit` is given for number phrases ("two-thirds" is percent)."""
    doc = span.doc
    given = unit is not None
    end_tok = span.end
    if not given:
        currency = next((CURRENCIES[t.text] for t in span if t.text in CURRENCIES), None)
        unit, unit_end = unit_after_tokens(span)
        if currency:
            unit = currency
        elif unit is not None:
            end_tok = unit_end
    noun, noun_tok = counted_noun(span) if unit in (None, "times") or not given else (None, None)
    if given and unit == "times":
        noun, noun_tok = None, None
    compound = _hyphen_compound(span) if unit is None else None
    if compound is not None:                  # "a 24-seat majority", "a nine-strong committee"
        unit, noun_tok, end_tok = compound
        noun = "members" if unit == "members" else noun_tok.lower_
    if unit is None and quantifies_nothing(span, value, noun_tok):
        return None
    if unit is None and noun and measure_unit(noun) is None:
        unit = noun
    of, unit, noun_tok, end_tok = _part_of_whole(span, value, unit, noun, noun_tok, consumed, end_tok)
    if not given and any(t.text == "%" for t in doc[span.start:span.end + 1]):
        unit = "percent"
        end_tok = max(end_tok, span.end + 1 if span.end < len(doc) and doc[span.end].text == "%" else end_tok)
    if noun_tok is not None:
        end_tok = max(end_tok, noun_tok.i + 1)
    # the text: hedge + number + unit noun
    approx, left = _hedged_start(span)
    verb = figure_verb(span, noun_tok, end_tok, governing_verb(doc[span.start], noun_tok))
    if _what_a_dispute_is_over(doc, left):
        verb = None                       # "sought to break a logjam over $1.1 billion": nothing was broken
    start, end = _text_span(ctx, doc[left:end_tok])
    if unit in _DECADES and not isinstance(value, list):
        value, unit = value * _DECADES[unit], "years"      # "two decades" is 20 years
    metric = figure_metric(ctx, span, unit, noun, noun_tok, verb, end_tok)
    if metric == "people fled" and story.story_event is not None and story.story_event.kind in _DISASTERS:
        metric = "people evacuated"           # "forcing 12,000 residents to flee" a fire: evacuees, not refugees
    if _increment(doc, span, noun_tok, left):
        metric = f"{metric} (new)"            # "two more deaths", "14 new cases": an increment, no running total
    fields: dict = {
        "subject": figure_subject(ctx, story, span, unit, noun_tok, verb, metric, end_tok),
        "metric": metric,
        "value": tidy(value),
    }
    if approx != "exact":
        fields["approx"] = approx
    if unit:
        fields["unit"] = unit
    if of is not None:
        fields["of"] = of
    # "up from 388,000 in the first three months of the year": a period of its own, else the quarter
    # its clause names ("third-quarter net profit": quarterly profit, Q3)
    own_period = period_right_after(ctx, _after(doc, end_tok, ctx), metric)
    metric, as_of = own_period or quarter_of(ctx, span, metric, verb)
    if as_of is None and verb is not None:
        metric, as_of = period_in_clause(ctx, span, verb, metric) or (metric, None)
    if as_of is None:
        as_of = period_as_of(ctx, span, verb)
    # a quantity over a period is another quantity over a period of another length ("pre-tax
    # profit for the first nine months" is no quarter's): the length goes into the metric
    metric = with_period_length(metric, as_of)
    fields["metric"] = metric
    year_earlier = ctx.published is not None and _A_YEAR_EARLIER.match(ctx.text, _after(doc, end_tok, ctx))
    if isinstance(as_of, dict) and year_earlier:
        as_of = {key: f"{int(value[:4]) - 1}{value[4:]}" for key, value in as_of.items()}   # the same period, a year before
    since = False
    if as_of is None:
        as_of, since = time_of(ctx, span, verb)
    if as_of is None and year_earlier:
        as_of = str(ctx.published.year - 1)   # "up from $380 million a year earlier": last year's
    if since or (is_cumulative(metric) and unit_dimension(unit) not in ("percent", "percentage point")):
        fields["cumulative"] = True       # a share of the injured is no running total
    quote = _quote_around(quotes, start)
    if as_of:
        fields["as_of"] = as_of
    elif quote is not None and quote.fields.get("said_on"):
        fields["as_of"] = quote.fields["said_on"]
    attribution = figure_attribution(ctx, span, quote)
    if attribution:
        fields["attribution"] = attribution
    return _Found(Draft("figure", start, end, ctx.slice(start, end), fields), span, end_tok, verb)


_DECADES = {"decades": 10, "centuries": 100}


def _hyphen_compound(span):
    """'a 24-seat majority' -> ("seats", majority, end): a count written as a modifier of the
    noun it measures; "nine-strong committee" -> ("members", committee, end)."""
    doc = span.doc
    k = span.end
    if k + 1 >= len(doc) or doc[k].text != "-" or doc[k].whitespace_:
        return None
    word = doc[k + 1]
    if word.pos_ not in ("NOUN", "ADJ") or measure_unit(word.text) or word.lower_ in ("year", "old"):
        return None
    head = word.head if word.head.i > word.i and word.head.pos_ in ("NOUN", "PROPN") else None
    if head is None:
        return None
    if word.lower_ in ("strong", "member", "man", "woman", "person"):
        return "members", head, head.i + 1
    if word.pos_ != "NOUN":
        return None
    lemma = word.lemma_.lower()
    plural = lemma + ("es" if lemma.endswith(("s", "x", "ch", "sh")) else "s")
    return plural, head, head.i + 1


def _text_span(ctx, tokens):
    """The figure's text: its tokens, a "%" at the end included (the context trims punctuation)."""
    start, end = ctx.tokens_span(tokens)
    last = tokens[-1] if len(tokens) else None
    if last is not None and last.text == "%" and ctx.absolute(last.idx) == end:
        end += 1
    if last is not None and last.text.endswith(".") and last.text[:-1].lower() in SCALES and ctx.absolute(last.idx + len(last.text)) == end:
        end -= 1                      # "$400m." ending a sentence: the period is the sentence's
    return start, end


def _age_figure(ctx, span, person, quotes):
    """'Rick Perry, 65,' / 'aged 87' / 'a 29-year-old': the age of the person, in years."""
    value = parse_number(span[0].text.split("-")[0])
    if value is None:
        return None
    start, end = ctx.tokens_span(span)
    fields = {"subject": person, "metric": "age", "value": tidy(value), "unit": "years"}
    quote = _quote_around(quotes, start)
    attribution = figure_attribution(ctx, span, quote)
    if attribution:
        fields["attribution"] = attribution
    return _Found(Draft("figure", start, end, ctx.slice(start, end), fields), span, span.end)


def _part_of_whole(span, value, unit, noun, noun_tok, consumed, end_tok):
    """'123 of Ukraine's 152 fighter jets': the whole (`of`), and the unit, counted noun
    and end token it gives; without a whole number, "three of the suspects" gives the unit.
    Returns (of, unit, noun token, end token)."""
    doc = span.doc
    of = None
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
        if whole is not None and whole >= value and unit != "percent":
            of = tidy(whole)
            consumed.update(range(k, j))
            whole_noun, noun_tok = counted_noun(doc[k:j])
            if whole_noun:
                unit = unit or whole_noun
                if noun_tok is not None:
                    end_tok = max(end_tok, noun_tok.i + 1)
    elif noun is None:
        pobj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
        if pobj is not None and unit is None and pobj.pos_ != "PRON":     # not "400,000 of whom"
            unit = pobj.text
            noun_tok = pobj
    return of, unit, noun_tok, end_tok


def _hedged_start(span):
    """(approx, first token of the figure's text): a hedge before the number joins the text."""
    approx, phrase = hedge_before(span.doc, span.sent.start, span.start)
    left = span.start - len(phrase.split()) if approx != "exact" else span.start
    return approx, left


# Nouns that take "over" as "about": "a logjam over $1.1 billion", "the row over 300 jobs".
_OVER_NOUNS = {"logjam", "dispute", "disputes", "row", "rows", "fight", "fights", "battle", "battles", "standoff",
               "impasse", "deadlock", "stalemate", "feud", "clash", "clashes", "spat", "wrangling", "wrangle",
               "talks", "negotiations", "debate", "argument", "arguments", "concern", "concerns", "worries",
               "fears", "anger", "outrage", "uproar", "controversy", "tension", "tensions", "lawsuit", "showdown",
               "quarrel", "squabble", "disagreement", "protest", "protests", "criticism", "scandal"}


def _what_a_dispute_is_over(doc, start: int) -> bool:
    return start >= 2 and doc[start - 1].lower_ == "over" and doc[start - 2].lower_ in _OVER_NOUNS


def hedge_before(doc, sent_start: int, start: int) -> tuple[str, str]:
    """(approx, hedge phrase) of the words before a number; "over" after a noun of dispute or
    concern is what the dispute is about, no hedge ("a logjam over $1.1 billion")."""
    approx, phrase = hedge_match(doc[max(sent_start, start - 3):start].text)
    if phrase == "over" and start - 2 >= sent_start and _what_a_dispute_is_over(doc, start):
        return "exact", ""
    return approx, phrase


def _quote_around(quotes, pos):
    return next((q for q in quotes if q.start <= pos < q.end), None)
