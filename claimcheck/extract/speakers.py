"""Who a source phrase names, beyond its head word: joint speakers and organisations by full name.

* "Senator Ann Bell and Representative Tom Reed called the plan ..." is
  spoken by both: the source is "Ann Bell and Tom Reed" (a quote spoken
  jointly has both names, and a later "they added" takes them up);
* "the court said", "the ministry said" name the organisation the article
  named in full before ("the Northfield District Court ... the court"): the
  source is that full name, the nearest earlier organisation whose name has
  the same head word.
"""
from __future__ import annotations

from .context import ArticleContext, clean_name
from .lexicon import BUSINESS_NOUNS


def joint_names(ctx: ArticleContext, head) -> str | None:
    """'A and B' when the subject `head` (a person) is coordinated with other people."""
    if head.ent_type_ != "PERSON":
        return None
    people = [head] + [c for c in head.conjuncts if c.i > head.i and _is_person(ctx, c)]
    if len(people) < 2:
        return None
    names = []
    for tok in people:
        ent = ctx.ent_of(tok)
        name = ctx.full_name(clean_name(ent.text if ent is not None and ent.label_ == "PERSON" else tok.text))
        if name and name not in names:
            names.append(name)
    if len(names) < 2:
        return None
    return ", ".join(names[:-1]) + " and " + names[-1]


def _is_person(ctx: ArticleContext, tok) -> bool:
    return tok.ent_type_ == "PERSON" or (tok.pos_ == "PROPN" and ctx.is_known_surname(tok.text))


def full_org_name(ctx: ArticleContext, head, text: str) -> str:
    """'the court' -> 'Texas Court of Criminal Appeals' when the article named it so before.

    Only a definite phrase of common words ("the court", "the appeals court",
    "the ministry") is resolved, to the nearest organisation named earlier
    outside quotations whose name contains the head word; anything else is
    returned as it is."""
    if head.pos_ != "NOUN" or head.ent_type_ or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return text
    word = head.lemma_.lower()
    pos = ctx.absolute(head.idx)
    best = None
    # "the company", "the Swiss lender": the business named last (a word of its kind the name need not contain)
    generic = word in BUSINESS_NOUNS and all(c.dep_ in ("det", "amod") for c in head.lefts)
    for ent in ctx.ents:
        if ent.label_ != "ORG" or ctx.absolute(ent.start_char) >= pos or ctx.in_quote(ctx.absolute(ent.start_char)):
            continue
        if ent.start < ctx.body_start:
            continue                          # the dateline's agency
        words = {t.lemma_.lower() for t in ent} | {t.lower_ for t in ent}
        if (word in words and len(ent) > 1) or generic:
            best = ent
    if best is None:
        return text
    name = best.text
    for det in ("the ", "The "):
        if name.startswith(det):
            name = name[len(det):]
    return " ".join(name.split())
