"""Dates that date no happening: the period a figure covers, a comparison's
base, the scope of a trend or a record, a label.

The claims format puts the period a number covers into the figure's
`as_of`; an event is something that happened (or is planned) at a date.
So these dates make no event:

  * periods: "the first nine months of 2016", "the three months to 31
    December", "the second quarter of 2015", "the year to March", "the same
    period in 2003";
  * the period or base of a figure: a date hanging on a number ("$242 in
    2016", "down from 311,764 last month", "the 2.2% recorded in 2003"), on
    a verb of change with a number ("grew by 3.1% in 2004", "were up 7
    percent in 2016"), after "compared with" / "than" / "versus", or "from"
    in a clause with a number ("up about 1 million from 2016");
  * the date "as of" which something is counted ("As of Wednesday, 1,140 people were in
    shelters");
  * levels: "the toll stood at 38 on Monday", "remained at 4% in May" (the figure's date);
  * trends: an intransitive verb of change over a period ("prices rose in
    March"), a measure or a change named by a noun ("retail sales in
    December", "statistics to the end of November", "a decline since
    October", "average 2017 enrollment", "the 2017 premium increase");
  * the scope of a record or of a class: "since" on a noun or adjective
    ("the best year since 2000", "the lowest level since 2008") or on a
    participle describing things ("bases built since 1997": many happenings);
  * labels: a date modifying a noun that it names rather than dates ("this
    year's nominees", "the 2016 squad", `lexicon.YEAR_NAMED_NOUNS`);
  * the present century ("the challenges of the 21st century"): it dates
    nothing in particular;
  * a period the clause is about: its subject ("2016 was a tough year") or
    the object of a verb of passing ("the UK has entered 2005");
  * headings: a line with no verb and no closing punctuation.

A happening with a number stays an event: "a fire killed 30 people in
2015", "reached a top speed of 42.7 teraflops in October" (the verb is no
verb of change).
"""
from __future__ import annotations

import re

from claimcheck.dates import parse_date

from .lexicon import CHANGE_NOUNS, MEASURE_NOUNS, TREND_SUBJECTS, TREND_VERBS, YEAR_NAMED_NOUNS

_COUNT = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|24|few|several)"
_ORDINAL = r"(?:first|last|final|past|previous|second|third|fourth|latest|opening|closing|next|coming)"
_UNIT = r"(?:days?|weeks?|months?|quarters?|years?|half|halves)"
# "the first nine months of", "the three months to", "the second quarter of", "the year to"
_PERIOD = re.compile(
    rf"\b(?:(?:{_ORDINAL})\s+(?:{_COUNT}\s+)?{_UNIT}\s+(?:of|to|ending|ended|through)"
    rf"|{_COUNT}\s+{_UNIT}\s+(?:of|to|ending|ended|through)"
    rf"|(?:quarter|half)\s+of"
    rf"|{_UNIT}\s+(?:to|ending|ended|through)"
    rf"|(?:same|corresponding|comparable|year-earlier|year-ago)\s+(?:period|quarter|month|week|time|half)(?:\s+(?:of|in))?)"
    rf"\s+(?:the\s+end\s+of\s+)?$",
    re.IGNORECASE)
# The base a figure is compared with ("compared with 2015", "than in 2015", "up 6% on the same
# period of 2023"): the comparison's date, neither an event's nor the figure's own.
COMPARISON_BASE = re.compile(r"(?:\b(?:compared\s+(?:with|to)|as\s+against|versus|vs\.?|than(?:\s+in)?|relative\s+to)\s+"
                             r"|\bthe\s+same\s+(?:period|quarter|month|week|time|months|half|day)\s+(?:of|in|last)\s+)$",
                             re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_AS_OF = re.compile(r"\bas\s+(?:of|at)\s+$", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)
_MONEY = {"$", "£", "€", "¥", "%"}
_UP_DOWN = {"up", "down", "higher", "lower", "flat", "unchanged"}
# Verbs that state a level, not a happening ("stood at 38", "remained at 4%", "hovered around 5%").
_LEVEL_VERBS = {"stand", "remain", "stay", "hover", "sit"}
_EXPERIENCE = {"experience", "face", "see", "suffer", "enjoy", "undergo", "struggle", "endure", "feel", "witness"}
_DAY_PATTERNS = {"md", "dm", "mdy", "dmy", "weekday", "deixis", "md_range", "md_dash"}


def dates_no_happening(ctx, d, mention) -> bool:
    """Is the date `d` (its tokens `mention`) a period, a figure's period or
    base, a trend's or record's scope, a label, the present century, or in a
    heading? (See the module's list.)"""
    before = ctx.text[max(0, d.start - 60):d.start]
    if _PERIOD.search(before) or COMPARISON_BASE.search(before) or _AS_OF.search(before):
        return True                    # (... "as of Wednesday, 1,140 people were in shelters": the figures' date)
    if d.pattern == "century" and _contains_publication(ctx, d):
        return True
    if _is_heading(mention):
        return True
    if _period_itself(mention):
        return True                    # "2016 was a tough year", "the UK has entered 2005"
    if _right_after_measure(mention):
        return True                    # "blamed weak sales in January": the parse may hang it on the verb
    head = _head_through_preps(mention)
    if head is None:
        return False
    if _is_quantity(head):
        return True                    # "$242 in 2016", "311,764 last month"
    if head.pos_ in ("VERB", "AUX") and head.dep_ in ("acl", "relcl") and _is_quantity(head.head):
        return True                    # "the 2.2% recorded in 2003"
    if _SINCE.search(before) and (head.pos_ in ("NOUN", "ADJ", "PROPN") or (head.tag_ == "VBN" and head.dep_ == "acl")):
        return True                    # "the best year since 2000", "bases built since 1997" (a class of happenings)
    if _FROM.search(before) and _clause_has_number(head):
        return True                    # "up about 1 million from 2016"
    if head.pos_ in ("NOUN", "PROPN") and _names_a_measure(head):
        return True                    # "retail sales in December", "a decline since October", "2017 enrollment"
    if head.pos_ in ("NOUN", "PROPN") and _date_modifies(mention, head) and _named_by_date(head):
        return True                    # "this year's nominees", "benchmark 2017 plans"
    # "grew by 3.1% in 2004", "prices rose in March", "were up 7 percent in 2016"
    return head.pos_ in ("VERB", "AUX", "ADJ", "ADV") and _is_trend(head, d)


def _contains_publication(ctx, d) -> bool:
    if ctx.published is None:
        return False
    value = d.resolve(ctx.published)
    if value is None:
        return False
    interval = parse_date(value)
    return interval.start <= ctx.published <= interval.end


def _is_heading(mention) -> bool:
    """A line of its own with no verb and no closing punctuation (a heading,
    page furniture); a caption ("The Kremlin on Dec. 11, 2020.") keeps its period."""
    sent = mention.sent
    toks = [t for t in sent if not t.is_space]
    if not toks or any(t.pos_ in ("VERB", "AUX") for t in toks):
        return False
    doc = mention.doc
    starts_line = sent.start == 0 or "\n" in doc[sent.start - 1].text_with_ws
    ends_line = sent.end >= len(doc) or "\n" in doc[sent.end - 1].whitespace_ or doc[sent.end].is_space
    return starts_line and ends_line and toks[-1].text not in (".", "!", "?", "”", '"', "’")


def _head_through_preps(mention):
    """The word a date phrase hangs on, past the prepositions ("in 2016" ->
    what "in" modifies) and the list it may sit in ("in 2012 and 2016")."""
    node = mention.root
    for _ in range(6):
        head = node.head
        if head.i == node.i:
            return None
        if mention.start <= head.i < mention.end or node.dep_ == "conj" or head.pos_ == "ADP" or (
                head.pos_ == "SCONJ" and head.dep_ == "prep"):
            node = head
            continue
        if head.pos_ == "VERB" and head.dep_ == "prep":
            obj = next((c for c in head.children if c.dep_ == "pobj"), None)
            return obj if obj is not None else head      # "given weak sales in December": the sales
        return head
    return None


_PASSAGE_VERBS = {"enter", "begin", "start", "end", "finish", "close", "see", "mark", "welcome", "celebrate",
                  "ring", "open", "conclude", "wrap"}


def _period_itself(mention) -> bool:
    """The date is what the clause is about, not when something happened: its subject
    ("2016 was a tough year", "Last year was the warmest") or what a year passes
    through ("the UK has entered 2005", "to end the year strongly")."""
    root = mention.root
    if root.dep_ in ("nsubj", "nsubjpass"):
        return True
    return root.dep_ == "dobj" and root.head.lemma_.lower() in _PASSAGE_VERBS


def _right_after_measure(mention) -> bool:
    """'sales in January', 'a fall since February': a date phrase that follows a
    measure or change noun directly is read as its period, by word order."""
    doc = mention.doc
    k = mention.start - 1
    if k < 1 or doc[k].lower_ not in ("in", "since", "for", "during", "over"):
        return False
    noun = doc[k - 1]
    return noun.pos_ in ("NOUN", "PROPN") and _names_a_measure(noun)


def _is_quantity(tok) -> bool:
    """A number, a money or percent sign, or a noun counted by a number."""
    if (tok.like_num and not re.fullmatch(r"(?:1[0-9]{3}|20[0-9]{2})", tok.text)) or tok.text in _MONEY:
        return True
    if tok.pos_ in ("NOUN", "PROPN", "SYM") and any(c.dep_ == "nummod" and c.like_num for c in tok.children):
        return tok.lower_ in ("percent", "per", "cent", "%") or tok.text[:1] in _MONEY or tok.tag_ == "$"
    return False


def _clause_has_number(head) -> bool:
    """A number in the clause of `head` (not in a clause below it)."""
    clause = head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    cut = set()
    for t in clause.subtree:
        if t.i != clause.i and t.dep_ in ("ccomp", "advcl", "relcl", "csubj", "parataxis") and t.head.i == clause.i:
            cut |= {x.i for x in t.subtree}
    return any(t.i not in cut and t.ent_type_ not in ("DATE", "TIME")
               and ((t.like_num and not re.fullmatch(r"(?:1[0-9]{3}|20[0-9]{2})", t.text)) or t.text in _MONEY)
               for t in clause.subtree)


def _names_a_measure(noun) -> bool:
    """'sales', 'statistics', 'enrollment', 'a decline', 'the premium increase':
    a quantity or its change, not a happening."""
    lemma = noun.lemma_.lower()
    return noun.lower_ in MEASURE_NOUNS or lemma in MEASURE_NOUNS or lemma in CHANGE_NOUNS or noun.lower_ in CHANGE_NOUNS


def _date_modifies(mention, noun) -> bool:
    """The date sits inside the noun's phrase, before it ("this year's nominees", "2017 plans")."""
    return mention.end <= noun.i and all(t.i in {x.i for x in noun.subtree} for t in mention)


def _named_by_date(noun) -> bool:
    """A noun the date names rather than dates ("nominees", "plans"), or a
    collective whose "of" phrase is one ("this year's clutch of nominees")."""
    words = {noun.lower_, noun.lemma_.lower()}
    if words & YEAR_NAMED_NOUNS:
        return True
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and {obj.lower_, obj.lemma_.lower()} & YEAR_NAMED_NOUNS:
                return True
    return False


def _is_trend(head, d) -> bool:
    """A verb of change with a number ("grew by 3.1% in 2004"), an intransitive
    one over a period with a measure for subject ("prices rose in March"), "be up/down N", "there will be N
    X in 2017" (a count), or a state lived through a period ("are facing tougher
    conditions this year")."""
    verb = head
    if head.pos_ in ("ADJ", "ADV") and head.lower_ in _UP_DOWN:
        return _clause_has_number(head)                         # "up 7 percent in 2016"
    if verb.lemma_.lower() == "be":
        if any(c.dep_ == "expl" for c in verb.children):
            return _clause_has_number(verb)                     # "in 2017 there will be five offers": a count
        return any(c.lower_ in _UP_DOWN for c in verb.children) and _clause_has_number(verb)
    if (verb.lemma_.lower() in _EXPERIENCE and verb.tag_ == "VBG" and d.pattern not in _DAY_PATTERNS
            and any(c.lemma_ == "be" for c in verb.children if c.dep_ == "aux")):
        return True                                             # "are facing tougher conditions this year": a state
    if verb.lemma_.lower() in _LEVEL_VERBS:
        return _clause_has_number(verb)                         # "the toll stood at 38 on Monday": a level, dated
    if verb.lemma_.lower() not in TREND_VERBS:
        return False
    if _clause_has_number(verb):
        return True
    if any(c.dep_ == "dobj" for c in verb.children) or d.pattern in _DAY_PATTERNS:
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and {subj.lower_, subj.lemma_.lower()} & (MEASURE_NOUNS | TREND_SUBJECTS) != set()
