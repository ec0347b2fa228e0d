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
    doer of the verb, the place of its clause, the noun the number is about, the counted noun, the
    verb itself unless it says nothing ("be", "have", "show": a rewording picks another), the
    words around the number (never the number: a restated figure keeps its key)."""
    from .figure_fields import counted_noun, governing_verb
    from .figure_metric import GENERIC_VERBS
    from .figure_parse import agent_of, anchor, measured_noun

    out: list[str] = []
    noun, noun_tok = counted_noun(span)
    verb = governing_verb(span[0], noun_tok)
    a = anchor(span, span.end)
    agent = agent_of(verb, noun_tok) if verb is not None else None
    if agent is not None and not any(span.start <= t.i < span.end or t.like_num for t in agent.subtree):
        out.append(clean(" ".join(t.text for t in agent.subtree if t.dep_ not in ("det", "punct"))[:60]))
    else:
        out.append("")       # no doer, or one that holds the number ("a probe in which 36 people were held")
    out.append(_place_of(verb, span))
    measured, _ = measured_noun(a)
    out.append(measured.lower_ if measured is not None else "")
    out.append(noun.lower() if noun else "")
    out.append(verb.lemma_.lower() if verb is not None and verb.lemma_.lower() not in GENERIC_VERBS else "")
    doc = span.doc
    before = [t.lower_ for t in doc[max(span.sent.start, span.start - 3):span.start] if _plain_word(t)]
    after = [t.lower_ for t in doc[span.end:min(span.sent.end, span.end + 3)] if _plain_word(t)]
    out.append(" ".join(before[-2:] + after[:2]))
    return out


def _plain_word(tok) -> bool:
    """A word around a number that is no part of the figure ("percent", "million" are)."""
    return (tok.is_alpha and not tok.like_num and tok.ent_type_ not in ("PERCENT", "MONEY", "CARDINAL", "QUANTITY")
            and tok.lower_ not in _NUMBER_WORDS)


def _place_of(verb, span) -> str:
    """The place the figure's clause names ("won Wisconsin with a margin of 22,000 votes", "in
    Pennsylvania he won with ..."): the scope of a count, a margin, a share."""
    if verb is None:
        return ""
    for tok in verb.subtree:
        if tok.ent_type_ in ("GPE", "LOC") and tok.i not in range(span.start, span.end) and tok.dep_ in ("dobj", "pobj", "compound", "npadvmod"):
            ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            return ent.text if ent is not None else tok.text
    return ""


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
        _tell_apart(claims, spans, clashing, published)


def _tell_apart(claims, spans, clashing: list[int], published=None) -> None:
    """Split the clashing figures level by level (doer, measured noun, counted noun, verb, words
    around the number): at each level the figures still clashing among themselves are split by
    the words of that level where these differ, and each gets its word into its metric."""
    quals = {k: _qualifiers(spans[k]) for k in clashing}
    width = len(next(iter(quals.values())))
    groups = [list(clashing)]
    for level in range(width):
        refined = []
        for group in groups:
            words = {k: _informative(claims[k], quals[k][level]) for k in group}
            clash = any(conflicting(claims[i], claims[k], published) for i in group for k in group if i < k)
            if len(group) < 2 or not clash or len(set(words.values())) < 2:
                refined.append(group)
                continue
            parts: dict[str, list[int]] = {}
            for k in group:
                parts.setdefault(words[k], []).append(k)
                if words[k]:
                    _qualify(claims[k], words[k])
            refined.extend(parts.values())
        groups = refined
    # what nothing tells apart is left to the checker (an article may contradict itself)


def _informative(claim, word: str) -> str:
    """The word, unless it says nothing the keys do not say already (or is a pronoun)."""
    said = set(name_key(claim.fields["metric"]).split()) | set(name_key(claim.fields["subject"]).split())
    word = " ".join(w for w in word.split() if name_key(w) not in said)    # only what the keys do not say
    key = name_key(word)
    if not key or key in _PRONOUNS or key in ("the", "a", "an", "of", "to", "in"):
        return ""
    return word


_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "who", "which", "that", "this", "those", "these"}


def _qualify(claim, word: str) -> None:
    claim.fields["metric"] = f"{claim.fields['metric']} ({word})"


def _words_of(text: str) -> str:
    """A claim's words without its numbers (a restated figure with another value keeps its key)."""
    return " ".join(w for w in re.sub(r"[\d.,%$£€]+", " ", text).split() if w.lower() not in _NUMBER_WORDS)[:60]


_NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                 "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "billion",
                 "trillion", "bn", "m", "k", "a", "an", "about", "nearly", "almost", "some", "around",
                 "more", "than", "less", "over", "under", "up", "to", "at", "least", "just"}
