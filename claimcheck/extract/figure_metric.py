"""A figure's `metric` (which quantity of its subject the number is a value of): one of the two
keys a figure is compared on, the other being its `subject` (what is measured, `figure_subject`).

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
"""
from __future__ import annotations

from functools import lru_cache

from claimcheck.normalize import name_key, vocabulary, vocabulary_data

from .figure_parse import (
    DOWN_VERBS,
    PRONOUN_LIKE,
    QUANTITY_NOUNS,
    UP_VERBS,
    WIN_VERBS,
    agent_of,
    anchor,
    child_of,
    is_growth_noun,
    is_quantity,
    measured_noun,
    noun_words,
    of_or_in_object,
    tally_side,
)
from .lexicon import SPEECH_VERBS
from .numbers import DIMENSION_METRIC, is_currency_code, unit_dimension
from .story import REFERRING_NOUNS, clean

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
# Verbs of growth: "the economy grew 3%" is the economy's growth.
GROWTH_VERBS = {"grow", "expand", "accelerate"}
# People as counted: "40 people", "persons", "lives", "individuals" are the vocabulary's "people".
PEOPLE_NOUNS = {"people", "persons", "person", "individuals", "lives", "others"}
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
    "shed": "shed", "lay": "laid", "slay": "slain", "arise": "arisen", "undergo": "undergone",
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


def participle_of(verb) -> str:
    """The verb's past participle: as written when it is one ("was fined": the lemmatiser's "fin"
    would make "finned"), else made from its lemma."""
    if verb.tag_ == "VBN" and verb.is_alpha and verb.lower_.endswith(("ed", "en", "wn", "t")):
        return verb.lower_
    return past_participle(verb.lemma_)


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


# ---------------------------------------------------------------------------------- metric
def figure_metric(ctx, span, unit, noun, noun_tok, verb, end: int) -> str:
    """The figure's metric, in the vocabulary's words where it has them; a forecast's metric
    says so ("revenue forecast"): what a company expects is not what it reported."""
    metric = _stated_metric(ctx, span, unit, noun, noun_tok, verb, end)
    if metric == "vote share":
        side = _ballot_side(span)
        metric = f"{side} vote share" if side else metric   # a referendum's yes and no are two quantities
    per = per_what(span.doc, max(end, span.end), measured_noun(anchor(span, end))[0])
    if per in _PER_PERIOD:                   # "$75 per month": the monthly premium
        period = _PER_PERIOD[per]
        metric = metric if period in metric.split() else f"{period} {metric}"
    elif per and f" per {per}" not in metric:
        metric = canonical_metric(f"{metric} per {per}")   # "$1.38 per share": earnings per share, not earnings
    return f"{metric} forecast" if forecast(verb) and "forecast" not in metric else metric


# A rate per period is the period's quantity, as a modifier names it ("monthly", figure_parse.PERIOD_WORDS).
_PER_PERIOD = {"day": "daily", "week": "weekly", "month": "monthly", "quarter": "quarterly", "year": "annual",
               "annum": "annual"}
# "$5 a share", "$300 a head": the idioms of a rate with "a" (not "$5 a year" or "a day", durations).
_A_RATE = {"share", "head", "barrel", "ounce", "tonne", "ton", "gallon", "litre", "liter"}


def per_what(doc, end: int, noun) -> str:
    """What the figure is a rate of, named after it or after its noun: "$1.38 per share",
    "profit per share rose to $2", "$300 a head" -> share, share, head; "" for none ("per cent"
    is a unit)."""
    for i in (end, noun.i + 1 if noun is not None else None):
        if i is None or i + 1 >= len(doc):
            continue
        word, after = doc[i].lower_, doc[i + 1]
        if after.pos_ != "NOUN" or after.lower_ in ("cent", "centum"):
            continue
        if word == "per" or (word == "a" and after.lower_ in _A_RATE):
            return after.lemma_.lower()
    return ""


# Verbs that make a figure a forecast or a target, not a measurement.
_FORECAST_VERBS = {"forecast", "predict", "project", "expect", "anticipate", "target", "foresee", "envisage"}


def forecast(verb) -> bool:
    """Is the figure's verb one of forecasting, or does one take its clause ("analysts expect
    revenue to reach $3 billion", "the toll is expected to rise to 100")?"""
    for _ in range(2):
        if verb is None:
            return False
        if verb.lemma_.lower() in _FORECAST_VERBS and verb.pos_ in ("VERB", "AUX"):
            return True
        verb = verb.head if verb.dep_ in ("xcomp", "ccomp") else None
    return False


def _stated_metric(ctx, span, unit, noun, noun_tok, verb, end: int) -> str:
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
        return f"{noun_words(noun_m)} multiple" if noun_m is not None else "multiple"
    measured, how = measured_noun(a)
    if noun_tok is None and measured is not None and measured.lower_ in _LIGHT_NOUNS and how in ("level", "change-up", "change-down", "of"):
        return canonical_metric(_light_count(measured))         # "the number of X fell to 12"
    if measured is not None and is_quantity(measured) and measured.lower_ not in _LIGHT_NOUNS and (
            (how in ("level", "of") and noun_tok is None) or (how in ("level", "change-up", "change-down") and
            measured.lemma_.lower() in _MEASURE_OF_COUNTS)):
        words = noun_words(measured)            # "the death toll rose to 14", "unemployment rose 7,000"
        if how == "change-up":
            words += " increase"
        elif how == "change-down":
            words += " fall"
        return canonical_metric(words)
    if noun_tok is None and not unit and measured is not None and measured.tag_ == "NNS" and how in ("level", "change-up", "change-down"):
        words = noun_words(measured)            # "tourist arrivals rose to 2.4 million"
        return canonical_metric(words + {"change-up": " increase", "change-down": " fall"}.get(how, ""))
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
    inner = of_or_in_object(noun)
    if inner is not None and (_under_evacuation_order(inner) or _under_evacuation_order(noun)):
        return "people evacuated"             # "the number of people under evacuation orders"
    if inner is not None and inner.pos_ == "ADJ" and _known(inner.lower_):
        return inner.lower_                   # "the number of dead": the vocabulary's people killed
    if inner is not None and inner.pos_ in ("NOUN", "PROPN"):
        doing = next((c for c in inner.children if c.dep_ == "acl" and c.tag_ in ("VBG", "VBN")), None)
        return f"{noun_words(inner, keep_compounds=False)} {doing.lower_}" if doing is not None else noun_words(inner, keep_compounds=False)
    doing = next((c for c in noun.children if c.dep_ == "acl" and c.tag_ in ("VBG", "VBN")), None)
    return f"people {doing.lower_}" if doing is not None else noun.lower_


def _where(noun_tok) -> str:
    """'people on a waiting list', 'patients in hospital': where what is counted is (a common
    noun; a place's name belongs in the subject)."""
    prep = child_of(noun_tok, "prep", words={"on", "in", "at"})
    obj = child_of(prep, "pobj") if prep is not None else None
    if obj is None or obj.pos_ != "NOUN" or obj.ent_type_ or obj.lower_ in PRONOUN_LIKE:
        return ""
    return f"{prep.lower_} {noun_words(obj, keep_compounds=True)}"


# Nouns of harm whose "of" counts the harmed: "the deaths of 400 people", "the evacuation of 3,000".
HARM_NOUNS = {"death": "people killed", "deaths": "people killed", "killing": "people killed",
              "killings": "people killed", "murder": "people killed", "murders": "people killed",
              "evacuation": "people evacuated", "arrest": "people arrested", "arrests": "people arrested",
              "detention": "people arrested", "displacement": "people displaced", "exodus": "people fled",
              "injury": "people injured", "injuries": "people injured", "rescue": "people rescued"}


# "left 32 people dead": the state a count of people is left in is what happened to them.
_LEFT_IN = {"dead": "people killed", "injured": "people injured", "wounded": "people injured",
            "homeless": "people displaced", "missing": "people missing", "stranded": "people stranded",
            "trapped": "people trapped", "unaccounted": "people missing"}


# Verbs that make people do something: the count is of what they did ("forced 4 million
# people to flee" -> people fled).
# Verbs that put the counted in a state ("left 32 people dead", "five were confirmed dead",
# "three are feared dead", "two were found dead").
_STATE_VERBS = {"leave", "remain", "be", "stay", "confirm", "declare", "pronounce", "find", "fear", "presume",
                "believe", "report", "list"}
_CAUSING_VERBS = {"force", "drive", "compel", "prompt", "cause", "oblige", "push"}


# Nouns for the people of a place: as counts of harm or movement they are "people" ("12,000
# residents evacuated" and "12,000 people evacuated" are one quantity; civilians and soldiers are not).
RESIDENT_NOUNS = {"residents", "inhabitants", "locals", "villagers", "townspeople", "householders", "islanders"}


def _under_evacuation_order(noun_tok) -> bool:
    """'evacuation orders for 30,000 people', '15,000 people (were) under evacuation orders'."""
    def evacuation(tok) -> bool:
        return any(t.lower_ in ("evacuation", "evacuations") for t in tok.subtree)
    if noun_tok.dep_ == "pobj" and noun_tok.head.lower_ == "for" and evacuation(noun_tok.head.head):
        return True
    holders = [noun_tok] + ([noun_tok.head] if noun_tok.dep_ in ("nsubj", "nsubjpass") else [])
    return any(c.dep_ == "prep" and c.lower_ == "under" and evacuation(c) for h in holders for c in h.children)


def _from_homes(verb) -> bool:
    """'forced ... from their homes', 'drove ... out of their houses'."""
    return any(prep.dep_ == "prep" and prep.lower_ in ("from", "out", "of")
               and any(t.lemma_.lower() in ("home", "house", "village", "town") for t in prep.subtree)
               for prep in verb.children)


def _count_metric(noun, noun_tok, verb, unit) -> str:
    if noun_tok is not None and _under_evacuation_order(noun_tok):
        return "people evacuated"
    if (noun_tok is not None and noun_tok.lower_ in PEOPLE_NOUNS | RESIDENT_NOUNS and noun_tok.head.lower_ == "to"
            and noun_tok.head.head.lower_ == "home"):
        return "population"                   # "a village home to some 750 people", whatever the verb
    if verb is not None and verb.lemma_.lower() in _CAUSING_VERBS:
        done = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if done is None and _from_homes(verb) and noun_tok is not None and noun_tok.lower_ in PEOPLE_NOUNS | RESIDENT_NOUNS:
            return "people displaced"         # "the floods forced 12,000 people from their homes"
        verb = done if done is not None else verb
    if verb is not None and (verb.lemma_.lower() in _STATE_VERBS or verb.lower_ in _LEFT_IN) \
            and noun_tok is not None and noun_tok.pos_ == "NOUN":
        # "left 32 people dead", "nine people remain missing", "14 were still missing"
        state = next((c for c in verb.children if c.dep_ in ("oprd", "acomp", "xcomp") and c.lower_ in _LEFT_IN), None)
        if state is None and verb.lower_ in _LEFT_IN and any(c.lemma_ == "be" for c in verb.children if c.dep_ in ("aux", "auxpass")):
            state = verb                      # "are still missing" parsed as a verb of missing
        if state is not None:                 # "left 400 villagers homeless": villagers displaced
            done = _LEFT_IN[state.lower_]
            return done if noun_tok.lower_ in PEOPLE_NOUNS | RESIDENT_NOUNS else f"{noun_words(noun_tok, keep_compounds=False)} {done.split()[-1]}"
    if noun_tok is not None and noun_tok.head.lower_ == "of" and noun_tok.head.head.lower_ in HARM_NOUNS:
        harm = HARM_NOUNS[noun_tok.head.head.lower_]          # "the deaths of at least 400 people"
        if noun_tok.lower_ in PEOPLE_NOUNS | RESIDENT_NOUNS or noun_tok.pos_ != "NOUN":
            return harm
        # "the evacuation of 12,000 residents" is "12,000 residents were evacuated"
        return f"{noun_words(noun_tok, keep_compounds=False)} {harm.split()[-1]}"
    if (noun_tok is not None and noun_tok.head.lower_ == "of" and is_quantity(noun_tok.head.head)
            and noun_tok.head.head.lower_ not in _LIGHT_NOUNS):
        return noun_words(noun_tok.head.head)                # "a margin of 10,700 votes" is a margin
    if noun == "members" and noun_tok is not None and noun_tok.lower_ != "members":
        return "members"                      # "a nine-strong committee", "the 15-member council"
    if noun_tok is not None and noun_tok.ent_type_ in ("NORP",) and noun_tok.pos_ == "PROPN":
        name = noun_tok.text                 # "58,600 Rohingya": a group, kept as named
    elif noun_tok is not None:
        name = noun_words(noun_tok, keep_compounds=False) if not noun or len(noun.split()) == 1 else noun.lower()
    else:
        name = (noun or unit or "").lower()
    if name in RESIDENT_NOUNS:
        name = "people"
    people = name in PEOPLE_NOUNS
    done_to = _done_to(noun_tok, name, people)
    if verb is not None and verb.pos_ == "VERB" and not people and name:
        said = _canonical_participle(_held_as_detained(verb))
        if said:                              # "35 protesters were detained" is "protesters arrested"
            return f"{name} {said}"
    if done_to and (verb is None or verb.lemma_.lower() in GENERIC_VERBS or verb.pos_ != "VERB"
                    or not any(_known(c) for c in (f"people {participle_of(verb)}", participle_of(verb)))):
        return done_to                        # "protecting 15,000 displaced people": people displaced
    if verb is not None and verb.lemma_.lower() not in GENERIC_VERBS and verb.pos_ == "VERB":
        participle = participle_of(verb)
        candidates = (f"people {participle}", participle) if people or not name else (f"{name} {participle}",)
        if people:                            # "4,000 people spent the night": no money was spent
            candidates = tuple(c for c in candidates if c.startswith("people") or canonical_metric(c).startswith("people"))
        for candidate in candidates:
            if _known(candidate):
                return candidate
        if name in ("casualties", "fatalities", "deaths", "dead") and _known(name):
            return name
        if not name:
            return f"number {participle}"
        return f"{'people' if people else name} {participle}"
    return name or "count"


def _held_as_detained(verb) -> str:
    """The verb's lemma, with a passive "hold" of people read as "detain" ("nine suspects have
    been held"): "hold" is otherwise a verb that says nothing ("holds 30 seats")."""
    lemma = verb.lemma_.lower()
    if lemma == "hold" and any(c.dep_ == "auxpass" for c in verb.children) \
            and not any(c.lower_ in _HELD_BY_OTHERS for c in verb.children if c.dep_ == "nsubjpass"):
        return "detain"
    return lemma


_HELD_BY_OTHERS = {"hostages", "captives", "hostage", "captive"}   # held, but by no authority


def _canonical_participle(lemma: str) -> str:
    """The vocabulary's word for what a verb does to people, when it names a running total of
    them: 'detain' -> 'arrested', 'die' -> 'killed', 'wound' -> 'injured' (else '')."""
    if lemma.lower() in GENERIC_VERBS:
        return ""
    canon = canonical_metric(f"people {past_participle(lemma)}")
    if canon == f"people {past_participle(lemma)}" and not _known(canon):
        canon = canonical_metric(past_participle(lemma))
    if canon.startswith("people ") and is_cumulative(canon):
        return canon.split(" ", 1)[1]
    return ""


def _done_to(noun_tok, name: str, people: bool) -> str:
    """What a participle before the counted noun says was done to them, when the vocabulary counts
    it as a running total ("15,000 displaced people", "30 badly injured villagers"): the quantity
    an editor names, whatever verb the sentence hangs the number on ("protecting", "one of")."""
    if noun_tok is None:
        return ""
    for c in noun_tok.lefts:
        if c.dep_ != "amod" or not (c.tag_ == "VBN" or c.lower_ in ("dead", "injured", "wounded", "missing", "displaced")):
            continue
        word = c.lower_
        for candidate in (f"people {word}", word):
            if _known(candidate) and is_cumulative(candidate):
                return candidate if people or not name else f"{name} {word}"
    return ""


def _percent_metric(span, a, verb, dimension) -> str:
    doc = span.doc
    opinion = _opinion(a, verb)
    if opinion:                               # "39 percent of people said ...": what they said
        return opinion
    after = doc[a.i + 1:a.i + 3]
    of = next((t for t in after if t.lower_ == "of"), None)
    if (of is not None and of.head.i in (a.i, span[-1].i)) or (of is not None and of.i == a.i + 1):
        obj = child_of(of, "pobj")
        if obj is not None:
            words = noun_words(obj, keep_compounds=False)
            done = next((c for c in obj.children if c.dep_ in ("acl", "relcl") and c.tag_ == "VBN"), None)
            if done is None and obj.i + 1 < len(doc) and doc[obj.i + 1].tag_ == "VBN" and doc[obj.i + 1].dep_ != "ROOT":
                done = doc[obj.i + 1]
            if done is not None:              # "96 percent of the vote counted"
                return f"share of {words} {done.lower_}"
            if obj.lower_ in ("vote", "votes", "ballots"):
                return "vote share"
            group = _group_opinion(a)
            if group:                         # "a majority, including 50 percent of Republicans, said ..."
                return f"share of {words} {group}"
            return f"share of {words}"
    side = tally_side(a, verb)
    if side:
        return "vote share"
    noun, how = measured_noun(a)
    if noun is not None and noun.lower_ not in ("it", "they", "this", "that", "which") and noun.i not in range(span.start, a.i + 1):
        words = noun_words(noun)
        if noun.lower_ in _LIGHT_NOUNS:
            inner = of_or_in_object(noun)
            words = noun_words(inner) if inner is not None else words
        quantity = noun.lower_ in QUANTITY_NOUNS or noun.lemma_.lower() in QUANTITY_NOUNS or is_growth_noun(noun)
        growth = (verb is not None and verb.lemma_.lower() in GROWTH_VERBS) or noun.lower_ in ("economy", "economies")
        if how == "change-up":
            if not quantity:                  # "the services sector grew 1%": the sector's growth
                return "growth" if growth else "increase"
            # "revenue grew 5%" and "revenue rose 5%" are one quantity: growth only of output, GDP
            return f"{words} growth" if is_growth_noun(noun) else f"{words} increase"
        if how == "change-down":
            return f"{words} fall" if quantity else "fall"
        if how in ("level", "modifier", "of") and quantity:
            return words
        if how in ("level", "modifier", "of"):
            return f"{words} share" if how == "modifier" else "share"
    if how in ("change-up", "change-down") and a.dep_ == "pobj" and a.head.lower_ == "of" and a.head.head.pos_ == "NOUN":
        # "reported growth of 0.4%", "a fall of 2%": the change its noun names, of nothing named
        return "growth" if is_growth_noun(a.head.head) else ("increase" if how == "change-up" else "fall")
    if verb is not None and verb.lemma_.lower() in UP_VERBS:
        return "growth" if verb.lemma_.lower() in GROWTH_VERBS else "increase"
    if verb is not None and verb.lemma_.lower() in DOWN_VERBS:
        return "fall"
    if verb is not None and verb.lemma_.lower() in WIN_VERBS and a.dep_ == "pobj" and a.head.lower_ == "by":
        return "margin"
    if verb is not None and verb.lemma_.lower() in ("win", "get", "receive", "take", "capture", "poll"):
        return "vote share"
    return "percentage points" if dimension == "percentage point" else "share"


_YES_WORDS = {"favour", "favor", "yes", "support"}
_NO_WORDS = {"against", "no", "opposed", "opposing", "rejected", "rejecting"}


def _ballot_side(span) -> str:
    """'54.2% of ballots cast in favour', "the 'no' side took 45.8%": the side of a yes-or-no
    vote a share is of ("yes", "no"), from the words next to it in its sentence; "" for none."""
    doc, sent = span.doc, span.sent
    near = [t.lower_ for t in doc[max(sent.start, span.start - 6):min(sent.end, span.end + 6)]]
    yes, no = any(w in _YES_WORDS for w in near), any(w in _NO_WORDS for w in near)
    return "yes" if yes and not no else "no" if no and not yes else ""


# Verbs of a poll's answers: "70% said they would vote", "59 percent support the plan".
OPINION_VERBS = {"say", "believe", "think", "support", "oppose", "want", "back", "favour", "favor", "approve",
                 "disapprove", "agree", "disagree", "expect", "plan", "prefer", "feel", "trust", "reject", "fear"}


def _group_opinion(a) -> str:
    """'A majority, including 68 percent of Democrats and 50 percent of Republicans, said ...':
    a share inside the subject of a poll's answer gives that answer (two questions of one poll
    are two quantities), as 'saying ...'."""
    node, inside = a, False
    for _ in range(6):
        if node.dep_ == "nsubj" and inside and node.head.pos_ == "VERB" and node.head.lemma_.lower() in OPINION_VERBS:
            return _answer(node.head)
        if node.lower_ in ("including", "among") or node.dep_ in ("conj", "appos"):
            inside = True
        if node.head == node:
            return ""
        node = node.head
    return ""


def _opinion(a, verb) -> str:
    """'70% said they would be certain to vote' -> 'share saying they would be certain to vote':
    a poll's answer, named by what the share says (the first words of it)."""
    if verb is None or verb.lemma_.lower() not in OPINION_VERBS or a.dep_ not in ("nsubj",):
        return ""
    return f"share {_answer(verb)}"


def _answer(verb) -> str:
    """'said they would vote' -> 'saying they would vote' (the first words of what is said)."""
    said = [t for t in verb.subtree if t.i > verb.i and t.dep_ not in ("punct", "mark")][:7]     # "said (that) ..."
    words = " ".join(t.lower_ for t in said)
    gerund = {"say": "saying", "believe": "believing", "think": "thinking", "support": "supporting",
              "oppose": "opposing", "want": "wanting", "back": "backing", "agree": "agreeing",
              "disagree": "disagreeing", "expect": "expecting", "plan": "planning", "prefer": "preferring",
              "feel": "feeling", "trust": "trusting", "reject": "rejecting", "fear": "fearing",
              "approve": "approving", "disapprove": "disapproving"}.get(verb.lemma_.lower(), "favouring")
    return f"{gerund} {words}".strip()


# Sums the parse reads as changes ("a loss of 45 million pounds" as a fall of the money).
_SUMS_LOST = {"loss", "losses", "deficit", "deficits", "shortfall", "writedown", "write-down", "impairment"}


def _money_metric(a, verb) -> str:
    noun, how = measured_noun(a)
    if noun is not None and how in ("level", "change-up", "change-down") and (
            noun.lower_ in ("shares", "stock", "stocks") and noun.pos_ == "NOUN"):
        # "the stock closed at $45.10"; "Shares in X jumped 12% to A$4.85" (a price of a moment of the
        # day, which another moment's need not match: the verb keeps them apart)
        lemma = verb.lemma_.lower() if verb is not None and verb.pos_ == "VERB" else ""
        if lemma in ("close", "end", "finish", "settle"):
            return "closing share price"
        return f"share price ({lemma})" if lemma else "share price"
    if (how == "change-down" and noun is not None and noun.i == a.i and a.dep_ == "pobj" and a.head.lower_ == "of"
            and a.head.head.lower_ in _SUMS_LOST):
        return noun_words(a.head.head)        # "a quarterly loss of 45 million pounds": a loss, a sum of its own
    if how in ("change-up", "change-down") and noun is not None:
        if how == "change-up" and verb is not None and verb.lemma_.lower() == "raise" and noun.lower_ not in QUANTITY_NOUNS:
            return "amount raised"            # "Quist raised more than $6 million"
        if noun.lower_ in QUANTITY_NOUNS or noun.lemma_.lower() in QUANTITY_NOUNS:
            return noun_words(noun)          # "premiums are rising to $302": the premium's level
        return "amount"
    if noun is not None and how in ("modifier", "of", "level") and noun.lower_ not in ("it", "this", "that"):
        words = noun_words(noun)
        if noun.lower_ in _LIGHT_NOUNS:
            inner = of_or_in_object(noun)
            words = noun_words(inner) if inner is not None else words
        return words
    purpose = _purpose(a)
    if verb is not None and verb.lemma_.lower() in ("take", "gross", "earn", "make", "pull", "rake", "do"):
        doer = agent_of(verb, None)
        if doer is not None and (doer.ent_type_ == "WORK_OF_ART" or doer.lower_ in REFERRING_NOUNS["work"]):
            return "box office"                # "the film had taken $500m", "Titanic took $1.8bn"
    if verb is not None and verb.pos_ == "VERB" and (verb.lemma_.lower() not in GENERIC_VERBS or verb.lemma_.lower() in MONEY_VERBS):
        participle = participle_of(verb)
        for candidate in ((f"{purpose} {participle}",) if purpose else ()) + (f"amount {participle}", participle):
            if _known(candidate):
                return candidate
        return f"{purpose or 'amount'} {participle}"
    return purpose or "amount"


# How a sum is paid, not what it is for ("$52 a share in cash", "$3bn in stock", "$40m in total").
_MEANS_OF_PAYMENT = {"cash", "stock", "shares", "total", "all", "advance", "full", "instalments", "installments", "bonds"}


def _purpose(a):
    """'$44 billion in aid', '$5m for the integrity unit': the noun the money is in or for."""
    prep = child_of(a, "prep", words={"in", "of"})
    obj = child_of(prep, "pobj") if prep is not None else None
    if obj is not None and obj.pos_ == "NOUN" and obj.ent_type_ not in ("DATE", "TIME") and obj.lower_ not in _MEANS_OF_PAYMENT:
        return obj.lower_
    return ""


_BURNING_VERBS = {"burn", "scorch", "char", "consume", "blacken", "torch", "engulf", "ravage"}


def _measure_metric(a, verb, dimension, unit) -> str:
    base = DIMENSION_METRIC[dimension]
    noun, how = measured_noun(a)
    if how == "modifier" and noun is not None and noun.lower_ not in QUANTITY_NOUNS - {"sentence", "term", "ban", "contract", "wait", "delay"}:
        return f"{noun_words(noun, keep_compounds=False)} {'length' if base == 'distance' else base}"
    if how == "modifier" and noun is not None:
        return noun_words(noun)              # "a 15-year sentence" -> sentence
    if how in ("level", "of") and noun is not None and noun.lower_ not in _LIGHT_NOUNS and is_quantity(noun) \
            and noun.pos_ == "NOUN":
        return noun_words(noun)              # "the target is six months", "a wait of 18 months"
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
    if base == "area" and verb is not None and verb.lemma_.lower() in _BURNING_VERBS:
        return "area burned"                  # "scorched 25,000 acres", "the fire has burned 18,500 acres"
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
