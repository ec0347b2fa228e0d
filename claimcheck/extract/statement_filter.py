"""What is never a statement, and who says what a clause says.

Never statements: words inside quotation marks (the speaker's) and what a
named person or organisation is reported to say or think ("the ministry
said ...", "according to the ONS"): that is reported speech with a source.
Nor are headlines and section headers, speech acts ("X apologized"), general
truths about a kind ("Supercomputers are hugely important"), or a clause
whose claim is a figure's or an event's (a number or a date in it) -- except
a change over a period up to now ("had grown closer in the last week"), a
trend and so a statement.
"""
from __future__ import annotations

import re

from .attribution import describe_source, document_issuer, is_speech_verb, subject_of
from .context import ArticleContext
from .lexicon import CHANGE_VERBS, VAGUE_NOUNS

# Verbs whose subject is the source of the clause they govern.
BELIEF_VERBS = {
    "believe", "think", "consider", "classify", "fear", "worry", "expect", "regard", "view",
    "doubt", "suspect", "estimate", "agree", "feel", "reckon", "predict", "question", "speculate",
    "assume", "anticipate", "forecast", "project", "welcome", "criticise", "criticize", "blame", "credit",
}
# Plural nouns for people in general (a quantified group of them is a vague source).
PEOPLE_NOUNS = VAGUE_NOUNS | {
    "supporters", "voters", "economists", "fans", "investors", "traders", "parents", "teachers",
    "doctors", "scientists", "americans", "europeans", "allies", "opponents", "members", "citizens",
    "businesses", "companies", "firms", "retailers", "consumers", "customers", "shoppers", "workers",
    "employees", "users", "viewers", "readers", "students", "republicans", "democrats", "conservatives",
    "liberals", "politicians", "legislators", "lawyers", "judges", "academics", "commentators",
    "pundits", "campaigners", "groups", "organisations", "organizations", "countries", "governments",
}
# What "according to" may rest on that names nobody: documents, recordings, figures, groups.
DOCUMENT_NOUNS = {
    "figures", "data", "statistics", "estimates", "estimate", "tape", "recording", "recordings",
    "video", "footage", "documents", "document", "records", "reports", "report", "accounts",
    "polls", "sources", "source", "media", "rumours", "rumors", "projections", "calculations",
    "research", "studies", "study", "numbers", "tallies", "count", "analysis",
}


def skip_sentence(ctx: ArticleContext, sent) -> bool:
    """Headlines, section headers, datelines and sentences inside quotation marks."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if len(words) < 4:
        return True
    line_start = ctx.text.rfind("\n", 0, ctx.absolute(sent.start_char)) + 1
    line_end = ctx.text.find("\n", ctx.absolute(sent.start_char))
    line = ctx.text[line_start:line_end if line_end != -1 else None].strip()
    if len(line.split()) <= 12 and not line.endswith((".", "?", "!", "”", '"')):
        return True
    inside = sum(1 for t in words if ctx.in_quote(ctx.absolute(t.idx)))
    return inside > len(words) / 2


def carries_claim(carried, span, kinds=("figure",)) -> bool:
    """Does a figure (or event) claim lie in the span? Then the span's claim is that one's."""
    return any(s < span[1] and span[0] < e for s, e, kind in carried if kind in kinds)


# ----------------------------------------------------------------- who says so
def is_quoted(ctx, tok) -> bool:
    return ctx.in_quote(ctx.absolute(tok.idx))


REPORTER_CACHE: dict = {}     # token index -> _reporter's answer, for the article being read


def _reporter(ctx: ArticleContext, tok):
    """The speech or belief verb whose reported content holds `tok`, and its source:
    (verb, attribution) or (None, None) when the words are the article's own."""
    key = (id(ctx), tok.i)
    if key not in REPORTER_CACHE:
        REPORTER_CACHE[key] = _find_reporter(ctx, tok)
    return REPORTER_CACHE[key]


def _find_reporter(ctx: ArticleContext, tok):
    node = tok
    for _ in range(12):
        if node.head.i == node.i:
            break
        child, node = node, node.head
        content = child.dep_ in ("ccomp", "xcomp", "parataxis", "advcl") or (child.dep_ == "dobj" and node.lemma_.lower() in BELIEF_VERBS)
        if content and (is_speech_verb(node) or node.lemma_.lower() in BELIEF_VERBS):
            return node, describe_source(ctx, subject_of(node))
    return None, None


def _according_to(ctx: ArticleContext, verb):
    """'..., according to X' on `verb` (or the verb it hangs on): the phrase X's head."""
    for node in (verb, verb.head):
        for child in node.children:
            if child.lower_ == "according":
                for prep in child.children:
                    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if obj is not None:
                        return obj
    return None


def in_own_voice(ctx: ArticleContext, tok) -> bool:
    """The article's own words: not quoted, and not what a named person or organisation says."""
    if is_quoted(ctx, tok):
        return False
    verb, att = _reporter(ctx, tok)
    if verb is not None and att is not None and att.get("type") in ("named", "organization"):
        return False
    clause = clause_verb(tok)
    if clause is not None:
        source = _according_to(ctx, clause)
        if source is not None and is_named_source(ctx, source):
            return False
    return True


def is_named_source(ctx: ArticleContext, head) -> bool:
    issuer = document_issuer(head)
    if issuer is not None:                  # "according to data compiled by LSEG"
        return is_named_source(ctx, issuer)
    if head.lower_ in DOCUMENT_NOUNS or (head.tag_ in ("NNS", "NNPS") and head.lower_ in PEOPLE_NOUNS):
        return False
    att = describe_source(ctx, head)
    return att is not None and att.get("type") in ("named", "organization")


def clause_verb(tok):
    node = tok
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("aux", "auxpass", "amod"):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def reported_by_named(ctx: ArticleContext, verb) -> bool:
    v, att = _reporter(ctx, verb)
    return v is not None and att is not None and att.get("type") in ("named", "organization")


# ----------------------------------------------------------------- what unsourced assertions are not
# Verbs that report a speech act rather than assert a fact ("apologized for the incident").
SPEECH_ACTS = {"apologize", "apologise", "thank", "congratulate", "address", "project", "speak", "talk",
               "discuss", "interview", "answer", "reply", "campaign"}
# Adjectives of belief: "X is confident that ..." reports what X thinks.
_BELIEF_ADJECTIVES = {"confident", "sure", "convinced", "certain", "adamant", "optimistic", "hopeful", "pessimistic",
                      "worried", "concerned", "afraid", "aware", "unaware", "sceptical", "skeptical", "doubtful"}


_TREND_VERBS = CHANGE_VERBS | {"narrow", "widen", "tighten", "close", "improve", "worsen", "deteriorate",
                               "strengthen", "weaken", "soften", "harden", "shift", "slow", "accelerate"}
_UP_TO_NOW = re.compile(r"^(?:in|over|during|throughout)\s+(?:the\s+(?:last|past|recent)|recent)\b")
_PERIOD_PREPS = ("in", "over", "during", "throughout")


def is_trend(ctx, verb, span) -> bool:
    """'The race had grown closer in the last week': a change over a period up to now is a
    trend, a statement (GUIDELINES), not a dated event; only when every date in the clause
    is such a period."""
    if verb.lemma_.lower() not in _TREND_VERBS:
        return False
    dates = ctx.dates_in(*span)
    return bool(dates) and all(_period_up_to_now(ctx, d) for d in dates)


def _period_up_to_now(ctx, mention) -> bool:
    """'in the last week', 'over the past year', 'in recent weeks' (not 'last week')."""
    words = mention.text.lower().split()
    before = ctx.text[max(0, mention.start - 20):mention.start].lower().split()
    while words and words[0] not in _PERIOD_PREPS and before and len(words) < 6:
        words = [before.pop()] + words       # "(in) (the) last week": the words the mention left out
    return bool(_UP_TO_NOW.match(" ".join(words)))


def reports_someone(ctx, span) -> bool:
    """A verb of saying or believing in the span whose subject is a named person or organisation
    ("... by saying the indictment was ...", "one area where Mr X sees Y as crucial")."""
    toks = ctx.char_span(*span)
    for tok in toks or []:
        believes = tok.pos_ in ("VERB", "AUX") and (is_speech_verb(tok) or tok.lemma_.lower() in BELIEF_VERBS | SPEECH_ACTS
                                                    or (tok.lemma_.lower() == "see" and any(c.lower_ == "as" for c in tok.children)))
        if tok.dep_ == "acomp" and tok.lemma_.lower() in _BELIEF_ADJECTIVES and tok.head.lemma_ == "be":
            believes, tok = True, tok.head   # "X is confident that ..."
        if believes:
            att = describe_source(ctx, subject_of(tok))
            if att is not None and att.get("type") in ("named", "organization"):
                return True
    return False


def is_main_clause(verb) -> bool:
    """The root, a clause joined to another verb ("..., and consumers will have ..."), or a
    clause after ', yet' / ', but' that the parse hung on the first as its complement."""
    if verb.dep_ == "ROOT":
        return True
    if subject_of_clause(verb) is None or verb.head.pos_ not in ("VERB", "AUX"):
        return False
    if verb.dep_ == "conj":
        return True
    if verb.dep_ == "ccomp" and not (is_speech_verb(verb.head) or verb.head.lemma_.lower() in BELIEF_VERBS):
        first = min(t.i for t in verb.subtree)
        doc = verb.doc
        return first >= 2 and doc[first - 1].dep_ == "cc" and doc[first - 2].text in (",", ";")
    return False


def subject_of_clause(verb):
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")), None)


def is_generic(subj, verb) -> bool:
    """'Supercomputers are hugely important': a bare plural in the present, about a kind."""
    bare = subj.tag_ in ("NNS",) and not any(c.dep_ in ("det", "poss", "nummod", "compound") for c in subj.children)
    present = verb.tag_ in ("VBP", "VBZ") or any(c.dep_ == "aux" and c.tag_ in ("VBP", "VBZ") and c.lower_ not in ("has", "have") for c in verb.children)
    return bare and present


def has_quote(ctx, span) -> bool:
    return any(s < span[1] and span[0] < e for s, e in ctx.quote_regions)
