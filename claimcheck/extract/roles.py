"""Titles given to named people.

Three shapes, all read off the parse around a PERSON entity:
  * a title before the name: "Secretary of State Antony Blinken",
    "Russia's lead negotiator Vladimir Medinsky" (we walk left over title
    words, nationality adjectives and organisation names);
  * an apposition: "Kadri Liik, a senior policy fellow at ...",
    "The chief of ... General Staff, Viktor Gulevich", with
    "who now serves as X" adding a second title;
  * a copula: "Nauman Sadiq is an ... analyst" (also through "he is");
  * a title noun a list of names stands in apposition to: "members of the
    US delegation, A and B" (each a "member of the US delegation"),
    "Putin's aide, Yuri Ushakov" ("aide to Putin").
A title before a name stops at another person's name ("Chancellor X and
President Y": Y is "President").
"former"/"ex-"/"ousted"/"the late" give status former and "then-" status then; a title given
in a sentence about an earlier year is also `then` at that year.
"""
from __future__ import annotations

import re

from claimcheck.normalize import name_key

from .claims import Draft
from .context import ArticleContext, clean_name
from .doc_index import ent_at
from .events import date_governor
from .lexicon import DESCRIPTOR_WORDS, HONORIFICS, NAME_TITLES, ORG_NOUNS, TITLE_MODIFIERS
from .lexicon import TITLE_WORDS as _SPEAKER_TITLES
from .partial_dates import partial_date
from .tokens import join_tokens

TITLE_WORDS = _SPEAKER_TITLES | DESCRIPTOR_WORDS
_POSS_PRONOUNS = {"his", "her", "their", "its", "our", "my", "your"}
# Words that put a title in the past ("Ousted Thai prime minister X", "the late President Y").
_FORMER = {"former", "ex", "ex-", "ousted", "deposed", "toppled", "late", "erstwhile", "onetime", "one-time"}

_TRAILING_CUT = {"who", "which", "that", "whose", "and", "but"}


def extract_roles(ctx: ArticleContext) -> list[Draft]:
    seen: set[tuple[str, str]] = set()
    claims: list[Draft] = []
    for ent in ctx.doc.ents:
        if ent.label_ != "PERSON" and not _person_like(ctx, ent):
            continue
        ent, inner = _split_leading_title(ctx, ent)
        person = _unglued(ctx, _bare_name(ctx.full_name(clean_name(ent.text))), ent)
        if len(person.split()) < 1 or not person[:1].isupper():
            continue
        if inner:
            _add(ctx, claims, seen, person, inner, inner[0].i, ent.end)     # "[Representative] Ed Royce"
        for start_tok, end_tok, title in _titles_for(ent):
            _add(ctx, claims, seen, person, title, start_tok, end_tok)
    for person, toks, start_tok, end_tok, status in _as_roles(ctx):
        _add(ctx, claims, seen, person, toks, start_tok, end_tok, status)
    for claim in _copula_roles(ctx):
        key = (claim.fields["entity"], name_key(claim.fields["role"]))
        if key not in seen:
            seen.add(key)
            claims.append(claim)
    for c in claims:
        ctx.roles_by_person.setdefault(c.fields["entity"], c.fields["role"])
        ctx.titled.append((c.start, c.fields["entity"], c.fields["role"]))
    return claims


class _Singular(list):
    """Title tokens whose plural head names each of several people
    ("members of the delegation, X and Y" -> "member of the delegation")."""


def _role_text(words, is_person=lambda toks: all(t.ent_type_ == "PERSON" for t in toks)) -> str:
    """The role as written, with a person's possessive turned round ("Putin's
    aide" -> "aide to Putin") and a plural head made singular for one person."""
    parts = []
    for k, t in enumerate(words):
        text = t.lemma_ if isinstance(words, _Singular) and t.tag_ in ("NNS", "NNPS") and t.lower_.rstrip("s") in TITLE_WORDS | {t.lemma_.lower()} else t.text
        if k and t.i != words[k - 1].i + 1:
            parts.append(" ")           # words left out between: never glue the two
        parts.append(text + t.whitespace_)
    role = " ".join("".join(parts).split()).strip(" ,")
    poss = next((k for k, t in enumerate(words) if t.text in ("’s", "'s")), None)
    if poss is not None and poss > 0 and is_person(words[:poss]):
        owner = " ".join(t.text for t in words[:poss])
        rest = join_tokens(words[poss + 1:]).strip(" ,")
        if rest:
            title = _role_text(_Singular(words[poss + 1:]) if isinstance(words, _Singular) else words[poss + 1:])
            prep = "to" if title.split()[-1].lower() in _TO_TITLES else "for"
            role = f"{title} {prep} {owner}"     # "aide to Putin", "spokesman for Putin"
    return role


_REMOVAL_VERBS = {"topple", "oust", "overthrow", "depose", "unseat", "dethrone", "impeach", "assassinate", "remove"}


def _removed_from_office(span) -> bool:
    """The titled person is what a removal does something to ("the coup toppling Ukrainian
    President X", "X was ousted"): the title held then, not at publication, so `former`."""
    for tok in span:
        head = tok.head
        if (head.i < span.start or head.i >= span.end) and head.lemma_.lower() in _REMOVAL_VERBS \
                and tok.dep_ in ("dobj", "nsubjpass", "obj") and _done(head):
            return True
    return False


def _done(verb) -> bool:
    """A removal that happened ("toppled", "was ousted", "the coup toppling X"), not one
    planned, tried or denied ("a plot to topple X", "would oust", "did not unseat")."""
    if verb.tag_ not in ("VBD", "VBN", "VBG"):
        return False
    return not any(c.dep_ in ("neg", "aux") and (c.dep_ == "neg" or c.tag_ in ("MD", "TO")) for c in verb.children)


_TO_TITLES = {"aide", "aides", "adviser", "advisor", "assistant", "counselor", "counsellor", "deputy",
              "envoy", "secretary", "staff", "successor", "predecessor", "heir"}


def _add(ctx, claims, seen, person, title_tokens, start_tok, end_tok, status="current"):
    words = [t for t in title_tokens]
    while len(words) > 1 and (words[0].lower_ in _POSS_PRONOUNS or words[0].lower_ in ("a", "an", "the")):
        words = words[1:]          # "his former Secretary of State" -> "former Secretary of State"
    lows = [t.lower_ for t in words]
    if any(w in _FORMER for w in lows) or any(t.text.lower().startswith("ex-") for t in words):
        status = "former"
    if any(w in ("then", "then-") for w in lows) or any(t.text.lower().startswith("then-") for t in words):
        status = "then"
    if status == "current" and _removed_from_office(ctx.doc[start_tok:end_tok]):
        status = "former"
    while (len(words) > 1 and words[0].pos_ == "ADJ" and words[0].dep_ != "compound" and words[0].text[:1].islower()
           and words[0].lower_ not in TITLE_MODIFIERS):
        words = words[1:]          # "charismatic secretary of state" -> "secretary of state"
    role_toks = [t for t in words if t.lower_ not in _FORMER | {"then", "-", "a", "an", "the"}
                 or (t.lower_ == "the" and t.i != words[0].i)
                 or (t.text == "-" and _joined(t) and t.i != words[0].i and t.doc[t.i - 1].lower_ not in ("ex", "then"))]
    role_toks = _without_party_label(role_toks)
    role = _role_text(_Singular(role_toks) if isinstance(title_tokens, _Singular) else role_toks,
                      lambda toks: all(t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and ctx.is_known_surname(t.text))
                                       for t in toks))
    role = re.sub(r"^(?:then|ex)-", "", role)
    role = _turn_title_possessive(role)
    if not role or not any(t.lower_.rstrip(".") in TITLE_WORDS or t.lower_ in TITLE_WORDS
                           or (isinstance(title_tokens, _Singular) and t.lemma_.lower() in TITLE_WORDS) for t in role_toks):
        return
    key = (person, name_key(role))
    if key in seen or any(p == person and same_title(r, key[1]) for p, r in seen):
        return
    seen.add(key)
    start, end = ctx.tokens_span(ctx.doc[start_tok:end_tok])
    fields = {"entity": person, "role": role}
    if status != "current":
        fields["status"] = status
    then = _then_year(ctx, start_tok, end_tok)
    if status == "current" and then:
        fields["status"], fields["as_of"] = "then", then
    claims.append(Draft("role", start, end, ctx.slice(start, end), fields))


_PARTY_WORDS = {"republican", "democratic", "democrat", "gop", "conservative", "labour", "tory"}
# Offices of state a party label only describes the holder of ("Republican Governor X" is a governor
# who is a Republican); party titles ("Republican leader", "Conservative health spokesman",
# "Republican presidential candidate") are the party's own and keep it.
_PUBLIC_OFFICES = {"president", "governor", "gov.", "senator", "sen.", "mayor", "representative", "rep.",
                   "congressman", "congresswoman", "minister", "secretary", "speaker", "chancellor", "premier",
                   "assemblyman", "assemblywoman", "councilman", "councilwoman", "attorney", "lawmaker"}


_PARTY_NAME_GOES_ON = {"party", "national", "republic", "union", "unionist", "front", "alliance", "movement",
                       "congress", "league", "-", "’s", "'s"}


def _without_party_label(toks):
    """'Republican Vice President', 'Democratic Puerto Rico Governor': the office without the
    party label before it (a party label is no title); 'Republican National Committee
    Chairwoman', 'Republican leader' keep it."""
    if (len(toks) < 2 or toks[0].lower_ not in _PARTY_WORDS or toks[0].ent_type_ in ("GPE", "ORG", "FAC", "LOC")
            or toks[1].lower_ in _PARTY_NAME_GOES_ON):
        return toks              # "Democratic Republic of Congo President X": a country's name
    head = next((toks[k - 1] for k in range(1, len(toks)) if toks[k].lower_ in ("of", "for")), toks[-1])
    if head.lower_ not in _PUBLIC_OFFICES or head.i == toks[0].i:
        return toks
    return toks[1:]


def _joined(tok) -> bool:
    """A hyphen inside a word ("President-elect", "director-general")."""
    doc = tok.doc
    return 0 < tok.i < len(doc) - 1 and not doc[tok.i - 1].whitespace_ and not tok.whitespace_


_TITLE_POSSESSIVE = re.compile(r"^(?P<owner>(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,3}(?:President|Prime Minister|Chancellor|"
                               r"Governor|Mayor|King|Queen|Premier|Pope|Minister|Secretary|Senator|Speaker|Leader))[’']s\s+(?P<title>.+)$")


def _turn_title_possessive(role: str) -> str:
    """'President's chief strategist' -> 'chief strategist to the President': a title
    owned by another title, turned round as a person's is ("aide to Putin")."""
    m = _TITLE_POSSESSIVE.match(role)
    if m is None:
        return role
    owner = m.group("owner")
    owner = owner if owner.lower().startswith("the ") else f"the {owner}"
    title = m.group("title")
    prep = "to" if title.split()[-1].lower() in _TO_TITLES | {"strategist"} else "for"
    return f"{title} {prep} {owner}"


def same_title(a: str, b: str) -> bool:
    """'president' and 'russian president' (as name keys) are one title: the words of one
    end the other, unless the longer's own words hold a rank ("vice president" is another
    office than "president"). Not `normalize.same_name`, whose shared first and last words make one
    person of two spellings but would make 'deputy foreign minister' 'deputy defence minister'."""
    wa, wb = a.split(), b.split()
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if not short or long_[-len(short):] != short:
        return False
    return not set(long_[:len(long_) - len(short)]) & _RANK_WORDS


# Words that make another office of the title they come before: "Vice President" is not
# "President", "Deputy Foreign Minister" not "Foreign Minister", "Prime Minister" not "Minister".
_RANK_WORDS = {"vice", "deputy", "assistant", "associate", "under", "lieutenant", "prime", "chief", "acting",
               "co", "first", "shadow", "junior"}


def _then_year(ctx, tok_i, end_tok=None):
    """A title in a clause set in an earlier year holds for that year: the year dates
    the verb of the title's own clause ("In 2010, Finance Minister X said"), not a
    happening elsewhere in the sentence ("met Fed Chair X ... the act he signed in 2010")."""
    if ctx.published is None:
        return None
    sent = ctx.doc[tok_i].sent
    s, e = ctx.absolute(sent.start_char), ctx.absolute(sent.end_char)
    own = _clause_verb(ctx.doc[end_tok - 1] if end_tok else ctx.doc[tok_i])
    for d in ctx.dates_in(s, e):
        if d.pattern in ("year", "my", "mdy") and not d.relative:
            year = int(d.text[-4:]) if d.text[-4:].isdigit() else None
            mention = ctx.char_span(d.start, d.end)
            verb = _clause_verb(date_governor(mention)) if mention is not None and len(mention) else None
            if verb is None or own is None or verb.i != own.i:
                continue
            if year and year < ctx.published.year - 1:
                return partial_date(year)
    return None


def _clause_verb(tok):
    """The verb of the clause a token is in (a noun's clause through its heads)."""
    node = tok
    for _ in range(12):
        if node is None:
            return None
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head.i == node.i:
            return node
        node = node.head
    return node


_ORG_WORDS = {"inc", "corp", "co", "ltd", "plc", "group", "bank", "party", "council", "university", "institute",
              "agency", "association", "fund", "foundation", "company", "committee", "court", "ministry", "union",
              "department", "office", "club", "league", "times", "news", "post", "network", "board", "authority"}


def _person_like(ctx, ent) -> bool:
    """A name the NER labels an organisation but the text makes a person: an
    apposition with a title ("Gianforte, a wealthy technology executive",
    "Nikki Rocco, head of distribution at Universal") on a name that the
    article gives a person elsewhere, or that reads as a personal name (two or
    three capitalised words, none an organisation word)."""
    if ent.label_ not in ("ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "FAC"):
        return False
    if ent.end >= len(ent.doc) - 1 or ent.doc[ent.end].text != ",":
        return False             # no apposition: nothing to look up
    words = ent.text.split()
    known = ctx.full_name(clean_name(ent.text)) in ctx._names if hasattr(ctx, "_names") else False
    looks = (2 <= len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words)
             and not {w.lower() for w in words} & _ORG_WORDS)
    if not (known or ctx.is_known_surname(ent.text) or looks):
        return False
    after = _title_after(ent)
    return after is not None and after[0][-1].lower_ not in ORG_NOUNS


def _split_leading_title(ctx, ent):
    """'Representative Ed Royce', 'Vice President Trump' as one PERSON span: the title and
    the name apart (a one-word name when it is the surname of a person named in full)."""
    k = ent.start
    while k < ent.end - 1 and (ent.doc[k].lower_.rstrip(".") in TITLE_WORDS or ent.doc[k].lower_ in TITLE_MODIFIERS):
        k += 1
    if k == ent.start or ent.doc[k - 1].lower_.rstrip(".") not in TITLE_WORDS:
        return ent, None
    if ent.end - k < 2 and not ctx.is_known_surname(ent.doc[k].text):
        return ent, None
    if ent.end - k < 2 and k - ent.start == 1 and ent.doc[ent.start].lower_ in NAME_TITLES \
            and name_key(ctx.full_name(ent.doc[k].text)) == name_key(clean_name(ent.text)):
        return ent, None         # "Sheikh Hasina", never named more fully: the title is part of her name
    return ent.doc[k:ent.end], list(ent.doc[ent.start:k])


_GLUED = re.compile(r"^(?P<name>[A-Z][\w'’-]+?)(?:said|says|told)$")
_GLUED_TAIL = re.compile(r"^(?P<name>[A-Z][a-z'’-]*[a-z]{2})(?:said|says|told)$")
# what may open the words said after a glued speech verb ("Rajoysaid [a] new election ...",
# "Lindqvisttold [reporters]"): not a verb of the name's own ("Albusaid [said]"), nor a comma
_SAID_OPENERS = {"DET", "PRON", "NOUN", "PROPN", "NUM", "ADJ", "SCONJ"}


def _unglued(ctx, name: str, ent=None) -> str:
    """'Mariano Rajoysaid' (a text that lost the space before "said"): the name, when the
    article writes it apart elsewhere, or when what was said follows the glued word
    ("Rajoysaid a new election ...") and the name is two words or more; a name that
    really ends so ("Badr Albusaid said", "Rudolf Bertold, a historian", "Bertold on Monday",
    "Bertold Monday ordered") has its own verb, punctuation, a preposition or a date after it
    and is kept."""
    words = name.split()
    m = _GLUED.match(words[-1]) if words else None
    if m and re.search(rf"\b{re.escape(m.group('name'))}\b", ctx.text):
        return " ".join([*words[:-1], m.group("name")])
    m = _GLUED_TAIL.match(words[-1]) if len(words) > 1 else None
    if m and ent is not None and ent.end < len(ent.doc) and ent.doc[ent.end - 1].text == words[-1]:
        nxt = ent.doc[ent.end]
        if (nxt.pos_ in _SAID_OPENERS or nxt.text in ("“", '"', "‘")) and nxt.lower_ not in _GLUED_NOT_SAID \
                and nxt.ent_type_ not in ("DATE", "TIME"):
            return " ".join([*words[:-1], m.group("name")])
    return name


_GLUED_NOT_SAID = {"who", "whose", "which", "and", "or", "of", "from", "in"}


def _bare_name(name: str) -> str:
    """'Producer Aamir Khan' (a name the NER took with its title) -> 'Aamir Khan'."""
    words = name.split()
    while len(words) > 2 and words[0].lower().rstrip(".") in TITLE_WORDS:
        words = words[1:]
    return " ".join(words)


_AS_VERBS_SUBJECT = {"serve", "work", "act", "remain", "continue", "stay", "return"}
_AS_VERBS_OBJECT = {"appoint", "name", "nominate", "choose", "pick", "tap", "install", "elect", "confirm",
                    "hire", "select", "designate", "reappoint", "swear"}


def _as_roles(ctx):
    """'X served as finance minister, interior minister and foreign minister' (one role
    each), 'nominated X as secretary of the interior': (person, title tokens, start
    token, end token, status)."""
    doc = ctx.doc
    for prep in doc:
        if prep.lower_ != "as" or prep.dep_ != "prep":
            continue
        verb = prep.head if prep.head.pos_ == "VERB" else _verb_before_name(doc, prep)
        if verb is None:
            continue
        lemma = verb.lemma_.lower()
        if lemma in _AS_VERBS_SUBJECT:
            who = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if who is None and verb.dep_ in ("relcl",) and verb.head.ent_type_ == "PERSON":
                who = verb.head
        elif lemma in _AS_VERBS_OBJECT:
            who = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "oprd")), None)
            if prep.head.i != verb.i:
                who = doc[prep.i - 1]                  # by word order: "named [Ryan Zinke] as ..."
        else:
            continue
        person = _person_of(ctx, who)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if person is None or obj is None:
            continue
        past = lemma in _AS_VERBS_SUBJECT and verb.tag_ == "VBD" and not any(
            c.lower_ in ("now", "currently", "still") for c in verb.children)
        status = "former" if past else "current"
        first = getattr(ent_at(doc, who.i), "start", who.i)
        for title in [obj, *_conjuncts(obj)]:
            toks = _title_phrase(title)
            if toks and _headed_by_title(toks):
                yield person, toks, min(first, toks[0].i), max(who.i, toks[-1].i) + 1, status


def _verb_before_name(doc, prep):
    """'named Ryan Zinke as secretary' parsed with "as" elsewhere: the appointing verb right
    before the name that "as" follows."""
    name = doc[prep.i - 1] if prep.i > 0 else None
    if name is None or name.ent_type_ != "PERSON":
        return None
    k = name.i
    while k > 0 and doc[k - 1].ent_type_ == "PERSON":
        k -= 1
    verb = doc[k - 1] if k > 0 else None
    return verb if verb is not None and verb.pos_ == "VERB" and verb.lemma_.lower() in _AS_VERBS_OBJECT else None


def _person_of(ctx, tok):
    if tok is None:
        return None
    if tok.lower_ in ("he", "she"):
        return ctx.last_person_before(ctx.absolute(tok.idx))
    ent = ent_at(ctx.doc, tok.i)
    return ctx.full_name(clean_name(ent.text)) if ent is not None and ent.label_ == "PERSON" else None


def _conjuncts(tok):
    """The other titles of a list ("finance minister, interior minister and foreign minister";
    the parse may hang the middle one as an apposition)."""
    out = []
    for c in tok.children:
        if c.dep_ == "conj" or (c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")):
            out.append(c)
            out.extend(_conjuncts(c))
    return out


def _title_phrase(noun):
    """A title noun with its modifiers and its of/for phrase, without its conjuncts."""
    cut = set()
    for c in noun.children:
        if c.dep_ in ("conj", "cc", "punct", "relcl", "acl", "appos"):
            cut |= {x.i for x in c.subtree}
    toks = [t for t in noun.subtree if (t.i not in cut and not t.is_punct) or t.text == "-"]
    while toks and toks[0].pos_ in ("DET",):
        toks = toks[1:]
    return toks


def _titles_for(ent):
    """Yield (start token, end token, title tokens) for each title of `ent`."""
    doc = ent.doc
    before = _title_before(ent)
    if before:
        yield before[0].i, ent.end, before
    # apposition after the name: "X, a/the TITLE ..." or "X, TITLE of ..."
    after = _title_after(ent)
    if after:
        toks, end = after
        yield ent.start, end, toks
        serves = _serves_as(doc, toks)
        if serves:
            yield ent.start, serves[-1].i + 1, serves
    # apposition before the name: "The chief of the ... General Staff, Viktor Gulevich"
    before_comma = _title_before_comma(ent)
    if before_comma:
        yield before_comma[0].i, ent.end, before_comma
    else:
        # "Putin's aide, Yuri Ushakov", "members of the US delegation, Steve Witkoff and Jared Kushner"
        appos = _title_noun_before_names(ent)
        if appos:
            toks, plural = appos
            yield toks[0].i, ent.end, _Singular(toks) if plural else toks


def _title_before(ent):
    doc = ent.doc
    i = ent.start - 1
    while i >= 0 and doc[i].lower_ in HONORIFICS:
        i -= 1                   # "Former colleague [Lord] Hanley": the honorific is the name's
    if i >= 0 and doc[i].lower_ in ("and", "or", "&"):
        return None              # "Jane Roe, director of X and [Philip Doe]": the title is another's
    toks = []
    while i >= 0 and len(toks) < 14:
        t = doc[i]
        if "\n" in t.text or "\n" in t.whitespace_:
            break
        low = t.lower_
        if t.ent_type_ == "PERSON" and not (toks and toks[0].text in ("’s", "'s")):
            break                # another person's name: "Chancellor X and President Y"
        title_part = (t.text in ("’s", "'s", "-", "[") or low in ("of", "the", "and") or low in TITLE_MODIFIERS or low in _FORMER
                      or (low == "for" and _office_for(doc, i))
                      or t.pos_ in ("PROPN", "NOUN") or (t.pos_ == "ADJ" and t.text[:1].isupper()))
        if not title_part:
            break
        toks.insert(0, t)
        i -= 1
        if low in _FORMER and t.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in t.children):
            break                # "Rebels ousted President X": the verb's subject is no part of the title
    # the title starts at the leftmost title word, extended over its modifiers
    idx = [k for k, t in enumerate(toks) if t.lower_.rstrip(".") in TITLE_WORDS or t.lower_ in TITLE_WORDS]
    if not idx:
        return None
    first = idx[0]
    lead_title = toks[first]
    capital_mode = lead_title.text[:1].isupper()
    k = first - 1
    while k >= 0:
        t = toks[k]
        ok = t.text[:1].isupper() or t.text in ("’s", "'s", "-") or (not capital_mode and (t.pos_ in ("NOUN", "PROPN", "ADJ") or t.lower_ in TITLE_MODIFIERS)) or t.lower_ in _FORMER | {"then"}
        if t.lower_ in ("of", "the", "and"):
            # inside a place's or body's name the title is of ("Democratic Republic of Congo
            # President X", not "Congo President"); elsewhere the title starts after it
            ok = t.ent_iob_ == "I" and t.ent_type_ in ("GPE", "ORG", "LOC", "FAC")
        if not ok:
            break
        k -= 1
    toks = toks[k + 1:]
    if ent.end < len(doc) and doc[ent.end].text in ("’s", "'s"):
        cut = max((j for j, t in enumerate(toks) if t.lower_ in ("of", "for")), default=None)
        if cut is not None:      # "member of [President] Donald Trump's cabinet": only "President" is his
            toks = toks[cut + 1:]
    while toks and (toks[0].lower_ in ("the", "of", "and", "for") or toks[0].text in ("’s", "'s", "-", "[")):
        toks.pop(0)
    while toks and (toks[-1].lower_ in ("the", "of", "and", "for") or toks[-1].text in ("[", "-")):
        toks.pop()
    return toks if toks and _headed_by_title(toks) else None


def _office_for(doc, i) -> bool:
    """'Secretary of State [for] European Affairs', 'High Commissioner [for] Refugees': "for"
    inside an office's name, between capitalised words, not before another title
    ("a spokesman for President X" is no title of X's)."""
    if i < 1 or i + 1 >= len(doc):
        return False
    before, after = doc[i - 1], doc[i + 1]
    return before.text[:1].isupper() and after.text[:1].isupper() and after.lower_ not in TITLE_WORDS


def _headed_by_title(toks) -> bool:
    """The title's head is a title word: its last word ("Tory leader"), or the word
    before its "of"/"for" ("Secretary of State for ..."); not "general election"."""
    def titled(t):
        return t.lower_.rstrip(".") in TITLE_WORDS or t.lower_ in TITLE_WORDS or t.lemma_.lower() in TITLE_WORDS
    k = len(toks) - 1
    while k >= 0:                # the last word, a hyphenated one whole ("President-elect")
        if titled(toks[k]):
            return True
        if k >= 2 and toks[k - 1].text == "-" and _joined(toks[k - 1]):
            k -= 2
            continue
        break
    first_prep = next((j for j, t in enumerate(toks) if t.lower_ in ("of", "for")), None)
    return first_prep is not None and first_prep > 0 and titled(toks[first_prep - 1])


def _title_before_comma(ent):
    """A noun phrase that opens with a title and ends in ', NAME'."""
    doc = ent.doc
    comma = ent.start - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    sent_start = doc[comma].sent.start
    k = comma - 1
    while k > sent_start and doc[k - 1].text not in (",", ";", ":", "—", "–", "(") and comma - k < 14:
        k -= 1
    toks = list(doc[k:comma])
    while toks and toks[0].pos_ in ("DET", "CCONJ", "ADP", "PRON") and toks[0].lower_ not in TITLE_WORDS:
        toks = toks[1:]
    if not toks or any(t.pos_ in ("VERB", "AUX") for t in toks):
        return None
    poss = next((j for j, t in enumerate(toks[:5]) if t.text in ("’s", "'s")), None)
    body = toks[poss + 1:] if poss is not None and all(t.pos_ in ("PROPN", "NOUN") for t in toks[:poss]) else toks
    if not body:
        return None
    lead = body[0] if body[0].lower_ in TITLE_WORDS else (body[1] if (len(body) > 1 and body[0].lower_ in TITLE_MODIFIERS | {"senior", "top"}) or (len(body) > 1 and body[0].text[:1].isupper() and body[1].lower_ in TITLE_WORDS) else None)
    if lead is None or lead.lower_ not in TITLE_WORDS:
        return None
    return toks


def _title_noun_before_names(ent):
    """The title noun a name (or each of a list of names) stands in apposition
    to, after a comma: "Putin's aide, Yuri Ushakov"; "members of the US
    delegation, Steve Witkoff and Jared Kushner" (each is a member). Returns
    (title tokens, singular) or None."""
    doc = ent.doc
    node = ent.root
    for _ in range(6):                     # "A, B and C": climb the list of names
        if node.dep_ == "conj" and node.head.ent_type_ == "PERSON" and node.head.i < node.i:
            node = node.head
        else:
            break
    first = ent_at(doc, node.i)
    title = node.head
    if (first is None or node.dep_ not in ("appos", "conj") or title.i >= node.i or title.pos_ != "NOUN"
            or first.start == 0 or doc[first.start - 1].text != ","):
        return None
    if title.lemma_.lower() not in TITLE_WORDS and title.lower_ not in TITLE_WORDS:
        return None
    toks = [t for t in title.subtree if t.i < first.start - 1 and t.sent == title.sent]
    run = [t for t in toks if t.i >= min(x.i for x in toks)]
    if not run or any(t.pos_ in ("VERB", "AUX") for t in run) or run[-1].i != first.start - 2:
        return None
    while run and run[0].pos_ in ("DET",):
        run = run[1:]
    plural = title.tag_ in ("NNS", "NNPS")
    if not plural and first.start != ent.start:
        return None              # "deputy chair, A, B, C": the title is A's
    return run, plural


def _title_after(ent):
    doc = ent.doc
    j = ent.end
    if j >= len(doc) - 1 or doc[j].text != ",":
        return None
    k = j + 1
    if doc[k].lower_ in ("a", "an", "the"):
        k += 1
    toks = []
    while k < len(doc) and len(toks) < 16:
        t = doc[k]
        if t.text in (",", ";", ".", "—", "–", "(", ")", ":") or ("\n" in t.whitespace_ and toks):
            if "\n" in t.whitespace_ and t.text not in (",", ";", "."):
                toks.append(t)
            break
        if t.lower_ == "and" and k + 1 < len(doc) and _and_in_title(doc, toks, k):
            toks.append(t)
            k += 1
            continue
        if t.lower_ in _TRAILING_CUT or t.pos_ in ("VERB", "AUX"):
            break
        if t.ent_type_ == "PERSON" and t.i > j + 1:
            # "X, Chief Executive Y": the title is Y's; "X, the son of Premier Y": X's ends at "son"
            while toks and (toks[-1].pos_ == "PROPN" or toks[-1].lower_ in TITLE_WORDS | TITLE_MODIFIERS or toks[-1].text[:1].isupper()):
                toks.pop()
            while toks and toks[-1].pos_ in ("ADP", "DET", "CCONJ", "ADJ", "PUNCT"):
                toks.pop()
            break
        toks.append(t)
        k += 1
    if not toks:
        return None
    # the apposition's head noun (before any preposition) must be a title word
    head_part = []
    for t in toks:
        if t.pos_ == "ADP" and t.text not in ("’s", "'s"):
            break
        head_part.append(t)
    if not any(t.lower_ in TITLE_WORDS and t.pos_ in ("NOUN", "PROPN") for t in head_part):
        return None
    return toks, toks[-1].i + 1


def _and_in_title(doc, toks, k) -> bool:
    """'chairman and chief executive of X' (two titles), 'Minister for Health and Social
    Services' (one office's name): an "and" that goes on with the title."""
    nxt = doc[k + 1]
    if nxt.lower_ in TITLE_WORDS or nxt.lower_ in TITLE_MODIFIERS - {"and", "of", "the", "at", "-", "’s", "'s"}:
        return True
    return any(t.lower_ in ("of", "for") for t in toks) and nxt.text[:1].isupper() and nxt.ent_type_ != "PERSON"


def _serves_as(doc, toks):
    """'..., a former president who now serves as deputy chairman of X'."""
    k = toks[-1].i + 1
    window = doc[k:k + 6]
    for t in window:
        if t.lemma_ in ("serve", "work", "act") and t.i + 1 < len(doc):
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "as":
                    obj = [x for x in c.subtree if x.i > c.i and not x.is_punct]
                    out = []
                    for x in obj:
                        if x.text in (",", ";") or x.pos_ == "VERB":
                            break
                        out.append(x)
                    return out or None
    return None


def _copula_roles(ctx: ArticleContext):
    """'Nauman Sadiq is an ... analyst' and 'He is a regular contributor to X'."""
    for tok in ctx.doc:
        if tok.lemma_ != "be" or tok.dep_ != "ROOT":
            continue
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        attr = [c for c in tok.children if c.dep_ == "attr"]
        if not subj or not attr or attr[0].lower_ not in TITLE_WORDS:
            continue
        s = subj[0]
        if s.ent_type_ == "PERSON":
            ent = ent_at(ctx.doc, s.i)
            person = ctx.full_name(clean_name(ent.text))
            first = ent.start
        elif s.lower_ in ("he", "she"):
            person = ctx.last_person_before(ctx.absolute(s.idx))
            first = s.i
        else:
            continue
        if not person:
            continue
        a = attr[0]
        cut = set()
        for t in a.subtree:
            if t.i not in cut and (t.dep_ in ("acl", "relcl") or (t.dep_ in ("conj", "cc") and t.head.i == a.i)):
                cut.update(x.i for x in t.subtree)
        toks = [t for t in a.subtree if (t.dep_ != "det" or t.i > a.i) and t.i not in cut]
        toks = [t for t in toks if not t.is_punct or t.text == "-"]
        while toks and toks[-1].pos_ in ("CCONJ", "ADP", "DET"):
            toks.pop()
        if not toks or any(t.tag_ == "JJS" or t.lower_ in ("best", "worst") for t in toks[:2]):
            continue                 # "was best actress": an award, not a title
        role = join_tokens(toks)
        start, end = ctx.tokens_span(ctx.doc[first:toks[-1].i + 1])
        yield Draft("role", start, end, ctx.slice(start, end), {"entity": person, "role": role})


# "leading the delegation" -> "leader of the delegation"
_LEADING = {"leading": "leader", "heading": "head", "chairing": "chair", "running": "head",
            "directing": "director", "commanding": "commander", "managing": "manager",
            "representing": "representative", "coordinating": "coordinator", "overseeing": "head"}
_SPLIT_AND = re.compile(r"\s+and\s+")


def split_compound_roles(drafts: list[Draft]) -> list[Draft]:
    """One title that holds two: "Deputy Defense Minister leading the peace delegation"
    is "Deputy Defense Minister" and "leader of the peace delegation"; "chairman and
    chief executive" is two titles (not "Minister of Health and Social Services",
    whose "and" is inside an office's name). A title headed by an organisation
    noun ("the President's Cabinet") names a body, not a person's role: dropped."""
    out: list[Draft] = []
    given = [(d.fields["entity"], name_key(d.fields["role"])) for d in drafts]
    for d in drafts:
        parts = _role_parts(d.fields["role"])
        if parts == [d.fields["role"]]:
            out.append(d)
            continue
        own = (d.fields["entity"], name_key(d.fields["role"]))
        for part in parts:
            key = (d.fields["entity"], name_key(part))
            if any(p == key[0] and same_title(r, key[1]) for p, r in given if (p, r) != own):
                continue                 # the article gives this person that title elsewhere
            given.append(key)
            out.append(Draft(d.kind, d.start, d.end, d.text, {**d.fields, "role": part}))
    return out


def _role_parts(role: str) -> list[str]:
    words = role.split()
    if not words:
        return []
    m = re.match(r"^(?P<first>.+?)\s+(?:who\s+is\s+)?(?P<verb>" + "|".join(_LEADING) + r")\s+(?P<rest>.+)$", role)
    if m and _has_title(m.group("first")):
        return [*_role_parts(m.group("first")), f"{_LEADING[m.group('verb')]} of {m.group('rest')}"]
    head = re.split(r"\s+(?:of|for|at|to|in)\s+", role)[0]
    tail = role[len(head):]
    pieces = _SPLIT_AND.split(head)
    if len(pieces) > 1 and all(_has_title(p) for p in pieces):
        return [p for piece in pieces for p in _role_parts(piece + tail)]     # "chairman and chief executive of X"
    if head.split()[-1].lower().strip("’'s") in ORG_NOUNS and not _has_title(head) and not _has_title(words[-1]):
        return []                        # "the President's Cabinet": a body
    return [role]


def _has_title(text: str) -> bool:
    return any(w.lower().strip(".,’'") in TITLE_WORDS for w in text.split())
