"""Dated happenings.

Every date expression the date finder sees becomes an event about the
thing it dates: the verb or noun that governs it in the parse ("seized ...
in March 2014", "a July article", "the 2001 census"), or the verb of a
"when" clause hanging on it ("on November 25, when a methane blast ...
ripped through a mine"). Dates are resolved against the publication date;
future happenings (`future.py`: "will", "is set to", "next month", a date
given in full after publication) resolve forward and get tense future. A
repeated sentence (a photo caption printed twice) gives one event. Vague
spans ("in recent weeks", "the past week", "in the last week") are not dates.

A speech act is an event too: "the court said on Monday that ...", "told
reporters on Tuesday", "in a televised address late on Tuesday" (the date is
also the quote's `said_on`); its subject carries the first words of what was
said, so that two things one person said on two days are two events. A time
adverbial that opens the sentence dates a reported happening in the simple
past instead ("Last week, Tass reported two men were hurt": the hurting).

Not events (`event_filter.py`): periods ("the first nine months of 2016"),
the period or base of a figure ("grew by 3.1% in 2004", "compared with
2016"), trends ("prices rose in March", "a decline since October"), the
scope of a record ("the best year since 2000"), labels ("this year's
nominees"), the present century, headings; and years used as names or labels
(`years.py`): "fiscal 2022", "the 2022 budget", "the ... Act of 2022", and
clock times ("1800 GMT").
"""
from __future__ import annotations

from .attribution import is_speech_verb, phrase_tokens
from .claims import Draft
from .context import ArticleContext
from .dates import find_recent
from .event_filter import dates_no_happening
from .event_subject import event_subject
from .future import after_publication, past_verb, says_future, targets
from .lexicon import SPEECH_NOUNS
from .years import is_year_token, year_is_name

# Occasions of speaking: their date is the speech act's ("said in a statement on Friday").
_OCCASIONS = SPEECH_NOUNS | {"interview", "briefing", "conference", "letter", "post", "tweet", "remarks",
                             "comments", "message", "press", "hearing", "testimony", "broadcast"}
# Nouns that only locate a time ("by the end of 2005"): the date dates what they hang on.
_TIME_NOUNS = {"end", "beginning", "start", "middle", "close", "turn", "rest", "course", "part"}


def extract_events(ctx: ArticleContext, quotes: list[Draft]) -> list[Draft]:
    claims: list[Draft] = []
    seen: set[tuple[str, str]] = set()
    governed: dict[int, list[Draft]] = {}
    recent = find_recent(ctx.article.body, ctx.article.body_start)
    first = ctx.body_start   # after the dateline
    for d in sorted(ctx.dates + recent, key=lambda m: m.start):
        if d.pattern == "year" and not is_year_token(ctx, d):
            continue
        tok = ctx.token_at(d.start)
        if tok is None or tok.i < first:
            continue                          # "PARIS, May 14 (AFP) -": the dateline's date is when it was filed
        mention = ctx.char_span(d.start, d.end)
        if d.pattern == "year" and year_is_name(ctx, d, mention):
            continue
        if d.pattern == "recent" and not _recent_happening(mention):
            continue
        governors = _governors(mention)
        if dates_no_happening(ctx, d, mention):
            when = _when_clause(mention)      # "its biggest audience in 1997 when Titanic took home 11 Oscars"
            if when is None:
                continue
            governors = [when]
        for governor in governors:
            speech = _is_speech_act(ctx, governor)
            if speech:
                framed = _framed_happening(mention, governor)
                if framed is not None:
                    governor, speech = framed, False
            before = ctx.text[max(0, d.start - 20):d.start]
            future = says_future(d, governor, before)
            value = d.resolve(ctx.published, future=future)
            if value is None:
                continue
            if (not future and after_publication(value, ctx.published)
                    and (d.relative or not past_verb(governor) or targets(before))):
                # "would begin in March 2031", "pulled out for 2017": a plan, not a report; a
                # relative day after publication ("tomorrow") is ahead whatever the verb says
                future = True
            start, end = _event_span(ctx, mention, governor, first)
            key = (" ".join(tok.sent.text.split()), str(value), governor.i - tok.sent.start if governor is not None else -1)
            if key in seen:
                continue
            seen.add(key)
            quote = next((q for q in quotes if q.start <= d.start < q.end), None)
            speaker = (quote.fields.get("attribution") or {}).get("source") if quote is not None else None
            fields = {"subject": event_subject(ctx, mention, governor, value, d.relative, speech, speaker, first), "date": value}
            if future:
                fields["tense"] = "future"
            if quote is not None and quote.fields.get("attribution"):
                fields["attribution"] = quote.fields["attribution"]
            claims.append(Draft("event", start, end, ctx.slice(start, end), fields))
            governed.setdefault(governor.i if governor is not None else -1 - d.start, []).append(claims[-1])
    _tell_recurrences_apart(governed)
    return claims


_NOT_HAPPENINGS = {"speculation", "headlines", "numbers", "figures", "data", "statistics", "research", "evidence",
                   "history", "form", "success", "trend", "trends", "rise", "fall", "surge", "gains", "losses",
                   "decline", "growth", "level", "levels", "weeks", "months", "days", "years", "times", "past"}


def _recent_happening(mention) -> bool:
    """'recent wildfires', 'a recent visit', 'was recently fined': a happening in the
    past; not a trend or a state ("recent speculation", "has recently been busy")."""
    tok = mention[0]
    if tok.lower_ == "recent":
        noun = tok.head
        return (tok.dep_ == "amod" and noun.pos_ == "NOUN" and noun.lemma_.lower() not in _NOT_HAPPENINGS
                and noun.lower_ not in _NOT_HAPPENINGS)
    verb = tok.head
    if tok.dep_ != "advmod" or verb.pos_ != "VERB" or verb.lemma_ in ("be", "have", "seem", "remain"):
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and bool(auxes & {"has", "have", "had", "was", "were", "been"}))


def _tell_recurrences_apart(governed: dict) -> None:
    """One verb or noun dated twice ("campaigned in 2012 and 2016", "met in March and
    again in May") happened twice: each event's subject carries its date, so that the
    two are not one event with conflicting dates."""
    for events in governed.values():
        if len({str(e.fields["date"]) for e in events}) < 2:
            continue
        for e in events:
            value = e.fields["date"]
            shown = value if isinstance(value, str) else f"{value['start']}..{value['end']}"
            if not e.fields["subject"].endswith(f"({shown})"):
                e.fields["subject"] = f"{e.fields['subject']} ({shown})"


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
    head = _speech_of_setting(date_governor(mention))
    if when is None or when is head:
        return [head]
    if head is not None and head.pos_ in ("NOUN", "PROPN"):
        return [head, when]      # "the election, in March 2018, when a fire ..." dates both
    return [when]                # "it happened on November 25, when ...": the when-clause says what


def _speech_of_setting(governor):
    """'said in a statement on Friday', 'told a news conference on Monday': the
    date of the occasion of speaking is the date of the speech act."""
    if governor is None or governor.pos_ != "NOUN" or governor.lemma_.lower() not in _OCCASIONS:
        return governor
    node = governor
    for _ in range(3):
        head = node.head
        if head.i == node.i:
            break
        if head.pos_ in ("VERB", "AUX"):
            return head if is_speech_verb(head) else governor
        if head.pos_ not in ("ADP", "NOUN") and head.dep_ != "compound":
            break
        node = head
    return governor


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
    steps = 0
    while steps < 3:
        head = node.head
        if head == node:
            return node
        if head.i in range(mention.start, mention.end) or (node.dep_ in ("conj", "appos") and (head.ent_type_ in ("DATE", "TIME") or head.pos_ == "NUM")):
            node = head                  # inside the phrase; "in 2012 and [2016]", "in March, [May]": the list's first date
            continue
        steps += 1
        if head.pos_ == "ADP" or (head.pos_ == "SCONJ" and head.dep_ == "prep"):   # "in March 2014" -> seized; "at a 2008 summit" -> summit
            node = head
            continue
        if head.pos_ in ("NOUN", "PROPN") and head.lower_ in _TIME_NOUNS and node.lower_ == "of":
            node = head                  # "by the end of 2005": what the end dates
            steps -= 1
            continue
        if head.pos_ in ("VERB", "AUX", "NOUN", "PROPN"):
            return head
        node = head
    return node


def _event_span(ctx, mention, governor, first: int = 0):
    """The date phrase joined with the clause it dates (within one sentence, after the dateline)."""
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
    lo, hi = max(lo, sent.start, min(first, mention.start)), min(hi, sent.end)
    return ctx.tokens_span(mention.doc[lo:hi])
