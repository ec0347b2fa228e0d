"""Numbers that are not figures.

Not figures: cells of tables pasted as text (between tabs), years and dates (the date finder owns them; a day next to a
month name in any case, as the date headings of factboxes write it: "DEC.
14"), ordinals and ranks ("the No. 2 Republican"), numbers that are part of
a name ("Minsk 2", "Article 5", "Dnipro 1 and 2"), the word "one" used as a
determiner, clock times, the period a figure covers ("in the three months
to 31 December", "over the past five years": it dates the figure, see
`figure_fields.period_as_of`), numbers in verbless lines (captions, page
furniture), and small spelled-out numbers
that quantify nothing a reader could check: an idiom or a number standing
alone ("it takes two to tango"), a definite reference ("the two parties",
"those three men") or a generic referent ("two sides", "two ways") --
unless what is counted matters (killed, injured, troops, prisoners, ...).
"""
from __future__ import annotations

import math
import re

from .doc_index import ent_at
from .figure_fields import governing_verb
from .lexicon import COUNT_NOUNS, GENERIC_COUNT_NOUNS, RATING_SCALES, SPEECH_VERBS, TOLL_WORDS
from .number_spans import NUMBER_WORDS, unit_after

_NAMED_THINGS = {"EVENT", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "LAW"}
_AMPERSAND_NAME = re.compile(r"^[A-Z][A-Za-z]*&[A-Za-z]+$")      # "S&P 500", "M&S"
_YEAR = re.compile(r"^(1[0-9]{3}|20[0-9]{2})$")
_MONTH_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                "sept", "oct", "nov", "dec"}
_RANK_WORDS = {"no", "no.", "nos", "nos.", "#", "number"}
PERIOD_WORDS = {"past", "last", "previous", "first", "final", "next", "coming", "latest", "preceding", "opening"}
_TIME_UNITS = {"day", "days", "week", "weeks", "month", "months", "year", "years", "quarter", "quarters",
               "decade", "decades", "hour", "hours"}


def _opens_body(tok) -> bool:
    """Is the word the first of the text after a dateline ("LIMA (Reuters) - About 34 million"),
    capitalised as a sentence's first word is, not as a name is?"""
    doc = tok.doc
    return tok.i > 0 and (doc[tok.i - 1].text in ("-", "–", "—", ")") or doc[tok.i - 1].is_space)


def _counts_people(span) -> bool:
    """'2031 people had been killed': a number the NER took for a year, counting what is counted."""
    last = span[-1]
    return len(span) == 1 and last.dep_ == "nummod" and last.head.tag_ == "NNS" and last.head.lower_ in COUNT_NOUNS


# A range the recogniser calls a date: "Between 40 and 50 (people)", "3 to 5 (percent)".
_RANGE_ENTITY = re.compile(r"^(?:between|from)?\s*[\d.,]+\s+(?:and|to|or)\s+[\d.,]+(?:\s+(?:percent|per cent|%))?$", re.IGNORECASE)


def _a_date(tok) -> bool:
    """Is the date or time entity around `tok` one (not a range of a count the recogniser calls a
    date: "Between 40 and 50 people")? A time is always one ("0200 GMT")."""
    ent = ent_at(tok.doc, tok.i)
    if ent is None or ent.label_ != "DATE":
        return True
    return not _RANGE_ENTITY.match(ent.text.strip())


def is_not_a_figure(ctx, span) -> bool:
    """The number expression `span` is no figure (see the module's list)."""
    doc = span.doc
    first = span[0]
    if (is_day_of_month(span) or is_rank(span) or is_period(span) or is_scope(span) or is_category_bound(span)
            or is_age_group(span) or is_rating(span)):
        return True
    if first.ent_type_ in ("DATE", "TIME") and not _duration_unit(span) and not _counts_people(span) and _a_date(first):
        return True
    if _YEAR.match(first.text) and len(span) == 1 and not (first.dep_ == "nummod" and first.head.tag_ in ("NNS", "NNPS")
                                                            and first.head.ent_type_ not in _NAMED_THINGS):
        return True          # "2042 Germans" is a count; "the 2020 Tokyo Olympics" a name
    if span.text.lower() in ("one", "a", "an") and not unit_after(span):
        return True          # "one survivor", "one of its most dire hours"
    prev = doc[span.start - 1] if span.start > 0 else None
    if (prev is not None and (prev.is_alpha or _AMPERSAND_NAME.match(prev.text)) and prev.text[:1].isupper()
            and ((prev.i > first.sent.start and not _opens_body(prev))
                 or (prev.pos_ == "PROPN" and prev.ent_type_ not in ("", "DATE", "CARDINAL")))
            and first.text.isdigit() and len(first.text) <= 3 and prev.lower_ not in NUMBER_WORDS):
        return True          # "Minsk 2", "Article 5", "Nord Stream 2", "the S&P 500"
    if (prev is not None and prev.is_alpha and prev.text[:1].isupper() and len(span) == 1 and first.text.isdigit()
            and first.head.i == prev.i and first.dep_ in ("nummod", "appos", "compound", "npadvmod")
            and prev.lower_ not in NUMBER_WORDS):
        return True          # "Flight 370 vanished", "Shrek 2 and ...": a number the name before it takes
    if prev is not None and prev.lower_ in ("and", "or") and span.start > 1 and first.text.isdigit():
        before = doc[span.start - 2]
        if before.text.isdigit() and before.i > 0 and doc[before.i - 1].pos_ == "PROPN":
            return True      # "Dnipro 1 and 2"
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.text in ("-",) and span.end + 1 < len(doc) and doc[span.end + 1].lower_ in ("year-old", "old"):
        return False
    if (nxt is not None and not span[-1].whitespace_ and nxt.is_alpha and nxt.is_upper and len(nxt.text) <= 2
            and nxt.lower_ not in ("m", "bn", "k", "b")):
        return True          # "3G", "4K", "5G": a name, not a count
    sent = first.sent
    if not any(t.pos_ in ("VERB", "AUX") for t in sent):
        return True          # captions, page furniture
    if is_table_cell(span):
        return True          # a cell of a table pasted as text: no sentence says what it counts
    return nxt is not None and nxt.lower_ in ("a.m.", "p.m.", "am", "pm", "o'clock")     # a clock time


def is_rating(span) -> bool:
    """'a magnitude 8.0 quake', 'a 7.8-magnitude earthquake', 'a Category 4 hurricane', 'a
    level 3 alert': a place on a scale, which rates the thing it names rather than counting it."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = [t for t in doc[span.end:span.end + 2] if t.text != "-"][:1]
    return (before is not None and before.lower_ in RATING_SCALES) or bool(after and after[0].lower_ in RATING_SCALES)


def is_table_cell(span) -> bool:
    """'Economic\t\t172,500\t\t0.5': a number between tabs is a cell of a table, whose row and
    column headings the text does not tie to it."""
    text = span.doc.text
    start, end = span.start_char, span.end_char
    return "\t" in text[max(0, start - 2):start] or "\t" in text[end:end + 2]


def is_day_of_month(span) -> bool:
    """'DEC. 14', 'Dec 14', '14 December': a day of a month (in any case: factbox headings are
    written in capitals), not a count."""
    doc = span.doc
    if len(span) != 1 or not span[0].text.isdigit() or not 1 <= int(span[0].text) <= 31:
        return False
    k = span.start - 1
    if k >= 0 and doc[k].text == ".":
        k -= 1
    before = doc[k].lower_.rstrip(".") if k >= 0 else ""
    after = doc[span.end].lower_.rstrip(".") if span.end < len(doc) else ""
    return before in _MONTH_WORDS or (after in _MONTH_WORDS and span.end + 1 < len(doc) and doc[span.end + 1].lower_ not in ("percent", "%"))


def is_rank(span) -> bool:
    """'the No. 2 Republican', 'number two': a rank, not a count."""
    doc = span.doc
    k = span.start - 1
    if k < 0:
        return False
    prev = doc[k].lower_
    if prev == "." and k >= 1 and doc[k - 1].lower_ == "no":
        return True
    if prev in ("no", "no.", "nos.", "#"):
        return doc[k].text[:1] in ("N", "#")
    return prev == "number" and k >= 1 and doc[k - 1].lower_ in ("the", "a") and span.end < len(doc) and doc[span.end].pos_ in ("PROPN", "NOUN", "ADJ")


def is_period(span) -> bool:
    """A time span that is the period a figure covers, not a figure: "in the three months to 31
    December", "the 12 months ending in March", "over the past five years", "the first nine
    months of 2017"."""
    doc = span.doc
    end = span.end
    if end >= len(doc) or doc[end].lower_ not in _TIME_UNITS:
        return False
    k = span.start - 1
    while k >= span.sent.start and doc[k].lower_ in PERIOD_WORDS:
        k -= 1
    has_period_word = k < span.start - 1
    definite = k >= span.sent.start and doc[k].lower_ in ("the", "these", "those")
    nxt = doc[end + 1].lower_ if end + 1 < len(doc) else ""
    bounded = nxt in ("to", "ending", "ended", "through", "until", "till", "since") or (nxt == "of" and end + 2 < len(doc) and (doc[end + 2].ent_type_ == "DATE" or doc[end + 2].lower_ in ("the", "this", "last")))
    return definite and (has_period_word or bounded)


def is_age_group(span) -> bool:
    """'18 to 24 year olds', '18-24-year-olds', 'the over-55s': a group by age, not a figure."""
    doc = span.doc
    k = span.end
    while k < len(doc) and k < span.end + 3 and (doc[k].text in ("-", "to") or doc[k].like_num):
        k += 1
    words = [t.lower_ for t in doc[k:k + 4] if t.text != "-"]
    if words[:2] in (["year", "olds"], ["years", "olds"]) or words[:1] == ["year-olds"]:
        return True
    return bool(re.match(r"^(?:over|under)-\d+s$", span.text.lower()))


def is_scope(span) -> bool:
    """The time that scopes a superlative or a first is no figure: "the least popular for 20
    years", "the highest audience in four years", "the first time in a decade" (a rank)."""
    doc = span.doc
    if _record_of_a_period(span):
        return True
    if span.end >= len(doc) or doc[span.end].lower_ not in _TIME_UNITS:
        return False
    k = span.start - 1
    if k < span.sent.start or doc[k].lower_ not in ("for", "in", "since"):
        return False
    before = doc[span.sent.start:k]
    return any(t.tag_ in ("JJS", "RBS") or t.lower_ in ("most", "least", "first", "record") for t in before[-8:])


_RECORDS = {"low", "high", "peak", "record", "best", "worst", "lowest", "highest", "trough", "top", "bottom"}


def _record_of_a_period(span) -> bool:
    """'a 10-year low', 'a 16-1/2-year high', 'a three-month peak': the period a record is set
    over, not a quantity of anything."""
    doc = span.doc
    k = span.end
    while k < len(doc) and k < span.end + 6 and doc[k].lower_ not in _RECORDS:
        if doc[k].lower_ not in ("-", "/", "1/2", "½") and not doc[k].like_num and doc[k].lower_ not in _TIME_UNITS:
            return False
        k += 1
    return k < len(doc) and doc[k].lower_ in _RECORDS and any(doc[j].lower_ in _TIME_UNITS for j in range(span.start, k))


_THRESHOLDS = {"more", "less", "over", "under", "fewer", "longer", "shorter", "beyond", "within", "than"}


def is_category_bound(span) -> bool:
    """A time that bounds who is counted, not a figure of its own: "the people waiting more than
    18 months", "those waiting less than six months" (a participle on a noun, and a threshold)."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ not in _TIME_UNITS:
        return False
    before = {t.lower_ for t in doc[max(span.sent.start, span.start - 3):span.start]}
    if not before & _THRESHOLDS:
        return False
    node = span[-1].head
    for _ in range(4):
        if node.tag_ in ("VBG", "VBN") and node.dep_ in ("acl", "relcl") and node.head.pos_ in ("NOUN", "PRON", "PROPN"):
            return True
        if node.head == node:
            return False
        node = node.head
    return False


def _duration_unit(span):
    unit = unit_after(span)
    after = span.doc[span.end:span.end + 3]
    if unit in ("years", "months", "weeks", "days", "hours", "decades", "minutes", "centuries") and not any(t.lower_ in ("ago", "later", "earlier") for t in after):
        return unit
    return None

_SMALL_LIMIT = 10
# Referents that a small number never counts checkably ("five ways", "two things", "three reasons");
# the other generic nouns (countries, states, parties) are a count from four up ("in five states").
_NEVER_COUNTED = {"way", "ways", "thing", "things", "time", "times", "kind", "kinds", "sort", "sorts",
                  "point", "points", "question", "questions", "option", "options", "step", "steps",
                  "reasons", "words", "minds", "faces", "eyes", "hand", "hands", "parts", "halves",
                  "issue", "issues", "sides"}
_DEFINITE = {"the", "these", "those", "both", "all"}
_HARM_WORDS = TOLL_WORDS | {"injure", "injured", "wound", "wounded", "hurt", "injury", "injuries"}


def quantifies_nothing(span, value, noun_tok) -> bool:
    """A small spelled-out number that quantifies no checkable claim: alone
    ("it takes two to tango"), a definite reference ("the two parties",
    "those three men") or a generic referent ("two sides", "two ways").
    Kept when what is counted matters: a toll or harm ("two were killed",
    "the two soldiers killed"), or a count noun such as troops or prisoners; never the count of
    the unnamed sources who say it ("two officials told Reuters", "three people familiar with
    the talks said")."""
    if any(c.isdigit() for c in span.text) or value is None or value > _SMALL_LIMIT:
        return False
    doc = span.doc
    counted = noun_tok
    nxt = doc[span.end] if span.end < len(doc) else None
    if counted is None and nxt is not None and nxt.lower_ == "of":        # "three of the suspects"
        counted = next((c for c in nxt.children if c.dep_ == "pobj"), None)
    if counted is not None and _counts_the_sources(counted):
        return True                      # "two officials told Reuters": who says it, not what
    verb = governing_verb(span[-1], counted)
    words = {counted.lower_, counted.lemma_.lower()} if counted is not None else set()
    if verb is not None:
        words |= {verb.lower_, verb.lemma_.lower()}
    if counted is not None:
        words |= {c.lower_ for c in counted.children if c.dep_ in ("acl", "relcl", "amod")}
    if words & _HARM_WORDS or (counted is not None and counted.lower_ in COUNT_NOUNS):
        return False
    if counted is None and verb is not None and any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lower_ in TOLL_WORDS | _TOTAL_NOUNS
                                                    for c in verb.children):
        return False                     # "the toll has risen to eight", "bringing the number of dead to nine"
    if counted is None:
        return True                      # a number standing alone: "it takes two to tango"
    prev = doc[span.start - 1] if span.start > 0 else None
    if counted.lower_ in _NEVER_COUNTED or (
            counted.lower_ in GENERIC_COUNT_NOUNS and (value <= 3 or (prev is not None and prev.lower_ in _DEFINITE))):
        return True                      # "two sides", "two parties", "five ways" (but "in five states" is a count)
    return prev is not None and prev.lower_ in _DEFINITE     # "the two leaders": a reference, not a count


# Nouns that state a quantity of their own: "the total rose to nine" is a checkable count.
_TOTAL_NOUNS = {"total", "tally", "number", "count"}
# Nouns of unnamed sources: "two officials said", "three people familiar with the talks told".
_SOURCE_NOUNS = {"officials", "sources", "people", "diplomats", "aides", "insiders", "witnesses", "executives",
                 "analysts", "officers", "lawmakers", "residents", "persons"}


def _counts_the_sources(counted) -> bool:
    """Is the counted noun the subject of a verb of saying, or what "according to" rests on?"""
    if counted.lower_ not in _SOURCE_NOUNS:
        return False
    head = counted.head
    if counted.dep_ == "nsubj" and head.lemma_.lower() in SPEECH_VERBS:
        return True
    return counted.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according"


_DEFINITE_REFERENCE = {"the", "this", "that", "these", "those"}


def _dimension_of(draft):
    from .numbers import unit_dimension

    return unit_dimension(draft.fields.get("unit"))


def is_conversion(item, earlier) -> bool:
    """A conversion in brackets restates the figure before it: "$500m (£264m)", "40 km (25
    miles)", "80 megaflops (80 million operations a second)": one quantity, one figure."""
    doc = item.span.doc
    k = item.span.start - 1
    if k < 0 or doc[k].text != "(" or not earlier:
        return False
    before = earlier[-1]
    if not before.end_tok <= k <= before.end_tok + 1:
        return False
    mine, theirs = _dimension_of(item.draft), _dimension_of(before.draft)
    money = mine.isupper() and len(mine) == 3
    if money and theirs.isupper() and len(theirs) == 3:
        return True
    if mine == theirs and mine not in ("count", "percent"):
        return True
    a, b = item.draft.fields.get("value"), before.draft.fields.get("value")
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and a and b and mine != "percent":
        ratio = max(a, b) / min(a, b)
        power = round(math.log10(ratio))
        return power >= 3 and abs(ratio - 10 ** power) < 1e-6 * ratio
    return False


def is_back_reference(item, earlier) -> bool:
    """A value already stated, referred back to: "The $44 billion would be ...", "this outturn
    (of 0.7%)" -- the same value in the same unit as an earlier figure, after a definite word
    or inside brackets with "of", or a sum of money repeated. Not a new figure."""
    doc = item.span.doc
    k = item.span.start - 1
    if k < 0:
        return False
    value, unit = item.draft.fields.get("value"), item.draft.fields.get("unit")
    same = [e for e in earlier if e.draft.fields.get("value") == value and e.draft.fields.get("unit") == unit]
    if not same:
        return False
    if _dimension_of(item.draft).isupper() and isinstance(value, (int, float)) and value >= 1000:
        return True       # a sum of money stated again ("When Titanic does $1.8bn ...") is the same sum
    prev = doc[k].lower_
    bracketed = prev == "of" and k >= 1 and doc[k - 1].text == "("
    if doc[k].dep_ == "mark":
        return bracketed      # "found that 25 percent backed ...": a conjunction, not "that 25 percent"
    return prev in _DEFINITE_REFERENCE or bracketed
