"""Direct quotations and their speakers.

Quotation marks are paired per paragraph (curly double, straight double,
and curly single quotes that open at a word boundary); a quote whose
paragraph ends before it closes continues a multi-paragraph quotation and
ends at the paragraph. The claim's text is the quoted words minus a
trailing comma or period inside the marks.

The speaker, in order of evidence:
  0.-2. what `quote_speaker.py` finds: the owner of a claim a speech noun
     reports, a speech verb governing the quoted words or a relative clause
     on the noun the quote modifies, a speech verb elsewhere in the
     sentence(s) the quote sits in;
  3. for a full-sentence quote with no verb of its own, the speaker of the
     quote just before it in the paragraph, else the person the text is
     about (the last named subject or speaker);
  4. for headlines and section headers, the speaker of the body quote that
     contains the same words;
  5. otherwise nobody: a scare quote (attribution null).
"""
from __future__ import annotations

import re

from claimcheck.normalize import name_key

from .attribution import public, subject_of, via_of
from .claims import Draft
from .context import ArticleContext
from .quote_speaker import UNOWNED_CLAIM, introduced_speaker, pronoun_follow_on, quote_speaker
from .role_titles import same_title
from .said_on import said_on_date
from .story import REFERRING_NOUNS

_SINGLE_OPEN = re.compile(r"(?<![\w’'])‘")


def find_quote_regions(body: str, offset: int) -> list[tuple[int, int, int, int]]:
    """(outer start, outer end, inner start, inner end), absolute offsets."""
    out = []
    pos = 0
    for para in body.split("\n"):
        out.extend(_pairs_in(para, pos + offset))
        pos += len(para) + 1
    return out


def _pairs_in(para: str, base: int):
    found = []
    i = 0
    n = len(para)
    while i < n:
        ch = para[i]
        if ch == "“":
            close = para.find("”", i + 1)
            reopen = para.find("“", i + 1)
            if reopen != -1 and (close == -1 or reopen < close):
                end = reopen          # unclosed: it ends where the next quote opens
            elif close == -1:
                end = n               # unclosed: a quote continued in the next paragraph
            else:
                found.append((base + i, base + close + 1, base + i + 1, base + close))
                i = close + 1
                continue
            found.append((base + i, base + end, base + i + 1, base + end))
            i = end
            continue
        if ch == '"':
            close, reopened = _straight_close(para, i)
            if close == -1:
                found.append((base + i, base + n, base + i + 1, base + n))
                break
            if reopened:              # a new opening mark before any closing one: split there
                found.append((base + i, base + close, base + i + 1, base + close))
                i = close
                continue
            found.append((base + i, base + close + 1, base + i + 1, base + close))
            i = close + 1
            continue
        i += 1
    for m in _SINGLE_OPEN.finditer(para):
        j = m.end()
        while True:
            close = para.find("’", j)
            if close == -1:
                break
            after = para[close + 1:close + 2]
            if not after or not after.isalpha():
                if close > m.end():
                    found.append((base + m.start(), base + close + 1, base + m.end(), base + close))
                break
            j = close + 1
    return found


_OPEN_BEFORE = "([{—–-/"
_CLOSE_AFTER = ".,;:!?)]}—–-’'"


def straight_mark_side(para: str, i: int) -> str:
    """Is the straight quotation mark at `i` an opening one ('open': after a space or the
    line's start, before a word), a closing one ('close': after a word or punctuation,
    before a space, punctuation or the line's end), or either ('?')?"""
    before = para[i - 1] if i > 0 else " "
    after = para[i + 1] if i + 1 < len(para) else " "
    opens = (before.isspace() or before in _OPEN_BEFORE) and not after.isspace()
    closes = not before.isspace() and (after.isspace() or after in _CLOSE_AFTER)
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "?"


def _straight_close(para: str, i: int) -> tuple[int, bool]:
    """Where the straight quotation opened at `i` ends: (index of its closing mark, False),
    (index of a new opening mark that comes first, True) -- a passage whose closing mark
    is missing, as when a quotation runs on over a paragraph break the text lost -- or
    (-1, False) when nothing ends it in this paragraph."""
    j = para.find('"', i + 1)
    while j != -1:
        side = straight_mark_side(para, j)
        if side == "open" and para[i + 1:j].strip():
            return j, True
        if side != "open":
            return j, False
        j = para.find('"', j + 1)
    return -1, False


def _trim_inner(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s and text[e - 1] in ",." and not text[s:e].endswith("..."):
        e -= 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def extract_quotes(ctx: ArticleContext) -> list[Draft]:
    regions = find_quote_regions(ctx.article.body, ctx.article.body_start)
    claims: list[Draft] = []
    prev_by_para: dict[int, Draft] = {}
    for outer_s, outer_e, s, e in sorted(regions, key=lambda r: r[2]):
        s, e = _trim_inner(ctx.text, s, e)
        if e - s < 1 or not any(ch.isalnum() for ch in ctx.text[s:e]) or _is_name_label(ctx, s, e, outer_e):
            continue
        para = ctx.text.rfind("\n", 0, outer_s) + 1
        claim = Draft("quote", s, e, ctx.slice(s, e), {"quote": ctx.slice(s, e)})
        if _is_work_title(ctx, s, e, outer_s) or _after_so_called(ctx, outer_s):
            # 'said on “State of the Union”': a show's name; 'the so-called “golden visa”': a scare
            # quote; nobody's words
            claim.fields["attribution"] = None
            claims.append(claim)
            continue
        attribution, verb = quote_speaker(ctx, (outer_s, outer_e), (s, e))
        if verb is not None and para in prev_by_para and attribution is not UNOWNED_CLAIM:
            attribution = pronoun_follow_on(ctx, verb, prev_by_para[para], attribution)
        if attribution is UNOWNED_CLAIM:
            attribution = None       # someone's claim, quoted, but the text does not say whose
        elif attribution is None and _sentence_like(ctx, claim, outer_s) and para in prev_by_para:
            prev = prev_by_para[para]
            attribution = introduced_speaker(ctx, outer_s, prev.end)
            if attribution is None and not _pronoun_disagrees(ctx, verb, prev.fields.get("attribution")):
                attribution = prev.fields.get("attribution")     # the speaker of the passage before
                if prev.fields.get("said_on"):
                    claim.fields["said_on"] = prev.fields["said_on"]
        elif attribution is None and _sentence_like(ctx, claim, outer_s) and not _is_heading(ctx, outer_s):
            person = ctx.last_person_before(outer_s)
            if person:
                attribution = {"source": person, "role": ctx.roles_by_person.get(person), "type": "named"}
        if verb is not None:
            said_on = said_on_date(ctx, verb)
            if said_on:
                claim.fields["said_on"] = said_on
            via = via_of(verb)
            if via and attribution:
                attribution = {**attribution, "via": via}
        claim.fields["attribution"] = attribution
        if attribution and attribution.get("type") == "named":
            ctx.note_person(outer_s, attribution["source"])
        claims.append(claim)
        nested = any(rs < outer_s and outer_e <= re_ for rs, re_ in ctx.quote_index().containing(outer_s - 1))
        if attribution and not nested:
            prev_by_para[para] = claim
    _resolve_headings(ctx, claims)
    for c in claims:
        att = c.fields.get("attribution")
        if att is not None:
            _note_title_role(ctx, att)
            c.fields["attribution"] = {k: v for k, v in public(att).items() if v is not None or k == "role"}
    return claims


def _note_title_role(ctx: ArticleContext, att: dict) -> None:
    """A speaker named only by title ("Russian Deputy Defense Minister leading the
    delegation told reporters") and resolved to a person is a role claim too."""
    phrase, span = att.get("_title_phrase"), att.get("_title_span")
    if not phrase or not span or span[1] <= span[0]:
        return
    person = att["source"]
    if person.split()[-1] in phrase:
        return                      # the name is in the phrase: roles.py has it
    if any(p == person and same_title(name_key(r), name_key(phrase)) for _, p, r in ctx.titled):
        return
    role = phrase[0].lower() + phrase[1:] if phrase[:2].istitle() and phrase.split()[0].lower() in ("a", "an", "the") else phrase
    role = " ".join(w for w in role.split() if w.lower() not in ("a", "an", "the") or w is not role.split()[0])
    ctx.extra_roles.append(Draft("role", span[0], span[1], ctx.slice(*span), {"entity": person, "role": role}))
    ctx.titled.append((span[0], person, phrase))


def _pronoun_disagrees(ctx: ArticleContext, verb, attribution) -> bool:
    """'"...," he added' after a woman's passage: the pronoun cannot be her."""
    subject = subject_of(verb) if verb is not None else None
    return (subject is not None and bool(attribution) and attribution.get("type") == "named"
            and not ctx.agrees(attribution.get("source") or "", subject.lower_))


def _sentence_like(ctx: ArticleContext, claim: Draft, outer_s: int) -> bool:
    """A quote that is a statement of its own (not a two-word scare quote)."""
    words = claim.text.split()
    return len(words) >= 3 and (claim.text[:1].isupper() or claim.text[:1] in "[(")


def _after_so_called(ctx: ArticleContext, outer_s: int) -> bool:
    return ctx.text[max(0, outer_s - 12):outer_s].rstrip().lower().endswith("so-called")


def _is_name_label(ctx: ArticleContext, s: int, e: int, outer_e: int) -> bool:
    """'the “Translate Website” drop down menu': a Title Case name used as a label."""
    words = ctx.text[s:e].split()
    if not words or not all(w[:1].isupper() for w in words) or len(words) > 4:
        return False
    if ctx.text[e:e + 1] in (",", ".", "!", "?"):
        return False                        # '“Never Again,” the organiser said': said, not a label
    nxt = ctx.token_at(outer_e + 1) if outer_e + 1 < len(ctx.text) else None
    return nxt is not None and nxt.pos_ == "NOUN" and nxt.text[:1].islower() and not _is_heading(ctx, s)


_TITLE_SMALL_WORDS = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "with", "from", "by", "or", "&"}


def _is_work_title(ctx: ArticleContext, s: int, e: int, outer_s: int) -> bool:
    """'said on “State of the Union”', 'in CNN’s “Face the Nation”', 'wrote in “The Art of the
    Deal”': a Title Case name of a show, book or film that a preposition or a possessive takes,
    not words anyone said (so it is nobody's quote, and never one to put in two mouths)."""
    words = ctx.text[s:e].rstrip(".,!?").split()
    if not 1 <= len(words) <= 8 or not words[0][:1].isupper() or any(ch in ctx.text[s:e].rstrip(".,!?") for ch in ".!?;:"):
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_SMALL_WORDS for w in words):
        return False
    if len(words) == 1 and words[0].isupper():
        return False                        # '“NO”': a shouted word, someone's
    before = ctx.text[max(0, outer_s - 40):outer_s].rstrip()
    prior = before.split()
    last = prior[-1].lower().strip(",") if prior else ""
    if (last in ("on", "in", "of", "from", "with") or last.endswith(("’s", "'s", "s’", "s'"))
            or last in _WORK_NOUNS):            # 'in his book “Money for Nothing”'
        return True
    # 'the Pacific “Ring of Fire”', 'the so-called “Islamic State”': a name inside a noun phrase,
    # unless someone names it so ('called it the “Mother of All Deals”')
    if not prior or any(w.lower().strip(",") in _NAMING_WORDS for w in prior[-4:]):
        return False
    name_before = prior[-1][:1].isupper() and len(prior) > 1 and prior[-2][-1:] not in '.!?:"”'   # not a sentence's first word
    return last in ("the", "so-called") or name_before


_NAMING_WORDS = {"call", "calls", "called", "calling", "dub", "dubbed", "term", "termed", "brand", "branded", "label",
                 "labelled", "labeled", "name", "named", "described", "as"}


# Nouns that name a work right before its title: 'his book “...”', 'the documentary “...”'.
_WORK_NOUNS = REFERRING_NOUNS["work"] | {"memoir", "column", "documentary", "podcast", "magazine", "newspaper",
                                         "sitcom", "opera", "report", "broadcast", "interview"}


def _is_heading(ctx: ArticleContext, pos: int) -> bool:
    line_start = ctx.text.rfind("\n", 0, pos) + 1
    line_end = ctx.text.find("\n", pos)
    line = ctx.text[line_start:line_end if line_end != -1 else None].strip()
    return len(line.split()) <= 12 and not line.endswith((".", "?", "!", "”", '"'))


def _resolve_headings(ctx: ArticleContext, claims: list[Draft]) -> None:
    """Headlines and section headers echo body quotes: borrow their speaker."""
    for claim in claims:
        if claim.fields.get("attribution") is not None or not _is_heading(ctx, claim.start):
            continue
        words = claim.text.lower()
        for other in claims:
            if other is claim or other.fields.get("attribution") is None:
                continue
            if words in other.text.lower() and not _is_heading(ctx, other.start):
                claim.fields["attribution"] = other.fields["attribution"]
                break
