"""Numbers stated as facts.

A number expression is a run of digit tokens, number words and scale words
("1,254", "Fifty-nine", "40 million", "$300 million"), or a fraction ("a
third of"). Not figures: years and dates (the date finder owns them),
ordinals and ranks, numbers that are part of a name ("Minsk 2", "Article 5"),
the word "one" used as a determiner, numbers in verbless lines (captions,
page furniture), and small spelled-out numbers that quantify nothing a
reader could check: an idiom or a number standing alone ("it takes two to
tango"), a definite reference ("the two parties", "those three men") or a
generic referent ("two sides", "two ways") -- unless what is counted
matters (killed, injured, troops, prisoners, ...).

Ranges are one figure with value [low, high]: "between 310 and 3,417
miles", "between 310 miles to 3,417 miles", "from 5 to 10 percent", "310 to
3,417 miles", "5-10 percent", "two or three days". "Rose from 5 to 10
percent" is a change (two values at two times), not a range.

For each figure: value (scale words applied), approx (hedge words before
it), unit (percent, a currency, a measurement unit, or the counted noun),
`of` for parts of wholes ("123 of Ukraine's 152 jets"), cumulative for
running totals (tolls, "since <date>"), as_of (a date in its clause),
subject and metric (the counted noun and its verb, the event or entity it
belongs to) and the attribution (a speech verb above it, "according to",
or the quote it sits in).
"""
from __future__ import annotations

import re

from .attribution import describe_source, phrase_tokens, public, speech_verb_above, subject_of
from .claims import Draft
from .context import ArticleContext
from .dates import as_partial
from .events import year_is_name
from .lexicon import CHANGE_VERBS, COUNT_NOUNS, GENERIC_COUNT_NOUNS, MEASURE_UNITS, TOLL_WORDS, UNIT_METRIC
from .numbers import (ABOUT_WORDS, CURRENCIES, FRACTIONS, GLUED_SCALE, SCALES, SYMBOL, hedge_match, hedge_of,
                      is_currency_code, parse_number, tidy)

_NUM_WORDS = {"zero", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
              "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
              "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
              "eighty", "ninety", "hundred", "thousand", "million", "billion", "trillion", "one",
              "dozen"}
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$|^(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)$", re.I)
_YEAR = re.compile(r"^(1[0-9]{3}|20[0-9]{2})$")
_GENERIC_VERBS = {"be", "have", "say", "include", "tell", "add", "do", "make", "get", "become"}


_HYPHENATED = re.compile(r"^(\d[\d,.]*)-([a-z]+)", re.I)
_DASHED = re.compile(rf"^{SYMBOL}?(\d[\d,.]*)\s*[-–]\s*{SYMBOL}?(\d[\d,.]*)$")      # "20–30", "5-10"


def _is_num_token(tok) -> bool:
    low = tok.lower_
    if _HYPHENATED.match(tok.text) or _DASHED.match(tok.text):
        return True                      # "15-year", "40-mile-long", "20–30"
    if _ORDINAL.match(tok.text) or tok.ent_type_ == "ORDINAL":
        return False
    if re.match(rf"^{SYMBOL}?\d[\d,.]*({GLUED_SCALE})?$", tok.text, re.IGNORECASE):
        return True
    parts = [p for p in low.split("-") if p]
    return bool(parts) and all(p in _NUM_WORDS or p.endswith("ty") and p[:-2] in ("twen", "thir", "for", "fif", "six", "seven", "eigh", "nine") for p in parts if p)


def _expressions(doc):
    """Maximal number expressions as token index ranges [i, j)."""
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        if not _is_num_token(tok):
            i += 1
            continue
        j = i + 1
        while j < n and (_is_num_token(doc[j]) or doc[j].lower_ in SCALES or doc[j].lower_ == "and" and j + 1 < n and doc[j + 1].lower_ in _NUM_WORDS and doc[j - 1].lower_ == "hundred"
                         or doc[j].text in ("-", "–") and j + 1 < n and _is_num_token(doc[j + 1])):
            j += 1
        start = i - 1 if i > 0 and doc[i - 1].text in CURRENCIES else i
        yield start, j
        i = j


def extract_figures(ctx: ArticleContext, quotes: list[Draft]) -> list[Draft]:
    doc = ctx.doc
    claims: list[Draft] = []
    consumed: set[int] = set()
    date_spans = [(d.start, d.end) for d in ctx.dates if d.pattern != "year" or _is_year_token(ctx, d)]
    exprs = list(_expressions(doc))

    def in_date(span) -> bool:
        start = ctx.absolute(span.start_char)
        return any(s <= start < e for s, e in date_spans)

    for k, (i, j) in enumerate(exprs):
        if i in consumed:
            continue
        span = doc[i:j]
        second = doc[exprs[k + 1][0]:exprs[k + 1][1]] if k + 1 < len(exprs) else None
        if (second is not None and not in_date(span) and not in_date(second) and not _skip(ctx, second)
                and _range_link(doc, span, second)):
            # the lower end of "two or three days" alone looks like a date: judge the range by its upper end
            claim = _range_figure(ctx, span, second, consumed, quotes)
            if claim is not None:
                consumed.update(range(second.start, second.end))
                claims.append(claim)
                continue
        if in_date(span) or _skip(ctx, span):
            continue
        dashed = _dashed_range(span)
        if dashed is not None:
            claim = _figure(ctx, span, dashed[1], consumed, quotes)
            if claim is not None:
                claim.fields["value"] = [tidy(dashed[0]), tidy(dashed[1])]
                claims.append(claim)
            continue
        value = _value(span)
        if value is None:
            continue
        claim = _figure(ctx, span, value, consumed, quotes)
        if claim is not None:
            claims.append(claim)
    claims.extend(_fractions(ctx, quotes))
    claims.sort(key=lambda c: c.start)
    return claims


def _value(span):
    hyph = _HYPHENATED.match(span.text)
    if hyph:
        return parse_number(hyph.group(1))
    return parse_number(span.text.replace("-", " ") if not any(c.isdigit() for c in span.text) else span.text)


def _dashed_range(span):
    """'5-10', '20–30', '$5-10 million' written as one expression -> (low, high)."""
    text = span.text
    scale = 1.0
    words = text.split()
    while words and words[-1].lower() in SCALES:
        scale *= SCALES[words.pop().lower()]
    m = _DASHED.match(" ".join(words).replace(" - ", "-").replace(" – ", "–"))
    if not m:
        return None
    low, high = parse_number(m.group(1)), parse_number(m.group(2))
    if low is None or high is None or low >= high:
        return None                      # "3-1": a score, not a range
    return low * scale, high * scale


_RANGE_WORDS = {"to", "and", "or", "-", "–", "through"}


def _range_link(doc, first, second) -> bool:
    """Do two number expressions form one range ('between 310 and 3,417 miles',
    '310 miles to 3,417 miles', 'from 5 to 10 percent', 'two or three days')?"""
    if first.sent.start != second.sent.start or second.start <= first.end:
        return False
    gap = [t for t in doc[first.end:second.start]]
    unit1 = None
    if gap and (gap[0].lower_ in MEASURE_UNITS or gap[0].text == "%"):
        unit1 = MEASURE_UNITS.get(gap[0].lower_, "percent")
        gap = gap[1:]
    if len(gap) != 1 or gap[0].lower_ not in _RANGE_WORDS:
        return False
    word = gap[0].lower_
    k = first.start - 1
    while k >= first.sent.start and (doc[k].text in CURRENCIES or doc[k].lower_ in ABOUT_WORDS):
        k -= 1
    before = doc[k].lower_ if k >= first.sent.start else ""
    if word == "and" and before != "between":
        return False                     # "5 and 10" alone is two numbers
    if word == "to" and before == "from" and doc[k].head.lemma_.lower() in CHANGE_VERBS:
        return False                     # "rose from 5 to 10 percent": a change, two values
    if unit1 is not None:
        unit2 = _unit_after(second)
        if unit2 is not None and unit2 != unit1:
            return False
    nxt = doc[second.end] if second.end < len(doc) else None
    if nxt is not None and nxt.lower_ == "of" and not (second[-1].lower_ in SCALES):
        return False                     # "5 to 10 of the 20 jets": leave part-of-whole alone
    low, high = _value(first), _value(second)
    if low is None or high is None:
        return False
    if not any(t.lower_ in SCALES for t in first):
        low *= _scale_of(second)
    return low < high                    # "voted 52 to 48", "won 3-1": a tally, not a range


def _scale_of(span) -> float:
    scale = 1.0
    for t in span:
        if t.lower_ in SCALES:
            scale *= SCALES[t.lower_]
    return scale


def _range_figure(ctx, first, second, consumed, quotes):
    """One figure for a range: unit, subject and metric as for its upper end."""
    doc = first.doc
    low, high = _value(first), _value(second)
    if not any(t.lower_ in SCALES for t in first):
        low *= _scale_of(second)         # "2 to 3 million": the scale word applies to both ends
    claim = _figure(ctx, second, high, consumed, quotes)
    if claim is None:
        return None
    left = first.start
    k = left - 1
    if k >= first.sent.start and doc[k].lower_ in ("between", "from"):
        left = k
    approx, phrase = hedge_match(doc[max(first.sent.start, left - 3):left].text)
    if approx != "exact":
        left -= len(phrase.split())
        claim.fields["approx"] = approx
    else:
        claim.fields.pop("approx", None)
    start, _ = ctx.tokens_span(doc[left:first.end])
    claim.start = min(claim.start, start)
    claim.text = ctx.slice(claim.start, claim.end)
    claim.fields["value"] = [tidy(low), tidy(high)]
    return claim


def _is_year_token(ctx, d) -> bool:
    """A four-digit number is a year unless it counts a plural noun ('2042 Germans')."""
    tok = ctx.token_at(d.start)
    if tok is None:
        return True
    return not (tok.dep_ == "nummod" and tok.head.tag_ in ("NNS", "NNPS") and tok.head.i > tok.i)


def _skip(ctx, span) -> bool:
    doc = span.doc
    first = span[0]
    if first.ent_type_ in ("DATE", "TIME") and not _duration_unit(span):
        return True
    if _YEAR.match(first.text) and len(span) == 1 and not (first.dep_ == "nummod" and first.head.tag_ in ("NNS", "NNPS")):
        return True
    if span.text.lower() in ("one", "a", "an") and not _unit_after(span):
        return True          # "one survivor", "one of its most dire hours"
    prev = doc[span.start - 1] if span.start > 0 else None
    if (prev is not None and prev.is_alpha and prev.text[:1].isupper() and prev.i > first.sent.start
            and first.text.isdigit() and len(first.text) <= 3 and prev.lower_ not in _NUM_WORDS):
        return True          # "Minsk 2", "Article 5", "Nord Stream 2"
    if prev is not None and prev.lower_ in ("and", "or") and span.start > 1 and first.text.isdigit():
        before = doc[span.start - 2]
        if before.text.isdigit() and before.i > 0 and doc[before.i - 1].pos_ == "PROPN":
            return True      # "Dnipro 1 and 2"
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.text in ("-",) and span.end + 1 < len(doc) and doc[span.end + 1].lower_ in ("year-old", "old"):
        return False
    sent = first.sent
    if not any(t.pos_ in ("VERB", "AUX") for t in sent):
        return True          # captions, page furniture
    if nxt is not None and nxt.lower_ in ("a.m.", "p.m.", "am", "pm", "o'clock"):
        return True
    return False


def _duration_unit(span):
    unit = _unit_after(span)
    after = span.doc[span.end:span.end + 3]
    if unit in ("years", "months", "weeks", "days", "hours", "decades", "minutes") and not any(t.lower_ in ("ago", "later", "earlier") for t in after):
        return unit
    return None


def _unit_after(span):
    doc = span.doc
    hyph = _HYPHENATED.match(span[-1].text)
    if hyph and hyph.group(2).lower() in MEASURE_UNITS:
        return MEASURE_UNITS[hyph.group(2).lower()]
    k = span.end
    while k < len(doc) and doc[k].text == "-":
        k += 1
    if k < len(doc):
        low = doc[k].lower_
        if low in MEASURE_UNITS:
            return MEASURE_UNITS[low]
        if low in CURRENCIES and doc[k].text not in ("$",):
            return CURRENCIES[low]
    return None


def _counted_noun(span):
    """The noun a number counts: '51 deaths', '152 fighter jets' -> ('fighter jets', token)."""
    doc = span.doc
    last = span[-1]
    head = last.head if last.dep_ in ("nummod", "quantmod", "compound", "amod") else None
    if head is None or head.i < last.i:
        k = span.end
        while k < len(doc) and (doc[k].pos_ in ("ADJ",) or doc[k].text == "-"):
            k += 1
        head = doc[k] if k < len(doc) and doc[k].pos_ in ("NOUN", "PROPN") else None
    if head is None or head.pos_ not in ("NOUN", "PROPN"):
        return None, None
    comps = [t for t in head.lefts if t.dep_ == "compound" and t.i > last.i]
    words = [t.text for t in comps] + [head.text]
    return " ".join(words), head


def _figure(ctx, span, value, consumed, quotes):
    doc = span.doc
    fields: dict = {}
    currency = next((CURRENCIES[t.text] for t in span if t.text in CURRENCIES), None)
    unit = currency or _unit_after(span)
    noun, noun_tok = _counted_noun(span)
    if unit is None and _not_a_quantity(span, value, noun_tok):
        return None
    if unit is None and noun and noun.lower() not in MEASURE_UNITS:
        unit = noun
    of = None
    # "123 of Ukraine's 152 fighter jets": a part of a whole
    nxt = doc[span.end] if span.end < len(doc) else None
    end_tok = span.end
    if nxt is not None and nxt.lower_ == "of":
        k = span.end + 1
        while k < len(doc) and k < span.end + 5 and not _is_num_token(doc[k]):
            k += 1
        if k < len(doc) and _is_num_token(doc[k]) and k <= span.end + 4:
            j = k + 1
            while j < len(doc) and _is_num_token(doc[j]):
                j += 1
            whole = parse_number(doc[k:j].text)
            if whole is not None and whole >= value:
                of = tidy(whole)
                consumed.update(range(k, j))
                wn, noun_tok = _counted_noun(doc[k:j])
                if wn:
                    unit = unit or wn
                    if noun_tok is not None:
                        end_tok = max(end_tok, noun_tok.i + 1)
        elif noun is None:
            pobj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
            if pobj is not None and unit is None:
                unit = pobj.text
    if unit in ("percent",) or any(t.text == "%" for t in doc[span.start:span.end + 1]):
        unit = "percent"
    if noun_tok is not None:
        end_tok = max(end_tok, noun_tok.i + 1)
    # the text: hedge + number + unit noun (+ verb when it follows, "were killed")
    left = span.start
    hedge_words = doc[max(span.sent.start, span.start - 3):span.start].text
    approx, phrase = hedge_match(hedge_words)
    if approx != "exact":
        left = span.start - len(phrase.split())
    if span.end < len(doc) and doc[span.end].text in ("%",):
        end_tok = max(end_tok, span.end + 1)
    elif unit in MEASURE_UNITS.values():
        k = span.end
        while k < len(doc) and doc[k].text == "-":
            k += 1
        if k < len(doc) and doc[k].lower_ in MEASURE_UNITS:
            end_tok = max(end_tok, k + 1)
    verb = _governing_verb(doc[span.start], noun_tok)
    start, end = ctx.tokens_span(doc[left:end_tok])
    fields["subject"] = _whole_subject(ctx, noun_tok, unit) if of is not None else _subject(ctx, span, noun_tok, verb)
    fields["metric"] = _metric(noun, unit, verb, noun_tok, span)
    fields["value"] = tidy(value)
    if approx != "exact":
        fields["approx"] = approx
    if unit:
        fields["unit"] = unit
    if of is not None:
        fields["of"] = of
    as_of, since = _time_of(ctx, span, verb)
    if since or _is_toll(noun, verb):
        fields["cumulative"] = True
    quote = next((q for q in quotes if q.start <= start < q.end), None)
    if as_of:
        fields["as_of"] = as_of
    elif quote is not None and quote.fields.get("said_on"):
        fields["as_of"] = quote.fields["said_on"]
    attribution = _attribution(ctx, span, quote)
    if attribution:
        fields["attribution"] = attribution
    return Draft("figure", start, end, ctx.slice(start, end), fields)


_SMALL_LIMIT = 10
_DEFINITE = {"the", "these", "those", "both", "all"}
_HARM_WORDS = TOLL_WORDS | {"injure", "injured", "wound", "wounded", "hurt", "injury", "injuries"}


def _not_a_quantity(span, value, noun_tok) -> bool:
    """A small spelled-out number that quantifies no checkable claim: alone
    ("it takes two to tango"), a definite reference ("the two parties",
    "those three men") or a generic referent ("two sides", "two ways").
    Kept when what is counted matters: a toll or harm ("two were killed",
    "the two soldiers killed"), or a count noun such as troops or prisoners."""
    if any(c.isdigit() for c in span.text) or value is None or value > _SMALL_LIMIT:
        return False
    doc = span.doc
    counted = noun_tok
    nxt = doc[span.end] if span.end < len(doc) else None
    if counted is None and nxt is not None and nxt.lower_ == "of":        # "three of the suspects"
        counted = next((c for c in nxt.children if c.dep_ == "pobj"), None)
    verb = _governing_verb(span[-1], counted)
    words = {counted.lower_, counted.lemma_.lower()} if counted is not None else set()
    if verb is not None:
        words |= {verb.lower_, verb.lemma_.lower()}
    if counted is not None:
        words |= {c.lower_ for c in counted.children if c.dep_ in ("acl", "relcl", "amod")}
    if words & _HARM_WORDS or (counted is not None and counted.lower_ in COUNT_NOUNS):
        return False
    if counted is None:
        return True                      # a number standing alone: "it takes two to tango"
    if counted.lower_ in GENERIC_COUNT_NOUNS:
        return True                      # "two sides", "two parties"
    prev = doc[span.start - 1] if span.start > 0 else None
    return prev is not None and prev.lower_ in _DEFINITE     # "the two leaders": a reference, not a count


def _governing_verb(tok, noun_tok):
    node = noun_tok if noun_tok is not None else tok
    for _ in range(6):
        if node.pos_ in ("VERB",) or (node.pos_ == "AUX" and node.dep_ == "ROOT"):
            return node
        if node.head == node:
            return None
        node = node.head
    return None


def _whole_subject(ctx, noun_tok, unit) -> str:
    """'123 of Ukraine's 152 fighter jets' -> 'Ukraine's fighter jets'."""
    if noun_tok is None:
        return unit or ""
    poss = [c for c in noun_tok.children if c.dep_ == "poss" and c.lower_ not in _PRONOUN_WORDS]
    owner = _short(phrase_tokens(poss[0], ctx)) + " " if poss else ""
    return f"{owner}{unit or noun_tok.text}".strip()


_PRONOUN_WORDS = {"it", "its", "they", "their", "this", "that", "which", "who", "he", "she", "his",
                  "her", "we", "our", "i", "my", "you", "your", "them"}


def _subject(ctx, span, noun_tok, verb) -> str:
    if verb is not None:
        subj = subject_of(verb)
        inside = noun_tok is not None and subj is not None and (subj is noun_tok or subj.i in {t.i for t in noun_tok.subtree})
        if subj is not None and not inside and subj.lower_ not in _PRONOUN_WORDS:
            return _short(phrase_tokens(subj, ctx))
        if inside:                           # "40,000 vehicles cross the bridge"
            obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr")), None)
            if obj is not None and obj.lower_ not in _PRONOUN_WORDS:
                return _short(phrase_tokens(obj, ctx))
        for child in verb.children:          # "five people were killed in a shooting"
            if child.dep_ == "prep" and child.lower_ in ("in", "during", "from", "by"):
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.pos_ in ("NOUN", "PROPN") and obj.ent_type_ not in ("DATE", "GPE"):
                    return _short(phrase_tokens(obj, ctx))
    if noun_tok is not None:
        poss = [c for c in noun_tok.children if c.dep_ == "poss" and c.lower_ not in _PRONOUN_WORDS]
        if poss:
            return _short(phrase_tokens(poss[0], ctx))
    ents = [e for e in span.sent.ents if e.label_ in ("GPE", "ORG", "PERSON", "EVENT", "FAC", "NORP", "LOC")]
    if ents:
        return ents[0].text
    root = span.sent.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _PRONOUN_WORDS), None)
    return _short(phrase_tokens(subj, ctx)) if subj is not None else " ".join(span.sent.text.split())[:60]


def _short(toks, limit: int = 12) -> str:
    toks = list(toks)[:limit]
    while toks and toks[0].dep_ == "det":
        toks = toks[1:]
    return " ".join("".join(t.text_with_ws for t in toks).split())


def _metric(noun, unit, verb, noun_tok, span) -> str:
    if unit in UNIT_METRIC:
        base = UNIT_METRIC[unit]
        if verb is not None and verb.lemma_ not in _GENERIC_VERBS and base == "duration":
            return f"{base} ({verb.text})" if verb.lemma_ not in ("face",) else "maximum duration"
        return base
    if unit == "percent":
        doc = span.doc
        nxt = doc[span.end:span.end + 3]
        of = next((t for t in nxt if t.lower_ == "of"), None)
        who = next((c.text for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        return f"share of {who}" if who else "share"
    if is_currency_code(unit):
        return "amount" + (f" {verb.text}" if verb is not None and verb.lemma_ not in _GENERIC_VERBS and verb.tag_ in ("VBN", "VBD") else "")
    name = noun or unit or "count"
    if verb is not None and verb.lemma_ not in _GENERIC_VERBS and verb.tag_ in ("VBN", "VBD", "VBG"):
        participle = verb.text if verb.tag_ in ("VBN", "VBD") else verb.lemma_ + "ed"
        return f"{name} {participle}"
    return name


def _is_toll(noun, verb) -> bool:
    words = set((noun or "").lower().split())
    if verb is not None:
        words |= {verb.lemma_.lower(), verb.text.lower()}
    return bool(words & TOLL_WORDS) and not words & {"injure", "injured", "wound", "wounded", "hurt"}


def _time_of(ctx, span, verb):
    """(as_of, since) from a date in the figure's clause."""
    if verb is None:
        return None, False
    sent = span.sent
    s, e = ctx.absolute(sent.start_char), ctx.absolute(sent.end_char)
    own_start, own_end = ctx.absolute(span.start_char), ctx.absolute(span.end_char)
    for d in ctx.dates_in(s, e):
        if d.start < own_end and d.end > own_start:
            continue  # the figure's own number ("2042 Germans") is not its date
        if d.pattern == "year" and year_is_name(ctx, d, ctx.char_span(d.start, d.end)):
            continue  # "fiscal 2022": a year that names a budget, not the figure's date
        tok = ctx.token_at(d.start)
        nearest = _nearest_verb(tok) if tok is not None else None
        if nearest is None or nearest.i != verb.i:  # spaCy makes a new Token object per access: compare indexes
            continue
        before = ctx.text[max(0, d.start - 8):d.start].lower().split()
        if before and before[-1] in ("since", "from"):
            return None, True
        value = d.resolve(ctx.published)
        if value is not None and d.pattern != "decade":
            return as_partial(value), False
    return None, False


def _nearest_verb(tok):
    node = tok
    for _ in range(6):
        if node.head == node:
            return node if node.pos_ in ("VERB", "AUX") else None
        node = node.head
        if node.pos_ == "VERB" or (node.pos_ == "AUX" and node.dep_ == "ROOT"):
            return node
    return None


def _attribution(ctx, span, quote):
    if quote is not None:
        return quote.fields.get("attribution")
    return public(_attribution_raw(ctx, span))


def _attribution_raw(ctx, span):
    tok = span[0]
    verb = speech_verb_above(tok)
    if verb is None:
        for t in span.sent:
            if t.lower_ == "according" and t.i + 1 < len(span.doc) and span.doc[t.i + 1].lower_ == "to":
                obj = next((c for c in span.doc[t.i + 1].children if c.dep_ == "pobj"), None)
                return describe_source(ctx, obj) if obj is not None else None
        return None
    return describe_source(ctx, subject_of(verb))


_FRACTION = re.compile(r"\b(?P<n>a|one|two|three)[\s-](?P<f>half|third|thirds|quarter|quarters|fifth)\s+of\b", re.I)


def _fractions(ctx, quotes):
    """'nearly a third of Ukraine's population' -> 33.3 percent."""
    out = []
    for m in _FRACTION.finditer(ctx.article.body):
        start = ctx.absolute(m.start())
        n = 1 if m.group("n").lower() in ("a", "one") else {"two": 2, "three": 3}[m.group("n").lower()]
        frac = FRACTIONS[m.group("f").lower()]
        value = frac if m.group("f").lower().endswith("s") else n * frac
        tok = ctx.token_at(start)
        if tok is None:
            continue
        sent = tok.sent
        before = ctx.text[ctx.absolute(sent.start_char):start]
        approx = hedge_of(before)
        s0 = start
        if approx != "exact":
            s0 = start - len(before) + len(before.rstrip()) - len(before.rstrip().split()[-1])
        end_tok = next((t for t in tok.head.subtree if t.dep_ == "pobj"), None) if tok.head is not None else None
        end = ctx.absolute(end_tok.idx + len(end_tok.text)) if end_tok is not None and ctx.absolute(end_tok.idx) > start else ctx.absolute(m.end())
        fields = {"subject": _short(phrase_tokens(end_tok, ctx)) if end_tok is not None else "", "metric": "share",
                  "value": tidy(value)}
        if approx != "exact":
            fields["approx"] = approx
        fields["unit"] = "percent"
        quote = next((q for q in quotes if q.start <= start < q.end), None)
        att = _attribution(ctx, ctx.doc[tok.i:tok.i + 1], quote)
        if att:
            fields["attribution"] = att
        out.append(Draft("figure", s0, end, ctx.slice(s0, end), fields))
    return out
