"""One article, two quantities, one key: told apart before the checker sees them.

`numeric-conflict` compares every two figures with the same subject and metric at the same
time, those of one article too. An article rarely contradicts itself within a few lines; two
figures of one article on one key whose values cannot both be true are far more often two
different quantities that the extractor named alike (a request and a bill under "amount", "3
years" and "3 months" under one duration, the vote shares of two candidates). The check must
say nothing false on clean text, so such figures get keys that tell them apart, each with the
word that differs between them: the doer of the verb or the owner of the quantity ("vote share
of Greg Gianforte"), the noun the number measures or counts, the verb, and failing all of these
the figure's own words. Keys that do not collide are left as they are: cross-article checks
need them general.
"""
from __future__ import annotations

import re
from types import SimpleNamespace

from claimcheck.dates import parse_date
from claimcheck.normalize import Normalizer, name_key
from claimcheck.quantities import Quantity

from .story import clean

_NORMALIZER = Normalizer()


def _key(draft) -> tuple:
    f = draft.fields
    return (name_key(str(f.get("subject") or "")), _NORMALIZER.metric_key(str(f.get("metric") or "")))


def _quantity(draft):
    f = draft.fields
    try:
        return Quantity.of(SimpleNamespace(value=f["value"], approx=f.get("approx", "exact"), unit=f.get("unit")))
    except (TypeError, ValueError, KeyError):
        return None


def _when(draft, published):
    """The figure's date as an interval (as_of, else the publication date), or None."""
    as_of = draft.fields.get("as_of")
    if as_of is None:
        as_of = published.isoformat() if published is not None else None
    if as_of is None:
        return None
    try:
        return parse_date(as_of)
    except (TypeError, ValueError):
        return None


def conflicting(a, b, published=None) -> bool:
    """Would the checker call these two figures of one article a conflict? (Same time, same
    dimension, intervals that cannot overlap; a running total is compared the same way.)"""
    qa, qb = _quantity(a), _quantity(b)
    if qa is None or qb is None or qa.dimension != qb.dimension:
        return False
    wa, wb = _when(a, published), _when(b, published)
    if wa is not None and wb is not None and (wa.end < wb.start or wb.end < wa.start):
        return False      # dated apart: only running totals are compared, and those may grow
    return not qa.interval.overlaps(qb.interval)


def _qualifiers(span) -> list[str]:
    """Words that may tell one figure from another of its article, most telling first: the
    doer of the verb, the noun the number is about, the counted noun, the verb itself, the words
    around the number (never the number: a restated figure keeps its key)."""
    from .figure_fields import counted_noun, governing_verb
    from .figure_keys import agent_of, anchor, measured_noun

    out: list[str] = []
    noun, noun_tok = counted_noun(span)
    verb = governing_verb(span[0], noun_tok)
    a = anchor(span, span.end)
    if verb is not None:
        agent = agent_of(verb, noun_tok)
        out.append(clean(" ".join(t.text for t in agent.subtree if t.dep_ not in ("det", "punct"))[:60]) if agent is not None else "")
    else:
        out.append("")
    measured, _ = measured_noun(a)
    out.append(measured.lower_ if measured is not None else "")
    out.append(noun.lower() if noun else "")
    out.append(verb.lemma_.lower() if verb is not None else "")
    doc = span.doc
    before = [t.lower_ for t in doc[max(span.sent.start, span.start - 3):span.start] if t.is_alpha and not t.like_num]
    after = [t.lower_ for t in doc[span.end:min(span.sent.end, span.end + 3)] if t.is_alpha and not t.like_num]
    out.append(" ".join(before[-2:] + after[:2]))
    return out


def separate_keys(claims: list, spans: list, published=None) -> None:
    """Give figures of one article that share a key but cannot both be true keys of their own."""
    groups: dict[tuple, list[int]] = {}
    for k, draft in enumerate(claims):
        groups.setdefault(_key(draft), []).append(k)
    for members in groups.values():
        if len(members) < 2:
            continue
        clashing = sorted({k for i in members for k in members if k != i and conflicting(claims[i], claims[k], published)})
        if not clashing:
            continue
        _tell_apart(claims, spans, clashing)


def _tell_apart(claims, spans, clashing: list[int]) -> None:
    quals = {k: _qualifiers(spans[k]) for k in clashing}
    width = len(next(iter(quals.values())))
    for level in range(width):
        words = {k: quals[k][level] for k in clashing}
        if all(words.values()) and len(set(words.values())) == len(clashing):
            for k in clashing:
                metric = claims[k].fields["metric"]
                if name_key(words[k]) not in name_key(metric) and name_key(words[k]) not in name_key(claims[k].fields["subject"]):
                    claims[k].fields["metric"] = f"{metric} ({words[k]})"
                else:
                    claims[k].fields["metric"] = f"{metric} ({_words_of(claims[k].text) or words[k]})"
            return
    # nothing tells them apart: they are left to the checker (an article may contradict itself)


def _words_of(text: str) -> str:
    """A claim's words without its numbers (a restated figure with another value keeps its key)."""
    return " ".join(w for w in re.sub(r"[\d.,%$£€]+", " ", text).split() if w.lower() not in _NUMBER_WORDS)[:60]


_NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                 "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "billion",
                 "trillion", "bn", "m", "k", "a", "an", "about", "nearly", "almost", "some", "around",
                 "more", "than", "less", "over", "under", "up", "to", "at", "least", "just"}
