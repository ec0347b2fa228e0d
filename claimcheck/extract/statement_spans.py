"""The text of a statement: the shortest clause or phrase that carries the claim, never a
whole paragraph.

A clause is left without what hangs on it after a comma (a participle, an
apposition, a relative clause, another clause), another clause joined to it,
a clause opening the sentence and a leading "However,"; a noun phrase stops
at a comma that opens an apposition or a clause.
"""
from __future__ import annotations

from .statement_filter import is_quoted

_OPENERS = {"however", "but", "and", "meanwhile", "yet", "so", "still", "also", "though", "although"}


# ----------------------------------------------------------------- spans
_AFTER_COMMA_CUT = {"relcl", "acl", "appos", "advcl", "parataxis", "ccomp", "npadvmod", "dep", "conj", "prep"}


def hedged_phrase(cue_tok, verb):
    """'a campaign seen as a long-shot': a participle hedging a noun is that noun phrase."""
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return None


def clause_span(ctx, sent, verb, keep_content=False):
    """The clause of `verb`, shortest form: its subtree without what hangs on it after a comma
    (a participle, an apposition, a relative clause, another clause), without another clause
    joined to it, a clause opening the sentence or a leading 'However,'/'But', clipped to the
    sentence; `keep_content` keeps what a verb of saying reports even after a comma ("Analysts
    noted, however, the threat ..."). (start, end) absolute, or None."""
    if verb is None:
        return None
    node = verb
    while node.dep_ in ("xcomp", "aux", "auxpass") and node.head.i != node.i:
        node = node.head
    cut: set[int] = set()
    for t in node.subtree:
        if t.i == node.i or t.i in cut:
            continue
        if keep_content and t.head.i == node.i and t.dep_ in ("ccomp", "xcomp"):
            continue
        if t.dep_ in _AFTER_COMMA_CUT and t.i > t.head.i and t.i > node.i and _after_comma(t, t.head) and (t.dep_ != "conj" or t.pos_ in ("VERB", "AUX")):
            cut |= {x.i for x in t.subtree}
        elif t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) \
                and _joined(t):
            cut |= {x.i for x in t.subtree}
            cut |= {c.i for c in t.head.children if c.dep_ == "cc" and c.i < t.i}
        elif t.head.i == node.i and (t.dep_ == "parataxis" or (t.dep_ == "advcl" and t.i < node.i)):
            cut |= {x.i for x in t.subtree}
    toks = [t for t in node.subtree if sent.start <= t.i < sent.end and t.i not in cut]
    return _run_span(ctx, node, toks)


def _joined(clause) -> bool:
    """A clause that opens after a conjunction or a comma ("..., and consumers will"), not
    one the parse made of words inside the first ("subsidies to 85 percent of people enrolled")."""
    first = min(t.i for t in clause.subtree)
    return first > 0 and (clause.doc[first - 1].dep_ == "cc" or clause.doc[first - 1].text in (",", ";"))


def phrase_span(ctx, sent, head):
    """A noun phrase: the head's subtree up to a comma that opens an apposition or clause."""
    cut: set[int] = set()
    for child in head.children:
        if child.i > head.i and _after_comma(child, head):
            cut |= {t.i for t in child.subtree}
        if child.dep_ in ("cc", "conj") and child.i > head.i:
            cut |= {t.i for t in child.subtree}
    toks = [t for t in head.subtree if sent.start <= t.i < sent.end and t.i not in cut]
    return _run_span(ctx, head, toks)


def _after_comma(child, head) -> bool:
    doc = child.doc
    first = min(t.i for t in child.subtree)
    return any(doc[k].text in (",", ";", "—", "–", "(") for k in range(head.i + 1, first + 1) if k < len(doc) and k >= 0)


def _run_span(ctx, head, toks):
    indexes = {t.i for t in toks}
    start = end = head.i
    first = ctx.body_start      # never into the dateline
    while start - 1 in indexes and start - 1 >= first:
        start -= 1
    while end + 1 in indexes:
        end += 1
    doc = head.doc
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].lower_ in _OPENERS
                           or doc[start].dep_ == "cc" or (is_quoted(ctx, doc[start]) and doc[start].is_punct)):
        if doc[start].lower_ in _OPENERS and start + 1 <= end and doc[start + 1].text != "," and doc[start].dep_ not in ("cc", "advmod"):
            break
        start += 1
    while end > start and (((doc[end].is_punct or doc[end].is_space) and doc[end].text not in (")", "”", '"', "%"))
                           or doc[end].dep_ == "cc" or doc[end].lower_ in _OPENERS):
        end -= 1
    if end <= start:
        return None
    s, e = ctx.tokens_span(doc[start:end + 1])
    return (s, e) if e > s else None
