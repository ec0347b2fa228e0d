"""Reading numbers: digits, spelled-out words, scale words, fractions.

Spelled-out numbers go through text2num (a maintained parser for English
number words) so that "Fifty-nine", "thirteen thousand" and "one hundred
twenty" all work without a home-made grammar.
"""
from __future__ import annotations

import re

from claimcheck import quantities

# Scale words after a number: the checker's (`quantities.SCALES`), and the letters that are
# scale words only there ("$5m", "2.5b"). Abbreviations may be glued to the digits ("2.5bn").
SCALES = {**quantities.SCALES, **quantities.SCALE_LETTERS}
GLUED_SCALE = "|".join(sorted((word for word in SCALES if len(word) <= 3), key=len, reverse=True))
# Denominators of fractions ("a third", "two-thirds", "one 15th"): the share of one part, in percent.
FRACTIONS = {"half": 50.0, "halves": 50.0, "third": 100 / 3, "thirds": 100 / 3, "quarter": 25.0,
             "quarters": 25.0, "fifth": 20.0, "fifths": 20.0, "sixth": 100 / 6, "sixths": 100 / 6,
             "seventh": 100 / 7, "sevenths": 100 / 7, "eighth": 12.5, "eighths": 12.5,
             "ninth": 100 / 9, "ninths": 100 / 9, "tenth": 10.0, "tenths": 10.0}
DOZEN = 12
# Hedge words before a number -> the spec's approx values: the checker's table
# (quantities.APPROX_WORDS), longest phrase first ("no more than" is not "more than").
HEDGES = sorted(((phrase, approx) for approx, phrases in quantities.APPROX_WORDS.items() if approx != "exact"
                 for phrase in phrases), key=lambda hedge: -len(hedge[0]))
# The one-word hedges of "about" ("from about 5 to 10").
ABOUT_WORDS = frozenset(word for word in quantities.APPROX_WORDS["about"] if " " not in word)


def is_currency_code(unit: str | None) -> bool:
    """USD, EUR, GBP: the checker's currencies are its three-letter upper-case dimensions."""
    return bool(unit) and unit.isupper() and len(unit) == 3


def measure_unit(words: str) -> str | None:
    """The unit a measurement word names, by the checker's table of units
    (`claimcheck.quantities.UNITS`: lengths, areas, masses, durations, percent, ...), written
    as the checker reads it, plural where the table has a plural ("mile" -> "miles",
    "kilometre" -> "kilometres", "%" -> "percent"); None for count nouns and currencies."""
    low = words.lower()
    if low not in quantities.UNITS:
        return None
    dimension, factor = quantities.UNITS[low]
    if is_currency_code(dimension) or dimension == "pounds" or dimension == quantities.COUNT:
        return None
    if dimension == "percent":
        return "percent"
    if (len(low) == 1 and low != "m") or low in _NOT_UNITS_ALONE:
        return None                 # "5 g", "3 c": letters too ambiguous after a number in prose
    short = next((abbr for abbr in _ABBREVIATIONS if quantities.UNITS.get(abbr) == (dimension, factor)), None)
    if short is not None:
        return short                 # "kilometres" -> "km": the form news copy abbreviates to
    plural = low + "s"
    if len(low) > 2 and quantities.UNITS.get(plural) == (dimension, factor):    # not "km" -> "kms"
        return plural
    return low


# Units written as their abbreviation ("km", not "kilometres"); others as the plural word ("miles").
_ABBREVIATIONS = ("km", "m", "cm", "mm", "ft", "kg", "mph", "kph", "ha", "kw", "mw", "gw", "kwh", "mwh", "gwh", "twh")
# Unit names that, written after a number in prose, are mostly something else ("two points in
# the debate", "10 degrees of separation" are fine to leave as counted nouns).
_NOT_UNITS_ALONE = {"point", "points", "degree", "degrees", "min", "sec", "kn", "inch", "yd", "lb", "lbs"}

# The dimension of a measurement unit and the metric its figures measure ("40 km" is a distance).
DIMENSION_METRIC = {"length": "distance", "duration": "duration", "mass": "weight", "area": "area",
                    "volume": "volume", "speed": "speed", "power": "power", "energy": "energy",
                    "tons": "weight", "gallons": "volume"}


def unit_dimension(unit: str | None) -> str:
    """The checker's dimension of a unit ("miles" -> "length", "USD" -> "USD", "people" -> "count")."""
    return quantities.parse_unit(unit).dimension


# Currencies: the checker's symbols and the one-word names of its currency units ("euros",
# "yuan"), and "pounds": in news copy a sum in pounds is sterling (the checker, reading any
# claim file, leaves "pounds" ambiguous between money and weight).
CURRENCIES = {
    **quantities.CURRENCY_SYMBOLS,
    **{symbol.upper(): code for symbol, code in quantities.CURRENCY_SYMBOLS.items() if len(symbol) > 1},   # "US$", "C$"
    **{name: dimension for name, (dimension, _) in quantities.UNITS.items() if is_currency_code(dimension) and " " not in name},
    "pounds": "GBP",
}
# Currency names of several words ("Swiss francs", "US dollars", "pounds sterling").
MULTIWORD_CURRENCIES = {name: dimension for name, (dimension, _) in quantities.UNITS.items()
                        if is_currency_code(dimension) and " " in name}
# A currency symbol written before the digits ("$5", "£10m").
SYMBOL = ("(?:(?i:" + quantities.LETTERED_SYMBOL + ")|["
          + "".join(re.escape(symbol) for symbol in quantities.CURRENCY_SYMBOLS if len(symbol) == 1) + "])")

_DIGITS = re.compile(rf"^{SYMBOL}?(\d{{1,3}}(?:,\d{{3}})+|\d+)(\.\d+)?$")


def parse_digits(token: str) -> float | None:
    m = _DIGITS.match(token.strip())
    if not m:
        return None
    return float(m.group(1).replace(",", "") + (m.group(2) or ""))


def parse_words(words: str) -> float | None:
    """Spelled-out numbers ("fifty-nine", "thirteen thousand") via text2num."""
    cleaned = " ".join(words.lower().replace("-", " ").split())
    if not cleaned or cleaned in ("a", "an", "one"):
        return 1.0 if cleaned else None
    try:
        from text_to_num import text2num  # lazy: only extraction needs it
    except ImportError:
        return _small_words(cleaned)
    try:
        return float(text2num(cleaned, "en"))
    except ValueError:
        return None


_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _small_words(cleaned: str) -> float | None:
    """Fallback without text2num: 'five', 'fifty nine' (0-99 only)."""
    parts = cleaned.split()
    if len(parts) == 1 and parts[0] in _UNITS:
        return float(_UNITS.index(parts[0]))
    if parts and parts[0] in _TENS[2:]:
        tail = _UNITS.index(parts[1]) if len(parts) == 2 and parts[1] in _UNITS[1:10] else 0
        if len(parts) <= 2 and (len(parts) == 1 or tail):
            return float(_TENS.index(parts[0]) * 10 + tail)
    return None


def parse_number(text: str) -> float | None:
    """A whole number expression: '1,254', '40 million', '$300 million', 'five'."""
    parts = text.replace("\u00a0", " ").split()
    if len(parts) > 1 and re.fullmatch(SYMBOL, parts[0]):
        parts = parts[1:]                          # "A$ 5 million": the symbol apart from the digits
    if not parts:
        return None
    scale = 1.0
    while parts and parts[-1].lower().rstrip(".") in SCALES:
        scale *= SCALES[parts.pop().lower().rstrip(".")]
    if not parts:
        return None
    if parts[-1].lower() in ("dozen", "dozens"):      # "a dozen", "two dozen": twelves
        scale *= DOZEN
        parts = parts[:-1] or ["one"]
    joined = " ".join(parts)
    # "2.5bn"; "$400m." at a sentence's end is one token, its period the sentence's
    glued = re.match(rf"^({SYMBOL}?[\d,.]+)({GLUED_SCALE})\.?$", joined, re.IGNORECASE)
    if glued:
        joined, scale = glued.group(1), scale * SCALES[glued.group(2).lower()]
    value = parse_digits(joined)
    if value is None:
        value = parse_words(joined)
    return None if value is None else value * scale


def tidy(value: float) -> int | float:
    """Integers print as integers; other values as written: 2.35 stays 2.35, 4.75 stays 4.75
    (only the float noise of a scale word is rounded away: 2.35 billion is 2350000000)."""
    if abs(value - round(value)) < 1e-9 * max(1.0, abs(value)):
        return round(value)
    return float(f"{value:.12g}")


def share(percent: float) -> int | float:
    """A share computed from a fraction, in percent to three significant digits, as a reader
    writes it: a third is 33.3, two thirds 66.7, one 15th 6.67, a quarter 25."""
    return tidy(float(f"{percent:.3g}"))


def hedge_match(preceding: str) -> tuple[str, str]:
    """(approx value, hedge phrase) for the words just before a number."""
    low = " ".join(preceding.lower().split())
    for phrase, approx in HEDGES:
        if low.endswith(phrase) and (len(low) == len(phrase) or low[-len(phrase) - 1] == " "):
            return approx, phrase
    return "exact", ""

