"""What an event is about: its `subject`, the key `date-conflict` compares
events on across articles.

A subject must name the happening, not just a verb ("published", "he took
office") that a hundred articles share: who did it (a pronoun resolved to
the person, a relative pronoun to the noun it stands for, a missing subject
taken from the verb it is joined to), the verb, and what it was done to (the
object, else its first phrase: "campaigned for the nomination"); for a verb
of saying, the first words of what was said ("Jane Doe said the plan was
dead"). A noun dated from inside its own phrase keeps the date, written
as the text gives it when it is absolute ("2016 presidential election")
and resolved when it is relative ("ceremony (2004)" for "last year's
ceremony"): recurring happenings (elections, ceremonies, budgets) are
told apart by their date.
"""
from __future__ import annotations

from .attribution import phrase_tokens

_MAX_TOKENS = 14
_PRONOUNS = {"he", "she", "him", "her"}
_RELATIVE = {"that", "which", "who", "whom"}
_TEMPORAL = {"DATE", "TIME"}
_PARTICLES = {"off", "on", "out", "over", "up", "down", "back", "away", "through"}
_QUOTE_MARKS = {"“", "”", '"', "‘", "’", "'"}


def event_subject(ctx, mention, governor, value, relative: bool, speech: bool = False, speaker=None, first: int = 0) -> str:
    """The subject of the event the date `mention` dates on `governor` (no token before `first`,
    the end of the dateline)."""
    first = min(first, mention.start)
    if governor is None or mention.start <= governor.i < mention.end or governor.i < first:
        return _sentence(mention, first)        # (a parse that hangs the date on the dateline)
    skip = set(range(mention.start, mention.end)) | set(range(first))
    if ctx.in_quote(ctx.absolute(governor.idx)):
        ctx = _InQuote(ctx)              # inside a quotation: its words are the phrase, not cut out
    if governor.pos_ in ("VERB", "AUX"):
        text = _clause_subject(ctx, governor, skip, speech, speaker)
    else:
        text = _noun_subject(ctx, mention, governor, skip, value, relative)
    return text or _sentence(mention, first)


class _InQuote:
    """The article context, for phrases inside a quotation: nothing counts as quoted."""

    def __init__(self, ctx):
        self._ctx = ctx

    def __getattr__(self, name):
        return getattr(self._ctx, name)

    def in_quote(self, pos, inner=None) -> bool:
        return False


def _sentence(mention, first: int = 0) -> str:
    sent = mention.sent
    return " ".join(mention.doc[max(sent.start, first):sent.end].text.split())[:80]


def _render(tokens) -> str:
    """Tokens in text order, spaced as written (a gap where tokens were left out)."""
    toks = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    out = []
    for k, t in enumerate(toks):
        out.append(t.text)
        if k + 1 < len(toks):
            out.append(t.whitespace_ if toks[k + 1].i == t.i + 1 else " ")
    return " ".join("".join(out).split()).strip(" ,;:-–—")


def _subject_token(verb):
    """The verb's subject: its own, else that of the verb it is joined to or
    depends on ("met in March and signed ...", "agreed to meet ...", "the
    figures released on Monday")."""
    node = verb
    for _ in range(4):
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
        if subj is not None:
            if subj.lower_ in _RELATIVE and node.dep_ == "relcl":
                return node.head                       # "a dispute that began" -> the dispute
            return subj
        if node.dep_ in ("acl", "relcl") and node.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return node.head                           # "the figures released on Monday"
        if node.dep_ in ("conj", "xcomp", "advcl", "acomp") and node.head.pos_ in ("VERB", "AUX", "ADJ"):
            node = node.head             # "are due to be held": the subject of "are"
            continue
        break
    return _noun_before(verb)


def _noun_before(verb):
    """A passive or infinitive with no subject in the parse ("the Grand Final due
    to be held in December"): the noun right before its verb group, by word order."""
    doc = verb.doc
    k = verb.i - 1
    while k >= verb.sent.start and (doc[k].dep_ in ("aux", "auxpass", "neg") or doc[k].lower_ in ("due", "to", "set", "expected")):
        k -= 1
    if k >= verb.sent.start and doc[k].pos_ in ("NOUN", "PROPN") and verb.tag_ == "VBN":
        return doc[k]
    return None


def _person_words(ctx, tok, speaker=None):
    """A pronoun subject as the person it stands for ("I" in a quote: its speaker)."""
    if tok.lower_ in _PRONOUNS:
        person = ctx.last_person_before(ctx.absolute(tok.idx))
        if person:
            return person
    if tok.lower_ == "i" and speaker:
        return speaker
    return None


def _clause_tokens(ctx, verb, skip):
    """Subject, verb and object of a clause (of what was said), without its own clauses."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    toks = [t for t in phrase_tokens(subj, ctx) if t.i not in skip] if subj is not None else []
    toks += [verb] + [c for c in verb.children if (c.dep_ in ("neg", "prt", "aux", "auxpass") and c.lower_ != "to")
                      or (c.dep_ == "advmod" and c.lower_ in _PARTICLES)]
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "acomp", "oprd")), None)
    if obj is not None:
        toks += [t for t in phrase_tokens(obj, ctx) if t.i not in skip]
    return sorted(toks, key=lambda t: t.i)[:10]


def _clause_subject(ctx, verb, skip, speech, speaker=None) -> str:
    parts: list = []
    lead = ""
    subj = _subject_token(verb)
    if subj is not None:
        person = _person_words(ctx, subj, speaker)
        if person:
            lead = person
        else:
            parts.extend(t for t in phrase_tokens(subj, ctx) if t.i not in skip)
    verb_words = [verb] + [c for c in verb.children if c.dep_ in ("neg", "prt", "aux", "auxpass") and c.lower_ != "to"
                           and c.i > (subj.i if subj is not None and subj.i < verb.i else -1)]
    parts.extend(verb_words)
    rest = [t for t in _complement(ctx, verb, skip, speech) if t.text not in _QUOTE_MARKS]
    body = " ".join(x for x in (lead, _render(_limit(parts, verb)), _render(rest)) if x)
    return " ".join(body.split()[:_MAX_TOKENS + 4])


def _limit(parts, verb):
    """At most _MAX_TOKENS tokens, keeping the verb and what is nearest to it."""
    toks = sorted({t.i: t for t in parts}.values(), key=lambda t: t.i)
    if len(toks) <= _MAX_TOKENS:
        return toks
    toks.sort(key=lambda t: abs(t.i - verb.i))
    return sorted(toks[:_MAX_TOKENS], key=lambda t: t.i)


def _complement(ctx, verb, skip, speech):
    """What the verb was done to: its object, what was said or shown ("told
    Reuters [the plan was dead]", "a survey showed [support fell]"), else its
    first phrase."""
    out = []
    for child in verb.children:
        if child.dep_ in ("dobj", "attr", "oprd", "acomp") and child.i not in skip:
            out = [t for t in phrase_tokens(child, ctx) if t.i not in skip]
            break
    deps = ("ccomp", "xcomp", "parataxis") if speech else ("ccomp",)
    content = next((c for c in verb.children if c.dep_ in deps and c.i not in skip), None)
    if content is not None and content.pos_ in ("VERB", "AUX"):
        return out + _clause_tokens(ctx, content, skip)           # "said [the mayor would resign]"
    if speech and content is not None:
        return out + [t for t in content.subtree if t.i not in skip and not t.is_punct][:8]
    if out:
        return out
    for child in verb.children:
        if child.dep_ == "prep" and child.i > verb.i and child.i not in skip:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is None or any(t.i in skip or t.ent_type_ in _TEMPORAL for t in obj.subtree):
                continue
            return [child, *(t for t in phrase_tokens(obj, ctx) if t.i not in skip)]
    return []


def _noun_subject(ctx, mention, noun, skip, value, relative) -> str:
    inside = mention.end <= noun.i and all(t.i in {x.i for x in noun.subtree} for t in mention)
    words = [t for t in phrase_tokens(noun, ctx) if t.dep_ != "det" or t.i > noun.i]
    words = [t for t in words if not (t.pos_ == "ADP" and t.i not in skip and all(c.i in skip for c in t.children))]
    words = [t for t in words if not (t.dep_ == "case" and t.head.i in skip)]       # "last year['s]"
    if inside and not relative:
        return _render(words[:_MAX_TOKENS])                                         # "2016 presidential election"
    text = _render([t for t in words if t.i not in skip][:_MAX_TOKENS])
    if inside and value is not None and text:
        shown = value if isinstance(value, str) else f"{value['start']}..{value['end']}"
        return f"{text} ({shown})"                                                 # "ceremony (2004)"
    return text
