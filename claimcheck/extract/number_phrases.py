"""Numbers written as phrases rather than as a number and its noun.

Fractions are shares in percent ("a third of", "two-thirds of", "three-quarters of",
"one 5th the speed", "one in five" -> 20 percent; "half of"), and fractions of a unit or a
scale are values in it ("half a percentage point" -> 0.5 percentage points, "half a million"
-> 500,000, "a quarter of a century" -> 25 years, "a year and a half" -> 1.5 years, "two and a
half years" -> 2.5 years). Multiples are times ("twice as many" -> 2 times, "thrice"). "A
dozen" is 12 and "half a dozen" 6, "a single vote" is one vote, "50-50" is 50 percent.

Each phrase is found once, in the text: its span, its value and its unit, so that the words
of a phrase are never read again as numbers of their own ("three-quarters" is not three
quarters, "two thirds" not two thirds).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import FRACTIONS, SCALES, measure_unit, parse_number, share

_NUM = (r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})")
_DENOM = (r"(?:halves|half|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?"
          r"|\d{1,3}(?:st|nd|rd|th)s?)")
_TIME_UNITS = r"(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries|century)"
_HALF_OF = (r"(?:percentage\s+points?|points?|million|billion|trillion|thousand|dozen|hundred|"
            r"mile|kilometre|kilometer|metre|meter|ton|tonne|" + _TIME_UNITS[3:-1] + r")")
_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "hundred": 100,
          "a hundred": 100, "thousand": 1000, "a thousand": 1000}

_PATTERNS = [
    # "a year and a half", "two and a half years", "two and a half million"
    ("and_a_half", re.compile(rf"\b(?P<n>{_NUM})\s+(?:(?P<u1>{_TIME_UNITS})\s+and\s+a\s+half|and\s+a\s+half\s+(?P<u2>{_TIME_UNITS}|million|billion|thousand|percent|per\s+cent))\b", re.I)),
    # "half a percentage point", "half a million", "half an hour", "half a dozen"
    ("half_a", re.compile(rf"\bhalf\s+an?\s+(?P<u>{_HALF_OF})\b", re.I)),
    # "a quarter of a century", "a third of a mile", "a quarter of a million"
    ("frac_of_unit", re.compile(rf"\b(?P<n>{_NUM})[\s-]+(?P<d>{_DENOM})\s+of\s+an?\s+(?P<u>{_HALF_OF})\b", re.I)),
    # "two-thirds of", "a third of", "one 5th the speed", "three quarters of the economy"
    ("fraction", re.compile(rf"\b(?P<n>{_NUM})[\s-]+(?P<d>{_DENOM})(?=\s+(?:of|the|as|more|less|fewer|majority)\b|[\s,.]*$)", re.I | re.M)),
    # "half of the voters", "half the country" (not "the second half of the year")
    ("half", re.compile(r"(?<![-\w])(?<!first\s)(?<!second\s)(?<!last\s)(?<!final\s)(?<!other\s)(?<!a\s)(?<!the\s)\bhalf\s+(?=of\b|the\b|its\b|their\b|his\b|her\b|our\b|all\b)", re.I)),
    # "one in five", "1 in 4", "one in every three"
    ("one_in", re.compile(r"\b(?P<n>one|two|three|four|five|six|seven|eight|nine|\d{1,3})\s+in\s+(?:every\s+)?(?P<d>two|three|four|five|six|seven|eight|nine|ten|twenty|a\s+hundred|a\s+thousand|hundred|thousand|\d{1,3}(?:,\d{3})?)\b(?!\s*(?:%|percent|per\s+cent))", re.I)),
    # "twice as many", "twice the size", "thrice"
    ("twice", re.compile(r"\b(?P<w>twice|thrice)\b(?=\s+(?:as|the|that|what|a|an|its|their|more|over)\b)", re.I)),
    # "half a dozen", "a dozen", "two dozen"
    ("dozen", re.compile(r"\b(?P<n>a|one|two|three|four|five|six|\d{1,2})\s+dozen\b(?!s)", re.I)),
    # "a single vote"
    ("single", re.compile(r"\b(?:a|one)\s+single\s+(?P<noun>[a-z]+)\b", re.I)),
    # "a 50-50 chance", "50/50"
    ("fifty_fifty", re.compile(r"(?<![\d,.])50\s*[-/–]\s*50(?![\d,.])")),
]
# What "a single" may count: votes, seats, goals, ... (not "a single market", "a single currency").
SINGLE_COUNTABLE = {"vote", "seat", "goal", "point", "game", "match", "shot", "run", "penalty", "try",
                    "day", "week", "month", "year", "hour", "minute", "second", "person", "death",
                    "case", "dollar", "penny", "cent", "euro", "pound", "ballot", "delegate", "victim",
                    "soldier", "child", "patient", "arrest", "casualty", "injury", "incident", "mistake",
                    "error", "win", "victory", "defeat", "loss", "title", "medal", "copy", "unit", "job"}


@dataclass
class NumberPhrase:
    start: int          # offsets in the parsed body
    end: int
    value: float
    unit: str | None    # "percent", "times", a measurement unit, or None: the counted noun follows
    kind: str


def _count(word: str) -> float | None:
    low = " ".join(word.lower().split())
    if low in _WORDS:
        return float(_WORDS[low])
    value = parse_number(low)
    return value


def _denominator(word: str) -> float | None:
    """'third' -> 3, 'quarters' -> 4, '15th' -> 15 (as the share FRACTIONS gives: 100/d)."""
    low = word.lower()
    if low in FRACTIONS:
        return 100 / FRACTIONS[low]
    m = re.match(r"(\d{1,3})(?:st|nd|rd|th)s?$", low)
    return float(m.group(1)) if m and int(m.group(1)) > 1 else None


def _unit_of(word: str) -> tuple[str | None, float]:
    """(unit, scale) of the thing a fraction is of: 'million' -> (None, 1e6), 'year' -> ('years', 1)."""
    low = " ".join(word.lower().split())
    if low in SCALES:
        return None, SCALES[low]
    if low in ("dozen",):
        return None, 12.0
    if low in ("century", "centuries"):
        return "years", 100.0
    if low in ("point", "points"):
        return "points", 1.0
    return measure_unit(low), 1.0


# A word each pattern needs (a cheap test before the regular expression runs).
_NEEDS = {"and_a_half": "half", "half_a": "half", "half": "half", "frac_of_unit": "", "fraction": "",
          "one_in": " in ", "twice": "ice", "dozen": "dozen", "single": "single", "fifty_fifty": "50"}
_FRACTION_HINT = re.compile(r"half|halves|third|quarter|fifth|sixth|seventh|eighth|ninth|tenth|\d(?:st|nd|rd|th)\b", re.I)


def find_number_phrases(text: str) -> list[NumberPhrase]:
    """Every number phrase in the body text, in order, never two over the same characters."""
    found: list[NumberPhrase] = []
    taken: list[tuple[int, int]] = []
    low = text.lower()
    fractions = _FRACTION_HINT.search(text) is not None
    for kind, pattern in _PATTERNS:
        need = _NEEDS[kind]
        if (need and need not in low) or (not need and not fractions):
            continue
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            phrase = _read(kind, m)
            if phrase is not None:
                found.append(phrase)
                taken.append((phrase.start, phrase.end))
    return sorted(found, key=lambda p: p.start)


def _read(kind: str, m: re.Match) -> NumberPhrase | None:
    start, end = m.start(), m.end()
    if kind == "and_a_half":
        n = _count(m.group("n"))
        word = m.group("u1") or m.group("u2")
        unit, scale = _unit_of(word)
        if n is None:
            return None
        if word.lower().replace(" ", "") in ("percent", "percent"):
            unit = "percent"
        return NumberPhrase(start, end, (n + 0.5) * scale, unit, kind)
    if kind == "half_a":
        unit, scale = _unit_of(m.group("u"))
        return NumberPhrase(start, end, 0.5 * scale, unit, kind)
    if kind == "frac_of_unit":
        n, d = _count(m.group("n")), _denominator(m.group("d"))
        unit, scale = _unit_of(m.group("u"))
        if n is None or d is None or n >= d:
            return None
        return NumberPhrase(start, end, n / d * scale, unit, kind)
    if kind == "fraction":
        n, d = _count(m.group("n")), _denominator(m.group("d"))
        if n is None or d is None or n >= d:
            return None               # "two halves", "three thirds": not a share
        return NumberPhrase(start, end, share(100 * n / d), "percent", kind)
    if kind == "half":
        return NumberPhrase(start, start + 4, 50.0, "percent", kind)
    if kind == "one_in":
        n, d = _count(m.group("n")), _count(m.group("d").replace(",", ""))
        if n is None or d is None or n >= d or (1000 <= d <= 2100 and "," not in m.group("d")):
            return None               # "one in 2017": a year, not a ratio
        return NumberPhrase(start, end, share(100 * n / d), "percent", kind)
    if kind == "twice":
        return NumberPhrase(start, end, 2.0 if m.group("w").lower() == "twice" else 3.0, "times", kind)
    if kind == "dozen":
        n = _count(m.group("n"))
        half = text_before(m, 7).lower().endswith("half ") and m.group("n").lower() == "a"
        if n is None:
            return None
        if half:
            return None               # "half a dozen" is the half_a pattern's
        return NumberPhrase(start, end, n * 12, None, kind)
    if kind == "single":
        if m.group("noun").lower() not in SINGLE_COUNTABLE:
            return None
        return NumberPhrase(start, m.start("noun") - 1, 1.0, None, kind)
    if kind == "fifty_fifty":
        return NumberPhrase(start, end, 50.0, "percent", kind)
    return None


def text_before(m: re.Match, width: int) -> str:
    return m.string[max(0, m.start() - width):m.start()]
