"""Look-ups on a parsed article that stay cheap on long articles.

spaCy builds `doc.ents` afresh on every access (a pass over every token), and `span.ents` walks
`doc.ents` again; an extractor that asks "which entity holds this token?" once per name or per
figure is therefore quadratic in the article's length (a 200,000-character article spent most of
its extraction time there). These helpers build the entity list and a token -> entity table once
per Doc (kept while the Doc lives) and answer each question in constant or logarithmic time, with
exactly the answers of the spaCy expressions they replace.
"""
from __future__ import annotations

import bisect
import weakref
from itertools import accumulate

_INDEX: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class _EntIndex:
    __slots__ = ("ents", "owner", "starts")

    def __init__(self, doc):
        self.ents = tuple(doc.ents)
        self.starts = [e.start for e in self.ents]
        owner = [-1] * len(doc)
        for k, ent in enumerate(self.ents):
            for i in range(ent.start, ent.end):
                owner[i] = k
        self.owner = owner


def _index(doc) -> _EntIndex:
    index = _INDEX.get(doc)
    if index is None or len(index.owner) != len(doc):
        index = _INDEX[doc] = _EntIndex(doc)
    return index


def forget(doc) -> None:
    """Drop the table of `doc` (after its entities were changed)."""
    _INDEX.pop(doc, None)


def doc_ents(doc) -> tuple:
    """`doc.ents`, built once."""
    return _index(doc).ents


def ent_at(doc, i: int):
    """The entity that holds token `i`, or None: `next((e for e in doc.ents if e.start <= i < e.end), None)`."""
    index = _index(doc)
    k = index.owner[i] if 0 <= i < len(index.owner) else -1
    return index.ents[k] if k >= 0 else None


def ents_of_tokens(doc, tokens) -> list:
    """The entities that hold any of `tokens`, in text order:
    `[e for e in doc.ents if any(e.start <= t.i < e.end for t in tokens)]`."""
    index = _index(doc)
    found = {index.owner[t.i] for t in tokens if 0 <= t.i < len(index.owner)}
    return [index.ents[k] for k in sorted(found) if k >= 0]


def span_ents(span) -> list:
    """`span.ents` (the entities inside a span, e.g. a sentence), without a pass over the document."""
    index = _index(span.doc)
    k = bisect.bisect_left(index.starts, span.start)
    out = []
    while k < len(index.ents) and index.ents[k].end <= span.end:
        out.append(index.ents[k])
        k += 1
    return out


class NameIndex:
    """The article's PERSON names (longest first) as look-up tables for `ArticleContext`:
    `longer[words]` is the first name whose last words are `words` and that has more words
    (what `full_name` returns; names `skip(words)` accepts are never one), `surnames` the last
    words of names of two words or more (what `is_known_surname` asks about). `word_keys` is
    the function that splits a name into keys."""

    __slots__ = ("longer", "names", "size", "surnames")

    def __init__(self, names: list[str], word_keys, skip=None):
        self.names, self.size = names, len(names)
        self.longer: dict[tuple, str] = {}
        self.surnames: set[str] = set()
        for candidate in names:
            words = tuple(word_keys(candidate))
            if len(words) > 1:
                self.surnames.add(words[-1])
            if skip is not None and skip(words):
                continue                  # never a full name to resolve to ("Ms Hutt")
            for k in range(1, len(words)):
                self.longer.setdefault(words[-k:], candidate)

    def fits(self, names: list[str]) -> bool:
        return self.names is names and self.size == len(names)


class Intervals:
    """[start, end) intervals (in any order, nested or overlapping) for point queries:
    `containing(pos)` is `[(s, e) for s, e in intervals if s <= pos < e]` (as a set: in no
    particular order) in logarithmic time plus the nesting at `pos`."""

    __slots__ = ("items", "reach", "size", "source", "starts")

    def __init__(self, intervals: list):
        self.source, self.size = intervals, len(intervals)
        self.items = sorted((s, e) for s, e in intervals)
        self.starts = [s for s, _ in self.items]
        self.reach = list(accumulate((e for _, e in self.items), max))   # furthest end so far

    def fits(self, intervals: list) -> bool:
        return self.source is intervals and self.size == len(intervals)

    def containing(self, pos: int) -> list:
        out = []
        k = bisect.bisect_right(self.starts, pos)          # items[:k] start at or before pos
        while k > 0 and self.reach[k - 1] > pos:           # some of them still reach past pos
            k -= 1
            if self.items[k][1] > pos:
                out.append(self.items[k])
        return out

    def covers(self, pos: int) -> bool:
        """`any(s <= pos < e for s, e in intervals)`."""
        k = bisect.bisect_right(self.starts, pos)
        while k > 0 and self.reach[k - 1] > pos:
            k -= 1
            if self.items[k][1] > pos:
                return True
        return False
