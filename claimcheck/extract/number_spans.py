"""Number expressions in a parse: which tokens are numbers, their runs, values and ranges.

A number expression is a maximal run of digit tokens, number words and scale
words ("1,254", "Fifty-nine", "40 million", "$300 million", "2.5bn"), with a
currency symbol before it. Two expressions form one range when a single
range word joins them ("between 310 and 3,417 miles", "310 miles to 3,417
miles", "from 5 to 10 percent", "two or three days"), unless the words say
otherwise: a change ("rose from 5 to 10 percent"), a tally ("voted 52 to
48"), two units, or a part of a whole after it ("5 to 10 of the 20 jets").
"""
from __future__ import annotations

import re

from claimcheck import quantities

from .lexicon import CHANGE_VERBS
from .numbers import ABOUT_WORDS, CURRENCIES, GLUED_SCALE, MULTIWORD_CURRENCIES, SCALES, SYMBOL, measure_unit, parse_number

# Scale words written apart from the number that are letters ("$5 m", "£3 b", "10 k"): scale
# words only after a currency; alone, "100 m" is 100 metres (the checker reads them the same way).
_LETTER_SCALES = {word for word in SCALES if len(word) == 1}

NUMBER_WORDS = {"zero", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
              "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
              "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
              "eighty", "ninety", "hundred", "thousand", "million", "billion", "trillion", "one",
              "dozen"}
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$|^(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)$", re.IGNORECASE)
_HYPHENATED = re.compile(r"^(\d[\d,.]*)-([a-z]+)", re.IGNORECASE)
_DASHED = re.compile(rf"^{SYMBOL}?(\d[\d,.]*)\s*[-–]\s*{SYMBOL}?(\d[\d,.]*)$")      # "20–30", "5-10"


_TENS_STEMS = ("twen", "thir", "for", "fif", "six", "seven", "eigh", "nine")
_SYMBOL_CHARS = frozenset(symbol for symbol in quantities.CURRENCY_SYMBOLS if len(symbol) == 1)


def is_number_token(tok) -> bool:
    text = tok.text
    first = text[:1]
    if first.isdigit() or first in _SYMBOL_CHARS:
        if _HYPHENATED.match(text) or _DASHED.match(text):
            return True                  # "15-year", "40-mile-long", "20–30"
        if _ORDINAL.match(text):
            return False
        return bool(re.match(rf"^{SYMBOL}?\d[\d,.]*({GLUED_SCALE})?$", text, re.IGNORECASE))
    if not first.isalpha():
        return False
    parts = [p for p in tok.lower_.split("-") if p]
    if not parts or not all(p in NUMBER_WORDS or (p.endswith("ty") and p[:-2] in _TENS_STEMS) for p in parts):
        return False
    return tok.ent_type_ != "ORDINAL"


def number_expressions(doc):
    """Maximal number expressions as token index ranges [i, j)."""
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        if not is_number_token(tok):
            i += 1
            continue
        j = i + 1
        money = (i > 0 and doc[i - 1].text in CURRENCIES) or tok.text[:1] in quantities.CURRENCY_SYMBOLS
        while j < n and (is_number_token(doc[j]) or _scale_word(doc[j], money or _counts_after(doc, j)) or (doc[j].lower_ == "and" and j + 1 < n and doc[j + 1].lower_ in NUMBER_WORDS and doc[j - 1].lower_ == "hundred")
                         or (doc[j].text in ("-", "–") and j + 1 < n and is_number_token(doc[j + 1]))
                         or _glued_scale(doc, j, money)):
            j += 1
        start = i - 1 if i > 0 and doc[i - 1].text in CURRENCIES else i
        yield start, j
        i = j


def _counts_after(doc, j: int) -> bool:
    """'1.5m acres', '2m people': a letter glued to the number before a plural count noun is a
    scale word, not metres ('the 100m sprint', '5m tall' stay lengths)."""
    return (0 < j < len(doc) - 1 and not doc[j - 1].whitespace_ and doc[j].lower_ in _LETTER_SCALES
            and doc[j + 1].tag_ in ("NNS", "NNPS") and doc[j + 1].lower_ not in _RACES)   # ("1.5m acres": two units cannot stack)


_RACES = {"hurdles", "relay", "relays", "freestyle", "backstroke", "breaststroke", "medley", "butterfly", "steeplechase"}


def _glued_scale(doc, j: int, money: bool) -> bool:
    """'1.2-billion-franc', '$5-million': a hyphen joining the number to its scale word."""
    hyphen = doc[j]
    return (hyphen.text == "-" and not hyphen.whitespace_ and not doc[j - 1].whitespace_ and j + 1 < len(doc)
            and doc[j + 1].lower_ in SCALES and len(doc[j + 1].lower_) > 1 and _scale_word(doc[j + 1], money))


def _scale_word(tok, money: bool) -> bool:
    low = tok.lower_[:-1] if tok.lower_.endswith(".") and len(tok.lower_) > 1 else tok.lower_   # "$400m." ends a sentence
    return low in SCALES and (money or low not in _LETTER_SCALES)


def expression_value(span):
    bare = re.sub(rf"^{SYMBOL}\s*", "", span.text)
    hyph = _HYPHENATED.match(bare)
    if hyph:
        value = parse_number(hyph.group(1))
        scale = SCALES.get(hyph.group(2).lower()) if bare.lower().endswith(hyph.group(2).lower()) else None
        return value * scale if value is not None and scale else value     # "1.2-billion": 1.2e9
    return parse_number(span.text.replace("-", " ") if not any(c.isdigit() for c in span.text) else span.text)


def dashed_range(span):
    """'5-10', '20–30', '$5-10 million' written as one expression -> (low, high)."""
    text = span.text
    scale = 1.0
    words = text.split()
    while words and words[-1].lower() in SCALES:
        scale *= SCALES[words.pop().lower()]
    m = _DASHED.match(" ".join(words).replace(" - ", "-").replace(" – ", "–"))
    if not m:
        return None
    low, high = parse_number(m.group(1)), parse_number(m.group(2))
    if low is None or high is None or low >= high:
        return None                      # "3-1": a score, not a range
    return low * scale, high * scale


_RANGE_WORDS = {"to", "and", "or", "-", "–", "through"}

def forms_range(doc, first, second) -> bool:
    """Do two number expressions form one range ('between 310 and 3,417 miles',
    '310 miles to 3,417 miles', 'from 5 to 10 percent', 'two or three days')?"""
    if first.sent.start != second.sent.start or second.start <= first.end:
        return False
    gap = [t for t in doc[first.end:second.start]]
    unit1 = measure_unit(gap[0].text) if gap else None
    if unit1 is not None:
        gap = gap[1:]
    if len(gap) != 1 or gap[0].lower_ not in _RANGE_WORDS:
        return False
    word = gap[0].lower_
    k = first.start - 1
    while k >= first.sent.start and (doc[k].text in CURRENCIES or doc[k].lower_ in ABOUT_WORDS):
        k -= 1
    before = doc[k].lower_ if k >= first.sent.start else ""
    if word == "and" and before != "between":
        return False                     # "5 and 10" alone is two numbers
    if word == "to" and before == "from" and doc[k].head.lemma_.lower() in CHANGE_VERBS:
        return False                     # "rose from 5 to 10 percent": a change, two values
    unit2 = unit_after(second)
    if unit1 is not None and unit2 is not None and unit2 != unit1:
        return False
    if unit1 == "percent" and unit2 != "percent":
        return False                     # "slipped 0.8 percent to 7,412 (points)": a change, then the level
    money1, money2 = _currency_of(doc, first), _currency_of(doc, second)
    ends = (unit1 or money1, unit2 or money2)
    if (money1 or money2) and None not in ends and ends[0] != ends[1]:
        return False                     # "gained 2.9% to $118.40": a change and a price, no range
    nxt = doc[second.end] if second.end < len(doc) else None
    if nxt is not None and nxt.lower_ == "of" and second[-1].lower_ not in SCALES:
        return False                     # "5 to 10 of the 20 jets": leave part-of-whole alone
    low, high = expression_value(first), expression_value(second)
    if low is None or high is None:
        return False
    if not any(t.lower_ in SCALES for t in first):
        low *= scale_of(second)
    return low < high                    # "voted 52 to 48", "won 3-1": a tally, not a range


def _currency_of(doc, span) -> str | None:
    """The currency symbol or code written with the number ("$118.40", "US$5", "5 euros" is no
    symbol), else None."""
    for tok in (doc[span.start - 1] if span.start > 0 else None, span[0]):
        if tok is not None and tok.text in CURRENCIES:
            return tok.text
    return None


def scale_of(span) -> float:
    scale = 1.0
    for t in span:
        if t.lower_ in SCALES:
            scale *= SCALES[t.lower_]
    return scale


def unit_after(span):
    """The measurement unit or currency written after a number ("40 km", "15-year", "5 million
    euros"), or None."""
    return unit_after_tokens(span)[0]


def unit_after_tokens(span):
    """(unit, end token index) of the unit written after the number expression `span`:
    "40 km", "10 square miles", "3 percentage points", "15-year", "5 million euros"; (None, end)."""
    doc = span.doc
    hyph = _HYPHENATED.match(span[-1].text)
    if hyph and measure_unit(hyph.group(2)):
        return measure_unit(hyph.group(2)), span.end
    k = span.end
    while k < len(doc) and doc[k].text == "-":
        k += 1
    for width in (3, 2, 1):                     # the longest unit name first: "miles per hour"
        if k + width > len(doc):
            continue
        words = doc[k:k + width]
        if width > 1 and not all(t.is_alpha for t in words):
            continue
        name = " ".join(t.lower_ for t in words)
        unit = measure_unit(name)
        if unit is not None:
            return unit, k + width
        if width > 1 and name in MULTIWORD_CURRENCIES:
            return MULTIWORD_CURRENCIES[name], k + width     # "1.2 million Swiss francs": CHF
    if k < len(doc):
        low = doc[k].lower_
        if low in CURRENCIES and doc[k].text not in ("$",):
            return CURRENCIES[low], k + 1
    return None, span.end
