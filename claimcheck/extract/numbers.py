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
FRACTIONS = {"half": 50.0, "third": 100 / 3, "quarter": 25.0, "fifth": 20.0,
             "thirds": 200 / 3, "quarters": 75.0}
# Hedge words before a number -> the spec's approx values: the checker's table
# (quantities.APPROX_WORDS), longest phrase first ("no more than" is not "more than").
HEDGES = sorted(((phrase, approx) for approx, phrases in quantities.APPROX_WORDS.items() if approx != "exact"
                 for phrase in phrases), key=lambda hedge: -len(hedge[0]))
# The one-word hedges of "about" ("from about 5 to 10").
ABOUT_WORDS = frozenset(word for word in quantities.APPROX_WORDS["about"] if " " not in word)


def is_currency_code(unit: str | None) -> bool:
    """USD, EUR, GBP: the checker's currencies are its three-letter upper-case dimensions."""
    return bool(unit) and unit.isupper() and len(unit) == 3


# Currencies: the checker's symbols and the one-word names of its currency units ("euros",
# "yuan"), and "pounds": in news copy a sum in pounds is sterling (the checker, reading any
# claim file, leaves "pounds" ambiguous between money and weight).
CURRENCIES = {
    **quantities.CURRENCY_SYMBOLS,
    **{name: dimension for name, (dimension, _) in quantities.UNITS.items() if is_currency_code(dimension) and " " not in name},
    "pounds": "GBP",
}
# A currency symbol written before the digits ("$5", "£10m").
SYMBOL = "[" + "".join(re.escape(symbol) for symbol in quantities.CURRENCY_SYMBOLS if len(symbol) == 1) + "]"

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
    if not parts:
        return None
    scale = 1.0
    while parts and parts[-1].lower().rstrip(".") in SCALES:
        scale *= SCALES[parts.pop().lower().rstrip(".")]
    if not parts:
        return None
    joined = " ".join(parts)
    glued = re.match(rf"^({SYMBOL}?[\d,.]+)({GLUED_SCALE})$", joined, re.IGNORECASE)  # "2.5bn"
    if glued:
        joined, scale = glued.group(1), scale * SCALES[glued.group(2).lower()]
    value = parse_digits(joined)
    if value is None:
        value = parse_words(joined)
    return None if value is None else value * scale


def tidy(value: float) -> int | float:
    """Integers print as integers; fractions keep one decimal place."""
    if abs(value - round(value)) < 1e-9:
        return round(value)
    return round(value, 1)


def hedge_match(preceding: str) -> tuple[str, str]:
    """(approx value, hedge phrase) for the words just before a number."""
    low = " ".join(preceding.lower().split())
    for phrase, approx in HEDGES:
        if low.endswith(phrase) and (len(low) == len(phrase) or low[-len(phrase) - 1] == " "):
            return approx, phrase
    return "exact", ""


def hedge_of(preceding: str) -> str:
    return hedge_match(preceding)[0]
