"""A figure's fields read off the parse around its number.

The counted noun and the verb that governs it give the metric ("51 deaths",
"152 fighter jets", "people killed"); the verb's subject, an "in a shooting"
phrase, a possessor or the sentence's first entity gives the subject; a date
in the figure's own clause gives as_of ("since <date>" makes it cumulative,
as do tolls: killed, deaths, destroyed, ...); a speech verb above the number
or "according to X" gives the attribution.
"""
from __future__ import annotations

from .attribution import (
    describe_source,
    phrase_tokens,
    public,
    speech_verb_above,
    subject_of,
)
from .lexicon import TOLL_WORDS, UNIT_METRIC
from .numbers import is_currency_code
from .partial_dates import as_partial
from .tokens import join_tokens
from .years import year_is_name

_GENERIC_VERBS = {"be", "have", "say", "include", "tell", "add", "do", "make", "get", "become"}
_PRONOUN_WORDS = {"it", "its", "they", "their", "this", "that", "which", "who", "he", "she", "his",
                  "her", "we", "our", "i", "my", "you", "your", "them"}


def counted_noun(span):
    """The noun a number counts: '51 deaths', '152 fighter jets' -> ('fighter jets', token)."""
    doc = span.doc
    last = span[-1]
    head = last.head if last.dep_ in ("nummod", "quantmod", "compound", "amod") else None
    if head is None or head.i < last.i:
        k = span.end
        while k < len(doc) and (doc[k].pos_ in ("ADJ",) or doc[k].text == "-"):
            k += 1
        head = doc[k] if k < len(doc) and doc[k].pos_ in ("NOUN", "PROPN") else None
    if head is None or head.pos_ not in ("NOUN", "PROPN"):
        return None, None
    comps = [t for t in head.lefts if t.dep_ == "compound" and t.i > last.i]
    words = [t.text for t in comps] + [head.text]
    return " ".join(words), head


def governing_verb(tok, noun_tok):
    node = noun_tok if noun_tok is not None else tok
    for _ in range(6):
        if node.pos_ in ("VERB",) or (node.pos_ == "AUX" and node.dep_ == "ROOT"):
            return node
        if node.head == node:
            return None
        node = node.head
    return None


def whole_subject(ctx, noun_tok, unit) -> str:
    """'123 of Ukraine's 152 fighter jets' -> 'Ukraine's fighter jets'."""
    if noun_tok is None:
        return unit or ""
    poss = [c for c in noun_tok.children if c.dep_ == "poss" and c.lower_ not in _PRONOUN_WORDS]
    owner = short_phrase(phrase_tokens(poss[0], ctx)) + " " if poss else ""
    return f"{owner}{unit or noun_tok.text}".strip()


def figure_subject(ctx, span, noun_tok, verb) -> str:
    if verb is not None:
        subj = subject_of(verb)
        inside = noun_tok is not None and subj is not None and (subj is noun_tok or subj.i in {t.i for t in noun_tok.subtree})
        if subj is not None and not inside and subj.lower_ not in _PRONOUN_WORDS:
            return short_phrase(phrase_tokens(subj, ctx))
        if inside:                           # "40,000 vehicles cross the bridge"
            obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr")), None)
            if obj is not None and obj.lower_ not in _PRONOUN_WORDS:
                return short_phrase(phrase_tokens(obj, ctx))
        for child in verb.children:          # "five people were killed in a shooting"
            if child.dep_ == "prep" and child.lower_ in ("in", "during", "from", "by"):
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.pos_ in ("NOUN", "PROPN") and obj.ent_type_ not in ("DATE", "GPE"):
                    return short_phrase(phrase_tokens(obj, ctx))
    if noun_tok is not None:
        poss = [c for c in noun_tok.children if c.dep_ == "poss" and c.lower_ not in _PRONOUN_WORDS]
        if poss:
            return short_phrase(phrase_tokens(poss[0], ctx))
    ents = [e for e in span.sent.ents if e.label_ in ("GPE", "ORG", "PERSON", "EVENT", "FAC", "NORP", "LOC")]
    if ents:
        return ents[0].text
    root = span.sent.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _PRONOUN_WORDS), None)
    return short_phrase(phrase_tokens(subj, ctx)) if subj is not None else " ".join(span.sent.text.split())[:60]


def short_phrase(toks, limit: int = 12) -> str:
    toks = list(toks)[:limit]
    while toks and toks[0].dep_ == "det":
        toks = toks[1:]
    return join_tokens(toks)


def figure_metric(noun, unit, verb, noun_tok, span) -> str:
    if unit in UNIT_METRIC:
        base = UNIT_METRIC[unit]
        if verb is not None and verb.lemma_ not in _GENERIC_VERBS and base == "duration":
            return f"{base} ({verb.text})" if verb.lemma_ not in ("face",) else "maximum duration"
        return base
    if unit == "percent":
        doc = span.doc
        nxt = doc[span.end:span.end + 3]
        of = next((t for t in nxt if t.lower_ == "of"), None)
        who = next((c.text for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        return f"share of {who}" if who else "share"
    if is_currency_code(unit):
        return "amount" + (f" {verb.text}" if verb is not None and verb.lemma_ not in _GENERIC_VERBS and verb.tag_ in ("VBN", "VBD") else "")
    name = noun or unit or "count"
    if verb is not None and verb.lemma_ not in _GENERIC_VERBS and verb.tag_ in ("VBN", "VBD", "VBG"):
        participle = verb.text if verb.tag_ in ("VBN", "VBD") else verb.lemma_ + "ed"
        return f"{name} {participle}"
    return name


def is_toll(noun, verb) -> bool:
    words = set((noun or "").lower().split())
    if verb is not None:
        words |= {verb.lemma_.lower(), verb.text.lower()}
    return bool(words & TOLL_WORDS) and not words & {"injure", "injured", "wound", "wounded", "hurt"}


def time_of(ctx, span, verb):
    """(as_of, since) from a date in the figure's clause."""
    if verb is None:
        return None, False
    sent = span.sent
    s, e = ctx.absolute(sent.start_char), ctx.absolute(sent.end_char)
    own_start, own_end = ctx.absolute(span.start_char), ctx.absolute(span.end_char)
    for d in ctx.dates_in(s, e):
        if d.start < own_end and d.end > own_start:
            continue  # the figure's own number ("2042 Germans") is not its date
        if d.pattern == "year" and year_is_name(ctx, d, ctx.char_span(d.start, d.end)):
            continue  # "fiscal 2022": a year that names a budget, not the figure's date
        tok = ctx.token_at(d.start)
        nearest = _nearest_verb(tok) if tok is not None else None
        if nearest is None or nearest.i != verb.i:  # spaCy makes a new Token object per access: compare indexes
            continue
        before = ctx.text[max(0, d.start - 8):d.start].lower().split()
        if before and before[-1] in ("since", "from"):
            return None, True
        value = d.resolve(ctx.published)
        if value is not None and d.pattern != "decade":
            return as_partial(value), False
    return None, False


def _nearest_verb(tok):
    node = tok
    for _ in range(6):
        if node.head == node:
            return node if node.pos_ in ("VERB", "AUX") else None
        node = node.head
        if node.pos_ == "VERB" or (node.pos_ == "AUX" and node.dep_ == "ROOT"):
            return node
    return None


def figure_attribution(ctx, span, quote):
    if quote is not None:
        return quote.fields.get("attribution")
    return public(_attribution_raw(ctx, span))


def _attribution_raw(ctx, span):
    tok = span[0]
    verb = speech_verb_above(tok)
    if verb is None:
        for t in span.sent:
            if t.lower_ == "according" and t.i + 1 < len(span.doc) and span.doc[t.i + 1].lower_ == "to":
                obj = next((c for c in span.doc[t.i + 1].children if c.dep_ == "pobj"), None)
                return describe_source(ctx, obj) if obj is not None else None
        return None
    return describe_source(ctx, subject_of(verb))
