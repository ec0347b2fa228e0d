"""Who said a quoted passage: the speaker of the words between a pair of quotation marks.

The speaker, in order of evidence (`quote_speaker`; `quotes.py` goes on from there):
  0. words inside what a speech noun reports ("Shoigu's claim that ... a
     'provocation'", "who issued warnings against '...'") are the claim's
     owner's; an ownerless claim ("The suggestion that ...") takes up the
     earlier claim with the same content, else the words are nobody's (never
     the speaker of the verb that reports or rejects the claim);
  1. a speech verb governing the quoted words ("X said", "said X",
     "described as", "dubbed ... by X"), or a relative clause on the noun the
     quote modifies ("the 'military-technical' solution he has threatened");
  2. a speech verb elsewhere in the sentence(s) the quote sits in.
For a passage that follows another in its paragraph, `pronoun_follow_on` and
`introduced_speaker` say whether it keeps the earlier passage's speaker.
"""
from __future__ import annotations

from .attribution import (
    describe_source,
    is_speech_noun,
    is_speech_verb,
    owner_of_speech_noun,
    speech_noun_above,
    speech_verb_above,
    subject_of,
)
from .claims import Draft
from .context import ArticleContext
from .lexicon import EVALUATIVE_VERBS, TITLE_WORDS

UNOWNED_CLAIM = {"_claimed": True}     # words inside an unowned claim: nobody, and no guessing


def quote_speaker(ctx: ArticleContext, outer: tuple[int, int], inner: tuple[int, int]):
    """(attribution, speech verb) for the quote at `inner`, or (None, None).

    The attribution is `UNOWNED_CLAIM` when the words sit inside a claim whose
    owner the text does not give (they are not the reporting verb's subject's)."""
    qspan = ctx.char_span(*inner)
    if qspan is None or not len(qspan):
        return None, None
    qi = (qspan.start, qspan.end)
    if _is_label(ctx, qspan, outer):
        return UNOWNED_CLAIM, None    # 'the cheaper "bronze" tariff': a label, nobody's words
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
        return UNOWNED_CLAIM, None
    # 1. a speech verb above the quoted words, or a relative clause on their noun
    for tok in qspan:
        if qi[0] <= tok.head.i < qi[1]:
            continue
        verb = speech_verb_above(tok, stop_inside=qi)
        if verb is not None and not ctx.in_quote(ctx.absolute(verb.idx), inner):
            enclosing = _enclosing_quote(ctx, verb, inner)
            if enclosing is not None and subject_of(verb) is not None and subject_of(verb).lower_ in _THIRD_PERSON:
                # '"When I asked the minister, he said 'we are looking at it'," said X': "he" is
                # someone the speaker tells of (the minister), not whom the article is about
                return _antecedent_inside(ctx, subject_of(verb), enclosing), verb
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
    # 1b. a verb of judging whose object or complement holds the words ("X welcomed the
    #     targets 'to make faster progress'", "X hailed the 'historic' deal")
    for tok in qspan:
        if qi[0] <= tok.head.i < qi[1]:
            continue
        verb = _evaluative_verb_above(tok, qi)
        if verb is not None and not ctx.in_quote(ctx.absolute(verb.idx), inner):
            att = describe_source(ctx, subject_of(verb))
            if att:
                return att, verb
    # 2. any speech verb in the sentences the quote touches, outside quotes
    sents = {t.sent.start: t.sent for t in (qspan[0], qspan[-1])}
    nxt = outer[1]
    while nxt < len(ctx.text) and ctx.text[nxt] in " \t":
        nxt += 1                 # '"Will it work?" she asked': the reporting clause after a ?/! split
    after = ctx.char_span(nxt, min(nxt + 1, len(ctx.text)))
    if after is not None and len(after):
        sents.setdefault(after[0].sent.start, after[0].sent)
    candidates = []
    after_ok = _reported_after(ctx, outer, nxt)
    for sent in sents.values():
        for tok in sent:
            if tok.i >= qi[1] and not after_ok and ctx.absolute(tok.idx) >= outer[1]:
                continue         # '"... the border." Analyst X called it ...': the next sentence's speaker
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


_THIRD_PERSON = {"he", "she", "they"}
# Verbs that introduce the speaker of the quotation after them ("X disagreed. '...'").
_REACTION_VERBS = {"disagree", "agree", "differ", "respond", "react", "counter", "object", "protest", "concur", "retort"}


def introduced_speaker(ctx: ArticleContext, outer_s: int, after: int):
    """'... she added. Engineer Tom Bale disagreed. "The steel has not arrived."': an untagged
    passage after a sentence that brings in a new speaker (a verb of saying, judging or
    reacting, with no quotation of its own) is that speaker's, not the earlier passage's."""
    tok = ctx.token_at(outer_s)
    if tok is None or tok.sent.start == 0:
        return None
    before = ctx.doc[tok.sent.start - 1].sent
    if ctx.absolute(before.start_char) < after or any(ctx.in_quote(ctx.absolute(t.idx)) for t in before):
        return None
    root = before.root
    lemma = root.lemma_.lower()
    if not (is_speech_verb(root) or lemma in EVALUATIVE_VERBS or lemma in _REACTION_VERBS):
        return None
    att = describe_source(ctx, subject_of(root))
    return att if att and att.get("type") in ("named", "organization") else None


def pronoun_follow_on(ctx: ArticleContext, verb, prev: Draft, attribution):
    """'"There are no plans," a spokeswoman said. She added the pair "brought warmth"': a
    pronoun speaking next keeps the speaker of the passage just before (the paragraph's
    speaker), unnamed ones too, unless someone else is named as a subject in between."""
    subj = subject_of(verb)
    prev_att = prev.fields.get("attribution")
    if subj is None or subj.lower_ not in ("he", "she") or not prev_att:
        return attribution
    if prev_att.get("type") == "named" and not ctx.agrees(prev_att.get("source") or "", subj.lower_):
        return attribution               # '"...," said Maria Keller. "...," he added': not her
    pos = ctx.absolute(subj.idx)
    prev_tok = ctx.token_at(prev.start)
    here = subj.sent
    sentence_before = ctx.doc[here.start - 1].sent.start if here.start > 0 else here.start
    if prev_tok is None or prev_tok.i < sentence_before:
        return attribution               # the passage before is further back than the sentence before
    for tok in ctx.doc[prev_tok.i:subj.i]:
        if tok.dep_ in ("nsubj", "nsubjpass") and (tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN") \
                and not ctx.in_quote(ctx.absolute(tok.idx)) and ctx.absolute(tok.idx) > prev.end:
            return attribution           # "... Presenter X said he ..." names a new subject
    return prev_att if pos > prev.end else attribution


def _enclosing_quote(ctx: ArticleContext, verb, inner: tuple[int, int]):
    """The quotation that holds both the verb and the nested quote at `inner`, or None."""
    pos = ctx.absolute(verb.idx)
    for s, e in ctx.quote_regions:
        if s <= pos < e and s <= inner[0] and inner[1] <= e and (s, e) != inner:
            return (s, e)
    return None


def _antecedent_inside(ctx: ArticleContext, pronoun, region: tuple[int, int]):
    """Whom "he"/"she" inside a quotation stands for: the last person or titled noun the
    speaker named before it in the same quotation ("the minister"); nobody when none."""
    for tok in reversed(ctx.doc[:pronoun.i]):
        if ctx.absolute(tok.idx) < region[0]:
            break
        if tok.ent_type_ == "PERSON" or (tok.pos_ == "NOUN" and tok.lower_ in TITLE_WORDS):
            att = describe_source(ctx, tok)
            if att:
                return att
    return UNOWNED_CLAIM


def _evaluative_verb_above(tok, qi):
    """The verb of judging ("welcome", "hail", lexicon.EVALUATIVE_VERBS) that governs the
    quoted words as (part of) its object or complement, below no other verb."""
    node = tok
    for _ in range(6):
        if node.head.i == node.i:
            return None
        node = node.head
        if qi[0] <= node.i < qi[1]:
            continue
        if node.pos_ == "VERB" and node.lemma_.lower() in EVALUATIVE_VERBS:
            return node
        if node.pos_ in ("VERB", "AUX") and node.dep_ != "xcomp" and node.tag_ != "TO":
            return None
    return None


_NAMING_VERBS = {"call", "dub", "describe", "label", "term", "brand", "characterize", "characterise", "name"}


def _is_label(ctx: ArticleContext, qspan, outer: tuple[int, int]) -> bool:
    """'the second-cheapest "bronze" tariff', 'a "zero tolerance" policy': a short quoted
    phrase that modifies the noun right after it names a thing (a scare quote), it
    is nobody's words -- unless a verb of naming takes that noun ("what she called a
    'reckless' decision") or a relative clause on it says who used the words ("the
    'military-technical' solution he has threatened")."""
    words = [t for t in qspan if not t.is_punct]
    if not words or len(words) > 3 or any(t.text[:1].isupper() and t.i > qspan.start for t in words):
        return False
    k = outer[1]
    while k < len(ctx.text) and ctx.text[k] in " \t":
        k += 1
    nxt = ctx.token_at(k) if k < len(ctx.text) else None
    if nxt is None or nxt.pos_ not in ("NOUN", "PROPN") or ctx.absolute(nxt.idx) != k:
        return False
    if any(t.pos_ in ("ADJ", "VERB", "ADV", "AUX") for t in words):
        return False                     # 'a "fair and humane" approach': someone's judgement
    roots = [t for t in words if not (qspan.start <= t.head.i < qspan.end)]
    if not roots or any(t.head.i != nxt.i or t.dep_ not in ("amod", "compound", "nmod", "nummod", "npadvmod") for t in roots):
        return False
    if any(c.dep_ == "relcl" and is_speech_verb(c) for c in nxt.children):
        return False                     # 'the "military-technical" solution he has threatened'
    node = nxt
    for _ in range(4):                   # up the noun phrase to the verb that takes it
        if node.head.i == node.i or node.dep_ not in ("dobj", "oprd", "attr", "pobj", "prep", "conj", "appos"):
            break
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            # 'what she called a "reckless" decision', 'mocked as a "low-energy" candidate'
            return not (node.lemma_.lower() in _NAMING_VERBS or is_speech_verb(node))
    return True


def _reported_after(ctx: ArticleContext, outer: tuple[int, int], nxt: int) -> bool:
    """May a verb of saying after the quotation be the one that reports it?

    Yes after '...,"', '...?"', '...!"', '...—"' or a quoted phrase ('called it
    "hugely unambitious," the agency said'); not after a quoted sentence that
    ends with its period ('"... the border." Analyst X called ...': a new
    sentence with a speaker of its own), unless the text goes on in lower case
    ('"Stop." he said'), and not when the passage has no closing mark (it ends
    where the next passage opens, whose reporting clause that is)."""
    text = ctx.text
    if outer[1] <= outer[0] or text[outer[1] - 1] not in '"”’':
        return False
    k = outer[1] - 2
    while k > outer[0] and text[k].isspace():
        k -= 1
    if text[k] != ".":
        return True
    return nxt < len(text) and text[nxt].islower()


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
