"""How claims and values are written in messages and reports: one formatter for all of them.

Numbers as a reporter writes them (13,000; 2.5), a figure's value with its approx and unit
("about 10,000 people"), claim text cut to a length ("…"), who says so, where a claim is.
Rule messages, the Markdown report and the extractor's summaries all use these, so a value reads
the same everywhere.
"""

from __future__ import annotations

import math
import re

from claimcheck.quantities import APPROX_WORDS

SNIPPET = 60  # characters of claim text shown in a message


def format_number(value: float) -> str:
    """1,351 / 13,000 / 2.5 / 1e+20: as a reporter writes it (never fails on inf or nan)."""
    value = float(value)
    if not math.isfinite(value):
        return str(value)
    if value.is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) >= 1e15 or abs(value) < 1e-4 else f"{value:,}"


def approx_prefix(approx: str) -> str:
    """`about `, `more than `, or nothing for exact figures."""
    return "" if approx == "exact" else f"{APPROX_WORDS.get(approx, (approx,))[0]} "


def describe_number(value, separator: str = "-") -> str:
    """A value as written: `13,000`, or a range `100-200`."""
    if isinstance(value, (tuple, list)):
        return f"{format_number(value[0])}{separator}{format_number(value[1])}"
    return format_number(value)


def describe_value(figure) -> str:
    """`about 10,000 people`, `100-200 km`: the figure's value as written."""
    unit = f" {figure.unit}" if figure.unit else ""
    return f"{approx_prefix(figure.approx)}{describe_number(figure.value)}{unit}"


def truncate(text: str, limit: int = SNIPPET) -> str:
    """Whitespace folded, cut to `limit` characters with "..." when longer."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def quoted(text: str, limit: int = SNIPPET) -> str:
    """`"the words"`, truncated: how a message cites claim text."""
    return f'"{truncate(text, limit)}"'


def source_label(claim) -> str:
    """Who says so, for messages: the attribution's source, or the article's own voice."""
    attribution = claim.attribution
    if attribution is None or not attribution.source:
        return "no source named"
    return attribution.source


def source_with_role(claim) -> str:
    """Who says so, for reports: `Dmitry Peskov, Kremlin spokesman (via Tass)`, or `—`."""
    attribution = claim.attribution
    if attribution is None or (attribution.source is None and attribution.via is None):
        return "—"
    source = attribution.source or "unnamed"
    if attribution.role:
        source += f", {attribution.role}"
    if attribution.via:
        source += f" (via {attribution.via})"
    return source


def claim_label(claim) -> str:
    """What a message calls a claim: `event "start of the war"`, `figure "deaths" of "the blast"`,
    `quote "..."`, `title of Joe Biden`, `statement "..."`."""
    kind = claim.kind
    if kind == "event":
        return f'event "{claim.subject}"'
    if kind == "quote":
        return f"quote {quoted(claim.quote)}"
    if kind == "figure":
        return f'figure "{claim.metric}" of "{claim.subject}"'
    if kind == "role":
        return f"title of {claim.entity}"
    return f"statement {quoted(claim.text)}"


def where(claim) -> str:
    """`path:line` of a claim, for messages that name the other side."""
    return f"{claim.path}:{claim.line}"


def claim_value(claim) -> str:
    """What a claim states, in a few words, by kind (the report's "value" column)."""
    kind = claim.kind
    if kind == "figure":
        text = describe_number(claim.value, "–")
        if claim.of is not None:
            text += f" of {format_number(claim.of)}"
        return f"{text} {claim.unit}" if claim.unit else text
    if kind == "event":
        return f"{claim.subject}: {claim.date}" + (f" ({claim.tense})" if claim.tense != "past" else "")
    if kind == "role":
        return f"{claim.entity}: {claim.role}" + (f" ({claim.status})" if claim.status != "current" else "")
    if kind == "quote":
        return f"“{claim.quote}”"
    return ""


def claim_when(claim) -> str | None:
    """The date a claim speaks of (as_of, date, said_on, else publication), as written."""
    when = getattr(claim, "when", None)
    return str(when) if when is not None else None


def plural(count: int, noun: str, plural_form: str | None = None) -> str:
    """`1 finding`, `2 findings`, `1 entry`, `3 entries`."""
    return f"{count} {noun if count == 1 else plural_form or noun + 's'}"


# Excerpts: the sentence around a claim in its article ---------------------------------------------

EXCERPT = 240  # characters of the article quoted on each side of a claim's words, at most
EXCERPT_WORDS = 400  # characters of the claim's own words quoted, at most

# Words whose period does not end a sentence ("Dec. 11", "Mr. Putin", "U.S. officials").
_ABBREVIATIONS = frozenset(
    ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
    + ("mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "cmdr", "rep", "sen", "gov", "pres")
    + ("st", "jr", "sr", "no", "nos", "vs", "etc", "inc", "co", "corp", "ltd", "dept", "est", "approx", "fig", "ft", "mt")
)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+|\n\s*")
SHORT_LINE = 60  # a line this short that ends without a period is a heading, a caption, a banner
_LAST_WORD = re.compile(r"(\w+)[.]$")
# Characters an article and a claim's text may write differently (curly quotes, dashes, nbsp):
# mapped one to one, so offsets in the mapped text are offsets in the article.
_LOOSE = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-", "\u00a0": " "})


def _is_sentence_end(text: str, match: re.Match) -> bool:
    if text[match.start()] == "\n":
        if match.group().count("\n") > 1:
            return True  # a paragraph break
        line_start = text.rfind("\n", 0, match.start()) + 1
        return match.start() - line_start < SHORT_LINE  # a heading; else a hard-wrapped line goes on
    rest = text[match.end() : match.end() + 1]
    if rest and rest.islower():
        return False  # "e.g. the", "approx. five"
    word = _LAST_WORD.search(text[max(0, match.start() - 12) : match.start() + 1])
    if word is not None and text[match.start()] == ".":
        token = word.group(1)
        if token.lower() in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            return False  # "Dec. 11", "U.S. officials", "J. Smith"
    return True


def find_claim(article: str, claim) -> tuple[int, int] | None:
    """Where a claim's words are in its article text: `[start, end)`, or None.

    By the claim's `span` when it lies inside the text (where the claim was taken from, even when a
    reviewer has since reworded `text`), unless the span no longer selects the text and the text is
    found elsewhere (the article changed); else by searching the claim's `text`: as written, then
    ignoring case, curly quotes, dashes and runs of whitespace.
    """
    words = " ".join(str(claim.text).split())
    span = getattr(claim, "span", None)
    found = _search(article, words) if words else None
    if span is not None:
        start, end = span
        if 0 <= start < end <= len(article):
            if found is not None and " ".join(article[start:end].split()) != words:
                return found
            return start, end
    return found


def _search(article: str, words: str) -> tuple[int, int] | None:
    at = article.find(words)
    if at >= 0:
        return at, at + len(words)
    pattern = r"\s+".join(re.escape(part) for part in words.translate(_LOOSE).split())
    match = re.search(pattern, article.translate(_LOOSE), re.IGNORECASE)
    return match.span() if match else None


def excerpt(article: str, start: int, end: int, limit: int = EXCERPT) -> tuple[str, str, str]:
    """(before, words, after): the sentence(s) around `article[start:end]`, whitespace folded.

    The quote runs from the start of the sentence the words begin in to the end of the one they
    end in, at most `limit` characters either side (cut at a word, with "…"); the words themselves
    at most `EXCERPT_WORDS` (a space around them stays outside, in `before` and `after`).
    """
    window = max(0, start - limit)
    ends = [m for m in _SENTENCE_END.finditer(article, window, start) if _is_sentence_end(article, m)]
    if ends:
        before = article[ends[-1].end() : start]
    elif window > 0:
        head = article[window:start]
        cut = re.search(r"\s", head)
        before = "…" + (head[cut.end() :] if cut else head)
    else:
        before = article[:start]
    stop = min(len(article), end + limit)
    ended = end - 1 if end > start and article[end - 1] in ".!?…" else end  # the words end a sentence
    following = next((m for m in _SENTENCE_END.finditer(article, ended, stop) if _is_sentence_end(article, m)), None)
    if following is not None:
        after = article[end : following.end()].rstrip()
    elif stop < len(article):
        tail = article[end:stop]
        cut = tail.rfind(" ")
        after = (tail[:cut] if cut > 0 else tail) + "…"
    else:
        after = article[end:]
    words = article[start:end]
    if len(words) > EXCERPT_WORDS:
        words = words[: EXCERPT_WORDS - 1] + "…"
    before, words, after = (re.sub(r"\s+", " ", part) for part in (before, words, after))
    if words.startswith(" "):
        before, words = before + " ", words[1:]
    if words.endswith(" "):
        words, after = words[:-1], " " + after
    return before.lstrip().replace("  ", " "), words, after.rstrip().replace("  ", " ")


def claim_excerpt(article: str, claim, limit: int = EXCERPT) -> tuple[str, str, str] | None:
    """(before, the claim's words, after) from its article text, or None when they are not in it."""
    where_in = find_claim(article, claim)
    return excerpt(article, *where_in, limit) if where_in is not None else None
