"""Quantities: a figure's value as an interval, in a unit that converts; scale words; approx words.

* `value_interval(...)` turns a value and its `approx` into an `Interval`, with the widths of the
  spec's interval table (`Widths`; the rules make them configurable as `Tolerances`).
* `parse_unit(text)` reads a free-text unit: scale words multiply ("thousand", "million", "bn"),
  measurement units map onto a dimension and a factor to its base unit (km and miles are both
  metres), currencies are dimensions of their own (converted only into themselves), and
  anything else made of plain words ("people", "fighter jets") is a count noun: a label that
  does not keep figures apart.
* `Quantity.of(figure, tolerances)` puts it together for a figure.

A small explicit table, not pint: news units are few, "bn"/"sq km"/"$" are not pint's, and the
checker starts fast.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

INF = math.inf


@dataclass(frozen=True, slots=True)
class Widths:
    """The widths of the spec's interval table, as fractions of the value."""

    exact: float = 0.005  # exact figures: v ± this (rounding, unit conversion)
    exact_round: float = 0.05  # exact round numbers (see round_zeros): v ± this
    round_zeros: int = 3  # trailing zeros that make a number round (5,000; 100,000)
    about: float = 0.10  # about/around/some: v ± this
    about_round: float = 0.15  # about + a round number (round numbers are looser)
    almost: float = 0.10  # almost/nearly: [v - this·v, v]


DEFAULT_WIDTHS = Widths()

# `approx` values (the spec) and the words that say them: the canonical word, then synonyms.
APPROX_WORDS: dict[str, tuple[str, ...]] = {
    "exact": ("exactly",),
    "about": ("about", "around", "some", "roughly", "approximately", "circa", "an estimated", "estimated"),
    "almost": ("almost", "nearly", "close to", "just under"),
    "at-least": ("at least", "no fewer than", "no less than"),
    "more-than": ("more than", "over", "greater than", "upwards of", "in excess of", "above"),
    "at-most": ("at most", "no more than"),
    "less-than": ("less than", "fewer than", "under", "below"),
    "up-to": ("up to", "as many as", "as much as"),
}
# A word written in `approx:` that is a synonym of a canonical value ("around" -> "about").
APPROX_SYNONYMS: dict[str, str] = {
    word.replace(" ", "-"): approx for approx, words in APPROX_WORDS.items() for word in words if word.replace(" ", "-") != approx
}

# Interval --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Interval:
    """A real interval; an open end excludes its bound (`more than 13,000` is (13000, +inf))."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def below(self, other: Interval) -> bool:
        """Every value of self is smaller than every value of other."""
        return self.upper_key < other.lower_key

    def overlaps(self, other: Interval) -> bool:
        return not self.below(other) and not other.below(self)

    def scaled(self, factor: float) -> Interval:
        return Interval(self.low * factor, self.high * factor, self.low_open, self.high_open)

    # Bounds as sortable keys: `a.upper_key < b.lower_key` exactly when a lies wholly below b,
    # open ends included (a closed 5 touches a closed 5; an open 5 does not).
    @property
    def lower_key(self) -> tuple[float, int]:
        return (self.low, 1 if self.low_open else 0)

    @property
    def upper_key(self) -> tuple[float, int]:
        return (self.high, -1 if self.high_open else 0)


def is_round(value: float, zeros: int) -> bool:
    """5,000 and 1.5 million are round (three trailing zeros or more, by default); 1,351 is not."""
    nearest = round(value)
    if nearest == 0 or abs(value - nearest) > 1e-9 * max(1.0, abs(value)):
        return False
    return abs(nearest) % (10**zeros) == 0


def _band(value: float, approx: str, scale: float, tol: Widths) -> Interval:
    """The interval of one written number under its hedge (in the figure's own unit)."""
    size = abs(value)
    round_number = is_round(value * scale, tol.round_zeros)
    floor = 0.0 if value > 0 else -INF  # "less than 30 miles" starts at 0
    if approx == "about":
        width = (tol.about_round if round_number else tol.about) * size
        return Interval(value - width, value + width)
    if approx == "almost":
        return Interval(value - tol.almost * size, value)
    if approx == "more-than":
        return Interval(value, INF, low_open=True)
    if approx == "at-least":
        return Interval(value, INF)
    if approx == "less-than":
        return Interval(floor, value, high_open=True)
    if approx in ("at-most", "up-to"):
        return Interval(floor, value)
    width = (tol.exact_round if round_number else tol.exact) * size
    return Interval(value - width, value + width)


def value_interval(value, approx: str, tol: Widths = None, scale: float = 1.0) -> Interval:
    """A value (number or [low, high]) and its approx as an interval, in the figure's own unit.

    A range keeps its ends exact (the spec's `[low, high]`); a hedge on a range moves the end it
    speaks about ("about 100-200" widens both, "more than 100-200" keeps only the lower end).
    A range written high to low is read low to high here (`arithmetic` reports it).
    """
    tol = tol or DEFAULT_WIDTHS
    if not isinstance(value, (tuple, list)):
        return _band(float(value), approx, scale, tol)
    low, high = sorted(float(v) for v in value)
    if approx == "exact":
        return Interval(low, high)
    lower, upper = _band(low, approx, scale, tol), _band(high, approx, scale, tol)
    return Interval(lower.low, upper.high, lower.low_open, upper.high_open)


# Units -----------------------------------------------------------------------------------------

# Scale words multiply the value: "13 thousand people" is 13,000 people.
SCALES = {
    "hundred": 1e2, "hundreds": 1e2,
    "thousand": 1e3, "thousands": 1e3, "k": 1e3,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,  # South Asian scale words
    "million": 1e6, "millions": 1e6, "mn": 1e6, "mln": 1e6, "mio": 1e6,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "bln": 1e9,
    "trillion": 1e12, "trillions": 1e12, "tn": 1e12, "trn": 1e12,
}  # fmt: skip
# Letters that are scale words only glued to a number or after a currency ("$5m", "2.5b"):
# alone, "m" is metres. The extractor reads them after numbers; `parse_unit` after a currency.
SCALE_LETTERS = {"m": 1e6, "b": 1e9}

# Currency symbols, written before or glued to the unit ("$", "US$", "$bn").
CURRENCY_SYMBOLS = {"us$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "₽": "RUB", "₴": "UAH", "¥": "JPY",
                    "₹": "INR", "₩": "KRW", "₺": "TRY", "₦": "NGN",
                    # dollars of other countries, as wire copy writes them ("C$28m", "HK$2bn")
                    "c$": "CAD", "ca$": "CAD", "a$": "AUD", "au$": "AUD", "nz$": "NZD", "hk$": "HKD",
                    "s$": "SGD", "r$": "BRL"}
# A symbol of letters and "$" ("US$", "C$", "HK$"), as the tokenizer splits it off the digits.
LETTERED_SYMBOL = "(?:" + "|".join(re.escape(s[:-1]) for s in CURRENCY_SYMBOLS if len(s) > 1) + r")\$"


def _units() -> dict[str, tuple[str, float]]:
    """unit name -> (dimension, factor to the dimension's base unit)."""
    table: dict[str, tuple[str, float]] = {}

    def add(dimension: str, factor: float, *names: str) -> None:
        for name in names:
            table[name] = (dimension, factor)

    add("length", 1.0, "m", "metre", "meter", "metres", "meters")
    add("length", 1e-3, "mm", "millimetre", "millimeter")
    add("length", 1e-2, "cm", "centimetre", "centimeter")
    add("length", 1e3, "km", "kms", "kilometre", "kilometer", "kilometres", "kilometers")
    add("length", 1609.344, "mi", "mile", "miles")
    add("length", 1852.0, "nmi", "nautical mile", "nautical miles")
    add("length", 0.3048, "ft", "foot", "feet")
    add("length", 0.9144, "yd", "yard", "yards")
    add("length", 0.0254, "inch", "inches")
    add("area", 1.0, "m2", "sq m", "square metre", "square meter", "square metres", "square meters")
    add("area", 1e6, "km2", "sq km", "square kilometre", "square kilometer", "square kilometres", "square kilometers")
    add("area", 2589988.110336, "mi2", "sq mi", "square mile", "square miles")
    add("area", 0.09290304, "sq ft", "square foot", "square feet", "ft2")
    add("area", 1e4, "ha", "hectare", "hectares")
    add("area", 4046.8564224, "acre", "acres")
    add("mass", 1.0, "kg", "kilogram", "kilogramme", "kilograms", "kilogrammes")
    add("mass", 1e-3, "g", "gram", "gramme", "grams", "grammes")
    add("mass", 1e3, "t", "tonne", "tonnes", "metric ton", "metric tons", "metric tonne", "metric tonnes")
    add("mass", 0.45359237, "lb", "lbs")
    add("volume", 1.0, "m3", "cubic metre", "cubic meter", "cubic metres", "cubic meters")
    add("volume", 1e-3, "l", "litre", "liter", "litres", "liters")
    add("volume", 1e9, "bcm")
    add("volume", 0.158987294928, "bbl", "barrel", "barrels")
    add("speed", 1 / 3.6, "km/h", "kph", "kmh", "kilometres per hour", "kilometers per hour")
    add("speed", 0.44704, "mph", "miles per hour")
    add("speed", 1.0, "m/s")
    add("speed", 1852 / 3600, "knot", "knots", "kn")
    add("power", 1.0, "w", "watt", "watts")
    add("power", 1e3, "kw", "kilowatt", "kilowatts")
    add("power", 1e6, "mw", "megawatt", "megawatts")
    add("power", 1e9, "gw", "gigawatt", "gigawatts")
    add("energy", 1.0, "wh")
    add("energy", 1e3, "kwh")
    add("energy", 1e6, "mwh")
    add("energy", 1e9, "gwh")
    add("energy", 1e12, "twh")
    day = 86400.0
    add("duration", 1.0, "s", "sec", "second", "seconds")
    add("duration", 60.0, "min", "minute", "minutes")
    add("duration", 3600.0, "h", "hr", "hrs", "hour", "hours")
    add("duration", day, "day", "days")
    add("duration", 7 * day, "week", "weeks")
    add("duration", 365.25 * day / 12, "month", "months")
    add("duration", 365.25 * day, "year", "years", "yr", "yrs")
    add("duration", 3652.5 * day, "decade", "decades")
    add("percent", 1.0, "%", "percent", "per cent", "pct", "percentage")
    add("percentage point", 1.0, "percentage point", "percentage points", "pp")
    add("USD", 1.0, "usd", "dollar", "dollars", "us dollar", "us dollars", "u.s. dollars")
    add("EUR", 1.0, "eur", "euro", "euros")
    add("GBP", 1.0, "gbp", "pound sterling", "pounds sterling", "sterling", "british pounds")
    add("RUB", 1.0, "rub", "ruble", "rubles", "rouble", "roubles")
    add("UAH", 1.0, "uah", "hryvnia", "hryvnias", "hryvnyas")
    add("JPY", 1.0, "jpy", "yen")
    add("CNY", 1.0, "cny", "yuan", "renminbi", "rmb")
    add("CHF", 1.0, "chf", "swiss franc", "swiss francs")
    # Currencies whose bare name is ambiguous ("dollars", "pesos", "kroner", "rupees") by the
    # country's name: "40 Canadian dollars" is CAD, never USD.
    add("CAD", 1.0, "cad", "canadian dollar", "canadian dollars")
    add("AUD", 1.0, "aud", "australian dollar", "australian dollars")
    add("NZD", 1.0, "nzd", "new zealand dollar", "new zealand dollars")
    add("HKD", 1.0, "hkd", "hong kong dollar", "hong kong dollars")
    add("SGD", 1.0, "sgd", "singapore dollar", "singapore dollars")
    add("BRL", 1.0, "brl", "reais", "brazilian real", "brazilian reais")
    add("INR", 1.0, "inr", "indian rupee", "indian rupees")
    add("PKR", 1.0, "pkr", "pakistani rupee", "pakistani rupees")
    add("PHP", 1.0, "php", "philippine peso", "philippine pesos")
    add("MXN", 1.0, "mxn", "mexican peso", "mexican pesos")
    add("NOK", 1.0, "nok", "norwegian krone", "norwegian kroner", "norwegian crown", "norwegian crowns")
    add("DKK", 1.0, "dkk", "danish krone", "danish kroner", "danish crown", "danish crowns")
    add("SEK", 1.0, "sek", "swedish krona", "swedish kronor", "swedish crown", "swedish crowns")
    add("KRW", 1.0, "krw", "south korean won")
    add("TRY", 1.0, "lira", "liras", "turkish lira")
    add("NGN", 1.0, "ngn", "naira")
    add("ZAR", 1.0, "zar", "rand", "south african rand")
    add("PLN", 1.0, "pln", "zloty", "zlotys", "zlotych")
    # Names that look like count nouns but are measurements whose conversion is unsafe:
    # "pounds" (money or weight), "tons" (short or metric), degrees (which scale?).
    add("pounds", 1.0, "pound", "pounds")
    add("tons", 1.0, "ton", "tons")
    add("gallons", 1.0, "gallon", "gallons")
    add("degrees", 1.0, "degree", "degrees", "°")
    add("degrees Celsius", 1.0, "°c", "degree celsius", "degrees celsius", "celsius", "c")
    add("degrees Fahrenheit", 1.0, "°f", "degree fahrenheit", "degrees fahrenheit", "fahrenheit", "f")
    add("points", 1.0, "point", "points")
    return table


UNITS = _units()
_SYMBOL_CHARS = "".join(s for s in CURRENCY_SYMBOLS if len(s) == 1)
_TOKEN = re.compile(rf"\b{LETTERED_SYMBOL}|[{_SYMBOL_CHARS}]|[^\s{_SYMBOL_CHARS}]+", re.IGNORECASE)
_WORD = re.compile(r"^[^\W\d_][^\W\d_'\-]*$")  # letters (and ' or -), no digits or symbols


@dataclass(frozen=True, slots=True)
class Unit:
    """A parsed unit: the dimension figures must share to be compared, and the factor to it."""

    dimension: str  # "count" for count nouns and no unit; "length", "USD", ...
    factor: float  # multiply a value in this unit to get the dimension's base unit
    scale: float  # the scale words alone ("million" = 1e6): decides whether a number is round


COUNT = "count"


@lru_cache(maxsize=4096)
def parse_unit(text: str | None) -> Unit:
    """Read a free-text unit. Unknown units made of symbols (MW-like) are their own dimension."""
    if not text or not text.strip():
        return Unit(COUNT, 1.0, 1.0)
    tokens = [t.strip("()[]{},;:") for t in _TOKEN.findall(text.strip().replace("²", "2").replace("³", "3"))]
    currency, scale, words = None, 1.0, []
    for token in filter(None, tokens):
        lowered = token.lower()
        if lowered in CURRENCY_SYMBOLS:
            currency = CURRENCY_SYMBOLS[lowered]
        elif lowered in SCALES or (lowered == "m" and currency):  # "$5m": million, not metres
            scale *= SCALES.get(lowered, SCALE_LETTERS["m"])
        elif lowered == "of" and (not words or scale != 1.0):
            continue  # "millions of dollars"
        else:
            words.append(token)
    dimension, factor = _dimension(words, currency)
    return Unit(dimension, factor * scale, scale)


def _dimension(words: list[str], currency: str | None) -> tuple[str, float]:
    if currency:
        return currency, 1.0  # "$" beats the words after it ("$ aid")
    if not words:
        return COUNT, 1.0
    phrase = " ".join(w.lower() for w in words)
    for candidate in (phrase, phrase.split(" of ", 1)[0]):  # "percent of respondents"
        if candidate in UNITS:
            return UNITS[candidate]
    first = words[0].lower()
    if first in UNITS and len(first) > 1 and len(words) > 1:
        return UNITS[first]  # "km long", "tonnes grain"
    if all(_WORD.match(w) for w in words) and any(len(w) >= 3 and not w.isupper() for w in words):
        return COUNT, 1.0  # people, deaths, Russian soldiers, fighter jets: labels, not units
    return f"unit:{phrase}", 1.0  # a symbol we do not know (MW-like): compare only with itself


# A figure as a quantity -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure's value as an interval in its dimension's base unit."""

    dimension: str
    interval: Interval

    @classmethod
    def of(cls, figure, tol: Widths = None) -> Quantity:
        unit = parse_unit(figure.unit)
        interval = value_interval(figure.value, figure.approx, tol, unit.scale)
        return cls(unit.dimension, interval.scaled(unit.factor))


