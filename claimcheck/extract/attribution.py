"""Who says so: speech verbs, their subjects, and what kind of source that is.

Used by quotes (the speaker), figures and statements (the attribution).
The rules follow the dependency parse:
  * the speaker is the subject of the nearest speech verb governing the
    words ("X said", "said X", "X told reporters", "X, dismissing ... as");
  * participles, conjuncts and clauses inherit their head's subject
    ("... said Tuesday ... but added that ...");
  * "he"/"she" is the person the text was last about (a named subject or
    speaker before it);
  * a bare title ("the Russian Deputy Defense Minister") is the named person
    the article gives that title to;
  * the type follows from the phrase: a person's name is `named`, an
    organisation is `organization`, "one survivor" is `anonymous` and
    "analysts" is `vague`.
"""
from __future__ import annotations

from .context import ArticleContext, clause_depth
from .doc_index import ents_of_tokens
from .figure_parse import child_of
from .lexicon import (
    LIGHT_SPEECH_VERBS,
    ORG_NOUNS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    TITLE_WORDS,
    VAGUE_NOUNS,
)
from .speakers import full_org_name, joint_names
from .tokens import join_tokens

PRONOUNS = {"he", "she", "him", "her"}
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")


def is_speech_verb(token) -> bool:
    """A verb of saying, a light verb whose object is a speech noun ("issued new threats",
    "made the claim"), or a verb of showing whose subject is data or a document ("figures from
    the board showed", "customs data showed", "a poll found")."""
    if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in SPEECH_VERBS:
        return True
    if token.lemma_.lower() == "accord" and token.text.lower() == "according":
        return True
    if token.pos_ == "VERB" and token.lemma_.lower() in _SHOWING_VERBS and any(
            c.dep_ == "nsubj" and (c.lemma_.lower() in _DATA or c.lower_ in _DATA or c.lemma_.lower() in _DOCUMENTS)
            for c in token.children):
        return True
    return token.pos_ == "VERB" and token.lemma_.lower() in LIGHT_SPEECH_VERBS and any(
        c.dep_ == "dobj" and is_speech_noun(c) for c in token.children)


def is_speech_noun(token) -> bool:
    """'claim', 'warnings', 'comments': a noun naming something said."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in SPEECH_NOUNS


def speech_noun_above(token, stop_inside=None):
    """The speech noun whose content holds `token` ("Shoigu's claim that ...
    to incite a 'provocation'", "warnings against 'reckless adventures'"),
    when it comes before any verb of saying on the way up; else None."""
    node = token
    for _ in range(12):
        if node.head.i == node.i:
            return None
        node = node.head
        if stop_inside is not None and stop_inside[0] <= node.i < stop_inside[1]:
            continue
        if is_speech_noun(node):
            return node
        if is_speech_verb(node):
            return None
    return None


_POSS_PRONOUNS = {"his", "her"}


def owner_of_speech_noun(noun):
    """Who made the claim a speech noun names: its possessor ("Shoigu's
    claim"), a "by"/"from" phrase ("warnings from Moscow", "a claim made by
    X"), or the subject of a light verb it is the object of ("Putin, who
    issued new threats"). None when the text does not say."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    agent = _agent_of_noun(noun)
    if agent is not None:
        return agent
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "from":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
        if child.dep_ == "acl" and child.tag_ == "VBN":
            for by in child.children:           # "the claim made by X"
                if by.dep_ == "agent":
                    obj = next((c for c in by.children if c.dep_ == "pobj"), None)
                    if obj is not None:
                        return obj
        if child.dep_ == "relcl" and child.lemma_.lower() in LIGHT_SPEECH_VERBS:
            subj = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subj is not None:                 # "the threats he issued"
                return subj
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in LIGHT_SPEECH_VERBS:
        return subject_of(noun.head)
    return None


def subject_of(verb, depth: int = 0):
    """The token naming who performs `verb` (inheriting from heads for clauses)."""
    if depth > 4:
        return None
    quoted = _quoted_as(verb)
    if quoted is not None:                         # "the paper quoted X as saying"
        return quoted
    if verb.text.lower() == "according":          # "according to X"
        for prep in verb.children:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return obj
    for child in verb.children:
        if child.dep_ == "agent":                  # "dubbed ... by X"
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    # two subjects on one verb come from a misparse ('"... human activity impacts it," Pruitt
    # said' read as "activity ... Pruitt said"): the one next to the verb is its subject
    for child in sorted((c for c in verb.children if c.dep_ == "nsubj"), key=lambda c: abs(c.i - verb.i)):
        if child.dep_ == "nsubj":
            if child.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
                if child.lower_ == "who":
                    near = _person_before_relative(child)
                    if near is not None:     # "a reply from X, who said": who is a person
                        return near
                return verb.head
            return child
    if verb.tag_ == "VBG" and _after_comma(verb):
        # a participle hanging after a comma: "Blinken, dismissing ...",
        # "X said [...], describing ..." -- its subject is the name before the
        # comma, or the subject of the speech verb whose clause it closes
        before = _person_before_comma(verb)
        if before is not None:
            return before
        node = verb.head
        for _ in range(4):
            if node.dep_ == "ccomp" and is_speech_verb(node.head):
                return subject_of(node.head, depth + 1)
            if node.head == node:
                break
            node = node.head
        main = verb.head
        while main.pos_ not in ("VERB", "AUX") and main.head != main:
            main = main.head                 # "X acknowledged the complexities of talks, saying"
        if main is not verb and main.pos_ in ("VERB", "AUX"):
            found = subject_of(main, depth + 1)
            if found is not None:
                return found
    if verb.dep_ in ("acl",) and verb.head.pos_ in ("NOUN", "PROPN"):
        noun = verb.head
        if _agent_of_noun(noun) is not None:
            return _agent_of_noun(noun)
        if noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or noun.lower_ in TITLE_WORDS | VAGUE_NOUNS | ORG_NOUNS:
            return noun                      # "Wang Yi telling Blinken", "officials saying"
        main = noun.head                     # "a statement saying", "complexities of talks saying"
        while main.pos_ not in ("VERB", "AUX") and main.head != main:
            main = main.head
        if main.pos_ in ("VERB", "AUX"):
            return subject_of(main, depth + 1)
        return noun
    if verb.dep_ in ("conj", "xcomp", "advcl", "ccomp", "pcomp") and verb.head != verb:
        head = verb.head
        if head.pos_ in ("NOUN", "PROPN"):
            return _agent_of_noun(head) or head
        found = subject_of(head, depth + 1)
        if found is not None:
            return found
    return _person_left_in_sentence(verb)


def _quoted_as(verb):
    """'The paper quoted X as saying ...', 'cited X as saying': the speaker is X, not the paper."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "as":
        return None
    frame = verb.head.head
    if frame.lemma_.lower() not in ("quote", "cite"):
        return None
    return next((c for c in frame.children if c.dep_ == "dobj"), None)


def _person_before_relative(who):
    """The PERSON just before ', who' (the antecedent a parse may have missed), also
    across an apposition: "Tom Hale, a reporter for the Courier, who said" -> Tom Hale."""
    i = who.i - 1
    if i >= who.sent.start and who.doc[i].text == ",":
        i -= 1
    if i < who.sent.start:
        return None
    tok = who.doc[i]
    if tok.ent_type_ == "PERSON":
        return tok
    for _ in range(8):                       # up through the apposition that ends before ", who"
        if tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON" and tok.head.i < tok.i:
            return tok.head
        if tok.head.i == tok.i or tok.dep_ not in ("pobj", "prep", "compound", "amod", "appos"):
            return None
        tok = tok.head
    return None


def _after_comma(verb) -> bool:
    i = verb.i - 1
    while i >= verb.sent.start and verb.doc[i].pos_ == "ADV":
        i -= 1
    return i >= verb.sent.start and verb.doc[i].text == ","


def _person_before_comma(verb):
    """The PERSON just before ', (adverb) VERB-ing' (a participle hanging on a name)."""
    i = verb.i - 1
    while i >= verb.sent.start and verb.doc[i].pos_ == "ADV":
        i -= 1
    if i - 1 < verb.sent.start or verb.doc[i].text != ",":
        return None
    prev = verb.doc[i - 1]
    return prev if prev.ent_type_ == "PERSON" else None


def _person_left_in_sentence(verb):
    """Fallback when the parse gives a speech verb no subject: the person
    named before it in the sentence who is least buried in other clauses
    (not the "Lavrov" of "... who refused to engage with Lavrov")."""
    best = None
    for tok in verb.sent:
        if tok.i >= verb.i:
            break
        if tok.ent_type_ != "PERSON" or tok.dep_ in ("compound", "poss"):
            continue
        by_agent = tok.dep_ == "pobj" and tok.head.lower_ == "by"
        cost = 0 if by_agent else clause_depth(tok) + (0.5 if tok.dep_ in ("pobj", "dobj") else 0)
        if best is None or cost <= best[0]:
            best = (cost, tok)
    return best[1] if best else None


def _agent_of_noun(noun):
    """'a tepid response by Secretary of State Antony Blinken' -> Blinken."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def speech_verb_above(token, stop_inside=None):
    """The nearest speech-verb ancestor of `token` (outside the span `stop_inside`)."""
    node = token
    for _ in range(12):
        if node.head == node:
            return None
        node = node.head
        if stop_inside is not None and stop_inside[0] <= node.i < stop_inside[1]:
            continue
        if is_speech_verb(node):
            return node
    return None


def speech_verb_aside(token):
    """A verb of saying set off after the words it reports, which the parse hangs below them
    ("the toll rose to 212 on Wednesday, the agency said, as rescuers dug": `said` a parataxis
    of `rose`): the nearest such child of the token's clause or of a clause above it."""
    node = token
    for _ in range(12):
        for child in node.children:
            if (child.dep_ == "parataxis" and child.i > token.i and is_speech_verb(child)
                    and any(c.dep_ == "nsubj" for c in child.children)):
                return child
        if node.head == node:
            return None
        node = node.head
    return None


def phrase_tokens(head, ctx=None):
    """The noun phrase of a subject token, without clauses, trailing appositions or quotes."""
    cut: set[int] = set()
    for t in head.subtree:
        if t == head:
            continue
        if t.dep_ in ("relcl", "acl", "advcl", "ccomp") or (t.dep_ == "appos" and t.head == head and t.i > head.i):
            cut |= {x.i for x in t.subtree}
        if t.text in ("“", "”", '"', "‘") or (ctx is not None and ctx.in_quote(ctx.absolute(t.idx))):
            cut |= {x.i for x in t.subtree}
    first = ctx.body_start if ctx is not None else 0
    toks = [t for t in head.subtree if t.i not in cut and (t.i >= first or head.i < first)]   # no dateline
    # keep one contiguous run around the head
    toks = _contiguous_run(head, toks)
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    return toks


def describe_source(ctx: ArticleContext, head) -> dict | None:
    """Turn a subject token into an attribution {source, role, type}."""
    if head is None:
        return None
    pos = ctx.absolute(head.idx)
    if head.lower_ in PRONOUNS or (head.lower_ in _POSS_PRONOUNS and head.dep_ == "poss"):
        person = ctx.last_person_before(pos)
        return _named(ctx, person) if person else None
    if head.lower_ == "it" and head.dep_ == "nsubj" and is_speech_verb(head.head):
        return _organisation_before(ctx, head)   # 'Brookfield Council said ... "...," it added'
    if head.lower_ in ("i", "we", "it", "they", "you", "this", "that", "which", "who"):
        return None
    if _refers_back(head):                   # "the 22-year-old added", "the Swiss said"
        person = ctx.last_person_before(pos)
        if person:
            return _named(ctx, person)
    issuer = document_issuer(head)
    if issuer is not None:                   # "said the statement issued by Sharif's office"
        return describe_source(ctx, issuer)
    if head.pos_ == "NOUN" and head.tag_ in ("NNS", "NN") and (head.lemma_.lower() in _DATA or head.lower_ in _DATA):
        return {"source": _np_text(phrase_tokens(head, ctx)), "role": None, "type": "vague"}   # "box office figures": nobody
    if head.ent_type_ != "PERSON":
        named = next((c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
        if named is not None:              # "Hawaii's lawyer, Neal Katyal, wrote": the person named
            return describe_source(ctx, named)
    # without the possessive ending of an issuer ("the ministry's figures" -> the ministry)
    toks = [t for t in phrase_tokens(head, ctx) if not (t.dep_ == "case" and t.head == head)]
    # only names that *are* the subject count, not those in its prepositional
    # phrases ("a spokesman for President Vladimir Putin" is not Putin)
    own = [t for t in toks if t == head or (t.head == head and t.dep_ in ("compound", "appos", "flat"))]
    span_ents = ents_of_tokens(ctx.doc, own)
    persons = [e for e in span_ents if e.label_ == "PERSON"]
    if persons:
        joint = joint_names(ctx, head)          # "A and B called the plan ...": both
        if joint:
            return {"source": joint, "role": None, "type": "named"}
        return _named(ctx, persons[-1].text, title_from=toks, person_ent=persons[-1])
    if (head.pos_ == "PROPN" or head.text[:1].isupper()) and ctx.is_known_surname(head.text):
        return _named(ctx, head.text)   # NER missed a known person (or the tagger took "Reddings" for a plural)
    text = _np_text(toks)
    low = head.lower_
    words = {t.lower_ for t in toks}
    own_titles = {t.lower_ for t in own if t.lower_ in TITLE_WORDS}
    if own_titles:
        # a bare title ("the Russian Deputy Defense Minister ...") names the
        # person the article gives that title to
        found = ctx.person_with_title({low} if low in TITLE_WORDS else own_titles, pos)
        if found:
            title = _title_tokens(head, ctx)
            return {"source": found[0], "role": found[1], "type": "named", "_title_phrase": _np_text(title),
                    "_title_span": ctx.tokens_span(title)}
    spoken_for = _spokesperson_for(ctx, head)
    if spoken_for is not None:
        return spoken_for
    if low in TITLE_WORDS and toks and toks[0].lower_ in ("one", "a", "an"):
        return {"source": text, "role": None, "type": "anonymous"}   # "a senior police officer"
    if any(e.label_ in ("ORG", "GPE", "NORP") for e in span_ents) or low in ORG_NOUNS or words & ORG_NOUNS:
        if head.tag_ in ("NNS", "NNPS") and low in VAGUE_NOUNS:
            return {"source": text, "role": None, "type": "vague"}
        return {"source": full_org_name(ctx, head, _strip_det(text)), "role": None, "type": "organization"}
    if head.tag_ in ("NNS", "NNPS") or low in VAGUE_NOUNS:
        return {"source": text, "role": None, "type": "vague"}
    if toks and toks[0].lower_ in ("one", "a", "an"):
        return {"source": text, "role": None, "type": "anonymous"}
    if head.pos_ == "PROPN":
        return {"source": _strip_det(text), "role": None, "type": "organization"}
    return {"source": text, "role": None, "type": "anonymous"}


_SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson"}


def _spokesperson_for(ctx: ArticleContext, head) -> dict | None:
    """An unnamed spokesperson speaks for the organisation: "a spokesman for the company", "a
    ministry spokeswoman", "the council's spokesperson" -> the organisation, with the
    spokesperson as its role. None when the one spoken for is no organisation."""
    if head.lower_ not in _SPOKESPEOPLE:
        return None
    owner = None
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "for":
            owner = next((g for g in child.children if g.dep_ == "pobj"), None)
        elif child.dep_ in ("poss", "compound") and child.lower_ not in ("his", "her", "their", "its"):
            owner = child
    att = describe_source(ctx, owner) if owner is not None else None
    if not att or att.get("type") != "organization" or not any(w[:1].isupper() for w in att["source"].split()):
        return None                       # "a ministry spokeswoman": no name to compare across articles
    return {"source": att["source"], "role": head.lower_, "type": "organization"}


def _organisation_before(ctx: ArticleContext, pronoun) -> dict | None:
    """Whom "it" speaking stands for: the organisation that last spoke in this sentence or the
    one before ("Brookfield Council said ... 'Crews are out,' it added"); None when none did."""
    sent = pronoun.sent
    start = ctx.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for tok in reversed(ctx.doc[start:pronoun.i]):
        if tok.dep_ == "nsubj" and tok.lower_ != "it" and is_speech_verb(tok.head) and not ctx.in_quote(ctx.absolute(tok.idx)):
            att = describe_source(ctx, tok)
            return att if att and att.get("type") == "organization" else None
    # else the organisation the words it reports are about ("The company will cut 1,500 jobs,
    # it said"), or the one the sentence before is about ("Acme posted a loss. It said ...")
    reported = next((c for c in pronoun.head.children if c.dep_ == "ccomp" and c.i < pronoun.i), None)
    candidates = [child_of(reported, "nsubj", "nsubjpass")] if reported is not None else []
    if sent.start > 0:
        before = ctx.doc[sent.start - 1].sent
        candidates.append(child_of(before.root, "nsubj", "nsubjpass"))
    for tok in candidates:
        if tok is not None and tok.lower_ not in PRONOUNS and tok.lower_ != "it" and not ctx.in_quote(ctx.absolute(tok.idx)):
            att = describe_source(ctx, tok)
            if att and att.get("type") == "organization":
                return att
    return None


# Verbs with which data or a document says something.
_SHOWING_VERBS = {"show", "indicate", "suggest", "reveal", "find", "put"}
_DOCUMENTS = {"statement", "report", "letter", "release", "filing", "communique", "readout", "memo",
              "memorandum", "ruling", "verdict", "judgment", "judgement", "notice", "post", "tweet", "bulletin"}
# Numbers someone compiled: "data compiled by LSEG", "figures from the ONS", "Eurostat data".
_DATA = {"data", "datum", "figure", "statistic", "estimate", "number", "tally", "count", "analysis",
         "survey", "poll", "study", "research", "projection", "calculation", "forecast", "record"}
# Data named by an organisation before it: "Eurostat data", "Reuters calculations" (not "a
# Labour figure", a person).
_DATA_BY_COMPOUND = {"data", "statistics", "figures", "estimates", "numbers", "tallies", "calculations",
                     "survey", "poll", "analysis", "projections", "forecasts", "report", "records"}


def document_issuer(head):
    """Who issued the document or compiled the data that speaks: "the statement issued by
    Sharif's office", "the ministry's statement", "data compiled by LSEG", "figures from the
    ONS", "Eurostat data" -> the office, the ministry, LSEG, the ONS, Eurostat; None for a
    document or data with no issuer named."""
    lemma = head.lemma_.lower()
    if head.pos_ != "NOUN" or (lemma not in _DOCUMENTS and lemma not in _DATA and head.lower_ not in _DATA):
        return None
    for child in head.children:
        if child.dep_ == "poss" and child.lower_ not in ("its", "their", "his", "her"):
            return child
        if child.dep_ == "acl" and child.tag_ == "VBN":
            for agent in child.children:
                if agent.dep_ == "agent":
                    obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                    if obj is not None:
                        return obj
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and _names_an_issuer(obj):
                return obj
        if (child.dep_ == "compound" and child.i == head.i - 1 and head.lower_ in _DATA_BY_COMPOUND
                and _names_an_issuer(child, common=False)):
            return child                     # "Eurostat data" (not "box office figures")
    return None


def _names_an_issuer(tok, common: bool = True) -> bool:
    """A name, or (`common`) a noun of an organisation ("the ministry"); not a time ("figures
    from last year", "data from 2019")."""
    if tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"):
        return False
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "GPE", "PERSON", "NORP") or (common and tok.lower_ in ORG_NOUNS)


def _refers_back(head) -> bool:
    """A definite description that stands for the person the text is about, as a pronoun
    would: "the 22-year-old", "the 24-year-old Swiss", "the Scot" (an age or a nationality
    used as a noun, with "the")."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return False
    if head.lower_.endswith("year-old") or any(c.lower_.endswith("year-old") for c in head.children):
        return True
    return head.ent_type_ == "NORP" and head.tag_ in ("NNP", "NN") and not any(c.dep_ in ("prep",) for c in head.children)


def _title_tokens(head, ctx):
    """The whole titled phrase, participles included ("Minister leading the
    delegation"), without relative clauses, quotes, a dateline or a determiner."""
    cut = set()
    for t in head.subtree:
        if t != head and (t.dep_ == "relcl" or t.text in ("“", "”", '"') or ctx.in_quote(ctx.absolute(t.idx))):
            cut |= {x.i for x in t.subtree}
    toks = [t for t in head.subtree if t.i not in cut and t.sent == head.sent]
    run = _contiguous_run(head, toks)
    dash = next((k for k, t in enumerate(run[:4]) if t.text in ("-", "—", "–")), None)
    if dash is not None:
        run = run[dash + 1:]                  # "MOSCOW - A spokesman ..."
    while run and (run[0].dep_ == "det" or run[0].is_punct):
        run = run[1:]
    while run and run[-1].is_punct:
        run = run[:-1]
    return run or [head]


def public(att: dict | None) -> dict | None:
    """An attribution without the resolver's private notes (keys starting with _)."""
    if att is None:
        return None
    return {k: v for k, v in att.items() if not k.startswith("_")}


def _named(ctx: ArticleContext, person: str, title_from=None, person_ent=None) -> dict:
    person = ctx.full_name(person)        # one spelling for every mention ("Historian Len Warde" is "Len Warde")
    role = None
    if title_from and person_ent is not None:
        before = [t for t in title_from if t.i < person_ent.start and t.dep_ != "det" and not t.is_punct]
        if before and any(t.lower_ in TITLE_WORDS for t in before):
            role = _np_text(before)
    if role is None:
        role = ctx.roles_by_person.get(person)
    return {"source": person, "role": role, "type": "named"}


def _np_text(toks) -> str:
    if not toks:
        return ""
    return join_tokens(toks)


def _strip_det(text: str) -> str:
    for det in ("the ", "The ", "a ", "A ", "an ", "An "):
        if text.startswith(det):
            return text[len(det):]
    return text


def via_of(verb) -> str | None:
    """'told the BBC' / 'told the German tabloid Bild' -> the relaying outlet."""
    if verb.lemma_.lower() != "tell":
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "iobj") and child.pos_ == "PROPN" and child.ent_type_ != "PERSON":
            return _strip_det(_np_text(phrase_tokens(child)))
    return None


def _contiguous_run(head, toks) -> list:
    """The tokens of `toks` that form one unbroken run of token indexes around `head`."""
    indexes = {t.i: t for t in toks}
    start = end = head.i
    while start - 1 in indexes:
        start -= 1
    while end + 1 in indexes:
        end += 1
    return [head if i == head.i else indexes[i] for i in range(start, end + 1)]
