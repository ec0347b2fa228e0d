"""A claim resting on a vague source: analysts, officials, widely seen, reportedly.

## What it does

Flags a claim whose source names nobody a reader could check: "analysts say", "officials said",
"experts believe", "it is believed", "widely seen as", "is considered", "reportedly", "some
say". The model is Wikipedia's "Words to watch: unsupported attributions" (MOS:WEASEL). It looks:

1. at the attribution: its `type` is `vague` (the claim file says so), or its `source` has a word
   that names nobody (`source-words`: "U.S. officials", "military analysts"), unless the type says
   the source is a named person or a specific anonymous one ("a senior official");
2. at a statement's (or an unattributed figure's or event's) `hedge` and `text`: a phrase from
   `phrases` ("reportedly", "widely seen", "it is believed", "is considered", "some say",
   "according to sources", ...), or a source word followed by a verb of saying or believing
   ("officials have warned", "analysts describe"). A source word alone ("U.S. officials are
   working with ...") is an actor, not a source, and is not flagged. The text is looked at only
   when the claim has no attribution, or a vague or untyped one: a named source is trusted.

Not flagged: boilerplate, quotes with no attribution (scare quotes), an unnamed single source of
type `anonymous` ("one survivor", "a senior official": anonymous sourcing is a separate, accepted
practice), and a claim inside the span of a quote whose source is not vague (the nested words rest
on that speaker: a survivor quoting "the bosses"). A flagged claim whose span lies inside another
flagged claim's span is reported once, as `related` of the enclosing claim's finding.

## Why it matters

"Officials said" cannot be checked or challenged; editors ask for a name, an office or a
document.

## Fails

```yaml
article: {id: a, published: 2022-01-27}
claims:
  - {id: pretext, kind: statement,
     text: Analysts have warned that the demands could form a pretext for military action,
     hedge: Analysts have warned, attribution: {source: analysts, type: vague}}
  - {id: undercount, kind: statement,
     text: "the official toll, widely seen as a substantial undercount", hedge: widely seen}
```

## Passes

```yaml
article: {id: a, published: 2022-01-27}
claims:
  - {id: pretext, kind: statement,
     text: Michael Kofman warned that the demands could form a pretext for military action,
     attribution: {source: Michael Kofman, role: analyst, type: named}}
```
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from pydantic import Field, field_validator

from claimcheck.rule_api import Problem, RuleOptions
from claimcheck.rules.common import quoted, valid_patterns

NAME = "vague-attribution"
CODE = "CC302"
SEVERITY = "warning"
SCOPE = "article"  # the spans of the file's quotes are needed to tell nested quotes

SOURCE_WORDS = [
    "analysts", "experts", "officials", "observers", "sources", "critics", "commentators",
    "diplomats", "insiders", "pundits", "scholars", "scientists", "researchers", "specialists",
    "economists", "historians",
]  # fmt: skip
SPEECH_VERBS = [
    "say", "says", "said", "saying", "warn", "warns", "warned", "believe", "believes", "believed",
    "think", "thinks", "thought", "claim", "claims", "claimed", "allege", "alleges", "alleged",
    "argue", "argues", "argued", "contend", "contends", "contended", "suggest", "suggests",
    "suggested", "note", "notes", "noted", "told", "tell", "describe", "describes", "described",
    "estimate", "estimates", "estimated", "expect", "expects", "expected", "predict", "predicts",
    "predicted", "fear", "fears", "feared", "express", "expressed", "report", "reports", "reported",
    "insist", "insists", "insisted", "acknowledge", "acknowledged", "concede", "conceded",
    "confirm", "confirmed", "caution", "cautioned", "criticize", "criticized", "criticise",
    "criticised", "accuse", "accused", "speculate", "speculated", "worry", "worried", "add",
    "added", "agree", "agreed", "consider", "considers", "see", "view", "regard", "reckon",
]  # fmt: skip
_ADVERB = r"(?:widely |generally |often |commonly |largely |increasingly )?"
PHRASES = [
    r"reportedly", r"allegedly", r"purportedly", r"supposedly", r"rumou?red",
    r"it (?:is|was|has been|had been) " + _ADVERB + r"(?:believed|said|thought|claimed|reported|rumou?red|alleged|understood|argued|suggested|feared|accepted)",
    r"widely (?:seen|regarded|believed|considered|viewed|thought|reported|held|accepted|described)",
    r"(?:is|are|was|were|been|being) " + _ADVERB + r"seen (?:(?:in|by) (?:[\w-]+ ){1,3})?as",
    r"(?:is|are|was|were|been|being) " + _ADVERB + r"(?:regarded|considered|viewed|perceived|believed|thought|rumou?red|said to|reported to)(?! by)",
    r"(?:is|are|was|were|been|being) " + _ADVERB + r"(?:characteri[sz]ed|described|labell?ed|branded|dubbed|portrayed) as",
    r"(?:regarded|considered|viewed|seen|believed|thought) by (?:many|some|most|others)",
    r"(?:some|many|most|others) (?:people |observers |in \w+ )?(?:say|said|believe|believed|think|thought|argue|argued|claim|claimed|feel|felt|suggest|suggested|contend|contended)",
    r"there are (?:those|some|many) who",
    r"according to (?:some|many|reports|media reports|sources|unnamed|those)",
    r"people familiar with",
    r"(?:research|studies|reports) (?:has |have )?(?:shown|show|shows|suggests?|found)",
]  # fmt: skip
TRUSTED_TYPES = ("named", "organization", "anonymous")  # a source the claim file identifies


class Options(RuleOptions):
    vague_types: list[str] = Field(["vague"], description="attribution types that are vague by themselves")
    source_words: list[str] = Field(SOURCE_WORDS, description="nouns that name nobody")
    phrases: list[str] = Field(PHRASES, description="unsupported attributions (regular expressions, case-insensitive, whole words)")
    extra_phrases: list[str] = Field([], description="more phrases, added to `phrases`")
    speech_verbs: list[str] = Field(SPEECH_VERBS, description="verbs that make '<source word> said' an attribution")
    kinds: list[str] = Field(["figure", "event", "quote", "role", "statement"], description="claim kinds checked")

    @field_validator("phrases", "extra_phrases")
    @classmethod
    def _valid_patterns(cls, phrases: list[str]) -> list[str]:
        return valid_patterns(phrases, "phrase")


def check(source, options, corpus):
    claims = [c for c in source.claims if c.kind in options.kinds and not c.boilerplate]
    if not claims:
        return
    cues = _Cues.of(options)
    found = {id(claim): _reason(claim, cues, options) for claim in claims}
    speakers = _speaker_spans(c for c in claims if c.kind == "quote" and found[id(c)] is None and c.source)
    flagged = [c for c in claims if found[id(c)] is not None and not _nested(c, speakers)]
    inside = _enclosing(flagged)
    nested: dict[int, list] = {}
    for claim in flagged:
        if id(claim) in inside:  # reported with the claim whose words contain it
            nested.setdefault(id(_outermost(claim, inside)), []).append(claim)
    for claim in flagged:
        if id(claim) not in inside:
            message, field = found[id(claim)]
            yield Problem(message, claim=claim, field=field, related=nested.get(id(claim), []))


def _enclosing(flagged: list) -> dict[int, object]:
    """For each flagged claim lying inside another flagged claim's span, that enclosing claim.

    One sweep over spans sorted by start (longest first): a stack holds the spans still open.
    """
    parent: dict[int, object] = {}
    stack: list = []
    for claim in sorted((c for c in flagged if c.span), key=lambda c: (c.span[0], -c.span[1])):
        start, end = claim.span
        while stack and stack[-1].span[1] <= start:
            stack.pop()
        if stack and stack[-1].span[1] >= end and tuple(stack[-1].span) != (start, end):
            parent[id(claim)] = stack[-1]
        stack.append(claim)
    return parent


def _outermost(claim, parent: dict[int, object]):
    while id(claim) in parent:
        claim = parent[id(claim)]
    return claim


def _reason(claim, cues: _Cues, options) -> tuple[str, str] | None:
    """(message, field) when the claim rests on a vague source, else None."""
    attribution = claim.attribution
    if attribution is not None and attribution.source:
        if attribution.type in options.vague_types:
            return f'{_what(claim)} rests on a vague source: "{attribution.source}" (type {attribution.type}) names nobody', "attribution"
        word = cues.source_word(attribution.source) if attribution.type not in ("named", "anonymous") else None
        if word:
            return f'{_what(claim)} rests on a vague source: "{attribution.source}" names nobody ("{word}")', "attribution"
    if claim.kind in ("quote", "role") or (attribution is not None and attribution.type in TRUSTED_TYPES):
        return None  # a quote's text is the speaker's words; a typed source is trusted
    hedge = getattr(claim, "hedge", None)
    if hedge:
        cue = cues.in_text(hedge) or cues.source_word(hedge)
        if cue:
            return f'{_what(claim)} rests on an unsupported attribution: "{cue}" names nobody', "hedge"
    cue = cues.in_text(claim.text)
    if cue:
        return f'{_what(claim)} rests on an unsupported attribution: "{cue}" names nobody', "text"
    return None


def _what(claim) -> str:
    return f"{claim.kind} {quoted(claim.quote if claim.kind == 'quote' else claim.text)}"


class _Cues:
    """The compiled cue patterns of one set of options."""

    def __init__(self, source_words: tuple, phrases: tuple, verbs: tuple):
        nouns = "|".join(map(re.escape, source_words)) or r"(?!x)x"
        said = "|".join(map(re.escape, verbs)) or r"(?!x)x"
        word = r"[\w.'’-]+"
        self._nouns = re.compile(rf"\b(?:{nouns})\b", re.IGNORECASE)
        attributions = [
            *phrases,
            rf"(?:{nouns})(?:\s+{word}){{0,3}}?\s+(?:{said})",  # officials have warned
            rf"(?:according to|said|say|says|told)\s+(?:{word}\s+){{0,2}}(?:{nouns})",  # said officials
        ]
        self._attributions = re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in attributions) + r")\b", re.IGNORECASE)

    @classmethod
    def of(cls, options) -> _Cues:
        return _compiled(tuple(options.source_words), tuple(options.phrases) + tuple(options.extra_phrases), tuple(options.speech_verbs))

    def source_word(self, text: str) -> str | None:
        match = self._nouns.search(text)
        return match.group(0) if match else None

    def in_text(self, text: str) -> str | None:
        match = self._attributions.search(text.replace("’", "'"))
        return " ".join(match.group(0).split()) if match else None


@lru_cache(maxsize=8)
def _compiled(source_words: tuple, phrases: tuple, verbs: tuple) -> _Cues:
    return _Cues(source_words, phrases, verbs)


def _speaker_spans(quotes) -> tuple[list, list, dict]:
    """Spans of quotes whose speaker is not vague: starts (sorted), the running maximum of their
    ends, and the furthest end per start; enough to test containment in O(log n)."""
    spans = sorted(tuple(q.span) for q in quotes if q.span)
    starts = [start for start, _end in spans]
    furthest, widest = [], {}
    for start, end in spans:
        furthest.append(max(end, furthest[-1]) if furthest else end)
        widest[start] = max(end, widest.get(start, end))
    return starts, furthest, widest


def _nested(claim, speakers: tuple[list, list, dict]) -> bool:
    """Whether the claim's words lie strictly inside a quote: they rest on that quote's speaker."""
    starts, furthest, widest = speakers
    if not claim.span:
        return False
    start, end = claim.span
    before = bisect_left(starts, start)  # quotes that start earlier
    if before and furthest[before - 1] >= end:
        return True
    return widest.get(start, -1) > end  # same start, ends later
