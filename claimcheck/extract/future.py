"""Is a dated happening in the future of the article? Then its relative date
resolves forward and the event gets `tense: future`.

Future when the text says so: "will"/"shall", "is set/due/expected/
scheduled to", "plans to", "is to", "is expected in March" (and, for a date
without a year, "was expected at the site on Wednesday"), "next"/"coming"
("next month", "the coming days"), a planned noun ("the upcoming vote",
"ahead of the vote on Thursday"), or a noun that a future verb governs
("will attend a summit in March"); and, for a month, weekday or day given
without a year, a present-tense verb ("the talks begin on Thursday", "the
deadline is March 3", "is meeting on Thursday"; not a verb of saying).

A deadline or target ("by May", "until March", "for 2017") is ahead unless
its verb is in the past. A date the text gives in full that lies wholly
after the publication date is future too ("would begin in March 2025", "the
2030 target", "have pulled out of the exchanges for 2017"), unless its verb
is in the past and the date is no target ("was killed on 5 March 2031" in an
earlier article is an inconsistency for `anachronism` to report, not a plan).
"""
from __future__ import annotations

import datetime as _dt
import re

from claimcheck.dates import parse_date

from .attribution import is_speech_verb

_FUTURE_AUX = {"will", "shall", "'ll", "’ll"}
_FUTURE_XCOMP = {"set", "plan", "schedule", "expect", "due", "go", "intend", "prepare", "aim", "slate", "poise",
                 "forecast", "predict", "project", "tip", "likely"}
_PLANNED_PASSIVE = {"expect", "schedule", "set", "slate", "plan", "due", "poise", "timetable", "pencil"}
_PLANNED_AMOD = {"upcoming", "forthcoming", "planned", "scheduled", "proposed", "coming", "future",
                 "impending", "expected", "next", "prospective"}
_PAST_AUX = {"was", "were", "had", "has", "have", "did", "'d", "’d"}
_TARGET = re.compile(r"\b(?:by|until|till|before|for|ahead\s+of)\s+(?:the\s+end\s+of\s+)?$", re.IGNORECASE)
_UNDATED_YEAR = {"md", "dm", "month", "weekday", "md_range", "md_dash", "rel_month"}


def says_future(d, governor, before: str = "") -> bool:
    """Does the text put the dated happening in the future? (See the module.)
    `before` is the text just before the date ("by ", "until ")."""
    low = d.text.lower()
    if d.pattern == "coming" or "next" in low.split() or "coming" in low.split():
        return True
    if governor is None:
        return False
    if d.pattern in _UNDATED_YEAR and _TARGET.search(before) and not past_verb(governor):
        return True                      # "must be finished by May", "postponed until March"
    if governor.pos_ in ("NOUN", "PROPN"):
        return _planned_noun(governor, present_counts=d.pattern in _UNDATED_YEAR)
    if governor.pos_ not in ("VERB", "AUX", "ADJ"):
        return False
    if (d.pattern in _UNDATED_YEAR and governor.lemma_.lower() in _PLANNED_PASSIVE
            and any(c.dep_ == "auxpass" for c in governor.children)):
        return True                      # "the minister was expected at the site on Wednesday": still ahead
    return _future_verb(governor) or (d.pattern in _UNDATED_YEAR and _present_tense(governor))


def after_publication(value, published: _dt.date | None) -> bool:
    """Does the resolved date lie wholly after the publication day?"""
    if published is None or value is None:
        return False
    try:
        return parse_date(value).start > published
    except (ValueError, TypeError, KeyError):
        return False


def targets(before: str) -> bool:
    """'for 2017', 'by 2030', 'until 2019': the date is a deadline or the period aimed at."""
    return bool(_TARGET.search(before))


def past_verb(governor) -> bool:
    """A verb in the simple past or a perfect ("was killed", "has signed")."""
    if governor is None or governor.pos_ not in ("VERB", "AUX"):
        return False
    auxes = {c.lower_ for c in governor.children if c.dep_ in ("aux", "auxpass")}
    if auxes & _FUTURE_AUX or "would" in auxes:
        return False
    return governor.tag_ == "VBD" or bool(auxes & _PAST_AUX)


def _future_verb(verb) -> bool:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX for a in auxes):
        return True
    if any(a.lower_ == "would" for a in auxes) and not any(a.lemma_ == "have" for a in auxes) and _reported(verb):
        return True                      # "told reporters the budget would be presented in October"
    if any(a.dep_ == "auxpass" and a.tag_ in ("VBZ", "VBP") for a in auxes) and verb.lemma_.lower() in _PLANNED_PASSIVE:
        return True                      # "is expected in March", "are scheduled for Monday"
    if verb.lower_ == "due" and verb.head.lemma_ == "be" and verb.head.tag_ in ("VBZ", "VBP"):
        return True                      # "the report is due in March"
    if verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBP") and any(c.lower_ == "due" for c in verb.children):
        return True
    to = next((a for a in auxes if a.lower_ == "to"), None)
    if to is not None and verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return True                      # "the election to be held by May"
    if to is not None and to.i > 0 and verb.doc[to.i - 1].pos_ in ("NOUN", "PROPN") and any(a.dep_ == "auxpass" for a in auxes):
        return True                      # the same, by word order when the parse hangs it elsewhere
    if verb.dep_ == "xcomp":
        head = verb.head
        if head.lemma_.lower() in _FUTURE_XCOMP:
            return True                  # "is set to", "plans to", "is expected to"
        if head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP"):
            return True                  # "the minister is to visit on Thursday"
        if head.pos_ in ("VERB", "AUX") and _future_verb(head):
            return True                  # "will try to finish by May"
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return _future_verb(verb.head)   # "will meet and sign a deal on Friday"
    return False


def _reported(verb) -> bool:
    """A clause a verb of saying reports ("said that ..."): its "would" is the speaker's future."""
    node = verb
    for _ in range(3):
        if node.dep_ == "ccomp" and is_speech_verb(node.head):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


_STATIVE = {"be", "have", "seem", "remain", "know", "want", "need", "mean", "include", "contain",
            "believe", "think", "hope", "appear", "look", "stay", "own", "hold", "lie", "sit", "stand"}


def _present_tense(verb) -> bool:
    """'begin', 'opens', 'is meeting': a present-tense happening (not a state, a
    verb of saying, or something true "now")."""
    if is_speech_verb(verb) or (verb.lemma_.lower() in _STATIVE and verb.tag_ != "VBG"):
        return False
    if any(c.lower_ in ("now", "currently", "still", "usually", "often", "always") for c in verb.children):
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _PAST_AUX or a.tag_ in ("VBD", "MD") for a in auxes):
        return False
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return verb.tag_ == "VBG" and any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in auxes)


def _planned_noun(noun, present_counts: bool = False) -> bool:
    """A noun of a planned thing; `present_counts`: a present-tense verb taking it plans it too
    ("before he departs on a trip to Asia on Nov. 3", a date given without its year)."""
    if any(c.dep_ == "amod" and c.lower_ in _PLANNED_AMOD for c in noun.children):
        return True                      # "the upcoming vote on Thursday"
    node = noun
    for _ in range(4):
        head = node.head
        if head.i == node.i:
            return False
        if head.lower_ == "of" and head.head.lower_ == "ahead":
            return True                  # "ahead of the vote on Thursday"
        if head.pos_ in ("VERB", "AUX"):
            return (_future_verb(head) or head.lemma_.lower() in ("await", "expect", "plan", "schedule")
                    or (present_counts and _present_tense(head)))
        node = head
    return False
