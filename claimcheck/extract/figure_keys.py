"""The keys a figure is compared on: `subject` (what is measured) and `metric` (which quantity of it).

The checker compares figures whose subject and metric agree (after normalisation, the
reference aliases and the vocabulary of quantities, `claimcheck/data/vocabulary.yaml`), so
figures stating the same quantity in different articles must get the same keys, and figures
stating different quantities must not.

Metric: the quantity the number is a value of, read off the parse, then named with the
vocabulary's canonical words (`canonical_metric`: "deaths", "died", "death toll" are all
"people killed"):

* a count: the counted noun and the verb that does it to them ("killed 40 people" ->
  "people killed", "2,600 houses were burned" -> "houses burned"), people, persons and lives
  being "people";
* money, percentages and measurements: the noun they are a value of, as a modifier ("a $5bn
  budget", "a 5% stake"), through "of" ("a budget of $5bn", "a rate of 4.75%"), as the level a
  noun stands at or moves to ("unemployment stood at 5%", "rates were kept at 4.75%"); a change
  ("sales rose 5%", "a 52% rise in profits") is the noun's increase or fall; a transaction
  ("asked for $44bn", "raised $6 million") is the amount asked for, raised, spent, ...; a
  share ("51 percent of the vote", "a third of voters") is the share of what follows "of";
  measurements without such a noun are a distance, a duration, a weight, ... ("40 km from the
  border" is the distance from the border; "jailed for five years" a prison sentence).

Subject: the event or entity the quantity belongs to, resolved through the article
(`story.StoryIndex`): the owner of the measured noun ("Ukraine's population", "sales at
Tesco", "output in the production sector"), else the doer of the verb ("Quist raised $6
million" -> Rob Quist; "the company" -> the company the article names), else the event the
sentence hangs the number on ("killed in the blast" -> the bombing the headline names); a toll
with none of these is the story's event. Names are full names; datelines, date words,
leading articles and possessives are cleaned away.
"""
from __future__ import annotations

from functools import lru_cache

from claimcheck.normalize import name_key, vocabulary, vocabulary_data

from .lexicon import CHANGE_VERBS, SPEECH_VERBS
from .numbers import DIMENSION_METRIC, is_currency_code, unit_dimension
from .story import EVENT_NOUNS, REFERRING_NOUNS, StoryIndex, clean

# Verbs that say nothing about the quantity ("has 5 seats", "there are 40 people").
GENERIC_VERBS = {"be", "have", "say", "include", "tell", "add", "do", "make", "get", "become", "show",
                 "report", "estimate", "put", "see", "find", "give", "take", "reach", "total", "hit",
                 "top", "exceed", "surpass", "stand", "remain", "stay", "hold", "keep", "come", "go",
                 "leave", "number", "count", "amount", "represent", "account", "involve", "contain",
                 "need", "want", "expect", "use", "mean", "believe", "think", "know", "compare",
                 "record", "post", "register", "announce", "confirm", "suggest", "indicate"} | SPEECH_VERBS
# Verbs of money changing hands: the amount they move is the metric ("asked for $44 billion" is
# the amount requested), even those that are verbs of saying elsewhere ("ask", "demand", "offer").
MONEY_VERBS = {"ask", "seek", "request", "demand", "raise", "spend", "pay", "earn", "approve", "pledge",
               "promise", "allocate", "cost", "fine", "lose", "save", "owe", "borrow", "lend", "invest",
               "donate", "award", "grant", "offer", "bid", "sell", "buy", "receive", "collect", "gross",
               "take", "make", "give", "budget", "earmark", "appropriate", "provide", "contribute",
               "commit", "secure", "win", "veto", "cut", "add", "propose", "fund", "charge", "claim"}
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
# Verbs of growth: "the economy grew 3%" is the economy's growth.
GROWTH_VERBS = {"grow", "expand", "accelerate"}
# Nouns of change ("a 52% rise in profits").
UP_NOUNS = {"rise", "increase", "growth", "gain", "jump", "surge", "hike", "boost", "expansion", "climb", "rebound"}
DOWN_NOUNS = {"fall", "decrease", "drop", "decline", "cut", "reduction", "contraction", "slump", "loss", "dip", "slide", "plunge"}
# People as counted: "40 people", "persons", "lives", "individuals" are the vocabulary's "people".
PEOPLE_NOUNS = {"people", "persons", "person", "individuals", "lives", "others"}
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
_LIGHT_NOUNS = {"number", "total", "figure", "amount", "sum", "level", "proportion", "percentage"}
_PARTICIPLES = {
    "take": "taken", "win": "won", "hold": "held", "lead": "led", "sell": "sold", "buy": "bought",
    "lose": "lost", "give": "given", "make": "made", "pay": "paid", "set": "set", "cut": "cut",
    "put": "put", "bring": "brought", "seek": "sought", "spend": "spent", "find": "found", "see": "seen",
    "get": "got", "grow": "grown", "rise": "risen", "fall": "fallen", "shrink": "shrunk", "drive": "driven",
    "fly": "flown", "flee": "fled", "build": "built", "send": "sent", "steal": "stolen", "choose": "chosen",
    "write": "written", "beat": "beaten", "bear": "borne", "shoot": "shot", "hit": "hit", "keep": "kept",
    "lend": "lent", "owe": "owed", "run": "run", "sink": "sunk", "strike": "struck", "swear": "sworn",
    "tear": "torn", "throw": "thrown", "wear": "worn", "withdraw": "withdrawn", "forgive": "forgiven",
    "hide": "hidden", "freeze": "frozen", "begin": "begun", "break": "broken", "catch": "caught",
    "draw": "drawn", "eat": "eaten", "feed": "fed", "fight": "fought", "hang": "hung", "hear": "heard",
    "leave": "left", "meet": "met", "read": "read", "say": "said", "sit": "sat", "sleep": "slept",
    "speak": "spoken", "stand": "stood", "teach": "taught", "think": "thought", "understand": "understood",
    "wake": "woken", "bind": "bound", "bid": "bid", "spread": "spread", "quit": "quit", "shut": "shut",
    "let": "let", "split": "split", "bet": "bet", "cast": "cast", "cost": "cost", "hurt": "hurt",
}


def past_participle(lemma: str) -> str:
    """'kill' -> 'killed', 'injure' -> 'injured', 'drop' -> 'dropped', 'take' -> 'taken'."""
    low = lemma.lower()
    if low in _PARTICIPLES:
        return _PARTICIPLES[low]
    if low.endswith("e"):
        return low + "d"
    if low.endswith("y") and len(low) > 2 and low[-2] not in "aeiou":
        return low[:-1] + "ied"
    if (len(low) >= 3 and low[-1] not in "aeiouwxy" and low[-2] in "aeiou" and low[-3] not in "aeiou"
            and len(low) <= 4):
        return low + low[-1] + "ed"             # drop -> dropped, slip -> slipped (short verbs)
    return low + "ed"


# ---------------------------------------------------------------------------------- vocabulary
@lru_cache(maxsize=1)
def _canonical_names() -> dict[str, str]:
    """Canonical metric key -> its name as the vocabulary writes it."""
    return {name_key(name): name for name in vocabulary_data()["metrics"]}


def canonical_metric(text: str) -> str:
    """The vocabulary's name of a metric ("deaths" -> "people killed"), else the text itself."""
    synonyms, _ = vocabulary()
    key = name_key(text)
    found = synonyms.get(key)
    if found is None and key.endswith("s") and not key.endswith("ss"):
        found = synonyms.get(key[:-1])        # "revenues" -> "revenue"
    return _canonical_names().get(found, text) if found else text


def is_cumulative(metric: str) -> bool:
    """A running total by the vocabulary (tolls, people injured, amounts approved so far): the
    metric itself, or what is done to the counted ("civilians killed", "residents evacuated",
    "Rohingyas fled": killed, evacuated and fled are running totals whoever they are)."""
    synonyms, cumulative = vocabulary()
    key = name_key(metric)
    if synonyms.get(key, key) in cumulative:
        return True
    words = key.split()
    if len(words) < 2 or "(" in metric:
        return False
    return synonyms.get(words[-1]) in cumulative and words[-1] not in _NOT_TOTALS


# Last words that name a running total only for people ("cases" of a court are not infections).
_NOT_TOTALS = {"cases", "affected", "lives"}


def _known(text: str) -> bool:
    return name_key(text) in vocabulary()[0]


# ---------------------------------------------------------------------------------- the parse
def anchor(span, end: int):
    """The token of the number expression (with its unit: "11 %", "$44 billion") that hangs it in
    the sentence: the one whose head lies outside the expression."""
    doc = span.doc
    toks = list(doc[span.start:max(end, span.end)])
    inside = {t.i for t in toks}
    outside = [t for t in toks if t.head.i not in inside or t.head == t]
    return outside[-1] if outside else span[-1]


def _child(tok, *deps, words=None):
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


def measured_noun(anchor_tok):
    """(noun, how) for money, percentages and measurements: the noun the number is a value of.

    how: "modifier" ("a $5bn budget"), "of" ("a budget of $5bn"), "level" ("unemployment
    stood at 5%"), "change-up"/"change-down" ("sales rose 5%", "a 52% rise in profits" gives
    profits), or (None, "")."""
    a = anchor_tok
    head = a.head
    if a.dep_ in ("nummod", "amod", "compound", "quantmod", "nmod") and head.pos_ in ("NOUN", "PROPN") and head.i > a.i:
        if head.lower_ in UP_NOUNS or head.lower_ in DOWN_NOUNS:
            what = _of_or_in(head)
            return what, "change-up" if head.lower_ in UP_NOUNS else "change-down"
        return head, "modifier"
    if a.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN"):
        noun = head.head
        if noun.lower_ in UP_NOUNS or noun.lower_ in DOWN_NOUNS:
            return _of_or_in(noun) or _subject_noun(_verb_above(noun)), "change-up" if noun.lower_ in UP_NOUNS else "change-down"
        return noun, "of"
    verb = _verb_above(a)
    if verb is None:
        return None, ""
    lemma = verb.lemma_.lower()
    prep = head.lower_ if a.dep_ == "pobj" else ""
    up, down = lemma in UP_VERBS, lemma in DOWN_VERBS
    if a.dep_ == "dobj" and a.head.i == verb.i and lemma in _TRANSITIVE_CHANGE:
        return None, ""                       # "raised $6 million", "cut 500 jobs": moved, not changed
    if up or down or lemma in CHANGE_VERBS:
        noun = _subject_noun(verb) if verb.dep_ != "xcomp" else _subject_noun(verb.head)
        if lemma in ("raise", "cut", "lower", "reduce", "boost", "slash", "lift") and _child(verb, "dobj") is not None:
            noun = _child(verb, "dobj")       # "the bank cut rates to 4%"
        if prep == "to" or prep == "at" or (prep == "from" and a.dep_ == "pobj"):
            return noun, "level"
        return noun, "change-up" if up or (not down and lemma in ("double", "triple")) else "change-down"
    if (lemma in LEVEL_VERBS or verb.pos_ == "AUX") and (
            prep in ("at", "to", "of", "") or a.dep_ in ("attr", "acomp", "dobj", "npadvmod", "oprd")):
        noun = _child(verb, "dobj") if lemma in ("keep", "leave", "hold", "set", "put", "fix", "cap", "maintain") else None
        return noun or _subject_noun(verb), "level"
    return None, ""


def _of_or_in(noun):
    prep = _child(noun, "prep", words={"in", "of", "for"})
    return _child(prep, "pobj") if prep is not None else None


def _subject_noun(verb):
    """The noun subject of a verb, or of the verb it is the complement of ("rates are set to
    remain at 4.75%": rates)."""
    for _ in range(3):
        if verb is None:
            return None
        subj = _child(verb, "nsubj", "nsubjpass")
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


def _noun_words(noun, keep_compounds: bool = True) -> str:
    """A noun with its compounds and adjectives, lower-cased unless a name: 'average monthly premium'."""
    words = []
    for c in noun.lefts:
        if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ not in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "ORDINAL") and c.pos_ != "NUM":
            if c.ent_type_ in ("GPE", "ORG", "PERSON", "NORP", "PRODUCT") and c.pos_ in ("PROPN", "ADJ"):
                continue                      # "Tesco sales", "UK GDP": the owner, not the quantity
            if keep_compounds or c.dep_ == "compound" or (c.dep_ == "amod" and c.pos_ == "ADJ" and c.lower_ in CLASSIFYING):
                words.append(c.lower_ if c.pos_ != "PROPN" else c.text)
    head = noun.lower_ if noun.pos_ != "PROPN" or noun.lower_ in QUANTITY_NOUNS else noun.text
    if head in QUANTITY_NOUNS and noun.lemma_.lower() in QUANTITY_NOUNS:
        head = noun.lemma_.lower()           # "revenues" -> "revenue", "premiums" -> "premium"
    words.append(head)
    return " ".join(w for w in words if w not in ("’s", "'s"))


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


# ---------------------------------------------------------------------------------- metric
def figure_metric(ctx, span, unit, noun, noun_tok, verb, end: int) -> str:
    """The figure's metric, in the vocabulary's words where it has them."""
    dimension = unit_dimension(unit)
    a = anchor(span, end)
    if dimension == "percent" or dimension == "percentage point":
        return canonical_metric(_percent_metric(span, a, verb, dimension))
    if is_currency_code(dimension):
        return canonical_metric(_money_metric(a, verb))
    if dimension in DIMENSION_METRIC:
        return canonical_metric(_measure_metric(a, verb, dimension, unit))
    if unit == "times":
        noun_m, _how = measured_noun(a)
        return f"{_noun_words(noun_m)} multiple" if noun_m is not None else "multiple"
    measured, how = measured_noun(a)
    if noun_tok is None and measured is not None and measured.lower_ in _LIGHT_NOUNS and how in ("level", "change-up", "change-down", "of"):
        return canonical_metric(_light_count(measured))         # "the number of X fell to 12"
    if measured is not None and is_quantity(measured) and measured.lower_ not in _LIGHT_NOUNS and (
            (how in ("level", "of") and noun_tok is None) or (how in ("level", "change-up", "change-down") and
            measured.lemma_.lower() in _MEASURE_OF_COUNTS)):
        words = _noun_words(measured)            # "the death toll rose to 14", "unemployment rose 7,000"
        if how == "change-up":
            words += " increase"
        elif how == "change-down":
            words += " fall"
        return canonical_metric(words)
    metric = _count_metric(noun, noun_tok, verb, unit)
    if noun_tok is not None and (verb is None or verb.lemma_.lower() in GENERIC_VERBS):
        where = _where(noun_tok)
        if where:                             # "there are 305,775 people on a waiting list"
            metric = f"{metric} {where}"
    return canonical_metric(metric)


# Metrics that name only a dimension: no quantity an editor would compare across articles.
BARE_METRICS = {"share", "count", "duration", "amount", "distance", "weight", "area", "volume",
                "speed", "power", "energy", "increase", "fall", "percentage points", "multiple"}


def specific_metric(metric: str, verb, span, end: int | None = None) -> str:
    """A bare metric ("share", "duration", "amount") made specific with the verb it hangs on
    ("duration (stay)"), else the word the number hangs on, else its sentence's verb: a quantity
    nobody can name is compared only with quantities said the same way, not with every other
    bare "share". Never with the number itself (a restated figure must keep its key)."""
    if metric not in BARE_METRICS:
        return metric
    if verb is not None and verb.pos_ == "VERB" and verb.lemma_.lower() not in ("be", "have", "do"):
        return f"{metric} ({verb.lemma_.lower()})"
    head = anchor(span, end or span.end).head
    if head.is_alpha and not head.is_stop and head.pos_ in ("NOUN", "VERB", "ADJ", "PROPN"):
        return f"{metric} ({head.lemma_.lower()})"
    root = span.sent.root
    return f"{metric} ({root.lemma_.lower()})" if root.is_alpha else metric


# Quantities counted in people or things whose level or change a count states ("unemployment
# rose 7,000 to 4.4 million people", "the toll rose to 14 people").
_MEASURE_OF_COUNTS = {"unemployment", "toll", "population", "enrollment", "enrolment", "turnout",
                      "attendance", "audience", "membership", "workforce", "headcount"}


def _light_count(noun) -> str:
    """'the number of people waiting' -> 'people waiting'; 'the number waiting over a year' ->
    'people waiting'; 'the total of arrests' -> 'arrests'."""
    inner = _of_or_in(noun)
    if inner is not None and inner.pos_ in ("NOUN", "PROPN"):
        doing = next((c for c in inner.children if c.dep_ == "acl" and c.tag_ in ("VBG", "VBN")), None)
        return f"{_noun_words(inner, keep_compounds=False)} {doing.lower_}" if doing is not None else _noun_words(inner, keep_compounds=False)
    doing = next((c for c in noun.children if c.dep_ == "acl" and c.tag_ in ("VBG", "VBN")), None)
    return f"people {doing.lower_}" if doing is not None else noun.lower_


def _where(noun_tok) -> str:
    """'people on a waiting list', 'patients in hospital': where what is counted is (a common
    noun; a place's name belongs in the subject)."""
    prep = _child(noun_tok, "prep", words={"on", "in", "at"})
    obj = _child(prep, "pobj") if prep is not None else None
    if obj is None or obj.pos_ != "NOUN" or obj.ent_type_ or obj.lower_ in _PRONOUN_LIKE:
        return ""
    return f"{prep.lower_} {_noun_words(obj, keep_compounds=True)}"


# Nouns of harm whose "of" counts the harmed: "the deaths of 400 people", "the evacuation of 3,000".
HARM_NOUNS = {"death": "people killed", "deaths": "people killed", "killing": "people killed",
              "killings": "people killed", "murder": "people killed", "murders": "people killed",
              "evacuation": "people evacuated", "arrest": "people arrested", "arrests": "people arrested",
              "detention": "people arrested", "displacement": "people displaced", "exodus": "people fled",
              "injury": "people injured", "injuries": "people injured", "rescue": "people rescued"}


def _count_metric(noun, noun_tok, verb, unit) -> str:
    if noun_tok is not None and noun_tok.head.lower_ == "of" and noun_tok.head.head.lower_ in HARM_NOUNS:
        return HARM_NOUNS[noun_tok.head.head.lower_]          # "the deaths of at least 400 people"
    if (noun_tok is not None and noun_tok.head.lower_ == "of" and is_quantity(noun_tok.head.head)
            and noun_tok.head.head.lower_ not in _LIGHT_NOUNS):
        return _noun_words(noun_tok.head.head)                # "a margin of 10,700 votes" is a margin
    if noun == "members" and noun_tok is not None and noun_tok.lower_ != "members":
        return "members"                      # "a nine-strong committee", "the 15-member council"
    if noun_tok is not None and noun_tok.ent_type_ in ("NORP",) and noun_tok.pos_ == "PROPN":
        name = noun_tok.text                 # "58,600 Rohingya": a group, kept as named
    elif noun_tok is not None:
        name = _noun_words(noun_tok, keep_compounds=False) if not noun or len(noun.split()) == 1 else noun.lower()
    else:
        name = (noun or unit or "").lower()
    people = name in PEOPLE_NOUNS
    if verb is not None and verb.lemma_.lower() not in GENERIC_VERBS and verb.pos_ == "VERB":
        participle = past_participle(verb.lemma_)
        candidates = (f"people {participle}", participle) if people or not name else (f"{name} {participle}",)
        for candidate in candidates:
            if _known(candidate):
                return candidate
        if name in ("casualties", "fatalities", "deaths", "dead") and _known(name):
            return name
        if not name:
            return f"number {participle}"
        return f"{'people' if people else name} {participle}"
    return name or "count"


def _percent_metric(span, a, verb, dimension) -> str:
    doc = span.doc
    opinion = _opinion(a, verb)
    if opinion:                               # "39 percent of people said ...": what they said
        return opinion
    after = doc[a.i + 1:a.i + 3]
    of = next((t for t in after if t.lower_ == "of"), None)
    if (of is not None and of.head.i in (a.i, span[-1].i)) or (of is not None and of.i == a.i + 1):
        obj = _child(of, "pobj")
        if obj is not None:
            words = _noun_words(obj, keep_compounds=False)
            done = next((c for c in obj.children if c.dep_ in ("acl", "relcl") and c.tag_ == "VBN"), None)
            if done is None and obj.i + 1 < len(doc) and doc[obj.i + 1].tag_ == "VBN" and doc[obj.i + 1].dep_ != "ROOT":
                done = doc[obj.i + 1]
            if done is not None:              # "96 percent of the vote counted"
                return f"share of {words} {done.lower_}"
            if obj.lower_ in ("vote", "votes", "ballots"):
                return "vote share"
            return f"share of {words}"
    side = tally_side(a, verb)
    if side:
        return "vote share"
    noun, how = measured_noun(a)
    if noun is not None and noun.lower_ not in ("it", "they", "this", "that", "which") and noun.i not in range(span.start, a.i + 1):
        words = _noun_words(noun)
        if noun.lower_ in _LIGHT_NOUNS:
            inner = _of_or_in(noun)
            words = _noun_words(inner) if inner is not None else words
        quantity = noun.lower_ in QUANTITY_NOUNS or noun.lemma_.lower() in QUANTITY_NOUNS or _growth_noun(noun)
        growth = (verb is not None and verb.lemma_.lower() in GROWTH_VERBS) or noun.lower_ in ("economy", "economies")
        if how == "change-up":
            if not quantity:                  # "the services sector grew 1%": the sector's growth
                return "growth" if growth else "increase"
            return f"{words} growth" if _growth_noun(noun) or growth else f"{words} increase"
        if how == "change-down":
            return f"{words} fall" if quantity else "fall"
        if how in ("level", "modifier", "of") and quantity:
            return words
        if how in ("level", "modifier", "of"):
            return f"{words} share" if how == "modifier" else "share"
    if verb is not None and verb.lemma_.lower() in UP_VERBS:
        return "growth" if verb.lemma_.lower() in GROWTH_VERBS else "increase"
    if verb is not None and verb.lemma_.lower() in DOWN_VERBS:
        return "fall"
    if verb is not None and verb.lemma_.lower() in WIN_VERBS and a.dep_ == "pobj" and a.head.lower_ == "by":
        return "margin"
    if verb is not None and verb.lemma_.lower() in ("win", "get", "receive", "take", "capture", "poll"):
        return "vote share"
    return "percentage points" if dimension == "percentage point" else "share"


# Verbs of a poll's answers: "70% said they would vote", "59 percent support the plan".
OPINION_VERBS = {"say", "believe", "think", "support", "oppose", "want", "back", "favour", "favor", "approve",
                 "disapprove", "agree", "disagree", "expect", "plan", "prefer", "feel", "trust", "reject", "fear"}


def _opinion(a, verb) -> str:
    """'70% said they would be certain to vote' -> 'share saying they would be certain to vote':
    a poll's answer, named by what the share says (the first words of it)."""
    if verb is None or verb.lemma_.lower() not in OPINION_VERBS or a.dep_ not in ("nsubj",):
        return ""
    said = [t for t in verb.subtree if t.i > verb.i and t.dep_ != "punct"][:7]
    words = " ".join(t.lower_ for t in said)
    gerund = {"say": "saying", "believe": "believing", "think": "thinking", "support": "supporting",
              "oppose": "opposing", "want": "wanting", "back": "backing", "agree": "agreeing",
              "disagree": "disagreeing", "expect": "expecting", "plan": "planning", "prefer": "preferring",
              "feel": "feeling", "trust": "trusting", "reject": "rejecting", "fear": "fearing",
              "approve": "approving", "disapprove": "disapproving"}.get(verb.lemma_.lower(), "favouring")
    return f"share {gerund} {words}".strip()


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


def _growth_noun(noun) -> bool:
    """Quantities whose rise is growth: GDP ("gross domestic product"), output, production."""
    words = {noun.lower_} | {c.lower_ for c in noun.lefts if c.dep_ in ("compound", "amod")}
    return noun.lower_ in ("gdp", "output", "production", "growth") or (noun.lower_ == "product" and "domestic" in words)


def _money_metric(a, verb) -> str:
    noun, how = measured_noun(a)
    if how in ("change-up", "change-down") and noun is not None:
        if how == "change-up" and verb is not None and verb.lemma_.lower() == "raise" and noun.lower_ not in QUANTITY_NOUNS:
            return "amount raised"            # "Quist raised more than $6 million"
        if noun.lower_ in QUANTITY_NOUNS or noun.lemma_.lower() in QUANTITY_NOUNS:
            return _noun_words(noun)          # "premiums are rising to $302": the premium's level
        return "amount"
    if noun is not None and how in ("modifier", "of", "level") and noun.lower_ not in ("it", "this", "that"):
        words = _noun_words(noun)
        if noun.lower_ in _LIGHT_NOUNS:
            inner = _of_or_in(noun)
            words = _noun_words(inner) if inner is not None else words
        return words
    purpose = _purpose(a)
    if verb is not None and verb.lemma_.lower() in ("take", "gross", "earn", "make", "pull", "rake", "do"):
        doer = agent_of(verb, None)
        if doer is not None and (doer.ent_type_ == "WORK_OF_ART" or doer.lower_ in REFERRING_NOUNS["work"]):
            return "box office"                # "the film had taken $500m", "Titanic took $1.8bn"
    if verb is not None and verb.pos_ == "VERB" and (verb.lemma_.lower() not in GENERIC_VERBS or verb.lemma_.lower() in MONEY_VERBS):
        participle = past_participle(verb.lemma_)
        for candidate in ((f"{purpose} {participle}",) if purpose else ()) + (f"amount {participle}", participle):
            if _known(candidate):
                return candidate
        return f"{purpose or 'amount'} {participle}"
    return purpose or "amount"


def _purpose(a):
    """'$44 billion in aid', '$5m for the integrity unit': the noun the money is in or for."""
    prep = _child(a, "prep", words={"in", "of"})
    obj = _child(prep, "pobj") if prep is not None else None
    if obj is not None and obj.pos_ == "NOUN" and obj.ent_type_ not in ("DATE", "TIME"):
        return obj.lower_
    return ""


def _measure_metric(a, verb, dimension, unit) -> str:
    base = DIMENSION_METRIC[dimension]
    noun, how = measured_noun(a)
    if how == "modifier" and noun is not None and noun.lower_ not in QUANTITY_NOUNS - {"sentence", "term", "ban", "contract", "wait", "delay"}:
        return f"{_noun_words(noun, keep_compounds=False)} {'length' if base == 'distance' else base}"
    if how == "modifier" and noun is not None:
        return _noun_words(noun)              # "a 15-year sentence" -> sentence
    if how in ("level", "of") and noun is not None and noun.lower_ not in _LIGHT_NOUNS and is_quantity(noun) \
            and noun.pos_ == "NOUN":
        return _noun_words(noun)              # "the target is six months", "a wait of 18 months"
    doc = a.doc
    nxt = doc[a.i + 1] if a.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in ("long", "high", "tall", "deep", "wide", "thick", "old", "away"):
        return {"long": "length", "high": "height", "tall": "height", "deep": "depth", "wide": "width",
                "thick": "thickness", "old": "age", "away": "distance"}[nxt.lower_]
    if base == "distance":
        prep = next((t for t in doc[a.i + 1:a.i + 4] if t.lower_ in ("from", "of", "outside", "north", "south", "east", "west")), None)
        obj = next((t for t in prep.subtree if t.dep_ == "pobj"), None) if prep is not None else None
        if obj is not None:
            return f"distance from {clean(' '.join(t.text for t in obj.subtree if t.dep_ != 'det'))}"
    if base == "duration" and _in_prison(a):       # "up to 99 years in prison", "five years in jail"
        lemma = verb.lemma_.lower() if verb is not None else ""
        return "maximum prison sentence" if lemma in ("face", "carry", "bring", "risk") or _hedged_up_to(a) else "prison sentence"
    if base == "duration" and verb is not None:
        lemma = verb.lemma_.lower()
        if lemma in ("jail", "sentence", "imprison", "face", "serve", "spend") and _prison_near(a):
            return "maximum prison sentence" if lemma == "face" else "prison sentence"
        if lemma in ("jail", "sentence", "imprison"):
            return "prison sentence"
        if lemma not in GENERIC_VERBS:
            return f"duration ({lemma})"
    return base


def _in_prison(a) -> bool:
    doc = a.doc
    nxt = doc[a.i + 1:a.i + 4]
    return len(nxt) >= 2 and nxt[0].lower_ in ("in", "behind") and any(t.lower_ in ("prison", "jail", "bars") for t in nxt)


def _hedged_up_to(a) -> bool:
    doc = a.doc
    return any(doc[k].lower_ in ("up", "maximum") for k in range(max(a.sent.start, a.i - 4), a.i))


def _prison_near(a) -> bool:
    sent = a.sent
    return any(t.lower_ in ("prison", "jail", "jailed", "sentence", "sentenced", "imprisonment") for t in sent)


# ---------------------------------------------------------------------------------- subject
def figure_subject(ctx, story: StoryIndex, span, unit, noun_tok, verb, metric: str, end: int) -> str:
    """The event or entity the figure's quantity belongs to (see the module's docstring)."""
    a = anchor(span, end)
    dimension = unit_dimension(unit)
    inside = set(range(span.start, max(end, span.end)))
    side = tally_side(a, verb) if dimension == "percent" else ""
    if side:                                  # "X led Y by 51 percent to 43 percent"
        who = agent_of(verb, None) if side == "winner" else _child(verb, "dobj")
        named = _named(ctx, story, who) if who is not None else ""
        if named:
            return named
    if unit == "members" and noun_tok is not None and noun_tok.lower_ != "members":
        return _named(ctx, story, noun_tok) or clean(_noun_phrase(noun_tok, story))   # "the 15-member council"
    if dimension != "count" or unit == "times":
        noun, how = measured_noun(a)
        if noun is not None and noun.i not in inside:
            owner = _owner(ctx, story, noun)
            if owner:
                return owner
            if (noun.lower_ not in QUANTITY_NOUNS and not _growth_noun(noun) and noun.lower_ not in _PRONOUN_LIKE
                    and noun.pos_ in ("NOUN", "PROPN") and how in ("level", "change-up", "change-down")):
                return _named(ctx, story, noun) or clean(_noun_phrase(noun, story))   # "the economy grew 3%"
    if noun_tok is not None and noun_tok.i not in inside:
        owner = _owner(ctx, story, noun_tok)
        if owner:
            return owner
    harm = (is_cumulative(metric) and dimension == "count") or _of_the_event(metric, story)
    if verb is not None:
        agent = agent_of(verb, noun_tok)
        if agent is not None and agent.i not in inside and agent.i >= story.body_start and not is_quantity(agent):
            named = _named(ctx, story, agent)
            if named:
                return named
            if not harm and agent.lower_ not in QUANTITY_NOUNS and agent.pos_ in ("NOUN", "PROPN") and agent.lower_ not in _PRONOUN_LIKE:
                return clean(_noun_phrase(agent, story))
        event = _event_of(story, verb)
        if event:
            return event
    if story.story_event is not None and (harm or not story.topic):
        return story.story_event.name
    found = _sentence_entity(ctx, story, span, verb) or story.topic or (story.story_event.name if story.story_event else "")
    # nothing names it: the article itself (compared with no other article's figures)
    return found or _local_phrase(story, span, verb, inside) or clean(story.headline) or f"article {ctx.article.info.id}"


def _local_phrase(story, span, verb, inside) -> str:
    """Failing any name: the noun phrase the figure's clause is about (its verb's subject, else
    the sentence's)."""
    for node in (verb, span.sent.root):
        subj = _child(node, "nsubj", "nsubjpass") if node is not None else None
        if subj is not None and subj.i not in inside and subj.lower_ not in _PRONOUN_LIKE and subj.pos_ in ("NOUN", "PROPN"):
            return clean(_noun_phrase(subj, story))
    return ""


# Words of metrics that are measures of an election, not of a candidate or a party.
_ELECTION_WORDS = {"vote", "votes", "turnout", "ballots", "voters", "precincts", "counted", "electorate"}


def _of_the_event(metric: str, story) -> bool:
    """Is the metric a measure of the story's event itself ("share of vote counted", "turnout"
    of the election the article is about)?"""
    event = story.story_event
    if event is None or event.kind != "event:election":
        return False
    words = set(metric.lower().split())
    return bool(words & _ELECTION_WORDS) and metric != "vote share"


def _sentence_entity(ctx, story, span, verb=None) -> str:
    """The named subject of the figure's sentence (not a speaker): 'Tesco said sales rose 5%'
    is not Tesco's sales for sure, but 'Tesco's board approved a $5bn buyback' is Tesco's."""
    root = span.sent.root
    subj = _child(root, "nsubj", "nsubjpass")
    if subj is not None and subj.i >= story.body_start and root.lemma_.lower() not in SPEECH_VERBS and not is_quantity(subj):
        named = _named(ctx, story, subj)
        if named:
            return named
    # else the first place, organisation, event or work named in the figure's own clause (not who says it)
    if verb is None:
        return ""
    speaker = speech_subjects(span.sent)
    clause = {t.i for t in verb.subtree}
    for ent in span.sent.ents:
        if ent.label_ in ("GPE", "ORG", "EVENT", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "LAW") and ent.start >= story.body_start \
                and ent.root.i in clause and ent.root.i not in speaker and not is_quantity(ent.root):
            return _named(ctx, story, ent.root) or clean(ent.text)
    return ""


def speech_subjects(sent) -> set[int]:
    """Token indexes of the subjects of the sentence's verbs of saying (sources, not subjects)."""
    out = set()
    for tok in sent:
        if tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ == "VERB":
            for c in tok.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    out |= {t.i for t in c.subtree}
        if tok.lower_ == "according":
            out |= {t.i for t in tok.subtree}
    return out


_PRONOUN_LIKE = {"it", "its", "they", "them", "their", "this", "that", "these", "those", "which", "who", "what",
                 "he", "she", "his", "her", "we", "our", "i", "my", "you", "your", "one", "both", "each", "all",
                 "some", "many", "most", "others", "whose"}


def is_quantity(tok) -> bool:
    """Does the noun name a quantity (sales, GDP, rates, the toll) rather than a thing?"""
    return tok.lower_ in QUANTITY_NOUNS or tok.lemma_.lower() in QUANTITY_NOUNS or _growth_noun(tok)


def _owner(ctx, story, noun) -> str:
    """'Ukraine's population', 'UK GDP', 'sales at Tesco', 'output in the production sector'."""
    poss = _child(noun, "poss")
    if poss is not None and poss.lower_ not in _PRONOUN_LIKE:
        return _named(ctx, story, poss) or clean(_noun_phrase(poss))
    if poss is not None and poss.lower_ in ("his", "her"):
        person = ctx.last_person_before(ctx.absolute(poss.idx))
        if person:
            return person
    names = [c for c in noun.lefts if c.dep_ in ("compound", "nmod", "amod") and c.pos_ == "PROPN" and c.ent_type_ in ("GPE", "ORG", "PERSON", "NORP", "PRODUCT", "FAC", "WORK_OF_ART")]
    if names and is_quantity(noun):             # "UK GDP", "Tesco sales" (but "the UK economy" is a name)
        first = names[0]
        ent = next((e for e in noun.doc.ents if e.start <= first.i < e.end), None)
        text = ent.text if ent is not None else " ".join(c.text for c in names)
        return clean(ctx.full_name(text) if first.ent_type_ == "PERSON" else text)
    if is_quantity(noun):
        prep = _child(noun, "prep", words={"at", "in", "of", "for", "on", "from"})
        obj = _child(prep, "pobj") if prep is not None else None
        if obj is not None and obj.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL") and obj.lower_ not in _PRONOUN_LIKE:
            return _named(ctx, story, obj) or clean(_noun_phrase(obj))
    return ""


def agent_of(verb, noun_tok):
    """Who or what does the verb, when that is not the counted noun itself."""
    subj = _child(verb, "nsubj")
    if subj is None and verb.dep_ in ("relcl",) and verb.head.pos_ in ("NOUN", "PROPN"):
        subj = verb.head                       # "Quist, who raised $6 million"
    if subj is None:
        agent = _child(verb, "agent")
        subj = _child(agent, "pobj") if agent is not None else None
    if subj is None and verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.pos_ == "VERB":
        subj = _child(verb.head, "nsubj")
    if subj is None or (noun_tok is not None and (subj.i == noun_tok.i or subj.i in {t.i for t in noun_tok.subtree})):
        return None
    if subj.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
        subj = verb.head
    return subj


def _named(ctx, story, tok) -> str:
    """The name a token stands for: a person's full name ('he' -> the person the text is about),
    a named entity, or the event or named thing a noun refers to ('the blast', 'the company')."""
    if tok.lower_ in ("he", "she"):
        return ctx.last_person_before(ctx.absolute(tok.idx)) or ""
    if tok.lower_ in ("it", "they"):
        teller = _teller(tok)                  # "the White House said it had asked for ..."
        return _named(ctx, story, teller) if teller is not None else ""
    if tok.lower_ in _PRONOUN_LIKE:
        return ""
    if tok.ent_type_ == "PERSON":
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        return ctx.full_name(ent.text if ent is not None else tok.text)
    if tok.pos_ == "PROPN" and ctx.is_known_surname(tok.text):
        return ctx.full_name(tok.text)
    if tok.ent_type_ in ("ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "NORP"):
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        if ent is not None and tok.ent_type_ != "EVENT":
            words = [t for t in tok.subtree if t.dep_ not in ("det", "punct", "case") and not (t.dep_ == "prep" or t.head.dep_ == "prep")
                     and t.ent_type_ not in ("DATE", "TIME") and t.i <= tok.i]
            phrase = " ".join(t.text for t in words) if len(words) > len(ent) and tok.pos_ == "NOUN" else ent.text
            return clean(phrase)
    referent = story.referent(tok)
    if referent:
        return referent
    if tok.pos_ == "PROPN" and not tok.ent_type_:
        return proper_name(tok)                # "The Passion of the Christ", "Blue Gene/L"
    for c in tok.lefts:                    # "the Bank of England's committee", "Tesco's board"
        if c.dep_ == "poss" and c.ent_type_ in ("ORG", "GPE", "PERSON") and c.pos_ == "PROPN":
            return _named(ctx, story, c)
        if c.dep_ in ("compound", "nmod") and c.ent_type_ in ("ORG", "GPE", "NORP") and c.pos_ == "PROPN" and tok.pos_ == "NOUN":
            owner = _named(ctx, story, c)        # "the UK economy", "the Texas economy"
            return clean(f"{owner} {_noun_words(tok, keep_compounds=False)}") if owner else ""
    return ""


def _teller(pronoun):
    """'X said it would ...': the subject of the verb of saying whose clause the pronoun opens."""
    node = pronoun.head
    for _ in range(4):
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in SPEECH_VERBS:
            subj = _child(node.head, "nsubj")
            return subj if subj is not None and subj.lower_ not in _PRONOUN_LIKE else None
        if node.head == node:
            return None
        node = node.head
    return None


def proper_name(tok) -> str:
    """A proper name the entity recogniser missed: the name's words and an "of the X" in it."""
    toks = [t for t in tok.lefts if t.dep_ in ("compound", "nmod", "amod") and t.pos_ in ("PROPN", "NUM", "ADJ")]
    toks.append(tok)
    prep = _child(tok, "prep", words={"of"})
    obj = _child(prep, "pobj") if prep is not None else None
    if obj is not None and obj.pos_ == "PROPN":
        toks.extend([prep, *(t for t in obj.lefts if t.dep_ in ("det", "compound")), obj])
    toks = sorted({t.i: t for t in toks}.values(), key=lambda t: t.i)
    return clean(" ".join(t.text for t in toks))


def _noun_phrase(tok, story=None) -> str:
    """A short noun phrase: left modifiers, the noun, and one 'of'/'in'/'for' complement."""
    first = story.body_start if story is not None else 0
    words = [t for t in tok.lefts if t.dep_ not in ("det", "punct", "predet", "poss") and t.ent_type_ not in ("DATE", "TIME") and t.i >= first
             and t.lower_ not in _PRONOUN_LIKE and t.dep_ != "nummod" and t.pos_ != "NUM"]
    toks = [t2 for t in words for t2 in t.subtree if t2.ent_type_ not in ("DATE", "TIME") and t2.dep_ not in ("det", "punct")]
    toks.append(tok)
    prep = _child(tok, "prep", words={"of", "in", "for", "at", "on"})
    obj = _child(prep, "pobj") if prep is not None else None
    if obj is not None and obj.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL"):
        toks.append(prep)
        toks.extend(t for t in obj.lefts if t.dep_ not in ("det", "punct") and t.ent_type_ not in ("DATE", "TIME"))
        toks.append(obj)
    toks = sorted({t.i: t for t in toks if t.i >= first}.values(), key=lambda t: t.i)
    return " ".join(t.text for t in toks[:10])


def _event_of(story, verb) -> str:
    """'killed in the blast', 'died during the storm', 'injured by the explosion': the event."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "during", "from", "by", "after", "since", "at"):
            obj = _child(child, "pobj")
            if obj is not None and (obj.lower_ in EVENT_NOUNS or obj.ent_type_ == "EVENT"):
                event = story.event_at(obj)
                if event is not None:
                    return event.name
    subj = _child(verb, "nsubj")
    if subj is not None and (subj.lower_ in EVENT_NOUNS or subj.ent_type_ == "EVENT"):
        event = story.event_at(subj)
        if event is not None:
            return event.name
    return ""
