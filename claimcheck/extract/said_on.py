"""When quoted words were said: the date of the speech act, for a quote's said_on.

A date in the quote's sentence dates the verb of saying when it hangs on the
verb ("said Thursday"), on the occasion of speaking ("at a news conference on
Thursday", "wrote in a November 23 article"), or on a verb the speech verb
shares its subject with ("laid out his goals at a ceremony on December 1,
saying ..."); never a date of another happening in the sentence ("since the
start of the conflict on Feb. 24", "a July article" someone else described).
"""
from __future__ import annotations

from .attribution import is_speech_verb
from .context import ArticleContext
from .events import date_governor
from .partial_dates import as_partial


def _dates_speech(gov, verb) -> bool:
    """Does a date governed by `gov` date the speech act `verb`? Yes when it
    hangs on the verb ("said Thursday") or on the setting of the speech ("at
    a news conference on Thursday"), or on a verb the speech verb shares its
    subject with ("laid out his goals at a ceremony on December 1, saying
    ...", "said Tuesday ... but added"); not when it dates a happening inside
    the reported words or elsewhere in the sentence ("since the start of the
    conflict on Feb. 24", "a July article")."""
    anchor = _anchor_verb(gov)
    if anchor is None:
        return False
    node = verb
    for _ in range(6):
        if node.i == anchor.i:
            return True
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
        if node.dep_ == "conj" and not own_subject and node.head.dep_ == "ccomp" and is_speech_verb(node.head.head):
            # "X said Tuesday [the signals could be called ...] but added": a verb of saying
            # with no subject of its own, joined to the reported clause, continues the report
            node = node.head.head
            continue
        if node.dep_ in ("conj", "advcl", "xcomp") or (node.dep_ == "ccomp" and not own_subject and node.i != verb.i):
            node = node.head
            continue
        if node.dep_ == "ccomp" and node.i == verb.i and not own_subject:
            node = node.head
            continue
        return False
    return False


def _anchor_verb(gov):
    """The verb a date's governor belongs to, through nouns and prepositions
    ("at a ceremony on December 1" -> the verb of "at"); None when the way up
    crosses a noun's clause ("a July article", "the start of the conflict on
    Feb. 24" belong to the noun, not to a verb)."""
    node = gov
    for _ in range(8):
        if node is None:
            return None
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head.i == node.i:
            return None
        if node.pos_ in ("NOUN", "PROPN") and node.i != gov.i and node.dep_ not in ("pobj", "dobj", "npadvmod"):
            return None
        if node.i == gov.i and node.pos_ in ("NOUN", "PROPN") and not _is_setting(node):
            return None
        node = node.head
    return None


_SETTINGS = {"meeting", "conference", "ceremony", "briefing", "interview", "speech", "address", "summit",
             "session", "call", "appearance", "event", "hearing", "forum", "rally", "statement",
             "visit", "trip", "talks", "news", "gathering", "debate", "broadcast", "show", "article",
             "column", "op-ed", "essay", "letter", "post", "tweet", "blog", "message", "remarks",
             "comments", "report", "video", "podcast", "program", "programme"}


def _after_setting(mention, verb) -> bool:
    """'at a credential ceremony with new ambassadors on December 1': the date
    closes a phrase naming an occasion of speaking (read off the word order,
    which survives a parse that hangs the date elsewhere), in the reporting
    clause rather than inside the reported words."""
    doc = mention.doc
    if any(t.i in {x.i for x in c.subtree} for c in verb.children if c.dep_ in ("ccomp", "parataxis") for t in mention):
        return False
    k = mention.start - 1
    if k < mention.sent.start or doc[k].lower_ not in ("on", "at", "in", "during"):
        return False
    for t in reversed(doc[max(mention.sent.start, k - 7):k]):
        if t.pos_ in ("VERB", "AUX") or t.is_punct:
            return False
        if t.pos_ == "NOUN" and _is_setting(t) and t.lemma_.lower() not in _MEDIA:
            prep = doc[t.i - 1] if t.i > mention.sent.start else None
            while prep is not None and prep.pos_ in ("DET", "ADJ", "NOUN") and prep.i > mention.sent.start:
                prep = doc[prep.i - 1]
            return prep is not None and prep.lower_ in ("at", "during", "in", "on")
    return False


_MEDIA = {"article", "column", "op-ed", "essay", "letter", "post", "tweet", "blog", "message", "report",
          "video", "podcast", "program", "programme", "remarks", "comments", "statement"}


def _is_setting(noun) -> bool:
    """'at a news conference on Thursday', 'during a call Monday': an occasion of speaking."""
    return noun.lemma_.lower() in _SETTINGS or noun.lower_ in _SETTINGS


def said_on_date(ctx: ArticleContext, verb) -> str | None:
    """The date the text gives the speech act: a date in its sentence that dates the verb of saying."""
    if ctx.published is None:
        return None
    sent = verb.sent
    s, e = ctx.absolute(sent.start_char), ctx.absolute(sent.end_char)
    vpos = ctx.absolute(verb.idx)
    best = None
    for d in ctx.dates_in(s, e):
        if ctx.in_quote(d.start):
            continue
        value = d.resolve(ctx.published)
        if value is None or d.pattern in ("year", "decade", "century", "coming"):
            continue
        mention = ctx.char_span(d.start, d.end)
        if mention is None or not len(mention):
            continue
        if not _dates_speech(date_governor(mention), verb) and not _after_setting(mention, verb):
            continue          # "... since the start of the conflict on Feb. 24": another happening's date
        dist = abs(d.start - vpos)
        if best is None or dist < best[0]:
            best = (dist, value)
    if best is None:
        return None
    value = best[1]
    if isinstance(value, dict):
        return as_partial(value)
    return value
