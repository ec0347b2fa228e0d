"""Titles a clause gives a named person, rather than words beside the name (`roles`):
  * a copula: "Nauman Sadiq is an ... analyst" (also through "he is");
  * "as": "X served as finance minister, interior minister and foreign minister"
    (one role each, former), "nominated X as secretary of the interior".
"""
from __future__ import annotations

from .claims import Draft
from .context import ArticleContext, clean_name
from .doc_index import ent_at
from .role_titles import TITLE_WORDS, headed_by_title
from .tokens import join_tokens

_AS_VERBS_SUBJECT = {"serve", "work", "act", "remain", "continue", "stay", "return"}
_AS_VERBS_OBJECT = {"appoint", "name", "nominate", "choose", "pick", "tap", "install", "elect", "confirm",
                    "hire", "select", "designate", "reappoint", "swear"}


def as_clause_roles(ctx):
    """'X served as finance minister, interior minister and foreign minister' (one role
    each), 'nominated X as secretary of the interior': (person, title tokens, start
    token, end token, status)."""
    doc = ctx.doc
    for prep in doc:
        if prep.lower_ != "as" or prep.dep_ != "prep":
            continue
        verb = prep.head if prep.head.pos_ == "VERB" else _verb_before_name(doc, prep)
        if verb is None:
            continue
        lemma = verb.lemma_.lower()
        if lemma in _AS_VERBS_SUBJECT:
            who = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if who is None and verb.dep_ in ("relcl",) and verb.head.ent_type_ == "PERSON":
                who = verb.head
        elif lemma in _AS_VERBS_OBJECT:
            who = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "oprd")), None)
            if prep.head.i != verb.i:
                who = doc[prep.i - 1]                  # by word order: "named [Ryan Zinke] as ..."
        else:
            continue
        person = _person_of(ctx, who)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if person is None or obj is None:
            continue
        past = lemma in _AS_VERBS_SUBJECT and verb.tag_ == "VBD" and not any(
            c.lower_ in ("now", "currently", "still") for c in verb.children)
        status = "former" if past else "current"
        first = getattr(ent_at(doc, who.i), "start", who.i)
        listed = listed_titles(obj)
        phrases = listed if len(listed) > 1 else [_title_phrase(title) for title in [obj, *_conjuncts(obj)]]
        for toks in phrases:
            if toks and headed_by_title(toks):
                yield person, toks, min(first, toks[0].i), max(who.i, toks[-1].i) + 1, status


def _verb_before_name(doc, prep):
    """'named Ryan Zinke as secretary' parsed with "as" elsewhere: the appointing verb right
    before the name that "as" follows."""
    name = doc[prep.i - 1] if prep.i > 0 else None
    if name is None or name.ent_type_ != "PERSON":
        return None
    k = name.i
    while k > 0 and doc[k - 1].ent_type_ == "PERSON":
        k -= 1
    verb = doc[k - 1] if k > 0 else None
    return verb if verb is not None and verb.pos_ == "VERB" and verb.lemma_.lower() in _AS_VERBS_OBJECT else None


def _person_of(ctx, tok):
    if tok is None:
        return None
    if tok.lower_ in ("he", "she"):
        return ctx.last_person_before(ctx.absolute(tok.idx))
    ent = ent_at(ctx.doc, tok.i)
    return ctx.full_name(clean_name(ent.text)) if ent is not None and ent.label_ == "PERSON" else None


def _conjuncts(tok):
    """The other titles of a list ("finance minister, interior minister and foreign minister";
    the parse may hang the middle one as an apposition)."""
    out = []
    for c in tok.children:
        if c.dep_ == "conj" or (c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")):
            out.append(c)
            out.extend(_conjuncts(c))
    return out


_LIST_STOPS = {"before", "after", "until", "since", "when", "while", "from", "between", "during", "but"}


def listed_titles(first) -> list[list]:
    """'mayor of Lviv, governor of the region and speaker of parliament', 'a teacher, a
    journalist and a union organiser': the titles of a list by word order (the parse hangs such
    lists anywhere), from the first title to the first part that is no title; one phrase when
    there is no list."""
    doc, sent = first.doc, first.sent
    start = min((t.i for t in first.subtree if t.i <= first.i and t.dep_ not in ("det", "poss")), default=first.i)
    segments, current = [], []
    for tok in doc[start:sent.end]:
        if tok.text == "," or (tok.dep_ == "cc" and tok.lower_ in ("and", "or")):
            if current:
                segments.append(current)
            current = []
            continue
        if tok.pos_ in ("VERB", "AUX") or tok.dep_ == "mark" or tok.lower_ in _LIST_STOPS or tok.text in (".", ";", ":", "—", "–", "(", ")"):
            break
        if not current and (tok.pos_ == "DET" or tok.dep_ == "poss"):
            continue                       # "a journalist", "his deputy"
        current.append(tok)
    if current:
        segments.append(current)
    titles = []
    for segment in segments:
        if not headed_by_title(segment):
            break
        titles.append(segment)
    return titles


def _title_phrase(noun):
    """A title noun with its modifiers and its of/for phrase, without its conjuncts."""
    cut = set()
    for c in noun.children:
        if c.dep_ in ("conj", "cc", "punct", "relcl", "acl", "appos"):
            cut |= {x.i for x in c.subtree}
    toks = [t for t in noun.subtree if (t.i not in cut and not t.is_punct) or t.text == "-"]
    while toks and toks[0].pos_ in ("DET",):
        toks = toks[1:]
    return toks


def _past_copula(be) -> str:
    """'X was mayor of Oslo' is a former title; with a time of its own ("was mayor when the
    bridge fell", "was mayor in 2009", "at the time") it is a title then."""
    sent = be.sent
    if any(t.ent_type_ in ("DATE", "TIME") or t.lower_ in ("when", "while", "during", "then") for t in sent):
        return "then"
    return "former"


def copula_roles(ctx: ArticleContext):
    """'Nauman Sadiq is an ... analyst' and 'He is a regular contributor to X'."""
    for tok in ctx.doc:
        if tok.lemma_ != "be" or tok.dep_ != "ROOT":
            continue
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        attr = [c for c in tok.children if c.dep_ == "attr"]
        if not subj or not attr or attr[0].lower_ not in TITLE_WORDS:
            continue
        s = subj[0]
        if s.ent_type_ == "PERSON":
            ent = ent_at(ctx.doc, s.i)
            person = ctx.full_name(clean_name(ent.text))
            first = ent.start
        elif s.lower_ in ("he", "she"):
            person = ctx.last_person_before(ctx.absolute(s.idx))
            first = s.i
        else:
            continue
        if not person:
            continue
        a = attr[0]
        listed = listed_titles(a)
        past = {"status": _past_copula(tok)} if tok.tag_ == "VBD" else {}   # "X was mayor of Oslo"
        if len(listed) > 1:                 # "was mayor of X, governor of Y and speaker of Z": one role each
            for toks in listed:
                start, end = ctx.tokens_span(ctx.doc[first:toks[-1].i + 1])
                yield Draft("role", start, end, ctx.slice(start, end), {"entity": person, "role": join_tokens(toks), **past})
            continue
        cut = set()
        for t in a.subtree:
            if t.i not in cut and (t.dep_ in ("acl", "relcl") or (t.dep_ in ("conj", "cc") and t.head.i == a.i)):
                cut.update(x.i for x in t.subtree)
        toks = [t for t in a.subtree if (t.dep_ != "det" or t.i > a.i) and t.i not in cut]
        toks = [t for t in toks if not t.is_punct or t.text == "-"]
        while toks and toks[-1].pos_ in ("CCONJ", "ADP", "DET"):
            toks.pop()
        if not toks or any(t.tag_ == "JJS" or t.lower_ in ("best", "worst") for t in toks[:2]):
            continue                 # "was best actress": an award, not a title
        role = join_tokens(toks)
        start, end = ctx.tokens_span(ctx.doc[first:toks[-1].i + 1])
        yield Draft("role", start, end, ctx.slice(start, end), {"entity": person, "role": role, **past})
