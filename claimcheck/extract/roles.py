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
"former"/"ex-" give status former and "then-" status then; a title given
in a sentence about an earlier year is also `then` at that year.
"""
from __future__ import annotations

import re

from claimcheck.normalize import name_key

from .claims import Draft
from .context import ArticleContext, clean_name
from .lexicon import TITLE_MODIFIERS, TITLE_WORDS
from .partial_dates import partial_date

_TRAILING_CUT = {"who", "which", "that", "whose", "and", "but"}


def extract_roles(ctx: ArticleContext) -> list[Draft]:
    seen: set[tuple[str, str]] = set()
    claims: list[Draft] = []
    for ent in ctx.doc.ents:
        if ent.label_ != "PERSON":
            continue
        person = ctx.full_name(clean_name(ent.text))
        if len(person.split()) < 1 or not person[:1].isupper():
            continue
        for start_tok, end_tok, title in _titles_for(ent):
            _add(ctx, claims, seen, person, title, start_tok, end_tok)
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
    for t in words:
        text = t.lemma_ if isinstance(words, _Singular) and t.tag_ in ("NNS", "NNPS") and t.lower_.rstrip("s") in TITLE_WORDS | {t.lemma_.lower()} else t.text
        parts.append(text + t.whitespace_)
    role = " ".join("".join(parts).split()).strip(" ,")
    poss = next((k for k, t in enumerate(words) if t.text in ("’s", "'s")), None)
    if poss is not None and poss > 0 and is_person(words[:poss]):
        owner = " ".join(t.text for t in words[:poss])
        rest = " ".join("".join(t.text_with_ws for t in words[poss + 1:]).split()).strip(" ,")
        if rest:
            title = _role_text(_Singular(words[poss + 1:]) if isinstance(words, _Singular) else words[poss + 1:])
            prep = "to" if title.split()[-1].lower() in _TO_TITLES else "for"
            role = f"{title} {prep} {owner}"     # "aide to Putin", "spokesman for Putin"
    return role


_TO_TITLES = {"aide", "aides", "adviser", "advisor", "assistant", "counselor", "counsellor", "deputy",
              "envoy", "secretary", "staff", "successor", "predecessor", "heir"}


def _add(ctx, claims, seen, person, title_tokens, start_tok, end_tok):
    words = [t for t in title_tokens]
    status = "current"
    lows = [t.lower_ for t in words]
    if any(w in ("former", "ex", "ex-") for w in lows) or any(t.text.lower().startswith("ex-") for t in words):
        status = "former"
    if any(w in ("then", "then-") for w in lows) or any(t.text.lower().startswith("then-") for t in words):
        status = "then"
    while len(words) > 1 and words[0].pos_ == "ADJ" and words[0].text[:1].islower() and words[0].lower_ not in TITLE_MODIFIERS:
        words = words[1:]          # "charismatic secretary of state" -> "secretary of state"
    role_toks = [t for t in words if t.lower_ not in ("former", "then", "ex", "-", "a", "an", "the")
                 or (t.lower_ == "the" and t.i != words[0].i)]
    role = _role_text(_Singular(role_toks) if isinstance(title_tokens, _Singular) else role_toks,
                      lambda toks: all(t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and ctx.is_known_surname(t.text))
                                       for t in toks))
    role = re.sub(r"^(?:then|ex)-", "", role)
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
    then = _then_year(ctx, start_tok)
    if status == "current" and then:
        fields["status"], fields["as_of"] = "then", then
    claims.append(Draft("role", start, end, ctx.slice(start, end), fields))


def same_title(a: str, b: str) -> bool:
    """'president' and 'russian president' (as name keys) are one title: the words of one
    end the other. Not `normalize.same_name`, whose shared first and last words make one
    person of two spellings but would make 'deputy foreign minister' 'deputy defence minister'."""
    wa, wb = a.split(), b.split()
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return bool(short) and long_[-len(short):] == short


def _then_year(ctx, tok_i):
    """A title in a sentence set in an earlier year holds for that year."""
    if ctx.published is None:
        return None
    sent = ctx.doc[tok_i].sent
    s, e = ctx.absolute(sent.start_char), ctx.absolute(sent.end_char)
    for d in ctx.dates_in(s, e):
        if d.pattern in ("year", "my", "mdy") and not d.relative:
            year = int(d.text[-4:]) if d.text[-4:].isdigit() else None
            if year and year < ctx.published.year - 1:
                return partial_date(year)
    return None


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
    toks = []
    while i >= 0 and len(toks) < 12:
        t = doc[i]
        if "\n" in t.text or "\n" in t.whitespace_:
            break
        low = t.lower_
        if t.ent_type_ == "PERSON" and not (toks and toks[0].text in ("’s", "'s")):
            break                # another person's name: "Chancellor X and President Y"
        title_part = (t.text in ("’s", "'s", "-", "[") or low in ("of", "the", "and") or low in TITLE_MODIFIERS
                      or t.pos_ in ("PROPN", "NOUN") or (t.pos_ == "ADJ" and t.text[:1].isupper()))
        if not title_part:
            break
        toks.insert(0, t)
        i -= 1
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
        ok = t.text[:1].isupper() or t.text in ("’s", "'s", "-") or (not capital_mode and (t.pos_ in ("NOUN", "PROPN", "ADJ") or t.lower_ in TITLE_MODIFIERS)) or t.lower_ in ("former", "then", "ex")
        if t.lower_ in ("of", "the", "and"):
            ok = False
        if not ok:
            break
        k -= 1
    toks = toks[k + 1:]
    while toks and (toks[0].lower_ in ("the", "of", "and") or toks[0].text in ("’s", "'s", "-", "[")):
        toks.pop(0)
    while toks and (toks[-1].lower_ in ("the", "of", "and") or toks[-1].text in ("[", "-")):
        toks.pop()
    return toks or None


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
    lead = toks[0] if toks[0].lower_ in TITLE_WORDS else (toks[1] if len(toks) > 1 and toks[0].lower_ in TITLE_MODIFIERS | {"senior", "top"} else None)
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
    first = next((e for e in doc.ents if e.start <= node.i < e.end), None)
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
        if t.lower_ in _TRAILING_CUT or t.pos_ in ("VERB", "AUX"):
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
            ent = next(e for e in ctx.doc.ents if e.start <= s.i < e.end)
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
        cut = {x.i for t in a.subtree if t.dep_ in ("acl", "relcl") for x in t.subtree}
        toks = [t for t in a.subtree if (t.dep_ != "det" or t.i > a.i) and t.i not in cut]
        toks = [t for t in toks if not t.is_punct or t.text == "-"]
        if not toks:
            continue
        role = " ".join("".join(t.text_with_ws for t in toks).split())
        start, end = ctx.tokens_span(ctx.doc[first:toks[-1].i + 1])
        yield Draft("role", start, end, ctx.slice(start, end), {"entity": person, "role": role})
