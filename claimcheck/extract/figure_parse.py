"""Where a figure's number sits in the parse, read for its keys (`figure_metric`, `figure_subject`)
and to tell two keys apart (`key_guard`).

The token that hangs the number in the sentence (`anchor`), the noun the number is a value of
(`measured_noun`: "a $5bn budget", "a budget of $5bn", "unemployment stood at 5%", "sales rose
5%"), the verb its quantity belongs to (`figure_verb`) and who does it (`agent_of`), the side of
a tally a share is on (`tally_side`), whether a noun names a quantity rather than a thing
(`is_quantity`), and a noun's own words (`noun_words`). The word lists are the ones the parse
is read with: verbs and nouns of change and level, and the nouns that name quantities.
"""
from __future__ import annotations

import re

from claimcheck import quantities

from .lexicon import CHANGE_VERBS
from .number_spans import NUMBER_WORDS

# Verbs of winning: a number "by" them is a margin ("won by half a percentage point").
WIN_VERBS = {"win", "lead", "beat", "defeat", "trail", "edge", "narrow", "widen", "carry"}
# Verbs that put a number at a level ("stood at 5%", "kept rates at 4.75%", "set at $5").
LEVEL_VERBS = {"be", "stand", "remain", "stay", "hold", "keep", "leave", "set", "peak", "average",
               "total", "reach", "hit", "top", "run", "sit", "hover", "settle", "close", "end", "finish",
               "trade", "come", "amount", "put", "estimate", "fix", "cap", "maintain"}
UP_VERBS = {"rise", "increase", "grow", "climb", "jump", "raise", "boost", "expand", "surge", "soar",
            "double", "triple", "gain", "swell", "advance", "rally", "accelerate", "up", "lift", "spike"}
DOWN_VERBS = {"fall", "decrease", "drop", "decline", "cut", "reduce", "halve", "shrink", "slip", "plunge",
              "lower", "slash", "slide", "sink", "tumble", "contract", "dip", "ease", "lose", "down",
              "slump", "plummet", "retreat", "slow", "fell"}
# Verbs of change that also move things: the number as their object is what is moved.
_TRANSITIVE_CHANGE = {"raise", "cut", "lower", "reduce", "boost", "slash", "lift", "add", "lose", "gain", "shed"}
# Nouns of change ("a 52% rise in profits").
UP_NOUNS = {"rise", "increase", "growth", "gain", "jump", "surge", "hike", "boost", "expansion", "climb", "rebound"}
DOWN_NOUNS = {"fall", "decrease", "drop", "decline", "cut", "reduction", "contraction", "slump", "loss", "dip", "slide", "plunge"}
# Nouns that name a quantity rather than a thing (their owner is the subject).
QUANTITY_NOUNS = {
    "gdp", "output", "sales", "revenue", "revenues", "profit", "profits", "earnings", "income", "price",
    "prices", "cost", "costs", "premium", "premiums", "rate", "rates", "inflation", "unemployment",
    "growth", "exports", "imports", "deficit", "surplus", "debt", "budget", "spending", "turnover",
    "value", "valuation", "wages", "pay", "salary", "salaries", "tax", "taxes", "fees", "fares",
    "production", "productivity", "demand", "supply", "enrollment", "enrolment", "turnout", "support",
    "approval", "rating", "ratings", "population", "toll", "audience", "audiences", "attendance",
    "margin", "lead", "share", "shares", "stake", "majority", "fine", "bill", "funding", "aid",
    "assistance", "investment", "losses", "loss", "capacity", "volume", "volumes", "lending",
    "borrowing", "reserves", "assets", "dividend", "bonus", "yield", "yields", "fare", "tariff",
    "tariffs", "subsidy", "subsidies", "wage", "rent", "rents", "index", "stock", "speed",
    "emissions", "consumption", "takings", "gross", "box", "ticket", "bid", "offer", "deal",
    "package", "contract", "sentence", "term", "jail", "prison", "ban", "suspension", "length",
    "distance", "height", "depth", "width", "weight", "area", "size", "age", "interval", "wait",
    "delay", "duration", "period", "record", "target", "forecast", "estimate", "figure", "total",
    "number", "proportion", "percentage", "level", "amount", "sum", "average", "median", "percent", "%",
    "cent",
}
# Pronouns and quantifiers: words that name nothing by themselves.
PRONOUN_LIKE = {"it", "its", "they", "them", "their", "this", "that", "these", "those", "which", "who", "what",
                "he", "she", "his", "her", "we", "our", "i", "my", "you", "your", "one", "both", "each", "all",
                "some", "many", "most", "others", "whose",
                "side", "camp"}   # "the 'no' side took 45.8%": one side of the vote, named by no word of its own


# ---------------------------------------------------------------------------------- the parse
def anchor(span, end: int):
    """The token of the number expression (with its unit: "11 %", "$44 billion") that hangs it in
    the sentence: the one whose head lies outside the expression."""
    doc = span.doc
    toks = list(doc[span.start:max(end, span.end)])
    inside = {t.i for t in toks}
    outside = [t for t in toks if t.head.i not in inside or t.head == t]
    return outside[-1] if outside else span[-1]


def child_of(tok, *deps, words=None):
    """The first child of `tok` whose dependency is one of `deps` (and, given `words`, whose
    lower-cased text is one of them), else None."""
    return next((c for c in tok.children if c.dep_ in deps and (words is None or c.lower_ in words)), None)


def _verb_above(tok, limit: int = 4):
    node = tok
    for _ in range(limit):
        if node.head == node:
            return node if node.pos_ in ("VERB", "AUX") else None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


# Verbs that take a quantity to a new level: "brought the toll to 91", "took the total to 12".
_BRINGING_VERBS = {"bring", "take", "push", "send", "drive", "lift"}


def measured_noun(anchor_tok):
    """(noun, how) for money, percentages and measurements: the noun the number is a value of.

    how: "modifier" ("a $5bn budget"), "of" ("a budget of $5bn"), "level" ("unemployment
    stood at 5%"), "change-up"/"change-down" ("sales rose 5%", "a 52% rise in profits" gives
    profits), or (None, "")."""
    a = anchor_tok
    head = a.head
    if a.dep_ in ("nummod", "amod", "compound", "quantmod", "nmod") and head.pos_ in ("NOUN", "PROPN") and head.i > a.i:
        if head.lower_ in UP_NOUNS or head.lower_ in DOWN_NOUNS:
            what = of_or_in_object(head)
            return what, "change-up" if head.lower_ in UP_NOUNS else "change-down"
        return head, "modifier"
    if a.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN"):
        noun = head.head
        if noun.lower_ in UP_NOUNS or noun.lower_ in DOWN_NOUNS:
            return of_or_in_object(noun) or _subject_noun(_verb_above(noun)), "change-up" if noun.lower_ in UP_NOUNS else "change-down"
        return noun, "of"
    verb = _verb_above(a)
    if verb is None:
        return None, ""
    lemma = verb.lemma_.lower()
    prep = head.lower_ if a.dep_ == "pobj" else ""
    up, down = lemma in UP_VERBS, lemma in DOWN_VERBS
    if a.dep_ == "dobj" and a.head.i == verb.i and lemma in _TRANSITIVE_CHANGE:
        return None, ""                       # "raised $6 million", "cut 500 jobs": moved, not changed
    if prep == "to" and lemma in _BRINGING_VERBS and child_of(verb, "dobj") is not None:
        return child_of(verb, "dobj"), "level"  # "the deaths bring the toll to 91"
    if up or down or lemma in CHANGE_VERBS:
        noun = _subject_noun(verb) if verb.dep_ != "xcomp" else _subject_noun(verb.head)
        if lemma in ("raise", "cut", "lower", "reduce", "boost", "slash", "lift") and child_of(verb, "dobj") is not None:
            noun = child_of(verb, "dobj")       # "the bank cut rates to 4%"
        if prep == "to" or prep == "at" or (prep == "from" and a.dep_ == "pobj"):
            return noun, "level"
        return noun, "change-up" if up or (not down and lemma in ("double", "triple")) else "change-down"
    if (lemma in LEVEL_VERBS or verb.pos_ == "AUX") and (
            prep in ("at", "to", "of", "") or a.dep_ in ("attr", "acomp", "dobj", "npadvmod", "oprd")):
        noun = child_of(verb, "dobj") if lemma in ("keep", "leave", "hold", "set", "put", "fix", "cap", "maintain") else None
        return noun or _subject_noun(verb), "level"
    return None, ""


def of_or_in_object(noun):
    """The object of the noun's "in", "of" or "for" ("a rise in profits" -> profits), else None."""
    prep = child_of(noun, "prep", words={"in", "of", "for"})
    return child_of(prep, "pobj") if prep is not None else None


def _subject_noun(verb):
    """The noun subject of a verb, or of the verb it is the complement of ("rates are set to
    remain at 4.75%": rates)."""
    for _ in range(3):
        if verb is None:
            return None
        subj = child_of(verb, "nsubj", "nsubjpass")
        if subj is not None:
            return subj if subj.pos_ in ("NOUN", "PROPN") else None
        if verb.dep_ not in ("xcomp", "conj") or verb.head == verb:
            return None
        verb = verb.head
    return None


# Adjectives that make another quantity of a counted noun ("electoral votes" are not votes cast).
CLASSIFYING = {"electoral", "popular", "civilian", "military", "foreign", "domestic", "local", "federal",
               "national", "international", "public", "private", "nuclear", "ballistic", "registered",
               "eligible", "undocumented", "illegal", "active", "wounded", "injured", "dead", "missing",
               "unemployed", "elderly", "young", "female", "male", "armed", "unarmed", "former"}


def _currency_word(tok) -> bool:
    """'euro', 'francs', 'dollar': a currency's name (the checker's table of units)."""
    dimension = quantities.UNITS.get(tok.lower_, ("",))[0]
    return len(dimension) == 3 and dimension.isupper()


def _a_name(tok) -> bool:
    """A proper noun written as a name; not a common word the tagger calls one because it opens
    the sentence ("Visitor numbers rose")."""
    return tok.pos_ == "PROPN" and (bool(tok.ent_type_) or tok.i != tok.sent.start)


def noun_words(noun, keep_compounds: bool = True) -> str:
    """A noun with its compounds and adjectives, lower-cased unless a name: 'average monthly premium'."""
    words = []
    doc = noun.doc
    for c in noun.lefts:
        if any(t.text in ("(", ")") for t in doc[c.i + 1:noun.i]):
            continue                          # "TARVOS (Reuters) - Revenue": a dateline, no modifier
        if c.dep_ in ("compound", "amod", "nmod", "npadvmod") and c.lower_ in PERIOD_WORDS and not _counted(c):
            words.append(_period_words(c))    # "fourth-quarter revenue" is not "full-year revenue"
            continue
        if _currency_word(c) or (c.dep_ == "compound" and c.lower_ in quantities.UNITS):
            continue                          # "a 300-million-euro loan" is a loan, as "a loan of 300 million euros"
        if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ not in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "ORDINAL") and c.pos_ != "NUM":
            if c.ent_type_ in ("GPE", "ORG", "PERSON", "NORP", "PRODUCT") and c.pos_ in ("PROPN", "ADJ"):
                continue                      # "Tesco sales", "UK GDP": the owner, not the quantity
            if keep_compounds or c.dep_ == "compound" or (c.dep_ == "amod" and c.pos_ == "ADJ" and c.lower_ in CLASSIFYING):
                words.append(c.text if _a_name(c) else c.lower_)
    head = noun.text if _a_name(noun) and noun.lower_ not in QUANTITY_NOUNS else noun.lower_
    if head in QUANTITY_NOUNS and noun.lemma_.lower() in QUANTITY_NOUNS:
        head = noun.lemma_.lower()           # "revenues" -> "revenue", "premiums" -> "premium"
    words.append(head)
    return " ".join(w for w in words if w not in ("’s", "'s"))


# The period a quantity covers, when a modifier names it: kept in the metric, for a quarter's
# revenue and a year's are different quantities ("fourth-quarter", "first-half", "full-year").
PERIOD_WORDS = {"quarter", "quarterly", "half", "year", "annual", "yearly", "month", "monthly", "week", "weekly",
                "daily", "full-year", "first-half", "second-half"}


def _counted(tok) -> bool:
    """'15-year', 'three-month': a number of periods (a duration), not the period a figure covers."""
    return any(t.text[:1].isdigit() or t.lower_ in NUMBER_WORDS or t.lower_ in ("several", "few") for t in tok.subtree)



def _period_words(tok) -> str:
    """'fourth-quarter', 'first-half', 'quarterly': the modifier with its own modifiers."""
    text = "".join(t.text_with_ws for t in tok.subtree if not re.fullmatch(r"\d{4}", t.text)).strip().lower()   # the year: as_of
    return re.sub(r"\s*-\s*", "-", text)


def figure_verb(span, noun_tok, end: int, governing):
    """The verb a figure's quantity belongs to: a clause on the number itself ("about $50
    billion Congress previously approved", "the 2.2% recorded in 2003"), else `governing`."""
    a = anchor(span, end)
    for c in a.children:
        if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB":
            return c
    if noun_tok is not None:
        for c in noun_tok.children:
            if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB" and c.tag_ in ("VBN", "VBD"):
                return c
    return governing


def tally_side(a, verb) -> str:
    """'X led Y by 51 percent to 43 percent': "winner" for 51, "loser" for 43, else ""."""
    if verb is None or verb.lemma_.lower() not in WIN_VERBS or a.dep_ != "pobj":
        return ""
    doc = a.doc
    if a.head.lower_ == "by":
        nxt = doc[a.i + 1] if a.i + 1 < len(doc) else None
        return "winner" if nxt is not None and nxt.lower_ == "to" and a.i + 2 < len(doc) and doc[a.i + 2].like_num else ""
    if a.head.lower_ == "to":
        k = a.head.i - 1
        while k > a.sent.start and doc[k].lower_ in ("percent", "%", "points", "votes"):
            k -= 1
        return "loser" if doc[k].like_num and k - 1 >= 0 and doc[k - 1].lower_ == "by" else ""
    return ""


def is_growth_noun(noun) -> bool:
    """Quantities whose rise is growth: GDP ("gross domestic product"), output, production."""
    words = {noun.lower_} | {c.lower_ for c in noun.lefts if c.dep_ in ("compound", "amod")}
    return noun.lower_ in ("gdp", "output", "production", "growth") or (noun.lower_ == "product" and "domestic" in words)


def is_quantity(tok) -> bool:
    """Does the noun name a quantity (sales, GDP, rates, the toll) rather than a thing?"""
    return tok.lower_ in QUANTITY_NOUNS or tok.lemma_.lower() in QUANTITY_NOUNS or is_growth_noun(tok)


def agent_of(verb, noun_tok):
    """Who or what does the verb, when that is not the counted noun itself."""
    subj = child_of(verb, "nsubj")
    if subj is None and verb.dep_ in ("relcl",) and verb.head.pos_ in ("NOUN", "PROPN"):
        subj = verb.head                       # "Quist, who raised $6 million"
    if subj is None:
        agent = child_of(verb, "agent")
        subj = child_of(agent, "pobj") if agent is not None else None
    if subj is None and verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.pos_ == "VERB":
        subj = child_of(verb.head, "nsubj")
    if subj is None or (noun_tok is not None and (subj.i == noun_tok.i or subj.i in {t.i for t in noun_tok.subtree})):
        return None
    if subj.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
        subj = verb.head
    return subj
