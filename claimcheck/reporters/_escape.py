"""Escaping for every output format. Everything taken from claim files (text, sources, titles,
ids, even file names and rule messages that quote them) goes through one of these.

* Markdown (GitHub-flavoured): a claim must not break a table row, open a link, an image, raw
  HTML, a code span, math (`$...$`), strikethrough or a heading.
* GitHub workflow commands: the runner's own escapes (%25 %0D %0A; %3A %2C in properties).
* SARIF plain-text messages: `[` `]` are escaped, or `[x](y)` would be an embedded link.
* XML 1.0 (JUnit): characters XML cannot hold at all are shown as `\\xNN` text.
* Mermaid: labels are reduced to characters that cannot end a string or the code block.
"""

from __future__ import annotations

import re
import urllib.parse

from claimcheck.reporters import one_line

# ASCII punctuation that means something to GitHub's Markdown anywhere in a line. Every ASCII
# punctuation character may be backslash-escaped in CommonMark, so `\\x` always renders as `x`.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&!$#])")
_NEWLINES = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x85")


def md(text: object) -> str:
    """Inline Markdown text (table cell, paragraph, heading): shown literally, on one line.

    Newlines become `<br>` (which GitHub renders in table cells), other control characters are
    shown as escapes (`\\x01`), Markdown punctuation is backslash-escaped.
    """
    if text is None:
        return ""
    parts = _NEWLINES.split(str(text))
    escaped = [_MD_SPECIAL.sub(r"\\\1", one_line(part)) for part in parts]
    return "<br>".join(escaped).strip() or ""


_BLOCK_START = re.compile(r"^(\d{1,9})([.)])|^([-+])(?=\s|$)")


def md_line(text: object) -> str:
    """`md`, for text that starts a line of its own (a blockquote's): a leading `1.`, `1)`, `-` or
    `+` would begin a list there, so it is escaped too."""
    return _BLOCK_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else f"\\{m.group(3)}", md(text))


def md_code(text: object) -> str:
    """A code span that holds any text (backticks, pipes) and stays inside a table cell."""
    value = one_line(" ".join(_NEWLINES.split(str(text))))
    longest = max((len(run) for run in re.findall(r"`+", value)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if value.startswith("`") or value.endswith("`") or not value.strip() else ""
    # A `|` ends a GFM table cell even inside a code span; `\|` is the way to keep it.
    return f"{fence}{pad}{value}{pad}{fence}".replace("|", "\\|")


def url_path(path: str) -> str:
    """A file path as a relative URL: forward slashes, percent-encoded (spaces, `#`, `(`...)."""
    return urllib.parse.quote(path.replace("\\", "/"), safe="/-._~")


def md_link(label: str, href: str) -> str:
    """`[label](href)` where label is already escaped Markdown and href is a URL we built."""
    href = href.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
    return f"[{label}]({href})"


_WEB_SCHEMES = ("http", "https")


def web_url(text: object) -> str | None:
    """An article's `url` as a link target, or None when it must not become a link.

    Only absolute http(s) URLs with a host qualify (never `javascript:`, `data:`, relative paths);
    the result is percent-encoded wherever Markdown could read it (`( ) < > | \\` spaces, quotes,
    backticks, brackets), so it cannot end the link, break a table cell or carry raw HTML.
    """
    if text is None:
        return None
    value = str(text).strip()
    if not value or any(ch.isspace() or not ch.isprintable() for ch in value):
        return None
    try:
        parts = urllib.parse.urlsplit(value)
    except ValueError:
        return None
    if parts.scheme.lower() not in _WEB_SCHEMES or not parts.netloc or not re.match(r"(?i)https?://", value):
        return None
    return urllib.parse.quote(value, safe="/:?#@!$&'*+,;=-._~%")


# GitHub workflow commands ------------------------------------------------------------------------


def gh_data(text: object) -> str:
    """The message of a workflow command (after `::`)."""
    value = str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return one_line(value)


def gh_property(text: object) -> str:
    """A property value of a workflow command (`file=`, `title=`)."""
    return gh_data(text).replace(":", "%3A").replace(",", "%2C")


# SARIF -------------------------------------------------------------------------------------------


def sarif_text(text: object) -> str:
    """Plain-text SARIF message content: `[` and `]` would start an embedded link (§3.11.6)."""
    return re.sub(r"([\\\[\]])", r"\\\1", str(text))


# XML ---------------------------------------------------------------------------------------------

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: object) -> str:
    """Text that XML 1.0 can hold (characters it cannot are shown as escapes, like `\\x01`)."""
    value = str(text)
    return _XML_INVALID.sub(lambda m: m.group().encode("unicode_escape", "backslashreplace").decode("ascii"), value)


# Mermaid -----------------------------------------------------------------------------------------

_MERMAID_UNSAFE = re.compile(r"[^\w .,:/()'+-]")


def mermaid_label(text: object, limit: int = 60) -> str:
    """A string for inside Mermaid double quotes: no quotes, backticks, `#`, `;`, `%` or newlines."""
    value = _MERMAID_UNSAFE.sub(" ", str(text))
    value = re.sub(r"\s+", " ", value).strip()
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"
