"""Titles given to named people.

Three shapes, all read off the parse around a PERSON entity:
  * a title before the name: "Secretary of State Antony Blinken",
    "Russia's lead negotiator Vladimir Medinsky" (we walk left over title
    words, nationality adjectives and organisation names);
  * an apposition: "Kadri Liik, a senior policy fellow at ...",
    "The chief of ... General Staff, Viktor Gulevich", with
    "who now serves as X" adding a second title;
  * a title noun a list of names stands in apposition to: "members of the
    US delegation, A and B" (each a "member of the US delegation"),
    "Putin's aide, Yuri Ushakov" ("aide to Putin").
A title before a name stops at another person's name ("Chancellor X and
President Y": Y is "President").
Titles a clause gives ("X served as ...", "X is an analyst") are found in `role_clauses`;
a title's own words and its status are read in `role_titles`.
"""
from __future__ import annotations

import re

from claimcheck.normalize import name_key

from .claims import Draft
from .context import ArticleContext, clean_name
from .doc_index import ent_at
from .lexicon import HONORIFICS, NAME_TITLES, ORG_NOUNS, TITLE_MODIFIERS
from .role_clauses import as_clause_roles, copula_roles
from .role_titles import FORMER_WORDS, TITLE_WORDS, SingularTitle, add_role, headed_by_title

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
            add_role(ctx, claims, seen, person, inner, inner[0].i, ent.end)     # "[Representative] Ed Royce"
        for start_tok, end_tok, title in _titles_for(ent):
            add_role(ctx, claims, seen, person, title, start_tok, end_tok)
    for person, toks, start_tok, end_tok, status in as_clause_roles(ctx):
        add_role(ctx, claims, seen, person, toks, start_tok, end_tok, status)
    for claim in copula_roles(ctx):
        key = (claim.fields["entity"], name_key(claim.fields["role"]))
        if key not in seen:
            seen.add(key)
            claims.append(claim)
    for c in claims:
        ctx.roles_by_person.setdefault(c.fields["entity"], c.fields["role"])
        ctx.titled.append((c.start, c.fields["entity"], c.fields["role"]))
    return claims


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
    first = ent.start
    while first > ent.sent.start and ent.doc[first - 1].text[:1].isupper() and (
            ent.doc[first - 1].lower_ in TITLE_WORDS or ent.doc[first - 1].lower_ in TITLE_MODIFIERS):
        first -= 1               # "Chief [Constable Peter Lang]": the title's first words outside the name
    return ent.doc[k:ent.end], list(ent.doc[first:k])


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
            yield toks[0].i, ent.end, SingularTitle(toks) if plural else toks


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
        title_part = (t.text in ("’s", "'s", "-", "[") or low in ("of", "the", "and") or low in TITLE_MODIFIERS or low in FORMER_WORDS
                      or (low == "for" and _office_for(doc, i))
                      or t.pos_ in ("PROPN", "NOUN") or (t.pos_ == "ADJ" and t.text[:1].isupper()))
        if not title_part:
            break
        toks.insert(0, t)
        i -= 1
        if low in FORMER_WORDS and t.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in t.children):
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
        ok = t.text[:1].isupper() or t.text in ("’s", "'s", "-") or (not capital_mode and (t.pos_ in ("NOUN", "PROPN", "ADJ") or t.lower_ in TITLE_MODIFIERS)) or t.lower_ in FORMER_WORDS | {"then"}
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
    return toks if toks and headed_by_title(toks) else None


def _office_for(doc, i) -> bool:
    """'Secretary of State [for] European Affairs', 'High Commissioner [for] Refugees': "for"
    inside an office's name, between capitalised words, not before another title
    ("a spokesman for President X" is no title of X's)."""
    if i < 1 or i + 1 >= len(doc):
        return False
    before, after = doc[i - 1], doc[i + 1]
    return before.text[:1].isupper() and after.text[:1].isupper() and after.lower_ not in TITLE_WORDS


def _title_before_comma(ent):
    """A noun phrase that opens with a title and ends in ', NAME'."""
    doc = ent.doc
    comma = ent.start - 1
    while comma > 0 and doc[comma].lower_ in HONORIFICS:
        comma -= 1               # "the head of the agency, Dr Karin Berg": the honorific is the name's
    if comma < 1 or doc[comma].text != ",":
        return None
    sent_start = doc[comma].sent.start
    k = comma - 1
    while k > sent_start and doc[k - 1].text not in (",", ";", ":", "—", "–", "(") and comma - k < 14:
        k -= 1
    toks = list(doc[k:comma])
    # "attended by the head of the agency, X", "Minister Y and the head of the agency, X": the
    # phrase after the verb or the conjunction
    cuts = [j for j, t in enumerate(toks) if t.pos_ in ("VERB", "AUX", "CCONJ")]
    if cuts and cuts[-1] + 1 < len(toks) and toks[cuts[-1] + 1].pos_ in ("ADP", "DET"):
        toks = toks[cuts[-1] + 1:]
    while toks and toks[0].pos_ in ("DET", "CCONJ", "ADP", "PRON") and toks[0].lower_ not in TITLE_WORDS:
        toks = toks[1:]
    if not toks or any(t.pos_ in ("VERB", "AUX") for t in toks):
        return None
    poss = next((j for j, t in enumerate(toks[:5]) if t.text in ("’s", "'s")), None)
    body = toks[poss + 1:] if poss is not None and all(t.pos_ in ("PROPN", "NOUN") for t in toks[:poss]) else toks
    if not body or any(t.ent_type_ == "PERSON" for t in body):
        return None              # another person's name ("Minister Y and the head of ..."): not this one's title
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
        if t.lower_ in _TRAILING_CUT or (t.pos_ in ("VERB", "AUX") and t.dep_ != "amod"):
            break                     # ("collapsed" in "founder of collapsed lender X" describes the lender)
        if t.ent_type_ == "PERSON" and t.i > j + 1:
            # "X, Chief Executive Y": the title is Y's; "X, the son of Premier Y": X's ends at "son"
            while toks and (toks[-1].pos_ == "PROPN" or toks[-1].lower_ in TITLE_WORDS | TITLE_MODIFIERS or toks[-1].text[:1].isupper()):
                toks.pop()
            while toks and toks[-1].pos_ in ("ADP", "DET", "CCONJ", "ADJ", "PUNCT"):
                toks.pop()
            break
        toks.append(t)
        k += 1
    while toks and toks[-1].pos_ in ("ADP", "DET", "CCONJ") and toks[-1].text not in ("’s", "'s"):
        toks.pop()                    # never a title ending "founder of"
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
