#!/usr/bin/env python3
"""End to end: stories from the archive, inconsistencies injected into the text, extract + check.

    python scripts/e2e_stories.py                      # the whole archive (a few minutes on 2 cores)
    python scripts/e2e_stories.py --limit 5            # 5 natural + 5 copy stories, for a quick look
    python scripts/e2e_stories.py --json out.json --keep /tmp/e2e   # machine-readable; keep the work folder

What users have is articles, not YAML; what they want is the real inconsistencies out and nothing
false. This script measures exactly that, on real Reuters texts of `../shared/corpus/archive`
(read from there, never copied into the repository; everything is written to a temp folder):

1. **Stories.** *Natural* stories group archive articles that report the same story (the rule is
   `group_stories`). Because the archive is a random sample and holds few of those, every dated
   article also makes a *copy* story: the article plus a rewritten copy of itself published a day
   later (`rewrite`: a few adjacent sentences swapped, sentence-initial connectives dropped,
   "said on Monday" -> "said Monday"; same facts). A copy is only dated later when no relative
   date in the text ("today", "last week", a weekday name) would change its meaning
   (`shift_safe`); otherwise the article makes no copy story.
2. **Injections**, one per story variant, each a text edit found by regular expressions over the
   article text (never from the extractor's output) and recorded with its character span:
   *falling-toll* (a running total -- killed, injured, arrested, ... -- lowered below what an
   earlier article says), *same-day-figure* (a copy of the same day states an amount, percentage
   or count with a value that cannot overlap: x3 or /3), *quote-moved* (a quote "X said" appears in
   another article of the story attributed to another named person of the story), *title-not-held*
   ("former" added while in office, "former" dropped after leaving, or an office the person did not
   hold), judged against a small reference of office tenures (`OFFICES`, public record) written to
   the temp folder.
3. **Runs.** `claimcheck extract --meta <meta> -o <tmp>/claims/all --jobs N <texts>` once over
   every text (clean articles, copies and edited variants: extraction is per article), then one
   `claimcheck check <tmp>/runs/<run> --format json --no-cache --reference <ref> --config <cfg>`
   per clean story and per variant (through `claimcheck.cli.main` in worker processes;
   `--subprocess` runs the `claimcheck` executable instead, same results, slower).
4. **Scoring.** An injection is detected when its variant has a conflict finding (numeric-conflict,
   arithmetic, date-conflict, anachronism, attribution-conflict, role-conflict) that its clean
   counterpart (the same articles without the edit) does not have, and whose claim or related
   claims overlap the injected span. Claims are identified by article, kind and span (spans of the
   edited article mapped back through the edit), so a finding that merely moved is not new. False
   findings are the conflict findings on the clean stories. Each miss gets a reason read from the
   extracted claims at the injected span and at the statement it contradicts.

Deterministic (fixed seed, no network, no downloads). Exit 0 when the measurement ran, 2 when it
could not (no archive, extract failed).
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import datetime as dt
import itertools
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    """`../shared` beside the repository; for a git worktree, beside its main working tree."""
    here = REPO.parent / "shared"
    if here.is_dir():
        return here
    try:
        common = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--path-format=absolute", "--git-common-dir"],
                                capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return here
    main_tree = Path(common).parent
    return main_tree.parent / "shared" if (main_tree.parent / "shared").is_dir() else here


ARCHIVE = shared_dir() / "corpus" / "archive"
SEED = 20251202
CONFLICT_RULES = ("numeric-conflict", "arithmetic", "date-conflict", "anachronism", "attribution-conflict", "role-conflict")
KINDS = ("falling-toll", "same-day-figure", "quote-moved", "title-not-held")
STORY_TYPES = ("natural", "copy")
METHODS = {
    "restated": "a later article's restatement of an earlier total, lowered",
    "later-copy": "a copy of the article a day later, total lowered",
    "same-day-copy": "a copy of the article the same day, value x3 or /3",
    "inserted": "inserted into another article of the story, another speaker",
    "copy-attribution": "the copy's attribution changed to another person",
    "former-in-office": "'former' added while in office",
    "former-dropped": "'former' dropped after leaving office",
    "wrong-office": "the title of another office, held by someone else",
}
TYPE_LABELS = {"natural": "natural stories", "copy": "article + rewritten copy"}

# ---------------------------------------------------------------- records


@dataclass
class Article:
    id: str
    title: str
    published: dt.date
    text: str
    outlet: str = "Reuters"
    origin: str | None = None  # the archive article a copy or an edited text comes from


@dataclass
class Story:
    id: str
    type: str  # natural | copy
    articles: list[str]  # article ids, in date order
    sources: list[str]  # archive ids
    titles: list[str] = field(default_factory=list)


@dataclass
class Injection:
    id: str
    story: str
    story_type: str
    kind: str
    detail: str  # what was done, in words
    article: str  # the edited article (its id in the variant run)
    base: str  # the article it replaces in the clean counterpart
    span: tuple[int, int]  # the injected text in the edited article
    edit: tuple[int, int, int]  # (start, old length, new length) in the base text
    before: str
    after: str
    other_article: str | None = None  # the article whose statement the injection contradicts
    other_span: tuple[int, int] | None = None
    expect: dict = field(default_factory=dict)
    run: str = ""
    clean_run: str = ""
    method: str = ""  # how the inconsistency got into the story (see METHODS)
    detected: bool | None = None
    rules: list[str] = field(default_factory=list)
    reason: str | None = None
    reason_detail: str | None = None


@dataclass
class Run:
    name: str
    articles: list[str]
    story: str
    story_type: str
    clean: bool
    role: str  # "story" | "counterpart" | "variant"
    base_run: str | None = None  # for counterparts: the story's own clean run


def words_of(text: str) -> set[str]:
    """A word list written as one string."""
    return set(text.split())


# ---------------------------------------------------------------- numbers

NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}
WORD_OF = {v: k for k, v in NUMBER_WORDS.items()} | {1: "one"}
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
NUM = rf"(?P<num>{DIGITS}|(?i:{'|'.join(NUMBER_WORDS)}))(?![\w,.]\d)"
HEDGES_LOW = ("at least", "more than", "over")  # lower bounds: a value x3 still fits them
HEDGES_HIGH = ("up to", "fewer than", "less than", "under", "as many as", "at most")
HEDGES_ABOUT = ("about", "around", "nearly", "almost", "some", "roughly", "approximately")
HEDGE = rf"(?:(?P<hedge>(?i:{'|'.join(HEDGES_LOW + HEDGES_HIGH + HEDGES_ABOUT)}))\s+)?"


@dataclass
class Number:
    value: float
    word: bool  # spelled out
    capital: bool
    commas: bool
    decimals: int


def parse_number(token: str) -> Number:
    low = token.lower()
    if low in NUMBER_WORDS:
        return Number(NUMBER_WORDS[low], True, token[:1].isupper(), False, 0)
    decimals = len(token.split(".", 1)[1]) if "." in token else 0
    return Number(float(token.replace(",", "")), False, False, "," in token, decimals)


def format_number(value: float, like: Number) -> str:
    if like.word and value == int(value) and int(value) in WORD_OF:
        word = WORD_OF[int(value)]
        return word.capitalize() if like.capital else word
    if like.decimals:
        text = f"{value:.{like.decimals}f}".rstrip("0").rstrip(".")
        return text
    value = int(value)
    return f"{value:,}" if (like.commas or value >= 10000) else str(value)


def is_year(token: str) -> bool:
    return bool(re.fullmatch(r"(1[89]|20)\d\d", token))


# ---------------------------------------------------------------- sentences

ABBREVIATIONS = {
    "Mr", "Mrs", "Ms", "Dr", "Gov", "Sen", "Rep", "Gen", "Lt", "Col", "Sgt", "St", "Jan", "Feb", "Mar", "Apr", "Aug",
    "Sept", "Sep", "Oct", "Nov", "Dec", "No", "Inc", "Corp", "Co", "Ltd", "Jr", "Sr", "vs", "Adm", "Capt", "Prof",
    "Rev", "Ft", "Mt", "Maj", "Cmdr", "Pres",
}
SENTENCE_END = re.compile(r"[.!?][”\"’)]*(?=\s+[“\"(]?[A-Z0-9])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence: a stop, then whitespace, then a capital (abbreviations and
    initials are not stops)."""
    spans, start = [], len(text) - len(text.lstrip())
    for m in SENTENCE_END.finditer(text):
        if m.end() <= start:
            continue
        if text[m.start()] == ".":
            word = re.search(r"([\w.]*)$", text[start:m.start()]).group(1)
            if word in ABBREVIATIONS or re.fullmatch(r"[A-Z]", word) or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):
                continue
        spans.append((start, m.end()))
        start = m.end() + (len(text[m.end():]) - len(text[m.end():].lstrip()))
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def sentence_at(text: str, pos: int) -> str:
    for s, e in sentence_spans(text):
        if s <= pos < e:
            return text[s:e]
    return text


# ---------------------------------------------------------------- archive


def load_archive(archive: Path) -> list[Article]:
    """The dated Reuters articles of the archive (BBC texts carry no date: the time rules need one)."""
    from ruamel.yaml import YAML

    meta = YAML(typ="safe").load((archive / "articles.yaml").read_text(encoding="utf-8"))
    out = []
    for entry in meta["articles"]:
        published = entry.get("published")
        if not published or entry.get("outlet") != "Reuters":
            continue
        published = published if isinstance(published, dt.date) else dt.date.fromisoformat(str(published))
        text = (archive / entry["file"]).read_text(encoding="utf-8")
        out.append(Article(entry["id"], entry.get("title") or "", published, text, entry.get("outlet") or "Reuters"))
    return sorted(out, key=lambda a: a.id)


# ---------------------------------------------------------------- stories

CREDIT = re.compile(r"\(?\s*(?:Additional )?[Rr]eporting by .*$|\(?Writing by .*$|\(?Editing by .*$", re.S)
STOPWORDS = words_of(
    "the a an in on at for of and but or by with from to as it he she they we his her their this that these those "
    "there here when while after before since if mr mrs ms reuters monday tuesday wednesday thursday friday "
    "saturday sunday january february march april may june july august september october november december "
    "says said will would could should over under into about more than also new first last year years week told "
    "who what which where how not has have had was were been being are is be"
)
STORY_DAYS = 21  # articles of one story lie within three weeks
MIN_SHARED_NAMES = 3
MIN_SHARED_HEAD = 2
MIN_JACCARD = 0.14


def _names(text: str) -> set[str]:
    return {t for t in re.findall(r"\b[A-Z][\w'’\-]*[A-Za-z]\b", text) if t.lower() not in STOPWORDS}


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z][\w'’\-]+", text) if w.lower() not in STOPWORDS and len(w) >= 4}


def _lead(text: str) -> str:
    body = re.sub(r"^.*?\(Reuters\)\s*-\s*", "", text, count=1)
    spans = sentence_spans(body)
    return body[spans[0][0]:spans[0][1]] if spans else body


def group_stories(articles: list[Article]) -> list[list[Article]]:
    """Natural stories: articles that report the same story.

    Two articles are linked when (a) they were published at most STORY_DAYS apart, (b) they share
    at least MIN_SHARED_NAMES *distinctive* capitalised words (names of people, places, bodies:
    words found in at most 5% of the articles, at least 2; credit lines "Reporting by ..." left
    out), (c) those make at least MIN_JACCARD of the two articles' distinctive words together, and
    (d) the headline and first sentence of the two share at least MIN_SHARED_HEAD distinctive words
    (any case). Links are taken strongest first (Jaccard); a link joins two groups when the merged
    group still spans at most STORY_DAYS. Groups of two or more articles are stories."""
    names, heads = {}, {}
    for a in articles:
        body = CREDIT.sub("", a.text)
        names[a.id] = _names(body) | _names(a.title)
        heads[a.id] = _words(a.title) | _words(_lead(body))
    df = collections.Counter(t for a in articles for t in names[a.id])
    dfh = collections.Counter(t for a in articles for t in heads[a.id])
    limit = max(2, int(0.05 * len(articles)))
    distinct = {a.id: {t for t in names[a.id] if df[t] <= limit} for a in articles}
    links = []
    for a, b in itertools.combinations(articles, 2):
        if abs((a.published - b.published).days) > STORY_DAYS:
            continue
        shared = distinct[a.id] & distinct[b.id]
        head = {t for t in heads[a.id] & heads[b.id] if dfh[t] <= limit}
        if len(shared) < MIN_SHARED_NAMES or len(head) < MIN_SHARED_HEAD:
            continue
        jaccard = len(shared) / len(distinct[a.id] | distinct[b.id])
        if jaccard >= MIN_JACCARD:
            links.append((jaccard, a.id, b.id))
    by_id = {a.id: a for a in articles}
    group = {a.id: [a.id] for a in articles}
    for _j, x, y in sorted(links, key=lambda link: (-link[0], link[1], link[2])):
        gx, gy = group[x], group[y]
        if gx is gy:
            continue
        dates = [by_id[i].published for i in gx + gy]
        if (max(dates) - min(dates)).days > STORY_DAYS:
            continue
        merged = gx + gy
        for i in merged:
            group[i] = merged
    seen, stories = set(), []
    for a in sorted(articles, key=lambda a: (a.published, a.id)):
        g = group[a.id]
        if id(g) in seen or len(g) < 2:
            continue
        seen.add(id(g))
        stories.append(sorted((by_id[i] for i in g), key=lambda a: (a.published, a.id)))
    return stories


# ---------------------------------------------------------------- rewritten copies

CONNECTIVE = re.compile(r"(?:However|Meanwhile|In addition|Separately|Also|Moreover|Still),\s+(?=\w)")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SAID_ON = re.compile(rf"\b(said|told reporters|announced)\s+on\s+({'|'.join(WEEKDAYS)})\b")
PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|him|[Hh]is|[Hh]er|hers|[Tt]hey|them|[Tt]heir|theirs|[Ii]ts?|[Ww]e|[Oo]ur|I)\b")
ANAPHORIC_START = words_of(
    "But And Or So Yet However Also Meanwhile Still Then Instead Thus Therefore Separately Earlier Later Moreover "
    "Furthermore Nevertheless That This These Those Such Both Another Other Others Neither Either Each Its His Her "
    "Their Here There"
)


def _independent(sentence: str) -> bool:
    """A sentence that can change places: no quotation, no pronoun, no anaphoric opening."""
    words = sentence.split()
    if len(words) < 6 or not sentence[:1].isupper() or re.search(r"[“”\"]", sentence):
        return False
    if "(Reuters)" in sentence or re.search(r"(?:Reporting|Editing|Writing) by", sentence) or sentence.startswith("("):
        return False
    first = words[0].strip(",")
    if first in ANAPHORIC_START or PRONOUN.search(sentence):
        return False
    return not (first == "The" and words[1][:1].islower())


def rewrite(text: str, max_swaps: int = 2) -> str:
    """The copy a day later: same facts, minimally rewritten by rule.

    Sentence-initial connectives ("However, ") are dropped; "said on Monday" becomes "said Monday";
    up to `max_swaps` pairs of adjacent independent sentences (no quotation marks, no pronouns, no
    anaphoric opening such as "The move", never the first sentence or the credit line) change
    places, when the sentence after the pair is independent too (so no pronoun changes referent)."""
    spans = sentence_spans(text)
    if not spans:
        return text
    pieces = [text[s:e] for s, e in spans]
    gaps = [text[spans[i][1]:spans[i + 1][0]] for i in range(len(spans) - 1)]
    head, tail = text[: spans[0][0]], text[spans[-1][1]:]
    for i in range(1, len(pieces)):
        m = CONNECTIVE.match(pieces[i])
        if m:
            rest = pieces[i][m.end():]
            pieces[i] = rest[:1].upper() + rest[1:]
    pieces = [SAID_ON.sub(r"\1 \2", p) for p in pieces]
    i, swaps = 1, 0
    while i + 1 < len(pieces) and swaps < max_swaps:
        after_ok = i + 2 >= len(pieces) or _independent(pieces[i + 2]) or not pieces[i + 2][:1].isupper()
        if _independent(pieces[i]) and _independent(pieces[i + 1]) and after_ok and i + 2 < len(pieces):
            pieces[i], pieces[i + 1] = pieces[i + 1], pieces[i]
            swaps += 1
            i += 3
        else:
            i += 1
    out = head + pieces[0]
    for gap, piece in zip(gaps, pieces[1:]):
        out += gap + piece
    return out + tail


RELATIVE_DAY = re.compile(
    r"\b(?:today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening)|last night|"
    r"(?:\w+|\d+) days? ago|overnight)\b", re.I)
RELATIVE_WEEK = re.compile(r"\b(?:(?:this|last|next|earlier this|later this) week(?:end)?|\w+ weeks? ago)\b", re.I)
RELATIVE_MONTH = re.compile(r"\b(?:(?:this|last|next|earlier this|later this) month|\w+ months? ago)\b", re.I)
RELATIVE_YEAR = re.compile(r"\b(?:(?:this|last|next|earlier this|later this) year|\w+ years? ago)\b", re.I)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
MONTH_ABBR = ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec")


def shift_safe(text: str, d0: dt.date, d1: dt.date) -> bool:
    """Whether a copy of `text` dated d1 instead of d0 still means the same dates: no expression
    relative to the publication day whose resolution would move (today, weekday names of the days
    in between, "last week" across a week boundary, a month name newly entered, ...)."""
    if d1 == d0:
        return True
    if RELATIVE_DAY.search(text):
        return False
    between = [d0 + dt.timedelta(days=k) for k in range(1, (d1 - d0).days + 1)]
    if any(re.search(rf"\b{WEEKDAYS[d.weekday()]}\b", text) for d in between):
        return False
    # "last Friday" in a Friday paper is a week ago, in Saturday's it is yesterday
    if any(re.search(rf"\b(?:last|next|this|past|coming) {WEEKDAYS[d.weekday()]}\b", text, re.I) for d in [d0, *between]):
        return False
    if d0.isocalendar()[:2] != d1.isocalendar()[:2] and RELATIVE_WEEK.search(text):
        return False
    if (d0.year, d0.month) != (d1.year, d1.month):
        if RELATIVE_MONTH.search(text):
            return False
        for d in between:
            if re.search(rf"\b(?:{MONTHS[d.month - 1]}|{MONTH_ABBR[d.month - 1]}\.?)\b", text):
                return False
    return not (d0.year != d1.year and RELATIVE_YEAR.search(text))


# ---------------------------------------------------------------- figures in the text


@dataclass
class NumberSpot:
    start: int  # the phrase (hedge .. noun or unit)
    end: int
    hedge_start: int  # the hedge ("at least"), == num_start when there is none
    pre_num: int  # after the hedge and its space (a currency sign may follow)
    num_start: int
    num_end: int
    number: Number
    hedge: str | None
    key: str  # toll group (killed, injured, ...) or unit
    toll: bool


TOLL_GROUPS = {
    "killed": "killed", "kill": "killed", "kills": "killed", "killing": "killed", "dead": "killed", "died": "killed",
    "deaths": "killed", "toll": "killed", "injured": "injured", "wounded": "injured", "hurt": "injured",
    "injuring": "injured", "wounding": "injured", "arrested": "arrested", "detained": "arrested",
    "displaced": "displaced", "fled": "displaced", "evacuated": "evacuated", "missing": "missing",
    "infected": "infected",
}
FILLER_STOP = r"of|percent|per|more|other|additional|another|years?|months?|weeks?|days?|hours?|minutes?|old|times|million|billion|trillion|and|or|to|in|on|at|by|said|says"
TOLL_AFTER = re.compile(
    rf"\b{HEDGE}{NUM}(?P<scale>\s+(?:thousand|million))?"
    rf"(?P<filler>(?:\s+(?!(?:{FILLER_STOP})\b)[A-Za-z][\w'’-]*){{0,4}}?)\s+"
    r"(?P<word>killed|dead|died|injured|wounded|hurt|arrested|detained|displaced|fled|evacuated|missing|infected)\b")
TOLL_BEFORE = re.compile(
    rf"\b(?P<word>killing|killed|kill|kills|wounding|injuring)\s+{HEDGE}{NUM}(?P<scale>\s+(?:thousand|million))?\b"
    r"(?!\s*(?:percent|%|-|years?|per\b|times|of\b))")
TOLL_OF = re.compile(rf"\b(?P<word>death toll|toll)(?:\s+[a-z]+){{0,3}}?\s+(?:to|of|at)\s+{HEDGE}{NUM}(?P<scale>\s+(?:thousand|million))?\b"
                     r"(?!\s*(?:percent|%|-|years?))")
AMOUNT_CURRENCY = re.compile(rf"{HEDGE}(?P<cur>US\$|\$|€|£)\s?(?P<num>{DIGITS})(?P<scale>\s+(?:million|billion|trillion))?\b")
AMOUNT_PERCENT = re.compile(rf"\b{HEDGE}(?P<num>{DIGITS})(?P<scale>)\s?(?P<unit>percent\b|per cent\b|%)(?!\s*points?)")
COUNT_NOUNS = ("people|troops|soldiers|refugees|migrants|residents|workers|jobs|homes|houses|votes|voters|members|seats|"
               "students|children|police|officers|civilians|prisoners|delegates|lawmakers|employees|families|passengers|"
               "flights|vehicles|barrels|tonnes|tons|dollars|euros|yuan|yen|pesos|rupees|pounds|fighters|militants|"
               "protesters|supporters|cases|patients|deaths")
AMOUNT_COUNT = re.compile(rf"\b{HEDGE}{NUM}(?P<scale>\s+(?:thousand|million|billion))?\s+(?P<unit>{COUNT_NOUNS})\b")


def _range_context(text: str, start: int, end: int) -> bool:
    before, after = text[max(0, start - 24):start], text[end:end + 12]
    return bool(re.search(r"\b(?:between|from)\s+$", before) or re.match(r"\s*(?:-|–|to|and|or)\s*[$\d]", after)
                or re.search(r"\d(?:\s*(?:thousand|million|billion|percent|%))?\s*(?:-|–|to|and|or)\s*\$?$", before))


CONVERTED = re.compile(r"(?:\d|million|billion|trillion|bn|m|euros?|pounds?|yuan|yen|dollars?|rupees?|pesos?|rand|naira|lira|"
                       r"zloty(?:s|ch)?|kron(?:er|or|a|e)|francs?|reais|ringgit|baht|r[ou]ubles?|hryvnias?|won|shekels?|"
                       r"dirhams?|riyals?)\s*\(\s*$", re.I)


def _not_a_quantity(text: str, start: int, end: int) -> bool:
    """A number that states no quantity of its own: inside a hyphenated number word ("Twenty-five":
    not "five"), an exchange-rate note ("($1 = 267 yen)"), or a currency conversion in brackets
    after the amount it converts ("50 billion euros ($59 billion)": one quantity, one figure)."""
    if start > 0 and text[start - 1] == "-" and start > 1 and text[start - 2].isalpha():
        return True
    if re.match(r"\s*=", text[end:end + 3]) or re.search(r"=\s*$", text[max(0, start - 3):start]):
        return True
    return bool(CONVERTED.search(text[max(0, start - 40):start]))


def _spot(m: re.Match, text: str, key: str, toll: bool) -> NumberSpot | None:
    token = m.group("num")
    if is_year(token) and not (m.groupdict().get("scale") or "").strip():
        return None
    number = parse_number(token)
    hedge = (m.group("hedge") or "").lower() or None
    hedge_start = m.start("hedge") if hedge else m.start("num")
    pre_num = hedge_start + len(m.group("hedge")) if hedge else m.start("num")
    pre_num += len(text[pre_num:]) - len(text[pre_num:].lstrip())
    if _range_context(text, hedge_start, m.end("num")) or _not_a_quantity(text, min(m.start(), hedge_start), m.end()):
        return None
    return NumberSpot(m.start(), m.end(), hedge_start, pre_num, m.start("num"), m.end("num"), number, hedge, key, toll)


def find_tolls(text: str) -> list[NumberSpot]:
    """Running totals stated in the text: a number with a word of harm (killed, injured, arrested,
    displaced, ...) after it ("19 people were killed"), before it ("killing at least 31") or a
    toll ("death toll rose to 40"); increments ("11 more") and percentages are not totals."""
    out = []
    for pattern in (TOLL_AFTER, TOLL_BEFORE, TOLL_OF):
        for m in pattern.finditer(text):
            word = m.group("word").split()[-1].lower()
            spot = _spot(m, text, TOLL_GROUPS.get(word, word), True)
            if spot:
                out.append(spot)
    return _dedupe(out)


def find_figures(text: str) -> list[NumberSpot]:
    """Amounts a second report could contradict: money ($44 billion), percentages, counts of
    people and things ("300 troops"), and the running totals of `find_tolls`."""
    out = list(find_tolls(text))
    for m in AMOUNT_CURRENCY.finditer(text):
        spot = _spot(m, text, m.group("cur").replace("US$", "$"), False)
        if spot:
            out.append(spot)
    for m in AMOUNT_PERCENT.finditer(text):
        spot = _spot(m, text, "percent", False)
        if spot:
            out.append(spot)
    for m in AMOUNT_COUNT.finditer(text):
        spot = _spot(m, text, m.group("unit").lower(), False)
        if spot:
            out.append(spot)
    return _dedupe(out)


def _dedupe(spots: list[NumberSpot]) -> list[NumberSpot]:
    """One spot per number (the first pattern that found it wins: tolls before amounts)."""
    seen, out = set(), []
    for s in spots:
        if s.num_start not in seen:
            seen.add(s.num_start)
            out.append(s)
    return sorted(out, key=lambda s: s.num_start)


def edit_for(spot: NumberSpot, text: str, number_text: str, drop_hedge: bool) -> tuple[int, int, str]:
    """(start, end, new text) of the edit that writes `number_text` for the spot's number, and
    removes its hedge when asked (a currency sign between them stays: "more than $300" -> "$100")."""
    if drop_hedge and spot.hedge:
        return spot.hedge_start, spot.num_end, text[spot.pre_num:spot.num_start] + number_text
    return spot.num_start, spot.num_end, number_text


def lowered(spot: NumberSpot) -> tuple[str, float, bool] | None:
    """Text for a toll clearly below the stated one: half of it, hedge dropped ("at least 31" ->
    "15"): below every interval the claims format gives the original (exact, about, nearly, at
    least, more than). Upper-bound hedges ("up to 40") are skipped: a lower number fits them."""
    if spot.hedge in HEDGES_HIGH:
        return None
    value = spot.number.value / 2
    value = math.floor(value) if not spot.number.decimals else round(value, spot.number.decimals)
    if (value < 2 and not spot.number.decimals) or value <= 0:  # "two killed" -> "one killed" would change the grammar
        return None
    return format_number(value, spot.number), value, True


def incompatible(spot: NumberSpot) -> tuple[str, float, bool] | None:
    """Text for the same quantity that cannot overlap the original: x3 (about and nearly kept: they
    stay clear of 3v; upper bounds dropped: "up to 5" -> "15"), or /3 without the hedge for lower
    bounds ("more than 300" -> "100") and for percentages that x3 would push past 100."""
    v = spot.number.value
    if spot.hedge in HEDGES_HIGH:  # "up to 5" -> "15": the hedge goes, or the two would overlap
        if spot.key == "percent" and v * 3 > 100:
            return None
        return format_number(v * 3, spot.number), v * 3, True
    if spot.hedge in HEDGES_LOW or (spot.key == "percent" and v * 3 > 100):
        value = v / 3
        value = math.floor(value) if not spot.number.decimals else round(value, spot.number.decimals)
        if (value < 2 and not spot.number.decimals) or value <= 0:
            return None
        return format_number(value, spot.number), value, True
    value = v * 3
    return format_number(value, spot.number), value, False


# ---------------------------------------------------------------- people and quotes

NAME_TOKEN = r"(?:[A-Z][a-z]?[A-Z][a-z]+|[A-Z][a-z]+(?:[-'’][A-Za-z][a-z]+)*|[A-Z]\.)"
TITLE_WORDS = words_of(
    "Democratic Republican Senate House Majority Minority Leader Senator Sen. Rep. Representative President Vice "
    "Secretary Chief Executive Governor Gov. Mayor Judge Justice Director Chairman Chairwoman Chair Spokesman "
    "Spokeswoman Spokesperson Ambassador General Gen. Minister Prime Foreign Defense Defence Treasury State Commerce "
    "Attorney U.S. US White Press Deputy Assistant Former Acting Economist Analyst Professor Dr. Mr. Ms. Mrs. "
    "Lieutenant Colonel Admiral Sergeant Commissioner Councilman Premier King Queen Prince Pope Sheikh Chancellor "
    "Congressman Congresswoman Lawmaker Officer Commander Adviser Advisor Aide Counsel Founder CEO Presidential "
    "Candidate Nominee Strategist Pollster Administrator Interior Energy Labor Homeland Security Federal Reserve Fed "
    "Supreme Court Party National Committee Campaign Manager Head Leader Envoy Lord Lady Sir Reverend Rev. Police "
    "Inspector Detective Prosecutor Special British French German Chinese Japanese Israeli Turkish Iraqi Kurdish "
    "Yemeni Saudi Indian Pakistani Afghan Iranian Egyptian Philippine Australian Canadian Mexican Brazilian Spanish "
    "Italian Polish South North New Jersey Carolina California Texas Florida Maine Ohio Virginia York Speaker Whip "
    "Counsellor Secretary-General Spokesman Lawyer Attorney-General Rapporteur Chancellor District Circuit Appeals "
    "Magistrate Korean Taiwanese Thai Vietnamese Burmese Bangladeshi Venezuelan Brazilian Argentine Cuban Russian "
    "Ukrainian European American Republican-led Democratic-led Rep Sen Gov Mrs Ms Mr Dr"
)
ORG_WORDS = words_of(
    "House Department Ministry Party Council Committee Court Commission Reuters Agency Bank Union Office Street "
    "News Post Times Congress Administration Government Police Army Forces Group Association Institute University "
    "Center Centre Foundation Company Corp Inc Fund Board Service Coalition Campaign Organization Authority Network "
    "Television Journal Republicans Democrats Americans Kremlin Pentagon White Senate Republic States Kingdom Nations "
    "Airport Airlines Motors Trust Times Press Club Bureau Securities Exchange Capital Partners Group Holdings "
    "International Insurance Energy Federal County City Police Guard Navy Council Cabinet Caucus Parliament "
    "Assembly Alliance Movement Front Church Hospital School College Media Post Daily Herald Tribune Island "
    "Islands Province State Region Street Avenue Road Twitter Facebook Google Apple Force Airways Sponsors"
)
QUOTE = re.compile(r"“(?P<q>[^“”]{12,600}?)(?P<p>[,.?!])?”")
VERB_AFTER = re.compile(r"(?P<ph>[^“”;:!?]{1,100}?)\s+(?:said|says|told|added|wrote|asked)\b")
VERB_BEFORE = re.compile(r"\s*(?:said|says|added|asked)\s+(?P<ph>[^“”;:!?,]{1,100})")
NAME_RUN = re.compile(rf"{NAME_TOKEN}(?:\s+{NAME_TOKEN})*")
CALENDAR = set(WEEKDAYS) | set(MONTHS)
STOP_FIRST = {"When", "Against", "Air", "If", "As", "At", "In", "On", "For", "After", "Before", "While", "But", "And"}
JOINT = re.compile(r"\band\b|&")  # "Schumer and Pelosi said": two speakers, not one
PERSON_TITLES = words_of(
    "Senator Sen. Rep. Representative President Secretary Governor Gov. Mayor Judge Justice Director Chairman "
    "Chairwoman Chair Spokesman Spokeswoman spokesman spokeswoman spokesperson Ambassador General Gen. Minister "
    "minister Chancellor Premier King Queen Prince Congressman Congresswoman Commissioner Leader leader Speaker "
    "Attorney Adviser adviser Aide aide Envoy envoy lawyer Mr. Ms. Mrs. Dr."
)
TITLED_NAME = re.compile(rf"(?<![\w.])(?:{'|'.join(re.escape(w) for w in sorted(PERSON_TITLES, key=len, reverse=True))})\s+"
                         rf"(?P<name>{NAME_RUN.pattern})")


def person_name(phrase: str) -> list[str] | None:
    """The name words of a speaker phrase ("Senate Majority Leader Mitch McConnell" -> Mitch
    McConnell): leading title words dropped; None for bodies and pronouns."""
    words = phrase.split()
    while words and (words[0] in TITLE_WORDS or words[0].rstrip(".") + "." in TITLE_WORDS or words[0].endswith("-elect")
                     or (re.fullmatch(r"[A-Z][a-z]+(?:an|ese|ish|i)", words[0]) and len(words) > 2)):
        words = words[1:]
    if not words or len(words) > 3 or any(w in ORG_WORDS or w in TITLE_WORDS for w in words):
        return None
    if words[0] in ("He", "She", "They", "It", "We", "I", "The", "This", "That"):
        return None
    return words


def full_name(words: list[str], text: str) -> str | None:
    """A full name (two or three words) for the speaker: as given, or the first "First Surname"
    of the article for a surname alone."""
    if len(words) >= 2:
        return " ".join(words)
    surname = re.escape(words[0])
    for m in re.finditer(rf"\b(?P<first>{NAME_TOKEN})\s+(?:[A-Z]\.\s+)?{surname}\b", text):
        if m.group("first") not in TITLE_WORDS and m.group("first") not in ORG_WORDS and len(m.group("first")) > 2:
            return text[m.start():m.end()]
    return None


@dataclass
class QuoteSpot:
    start: int  # opening quotation mark
    end: int  # end of the speaker's name
    q_end: int  # after the closing mark
    words: str  # the quoted words (no trailing comma or stop)
    punct: str
    speaker: str  # full name
    sp_start: int
    sp_end: int


def _no_sentence_end(phrase: str) -> bool:
    """No full stop inside the phrase other than after an abbreviation or an initial."""
    for m in re.finditer(r"([\w.]*)\.\s", phrase + " "):
        word = m.group(1)
        if not (word in ABBREVIATIONS or re.fullmatch(r"[A-Z]", word) or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word)):
            return False
    return True


def _speaker_in(phrase: str, offset: int, last: bool) -> tuple[list[str], int, int] | None:
    """The person named in a speaker phrase (the first name run, or the last one when the verb
    follows): (name words, start, end) in the text, None when no run names a person."""
    runs = [m for m in NAME_RUN.finditer(phrase) if m.group(0) not in CALENDAR]
    for m in reversed(runs) if last else runs:
        words = person_name(m.group(0))
        if words:
            end = m.end()
            start = end - len(" ".join(words)) if phrase[m.start():m.end()].endswith(" ".join(words)) else m.start()
            return words, offset + start, offset + end
    return None


def find_quotes(text: str) -> list[QuoteSpot]:
    """Direct quotes with a named speaker next to them: '"...," X said' (X possibly after a title
    or a description: "White House spokeswoman Sarah Sanders said") or '"...," said X', X a person
    (title words dropped, a surname completed from the article), at least four words quoted."""
    out = []
    for m in QUOTE.finditer(text):
        if len(m.group("q").split()) < 4:
            continue
        found = None
        before = VERB_BEFORE.match(text, m.end())
        if before:
            phrase = re.split(r"\.\s", before.group("ph"))[0] if not _no_sentence_end(before.group("ph")) else before.group("ph")
            if not JOINT.search(phrase):
                found = _speaker_in(phrase, before.start("ph"), last=False)
        if not found and m.group("p") != ".":  # after a full stop the attribution would be another sentence
            after = VERB_AFTER.match(text, m.end())
            if (after and len(after.group("ph").split()) <= 10 and _no_sentence_end(after.group("ph"))
                    and "said" not in after.group("ph") and not JOINT.search(after.group("ph"))):
                found = _speaker_in(after.group("ph"), after.start("ph"), last=True)
        if not found:
            continue
        words, sp_start, sp_end = found
        name = full_name(words, text)
        if not name:
            continue
        out.append(QuoteSpot(m.start(), sp_end, m.end(), m.group("q"), m.group("p") or "", name, sp_start, sp_end))
    return out


def find_people(text: str) -> set[str]:
    """Full names of people the text names: quote speakers, titled names ("Senator Jack Reed")
    and the office holders of the reference table."""
    people = {q.speaker for q in find_quotes(text)}
    for m in TITLED_NAME.finditer(text):
        words = person_name(m.group("name"))  # the whole run of capitalised words: no partial names
        if words and len(words) >= 2 and not words[-1].endswith("."):
            people.add(" ".join(words))
    for spot in find_titles(text, None):
        people.add(spot.person)
    people = {p for p in people if not p.split()[-1].endswith(".") and p.split()[0] not in STOP_FIRST}
    # a name inside a longer one ("Tayyip Erdogan" in "Recep Tayyip Erdogan") is that person
    return {p for p in people if not any(p != q and f" {p} " in f" {q} " for q in people)}


# ---------------------------------------------------------------- offices (the reference)


@dataclass
class Office:
    name: str  # canonical role name in the reference
    group: str  # offices of one kind: a "wrong title" edit swaps within a group (heads: same title word)
    display: str  # how an edit writes the title (a form the reference covers)
    aliases: list[str]  # other spellings the reference lists: qualified titles only, never a bare "President" or
    # "Secretary of State" (the Kansas Secretary of State is one too); bare titles before a name are the extractor's to resolve
    patterns: list[str]  # title words before a holder's name in the text (may be bare: the name disambiguates)
    holders: list[tuple[str, str, str | None]]  # (person, start, end or None): complete over the years listed


def _o(name, group, display, aliases, patterns, holders):
    return Office(name, group, display, aliases, patterns, holders)


# Tenures from the public record (inauguration / appointment days; acting holders and interregnums
# left out, so a gap means "nobody listed", never a conflict). Each office lists its holders back
# to the first one given, without gaps in between except those noted. Only the offices the chosen
# stories name (or an injection uses) are written to the run's reference file.
OFFICES = [
    _o("President of the United States", "us-top", "U.S. President",
       ["U.S. President", "US President", "United States President", "American President", "President of the U.S."],
       ["U.S. President", "US President", "President"],
       [("Bill Clinton", "1993-01-20", "2001-01-20"), ("George W. Bush", "2001-01-20", "2009-01-20"),
        ("Barack Obama", "2009-01-20", "2017-01-20"), ("Donald Trump", "2017-01-20", "2021-01-20"),
        ("Joe Biden", "2021-01-20", "2025-01-20"), ("Donald Trump", "2025-01-20", None)]),
    _o("Vice President of the United States", "us-top", "U.S. Vice President",
       ["U.S. Vice President", "US Vice President", "United States Vice President"],
       ["U.S. Vice President", "US Vice President", "Vice President"],
       [("Al Gore", "1993-01-20", "2001-01-20"), ("Dick Cheney", "2001-01-20", "2009-01-20"),
        ("Joe Biden", "2009-01-20", "2017-01-20"), ("Mike Pence", "2017-01-20", "2021-01-20"),
        ("Kamala Harris", "2021-01-20", "2025-01-20")]),
    _o("US Secretary of State", "us-cabinet", "U.S. Secretary of State",
       ["U.S. Secretary of State", "US Secretary of State", "United States Secretary of State"],
       ["U.S. Secretary of State", "US Secretary of State", "Secretary of State"],
       [("Madeleine Albright", "1997-01-23", "2001-01-20"), ("Colin Powell", "2001-01-20", "2005-01-26"),
        ("Condoleezza Rice", "2005-01-26", "2009-01-20"), ("Hillary Clinton", "2009-01-21", "2013-02-01"),
        ("John Kerry", "2013-02-01", "2017-01-20"), ("Rex Tillerson", "2017-02-01", "2018-03-31"),
        ("Mike Pompeo", "2018-04-26", "2021-01-20")]),
    _o("US Secretary of Defense", "us-cabinet", "U.S. Defense Secretary",
       ["U.S. Defense Secretary", "US Defense Secretary", "U.S. Secretary of Defense", "US Secretary of Defense"],
       ["U.S. Defense Secretary", "US Defense Secretary", "Defense Secretary", "Secretary of Defense", "U.S. Secretary of Defense"],
       [("Donald Rumsfeld", "2001-01-20", "2006-12-18"), ("Robert Gates", "2006-12-18", "2011-07-01"),
        ("Leon Panetta", "2011-07-01", "2013-02-26"), ("Chuck Hagel", "2013-02-27", "2015-02-17"),
        ("Ash Carter", "2015-02-17", "2017-01-20"), ("Jim Mattis", "2017-01-20", "2019-01-01")]),
    _o("US Attorney General", "us-cabinet", "U.S. Attorney General",
       ["U.S. Attorney General", "US Attorney General"],
       ["U.S. Attorney General", "US Attorney General", "Attorney General"],
       [("Eric Holder", "2009-02-03", "2015-04-27"), ("Loretta Lynch", "2015-04-27", "2017-01-20"),
        ("Jeff Sessions", "2017-02-09", "2018-11-07")]),
    _o("US Secretary of the Treasury", "us-cabinet", "U.S. Treasury Secretary",
       ["U.S. Treasury Secretary", "US Treasury Secretary", "U.S. Secretary of the Treasury"],
       ["U.S. Treasury Secretary", "US Treasury Secretary", "Treasury Secretary"],
       [("Timothy Geithner", "2009-01-26", "2013-01-25"), ("Jack Lew", "2013-02-28", "2017-01-20"),
        ("Steven Mnuchin", "2017-02-13", "2021-01-20")]),
    _o("US Secretary of Commerce", "us-cabinet", "U.S. Commerce Secretary",
       ["U.S. Commerce Secretary", "US Commerce Secretary", "U.S. Secretary of Commerce"],
       ["U.S. Commerce Secretary", "US Commerce Secretary", "Commerce Secretary"],
       [("Penny Pritzker", "2013-06-26", "2017-01-20"), ("Wilbur Ross", "2017-02-28", "2021-01-20")]),
    _o("US Secretary of Homeland Security", "us-cabinet", "U.S. Homeland Security Secretary",
       ["U.S. Homeland Security Secretary", "US Homeland Security Secretary", "U.S. Secretary of Homeland Security"],
       ["U.S. Homeland Security Secretary", "Homeland Security Secretary", "Secretary of Homeland Security"],
       [("Jeh Johnson", "2013-12-23", "2017-01-20"), ("John Kelly", "2017-01-20", "2017-07-31"),
        ("Kirstjen Nielsen", "2017-12-06", "2019-04-10")]),
    _o("White House Chief of Staff", "us-cabinet", "White House Chief of Staff",
       ["White House Chief of Staff"], ["White House Chief of Staff"],
       [("Denis McDonough", "2013-01-25", "2017-01-20"), ("Reince Priebus", "2017-01-20", "2017-07-31"),
        ("John Kelly", "2017-07-31", "2019-01-02")]),
    _o("Administrator of the Environmental Protection Agency", "us-cabinet", "EPA Administrator",
       ["EPA Administrator", "Environmental Protection Agency Administrator"],
       ["EPA Administrator", "Environmental Protection Agency Administrator"],
       [("Gina McCarthy", "2013-07-19", "2017-01-20"), ("Scott Pruitt", "2017-02-17", "2018-07-06")]),
    _o("Speaker of the US House of Representatives", "us-congress", "U.S. House Speaker",
       ["U.S. House Speaker", "US House Speaker", "U.S. House of Representatives Speaker", "Speaker of the U.S. House of Representatives"],
       ["U.S. House of Representatives Speaker", "U.S. House Speaker", "House Speaker", "Speaker of the House"],
       [("Dennis Hastert", "1999-01-06", "2007-01-04"), ("Nancy Pelosi", "2007-01-04", "2011-01-03"),
        ("John Boehner", "2011-01-05", "2015-10-29"), ("Paul Ryan", "2015-10-29", "2019-01-03"),
        ("Nancy Pelosi", "2019-01-03", "2023-01-03")]),
    _o("US Senate Majority Leader", "us-congress", "U.S. Senate Majority Leader",
       ["U.S. Senate Majority Leader", "US Senate Majority Leader"], ["U.S. Senate Majority Leader", "Senate Majority Leader"],
       [("Harry Reid", "2007-01-04", "2015-01-03"), ("Mitch McConnell", "2015-01-03", "2021-01-20")]),
    _o("US Senate Minority Leader", "us-congress", "U.S. Senate Minority Leader",
       ["U.S. Senate Minority Leader", "US Senate Minority Leader"], ["U.S. Senate Minority Leader", "Senate Minority Leader"],
       [("Mitch McConnell", "2007-01-04", "2015-01-03"), ("Harry Reid", "2015-01-03", "2017-01-03"),
        ("Chuck Schumer", "2017-01-03", "2021-01-20")]),
    _o("Chair of the Federal Reserve", "us-agency", "Fed Chair",
       ["Fed Chair", "Fed Chairwoman", "Fed Chairman", "Federal Reserve Chair", "Federal Reserve Chairwoman", "Federal Reserve Chairman"],
       ["Federal Reserve Chairwoman", "Federal Reserve Chairman", "Federal Reserve Chair", "Fed Chairwoman", "Fed Chairman", "Fed Chair"],
       [("Alan Greenspan", "1987-08-11", "2006-01-31"), ("Ben Bernanke", "2006-02-01", "2014-01-31"),
        ("Janet Yellen", "2014-02-03", "2018-02-03"), ("Jerome Powell", "2018-02-05", None)]),
    _o("Director of the FBI", "us-agency", "FBI Director", ["FBI Director", "Director of the FBI"], ["FBI Director"],
       [("Robert Mueller", "2001-09-04", "2013-09-04"), ("James Comey", "2013-09-04", "2017-05-09"),
        ("Christopher Wray", "2017-08-02", "2025-01-19")]),
    _o("Director of the CIA", "us-agency", "CIA Director", ["CIA Director", "Director of the CIA"], ["CIA Director"],
       [("John Brennan", "2013-03-08", "2017-01-20"), ("Mike Pompeo", "2017-01-23", "2018-04-26")]),
    _o("Chief Justice of the United States", "us-court", "U.S. Chief Justice",
       ["U.S. Chief Justice", "U.S. Supreme Court Chief Justice"],
       ["U.S. Supreme Court Chief Justice", "Supreme Court Chief Justice", "U.S. Chief Justice", "Chief Justice"],
       [("William Rehnquist", "1986-09-26", "2005-09-03"), ("John Roberts", "2005-09-29", None)]),
    _o("US Ambassador to the United Nations", "us-cabinet", "U.S. Ambassador to the United Nations",
       ["U.S. Ambassador to the United Nations", "U.S. Ambassador to the U.N.", "U.S. U.N. Ambassador"],
       ["U.S. Ambassador to the United Nations", "U.S. Ambassador to the U.N.", "U.S. U.N. Ambassador", "U.N. Ambassador"],
       [("Samantha Power", "2013-08-05", "2017-01-20"), ("Nikki Haley", "2017-01-27", "2018-12-31")]),
    # US governors and a mayor (the state or city is part of the title the reference covers)
    _o("Governor of New Jersey", "us-state", "New Jersey Governor", ["New Jersey Governor", "New Jersey Gov."],
       ["New Jersey Governor", "New Jersey Gov.", "Governor", "Gov."],
       [("Jon Corzine", "2006-01-17", "2010-01-19"), ("Chris Christie", "2010-01-19", "2018-01-16"), ("Phil Murphy", "2018-01-16", None)]),
    _o("Governor of South Carolina", "us-state", "South Carolina Governor", ["South Carolina Governor", "South Carolina Gov."],
       ["South Carolina Governor", "South Carolina Gov.", "Governor", "Gov."],
       [("Mark Sanford", "2003-01-15", "2011-01-12"), ("Nikki Haley", "2011-01-12", "2017-01-24"), ("Henry McMaster", "2017-01-24", None)]),
    _o("Governor of Maine", "us-state", "Maine Governor", ["Maine Governor", "Maine Gov."], ["Maine Governor", "Maine Gov.", "Governor", "Gov."],
       [("John Baldacci", "2003-01-08", "2011-01-05"), ("Paul LePage", "2011-01-05", "2019-01-02"), ("Janet Mills", "2019-01-02", None)]),
    _o("Governor of California", "us-state", "California Governor", ["California Governor", "California Gov."],
       ["California Governor", "California Gov.", "Governor", "Gov."],
       [("Arnold Schwarzenegger", "2003-11-17", "2011-01-03"), ("Jerry Brown", "2011-01-03", "2019-01-07"), ("Gavin Newsom", "2019-01-07", None)]),
    _o("Governor of Texas", "us-state", "Texas Governor", ["Texas Governor", "Texas Gov."], ["Texas Governor", "Texas Gov.", "Governor", "Gov."],
       [("Rick Perry", "2000-12-21", "2015-01-20"), ("Greg Abbott", "2015-01-20", None)]),
    _o("Governor of Ohio", "us-state", "Ohio Governor", ["Ohio Governor", "Ohio Gov."], ["Ohio Governor", "Ohio Gov.", "Governor", "Gov."],
       [("Ted Strickland", "2007-01-08", "2011-01-10"), ("John Kasich", "2011-01-10", "2019-01-14")]),
    _o("Governor of Florida", "us-state", "Florida Governor", ["Florida Governor", "Florida Gov."], ["Florida Governor", "Florida Gov.", "Governor", "Gov."],
       [("Jeb Bush", "1999-01-05", "2007-01-02"), ("Charlie Crist", "2007-01-02", "2011-01-04"), ("Rick Scott", "2011-01-04", "2019-01-08")]),
    _o("Governor of Wisconsin", "us-state", "Wisconsin Governor", ["Wisconsin Governor", "Wisconsin Gov."],
       ["Wisconsin Governor", "Wisconsin Gov.", "Governor", "Gov."],
       [("Jim Doyle", "2003-01-06", "2011-01-03"), ("Scott Walker", "2011-01-03", "2019-01-07")]),
    _o("Governor of Louisiana", "us-state", "Louisiana Governor", ["Louisiana Governor", "Louisiana Gov."],
       ["Louisiana Governor", "Louisiana Gov.", "Governor", "Gov."],
       [("Bobby Jindal", "2008-01-14", "2016-01-11"), ("John Bel Edwards", "2016-01-11", "2024-01-08")]),
    _o("Governor of Arkansas", "us-state", "Arkansas Governor", ["Arkansas Governor", "Arkansas Gov."],
       ["Arkansas Governor", "Arkansas Gov.", "Governor", "Gov."],
       [("Mike Huckabee", "1996-07-15", "2007-01-09"), ("Mike Beebe", "2007-01-09", "2015-01-13"), ("Asa Hutchinson", "2015-01-13", "2023-01-10")]),
    _o("Governor of Indiana", "us-state", "Indiana Governor", ["Indiana Governor", "Indiana Gov."], ["Indiana Governor", "Indiana Gov.", "Governor", "Gov."],
       [("Mitch Daniels", "2005-01-10", "2013-01-14"), ("Mike Pence", "2013-01-14", "2017-01-09"), ("Eric Holcomb", "2017-01-09", "2025-01-13")]),
    _o("Governor of Virginia", "us-state", "Virginia Governor", ["Virginia Governor", "Virginia Gov."], ["Virginia Governor", "Virginia Gov.", "Governor", "Gov."],
       [("Bob McDonnell", "2010-01-16", "2014-01-11"), ("Terry McAuliffe", "2014-01-11", "2018-01-13"), ("Ralph Northam", "2018-01-13", "2022-01-15")]),
    _o("Governor of New York", "us-state", "New York Governor", ["New York Governor", "New York Gov."],
       ["New York Governor", "New York Gov.", "Governor", "Gov."],
       [("David Paterson", "2008-03-17", "2010-12-31"), ("Andrew Cuomo", "2011-01-01", "2021-08-24")]),
    _o("Governor of Puerto Rico", "us-state", "Puerto Rico Governor", ["Puerto Rico Governor", "Puerto Rico Gov.", "Governor of Puerto Rico"],
       ["Puerto Rico Governor", "Puerto Rico Gov.", "Governor", "Gov."],
       [("Luis Fortuno", "2009-01-02", "2013-01-02"), ("Alejandro Garcia Padilla", "2013-01-02", "2017-01-02"),
        ("Ricardo Rossello", "2017-01-02", "2019-08-02")]),
    _o("Mayor of New York City", "us-city", "New York City Mayor", ["New York City Mayor", "New York Mayor", "NYC Mayor", "Mayor of New York"],
       ["New York City Mayor", "New York Mayor", "NYC Mayor", "Mayor"],
       [("Michael Bloomberg", "2002-01-01", "2013-12-31"), ("Bill de Blasio", "2014-01-01", "2021-12-31")]),
    # heads of state and government, and international posts
    _o("Prime Minister of the United Kingdom", "heads", "British Prime Minister",
       ["British Prime Minister", "UK Prime Minister", "U.K. Prime Minister", "Prime Minister of Britain", "British PM"],
       ["British Prime Minister", "UK Prime Minister", "U.K. Prime Minister", "British PM", "Prime Minister", "PM"],
       [("Tony Blair", "1997-05-02", "2007-06-27"), ("Gordon Brown", "2007-06-27", "2010-05-11"),
        ("David Cameron", "2010-05-11", "2016-07-13"), ("Theresa May", "2016-07-13", "2019-07-24"),
        ("Boris Johnson", "2019-07-24", "2022-09-06")]),
    _o("Prime Minister of Japan", "heads", "Japanese Prime Minister",
       ["Japanese Prime Minister", "Prime Minister of Japan", "Japan's Prime Minister", "Japanese PM"],
       ["Japanese Prime Minister", "Japanese PM", "Prime Minister", "PM"],
       [("Shinzo Abe", "2006-09-26", "2007-09-26"), ("Yasuo Fukuda", "2007-09-26", "2008-09-24"), ("Taro Aso", "2008-09-24", "2009-09-16"),
        ("Yukio Hatoyama", "2009-09-16", "2010-06-08"), ("Naoto Kan", "2010-06-08", "2011-09-02"),
        ("Yoshihiko Noda", "2011-09-02", "2012-12-26"), ("Shinzo Abe", "2012-12-26", "2020-09-16")]),
    _o("President of France", "heads", "French President", ["French President"], ["French President", "President"],
       [("Jacques Chirac", "1995-05-17", "2007-05-16"), ("Nicolas Sarkozy", "2007-05-16", "2012-05-15"),
        ("Francois Hollande", "2012-05-15", "2017-05-14"), ("Emmanuel Macron", "2017-05-14", None)]),
    _o("Chancellor of Germany", "heads", "German Chancellor", ["German Chancellor"], ["German Chancellor", "Chancellor"],
       [("Gerhard Schroeder", "1998-10-27", "2005-11-22"), ("Angela Merkel", "2005-11-22", "2021-12-08")]),
    _o("President of China", "heads", "Chinese President", ["Chinese President"], ["Chinese President", "President"],
       [("Jiang Zemin", "1993-03-27", "2003-03-15"), ("Hu Jintao", "2003-03-15", "2013-03-14"), ("Xi Jinping", "2013-03-14", None)]),
    _o("Premier of China", "heads", "Chinese Premier", ["Chinese Premier"], ["Chinese Premier", "Premier"],
       [("Wen Jiabao", "2003-03-16", "2013-03-15"), ("Li Keqiang", "2013-03-15", "2023-03-11")]),
    _o("President of Turkey", "heads", "Turkish President", ["Turkish President"], ["Turkish President", "President"],
       [("Ahmet Necdet Sezer", "2000-05-16", "2007-08-28"), ("Abdullah Gul", "2007-08-28", "2014-08-28"),
        ("Recep Tayyip Erdogan", "2014-08-28", None)]),
    _o("Prime Minister of Turkey", "heads", "Turkish Prime Minister", ["Turkish Prime Minister"], ["Turkish Prime Minister", "Prime Minister"],
       [("Recep Tayyip Erdogan", "2003-03-14", "2014-08-28"), ("Ahmet Davutoglu", "2014-08-28", "2016-05-24"),
        ("Binali Yildirim", "2016-05-24", "2018-07-09")]),
    _o("President of the Philippines", "heads", "Philippine President", ["Philippine President"], ["Philippine President", "President"],
       [("Gloria Macapagal Arroyo", "2001-01-20", "2010-06-30"), ("Benigno Aquino", "2010-06-30", "2016-06-30"),
        ("Rodrigo Duterte", "2016-06-30", "2022-06-30")]),
    _o("Prime Minister of Israel", "heads", "Israeli Prime Minister", ["Israeli Prime Minister"], ["Israeli Prime Minister", "Prime Minister"],
       [("Ehud Olmert", "2006-04-14", "2009-03-31"), ("Benjamin Netanyahu", "2009-03-31", "2021-06-13")]),
    _o("President of South Africa", "heads", "South African President", ["South African President"], ["South African President", "President"],
       [("Thabo Mbeki", "1999-06-14", "2008-09-24"), ("Kgalema Motlanthe", "2008-09-25", "2009-05-09"),
        ("Jacob Zuma", "2009-05-09", "2018-02-14"), ("Cyril Ramaphosa", "2018-02-15", None)]),
    _o("President of Zimbabwe", "heads", "Zimbabwean President", ["Zimbabwean President", "Zimbabwe President"],
       ["Zimbabwean President", "Zimbabwe President", "President"],
       [("Robert Mugabe", "1987-12-31", "2017-11-21"), ("Emmerson Mnangagwa", "2017-11-24", None)]),
    _o("President of Venezuela", "heads", "Venezuelan President", ["Venezuelan President"], ["Venezuelan President", "President"],
       [("Hugo Chavez", "1999-02-02", "2013-03-05"), ("Nicolas Maduro", "2013-04-19", None)]),
    _o("President of South Korea", "heads", "South Korean President", ["South Korean President"], ["South Korean President", "President"],
       [("Roh Moo-hyun", "2003-02-25", "2008-02-24"), ("Lee Myung-bak", "2008-02-25", "2013-02-24"),
        ("Park Geun-hye", "2013-02-25", "2017-03-10"), ("Moon Jae-in", "2017-05-10", "2022-05-09")]),
    _o("Prime Minister of India", "heads", "Indian Prime Minister", ["Indian Prime Minister"], ["Indian Prime Minister", "Prime Minister"],
       [("Manmohan Singh", "2004-05-22", "2014-05-26"), ("Narendra Modi", "2014-05-26", None)]),
    _o("President of India", "heads", "Indian President", ["Indian President"], ["Indian President", "President"],
       [("Pratibha Patil", "2007-07-25", "2012-07-25"), ("Pranab Mukherjee", "2012-07-25", "2017-07-25"),
        ("Ram Nath Kovind", "2017-07-25", "2022-07-25")]),
    _o("Prime Minister of Canada", "heads", "Canadian Prime Minister", ["Canadian Prime Minister"], ["Canadian Prime Minister", "Prime Minister"],
       [("Stephen Harper", "2006-02-06", "2015-11-04"), ("Justin Trudeau", "2015-11-04", "2025-03-14")]),
    _o("Prime Minister of Australia", "heads", "Australian Prime Minister", ["Australian Prime Minister"],
       ["Australian Prime Minister", "Prime Minister"],
       [("John Howard", "1996-03-11", "2007-12-03"), ("Kevin Rudd", "2007-12-03", "2010-06-24"), ("Julia Gillard", "2010-06-24", "2013-06-27"),
        ("Kevin Rudd", "2013-06-27", "2013-09-18"), ("Tony Abbott", "2013-09-18", "2015-09-15"),
        ("Malcolm Turnbull", "2015-09-15", "2018-08-24")]),
    _o("Prime Minister of Spain", "heads", "Spanish Prime Minister", ["Spanish Prime Minister"], ["Spanish Prime Minister", "Prime Minister"],
       [("Jose Luis Rodriguez Zapatero", "2004-04-17", "2011-12-21"), ("Mariano Rajoy", "2011-12-21", "2018-06-02")]),
    _o("President of Afghanistan", "heads", "Afghan President", ["Afghan President"], ["Afghan President", "President"],
       [("Hamid Karzai", "2004-12-07", "2014-09-29"), ("Ashraf Ghani", "2014-09-29", "2021-08-15")]),
    _o("Prime Minister of Pakistan", "heads", "Pakistani Prime Minister", ["Pakistani Prime Minister"],
       ["Pakistani Prime Minister", "Prime Minister"],
       [("Nawaz Sharif", "2013-06-05", "2017-07-28"), ("Shahid Khaqan Abbasi", "2017-08-01", "2018-05-31")]),
    _o("Prime Minister of Italy", "heads", "Italian Prime Minister", ["Italian Prime Minister"], ["Italian Prime Minister", "Prime Minister"],
       [("Enrico Letta", "2013-04-28", "2014-02-22"), ("Matteo Renzi", "2014-02-22", "2016-12-12"),
        ("Paolo Gentiloni", "2016-12-12", "2018-06-01")]),
    _o("Prime Minister of Thailand", "heads", "Thai Prime Minister", ["Thai Prime Minister"], ["Thai Prime Minister", "Prime Minister"],
       [("Yingluck Shinawatra", "2011-08-05", "2014-05-07"), ("Prayuth Chan-ocha", "2014-08-24", "2023-08-22")]),
    _o("Prime Minister of Poland", "heads", "Polish Prime Minister", ["Polish Prime Minister"], ["Polish Prime Minister", "Prime Minister"],
       [("Ewa Kopacz", "2014-09-22", "2015-11-16"), ("Beata Szydlo", "2015-11-16", "2017-12-11"),
        ("Mateusz Morawiecki", "2017-12-11", "2023-12-13")]),
    _o("President of Egypt", "heads", "Egyptian President", ["Egyptian President"], ["Egyptian President", "President"],
       [("Mohamed Mursi", "2012-06-30", "2013-07-03"), ("Abdel Fattah al-Sisi", "2014-06-08", None)]),
    _o("Prime Minister of Iraq", "heads", "Iraqi Prime Minister", ["Iraqi Prime Minister"], ["Iraqi Prime Minister", "Prime Minister"],
       [("Nuri al-Maliki", "2006-05-20", "2014-09-08"), ("Haider al-Abadi", "2014-09-08", "2018-10-25")]),
    _o("President of Iran", "heads", "Iranian President", ["Iranian President"], ["Iranian President", "President"],
       [("Mohammad Khatami", "1997-08-03", "2005-08-03"), ("Mahmoud Ahmadinejad", "2005-08-03", "2013-08-03"),
        ("Hassan Rouhani", "2013-08-03", "2021-08-03")]),
    _o("President of Honduras", "heads", "Honduran President", ["Honduran President"], ["Honduran President", "President"],
       [("Porfirio Lobo", "2010-01-27", "2014-01-27"), ("Juan Orlando Hernandez", "2014-01-27", "2022-01-27")]),
    _o("President of Guatemala", "heads", "Guatemalan President", ["Guatemalan President"], ["Guatemalan President", "President"],
       [("Otto Perez Molina", "2012-01-14", "2015-09-03"), ("Jimmy Morales", "2016-01-14", "2020-01-14")]),
    _o("President of Brazil", "heads", "Brazilian President", ["Brazilian President"], ["Brazilian President", "President"],
       [("Luiz Inacio Lula da Silva", "2003-01-01", "2011-01-01"), ("Dilma Rousseff", "2011-01-01", "2016-08-31"),
        ("Michel Temer", "2016-08-31", "2019-01-01")]),
    _o("President of South Sudan", "heads", "South Sudanese President", ["South Sudanese President", "South Sudan President"],
       ["South Sudanese President", "South Sudan President", "President"], [("Salva Kiir", "2011-07-09", None)]),
    _o("President of Indonesia", "heads", "Indonesian President", ["Indonesian President"], ["Indonesian President", "President"],
       [("Susilo Bambang Yudhoyono", "2004-10-20", "2014-10-20"), ("Joko Widodo", "2014-10-20", "2024-10-20")]),
    _o("President of Mexico", "heads", "Mexican President", ["Mexican President"], ["Mexican President", "President"],
       [("Felipe Calderon", "2006-12-01", "2012-12-01"), ("Enrique Pena Nieto", "2012-12-01", "2018-12-01")]),
    _o("President of Yemen", "heads", "Yemeni President", ["Yemeni President"], ["Yemeni President", "President"],
       [("Ali Abdullah Saleh", "1990-05-22", "2012-02-25"), ("Abd-Rabbu Mansour Hadi", "2012-02-25", "2022-04-07")]),
    _o("President of the Kurdistan Region", "heads", "Kurdistan Region President",
       ["Kurdistan Region President", "KRG President", "Kurdistan Regional Government President", "Iraqi Kurdish President"],
       ["Kurdistan Region President", "KRG President", "Kurdish President", "President"],
       [("Masoud Barzani", "2005-06-13", "2017-11-01")]),
    _o("State Counsellor of Myanmar", "heads", "Myanmar State Counsellor", ["Myanmar State Counsellor", "Myanmar's State Counsellor"],
       ["Myanmar State Counsellor", "State Counsellor"], [("Aung San Suu Kyi", "2016-04-06", "2021-02-01")]),
    _o("Prime Minister of Bangladesh", "heads", "Bangladeshi Prime Minister", ["Bangladeshi Prime Minister", "Bangladesh Prime Minister"],
       ["Bangladeshi Prime Minister", "Bangladesh Prime Minister", "Prime Minister"], [("Sheikh Hasina", "2009-01-06", "2024-08-05")]),
    _o("Prime Minister of Hungary", "heads", "Hungarian Prime Minister", ["Hungarian Prime Minister"], ["Hungarian Prime Minister", "Prime Minister"],
       [("Viktor Orban", "2010-05-29", None)]),
    _o("Chancellor of Austria", "heads", "Austrian Chancellor", ["Austrian Chancellor"], ["Austrian Chancellor", "Chancellor"],
       [("Werner Faymann", "2008-12-02", "2016-05-09"), ("Christian Kern", "2016-05-17", "2017-12-18"),
        ("Sebastian Kurz", "2017-12-18", "2019-05-28")]),
    _o("Secretary-General of the United Nations", "intl", "U.N. Secretary-General",
       ["U.N. Secretary-General", "UN Secretary-General", "U.N. Secretary General", "United Nations Secretary-General"],
       ["U.N. Secretary-General", "UN Secretary-General", "U.N. Secretary General", "United Nations Secretary-General", "Secretary-General"],
       [("Kofi Annan", "1997-01-01", "2006-12-31"), ("Ban Ki-moon", "2007-01-01", "2016-12-31"), ("Antonio Guterres", "2017-01-01", None)]),
    _o("Secretary General of NATO", "intl", "NATO Secretary General", ["NATO Secretary General", "NATO Secretary-General"],
       ["NATO Secretary General", "NATO Secretary-General"],
       [("Anders Fogh Rasmussen", "2009-08-01", "2014-10-01"), ("Jens Stoltenberg", "2014-10-01", "2024-10-01")]),
    _o("President of the European Commission", "intl-eu", "European Commission President",
       ["European Commission President", "EU Commission President"], ["European Commission President", "EU Commission President"],
       [("Jose Manuel Barroso", "2004-11-22", "2014-10-31"), ("Jean-Claude Juncker", "2014-11-01", "2019-11-30")]),
    _o("President of the European Council", "intl-eu", "European Council President", ["European Council President"],
       ["European Council President"], [("Herman Van Rompuy", "2009-12-01", "2014-11-30"), ("Donald Tusk", "2014-12-01", "2019-11-30")]),
    _o("Director General of the IAEA", "intl-agency", "IAEA Director General", ["IAEA Director General", "IAEA Director-General"],
       ["IAEA Director General", "IAEA Director-General"], [("Mohamed ElBaradei", "1997-12-01", "2009-11-30"), ("Yukiya Amano", "2009-12-01", "2019-07-18")]),
    _o("UK Foreign Secretary", "uk", "British Foreign Secretary", ["British Foreign Secretary", "UK Foreign Secretary"],
       ["British Foreign Secretary", "UK Foreign Secretary", "Foreign Secretary"],
       [("William Hague", "2010-05-12", "2014-07-14"), ("Philip Hammond", "2014-07-15", "2016-07-13"), ("Boris Johnson", "2016-07-13", "2018-07-09")]),
    _o("UK Defence Secretary", "uk", "British Defence Secretary",
       ["British Defence Secretary", "British Defense Secretary", "UK Defence Secretary", "UK Defense Secretary"],
       ["British Defence Secretary", "British Defense Secretary", "UK Defence Secretary", "Defence Secretary"],
       [("Michael Fallon", "2014-07-15", "2017-11-01"), ("Gavin Williamson", "2017-11-02", "2019-05-01")]),
    _o("Chancellor of the Exchequer", "uk", "Chancellor of the Exchequer", ["Chancellor of the Exchequer", "British finance minister"],
       ["Chancellor of the Exchequer", "finance minister", "Finance Minister"],
       [("George Osborne", "2010-05-11", "2016-07-13"), ("Philip Hammond", "2016-07-13", "2019-07-24")]),
]
# Other spellings of the people above (the reference's person aliases).
PERSON_ALIASES = {
    "Donald Trump": ["Donald J. Trump"],
    "Recep Tayyip Erdogan": ["Tayyip Erdogan"],
    "Abdel Fattah al-Sisi": ["Abdel Fattah el-Sisi"],
    "Prayuth Chan-ocha": ["Prayut Chan-o-cha", "Prayut Chan-ocha"],
    "Luiz Inacio Lula da Silva": ["Lula", "Luiz Inacio Lula"],
    "Mohamed Mursi": ["Mohamed Morsi"],
    "Nuri al-Maliki": ["Nouri al-Maliki"],
    "Haider al-Abadi": ["Hayder al-Abadi", "Haider Abadi"],
    "Abd-Rabbu Mansour Hadi": ["Abd-Rabbu Mansour al-Hadi", "Abd Rabbu Mansour Hadi"],
    "Joko Widodo": ["Jokowi"],
    "Benigno Aquino": ["Benigno Aquino III"],
    "Antonio Guterres": ["António Guterres"],
}
# The surname a title is written with when it is not the last word.
SHORT_NAMES = {
    "Ban Ki-moon": ["Ban"], "Xi Jinping": ["Xi"], "Hu Jintao": ["Hu"], "Li Keqiang": ["Li"], "Wen Jiabao": ["Wen"],
    "Jiang Zemin": ["Jiang"], "Moon Jae-in": ["Moon"], "Park Geun-hye": ["Park"], "Lee Myung-bak": ["Lee"],
    "Roh Moo-hyun": ["Roh"], "Recep Tayyip Erdogan": ["Tayyip Erdogan", "Erdogan"], "Luiz Inacio Lula da Silva": ["Lula"],
    "Aung San Suu Kyi": ["Suu Kyi"], "Sheikh Hasina": ["Hasina"], "Juan Orlando Hernandez": ["Hernandez"],
    "Enrique Pena Nieto": ["Pena Nieto"], "Otto Perez Molina": ["Perez Molina"], "Abdel Fattah al-Sisi": ["Sisi", "al-Sisi"],
    "Prayuth Chan-ocha": ["Prayuth", "Prayut"], "Yingluck Shinawatra": ["Yingluck"], "Bill de Blasio": ["de Blasio"],
    "Jose Luis Rodriguez Zapatero": ["Zapatero"], "Alejandro Garcia Padilla": ["Garcia Padilla"],
    "Masoud Barzani": ["Barzani"], "Abd-Rabbu Mansour Hadi": ["Hadi"], "Ali Abdullah Saleh": ["Saleh"],
    "Susilo Bambang Yudhoyono": ["Yudhoyono"], "Anders Fogh Rasmussen": ["Rasmussen"], "Herman Van Rompuy": ["Van Rompuy"],
    "Shahid Khaqan Abbasi": ["Abbasi"], "Ram Nath Kovind": ["Kovind"], "John Bel Edwards": ["Edwards"],
}
NOT_BEFORE_TITLE = {"vice", "deputy", "assistant", "acting", "associate", "senior", "executive", "interim", "under"}


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def holds(office: Office, person: str, when: dt.date) -> bool:
    """Surely in office that day (strictly inside a tenure: not a handover day)."""
    return any(p == person and _day(s) < when and (e is None or when < _day(e)) for p, s, e in office.holders)


def left_before(office: Office, person: str, when: dt.date) -> bool:
    """Held the office and surely no longer did that day."""
    tenures = [(s, e) for p, s, e in office.holders if p == person]
    return bool(tenures) and all(e is not None and _day(e) < when for s, e in tenures)


def holder(office: Office, when: dt.date) -> str | None:
    for p, s, e in office.holders:
        if _day(s) < when and (e is None or when < _day(e)):
            return p
    return None


def _name_pattern(person: str) -> str:
    words = person.split()
    forms = [person, *PERSON_ALIASES.get(person, []), *SHORT_NAMES.get(person, [words[-1]])]
    if len(words) == 2:
        forms.append(rf"{words[0]}\s+[A-Z]\.\s+{words[1]}")
    return "|".join(f if "\\" in f else re.escape(f) for f in sorted(forms, key=len, reverse=True))


@dataclass
class TitleSpot:
    start: int  # the title (or "former" before it)
    end: int  # end of the name
    title_start: int
    name_start: int
    office: Office
    person: str
    former: bool
    then: bool
    prefix_start: int  # where "former " starts (== title_start when absent)


_TITLE_REGEX: dict[str, re.Pattern] = {}


def _title_regex(office: Office) -> re.Pattern:
    if office.name not in _TITLE_REGEX:
        titles = "|".join(re.escape(t) for t in sorted(office.patterns, key=len, reverse=True))
        people = "|".join(f"(?:{_name_pattern(p)})" for p in dict.fromkeys(p for p, _s, _e in office.holders))
        _TITLE_REGEX[office.name] = re.compile(rf"(?<![\w.\-])(?P<title>{titles})\s+(?P<name>{people})\b(?![\w-])")
    return _TITLE_REGEX[office.name]


def _who(office: Office, name: str) -> str | None:
    for person in dict.fromkeys(p for p, _s, _e in office.holders):
        if re.fullmatch(_name_pattern(person), name):
            return person
    return None


def find_titles(text: str, when: dt.date | None, offices: list[Office] = OFFICES) -> list[TitleSpot]:
    """A holder's name right after a title of their office ("Secretary of State Rex Tillerson",
    "former President Barack Obama", "PM May"): the office is known from the pair, so bare titles
    are found too. "Vice President" is not "President"; "then-" titles are kept apart."""
    out = {}
    for office in offices:
        for m in _title_regex(office).finditer(text):
            before = text[max(0, m.start() - 16):m.start()]
            prev = re.search(r"([\w-]+)\s*$", before)
            if prev and prev.group(1).lower() in NOT_BEFORE_TITLE:
                continue
            person = _who(office, m.group("name"))
            if not person:
                continue
            former = re.search(r"(?:\b[Ff]ormer\s+|\b[Ee]x-)$", before)
            then = bool(re.search(r"\bthen[- ]$", before))
            prefix_start = m.start() - len(former.group(0)) if former else m.start()
            spot = TitleSpot(prefix_start, m.end(), m.start(), m.start("name"), office, person, bool(former), then, prefix_start)
            key = m.start("name")
            if key not in out or spot.name_start - spot.title_start > out[key].name_start - out[key].title_start:
                out[key] = spot
    return [out[k] for k in sorted(out)]


def offices_named(texts: list[str]) -> list[Office]:
    """Offices whose holders the texts name with a title or by full name."""
    named = []
    for office in OFFICES:
        people = {p for p, _s, _e in office.holders}
        if any(_title_regex(office).search(t) for t in texts) or any(re.search(rf"\b{re.escape(p)}\b", t) for p in people for t in texts):
            named.append(office)
    return named


def write_reference(path: Path, offices: list[Office]) -> None:
    """The run's reference file (claims format section 2): tenures and aliases of `offices`."""
    lines = [
        "# Generated by scripts/e2e_stories.py: tenures of the offices the stories name (public record:",
        "# inauguration / appointment days; acting holders left out, a gap means nobody listed).",
        "reference:",
        "  id: e2e-offices",
        "tenures:",
    ]
    people = set()
    for office in offices:
        for person, start, end in office.holders:
            people.add(person)
            lines.append(f"  - {{entity: {json.dumps(person)}, role: {json.dumps(office.name)}, start: {start}, end: {end or 'null'}}}")
    lines.append("aliases:")
    for office in offices:
        aliases = [a for a in dict.fromkeys(office.aliases) if a != office.name]
        if aliases:
            lines.append(f"  {json.dumps(office.name)}: [{', '.join(json.dumps(a) for a in aliases)}]")
    for person in sorted(people):
        if person in PERSON_ALIASES:
            lines.append(f"  {json.dumps(person)}: [{', '.join(json.dumps(a) for a in PERSON_ALIASES[person])}]")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- planning


class Plan:
    """Articles (clean, copies, edited), the runs over them and the injections."""

    def __init__(self, seed: int = SEED):
        self.seed = seed
        self.articles: dict[str, Article] = {}
        self.runs: dict[str, Run] = {}
        self.injections: list[Injection] = []
        self.stories: list[Story] = []
        self.skipped: collections.Counter = collections.Counter()
        self.extra_offices: list[Office] = []

    def rng(self, *parts) -> random.Random:
        return random.Random(":".join(str(p) for p in (self.seed, *parts)))

    def add(self, article: Article) -> Article:
        self.articles.setdefault(article.id, article)
        return self.articles[article.id]

    def copy(self, original: Article, days: int) -> Article:
        """A rewritten copy of `original`, published `days` later."""
        return self.add(Article(f"{original.id}.copy{days}", original.title, original.published + dt.timedelta(days=days),
                                rewrite(original.text), "Reuters (rewritten copy)", original.origin or original.id))

    def edited(self, base: Article, injection_id: str, start: int, end: int, new: str) -> tuple[Article, tuple[int, int, int]]:
        text = base.text[:start] + new + base.text[end:]
        article = self.add(Article(f"{base.id}.{injection_id}", base.title, base.published, text, base.outlet, base.origin or base.id))
        return article, (start, end - start, len(new))

    def run(self, name: str, articles: list[str], story: Story, clean: bool, role: str, base_run: str | None = None) -> str:
        if name not in self.runs:
            self.runs[name] = Run(name, list(articles), story.id, story.type, clean, role, base_run)
        return name


def plan_stories(articles: list[Article], seed: int = SEED, limit: int | None = None, copies: bool = True) -> Plan:
    """Stories, their clean runs and one variant per injection kind where the text allows it."""
    plan = Plan(seed)
    by_id = {}
    for a in articles:
        plan.add(a)
        by_id[a.id] = a
    natural = group_stories(articles)
    if limit is not None:
        natural = natural[:limit]
    for n, group in enumerate(natural, 1):
        story = Story(f"n{n:02d}", "natural", [a.id for a in group], [a.id for a in group], [a.title for a in group])
        plan.stories.append(story)
    if copies:
        pool = [a for a in articles if shift_safe(a.text, a.published, a.published + dt.timedelta(days=1))]
        plan.skipped["copy story: relative dates a later copy would shift"] = len(articles) - len(pool)
        if limit is not None:
            pool = pool[:limit]
        for n, a in enumerate(pool, 1):
            c1 = plan.copy(a, 1)
            story = Story(f"c{n:03d}", "copy", [a.id, c1.id], [a.id], [a.title])
            plan.stories.append(story)
    for story in plan.stories:
        plan.run(f"{story.id}-clean", story.articles, story, True, "story")
        for kind, planner in (("falling-toll", _plan_toll), ("same-day-figure", _plan_same_day),
                              ("quote-moved", _plan_quote), ("title-not-held", _plan_title)):
            injection = planner(plan, story)
            if injection is None:
                plan.skipped[f"{kind}: no candidate in a {story.type} story"] += 1
                continue
            plan.injections.append(injection)
    return plan


def _variant(plan: Plan, story: Story, kind: str, articles: list[str], base: Article, edited: Article, counterpart: list[str]) -> tuple[str, str]:
    """(variant run, clean counterpart run): the story's articles with `base` replaced by `edited`."""
    clean_name = f"{story.id}-clean"
    if counterpart != story.articles:
        clean_name = plan.run(f"{story.id}-clean+{counterpart[-1]}", counterpart, story, True, "counterpart", f"{story.id}-clean")
    run = plan.run(f"{story.id}-{kind}", [edited.id if a == base.id else a for a in articles], story, False, "variant")
    return run, clean_name


def _short(kind: str) -> str:
    return {"falling-toll": "toll", "same-day-figure": "sameday", "quote-moved": "quote", "title-not-held": "title"}[kind]


def _plan_toll(plan: Plan, story: Story) -> Injection | None:
    """A running total lowered in the later article. Natural stories: when a later article restates
    a total of an earlier one (same harm word, same number), the restatement is lowered; else a
    copy of the article stating it, dated a day later, states the lower number. Copy stories: the
    copy states the lower number."""
    kind = "falling-toll"
    arts = [plan.articles[i] for i in story.articles]
    rng = plan.rng(story.id, kind)
    if story.type == "copy":
        original, copy = arts
        pairs = _matching_spots(find_tolls(original.text), find_tolls(copy.text), original.text, copy.text)
        pairs = [(o, c) for o, c in pairs if lowered(c)]
        if not pairs:
            return None
        o, c = rng.choice(pairs)
        return _number_injection(plan, story, kind, copy, c, lowered(c), original, o, story.articles, story.articles, "later-copy")
    # natural: a restatement in a later article
    restated = []
    for i, earlier in enumerate(arts):
        for later in arts[i + 1:]:
            if later.published <= earlier.published:
                continue
            for e in find_tolls(earlier.text):
                for la in find_tolls(later.text):
                    if e.key == la.key and e.number.value == la.number.value and lowered(la):
                        restated.append((earlier, e, later, la))
    if restated:
        earlier, e, later, la = rng.choice(restated)
        return _number_injection(plan, story, kind, later, la, lowered(la), earlier, e, story.articles, story.articles, "restated")
    stated = [(a, s) for a in arts for s in find_tolls(a.text) if lowered(s)
              and shift_safe(a.text, a.published, a.published + dt.timedelta(days=1))]
    if not stated:
        return None
    earlier, e = rng.choice(stated)
    copy = plan.copy(earlier, 1)
    pairs = [(o, c) for o, c in _matching_spots([e], find_tolls(copy.text), earlier.text, copy.text) if lowered(c)]
    if not pairs:
        return None
    c = pairs[0][1]
    articles = [*story.articles, copy.id]
    return _number_injection(plan, story, kind, copy, c, lowered(c), earlier, e, articles, articles, "later-copy")


def _plan_same_day(plan: Plan, story: Story) -> Injection | None:
    """A copy of one article, the same day, states one of its amounts with a value that cannot
    overlap (x3, or /3)."""
    kind = "same-day-figure"
    rng = plan.rng(story.id, kind)
    originals = [plan.articles[i] for i in (story.sources if story.type == "copy" else story.articles)]
    spots = [(a, s) for a in originals for s in find_figures(a.text) if incompatible(s)]
    if not spots:
        return None
    original, o = rng.choice(spots)
    copy = plan.copy(original, 0)
    pairs = [(x, c) for x, c in _matching_spots([o], find_figures(copy.text), original.text, copy.text) if incompatible(c)]
    if not pairs:
        return None
    _x, c = pairs[0]
    base_articles = [original.id] if story.type == "copy" else list(story.articles)
    articles = [*base_articles, copy.id]
    return _number_injection(plan, story, kind, copy, c, incompatible(c), original, o, articles, articles, "same-day-copy")


def _matching_spots(first: list[NumberSpot], second: list[NumberSpot], text1: str, text2: str) -> list[tuple[NumberSpot, NumberSpot]]:
    """Spots of a text and of its rewritten copy that are the same statement (same phrase, same
    occurrence number)."""
    def keyed(spots, text):
        seen = collections.Counter()
        out = {}
        for s in spots:
            phrase = text[s.start:s.end]
            out[(phrase, seen[phrase])] = s
            seen[phrase] += 1
        return out
    a, b = keyed(first, text1), keyed(second, text2)
    return [(a[k], b[k]) for k in a if k in b]


def _number_injection(plan, story, kind, target: Article, spot: NumberSpot, new: tuple[str, float, bool], other: Article,
                      other_spot: NumberSpot, articles: list[str], counterpart: list[str], method: str) -> Injection:
    number_text, new_value, drop_hedge = new
    injection_id = f"{story.id}-{_short(kind)}"
    start, end, new_text = edit_for(spot, target.text, number_text, drop_hedge)
    edited, edit = plan.edited(target, injection_id, start, end, new_text)
    delta = len(new_text) - (end - start)
    span = (min(spot.start, start), spot.end + delta)
    run, clean = _variant(plan, story, kind, articles, target, edited, counterpart)
    before = target.text[spot.start:spot.end]
    after = edited.text[span[0]:span[1]]
    verb = "lowered" if kind == "falling-toll" else "changed"
    detail = f"{verb} {before!r} -> {after!r} in {target.id} ({target.published}); {other.id} ({other.published}) says {other.text[other_spot.start:other_spot.end]!r}"
    return Injection(injection_id, story.id, story.type, kind, detail, edited.id, target.id, span, edit, before, after, other.id,
                     (other_spot.start, other_spot.end), {"value": new_value, "old_value": other_spot.number.value, "key": spot.key},
                     run, clean, method)


def _plan_quote(plan: Plan, story: Story) -> Injection | None:
    """A quote of X in one article, attributed to another named person of the story in another:
    natural stories insert '"<quote>," Y said.' into another article; copy stories give the
    copy's quote to Y."""
    kind = "quote-moved"
    rng = plan.rng(story.id, kind)
    arts = [plan.articles[i] for i in story.articles]
    texts = [plan.articles[i].text for i in story.sources]
    people = sorted(set().union(*(find_people(t) for t in texts)))
    surname = lambda name: name.split()[-1].lower()
    if story.type == "copy":
        original, copy = arts
        candidates = []
        copy_quotes = {(q.words, q.speaker): q for q in find_quotes(copy.text)}
        for q in find_quotes(original.text):
            cq = copy_quotes.get((q.words, q.speaker))
            others = [p for p in people if surname(p) != surname(q.speaker)]
            if cq and others:
                candidates.append((q, cq, others))
        if not candidates:
            return None
        q, cq, others = rng.choice(candidates)
        y = rng.choice(others)
        injection_id = f"{story.id}-quote"
        # the whole attribution after the quote becomes "Y said." (no title or description of X is left for Y)
        sentence_end = next((e for s, e in sentence_spans(copy.text) if s < cq.sp_end <= e), len(copy.text))
        new = f" {y} said."
        edited, edit = plan.edited(copy, injection_id, cq.q_end, max(sentence_end, cq.sp_end), new)
        span = (cq.start, cq.q_end + len(new))
        run, clean = _variant(plan, story, kind, story.articles, copy, edited, story.articles)
        detail = f"quote of {q.speaker} in {original.id} given to {y} in {copy.id}: {edited.text[span[0]:span[1]]!r}"
        return Injection(injection_id, story.id, story.type, kind, detail, edited.id, copy.id, span, edit,
                         copy.text[cq.start:max(sentence_end, cq.sp_end)],
                         edited.text[span[0]:span[1]], original.id, (q.start, q.q_end),
                         {"speaker": y, "original_speaker": q.speaker, "quote": q.words}, run, clean, "copy-attribution")
    candidates = []
    for a in arts:
        for q in find_quotes(a.text):
            others = [p for p in people if surname(p) != surname(q.speaker)]
            targets = [b for b in arts if b.id != a.id]
            if others and targets:
                candidates.append((a, q, others, targets))
    if not candidates:
        return None
    a, q, others, targets = rng.choice(candidates)
    y, b = rng.choice(others), rng.choice(targets)
    mark = q.punct if q.punct in ("?", "!") else ","
    sentence = f"“{q.words}{mark}” {y} said."
    pos = _insertion_point(b.text)
    new = sentence + " " if pos < len(b.text.rstrip()) else " " + sentence
    injection_id = f"{story.id}-quote"
    edited, edit = plan.edited(b, injection_id, pos, pos, new)
    start = pos + new.index("“")
    span = (start, start + len(sentence))
    run, clean = _variant(plan, story, kind, story.articles, b, edited, story.articles)
    detail = f"quote of {q.speaker} in {a.id} inserted into {b.id} as {sentence!r}"
    return Injection(injection_id, story.id, story.type, kind, detail, edited.id, b.id, span, edit, "", sentence, a.id, (q.start, q.q_end),
                     {"speaker": y, "original_speaker": q.speaker, "quote": q.words}, run, clean, "inserted")


def _insertion_point(text: str) -> int:
    """The start of the sentence nearest the middle of the text that is outside any quotation
    (the end of the text when it has one sentence)."""
    spans = sentence_spans(text)
    starts = [s for s, _e in spans[1:] if text[:s].count("“") == text[:s].count("”") and text[:s].count('"') % 2 == 0
              and not re.match(r"\(?\s*(?:Additional )?(?:[Rr]eporting|Writing|Editing) by", text[s:])]
    if not starts:
        return len(text.rstrip())
    middle = len(text) / 2
    return min(starts, key=lambda s: (abs(s - middle), s))


def _plan_title(plan: Plan, story: Story) -> Injection | None:
    """A title the reference says the person did not hold at the article's date: "former" added
    while in office, "former" dropped after they left, or the title of another office of the same
    kind (held by someone else) given to them; never in a sentence that names an earlier year (its
    titles may be dated by it)."""
    kind = "title-not-held"
    rng = plan.rng(story.id, kind)
    targets = [plan.articles[story.articles[1]]] if story.type == "copy" else [plan.articles[i] for i in story.articles]
    texts = [plan.articles[i].text for i in story.articles]
    candidates = []
    for a in targets:
        for spot in find_titles(a.text, a.published):
            sentence = sentence_at(a.text, spot.title_start)
            years = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", sentence)]
            if spot.then or any(y < a.published.year for y in years):
                continue  # a title dated by the sentence ("in 2013, President X"), not by the publication
            if not spot.former and holds(spot.office, spot.person, a.published):
                candidates.append((a, spot, "former-in-office", None))
                for other in _other_offices(spot, a.published, texts):
                    candidates.append((a, spot, "wrong-office", other))
            elif spot.former and left_before(spot.office, spot.person, a.published) and holder(spot.office, a.published):
                candidates.append((a, spot, "former-dropped", None))
    if not candidates:
        return None
    # one subkind first (evenly), then one spot: the mix does not follow how often each occurs
    subkind = rng.choice(sorted({c[2] for c in candidates}))
    a, spot, subkind, other = rng.choice([c for c in candidates if c[2] == subkind])
    injection_id = f"{story.id}-title"
    title_text = a.text[spot.title_start:spot.name_start].rstrip()
    if subkind == "former-in-office":
        word = "Former " if _sentence_initial(a.text, spot.title_start) else "former "
        new, start, end = word + a.text[spot.title_start:spot.name_start], spot.title_start, spot.name_start
        expect = {"entity": spot.person, "office": spot.office.name, "status": "former"}
        detail = f"'{title_text} {a.text[spot.name_start:spot.end]}' -> 'former ...' in {a.id} ({a.published}): in office then"
    elif subkind == "former-dropped":
        rest = a.text[spot.title_start:spot.name_start]
        if _sentence_initial(a.text, spot.prefix_start):
            rest = rest[:1].upper() + rest[1:]
        new, start, end = rest, spot.prefix_start, spot.name_start
        expect = {"entity": spot.person, "office": spot.office.name, "status": "current"}
        detail = f"'former' dropped before '{title_text} {a.text[spot.name_start:spot.end]}' in {a.id} ({a.published}): left office earlier"
    else:
        title = _title_like(title_text, spot.office, other)
        new, start, end = title + " ", spot.title_start, spot.name_start
        expect = {"entity": spot.person, "office": other.name, "status": "current"}
        if other not in plan.extra_offices:
            plan.extra_offices.append(other)
        detail = (f"'{title_text}' -> '{title}' for {spot.person} in {a.id} ({a.published}): "
                  f"{holder(other, a.published)} held it then")
    edited, edit = plan.edited(a, injection_id, start, end, new)
    span = (start, spot.end + len(new) - (end - start))
    run, clean = _variant(plan, story, kind, story.articles, a, edited, story.articles)
    expect["subkind"] = subkind
    return Injection(injection_id, story.id, story.type, kind, detail, edited.id, a.id, span, edit, a.text[spot.start:spot.end],
                     edited.text[span[0]:span[1]], None, None, expect, run, clean, subkind)


BARE_GROUPS = ("us-top", "us-cabinet", "us-congress", "uk")  # where a bare title names one office


def bare_title(office: Office) -> str | None:
    """The office's title as written without country or state ("Secretary of State")."""
    qualified = {t.lower() for t in [office.name, *office.aliases]}
    bare = [t for t in office.patterns if t.lower() not in qualified]
    return bare[0] if bare else None


def _title_like(title_text: str, office: Office, other: Office) -> str:
    """The other office's title written the way the article wrote the original: qualified
    ("U.S. Secretary of State" -> "U.S. Commerce Secretary") or bare ("Secretary of State" ->
    "Commerce Secretary"). A bare title is only wrong where it is unambiguous, so heads of state
    and government ("President" -> "Honduran President"), governors and international posts stay qualified."""
    qualified = title_text.lower() in {t.lower() for t in [office.name, *office.aliases]}
    bare = bare_title(other)
    if qualified or other.group not in BARE_GROUPS or not bare or bare.startswith("U.N."):
        return other.display
    return bare


def _sentence_initial(text: str, pos: int) -> bool:
    return any(s == pos for s, _e in sentence_spans(text)) or bool(re.search(r"(?:^|\(Reuters\)\s*-\s*)$", text[:pos]))


def _other_offices(spot: TitleSpot, when: dt.date, texts: list[str]) -> list[Office]:
    """Offices of the same group (and title word) as the spot's, held surely by someone else that
    day and never by this person: the title a careless copy could give the wrong person. Those
    whose holder the story names come first."""
    word = spot.office.display.split()[-1]
    out = []
    for office in OFFICES:
        if office is spot.office or office.group != spot.office.group:
            continue
        who = holder(office, when)
        if not who or who == spot.person or any(p == spot.person for p, _s, _e in office.holders):
            continue
        if office.group == "heads" and office.display.split()[-1] != word:
            continue
        out.append(office)
    named = [o for o in out if any(holder(o, when).split()[-1] in t for t in texts)]
    return named or out


# ---------------------------------------------------------------- running


def git_commit() -> str:
    try:
        commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True).stdout.strip()
        return commit + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def write_inputs(plan: Plan, work: Path) -> tuple[list[Path], Path]:
    texts = work / "texts"
    texts.mkdir(parents=True, exist_ok=True)
    entries, paths = [], []
    for article in plan.articles.values():
        if not any(article.id in run.articles for run in plan.runs.values()):
            continue
        path = texts / f"{article.id}.txt"
        path.write_text(article.text, encoding="utf-8")
        paths.append(path)
        entries.append(
            f"  - {{file: {json.dumps(path.name)}, id: {json.dumps(article.id)}, title: {json.dumps(article.title)}, "
            f"outlet: {json.dumps(article.outlet)}, authors: [], published: {article.published.isoformat()}}}"
        )
    meta = work / "articles.yaml"
    meta.write_text("articles:\n" + "\n".join(entries) + "\n", encoding="utf-8")
    return paths, meta


def run_extract(paths: list[Path], meta: Path, out: Path, jobs: int, work: Path) -> tuple[int, str, float]:
    started = time.perf_counter()
    command = [sys.executable, "-m", "claimcheck", "extract", "--meta", str(meta), "-o", str(out), "--jobs", str(jobs), *map(str, paths)]
    env = dict(os.environ, CI="1")  # no progress bar
    done = subprocess.run(command, capture_output=True, text=True, cwd=work, env=env)
    return done.returncode, (done.stderr or "").strip(), time.perf_counter() - started


def check_argv(run_dir: Path, reference: Path, config: Path, output: Path) -> list[str]:
    return ["check", str(run_dir), "--format", "json", "--no-cache", "--reference", str(reference), "--config", str(config),
            "--output", str(output), "--exit-zero", "--quiet"]


def _check_worker(job):
    work, argv = job
    os.chdir(work)
    from claimcheck.cli import main

    return main(argv)


def run_checks(plan: Plan, work: Path, claims_dir: Path, reference: Path, jobs: int, use_subprocess: bool) -> dict[str, dict]:
    """One `claimcheck check` per run over a folder holding copies of its articles' claim files."""
    config = work / "pyproject.toml"
    config.write_text("[tool.claimcheck]\nrule-paths = []\n", encoding="utf-8")
    jobs_list = []
    for run in plan.runs.values():
        run_dir = work / "runs" / run.name
        run_dir.mkdir(parents=True, exist_ok=True)
        for article in run.articles:
            shutil.copyfile(claims_dir / f"{article}.yaml", run_dir / f"{article}.yaml")
        output = work / "findings" / f"{run.name}.json"
        output.parent.mkdir(parents=True, exist_ok=True)
        jobs_list.append((run.name, check_argv(run_dir.relative_to(work), reference.relative_to(work), config.relative_to(work),
                                               output.relative_to(work))))
    if use_subprocess:
        for _name, argv in jobs_list:
            subprocess.run([sys.executable, "-m", "claimcheck", *argv], cwd=work, check=False)
    else:
        import multiprocessing

        # fork: the workers inherit this module (also when it was loaded from a path, as the tests do)
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        with multiprocessing.get_context(method).Pool(max(1, jobs)) as pool:
            codes = pool.map(_check_worker, [(str(work), argv) for _name, argv in jobs_list], chunksize=8)
        bad = [name for (name, _argv), code in zip(jobs_list, codes) if code not in (0, 1)]
        if bad:
            raise RuntimeError(f"claimcheck check could not run on {len(bad)} run(s), e.g. {bad[0]}")
    out = {}
    for name, _argv in jobs_list:
        out[name] = json.loads((work / "findings" / f"{name}.json").read_text(encoding="utf-8"))
    return out


def load_claims(claims_dir: Path, ids) -> dict[str, dict[str, dict]]:
    """article id -> claim id -> claim, from the extracted files."""
    from ruamel.yaml import YAML

    y = YAML(typ="safe")
    out = {}
    for article in ids:
        path = claims_dir / f"{article}.yaml"
        data = y.load(path.read_text(encoding="utf-8")) if path.is_file() else None
        out[article] = {c["id"]: c for c in (data or {}).get("claims") or [] if isinstance(c, dict) and "id" in c}
    return out


# ---------------------------------------------------------------- scoring


def overlaps(a, b) -> bool:
    return bool(a and b) and a[0] < b[1] and b[0] < a[1]


class Scorer:
    def __init__(self, plan: Plan, claims: dict[str, dict[str, dict]], findings: dict[str, dict], reference_offices: list[Office]):
        self.plan, self.claims, self.findings = plan, claims, findings
        self.edits = {inj.article: inj for inj in plan.injections}
        from claimcheck.normalize import name_key, same_name

        self.key, self.same_name = name_key, same_name
        self.covered = {}
        for office in reference_offices:
            for alias in [office.name, *office.aliases]:
                self.covered[name_key(alias)] = office.name

    # identity of claims and findings, independent of ids and of the shift an edit causes
    def base_of(self, article: str) -> str:
        inj = self.edits.get(article)
        return inj.base if inj else article

    def claim_identity(self, article: str | None, claim_id: str | None):
        if article is None:
            return (None, None)
        claim = self.claims.get(article, {}).get(claim_id) if claim_id else None
        if claim is None:
            return (self.base_of(article), claim_id)
        span = claim.get("span")
        inj = self.edits.get(article)
        if inj and span:
            start, old, new = inj.edit
            def back(pos):
                if pos <= start:
                    return pos
                if pos >= start + new:
                    return pos - new + old
                return start
            span = [back(span[0]), back(span[1])]
        return (self.base_of(article), claim.get("kind"), tuple(span) if span else claim_id)

    def finding_identity(self, f: dict):
        related = sorted(str(self.claim_identity(r.get("article"), r.get("claim"))) for r in f.get("related") or [])
        return (f["rule"], self.claim_identity(f.get("article"), f.get("claim")), tuple(related))

    def conflicts(self, run: str) -> list[dict]:
        return [f for f in self.findings[run]["findings"] if f["rule"] in CONFLICT_RULES]

    def span_of(self, article: str, claim_id: str | None):
        claim = self.claims.get(article, {}).get(claim_id) if claim_id else None
        return claim.get("span") if claim else None

    def score(self) -> None:
        for inj in self.plan.injections:
            clean = {self.finding_identity(f) for f in self.conflicts(inj.clean_run)}
            hits = []
            for f in self.conflicts(inj.run):
                if self.finding_identity(f) in clean:
                    continue
                places = [(f.get("article"), f.get("claim"))] + [(r.get("article"), r.get("claim")) for r in f.get("related") or []]
                if any(a == inj.article and overlaps(self.span_of(a, c), inj.span) for a, c in places):
                    hits.append(f["rule"])
            inj.detected = bool(hits)
            inj.rules = sorted(set(hits))
            if not hits:
                inj.reason, inj.reason_detail = self.why_missed(inj)

    # ------------------------------------------------ why an injection was missed
    def at(self, article: str, span, kind: str) -> list[dict]:
        return [c for c in self.claims.get(article, {}).values() if c.get("kind") == kind and overlaps(c.get("span"), span)]

    def why_missed(self, inj: Injection) -> tuple[str, str]:
        if inj.kind in ("falling-toll", "same-day-figure"):
            return self._why_figure(inj)
        if inj.kind == "quote-moved":
            return self._why_quote(inj)
        return self._why_title(inj)

    def _figure_key(self, c):
        return (c.get("subject"), c.get("metric"))

    def _why_figure(self, inj: Injection) -> tuple[str, str]:
        here = self.at(inj.article, inj.span, "figure")
        there = self.at(inj.other_article, inj.other_span, "figure")
        if not here:
            return "no figure extracted at the injected number", inj.after
        if not there:
            return "no figure extracted at the statement it contradicts", f"{inj.other_article}: {inj.expect}"
        value = inj.expect["value"]
        here_v = [c for c in here if _value_near(c.get("value"), value)]
        if not here_v:
            return "figure at the injected number has another value", f"read {[c.get('value') for c in here]} for {value}"
        old = inj.expect["old_value"]
        there_v = [c for c in there if _value_near(c.get("value"), old)] or there
        pairs = [(h, t) for h in here_v for t in there_v]
        same_keys = [(h, t) for h, t in pairs if self.key(str(h.get("subject") or "")) == self.key(str(t.get("subject") or ""))
                     and self.key(str(h.get("metric") or "")) == self.key(str(t.get("metric") or ""))]
        if not same_keys:
            h, t = pairs[0]
            return "subject/metric differ between the two figures", f"{self._figure_key(h)} here vs {self._figure_key(t)} in {inj.other_article}"
        h, t = same_keys[0]
        if inj.kind == "falling-toll" and not (h.get("cumulative") or t.get("cumulative")):
            return "neither figure is marked cumulative", f"{self._figure_key(h)}"
        if (h.get("unit") or "") != (t.get("unit") or ""):
            return "same subject and metric, units differ", f"{h.get('unit')!r} vs {t.get('unit')!r}"
        if (h.get("as_of") or "") != (t.get("as_of") or ""):
            return "same subject and metric, different as_of", f"{h.get('as_of')} vs {t.get('as_of')}"
        return "same subject and metric, no finding", f"{self._figure_key(h)} {h.get('value')} ({h.get('approx', 'exact')}) vs {t.get('value')} ({t.get('approx', 'exact')})"

    def _speaker(self, claim) -> str | None:
        attribution = claim.get("attribution") or {}
        return attribution.get("source") if isinstance(attribution, dict) else None

    def _why_quote(self, inj: Injection) -> tuple[str, str]:
        here = self.at(inj.article, inj.span, "quote")
        there = self.at(inj.other_article, inj.other_span, "quote")
        want, original = inj.expect["speaker"], inj.expect["original_speaker"]
        if not here:
            return "no quote extracted at the moved quote", inj.after
        if not there:
            return "no quote extracted at the original", f"{inj.other_article}: {inj.expect['quote'][:60]!r}"
        h, t = here[0], there[0]
        sh, st = self._speaker(h), self._speaker(t)
        if not sh:
            return "speaker of the moved quote not extracted", f"null for {want}"
        if not self.same_name(self.key(sh), self.key(want)):
            return "moved quote attributed to someone else", f"{sh!r} for {want!r}"
        if not st:
            return "speaker of the original quote not extracted", f"null for {original}"
        if not self.same_name(self.key(st), self.key(original)):
            return "original quote attributed to someone else", f"{st!r} for {original!r}"
        if self.key(str(h.get("quote") or "")) != self.key(str(t.get("quote") or "")):
            return "quoted words differ between the two claims", f"{h.get('quote')!r} vs {t.get('quote')!r}"
        return "both speakers right, no finding", f"{sh} vs {st}"

    def _why_title(self, inj: Injection) -> tuple[str, str]:
        roles = self.at(inj.article, inj.span, "role")
        want = inj.expect
        if not roles:
            return "no role claim at the title", inj.after
        mine = [r for r in roles if self.same_name(self.key(str(r.get("entity") or "")), self.key(want["entity"]))]
        if not mine:
            return "role claim for another person", f"{[r.get('entity') for r in roles]} for {want['entity']}"
        r = mine[0]
        status = r.get("status") or "current"
        if status != want["status"]:
            return "status not read as injected", f"{status!r} for {want['status']!r} ({r.get('text')!r})"
        covered = self.covered.get(self.key(str(r.get("role") or "")))
        if covered is None:
            return "role not covered by the reference (as extracted)", f"role {r.get('role')!r} for {want['office']!r}"
        if covered != want["office"]:
            return "role matched to another office", f"{r.get('role')!r} -> {covered!r} for {want['office']!r}"
        return "role covered, status right, no finding", f"{r.get('entity')} {status} {r.get('role')} as_of={r.get('as_of')}"


def _value_near(value, target: float) -> bool:
    if isinstance(value, list):
        return any(_value_near(v, target) for v in value)
    try:
        return abs(float(value) - target) <= max(0.005 * abs(target), 1e-9)
    except (TypeError, ValueError):
        return False


# ---------------------------------------------------------------- false findings


def false_findings(plan: Plan, scorer: Scorer) -> list[dict]:
    """Conflict findings on clean runs. Counterparts (a story plus an unedited copy) report only
    what the story's own clean run does not have: the findings that adding the copy caused."""
    out = []
    for run in plan.runs.values():
        if not run.clean:
            continue
        base = {scorer.finding_identity(f) for f in scorer.conflicts(run.base_run)} if run.base_run else set()
        for f in scorer.conflicts(run.name):
            if scorer.finding_identity(f) in base:
                continue
            articles = {f.get("article")} | {r.get("article") for r in f.get("related") or []}
            origins = {plan.articles[a].origin or a for a in articles if a in plan.articles}
            claims = sorted({f.get("claim") or ""} | {r.get("claim") or "" for r in f.get("related") or []})
            out.append({
                "run": run.name, "story": run.story, "story_type": run.story_type, "role": run.role, "rule": f["rule"],
                "article": f.get("article"), "claim": f.get("claim"),
                "related": [f"{r.get('article')}:{r.get('claim')}" for r in f.get("related") or []],
                "scope": "within one article" if len(articles) == 1 else ("article vs its copy" if len(origins) == 1 else "across articles"),
                # the same claims in an article and in its copy (ids come from what a claim says): one distinct finding
                "fold": f"{run.story}|{f['rule']}|{'+'.join(claims)}",
                "origin": plan.articles[f["article"]].origin or f["article"] if f.get("article") in plan.articles else f.get("article"),
                "message": f["message"],
            })
    return out


# ---------------------------------------------------------------- report


def summary(plan: Plan, falses: list[dict]) -> dict:
    rows = []
    for kind in KINDS:
        for story_type in STORY_TYPES:
            injs = [i for i in plan.injections if i.kind == kind and i.story_type == story_type]
            rows.append({"kind": kind, "stories": story_type, "injected": len(injs), "detected": sum(bool(i.detected) for i in injs)})
        injs = [i for i in plan.injections if i.kind == kind]
        rows.append({"kind": kind, "stories": "all", "injected": len(injs), "detected": sum(bool(i.detected) for i in injs)})
    total = len(plan.injections)
    rows.append({"kind": "all", "stories": "all", "injected": total, "detected": sum(bool(i.detected) for i in plan.injections)})
    clean = {}
    for label, story_type, role in CLEAN_ROWS:
        runs = [r for r in plan.runs.values() if r.clean and r.story_type == story_type and r.role == role]
        mine = [f for f in falses if f["story_type"] == story_type and f["role"] == role]
        scopes = collections.Counter(f["scope"] for f in mine)
        clean[label] = {"runs": len(runs), "with_conflict_finding": len({f["run"] for f in mine}), "conflict_findings": len(mine),
                        "distinct": len({f["fold"] for f in mine}), **{scope: scopes[scope] for scope in SCOPES}}
    # what rewriting or re-dating caused: findings between an article and its copy that do not
    # mirror a finding within one article (the same claims in both say the same thing)
    within = {f["fold"] for f in falses if f["scope"] == "within one article"}
    caused = [f for f in falses if f["scope"] == "article vs its copy" and f["fold"] not in within]
    # an archive article's finding once, however many stories and copies it is in
    unique = {(f["origin"], f["fold"].split("|", 1)[1]) for f in falses}
    return {"rows": rows, "clean": clean, "copy_caused": len({f["fold"] for f in caused}),
            "unique": len(unique), "unique_articles": len({origin for origin, _k in unique})}


CLEAN_ROWS = (
    ("natural stories", "natural", "story"),
    ("natural stories + a copy of one article (new findings only)", "natural", "counterpart"),
    ("article + rewritten copy a day later", "copy", "story"),
    ("article + rewritten copy the same day (new findings only)", "copy", "counterpart"),
)
SCOPES = ("within one article", "article vs its copy", "across articles")


def _rate(d: int, n: int) -> str:
    return f"{100 * d / n:.0f}%" if n else "–"


def markdown(plan: Plan, falses: list[dict], info: dict) -> str:
    s = summary(plan, falses)
    nat = [st for st in plan.stories if st.type == "natural"]
    cop = [st for st in plan.stories if st.type == "copy"]
    lines = [
        f"## End to end: stories from the archive ({info['date']}, commit {info['commit']})",
        "",
        f"Stories: {len(nat)} natural ({sum(len(st.articles) for st in nat)} archive articles), "
        f"{len(cop)} article + rewritten copy a day later; {len(plan.runs)} check runs over "
        f"{info['texts']} extracted texts ({info['extract_seconds']:.0f} s extract, {info['check_seconds']:.0f} s check, "
        f"{info['total_seconds']:.0f} s in all).",
        "",
        "| kind | stories | injected | detected | rate |",
        "|---|---|---|---|---|",
    ]
    for row in s["rows"]:
        kind = f"**{row['kind']}**" if row["stories"] == "all" else row["kind"]
        stories = "all" if row["stories"] == "all" else TYPE_LABELS[row["stories"]]
        lines.append(f"| {kind} | {stories} | {row['injected']} | {row['detected']} | {_rate(row['detected'], row['injected'])} |")
    lines += ["", "How the inconsistencies were made:", "", "| kind | how | stories | injected | detected | rate |", "|---|---|---|---|---|---|"]
    for kind in KINDS:
        for method, label in METHODS.items():
            for story_type in STORY_TYPES:
                injs = [i for i in plan.injections if i.kind == kind and i.method == method and i.story_type == story_type]
                if injs:
                    d = sum(bool(i.detected) for i in injs)
                    lines.append(f"| {kind} | {label} | {TYPE_LABELS[story_type]} | {len(injs)} | {d} | {_rate(d, len(injs))} |")
    lines += ["", "### Conflict findings on the clean stories (false findings)", "",
              "| clean runs | runs | with a conflict finding | conflict findings | distinct (copies folded) | within one article | article vs its copy | across articles |",
              "|---|---|---|---|---|---|---|---|"]
    for label, row in s["clean"].items():
        lines.append(f"| {label} | {row['runs']} | {row['with_conflict_finding']} | {row['conflict_findings']} | {row['distinct']} | "
                     + " | ".join(str(row[scope]) for scope in SCOPES) + " |")
    lines += ["", f"Over all clean runs, counting an archive article's finding once however many stories and copies it is "
              f"in: {s['unique']} different conflict findings, in {s['unique_articles']} archive articles. Findings between an "
              f"article and its copy that mirror no finding within one article (what the rewriting or the later date "
              f"caused): {s['copy_caused']}."]
    lines += ["", "Each distinct one, for review (a finding on the same claims in an article and in its copy is listed once, "
              "with the runs and scopes it appears in):", ""]
    folded: dict[str, list[dict]] = {}
    for f in falses:
        folded.setdefault(f["fold"], []).append(f)
    order = sorted(folded.values(), key=lambda fs: (fs[0]["story_type"] != "natural", fs[0]["story"], fs[0]["rule"], fs[0]["fold"]))
    for fs in order:
        f = fs[0]
        related = f" (related: {', '.join(f['related'])})" if f["related"] else ""
        scopes = ", ".join(sorted({x["scope"] for x in fs}))
        times = f" ×{len(fs)}" if len(fs) > 1 else ""
        lines.append(f"- `{f['story']}` {f['rule']}{times} [{scopes}] {f['article']}:{f['claim']}{related}: {f['message']}")
    if not falses:
        lines.append("- none")
    lines += ["", "### Why injections were missed", "", "| kind | reason | misses | example |", "|---|---|---|---|"]
    for kind in KINDS:
        misses = [i for i in plan.injections if i.kind == kind and not i.detected]
        counts = collections.Counter(i.reason for i in misses)
        for reason, n in counts.most_common():
            example = next(i for i in misses if i.reason == reason)
            detail = (example.reason_detail or "").replace("|", "\\|").replace("\n", " ")
            lines.append(f"| {kind} | {reason} | {n} | {detail[:160]} |")
    detected_by = collections.Counter(rule for i in plan.injections for rule in i.rules)
    if detected_by:
        lines += ["", "Rules that detected injections: " + ", ".join(f"{rule} {n}" for rule, n in detected_by.most_common()) + "."]
    lines += ["", "### Stories", ""]
    for st in nat:
        lines.append(f"- {st.id}: " + " | ".join(f"{plan.articles[a].published} {a} {plan.articles[a].title!r}" for a in st.articles))
    lines.append(f"- copy stories: {len(cop)} (every dated archive article whose relative dates a copy a day later keeps; "
                 f"{plan.skipped.get('copy story: relative dates a later copy would shift', 0)} skipped)")
    skipped = {k: v for k, v in plan.skipped.items() if not k.startswith("copy story")}
    if skipped:
        lines.append("- no injection of a kind where the text offers no candidate: " + "; ".join(f"{k} {v}" for k, v in sorted(skipped.items())))
    return "\n".join(lines) + "\n"


def to_json(plan: Plan, falses: list[dict], info: dict) -> dict:
    return {
        "info": info,
        "summary": summary(plan, falses),
        "stories": [dataclasses.asdict(st) for st in plan.stories],
        "injections": [dataclasses.asdict(i) for i in plan.injections],
        "false_findings": falses,
        "skipped": dict(plan.skipped),
    }


# ---------------------------------------------------------------- main


def measure(articles: list[Article], work: Path, *, seed: int = SEED, limit: int | None = None, jobs: int = 2,
            use_subprocess: bool = False, copies: bool = True, progress=print,
            claims_from: Path | None = None) -> tuple[Plan, list[dict], dict]:
    """The whole measurement over `articles` in the folder `work`: plan, extract, check, score.
    `claims_from`: the claim files of an earlier run's work folder (same seed and limit), to
    measure a change to the checker without extracting again."""
    started = time.perf_counter()
    plan = plan_stories(articles, seed=seed, limit=limit, copies=copies)
    texts = [plan.articles[a].text for run in plan.runs.values() for a in run.articles]
    offices = offices_named(texts)
    offices += [o for o in plan.extra_offices if o not in offices]
    reference = work / "reference" / "offices.yaml"
    write_reference(reference, offices)
    paths, meta = write_inputs(plan, work)
    progress(f"e2e: {len(plan.stories)} stories, {len(plan.injections)} injections, {len(plan.runs)} runs, {len(paths)} texts; extracting ...")
    claims_dir = work / "claims" / "all"
    if claims_from is not None:
        shutil.copytree(claims_from / "claims" / "all", claims_dir)
        code, stderr, extract_seconds = 0, f"claims reused from {claims_from}", 0.0
    else:
        code, stderr, extract_seconds = run_extract(paths, meta, claims_dir, jobs, work)
    if code != 0:
        raise RuntimeError(f"claimcheck extract failed (exit {code}): {stderr[-2000:]}")
    progress(f"e2e: {stderr.splitlines()[-1] if stderr else 'extracted'}; checking {len(plan.runs)} runs ...")
    t = time.perf_counter()
    findings = run_checks(plan, work, claims_dir, reference, jobs, use_subprocess)
    check_seconds = time.perf_counter() - t
    claims = load_claims(claims_dir, [p.stem for p in paths])
    scorer = Scorer(plan, claims, findings, offices)
    scorer.score()
    falses = false_findings(plan, scorer)
    info = {
        "date": dt.date.today().isoformat(), "commit": git_commit(), "seed": seed, "limit": limit, "texts": len(paths),
        "runs": len(plan.runs), "extract_seconds": extract_seconds, "check_seconds": check_seconds,
        "total_seconds": time.perf_counter() - started, "reference_offices": [o.name for o in offices],
        "extract_summary": stderr.splitlines()[-1] if stderr else "",
    }
    return plan, falses, info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--archive", type=Path, default=ARCHIVE, help="the raw archive (default: ../shared/corpus/archive)")
    parser.add_argument("--limit", type=int, metavar="N", help="at most N natural and N copy stories (a quick run)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="work in DIR (new or empty) and keep it")
    parser.add_argument("--jobs", type=int, default=2, help="extract processes and check workers (default 2)")
    parser.add_argument("--seed", type=int, default=SEED, help=f"seed for choosing among candidates (default {SEED})")
    parser.add_argument("--no-copies", action="store_true", help="natural stories only")
    parser.add_argument("--claims-from", type=Path, metavar="DIR",
                        help="reuse the claim files of an earlier --keep DIR (same seed, limit): measure a checker change without extracting")
    parser.add_argument("--subprocess", action="store_true", help="run each check as a `claimcheck` process (slower, same results)")
    args = parser.parse_args(argv)
    if not (args.archive / "articles.yaml").is_file():
        print(f"e2e_stories: no archive at {args.archive} (expected ../shared beside the repository)", file=sys.stderr)
        return 2
    articles = load_archive(args.archive)
    if args.keep:
        if args.keep.exists() and any(args.keep.iterdir()):
            print(f"e2e_stories: --keep {args.keep} is not empty", file=sys.stderr)
            return 2
        args.keep.mkdir(parents=True, exist_ok=True)
        work, cleanup = args.keep.resolve(), None
    else:
        cleanup = tempfile.TemporaryDirectory(prefix="claimcheck-e2e-")
        work = Path(cleanup.name)
    try:
        plan, falses, info = measure(articles, work, seed=args.seed, limit=args.limit, jobs=args.jobs,
                                     use_subprocess=args.subprocess, copies=not args.no_copies,
                                     progress=lambda m: print(m, file=sys.stderr), claims_from=args.claims_from)
    except RuntimeError as error:
        print(f"e2e_stories: {error}", file=sys.stderr)
        return 2
    finally:
        if cleanup is not None:
            cleanup.cleanup()
    print(markdown(plan, falses, info))
    if args.json:
        args.json.write_text(json.dumps(to_json(plan, falses, info), indent=2, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
