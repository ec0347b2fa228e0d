"""The passes over one article's figures once they are found: each figure reads its keys and
dates off its own clause, and these correct them by the figures around it.

A date written right after a figure is that figure's (`apply_dates_of_their_own`); the two
values of a change ("fell from 785 to 708") are one quantity at two times
(`pair_changes_from_to`); a value given for comparison ("compared with 0.5% in the previous
quarter") takes the keys of the figure it is compared with (`key_compared_values`), and so does
"the figure" referring back to it ("On 1 August the figure stood at 870", `key_back_references`), and
", up 5%" after a figure is its change (`key_changes_of_the_figure_before`); one article
gives one kind of quantity one name (`one_name_per_quantity`); a rate of change names the period
it is over (`metric_with_rate_period`); and a figure for a period after publication keeps the
period in its metric, not in `as_of` (`move_future_periods_to_metric`).
"""
from __future__ import annotations

import re

from claimcheck.dates import parse_date

from .figure_metric import is_cumulative
from .figure_parse import DOWN_VERBS, UP_VERBS, anchor, measured_noun
from .key_guard import conflicting
from .numbers import unit_dimension
from .partial_dates import as_partial, date_range, partial_date


def move_future_periods_to_metric(ctx, kept):
    """A figure for a period after publication (a forecast or a target: "premiums will rise 20
    percent in 2017" in a 2016 article) keeps no `as_of`: the format has no planned figures and a
    future `as_of` is an anachronism. The period goes into the metric instead, so the forecast is
    still compared with other forecasts for that period, never with figures of today."""
    if ctx.published is None:
        return
    for item in kept:
        fields = item.draft.fields
        try:
            when = parse_date(fields["as_of"]) if "as_of" in fields else None
        except ValueError:
            continue
        if when is not None and when.start > ctx.published:
            as_of = fields.pop("as_of")
            period = f"{as_of.get('start', '')}..{as_of.get('end', '')}" if isinstance(as_of, dict) else str(as_of)
            fields["metric"] = f"{fields['metric']} ({period})"


_OWN_DATE = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:in|on|at|by|as of|as at)?\s*$", re.IGNORECASE)


def apply_dates_of_their_own(ctx, kept):
    """A date written right after a figure is that figure's: "revenues fell from £3.24bn in
    2003 to £2.89bn in 2004" dates each amount by the year after it, although the parse hangs
    both years on the verb; and a figure dated by another figure's date loses that date."""
    owned: dict[int, tuple] = {}
    for k, item in enumerate(kept):
        end = item.draft.end
        for d in ctx.dates:
            if end <= d.start <= end + 40 and _OWN_DATE.match(ctx.text[end:d.start]) and d.pattern != "decade":
                ahead = "forecast" in item.draft.fields.get("metric", "")     # "to peak at 10.9% in October": the coming one
                value = as_partial(d.resolve(ctx.published, future=ahead))
                if value:
                    owned[k] = (d, value)
                break
    if not owned:
        return
    for k, item in enumerate(kept):
        fields = item.draft.fields
        if k in owned:
            if not (isinstance(fields.get("as_of"), dict) and len(owned[k][1]) == 10):
                fields["as_of"] = owned[k][1]    # (a period's figure keeps its period: "$812 million on Thursday")
            continue
        sent = item.span.sent
        lo, hi = ctx.absolute(sent.start_char), ctx.absolute(sent.end_char)
        if any(lo <= d.start < hi and fields.get("as_of") == value for j, (d, value) in owned.items() if j != k):
            fields.pop("as_of", None)


_GENERIC_METRICS = {"share", "amount", "count", "percentage points", "increase", "fall"}


def _generic(metric: str | None) -> bool:
    """A metric that names no quantity, rate or not, of a period or not ("amount", "amount per
    share", "quarterly amount")."""
    base = (metric or "").split(" per ")[0]
    return base in _GENERIC_METRICS or base.removeprefix("quarterly ") in _GENERIC_METRICS
_COMPARED = {"compared", "against", "from", "versus", "vs", "vs.", "than", "behind", "ahead", "over", "after", "with"}


# "with" compares only after "compared" ("meeting with Trump were up 1%" compares nothing); "than"
# after "more", "less", "fewer" and "over" right before the number are the figure's own hedge.
_HEDGE_THAN = {"more", "less", "fewer", "rather"}


def _own_owner(item) -> bool:
    """Does the figure's noun name what it is of ("a 0.5 percent drop in the broad market", "a
    rise of 2% at Tesco")? Then it is another thing's value, not the compared figure's."""
    a = anchor(item.span, item.end_tok)
    noun, how = measured_noun(a)
    return (noun is not None and noun.i > a.i and how in ("modifier", "of", "change-up", "change-down")
            and noun.ent_type_ not in ("DATE", "TIME") and noun.pos_ in ("NOUN", "PROPN"))


def _compared_cue(before) -> bool:
    """Do the words before a number ("compared with", "down from", "higher than") give it for
    comparison?"""
    toks = list(before)
    for k, t in enumerate(toks):
        word = t.lower_
        if word not in _COMPARED:
            continue
        prev = toks[k - 1].lower_ if k > 0 else ""
        if word == "with" and not prev.startswith("compar"):
            continue
        if word == "than" and prev in _HEDGE_THAN:
            continue
        if word == "over" and k == len(toks) - 1:
            continue
        return True
    return False


_EARLIER = [(re.compile(r"^\W*(?:in|during|for|of)?\s*the\s+(?:previous|preceding|prior)\s+quarter\b", re.I), 3),
            (re.compile(r"^\W*(?:in|during|for|of)?\s*(?:the\s+(?:previous|preceding|prior)\s+year|a\s+year\s+(?:earlier|before))\b", re.I), 12),
            (re.compile(r"^\W*(?:in|during|for|of)?\s*(?:the\s+(?:previous|preceding|prior)\s+month|a\s+month\s+(?:earlier|before))\b", re.I), 1)]


def _earlier_period(as_of, after: str):
    """'compared with 0.5% in the previous quarter': the period before the compared figure's."""
    if not isinstance(as_of, (str, dict)):
        return None
    months = next((n for rx, n in _EARLIER if rx.match(after)), None)
    if months is None:
        return None
    start, end = (as_of["start"], as_of["end"]) if isinstance(as_of, dict) else (as_of, as_of)
    if len(start) < 7 or len(end) < 7:
        if months % 12 or len(start) != 4:
            return None
        return str(int(start) - months // 12)

    def shift(partial: str) -> str:
        total = int(partial[:4]) * 12 + int(partial[5:7]) - 1 - months
        return partial_date(total // 12, total % 12 + 1)
    first, last = shift(start[:7]), shift(end[:7])
    return first if first == last else date_range(first, last)


_RATE_ENDINGS = ("growth", "increase", "fall", "rise", "decline")
_PERIOD_WORDS = {"annual": "annual", "annually": "annual", "yearly": "annual", "year-on-year": "annual",
                 "quarterly": "quarterly", "monthly": "monthly", "weekly": "weekly"}


def metric_with_rate_period(item) -> str:
    """A rate of change over a period names the period: 3.1% in 2004 is annual growth, 0.7% in
    the three months to December quarterly growth; the two are different quantities of one
    economy, never in conflict. From as_of (a year, a quarter, a month) or a word of the clause
    ("annual", "quarterly")."""
    fields = item.draft.fields
    metric = fields["metric"]
    if not metric.endswith(_RATE_ENDINGS) or metric.split()[0] in _PERIOD_WORDS.values() or fields.get("unit") != "percent":
        return metric
    as_of = fields.get("as_of")
    period = None
    if isinstance(as_of, dict) and len(as_of.get("start", "")) == 7 and len(as_of.get("end", "")) == 7:
        months = (int(as_of["end"][:4]) * 12 + int(as_of["end"][5:7])) - (int(as_of["start"][:4]) * 12 + int(as_of["start"][5:7])) + 1
        period = {3: "quarterly", 12: "annual", 1: "monthly"}.get(months)
    elif isinstance(as_of, str) and len(as_of) == 4:
        period = "annual"
    if period is None:                # "annual growth of 3%", "a quarterly rise of 2%": a word by the number
        doc = item.span.doc
        near = doc[max(item.span.sent.start, item.span.start - 4):min(item.span.sent.end, item.end_tok + 3)]
        found = {_PERIOD_WORDS[t.lower_] for t in near if t.lower_ in _PERIOD_WORDS}
        period = found.pop() if len(found) == 1 else None
    return f"{period} {metric}" if period else metric


def pair_changes_from_to(ctx, kept):
    """'fell since October from 785 to 708': two values of one quantity at two times, not a
    running total; the value changed from is the earlier one, dated by the "since" if any."""
    for k, item in enumerate(kept):
        a = anchor(item.span, item.end_tok)
        if a.dep_ != "pobj" or a.head.lower_ != "from":
            later = _written_to_value(item, kept[k + 1:k + 2])
        else:
            verb = a.head.head
            near = kept[k + 1:k + 3] + kept[max(0, k - 2):k][::-1]     # "rose from 5 to 10", "rose to 10 from 5"
            later = next((o for o in near if _to_value_of(anchor(o.span, o.end_tok), verb, a)), None)
        if later is None:
            continue
        sent = item.span.sent
        lo, hi = ctx.absolute(sent.start_char), ctx.absolute(sent.end_char)
        since = next((d for d in ctx.dates if lo <= d.start < hi and ctx.text[max(lo, d.start - 6):d.start].strip().lower() == "since"), None)
        for one, other in ((item, later), (later, item)):
            if _generic(one.draft.fields.get("metric")) and not _generic(other.draft.fields.get("metric")):
                one.draft.fields["metric"] = other.draft.fields["metric"]      # one quantity: "rising from $35 to $41"
                one.draft.fields["subject"] = other.draft.fields["subject"]
        for one in (item, later):
            if not is_cumulative(one.draft.fields.get("metric", "")):
                one.draft.fields.pop("cumulative", None)
        if since is not None:
            value = as_partial(since.resolve(ctx.published))
            if value:
                item.draft.fields["as_of"] = value
        if "as_of" not in item.draft.fields and later.draft.fields.get("metric") == item.draft.fields.get("metric"):
            item.draft.fields["metric"] += " (earlier)"    # changed from: an earlier value, date unknown
        if later.draft.fields.get("metric") == item.draft.fields.get("metric") and "as_of" in item.draft.fields:
            later.draft.fields.setdefault("as_of", ctx.published.isoformat() if ctx.published else None)
            if later.draft.fields["as_of"] is None:
                later.draft.fields.pop("as_of")
        if later.draft.fields.get("metric") == item.draft.fields.get("metric") and conflicting(item.draft, later.draft, ctx.published):
            item.draft.fields["metric"] += " (earlier)"    # "rising to $302 from $242 in 2016" published in 2016


def _written_to_value(item, following):
    """'is rising from $35 to $41' parsed as one noun phrase: the "to" value written right after the
    "from" value, after a verb of change."""
    doc = item.span.doc
    start = item.span.start
    while start > 0 and doc[start - 1].text in ("$", "£", "€"):
        start -= 1
    if start < 1 or doc[start - 1].lower_ != "from" or not following:
        return None
    other = following[0]
    gap = doc[item.span.end:other.span.start]
    if len(gap) > 2 or not any(t.lower_ == "to" for t in gap) or any(t.lower_ not in ("to", "$", "£", "€") for t in gap):
        return None
    verb = doc[start - 1].head
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    return other if verb.lemma_.lower() in UP_VERBS | DOWN_VERBS else None


def _to_value_of(b, verb, a) -> bool:
    """Is `b` the "to" value of the change whose "from" value is `a` (on `verb`)?"""
    return b.dep_ == "pobj" and b.head.lower_ == "to" and b.head.head.i in (verb.i, a.i, a.head.i)


# Vague names of a transaction that stand for the article's specific one: in an article that
# counts a film's takings ("the film took $90m" -> box office), "Shrek 2 took $441m" is box office
# too, whatever the NER made of the title.
_STANDS_FOR = {"box office": {"amount taken", "amount grossed", "amount made", "amount earned", "amount done"}}


# Nouns that refer back to the quantity just given: "On 1 August the figure stood at 870".
_BACK_NOUNS = {"figure", "number", "total", "tally", "count"}


def key_back_references(kept):
    """'More than 2,300 cases had been confirmed by Friday ... On 1 August the figure stood at
    870': a definite "the figure", "the number", "the total" with no "of" of its own is the
    quantity of the figure before it (in its sentence or the one before, in the same unit):
    it takes that figure's keys, at a time of its own."""
    for k, item in enumerate(kept):
        a = anchor(item.span, item.end_tok)
        noun, how = _brought_total(a) or measured_noun(a)
        if (noun is None or noun.lower_ not in _BACK_NOUNS or how not in ("level", "change-up", "change-down")
                or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)
                or any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children) or noun.i < item.span.sent.start):
            continue
        sent = item.span.sent
        for other in reversed(kept[:k]):
            osent = other.span.sent
            if osent.start != sent.start and osent.end != sent.start:
                break
            if unit_dimension(other.draft.fields.get("unit")) == unit_dimension(item.draft.fields.get("unit")):
                # "two more deaths took the total to 29": the total of what was added to
                metric = other.draft.fields["metric"].removesuffix(" (new)")
                item.draft.fields.update(subject=other.draft.fields["subject"], metric=metric)
                if is_cumulative(metric):
                    item.draft.fields["cumulative"] = True
                break


def key_changes_of_the_figure_before(kept):
    """'handled 15.8 million passengers, up 5% on the same period of 2023': a percentage written
    ", up N%" / ", down N%" right after a figure is that figure's change: its subject, its
    metric's increase or fall, its period."""
    for k, item in enumerate(kept[1:], start=1):
        fields = item.draft.fields
        doc = item.span.doc
        start = item.span.start
        if fields.get("unit") != "percent" or start < 2 or doc[start - 1].lower_ not in ("up", "down"):
            continue
        before = kept[k - 1]
        if doc[start - 2].text != "," or before.span.sent.start != item.span.sent.start or before.draft.fields.get("unit") == "percent":
            continue
        metric = fields.get("metric", "")
        if not (_generic(metric.split(" (")[0]) or metric == before.draft.fields.get("metric")):
            continue                          # "..., up 5% in the services sector": a quantity of its own
        change = "increase" if doc[start - 1].lower_ == "up" else "fall"
        base = before.draft.fields["metric"].removesuffix(" (new)")
        fields.update(subject=before.draft.fields["subject"], metric=f"{base} {change}")
        if "as_of" in before.draft.fields:
            fields["as_of"] = before.draft.fields["as_of"]


def _brought_total(a):
    """'bringing the total released so far to 600 million': (the total, "level")."""
    prep = a.head if a.dep_ == "pobj" and a.head.lower_ == "to" else None
    verb = prep.head if prep is not None else None
    if verb is None and any(t.dep_ == "quantmod" and t.lower_ == "to" for t in a.subtree):
        verb = a.head                         # "bringing the total to £9m" parsed with "to" inside the number
    if verb is not None and verb.dep_ in ("acl", "relcl") and verb.head.lower_ in _BACK_NOUNS:
        return verb.head, "level"             # the parse may hang "to" on "released"
    if verb is None or verb.lemma_.lower() not in ("bring", "take", "push", "raise", "lift", "put"):
        return None
    total = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ in _BACK_NOUNS), None)
    return (total, "level") if total is not None else None


def one_name_per_quantity(kept):
    """One article, one name for one kind of quantity (see `_STANDS_FOR`)."""
    metrics = {item.draft.fields.get("metric") for item in kept}
    for specific, vague in _STANDS_FOR.items():
        if specific not in metrics:
            continue
        for item in kept:
            if item.draft.fields.get("metric") in vague:
                item.draft.fields["metric"] = specific
                item.draft.fields["cumulative"] = True


def key_compared_values(kept):
    """A value given for comparison ("rose 0.7%, compared with 0.5% in the previous quarter",
    "well ahead of the 2.2% recorded in 2003") is a value of the same quantity: it takes the
    metric and subject of the figure it is compared with (the nearest before it in its
    sentence, else in the sentence before, in the same unit)."""
    for k, item in enumerate(kept):
        fields = item.draft.fields
        if not _generic(fields.get("metric")):
            continue
        doc = item.span.doc
        if not _compared_cue(doc[max(item.span.sent.start, item.span.start - 4):item.span.start]):
            continue
        if _own_owner(item):
            continue                  # "compared with a 0.5 percent drop in the broad market": its own quantity
        sent = item.span.sent
        for other in reversed(kept[:k]):
            osent = other.span.sent
            if osent.start != sent.start and osent.end != sent.start:
                break
            if (unit_dimension(other.draft.fields.get("unit")) == unit_dimension(fields.get("unit"))
                    and not _generic(other.draft.fields.get("metric"))):
                fields["metric"] = other.draft.fields["metric"]
                fields["subject"] = other.draft.fields["subject"]
                earlier = _earlier_period(other.draft.fields.get("as_of"), doc[item.span.end:item.span.sent.end].text)
                if earlier is not None and "as_of" not in fields:
                    fields["as_of"] = earlier
                break
