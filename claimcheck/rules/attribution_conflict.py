"""The same quote put in different mouths.

## What it does

Flags two quote claims, in one article or in two, whose words are the same but whose speakers
(`attribution.source`) differ. Words are compared after normalisation: case, accents,
punctuation, quotation marks, apostrophes, editorial brackets ("[W]hy" is "why") and whitespace.
Near-identical wording counts too ("could be called positive" / "could be called positive."; a
changed word in a long quote): at most a word or two apart and character similarity at least
`similarity`, but never when the words that differ are numbers ("proposal 3" is another quote than
"proposal 4").

Speakers are compared after the reference files' aliases ("Sergey Shoigu" is "Sergei Shoigu"),
and a surname or a fuller spelling is the same speaker ("Putin" / "Vladimir Putin", "Antony J.
Blinken" / "Antony Blinken"). Not conflicts: the same speaker twice; quotes with no named speaker
(`attribution: null`, type `anonymous` or `vague`: "a commentator" may be anyone); a person and
an organisation ("Dmitry Peskov" / "the Kremlin": a spokesman speaks for his office), and by
default two organisations (see `compare-types`). An office, campaign or spokesperson of a named
person ("Sharif's office", "the campaign of Tom Hale") speaks for that person and is compared as
that person; quotes shorter than `min-words` words (two
people may both say "loud and clear").

One finding per set of matching quotes, at the quote whose speaker differs from the first report's
(earliest publication); `related` lists every other quote of the set and the message gives each
speaker with its article, date and wording.

## Why it matters

Misattributed quotes are among the most common corrections newsrooms publish. Quotes are grouped
by their normalised words; near-identical ones are looked for only among quotes that share two of
their four longest words, never by comparing all pairs, and only between different speakers.

## Fails

```yaml
# file: a.yaml
article: {id: a, published: 2022-03-31}
claims:
  - {id: z, kind: quote, text: t, quote: could be called positive,
     attribution: {source: Volodymyr Zelensky, type: named}}
# file: b.yaml
article: {id: b, published: 2022-04-02}
claims:
  - {id: k, kind: quote, text: t, quote: "Could be called positive.",
     attribution: {source: Dmytro Kuleba, type: named}}
```

## Passes

```yaml
# file: a.yaml
article: {id: a, published: 2022-03-31}
claims:
  - {id: z, kind: quote, text: t, quote: could be called positive,
     attribution: {source: Volodymyr Zelensky, type: named}}
# file: b.yaml
article: {id: b, published: 2022-04-02}
claims:
  - {id: k, kind: quote, text: t, quote: "Could be called positive.",
     attribution: {source: Zelensky, role: Ukrainian President, type: named}}
```
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import combinations

from pydantic import Field

from claimcheck.rule_api import Problem, RuleOptions
from claimcheck.rules.common import group_by, quoted, same_name

NAME = "attribution-conflict"
CODE = "CC303"
SEVERITY = "error"
SCOPE = "group"
KINDS = ("quote",)

BLOCKING_WORDS = 4  # quotes are compared when they share two of their 4 longest words
MAX_BLOCK = 200  # a block shared by more distinct wordings is not distinctive: skip it
_BRACKETS = re.compile(r"\[([^\]]*)\]")
_APOSTROPHES = re.compile(r"['’‘`´]")
_NON_WORD = re.compile(r"[\W_]+")
_NUMBER = re.compile(r"\d|^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion)$")


class Options(RuleOptions):
    min_words: int = Field(4, ge=1, description="shorter quotes are not compared")
    similarity: float = Field(0.9, gt=0, le=1, description="character similarity that counts as the same quote (1.0: exact normalised wording only)")
    compare_types: list[str] = Field(["named"], description="attribution types whose speakers are compared (untyped ones are too); organisations are left out by default: outlets name them in too many ways")


def keys(quote, context):
    """The quote's normalised words; for near-identical wording also its blocks (pairs of its
    longest words: near-identical quotes share at least one)."""
    if _speaker_type(quote, context.options) is None:
        return
    words = _words(quote.quote, context.options.min_words)
    if words is None:
        return
    yield ("words", words)
    if context.options.similarity < 1:
        for block in _blocks(words):
            yield ("block", block)


def check(key, quotes, context):
    """Quotes that are the same quote: one list of them per match (joined by `combine`)."""
    if key[0] == "words":
        return [quotes] if len(quotes) > 1 else []
    by_words = group_by(quotes, lambda q: _words(q.quote, context.options.min_words))
    if len(by_words) < 2 or len(by_words) > MAX_BLOCK:
        return []
    return list(_similar_wordings(by_words, context.options.similarity, context.key))


def combine(matches: list, context):
    """Join the matches of every group into sets of the same quote; one finding per set."""
    parent: dict[int, int] = {}
    quote_of: dict[int, object] = {}

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for match in matches:
        for quote in match:
            quote_of.setdefault(id(quote), quote)
            parent.setdefault(id(quote), id(quote))
        first = find(id(match[0]))
        for quote in match[1:]:
            parent[find(id(quote))] = first
    components: dict[int, list] = defaultdict(list)
    for ident, quote in quote_of.items():
        components[find(ident)].append(quote)
    for members in components.values():
        if len(members) > 1:
            yield from _conflict(members, context.key)


def _speaker_type(quote, options) -> str | None:
    """'person', 'org' or 'any' for a speaker that can be compared, else None."""
    attribution = quote.attribution
    if attribution is None or not attribution.source:
        return None
    if attribution.type is None:
        return "any"
    kind = _kind(quote)
    if attribution.type not in options.compare_types and not (kind == "person" and "named" in options.compare_types):
        return None
    return kind if kind in ("person", "org") else attribution.type


# An organisation that is one person's voice: "Sharif's office", "the office of Nawaz Sharif",
# "Trump's campaign", "a spokesman for Putin" speak for that person and are compared as that person.
_VOICE_OF = re.compile(
    r"^(?:the\s+)?(?:(?P<owner>.+?)['’]s?\s+(?:press\s+)?(?:office|campaign|spokes(?:man|woman|person)|press secretary)"
    r"|(?:press\s+)?(?:office|campaign|spokes(?:man|woman|person))\s+(?:of|for)\s+(?P<of>.+))$",
    re.IGNORECASE,
)


def _speaker(quote) -> str:
    """Whom the quote's source speaks as: the person an office or campaign speaks for, else itself."""
    source = quote.source
    if quote.attribution.type == "organization":
        found = _VOICE_OF.match(source.strip())
        if found and (found.group("owner") or found.group("of"))[:1].isupper():
            return (found.group("owner") or found.group("of")).strip()
    return source


@lru_cache(maxsize=1 << 16)
def _words(text: str, min_words: int) -> str | None:
    """The quote's normalised words, or None when it is too short to compare."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    folded = _APOSTROPHES.sub("", _BRACKETS.sub(r"\1", folded))
    words = _NON_WORD.sub(" ", folded).split()
    return " ".join(words) if len(words) >= min_words else None


@lru_cache(maxsize=1 << 16)
def _blocks(words: str) -> list[tuple]:
    """Pairs of the wording's `BLOCKING_WORDS` longest distinct words (ties alphabetical)."""
    longest = sorted(set(words.split()), key=lambda w: (-len(w), w))[:BLOCKING_WORDS]
    return list(combinations(sorted(longest), 2)) if len(longest) > 1 else [tuple(longest)]


def _similar_wordings(by_words: dict, threshold: float, key):
    """For each pair of near-identical wordings with different speakers: their quotes."""
    wordings = sorted(by_words)
    speakers = [frozenset(key(_speaker(q)) for q in by_words[words]) for words in wordings]
    tokens = [set(words.split()) for words in wordings]
    for a, b in combinations(range(len(wordings)), 2):
        if len(speakers[a] | speakers[b]) < 2:
            continue  # one speaker throughout: linking them cannot show a conflict
        differing = tokens[a] ^ tokens[b]
        if len(differing) > max(2, len(tokens[a] | tokens[b]) // 5):
            continue  # more than a word or two apart: not near-identical, skip the costly ratio
        if any(_NUMBER.search(word) for word in differing):
            continue  # "proposal 3" is not "proposal 4": a quote with other numbers is another quote
        if _similar(wordings[a], wordings[b], threshold):
            yield [*by_words[wordings[a]], *by_words[wordings[b]]]


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
        speakers.setdefault((key(_speaker(quote)), _kind(quote)), []).append(quote)
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
    return not same_name(key(_speaker(a)), key(_speaker(b)))


def _kind(quote) -> str:
    kind = quote.attribution.type
    if kind == "organization" and _speaker(quote) != quote.source:
        return "person"                       # "Sharif's office" is Sharif's voice
    return {"named": "person", "organization": "org"}.get(kind, "any")


def _reported(quote):
    """Earliest report first: by the date it was said, else published; unknown dates last."""
    when = quote.said_on or quote.published
    return (when.start if when else dt.date.max, quote.path, quote.position)


def _side(quote, speakers: dict) -> str:
    said = f"said {quote.said_on}" if quote.said_on else (f"published {quote.published}" if quote.published else "undated")
    text = f"{quoted(quote.quote)} by {quote.source} ({quote.ref}, {said})"
    repeats = len(next(q for q in speakers.values() if q[0] is quote)) - 1
    return text + (f" and {repeats} more by the same speaker" if repeats else "")
