"""Assertions on a vague or missing source ("widely seen as", "reportedly").

A statement is the clause that carries a hedge cue (lexicon.HEDGE_CUES):
the cue's governing verb and its subtree, clipped to the sentence. Cues
that name a group ("analysts have warned", "many observers") also give a
vague attribution. Sentences inside quotations are the speaker's, not the
article's, and are skipped.
"""
from __future__ import annotations

import re

from .claims import Draft
from .context import ArticleContext
from .lexicon import HEDGE_CUES, VAGUE_NOUNS

_CUE = re.compile(r"\b(?:" + "|".join(HEDGE_CUES) + r")\b", re.IGNORECASE)


def extract_statements(ctx: ArticleContext) -> list[Draft]:
    claims: list[Draft] = []
    for sent in ctx.doc.sents:
        text = sent.text
        for m in _CUE.finditer(text):
            pos = ctx.absolute(sent.start_char + m.start())
            if ctx.in_quote(pos):
                continue
            cue_tok = ctx.token_at(pos)
            if cue_tok is None:
                continue
            start, end = _clause(ctx, sent, cue_tok)
            if end - start < 12 or any(c.start <= start < c.end or start <= c.start < end for c in claims if c.kind == "statement" and abs(c.start - start) < 5):
                continue
            hedge = " ".join(m.group(0).split())
            fields = {"hedge": hedge}
            source = _vague_source(ctx, cue_tok)
            if source:
                fields["attribution"] = {"source": source, "role": None, "type": "vague"}
            claims.append(Draft("statement", start, end, ctx.slice(start, end), fields))
            break       # one statement per sentence
    return claims


def _clause(ctx, sent, cue_tok):
    """The clause around the cue: its verb's subtree, or the whole sentence."""
    node = cue_tok
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") and node.dep_ in ("ROOT", "ccomp", "conj", "advcl", "relcl", "xcomp"):
            break
        if node.head == node:
            break
        node = node.head
    while node.dep_ == "xcomp" and node.head != node:
        node = node.head
    toks = [t for t in node.subtree if sent.start <= t.i < sent.end]
    if len(toks) < 4:
        toks = list(sent)
    lo, hi = min(t.i for t in toks), max(t.i for t in toks) + 1
    # drop a leading conjunction/adverbial opener ("But", "However,")
    doc = sent.doc
    while lo < hi and (doc[lo].pos_ in ("CCONJ", "PUNCT") or doc[lo].is_space):
        lo += 1
    return ctx.tokens_span(doc[lo:hi])


def _vague_source(ctx, cue_tok):
    for tok in [cue_tok] + list(cue_tok.head.children) + [cue_tok.head]:
        if tok.lower_ in VAGUE_NOUNS and tok.tag_ in ("NNS", "NNPS"):
            toks = [t for t in tok.subtree if t.i <= tok.i and t.dep_ != "det"]
            return " ".join(t.text for t in toks)
    return None
