"""Ages: a number that says how old a person is ("Rick Perry, 65,", "aged 87", "a 29-year-old").

An age is a figure of that person (subject: the full name; metric: age; unit: years), never a
count: "Perry, 65, was indicted" states Perry's age, and spaCy's parse reads the number as a
date more often than not. The age of someone the text does not name ("a 15-year-old girl") is
no figure: no other article could be checked against it, and every other unnamed girl's age
would seem to contradict it.
"""
from __future__ import annotations

import re

_AGE = re.compile(r"^(\d{1,3})(?:-year-old)?$")
_AFTER_AGE = {",", ".", ")", ";", "and", "who", "was", "is", "said", "has", "had", "will", "—", "–", "-"}


def age_subject(ctx, span) -> str | None:
    """Whose age the number expression `span` is, or None when it is no age."""
    doc = span.doc
    if len(span) != 1:
        return None
    tok = span[0]
    m = _AGE.match(tok.text)
    if not m or not 0 < int(m.group(1)) < 125:
        return None
    prev = doc[tok.i - 1] if tok.i > tok.sent.start else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    # "Rick Perry, 65," / "Smith (65)"
    if prev is not None and prev.text in (",", "(") and tok.i - 2 >= tok.sent.start:
        named = doc[tok.i - 2]
        closes = nxt is None or nxt.text in _AFTER_AGE or nxt.is_sent_end or (prev.text == "(" and nxt.text == ")")
        if named.ent_type_ == "PERSON" and closes:
            ent = next((e for e in doc.ents if e.start <= named.i < e.end), None)
            return ctx.full_name(ent.text if ent is not None else named.text)
    # "aged 87", "age 41"
    if prev is not None and prev.lower_ in ("aged", "age"):
        head = prev.head if prev.dep_ in ("acl", "amod", "prep") else None
        before = doc[prev.i - 2] if prev.i - 2 >= tok.sent.start and doc[prev.i - 1].text == "," else None
        if before is not None and before.ent_type_ == "PERSON":
            head = before                     # "Ada Fenn, aged 91"
        if head is not None and head.ent_type_ == "PERSON":
            ent = next((e for e in doc.ents if e.start <= head.i < e.end), None)
            return ctx.full_name(ent.text if ent is not None else head.text)
        if head is not None and head.pos_ in ("NOUN", "PROPN"):
            return _person_in_apposition(ctx, head) or ""
        if prev.head.pos_ in ("VERB", "AUX"):        # "X died on Sunday, aged 87": the verb's subject
            return _subject_person(ctx, prev.head) or ""
        return ""
    # "a 29-year-old man", "X, a 29-year-old student", "52-year-old Tom Hale"
    if nxt is not None and nxt.text == "-" and tok.i + 4 < len(doc) and doc[tok.i + 2].lower_ == "year" and doc[tok.i + 4].lower_ == "old":
        k = tok.i + 5
        noun = doc[k] if k < len(doc) and doc[k].pos_ in ("NOUN", "PROPN") else None
        if noun is not None and noun.ent_type_ == "PERSON":
            return _person_at(ctx, noun)
        if noun is not None:
            return _person_in_apposition(ctx, noun) or ""
        return ""
    return None


def _person_at(ctx, tok) -> str:
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ctx.full_name(ent.text if ent is not None else tok.text)


def _subject_person(ctx, verb) -> str | None:
    """The person who is the verb's subject: named, or "he"/"she" for the person the text is about."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    if subj.ent_type_ == "PERSON":
        return _person_at(ctx, subj)
    if subj.lower_ in ("he", "she"):
        return ctx.last_person_before(ctx.absolute(subj.idx))
    return None


def _person_in_apposition(ctx, noun) -> str | None:
    """'X, a 29-year-old student': the person the noun phrase is in apposition to."""
    if noun.dep_ == "appos" and noun.head.ent_type_ == "PERSON":
        head = noun.head
        ent = next((e for e in noun.doc.ents if e.start <= head.i < e.end), None)
        return ctx.full_name(ent.text if ent is not None else head.text)
    return None
