"""Assertions of fact on a vague or missing source: the statements a fact-checker wants sourced.

A statement is found by a cue, and its text is the shortest clause or
phrase that carries the claim (never a whole paragraph). The cues, in the
order they are tried (one statement per span: a later cue never overlaps
an earlier statement):

1. a vague or anonymous source for what the clause says: a plural group or
   an unnamed person as the subject of a verb of saying or believing
   ("analysts noted", "some economists classify", "officials said", "a
   prosecutor in the case said"), a group quantified by "some", "many",
   "most" doing anything ("some supporters shrugged off the charges", "many
   in the industry do not equate"), a passive with such an agent ("was
   welcomed by analysts"), "according to" a document or a group rather than
   someone named ("according to box office figures", "according to an audio
   tape"). `hedge` is the cue, `attribution` the group (`vague`) or the
   unnamed person (`anonymous`);
2. a hedge with no source (`lexicon.HEDGE_CUES`, `STATEMENT_HEDGES`): "widely
   seen as", "is expected to", "are reported to", "is poised to", "had been
   favoured to", "most likely", "reportedly", "there is concern", ...;
   a hedged clause with a number in it is left to the figure;
3. ranks, ordinals and superlatives scoped by a time or a field ("the worst
   Christmas in decades", "the best year since 2000", "the 50th consecutive
   quarter", "the biggest hitter among this year's nominees", "the longest
   serving governor in Texas history"): not figures, but check-worthy;
4. vague magnitudes ("poured millions into ads", "hundreds of thousands of
   people"): no number a figure could hold.

What is never a statement (quoted words, reported speech of a named source,
...) is `statement_filter`'s; the text span of a statement `statement_spans`'s.
"""
from __future__ import annotations

import re

from .attribution import describe_source, is_speech_verb, phrase_tokens
from .claims import Draft
from .context import ArticleContext
from .lexicon import EVALUATIVE_VERBS, HEDGE_CUES, VAGUE_NOUNS
from .statement_filter import (
    BELIEF_VERBS,
    DOCUMENT_NOUNS,
    PEOPLE_NOUNS,
    REPORTER_CACHE,
    SPEECH_ACTS,
    carries_claim,
    clause_verb,
    has_quote,
    in_own_voice,
    is_generic,
    is_main_clause,
    is_named_source,
    is_quoted,
    is_trend,
    reported_by_named,
    reports_someone,
    skip_sentence,
    subject_of_clause,
)
from .statement_spans import clause_span, hedged_phrase, phrase_span
from .tokens import join_tokens

# Hedges with no source besides lexicon.HEDGE_CUES (regex fragments, case-insensitive).
STATEMENT_HEDGES = [
    r"(?:is|are|was|were|be|been|being)\s+(?:widely\s+|generally\s+|largely\s+)?(?:expected|reported|poised|tipped|predicted|projected|forecast|likely|unlikely|set\s+to\s+become)\s+to",
    r"(?:is|are|was|were|had\s+been|has\s+been|have\s+been)\s+(?:heavily\s+|widely\s+)?(?:favou?red|tipped)\s+to",
    r"there\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:growing\s+|widespread\s+|some\s+)?(?:concerns?|fears?|speculation|doubts?|suspicions?|worries)",
    r"(?:amid|amidst)\s+(?:growing\s+)?(?:concerns?|fears?|speculation|doubts?|suspicions?|worries)",
    r"(?:most|very|more|highly)\s+likely", r"\blikely\b(?!\s+to\s+be\s+(?:named|called))", r"probably",
    r"(?:it\s+is|it's|it\s+was)\s+(?:widely\s+)?(?:thought|believed|understood|expected|feared|rumou?red)",
    r"(?<!\w)seen\s+as",
]
_HEDGE = re.compile(r"\b(?:" + "|".join(HEDGE_CUES + STATEMENT_HEDGES) + r")", re.IGNORECASE)

# Quantifiers that make a group of people a vague source whatever it does ("some supporters ...").
_QUANTIFIERS = {"some", "many", "most", "few", "several", "numerous", "countless"}
_MAGNITUDES = {"millions", "billions", "trillions", "thousands", "hundreds", "dozens", "scores", "tens"}
# Scopes that make a superlative or rank a claim one can check ("in decades", "since 2000").
_SCOPE_NOUNS = {
    "year", "years", "decade", "decades", "month", "months", "week", "weeks", "century", "centuries",
    "history", "record", "records", "row", "world", "planet", "country", "nation", "state", "era",
    "generation", "generations", "time", "times", "league", "season", "region", "europe", "continent",
    "market", "industry", "sector", "field",
}
_SCOPE_OWNERS = {"year", "season", "month", "week", "decade", "nation", "country", "world", "state", "today", "industry"}
_RECENCY = {"recent", "late", "latest", "new", "newest", "early", "earliest", "near", "nearest", "last", "next"}
_RANK_WORDS = {"consecutive", "successive", "straight", "running"}


def extract_statements(ctx: ArticleContext, carried: list[Draft] | None = None) -> list[Draft]:
    """The statements of an article; `carried` are the figures and events already found (a
    clause whose claim is one of those is theirs, not a statement's)."""
    REPORTER_CACHE.clear()
    claims: list[Draft] = []
    taken: list[tuple[int, int]] = []
    ctx_carried = sorted((c.start, c.end, c.kind) for c in carried or [])
    for sent in ctx.doc.sents:
        if skip_sentence(ctx, sent):
            continue
        for start, end, fields in _candidates(ctx, sent, ctx_carried):
            if end - start < 12 or any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            claims.append(Draft("statement", start, end, ctx.slice(start, end), fields))
    REPORTER_CACHE.clear()
    return claims


def _candidates(ctx: ArticleContext, sent, carried):
    """(start, end, fields) for each cue in the sentence, strongest evidence first."""
    out = []
    out.extend(_vague_sources(ctx, sent, carried))
    out.extend(_hedges(ctx, sent, carried))
    out.extend(_superlatives(ctx, sent))
    out.extend(_magnitudes(ctx, sent))
    out.extend(_assertions(ctx, sent, carried))
    return out


# ----------------------------------------------------------------- who says so
def _vague(ctx: ArticleContext, head) -> dict | None:
    """A source that names nobody: a plural group ("analysts", "some economists", "many in
    the industry") -> vague; an unnamed person ("a prosecutor in the case") -> anonymous."""
    if head is None or not (head.lower_ in _QUANTIFIERS or head.tag_ in ("NNS", "NNPS")
                            or any(c.lower_ in ("a", "an", "one") for c in head.children)) or is_quoted(ctx, head):
        return None
    quantified = head.lower_ in _QUANTIFIERS or any(c.dep_ in ("det", "amod") and c.lower_ in _QUANTIFIERS for c in head.children)
    if head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") and head.lower_ not in _QUANTIFIERS:
        return None
    sub = list(head.subtree)
    if any(t.like_num or t.text == "%" for t in sub):
        return None                      # "51 million people have seen": a count, not a source
    if any(t.ent_type_ == "PERSON" for t in sub):
        return None                      # "lawyers for Perry", "lawmakers, including Paul Ryan": named
    text = join_tokens(_source_tokens(ctx, head))
    if head.lower_ in _QUANTIFIERS and head.pos_ in ("PRON", "ADJ", "DET", "NOUN"):
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is not None and not (obj.lower_ in PEOPLE_NOUNS or obj.ent_type_ in ("NORP",)):
            return None                  # "some of the key developments": not people
        return {"source": text, "role": None, "type": "vague"}
    if head.tag_ in ("NNS", "NNPS") and (head.lower_ in PEOPLE_NOUNS or quantified):
        return {"source": text, "role": None, "type": "vague"}
    att = describe_source(ctx, head)
    if att is not None and att.get("type") == "anonymous" and any(c.lower_ in ("a", "an", "one") for c in head.children):
        return {"source": att["source"], "role": None, "type": "anonymous"}
    return None


def _source_tokens(ctx, head):
    toks = phrase_tokens(head, ctx)
    return toks or [head]


def _vague_sources(ctx: ArticleContext, sent, carried):
    for tok in sent:
        if is_quoted(ctx, tok):
            continue
        # "analysts noted ...", "some economists classify ...", "many said ...", "some supporters shrugged off ..."
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
            verb = tok.head
            att = _vague(ctx, tok)
            if att is None:
                continue
            says = is_speech_verb(verb) or verb.lemma_.lower() in BELIEF_VERBS
            if not says and not (tok.lower_ in _QUANTIFIERS or any(c.lower_ in _QUANTIFIERS for c in tok.children)):
                continue                     # "officials are working with ...": actors, not sources
            if not says and (verb.lemma_ == "be" or not _finite(verb)):
                continue                     # "some of them trapped in ...", "here are some ..."
            if not says and att["type"] != "vague":
                continue
            if reported_by_named(ctx, verb):
                continue
            hedge = _hedge_text(tok, verb)
            if says and verb.dep_ in ("ccomp", "parataxis") and not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
                verb = verb.head             # "..., analysts said": what they said is the clause it hangs on
            span = clause_span(ctx, sent, verb, keep_content=says)
            if span is None or carries_claim(carried, span):
                continue                     # "a third of voters had voted, officials said": the figure's source
            yield span[0], span[1], {"hedge": hedge, "attribution": att}
        # "was welcomed by analysts"
        if tok.dep_ == "agent" and tok.head.pos_ == "VERB":
            obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            att = _vague(ctx, obj) if obj is not None else None
            says = is_speech_verb(tok.head) or tok.head.lemma_.lower() in BELIEF_VERBS
            if att is None or att["type"] != "vague" or not says or reported_by_named(ctx, tok.head):
                continue                     # "indicted by a grand jury": an actor, not a source
            span = clause_span(ctx, sent, tok.head)
            if span is not None and not carries_claim(carried, span):
                hedge = join_tokens([tok.head, tok] + _source_tokens(ctx, obj))
                yield span[0], span[1], {"hedge": hedge, "attribution": att}
        # "according to box office figures", "according to an audio tape"
        if tok.lower_ == "according" and tok.dep_ in ("prep", "advcl", "advmod"):
            prep = next((c for c in tok.children if c.lower_ == "to"), None)
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            if obj is None or is_named_source(ctx, obj):
                continue
            if obj.lower_ not in DOCUMENT_NOUNS and _vague(ctx, obj) is None:
                continue
            verb = clause_verb(tok.head) or tok.head
            if reported_by_named(ctx, verb):
                continue
            span = clause_span(ctx, sent, verb)
            if span is not None:
                source = join_tokens(_source_tokens(ctx, obj))
                hedge = "according to " + source
                yield span[0], span[1], {"hedge": hedge, "attribution": {"source": source, "role": None, "type": "vague"}}


def _finite(verb) -> bool:
    return verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _hedge_text(subj, verb) -> str:
    """'some economists classify', 'Analysts noted', 'Many said': the source and its verb."""
    words = [*_source_core(subj), *(c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i), verb]
    return join_tokens(sorted({t.i: t for t in words}.values(), key=lambda t: t.i))


def _source_core(head):
    """The head with its modifiers and 'in/of' phrase, without clauses, appositions or commas."""
    keep = [head]
    for child in head.children:
        if child.dep_ in ("det", "amod", "compound", "nummod", "poss", "quantmod") or (child.dep_ == "prep" and child.lower_ in ("in", "of", "at")):
            keep.extend(child.subtree)
    return sorted(keep, key=lambda t: t.i)


# ----------------------------------------------------------------- hedges
def _hedges(ctx: ArticleContext, sent, carried):
    text = sent.text
    for m in _HEDGE.finditer(text):
        pos = ctx.absolute(sent.start_char + m.start())
        cue_tok = ctx.token_at(pos)
        if cue_tok is None or not in_own_voice(ctx, cue_tok):
            continue
        verb = clause_verb(cue_tok)
        if verb is None:
            continue
        if (is_speech_verb(verb) or verb.lemma_.lower() in BELIEF_VERBS) and verb.dep_ in ("ccomp", "parataxis") \
                and not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
            verb = verb.head                 # "..., officials say": the clause they say it of
        node = hedged_phrase(cue_tok, verb)
        span = phrase_span(ctx, sent, node) if node is not None else clause_span(ctx, sent, verb)
        if span is None or carries_claim(carried, span):
            continue                     # "is expected to be 360 teraflops": the figure's hedge
        hedge = " ".join(m.group(0).split())
        fields = {"hedge": hedge}
        group = _group_in_cue(ctx, cue_tok, m.group(0))
        if group:
            fields["attribution"] = group
        yield span[0], span[1], fields


def _group_in_cue(ctx, cue_tok, cue: str):
    """'analysts have warned' / 'many observers': the group the cue names (vague)."""
    for tok in [cue_tok, *cue_tok.head.children, cue_tok.head]:
        if tok.lower_ in VAGUE_NOUNS and tok.tag_ in ("NNS", "NNPS") and tok.lower_ in cue.lower():
            toks = [t for t in tok.subtree if t.i <= tok.i and t.dep_ != "det"]
            return {"source": join_tokens(toks), "role": None, "type": "vague"}
    return None


# ----------------------------------------------------------------- ranks and superlatives
def _superlatives(ctx: ArticleContext, sent):
    for tok in sent:
        if is_quoted(ctx, tok):
            continue
        superlative = (tok.tag_ in ("JJS", "RBS") and tok.lower_ not in ("most", "least", "best")) or (
            tok.lower_ in ("most", "least") and tok.head.pos_ == "ADJ") or (tok.lower_ == "best" and tok.tag_ == "JJS")
        ordinal = tok.ent_type_ == "ORDINAL" or re.fullmatch(r"\d+(?:st|nd|rd|th)", tok.lower_) is not None
        if not superlative and not ordinal:
            continue
        if tok.lemma_.lower() in _RECENCY or (tok.head.lemma_.lower() in _RECENCY and tok.lower_ in ("most", "least")):
            continue                     # "his most recent election", "the latest figures": when, not a rank
        noun = _modified_noun(tok)
        if noun is None:
            continue
        if not in_own_voice(ctx, noun):
            continue
        if ordinal and not superlative and not _rank_scoped(noun):
            continue
        scope = _scoped(noun) or (_scoped(noun.head) if noun.pos_ == "ADJ" else None)
        if superlative and scope is None:
            continue
        if scope is not None and scope.pos_ in ("VERB", "AUX"):
            span = clause_span(ctx, sent, scope)    # "endured the wettest summer in a century"
        else:
            span = phrase_span(ctx, sent, noun)
        if span is None:
            continue
        yield span[0], span[1], {}


def _modified_noun(tok):
    """The noun a superlative or ordinal ranks ('the worst Christmas', 'the least popular')."""
    node = tok
    if node.dep_ == "advmod" and node.head.pos_ in ("ADJ", "VERB") and node.head.dep_ in ("amod", "acomp", "attr"):
        node = node.head                      # "least popular", "longest serving"
    if node.dep_ in ("amod", "advmod", "nummod", "compound") and node.head.pos_ in ("NOUN", "PROPN"):
        return node.head
    if node.dep_ in ("acomp", "attr", "npadvmod", "dobj", "nsubj", "pobj") and node.pos_ in ("ADJ", "NOUN"):
        return node                           # "have been the least popular for 20 years"
    if node.pos_ == "ADJ" and node.head.pos_ in ("NOUN", "PROPN"):
        return node.head
    return None


def _scope_children(node):
    for child in node.children:
        if child.dep_ in ("prep", "advcl", "npadvmod", "advmod") or (child.dep_ == "poss"):
            yield child


def _scoped(noun):
    """'in decades', 'since 2000', 'for 20 years', 'among this year's nominees', 'ever',
    'in Texas history', 'on the planet', "the year's biggest": a scope that makes a
    superlative a claim. The word that carries the scope (the noun, or the verb taking it:
    "attracted the highest audience in four years"), or None."""
    heads = [noun]
    if noun.head.pos_ in ("VERB", "AUX") and noun.dep_ in ("dobj", "attr", "acomp", "nsubj"):
        heads.append(noun.head)               # "attracted the highest audience in four years"
    for head in heads:
        for child in _scope_children(head):
            low = child.lower_
            if low in ("ever", "yet") or low in ("since", "among", "amongst"):
                return head
            if child.dep_ == "poss" and child.lemma_.lower() in _SCOPE_OWNERS:
                return head
            if child.dep_ == "advcl" and any(c.lower_ == "since" for c in child.children):
                return head
            if low in ("in", "for", "on", "of", "over", "across", "at") and any(
                    t.lower_ in _SCOPE_NOUNS or (t.like_num and len(t.text) == 4) for t in child.subtree):
                return head
    return None


def _rank_scoped(noun) -> bool:
    """An ordinal that ranks: 'the 50th consecutive quarter', 'the second fall in a row'."""
    if any(c.lower_ in _RANK_WORDS for c in noun.children):
        return True
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "since"):
            words = {t.lower_ for t in child.subtree}
            if "row" in words or "history" in words or "record" in words or child.lower_ == "since":
                return True
    return False


# ----------------------------------------------------------------- vague magnitudes
def _magnitudes(ctx: ArticleContext, sent):
    for tok in sent:
        if tok.lower_ not in _MAGNITUDES or tok.pos_ not in ("NOUN", "NUM") or is_quoted(ctx, tok):
            continue
        prev = tok.doc[tok.i - 1] if tok.i > sent.start else None
        if prev is not None and (prev.like_num or (prev.lower_ in ("of",) and tok.lower_ == "tens")):
            continue                          # "5 millions", not vague
        if tok.lower_ == "tens" and not (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "of"):
            continue
        if not in_own_voice(ctx, tok):
            continue
        verb = clause_verb(tok)
        span = clause_span(ctx, sent, verb) if verb is not None else phrase_span(ctx, sent, tok)
        if span is not None:
            yield span[0], span[1], {}


# ----------------------------------------------------------------- unsourced assertions
_MODALS = {"would", "could", "can", "may", "might", "should", "must", "ought", "'d", "’d"}
_PERSONAL = {"i", "we", "you", "me", "us"}


def _assertions(ctx: ArticleContext, sent, carried):
    """A clause in the article's own voice that asserts something a reader could check,
    with no number or date in it (those are figures and events) and no source: "Lehmberg
    remained in office", "consumers will have fewer plans to choose from". Not: reporting
    clauses ("X said"), what could or would be, general truths about a kind ("Supercomputers
    are hugely important"), questions."""
    if sent.text.rstrip().endswith("?"):
        return
    for verb in sent:
        if verb.pos_ not in ("VERB", "AUX") or not is_main_clause(verb):
            continue
        subj = subject_of_clause(verb)
        if subj is None or subj.lower_ in _PERSONAL or subj.dep_ == "expl" or is_quoted(ctx, verb) or is_quoted(ctx, subj):
            continue                     # "There's also the corruption": a pointer, not a claim
        if any(c.lower_ in ("here", "our", "us", "your") for c in verb.children) or any(t.lower_ in ("our", "us", "your") for t in subj.subtree):
            continue                     # "Here are some of the key developments", page furniture
        if is_speech_verb(verb) or verb.lemma_.lower() in BELIEF_VERBS | EVALUATIVE_VERBS | SPEECH_ACTS:
            continue
        if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children):
            continue
        if is_generic(subj, verb):
            continue
        span = clause_span(ctx, sent, verb)
        if span is None or carries_claim(carried, span, ("figure",)) or has_quote(ctx, span):
            continue
        if (ctx.dates_in(*span) or carries_claim(carried, span, ("event",))) and not is_trend(ctx, verb, span):
            continue                     # a dated happening: the event carries it
        if not in_own_voice(ctx, verb) or reports_someone(ctx, span):
            continue                     # "Perry tried to rally support by saying ...": his words
        yield span[0], span[1], {}
