"""The same quote put in different mouths.

Two quote claims, in one article or in two, whose words are the same but whose speakers
(`attribution.source`) differ. Words are compared after normalisation: case, accents,
punctuation, quotation marks, apostrophes, editorial brackets ("[W]hy" is "why") and whitespace.
Near-identical wording counts too ("could be called positive" / "could be called
positive."; a changed word in a long quote): character similarity at least `similarity`.

Speakers are compared after the reference files' aliases ("Sergey Shoigu" is "Sergei Shoigu"),
and a surname or a fuller spelling is the same speaker ("Putin" / "Vladimir Putin", "Antony J.
Blinken" / "Antony Blinken"). Not conflicts: the same speaker twice; quotes with no named speaker
(`attribution: null`, type `anonymous` or `vague`: "a commentator" may be anyone); a person and
an organisation ("Dmitry Peskov" / "the Kremlin": a spokesman speaks for his office), and by
default two organisations (see `compare-types`); quotes
shorter than `min-words` words (two people may both say "loud and clear").

One finding per set of matching quotes, at the quote whose speaker differs from the first
report's (earliest publication); `related` lists every other quote of the set and the message
gives each speaker with its article, date and wording.

Cost: quotes are grouped by their normalised words; near-identical ones are looked for only
among quotes that share two of their four rarest words (blocking keys), never by comparing all
pairs, and only between different speakers. Similarity is difflib's ratio (standard library; no
extra dependency), computed only for pairs sharing at least half their words.

Options:

* `min-words` (4): shorter quotes are not compared.
* `similarity` (0.9): 1.0 compares exact (normalised) wording only.
* `compare-types` (`[named]`): attribution types whose speakers are compared; an untyped
  attribution is compared too. Organisations are left out by default: outlets name them in
  too many ways ("British Ministry of Defence", "Britain's defense ministry", "the MoD") for a
  difference to mean a misattribution; add `organization` once the reference aliases cover them.

Fails::

    # a.yaml (published 2022-03-31)
      - {id: z, kind: quote, text: t, quote: could be called positive,
         attribution: {source: Volodymyr Zelensky, type: named}}
    # b.yaml (published 2022-04-02)
      - {id: k, kind: quote, text: t, quote: "Could be called positive.",
         attribution: {source: Dmytro Kuleba, type: named}}

Passes::

    # b.yaml
      - {id: k, kind: quote, text: t, quote: "Could be called positive.",
         attribution: {source: Zelensky, role: Ukrainian President, type: named}}
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from itertools import combinations

from pydantic import Field

from claimcheck.rule_api import Problem, RuleOptions
from claimcheck.rules._shared import group_by
from claimcheck.rules._tenures import same_name

NAME = "attribution-conflict"
CODE = "CC303"
SEVERITY = "error"
SCOPE = "corpus"

BLOCKING_WORDS = 4  # quotes are compared when they share two of their 4 rarest words
MAX_BLOCK = 200  # "rare" words shared by more distinct quotes are not rare: skip that block
_BRACKETS = re.compile(r"\[([^\]]*)\]")
_APOSTROPHES = re.compile(r"['’‘`´]")
_NON_WORD = re.compile(r"[\W_]+")


class Options(RuleOptions):
    min_words: int = Field(4, ge=1, description="shorter quotes are not compared")
    similarity: float = Field(0.9, gt=0, le=1, description="character similarity that counts as the same quote")
    compare_types: list[str] = Field(["named"], description="attribution types whose speakers are compared")


def check(corpus, options, _corpus=None):
    key = corpus.normalizer.key
    quotes = [q for q in corpus.claims("quote") if _speaker_type(q, options) is not None]
    by_words = group_by(quotes, lambda q: _words(q.quote, options.min_words))
    for members in _similar_groups(by_words, options.similarity, key):
        yield from _conflict(members, key)


def _speaker_type(quote, options) -> str | None:
    """'person', 'org' or 'any' for a speaker that can be compared, else None."""
    attribution = quote.attribution
    if attribution is None or not attribution.source:
        return None
    if attribution.type is None:
        return "any"
    if attribution.type not in options.compare_types:
        return None
    return "person" if attribution.type == "named" else "org" if attribution.type == "organization" else attribution.type


def _words(text: str, min_words: int) -> str | None:
    """The quote's normalised words, or None when it is too short to compare."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    folded = _APOSTROPHES.sub("", _BRACKETS.sub(r"\1", folded))
    words = _NON_WORD.sub(" ", folded).split()
    return " ".join(words) if len(words) >= min_words else None


def _similar_groups(by_words: dict, threshold: float, key):
    """Groups of quotes whose normalised words are equal or near-identical."""
    keys = sorted(by_words)
    parent = list(range(len(keys)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    if threshold < 1:
        speakers = [frozenset(key(q.source) for q in by_words[words]) for words in keys]
        tokens = [set(words.split()) for words in keys]
        for a, b in _candidate_pairs(keys):
            if len(speakers[a] | speakers[b]) < 2 or find(a) == find(b):
                continue  # one speaker throughout: linking them cannot show a conflict
            if 2 * len(tokens[a] & tokens[b]) < max(len(tokens[a]), len(tokens[b])):
                continue  # fewer than half the words shared: not near-identical, skip the costly ratio
            if _similar(keys[a], keys[b], threshold):
                parent[find(a)] = find(b)
    groups = defaultdict(list)
    for index, words in enumerate(keys):
        groups[find(index)].extend(by_words[words])
    return [members for members in groups.values() if len(members) > 1]


def _candidate_pairs(keys: list[str]):
    """Pairs of distinct wordings that share two of their rarest words (blocking).

    Each wording is filed under every pair of its `BLOCKING_WORDS` rarest words (by how many
    wordings use them), so two wordings meet only if they share two rare words: near-identical
    quotes do, even with two of those words changed; unrelated quotes almost never do.
    """
    frequency = Counter(word for words in keys for word in set(words.split()))
    blocks = defaultdict(list)
    for index, words in enumerate(keys):
        rarest = sorted(set(words.split()), key=lambda w: (frequency[w], w))[:BLOCKING_WORDS]
        for block in combinations(sorted(rarest), 2) if len(rarest) > 1 else [tuple(rarest)]:
            blocks[block].append(index)
    seen = set()
    for members in blocks.values():
        if len(members) > MAX_BLOCK:
            continue
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if (a, b) not in seen:
                    seen.add((a, b))
                    yield a, b


def _similar(a: str, b: str, threshold: float) -> bool:
    if 2 * min(len(a), len(b)) / (len(a) + len(b)) < threshold:
        return False  # the ratio cannot reach the threshold: lengths too different
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.real_quick_ratio() >= threshold and matcher.quick_ratio() >= threshold and matcher.ratio() >= threshold


def _conflict(members: list, key):
    """One finding when the quotes of a group have speakers that cannot be the same."""
    members = sorted(members, key=_reported)
    speakers: dict[tuple, list] = {}  # (speaker key, kind) -> its quotes, earliest first
    for quote in members:
        speakers.setdefault((key(quote.source), _kind(quote)), []).append(quote)
    firsts = [quotes[0] for quotes in speakers.values()]
    pair = next(((a, b) for i, a in enumerate(firsts) for b in firsts[i + 1 :] if _different(a, b, key)), None)
    if pair is None:
        return
    primary = pair[1]  # the later report of the first disagreeing pair
    related = [q for q in members if q is not primary]
    sides = [_side(primary, speakers), *(_side(q, speakers) for q in firsts if q is not primary)]
    yield Problem(
        "the same quote is put in different mouths: " + "; ".join(sides),
        claim=primary,
        field="attribution",
        related=related,
    )


def _different(a, b, key) -> bool:
    """Whether two quotes name speakers that cannot be the same person or body."""
    kinds = {_kind(a), _kind(b)}
    if kinds == {"person", "org"}:
        return False  # a spokesman speaks for his office
    return not same_name(key(a.source), key(b.source))


def _kind(quote) -> str:
    kind = quote.attribution.type
    return {"named": "person", "organization": "org"}.get(kind, "any")


def _reported(quote):
    """Earliest report first: by the date it was said, else published; unknown dates last."""
    when = quote.said_on or quote.published
    return (when.start if when else dt.date.max, quote.file.path, quote.position)


def _side(quote, speakers: dict) -> str:
    said = f"said {quote.said_on}" if quote.said_on else (f"published {quote.published}" if quote.published else "undated")
    words = quote.quote if len(quote.quote) <= 60 else quote.quote[:57] + "..."
    text = f'"{words}" by {quote.source} ({quote.ref}, {said})'
    repeats = len(next(q for q in speakers.values() if q[0] is quote)) - 1
    return text + (f" and {repeats} more by the same speaker" if repeats else "")
