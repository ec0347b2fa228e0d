"""How claims and values are written in messages and reports: one formatter for all of them.

Numbers as a reporter writes them (13,000; 2.5), a figure's value with its approx and unit
("about 10,000 people"), claim text cut to a length ("…"), who says so, where a claim is.
Rule messages, the Markdown report and the extractor's summaries all use these, so a value reads
the same everywhere.
"""

from __future__ import annotations

import math

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
        return "unattributed"
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
