"""A figure's `subject` (the event or entity its quantity belongs to): the other key a figure is
compared on with its `metric` (`figure_metric`, which says how the keys are compared).

Subject: the event or entity the quantity belongs to, resolved through the article
(`story.StoryIndex`): the owner of the measured noun ("Ukraine's population", "sales at
Tesco", "output in the production sector"), else the doer of the verb ("Quist raised $6
million" -> Rob Quist; "the company" -> the company the article names), else the event the
sentence hangs the number on ("killed in the blast" -> the bombing the headline names); a toll
with none of these is the story's event. Names are full names; datelines, date words,
leading articles and possessives are cleaned away.
"""
from __future__ import annotations

from itertools import pairwise

from .attribution import is_speech_verb
from .figure_metric import is_cumulative
from .figure_parse import (
    PRONOUN_LIKE,
    QUANTITY_NOUNS,
    agent_of,
    anchor,
    child_of,
    is_growth_noun,
    is_quantity,
    measured_noun,
    noun_words,
    tally_side,
)
from .lexicon import BUSINESS_NOUNS, ORG_NOUNS, SPEECH_VERBS
from .numbers import unit_dimension
from .story import EVENT_NOUNS, StoryIndex, clean, event_names_something, named_event, opening_plural, placed_event_name


# ---------------------------------------------------------------------------------- subject
def figure_subject(ctx, story: StoryIndex, span, unit, noun_tok, verb, metric: str, end: int) -> str:
    """The event or entity the figure's quantity belongs to (see the module's docstring)."""
    return placed(story, _figure_subject(ctx, story, span, unit, noun_tok, verb, metric, end))


# Things that are always some place's: "the lower house", "the economy", "the general election"
# of one country are not another's (with EVENT_NOUNS).
_PLACE_BOUND = {"parliament", "house", "senate", "assembly", "government", "cabinet", "coalition", "economy",
                "sector", "army", "military", "police", "opposition", "congress", "budget", "legislature"}


def placed(story: StoryIndex, subject: str) -> str:
    """A subject of only common words that is always some place's ("lower house", "general
    election", "services sector") named with the article's place: outlets name the same one
    alike, and another country's is kept apart."""
    words = subject.split()
    if (not words or any(ch.isupper() or ch.isdigit() for ch in subject) or not story.place
            or (words[-1] not in _PLACE_BOUND and words[-1] not in EVENT_NOUNS)):
        return subject
    if words[-1] in ("government", "administration") and all(w in ("federal", "national", "central") for w in words[:-1]):
        return story.place                    # "the federal government" is Brazil, as "Brazil's government" is
    if words[-1] in EVENT_NOUNS:
        return placed_event_name(story.place, words[-1])   # "the snap election": the Japan election
    return clean(f"{story.place} {subject}")


def _figure_subject(ctx, story: StoryIndex, span, unit, noun_tok, verb, metric: str, end: int) -> str:
    a = anchor(span, end)
    dimension = unit_dimension(unit)
    inside = set(range(span.start, max(end, span.end)))
    side = tally_side(a, verb) if dimension == "percent" else ""
    if side:                                  # "X led Y by 51 percent to 43 percent"
        who = agent_of(verb, None) if side == "winner" else child_of(verb, "dobj")
        named = _named(ctx, story, who) if who is not None else ""
        if named:
            return named
    if unit == "members" and noun_tok is not None and noun_tok.lower_ != "members":
        phrase = " ".join(w for w in clean(_noun_phrase(noun_tok, story)).split() if not w[:1].isdigit() and w not in ("member", "-"))
        return _named(ctx, story, noun_tok) or phrase   # "the 15-member council": council
    if dimension != "count" or unit == "times":
        noun, how = measured_noun(a)
        if noun is not None and noun.i not in inside:
            owner = _owner(ctx, story, noun, inside)
            if owner:
                return owner
            if (noun.lower_ not in QUANTITY_NOUNS and not is_growth_noun(noun) and noun.lower_ not in PRONOUN_LIKE
                    and noun.pos_ in ("NOUN", "PROPN") and how in ("level", "change-up", "change-down")):
                return _named_or_phrase(ctx, story, noun)   # "the economy grew 3%"
    if noun_tok is not None and noun_tok.i not in inside:
        owner = _owner(ctx, story, noun_tok, inside)
        if owner:
            return owner
    harm = (is_cumulative(metric) and dimension == "count") or _of_the_event(metric, story)
    if metric == "price per share":
        # "buy Norvane for $61 a share", "pay $67 a share for Norvane", else the article's takeover
        # target: Norvane's shares, whoever pays
        target = (_takeover_target(verb, inside) if verb is not None else None) or _article_target(span.doc, story.body_start)
        named = _named(ctx, story, target) if target is not None else ""
        if named:
            return named
    valued = child_of(verb, "dobj") if verb is not None and verb.lemma_.lower() == "value" else None
    if valued is not None and valued.i not in inside and valued.lower_ not in PRONOUN_LIKE:
        named = _named(ctx, story, valued)    # "valuing Corliss at $6.4bn": Corliss's value, not the buyer's
        if named:
            return named
    sufferer = _sufferer(verb, inside) if verb is not None and harm else None
    if sufferer is not None:
        # "the state has lost 29 soldiers, with 180 wounded": its own losses, no event's
        return _named_or_phrase(ctx, story, sufferer)
    patient = _passive_patient(verb, inside) if verb is not None and not harm else None
    if patient is not None:
        # "Harbour FC were fined €250,000 by the panel": the club's fine, not the panel's
        named = _named_or_phrase(ctx, story, patient) if patient.pos_ in ("NOUN", "PROPN") else _named(ctx, story, patient)
        if named:
            return named
    if verb is not None:
        # who says so is the source, not the owner ("..., the Office for National Statistics said")
        agent = agent_of(verb, noun_tok) if not says(verb) else None
        if agent is not None and _one_of(noun_tok if noun_tok is not None else a):
            agent = None                      # "Omar is one of 30 injured miners": a member, not the owner
        if agent is not None and agent.i not in inside and agent.i >= story.body_start and not is_quantity(agent):
            event = _event_around(story, agent) if harm else None
            if event:
                return event
            if harm and agent.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE") and agent.lower_ not in EVENT_NOUNS:
                found = story.event_in(span.sent)    # "a blast at a works that killed 8": the blast's toll
                if found is not None:
                    return found.name
            named = _named(ctx, story, agent)
            if named:
                return _coordinated(ctx, story, agent, named)
            if not harm and agent.lower_ not in QUANTITY_NOUNS and agent.pos_ in ("NOUN", "PROPN") and agent.lower_ not in PRONOUN_LIKE:
                return _coordinated(ctx, story, agent, clean(_noun_phrase(agent, story)))
        event = _event_of(story, verb)
        if event:
            return event
    if set(metric.lower().split()) & _RESULTS:
        reporter = _business_reporting(ctx, story, span)
        if reporter:
            return reporter
    found = story.event_in(span.sent) if harm else None
    if found is not None:
        return found.name
    if story.story_event is not None and (harm or not story.topic):
        return story.story_event.name
    found = _sentence_entity(ctx, story, span, verb) or story.topic or (story.story_event.name if story.story_event else "")
    # nothing names it: the article itself (compared with no other article's figures)
    # (a toll is never its clause's subject's: "Rescuers found two more bodies, raising the toll to 9")
    local = _local_phrase(story, span, verb, inside) if not harm else ""
    return found or local or clean(story.headline) or f"article {ctx.article.info.id}"


def _one_of(tok) -> bool:
    """Is the counted noun the group someone is one of ("X is one of 30 injured miners", "among
    the 40 people arrested")?"""
    head = tok.head
    if head.lower_ == "among":
        return True
    return head.lower_ == "of" and head.head.lower_ in ("one", "two", "some", "many", "none", "each", "several", "most")


def _local_phrase(story, span, verb, inside) -> str:
    """Failing any name: the noun phrase the figure's clause is about (its verb's subject, else
    the sentence's)."""
    root = span.sent.root
    # "a ferry ... sank, the coast guard said": what is said, never who says it (but "X said it
    # would ...": X's, through the pronoun)
    said = child_of(root, "ccomp") if says(root) else None
    said_subj = child_of(said, "nsubj", "nsubjpass") if said is not None else None
    speaker_meant = said_subj is not None and said_subj.lower_ in ("it", "its", "they")
    nodes = (verb, said, root) if not says(root) or speaker_meant else (verb, said)
    subjects = [child_of(node, "nsubj", "nsubjpass") for node in nodes
                if node is not None and (not says(node) or speaker_meant)]
    if says(root):
        # two subjects on the verb of saying come from a misparse ("A boat carrying 85 migrants
        # capsized ..., the navy said" read as "boat ... said"): the one away from it is what is said
        two = sorted((c for c in root.children if c.dep_ == "nsubj"), key=lambda c: abs(c.i - root.i))
        subjects += two[1:]
    # never a quantity ("Sales rose 5%", "the death toll stands at 38", "70% said"): it names the
    # metric, not whose it is, and as a key it would join unrelated articles' figures
    for subj in subjects:
        if (subj is not None and subj.i not in inside and subj.lower_ not in PRONOUN_LIKE and subj.pos_ in ("NOUN", "PROPN")
                and not is_quantity(subj)):
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
    subj = child_of(root, "nsubj", "nsubjpass")
    if (subj is not None and subj.i >= story.body_start and not is_quantity(subj)
            and (not says(root) or _reports_its_own(root, subj, span))):
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


# Verbs with which a business states its own results ("Acme reported a profit of $812 million").
_RESULT_VERBS = {"report", "post", "announce", "record", "book", "log", "deliver"}


def _reports_its_own(verb, subj, span) -> bool:
    """'Acme reported third-quarter profit of $812 million': the figure is the reporter's own,
    unless the reporter is a body that reports others' numbers (an office, a ministry, an
    agency: "the statistics office reported growth of 2%"; but "the firm reported a profit" is
    the firm's)."""
    if verb.lemma_.lower() not in _RESULT_VERBS:
        return False
    obj = child_of(verb, "dobj")
    if obj is None or not any(t.i == span.start for t in obj.subtree):
        return False
    if subj.lower_ in BUSINESS_NOUNS and not any(c.lower_ in ("central", "national") for c in subj.lefts):
        return True
    return not any(t.lower_ in ORG_NOUNS for t in subj.subtree)


# A business's own results: a business that says its revenue rose speaks of its own revenue.
_RESULTS = {"revenue", "profit", "loss", "sales", "earnings", "ebitda", "dividend", "turnover"}


def _business_reporting(ctx, story, span) -> str:
    """'Northgate said revenue rose 12%': the business that tells of results no one else is
    said to own (a statistics office or a ministry tells of others')."""
    root = span.sent.root
    subj = child_of(root, "nsubj") if says(root) else None
    if subj is None or subj.i in range(span.start, span.end) or any(t.lower_ in ORG_NOUNS - BUSINESS_NOUNS for t in subj.subtree):
        return ""
    if subj.ent_type_ == "ORG" or subj.lower_ in BUSINESS_NOUNS:
        return _named(ctx, story, subj)
    return ""


def says(tok) -> bool:
    """A verb of saying, or of showing with data for subject ("customs data showed")."""
    return tok.lemma_.lower() in SPEECH_VERBS or is_speech_verb(tok)


def speech_subjects(sent) -> set[int]:
    """Token indexes of the subjects of the sentence's verbs of saying (sources, not subjects)."""
    out = set()
    for tok in sent:
        if says(tok) and tok.pos_ == "VERB":
            for c in tok.children:
                # who speaks, and whom they tell ("two officials told Reuters")
                if c.dep_ in ("nsubj", "nsubjpass") or (c.dep_ in ("dobj", "dative") and tok.lemma_.lower() == "tell"):
                    out |= {t.i for t in c.subtree}
        if tok.lower_ == "according":
            out |= {t.i for t in tok.subtree}
    return out


def _owner(ctx, story, noun, inside=frozenset()) -> str:
    """'Ukraine's population', 'UK GDP', 'sales at Tesco', 'output in the production sector'."""
    poss = child_of(noun, "poss")
    if poss is not None and poss.lower_ not in PRONOUN_LIKE:
        return _named(ctx, story, poss) or clean(_noun_phrase(poss))
    if poss is not None and poss.lower_ in ("his", "her"):
        person = ctx.last_person_before(ctx.absolute(poss.idx))
        if person:
            return person
    if poss is not None and poss.lower_ in ("its", "their"):
        teller = _teller(poss)                 # "Acme said its revenue grew 5%": Acme's
        named = _named(ctx, story, teller) if teller is not None else ""
        if not named:                          # else the organisation named last before it
            before = [e for e in story.entities if e.kind == "org" and e.pos < poss.i]
            named = before[-1].name if before else ""
        if named:
            return named
    names = [c for c in noun.lefts if c.dep_ in ("compound", "nmod", "amod") and c.pos_ == "PROPN" and c.ent_type_ in ("GPE", "ORG", "PERSON", "NORP", "PRODUCT", "FAC", "WORK_OF_ART")
             and c.i >= story.body_start]         # never the dateline the parser hung on the noun
    if names and is_quantity(noun):             # "UK GDP", "Tesco sales" (but "the UK economy" is a name)
        first = names[0]
        ent = next((e for e in noun.doc.ents if e.start <= first.i < e.end), None)
        text = ent.text if ent is not None else " ".join(c.text for c in names)
        return clean(ctx.full_name(text) if first.ent_type_ == "PERSON" else text)
    if is_quantity(noun):
        prep = child_of(noun, "prep", words={"at", "in", "of", "for", "on", "from"})
        obj = child_of(prep, "pobj") if prep is not None else None
        if obj is not None and obj.i in inside:
            obj = None                         # "a profit of 4.2 billion Norwegian kroner": the figure's own words
        if obj is not None and obj.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL") and obj.lower_ not in PRONOUN_LIKE:
            return _named(ctx, story, obj) or clean(_noun_phrase(obj))
    return ""


def _named(ctx, story, tok) -> str:
    """The name a token stands for: a person's full name ('he' -> the person the text is about),
    a named entity, or the event or named thing a noun refers to ('the blast', 'the company')."""
    if tok.lower_ in ("he", "she"):
        return ctx.last_person_before(ctx.absolute(tok.idx)) or ""
    if tok.lower_ in ("it", "they"):
        teller = _teller(tok)                  # "the White House said it had asked for ..."
        return _named(ctx, story, teller) if teller is not None else ""
    if tok.lower_ in PRONOUN_LIKE:
        return ""
    if tok.pos_ == "NOUN":                     # "US pharmaceutical group Altamed": the name in apposition
        name = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ in ("ORG", "PERSON")), None)
        if name is not None:
            return _named(ctx, story, name)
    named = named_event(tok) or next((named_event(c) for c in tok.children if named_event(c)), None)
    if named is not None:
        return named[1]                        # "the Ridgeline Fire" (whatever the recogniser says)
    if tok.ent_type_ == "PERSON":
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        text = ent.text if ent is not None else tok.text
        org = story.longer_org_name(clean(text))
        return org if org != clean(text) else ctx.full_name(text)   # "Norvane" after "Norvane Bio": the company
    if tok.pos_ == "PROPN" and ctx.is_known_surname(tok.text):
        return ctx.full_name(tok.text)
    if tok.ent_type_ in ("ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "NORP"):
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        if ent is not None and tok.ent_type_ != "EVENT":
            words = [t for t in tok.subtree if t.dep_ not in ("det", "punct", "case") and not (t.dep_ == "prep" or t.head.dep_ == "prep")
                     and t.ent_type_ not in ("DATE", "TIME") and t.i <= tok.i]
            phrase = " ".join(t.text for t in words) if len(words) > len(ent) and tok.pos_ == "NOUN" else ent.text
            return story.longer_org_name(clean(phrase)) if tok.ent_type_ == "ORG" else clean(phrase)
    referent = story.referent(tok)
    if referent:
        return referent
    if tok.pos_ == "PROPN" and not tok.ent_type_ and not opening_plural(tok, story.body_start):
        return proper_name(tok, story.body_start)    # "The Passion of the Christ", "Blue Gene/L"
    for c in tok.lefts:                    # "the Bank of England's committee", "Tesco's board"
        if c.i < story.body_start:
            continue                       # "CORVALE (Reuters) - Authorities ...": a dateline, no owner
        if c.dep_ == "poss" and c.ent_type_ in ("ORG", "GPE", "PERSON") and c.pos_ == "PROPN":
            return _named(ctx, story, c)
        if c.dep_ in ("compound", "nmod") and c.ent_type_ in ("ORG", "GPE", "NORP") and c.pos_ == "PROPN" and tok.pos_ == "NOUN":
            owner = _named(ctx, story, c)        # "the UK economy", "the Texas economy"
            return clean(f"{owner} {noun_words(tok, keep_compounds=False)}") if owner else ""
    return ""


def _named_or_phrase(ctx, story, tok) -> str:
    """The name a token stands for, else its short noun phrase."""
    return _named(ctx, story, tok) or clean(_noun_phrase(tok, story))


def _teller(pronoun):
    """'X said it would ...': the subject of the verb of saying whose clause the pronoun opens."""
    node = pronoun.head
    for _ in range(4):
        if node.dep_ == "ccomp" and says(node.head):
            verb = node.head
            subj = child_of(verb, "nsubj")
            if subj is None and verb.dep_ == "conj":
                subj = child_of(verb.head, "nsubj")   # "X reported ... and said it would": X
            return subj if subj is not None and subj.lower_ not in PRONOUN_LIKE else None
        if node.head == node:
            return None
        node = node.head
    return None


def proper_name(tok, start: int = 0) -> str:
    """A proper name the entity recogniser missed: the name's words and an "of the X" in it (none
    before `start`, the end of the dateline)."""
    toks = [t for t in tok.lefts if t.dep_ in ("compound", "nmod", "amod") and t.pos_ in ("PROPN", "NUM", "ADJ") and t.i >= start]
    toks.append(tok)
    toks.extend(_name_number(tok))
    prep = child_of(tok, "prep", words={"of"})
    obj = child_of(prep, "pobj") if prep is not None else None
    if obj is not None and obj.pos_ == "PROPN":
        toks.extend([prep, *(t for t in obj.lefts if t.dep_ in ("det", "compound")), obj])
    toks = sorted({t.i: t for t in toks}.values(), key=lambda t: t.i)
    return clean(" ".join(t.text for t in toks))


def _noun_phrase(tok, story=None) -> str:
    """A short noun phrase: left modifiers, the noun, and one 'of'/'in'/'for' complement."""
    first = story.body_start if story is not None else 0
    words = [t for t in tok.lefts if t.dep_ not in ("det", "punct", "predet", "poss") and t.ent_type_ not in ("DATE", "TIME") and t.i >= first
             and t.lower_ not in PRONOUN_LIKE and t.dep_ != "nummod" and t.pos_ != "NUM"]
    toks = [t2 for t in words for t2 in t.subtree if t2.ent_type_ not in ("DATE", "TIME") and t2.dep_ not in ("det", "punct")]
    toks.append(tok)
    toks.extend(_name_number(tok))
    prep = child_of(tok, "prep", words={"of", "in", "for", "at", "on"})
    obj = child_of(prep, "pobj") if prep is not None else None
    if obj is not None and obj.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL"):
        toks.append(prep)
        toks.extend(t for t in obj.lefts if t.dep_ not in ("det", "punct") and t.ent_type_ not in ("DATE", "TIME"))
        toks.append(obj)
    toks = sorted({t.i: t for t in toks if t.i >= first}.values(), key=lambda t: t.i)
    return " ".join(t.text for t in toks[:10])


def _name_number(tok) -> list:
    """'Flight 370', 'Shrek 2': the number a capitalised name takes right after it (part of the name)."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and tok.text[:1].isupper() and nxt.text.isdigit() and nxt.head.i == tok.i and nxt.dep_ in ("nummod", "appos", "compound", "npadvmod"):
        return [nxt]
    return []


def _coordinated(ctx, story, agent, name: str) -> str:
    """'Toyota and Honda sold 40,000 cars': a quantity of both together, named as both ("Toyota
    and Honda"), so it is never compared with one of them alone; "each" makes it one of each's.
    The parser does not always make the second name a `conj` of the first: two subjects of the
    verb, or a first name hung elsewhere, joined by "and", are the pair all the same."""
    if any(t.lower_ == "each" for t in agent.sent):
        return name
    doc = agent.doc
    others = [c for c in agent.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")]
    others += [c for c in agent.head.children if c.dep_ == "nsubj" and c.i != agent.i and _joined_by_and(doc, c, agent)]
    k = agent.left_edge.i - 1
    if k > agent.sent.start and doc[k].lower_ in ("and", "&") and doc[k].head.i < k and doc[k].head.pos_ in ("NOUN", "PROPN"):
        others.append(doc[k].head)        # "Shrek 2 and The Incredibles", the first name hung elsewhere
    if others:
        names = {agent.i: name} | {c.i: _named_or_phrase(ctx, story, c) for c in others}
        return " and ".join(names[i] for i in sorted(names) if names[i])
    # "Maple Motors and Birch Cars" hung on the last name's head: two names joined by "and"
    ents = [e for e in doc.ents if agent.left_edge.i <= e.start and e.end <= agent.i + 1 and e.label_ in ("ORG", "PERSON", "GPE", "NORP", "PRODUCT", "WORK_OF_ART")]
    if len(ents) >= 2 and all(_joined_by_and(doc, a, b) for a, b in pairwise(ents)):
        return " and ".join(clean(ctx.full_name(e.text) if e.label_ == "PERSON" else e.text) for e in ents)
    return name


def _joined_by_and(doc, a, b) -> bool:
    """Is there an "and" between two tokens or spans (in either order), and no verb?"""
    lo, hi = sorted((a, b), key=lambda x: x.i if hasattr(x, "i") else x.start)
    between = doc[(lo.i + 1 if hasattr(lo, "i") else lo.end):(hi.i if hasattr(hi, "i") else hi.start)]
    return any(t.lower_ in ("and", "&") for t in between) and not any(t.pos_ in ("VERB", "AUX") for t in between)


# Verbs whose subject owns the harm it counts ("Romania has lost 29 soldiers", "the army suffered
# 300 casualties"), unlike a finder's ("Rescuers found two more bodies").
_SUFFERING_VERBS = {"lose", "suffer", "sustain", "incur"}


def _sufferer(verb, inside):
    """Who suffers the harm a verb of losing counts, the verb's or the one it hangs on ("with 180
    wounded" after "has lost 29 soldiers"); None for any other verb."""
    losing = verb if verb.lemma_.lower() in _SUFFERING_VERBS else (
        verb.head if verb.dep_ in ("advcl", "conj") and verb.head.lemma_.lower() in _SUFFERING_VERBS else None)
    subj = child_of(losing, "nsubj") if losing is not None else None
    if subj is None or subj.i in inside or subj.lower_ in EVENT_NOUNS or subj.pos_ not in ("NOUN", "PROPN") or is_quantity(subj):
        return None
    return subj


_BUYING_VERBS = {"buy", "acquire", "purchase", "take", "bid", "offer", "pay"}


def _takeover_target(verb, inside):
    """Whose shares a takeover's price per share is of: what is bought ("buy X for $61 a share"),
    else what is paid or bid for ("pay $67 a share for X"), never the buyer."""
    if verb.lemma_.lower() not in _BUYING_VERBS:
        return None
    bought = child_of(verb, "dobj")
    if bought is not None and not any(t.i in inside for t in bought.subtree) and bought.lower_ not in PRONOUN_LIKE:
        return bought
    return next((obj for prep in verb.subtree if prep.dep_ == "prep" and prep.lower_ == "for"
                 for obj in prep.children if obj.dep_ == "pobj" and obj.pos_ == "PROPN" and obj.i not in inside), None)


def _article_target(doc, first: int):
    """The company an article's takeover buys: the first name a verb of buying or valuing takes
    ("buy Corliss", "valuing Corliss at $6.4bn"), or a takeover of ("the takeover of Corliss")."""
    for tok in doc[first:]:
        lemma = tok.lemma_.lower()
        if lemma in ("buy", "acquire", "purchase", "value"):
            obj = next((c for c in tok.children if c.dep_ == "dobj" and c.pos_ == "PROPN"), None)
        elif lemma in ("takeover", "acquisition", "purchase", "buyout"):
            prep = child_of(tok, "prep", words={"of"})
            obj = child_of(prep, "pobj") if prep is not None else None
            obj = obj if obj is not None and obj.pos_ == "PROPN" else None
        else:
            obj = None
        if obj is not None:
            return obj
    return None


def _passive_patient(verb, inside):
    """Who a passive verb is done to, when the figure is not that ("X was fined $5m by Y", "X was
    awarded $2m"): the sum is X's, not the doer's."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    patient = child_of(verb, "nsubjpass")
    if patient is None or any(t.i in inside for t in patient.subtree) or is_quantity(patient) or patient.lower_ in PRONOUN_LIKE:
        return None
    return patient


def _event_around(story, tok) -> str:
    """'the explosion at a plant that killed nine': a harm done by what a venue of an event
    does is the event's (the parser hangs the relative clause on the nearest noun)."""
    prep = tok.head if tok.dep_ == "pobj" else None
    if prep is None or prep.dep_ != "prep" or prep.lower_ not in ("at", "in", "on", "near"):
        return ""
    event = story.event_at(prep.head) if prep.head.lower_ in EVENT_NOUNS else None
    return event.name if event is not None else ""


def _event_of(story, verb) -> str:
    """'killed in the blast', 'died during the storm', 'injured by the explosion', 'a probe in
    which 12 were arrested': the event. A bare event noun ("an investigation") the article names
    no place for is no event's name: it would join unrelated stories' figures."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "during", "from", "by", "after", "since", "at"):
            obj = child_of(child, "pobj")
            if obj is not None and obj.tag_ == "WDT" and verb.dep_ == "relcl":
                obj = verb.head                   # "in which": the noun the clause is about
            if obj is not None and (obj.lower_ in EVENT_NOUNS or obj.ent_type_ == "EVENT"):
                event = story.event_at(obj)
                if _names_an_event(story, event):
                    return event.name
    subj = child_of(verb, "nsubj")
    if subj is not None and (subj.lower_ in EVENT_NOUNS or subj.ent_type_ == "EVENT"):
        event = story.event_at(subj)
        if _names_an_event(story, event):
            return event.name
    return ""


def _names_an_event(story, event) -> bool:
    """An event found, named by more than its kind's noun or placed by the article (`placed`)."""
    return event is not None and bool(story.place or event_names_something(event))
