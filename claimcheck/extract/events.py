"""Dated happenings.

Every date expression the date finder sees becomes an event about the
thing it dates: the verb or noun that governs it in the parse ("seized ...
in March 2014", "a July article", "the 2001 census"), or the verb of a
"when" clause hanging on it ("on November 25, when a methane blast ...
ripped through a mine"). Dates are resolved against the publication date;
future verbs ("will", "is set to", "next month") resolve forward and get
tense future. A repeated sentence (a photo caption printed twice) gives one
event. Vague spans ("in recent weeks", "the past week") are not dates.

Not events:
  * speech acts: a dated verb of saying whose content is a quote or
    reported speech ("Peskov said Thursday that ...", "'...,' she said
    Tuesday", "a diplomat suggested Tuesday that ..."). The date is when the
    words were said: the quote's `said_on`. A dated verb of saying with a
    plain object ("announced the reasons on February 24") stays an event;
  * years used as names or labels: "fiscal 2022", "the 2022 budget", "the
    National Defense Authorization Act for fiscal 2022", "the ... Act of
    2022" (a year that names the period a plan covers, or part of a law's name).
"""
from __future__ import annotations

from .attribution import is_speech_verb, phrase_tokens
from .claims import Draft
from .context import ArticleContext
from .dates import FUTURE_PATTERNS
from .tokens import join_tokens
from .years import is_year_token, year_is_name

_FUTURE_AUX = {"will", "shall", "'ll", "’ll"}
_FUTURE_XCOMP = {"set", "plan", "schedule", "expect", "due", "go", "intend", "prepare"}


def extract_events(ctx: ArticleContext, quotes: list[Draft]) -> list[Draft]:
    claims: list[Draft] = []
    seen: set[tuple[str, str]] = set()
    for d in ctx.dates:
        if d.pattern == "year" and not is_year_token(ctx, d):
            continue
        tok = ctx.token_at(d.start)
        if tok is None:
            continue
        mention = ctx.char_span(d.start, d.end)
        if d.pattern == "year" and year_is_name(ctx, d, mention):
            continue
        for governor in _governors(mention):
            if _is_speech_act(ctx, governor):
                governor = _framed_happening(mention, governor)
                if governor is None:
                    continue
            future = d.pattern in FUTURE_PATTERNS or "next" in d.text.lower() or _is_future(governor)
            value = d.resolve(ctx.published, future=future)
            if value is None:
                continue
            start, end = _event_span(ctx, mention, governor)
            key = (" ".join(tok.sent.text.split()), str(value), governor.i - tok.sent.start if governor is not None else -1)
            if key in seen:
                continue
            seen.add(key)
            fields = {"subject": _subject(ctx, mention, governor), "date": value}
            if future:
                fields["tense"] = "future"
            quote = next((q for q in quotes if q.start <= d.start < q.end), None)
            if quote is not None and quote.fields.get("attribution"):
                fields["attribution"] = quote.fields["attribution"]
            claims.append(Draft("event", start, end, ctx.slice(start, end), fields))
    return claims


def _is_speech_act(ctx, governor) -> bool:
    """A verb of saying whose content is a quote or reported speech: the
    date says when the words were said (the quote's said_on), and the words
    are the claim, not the saying."""
    if governor is None or governor.pos_ not in ("VERB", "AUX") or not is_speech_verb(governor):
        return False
    if governor.i in ctx.speech_verbs:
        return True                       # it introduces a quotation
    for child in governor.children:
        if child.dep_ in ("ccomp", "parataxis") and child.pos_ in ("VERB", "AUX"):
            return True                   # "said Thursday that ...", "'...,' X said Tuesday"
        if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
            return True                   # "vowed Tuesday to ...", "urged them Monday to ..."
        if child.dep_ == "dobj" and any(c.dep_ in ("acl", "ccomp") for c in child.children):
            return True                   # "issued a statement Tuesday saying ..."
    return False


def _framed_happening(mention, verb):
    """'Last week, Tass reported two men were hurt': a time adverbial that
    opens the sentence frames all of it, so a reported happening in the
    simple past with no date of its own is dated by it. Returns the content
    verb, or None (the date only says when the words were said)."""
    sent = mention.sent
    lead = [t for t in sent if t.i < mention.start and not t.is_punct and t.pos_ != "PROPN" and t.pos_ != "SPACE"]
    after = mention.doc[mention.end] if mention.end < len(mention.doc) else None
    if lead or after is None or after.text != ",":
        return None
    for child in verb.children:
        if child.dep_ != "ccomp" or child.pos_ not in ("VERB", "AUX"):
            continue
        auxes = {c.lower_ for c in child.children if c.dep_ in ("aux", "auxpass")}
        past = child.tag_ == "VBD" or (child.tag_ == "VBN" and auxes & {"was", "were"} and not auxes & {"had", "has", "have"})
        if past and not any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree):
            return child
    return None


def _governors(mention):
    """What the date dates: its head, and also a 'when' clause hanging on it
    ("weeks after the election, in March 2018, when a fire ... killed")."""
    when = _when_clause(mention)
    head = date_governor(mention)
    if when is None or when is head:
        return [head]
    if head is not None and head.pos_ in ("NOUN", "PROPN"):
        return [head, when]      # "the election, in March 2018, when a fire ..." dates both
    return [when]                # "it happened on November 25, when ...": the when-clause says what


def _when_clause(mention):
    for child in mention.root.children:
        if child.dep_ in ("relcl", "advcl", "acl") and any(g.lower_ == "when" for g in child.children):
            return child
    head = mention.root.head
    for _ in range(2):
        for child in head.children:
            if child.dep_ in ("relcl", "advcl") and child.i > mention.end and any(g.lower_ == "when" for g in child.children):
                return child
        if head.pos_ != "ADP":
            break
        head = head.head
    return None


def date_governor(mention):
    """The verb or noun a date phrase dates."""
    root = mention.root
    node = root
    for _ in range(3):
        head = node.head
        if head == node:
            return node
        if head.i in range(mention.start, mention.end):
            node = head
            continue
        if head.pos_ == "ADP":           # "in March 2014" -> seized; "at a 2008 summit" -> summit
            node = head
            continue
        if head.pos_ in ("VERB", "AUX", "NOUN", "PROPN"):
            return head
        node = head
    return node


def _is_future(governor) -> bool:
    if governor is None:
        return False
    verb = governor
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    for child in verb.children:
        if child.dep_ == "aux" and child.lower_ in _FUTURE_AUX:
            return True
    return verb.dep_ == "xcomp" and verb.head.lemma_ in _FUTURE_XCOMP     # "is set to", "plans to"


def _event_span(ctx, mention, governor):
    """The date phrase joined with the clause it dates (within one sentence)."""
    sent = mention.sent
    toks = list(mention)
    if governor is not None and governor.sent == sent and governor.i not in range(mention.start, mention.end):
        toks.append(governor)
        if governor.pos_ in ("VERB", "AUX"):
            subj = next((c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                toks.extend(phrase_tokens(subj, ctx))
            obj = next((c for c in governor.children if c.dep_ in ("dobj",)), None)
            if obj is not None:
                toks.extend(phrase_tokens(obj, ctx))
        else:
            toks.extend(t for t in governor.lefts if t.dep_ in ("det", "amod", "compound", "nummod", "poss"))
    lo = min(t.i for t in toks)
    hi = max(t.i for t in toks) + 1
    lo, hi = max(lo, sent.start), min(hi, sent.end)
    return ctx.tokens_span(mention.doc[lo:hi])


def _subject(ctx, mention, governor) -> str:
    if governor is None or governor.i in range(mention.start, mention.end):
        return " ".join(mention.sent.text.split())[:80]
    skip = set(range(mention.start, mention.end))
    if governor.pos_ in ("VERB", "AUX"):
        parts = []
        subj = next((c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lower_ in ("that", "which", "who") and governor.dep_ == "relcl":
            subj = governor.head             # "a dispute that began" -> the dispute
        if subj is not None:
            parts.extend(t for t in phrase_tokens(subj, ctx) if t.i not in skip)
        parts.append(governor)
        obj = next((c for c in governor.children if c.dep_ in ("dobj", "attr")), None)
        if obj is not None:
            parts.extend(t for t in phrase_tokens(obj, ctx) if t.i not in skip)
        parts = sorted(set(parts), key=lambda t: t.i)[:14]
    else:
        parts = [t for t in phrase_tokens(governor, ctx) if t.i not in skip and t.dep_ != "det"][:14]
        parts = [t for t in parts if not (t.pos_ == "ADP" and all(c.i in skip for c in t.children))]
    text = join_tokens(parts).strip(" ,")
    return text or " ".join(mention.sent.text.split())[:80]
