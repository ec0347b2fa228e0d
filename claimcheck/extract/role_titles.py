"""A title's own words and its status, for the titles `roles` and `role_clauses` find.

The words as written, trimmed ("his former Secretary of State" -> "former Secretary of
State"; a party label before an office of state is no part of it) and turned round where a
person or an office owns the title ("Putin's aide" -> "aide to Putin", "the President's
chief strategist" -> "chief strategist to the President"); a plural head made singular for
each of a list of names. Two titles that are one (`same_title`) and one title that holds two
(`split_compound_roles`).
"former"/"ex-"/"ousted"/"the late" give status former and "then-" status then; a title given
in a sentence about an earlier year is also `then` at that year; a removal done to the titled
person ("the coup toppling President X") makes the title former.
"""
from __future__ import annotations

import datetime as dt
import re

from claimcheck.normalize import name_key

from .claims import Draft
from .events import date_governor
from .future import says_future
from .lexicon import DESCRIPTOR_WORDS, ORG_NOUNS, TITLE_MODIFIERS
from .lexicon import TITLE_WORDS as _SPEAKER_TITLES
from .partial_dates import as_partial, partial_date
from .tokens import join_tokens

TITLE_WORDS = _SPEAKER_TITLES | DESCRIPTOR_WORDS
_POSS_PRONOUNS = {"his", "her", "their", "its", "our", "my", "your"}
# Words that put a title in the past ("Ousted Thai prime minister X", "the late President Y").
FORMER_WORDS = {"former", "ex", "ex-", "ousted", "deposed", "toppled", "late", "erstwhile", "onetime", "one-time"}


class SingularTitle(list):
    """Title tokens whose plural head names each of several people
    ("members of the delegation, X and Y" -> "member of the delegation")."""


def _role_text(words, is_person=lambda toks: all(t.ent_type_ == "PERSON" for t in toks)) -> str:
    """The role as written, with a person's possessive turned round ("Putin's
    aide" -> "aide to Putin") and a plural head made singular for one person."""
    parts = []
    for k, t in enumerate(words):
        text = t.lemma_ if isinstance(words, SingularTitle) and t.tag_ in ("NNS", "NNPS") and t.lower_.rstrip("s") in TITLE_WORDS | {t.lemma_.lower()} else t.text
        if k and t.i != words[k - 1].i + 1:
            parts.append(" ")           # words left out between: never glue the two
        parts.append(text + t.whitespace_)
    role = " ".join("".join(parts).split()).strip(" ,")
    poss = next((k for k, t in enumerate(words) if t.text in ("’s", "'s")), None)
    if poss is not None and poss > 0 and is_person(words[:poss]):
        owner = " ".join(t.text for t in words[:poss])
        rest = join_tokens(words[poss + 1:]).strip(" ,")
        if rest:
            title = _role_text(SingularTitle(words[poss + 1:]) if isinstance(words, SingularTitle) else words[poss + 1:])
            prep = "to" if title.split()[-1].lower() in _TO_TITLES else "for"
            role = f"{title} {prep} {owner}"     # "aide to Putin", "spokesman for Putin"
    return role


_REMOVAL_VERBS = {"topple", "oust", "overthrow", "depose", "unseat", "dethrone", "impeach", "assassinate", "remove",
                  "sack", "fire", "dismiss", "axe"}


def _removed_from_office(span) -> bool:
    """The titled person is what a removal does something to ("the coup toppling Ukrainian
    President X", "X was ousted"): the title held then, not at publication, so `former`."""
    for tok in span:
        head = tok.head
        if (head.i < span.start or head.i >= span.end) and head.lemma_.lower() in _REMOVAL_VERBS \
                and tok.dep_ in ("dobj", "nsubjpass", "obj") and _done(head):
            return True
    before = span.doc[span.start - 1] if span.start > 0 else None
    # "have sacked manager X" parsed with "sacked" a modifier of the title
    return before is not None and before.lemma_.lower() in _REMOVAL_VERBS and before.tag_ in ("VBD", "VBN") and _done(before)


def _done(verb) -> bool:
    """A removal that happened ("toppled", "was ousted", "the coup toppling X"), not one
    planned, tried or denied ("a plot to topple X", "would oust", "did not unseat")."""
    if verb.tag_ not in ("VBD", "VBN", "VBG"):
        return False
    return not any(c.dep_ in ("neg", "aux") and (c.dep_ == "neg" or c.tag_ in ("MD", "TO")) for c in verb.children)


_TO_TITLES = {"aide", "aides", "adviser", "advisor", "assistant", "counselor", "counsellor", "deputy",
              "envoy", "secretary", "staff", "successor", "predecessor", "heir"}


def add_role(ctx, claims, seen, person, title_tokens, start_tok, end_tok, status="current"):
    words = [t for t in title_tokens]
    while len(words) > 1 and (words[0].lower_ in _POSS_PRONOUNS or words[0].lower_ in ("a", "an", "the")):
        words = words[1:]          # "his former Secretary of State" -> "former Secretary of State"
    lows = [t.lower_ for t in words]
    if any(w in FORMER_WORDS for w in lows) or any(t.text.lower().startswith("ex-") for t in words):
        status = "former"
    if any(w in ("then", "then-") for w in lows) or any(t.text.lower().startswith("then-") for t in words):
        status = "then"
    if status == "current" and (_removed_from_office(ctx.doc[start_tok:end_tok]) or _listed_among_past(ctx.doc, start_tok)):
        status = "former"
    while (len(words) > 1 and words[0].pos_ == "ADJ" and words[0].dep_ != "compound" and words[0].text[:1].islower()
           and words[0].lower_ not in TITLE_MODIFIERS):
        words = words[1:]          # "charismatic secretary of state" -> "secretary of state"
    role_toks = [t for t in words if t.lower_ not in FORMER_WORDS | {"then", "-", "a", "an", "the"}
                 or (t.lower_ == "the" and t.i != words[0].i)
                 or (t.text == "-" and _joined(t) and t.i != words[0].i and t.doc[t.i - 1].lower_ not in ("ex", "then"))]
    role_toks = _without_party_label(role_toks)
    role = _role_text(SingularTitle(role_toks) if isinstance(title_tokens, SingularTitle) else role_toks,
                      lambda toks: all(t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and ctx.is_known_surname(t.text))
                                       for t in toks))
    role = re.sub(r"^(?:then|ex)-", "", role)
    role = _turn_title_possessive(role)
    if not role or not any(t.lower_.rstrip(".") in TITLE_WORDS or t.lower_ in TITLE_WORDS
                           or (isinstance(title_tokens, SingularTitle) and t.lemma_.lower() in TITLE_WORDS) for t in role_toks):
        return
    key = (person, name_key(role))
    if key in seen or any(p == person and same_title(r, key[1]) for p, r in seen):
        return
    seen.add(key)
    start, end = ctx.tokens_span(ctx.doc[start_tok:end_tok])
    fields = {"entity": person, "role": role}
    if status != "current":
        fields["status"] = status
    then = _then_year(ctx, start_tok, end_tok, recent=status == "then")
    if status in ("current", "then") and then:
        fields["status"], fields["as_of"] = "then", then   # "Then-Governor X signed it in 2019": held in 2019
    elif status in ("current", "then") and (day := _reported_day(ctx, start_tok, end_tok)):
        fields["as_of"] = day          # "Prime Minister X said on Thursday": the title held that day
    claims.append(Draft("role", start, end, ctx.slice(start, end), fields))


# Modifiers that put a group in the past: "previous leaders such as ...", "past presidents like ...".
_PAST_GROUP_WORDS = {"previous", "past", "former", "earlier", "prior", "bygone", "late"}


def _listed_among_past(doc, start: int) -> bool:
    """'previous foreign leaders such as his predecessor, Barack Obama, and British Prime
    Minister Margaret Thatcher': a title in a list of examples of office holders of the past is
    a former one (no verb between the list's opening and the title). Only holders of an office
    carry it over: 'former rivals, including Governor X' are rivals no more, X is governor."""
    sent = doc[start].sent
    for k in range(start - 1, max(sent.start, start - 25) - 1, -1):
        tok = doc[k]
        if tok.lower_ in ("like", "including") or (tok.lower_ == "as" and k > 0 and doc[k - 1].lower_ == "such"):
            group = tok.head if tok.head.pos_ in ("NOUN", "PROPN") else None
            if group is None and k > 1 and doc[k - 1].lower_ == "such" and doc[k - 2].pos_ == "NOUN":
                group = doc[k - 2]
            if group is None:
                return False
            lemma = group.lemma_.lower()
            if lemma in ("predecessor", "forerunner"):
                return True
            holders = lemma in TITLE_WORDS or lemma in ("leader", "ruler", "head", "official")
            return holders and _in_the_past(doc, group)
        if tok.pos_ in ("VERB", "AUX"):
            return False
    return False


def _in_the_past(doc, group) -> bool:
    """'past presidents', 'ex-presidents', 'former mayors': the word before the group noun (whatever
    the parser made of it: "drew past presidents" reads "past" as a preposition) or an "ex-"."""
    before = [doc[k].lower_ for k in range(max(group.sent.start, group.i - 2), group.i)]
    if before and before[-1] in _PAST_GROUP_WORDS:
        return True
    if before[-2:] == ["ex", "-"] or group.lower_.startswith("ex-"):
        return True
    return any(c.dep_ == "amod" and c.lower_ in _PAST_GROUP_WORDS for c in group.children)


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


def _then_year(ctx, tok_i, end_tok=None, recent=False):
    """A title in a clause set in an earlier year holds for that year: the year dates
    the verb of the title's own clause ("In 2010, Finance Minister X said"), not a
    happening elsewhere in the sentence ("met Fed Chair X ... the act he signed in 2010").
    A plain title is set in the past only by a year before last (last year's news may still
    be the holder's); a "then-" title by any year up to publication (`recent`)."""
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
            if year and (year < ctx.published.year - 1 or (recent and year <= ctx.published.year)):
                return partial_date(year)
    return None


REPORTED_DAYS = 14  # how far before publication a day the title's clause is dated by is news of the day


def _reported_day(ctx, tok_i, end_tok=None):
    """The day of the news a title's own clause is dated by ("Prime Minister X said on
    Thursday", "X on Monday repealed"): a day up to REPORTED_DAYS before publication, else None.
    Only the title's own verb counts, as in `_then_year`."""
    if ctx.published is None:
        return None
    sent = ctx.doc[tok_i].sent
    s, e = ctx.absolute(sent.start_char), ctx.absolute(sent.end_char)
    own = _clause_verb(ctx.doc[end_tok - 1] if end_tok else ctx.doc[tok_i])
    if own is None:
        return None
    for d in ctx.dates_in(s, e):
        day = as_partial(d.resolve(ctx.published))
        if day is None or len(day) != 10 or not 0 <= (ctx.published - dt.date.fromisoformat(day)).days <= REPORTED_DAYS:
            continue
        mention = ctx.char_span(d.start, d.end)
        governor = date_governor(mention) if mention is not None and len(mention) else None
        verb = _clause_verb(governor) if governor is not None else None
        if verb is not None and verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.i == own.i:
            verb = own                    # "Speaking in Leeds on Thursday, Prime Minister X said": that day's
        if verb is not None and verb.i == own.i and not says_future(d, governor, ctx.text[max(0, d.start - 20):d.start]):
            return day
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


def headed_by_title(toks) -> bool:
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
