"""Direct quotations and their speakers.

Quotation marks are paired per paragraph (curly double, straight double,
and curly single quotes that open at a word boundary); a quote whose
paragraph ends before it closes continues a multi-paragraph quotation and
ends at the paragraph. The claim's text is the quoted words minus a
trailing comma or period inside the marks.

The speaker, in order of evidence:
  0. words inside what a speech noun reports ("Shoigu's claim that ... a
     'provocation'", "who issued warnings against '...'") are the claim's
     owner's; an ownerless claim ("The suggestion that ...") takes up the
     earlier claim with the same content, else the words are nobody's (never
     the speaker of the verb that reports or rejects the claim);
  1. a speech verb governing the quoted words ("X said", "said X",
     "described as", "dubbed ... by X"), or a relative clause on the noun the
     quote modifies ("the 'military-technical' solution he has threatened");
  2. a speech verb elsewhere in the sentence(s) the quote sits in;
  3. for a full-sentence quote with no verb of its own, the speaker of the
     quote just before it in the paragraph, else the person the text is
     about (the last named subject or speaker);
  4. for headlines and section headers, the speaker of the body quote that
     contains the same words;
  5. otherwise nobody: a scare quote (attribution null).
"""
from __future__ import annotations

import re

from claimcheck.normalize import name_key

from .attribution import (
    describe_source,
    is_speech_noun,
    is_speech_verb,
    owner_of_speech_noun,
    public,
    speech_noun_above,
    speech_verb_above,
    subject_of,
    via_of,
)
from .claims import Draft
from .context import ArticleContext
from .roles import same_title
from .said_on import said_on_date

_SINGLE_OPEN = re.compile(r"(?<![\w’'])‘")


def find_quote_regions(body: str, offset: int) -> list[tuple[int, int, int, int]]:
    """(outer start, outer end, inner start, inner end), absolute offsets."""
    out = []
    pos = 0
    for para in body.split("\n"):
        out.extend(_pairs_in(para, pos + offset))
        pos += len(para) + 1
    return out


def _pairs_in(para: str, base: int):
    found = []
    i = 0
    n = len(para)
    while i < n:
        ch = para[i]
        if ch == "“":
            close = para.find("”", i + 1)
            reopen = para.find("“", i + 1)
            if reopen != -1 and (close == -1 or reopen < close):
                end = reopen          # unclosed: it ends where the next quote opens
            elif close == -1:
                end = n               # unclosed: a quote continued in the next paragraph
            else:
                found.append((base + i, base + close + 1, base + i + 1, base + close))
                i = close + 1
                continue
            found.append((base + i, base + end, base + i + 1, base + end))
            i = end
            continue
        if ch == '"':
            close = para.find('"', i + 1)
            if close == -1:
                found.append((base + i, base + n, base + i + 1, base + n))
                break
            found.append((base + i, base + close + 1, base + i + 1, base + close))
            i = close + 1
            continue
        i += 1
    for m in _SINGLE_OPEN.finditer(para):
        j = m.end()
        while True:
            close = para.find("’", j)
            if close == -1:
                break
            after = para[close + 1:close + 2]
            if not after or not after.isalpha():
                if close > m.end():
                    found.append((base + m.start(), base + close + 1, base + m.end(), base + close))
                break
            j = close + 1
    return found


def _trim_inner(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s and text[e - 1] in ",." and not text[s:e].endswith("..."):
        e -= 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def extract_quotes(ctx: ArticleContext) -> list[Draft]:
    regions = find_quote_regions(ctx.article.body, ctx.article.body_start)
    claims: list[Draft] = []
    prev_by_para: dict[int, Draft] = {}
    for outer_s, outer_e, s, e in sorted(regions, key=lambda r: r[2]):
        s, e = _trim_inner(ctx.text, s, e)
        if e - s < 1 or not any(ch.isalnum() for ch in ctx.text[s:e]) or _is_name_label(ctx, s, e, outer_e):
            continue
        para = ctx.text.rfind("\n", 0, outer_s) + 1
        claim = Draft("quote", s, e, ctx.slice(s, e), {"quote": ctx.slice(s, e)})
        attribution, verb = _speaker(ctx, (outer_s, outer_e), (s, e))
        if attribution is _CLAIMED:
            attribution = None       # someone's claim, quoted, but the text does not say whose
        elif attribution is None and _sentence_like(ctx, claim, outer_s) and para in prev_by_para:
            prev = prev_by_para[para]
            attribution = prev.fields.get("attribution")
            if prev.fields.get("said_on"):
                claim.fields["said_on"] = prev.fields["said_on"]
        elif attribution is None and _sentence_like(ctx, claim, outer_s) and not _is_heading(ctx, outer_s):
            person = ctx.last_person_before(outer_s)
            if person:
                attribution = {"source": person, "role": ctx.roles_by_person.get(person), "type": "named"}
        if verb is not None:
            said_on = said_on_date(ctx, verb)
            if said_on:
                claim.fields["said_on"] = said_on
            via = via_of(verb)
            if via and attribution:
                attribution = {**attribution, "via": via}
        claim.fields["attribution"] = attribution
        if attribution and attribution.get("type") == "named":
            ctx.note_person(outer_s, attribution["source"])
        claims.append(claim)
        nested = any(rs < outer_s and outer_e <= re_ for rs, re_ in ctx.quote_index().containing(outer_s - 1))
        if attribution and not nested:
            prev_by_para[para] = claim
    _resolve_headings(ctx, claims)
    for c in claims:
        att = c.fields.get("attribution")
        if att is not None:
            _note_title_role(ctx, att)
            c.fields["attribution"] = {k: v for k, v in public(att).items() if v is not None or k == "role"}
    return claims


def _note_title_role(ctx: ArticleContext, att: dict) -> None:
    """A speaker named only by title ("Russian Deputy Defense Minister leading the
    delegation told reporters") and resolved to a person is a role claim too."""
    phrase, span = att.get("_title_phrase"), att.get("_title_span")
    if not phrase or not span or span[1] <= span[0]:
        return
    person = att["source"]
    if person.split()[-1] in phrase:
        return                      # the name is in the phrase: roles.py has it
    if any(p == person and same_title(name_key(r), name_key(phrase)) for _, p, r in ctx.titled):
        return
    role = phrase[0].lower() + phrase[1:] if phrase[:2].istitle() and phrase.split()[0].lower() in ("a", "an", "the") else phrase
    role = " ".join(w for w in role.split() if w.lower() not in ("a", "an", "the") or w is not role.split()[0])
    ctx.extra_roles.append(Draft("role", span[0], span[1], ctx.slice(*span), {"entity": person, "role": role}))
    ctx.titled.append((span[0], person, phrase))


_CLAIMED = {"_claimed": True}     # words inside an unowned claim: nobody, and no guessing


def _speaker(ctx: ArticleContext, outer: tuple[int, int], inner: tuple[int, int]):
    """(attribution, speech verb) for the quote at `inner`, or (None, None).

    The attribution is `_CLAIMED` when the words sit inside a claim whose
    owner the text does not give (they are not the reporting verb's subject's)."""
    qspan = ctx.char_span(*inner)
    if qspan is None or not len(qspan):
        return None, None
    qi = (qspan.start, qspan.end)
    # 0. words inside the content of a speech noun ("Shoigu's claim that ...
    #    to incite a 'provocation'", "who issued warnings against '...'") are
    #    the claim's owner's, not those of whoever reports or rejects the claim
    for tok in qspan:
        if qi[0] <= tok.head.i < qi[1]:
            continue
        noun = speech_noun_above(tok, stop_inside=qi)
        if noun is None or ctx.in_quote(ctx.absolute(noun.idx), inner):
            continue
        owner = owner_of_speech_noun(noun)
        att = describe_source(ctx, owner) if owner is not None else _earlier_claim_owner(ctx, noun)
        if att:
            return att, (owner.head if owner is not None and owner.dep_ == "nsubj" and is_speech_verb(owner.head) else None)
        return _CLAIMED, None
    # 1. a speech verb above the quoted words, or a relative clause on their noun
    for tok in qspan:
        if qi[0] <= tok.head.i < qi[1]:
            continue
        verb = speech_verb_above(tok, stop_inside=qi)
        if verb is not None and not ctx.in_quote(ctx.absolute(verb.idx), inner):
            att = describe_source(ctx, subject_of(verb))
            if att:
                ctx.speech_verbs.add(verb.i)      # it introduces these words
                return att, verb
        head = tok.head
        for child in head.children:
            if child.dep_ == "relcl" and is_speech_verb(child):
                att = describe_source(ctx, subject_of(child))
                if att:
                    ctx.speech_verbs.add(child.i)
                    return att, child
    # 2. any speech verb in the sentences the quote touches, outside quotes
    sents = {t.sent.start: t.sent for t in (qspan[0], qspan[-1])}
    nxt = outer[1]
    while nxt < len(ctx.text) and ctx.text[nxt] in " \t":
        nxt += 1                 # '"Will it work?" she asked': the reporting clause after a ?/! split
    after = ctx.char_span(nxt, min(nxt + 1, len(ctx.text)))
    if after is not None and len(after):
        sents.setdefault(after[0].sent.start, after[0].sent)
    candidates = []
    for sent in sents.values():
        for tok in sent:
            if is_speech_verb(tok) and not ctx.in_quote(ctx.absolute(tok.idx), inner) and not (qi[0] <= tok.i < qi[1]):
                dist = min(abs(tok.i - qi[0]), abs(tok.i - qi[1]))
                candidates.append((dist, tok.i, tok))
    for dist, _, verb in sorted(candidates, key=lambda c: (c[0], c[1])):
        att = describe_source(ctx, subject_of(verb))
        if att:
            if dist <= 4:
                ctx.speech_verbs.add(verb.i)      # '"...?" X asked Tuesday': next to the words
            return att, verb
    return None, None


_CONTENT_POS = ("NOUN", "PROPN", "VERB", "ADJ")


def _content_words(tokens) -> set[str]:
    return {t.lemma_.lower() for t in tokens if t.pos_ in _CONTENT_POS and not t.is_stop and t.is_alpha}


def _claim_content(head) -> set[str]:
    """The content words of what a speech noun or verb reports (its clauses)."""
    words: set[str] = set()
    for child in head.children:
        if child.dep_ in ("acl", "ccomp", "relcl", "xcomp", "parataxis") or (
                child.dep_ == "prep" and child.lower_ in ("of", "about", "against", "on", "that")):
            words |= _content_words(child.subtree)
    return words


def _earlier_claim_owner(ctx: ArticleContext, noun):
    """'The suggestion that U.S. contractors were smuggling ...' names no owner:
    it takes up a claim reported earlier. The owner of the earlier claim
    (speech noun with an owner, or speech verb with a subject) whose content
    shares the most words with this one, at least two."""
    mine = _claim_content(noun)
    if len(mine) < 2:
        return None
    best = None
    for tok in ctx.doc[:noun.i]:
        if ctx.in_quote(ctx.absolute(tok.idx)):
            continue
        if is_speech_noun(tok):
            owner = owner_of_speech_noun(tok)
        elif tok.pos_ == "VERB" and is_speech_verb(tok):
            owner = subject_of(tok)
        else:
            continue
        if owner is None:
            continue
        shared = len(mine & _claim_content(tok))
        if shared >= 2 and (best is None or shared >= best[0]):
            best = (shared, owner)
    return describe_source(ctx, best[1]) if best else None


def _sentence_like(ctx: ArticleContext, claim: Draft, outer_s: int) -> bool:
    """A quote that is a statement of its own (not a two-word scare quote)."""
    words = claim.text.split()
    return len(words) >= 3 and (claim.text[:1].isupper() or claim.text[:1] in "[(")


def _is_name_label(ctx: ArticleContext, s: int, e: int, outer_e: int) -> bool:
    """'the “Translate Website” drop down menu': a Title Case name used as a label."""
    words = ctx.text[s:e].split()
    if not words or not all(w[:1].isupper() for w in words) or len(words) > 4:
        return False
    nxt = ctx.token_at(outer_e + 1) if outer_e + 1 < len(ctx.text) else None
    return nxt is not None and nxt.pos_ == "NOUN" and nxt.text[:1].islower() and not _is_heading(ctx, s)


def _is_heading(ctx: ArticleContext, pos: int) -> bool:
    line_start = ctx.text.rfind("\n", 0, pos) + 1
    line_end = ctx.text.find("\n", pos)
    line = ctx.text[line_start:line_end if line_end != -1 else None].strip()
    return len(line.split()) <= 12 and not line.endswith((".", "?", "!", "”", '"'))


def _resolve_headings(ctx: ArticleContext, claims: list[Draft]) -> None:
    """Headlines and section headers echo body quotes: borrow their speaker."""
    for claim in claims:
        if claim.fields.get("attribution") is not None or not _is_heading(ctx, claim.start):
            continue
        words = claim.text.lower()
        for other in claims:
            if other is claim or other.fields.get("attribution") is None:
                continue
            if words in other.text.lower() and not _is_heading(ctx, other.start):
                claim.fields["attribution"] = other.fields["attribution"]
                break
