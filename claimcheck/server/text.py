"""What the language server reads in a buffer's text: lines, ranges, `ignore:` lists, edits.

Positions here are 0-based lines and columns in code points (Python string indices); the
protocol module converts them to the client's units (UTF-16 by default). Buffers being edited
are often not valid YAML, so `ignore:` lists are found by their text, not by parsing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.findings import Edit, Fix

_BREAK = re.compile(r"\r\n|\r|\n")  # what LSP counts as line breaks
_NAME = re.compile(r"[A-Za-z0-9_-]")
_FLOW_OPEN = re.compile(r"(?:^|[\s{,])ignore\s*:\s*\[([^\[\]]*)$")  # `ignore: [a, b, ` before the cursor
_BLOCK_ITEM = re.compile(r"^(\s*)-\s+([A-Za-z0-9_-]*)\s*(?:#.*)?$")
_BLOCK_KEY = re.compile(r"^\s*(?:-\s+)?(ignore)\s*:\s*(?:#.*)?$")
_CLAIMCHECK_KEYS = re.compile(r"^(?:article|claims|reference)\s*:", re.MULTILINE)


def split_lines(text: str) -> list[str]:
    return _BREAK.split(text)


def looks_like_claimcheck_file(text: str) -> bool:
    """A top-level `article:`, `claims:` or `reference:` key (by text: the buffer may not parse)."""
    return _CLAIMCHECK_KEYS.search(text) is not None


def finding_span(lines: list[str], line: int, column: int) -> tuple[int, int, int, int]:
    """The range shown for a finding at 1-based (line, column): from there to the end of the
    line's content, comment left out (a key and its value, a claim's `id: x`), at least one
    character when there is one."""
    row = min(max(line - 1, 0), max(len(lines) - 1, 0))
    text = lines[row] if lines else ""
    start = min(max(column - 1, 0), len(text))
    end = _content_end(text)
    if end <= start:
        end = min(start + 1, len(text))
    return row, start, row, end


def _content_end(text: str) -> int:
    """Where a line's content ends: before trailing blanks and a comment (`#` after a blank,
    outside quotes)."""
    quote = None
    for index, char in enumerate(text):
        if quote is not None:
            if char == quote and not (quote == '"' and text[index - 1] == "\\"):
                quote = None
        elif char in "'\"" and (index == 0 or text[index - 1] in " \t[{,:-"):
            quote = char
        elif char == "#" and (index == 0 or text[index - 1] in " \t"):
            return len(text[:index].rstrip())
    return len(text.rstrip())


def position_at(text: str, offset: int) -> tuple[int, int]:
    """(line, column) of a character offset."""
    line, start = 0, 0
    for match in _BREAK.finditer(text, 0, offset):
        line, start = line + 1, match.end()
    return line, offset - start


def offset_at(lines: list[str], line: int, column: int, text: str) -> int:
    """The character offset of (line, column) in `text` (whose lines are `lines`)."""
    offset = 0
    for match, _ in zip(_BREAK.finditer(text), range(line)):
        offset = match.end()
    return offset + min(column, len(lines[line]) if line < len(lines) else 0)


def changed_region(before: str, after: str) -> tuple[int, int, str]:
    """(start, end, new text): the one region of `before` that `after` replaces (common prefix
    and suffix left out), so a code action sends a small edit rather than the whole document."""
    limit = min(len(before), len(after))
    prefix = 0
    while prefix < limit and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and before[len(before) - 1 - suffix] == after[len(after) - 1 - suffix]:
        suffix += 1
    return prefix, len(before) - suffix, after[prefix : len(after) - suffix]


@dataclass(frozen=True)
class IgnoreSlot:
    """A rule name's place in an `ignore:` list: the name at the cursor and the others there."""

    start: int  # columns of the name under the cursor (empty when none is typed yet)
    end: int
    word: str
    others: tuple[str, ...]


def ignore_slot(lines: list[str], line: int, column: int) -> IgnoreSlot | None:
    """The `ignore:` list item at (line, column), flow (`ignore: [a, b]`) or block (`- a` lines
    under `ignore:`), else None."""
    if not 0 <= line < len(lines):
        return None
    text = lines[line]
    column = min(column, len(text))
    start = end = column
    while start > 0 and _NAME.match(text[start - 1]):
        start -= 1
    while end < len(text) and _NAME.match(text[end]):
        end += 1
    word, before = text[start:end], text[:start]
    if _FLOW_OPEN.search(before):
        close = text.find("]", end)
        inside = text[before.rfind("[") + 1 : close if close >= 0 else len(text)]
        names = [_unquote(part) for part in inside.split(",")]
        return IgnoreSlot(start, end, word, _without(names, word))
    if not re.fullmatch(r"\s*-\s+", before) or not re.fullmatch(r"\s*(?:#.*)?", text[end:]):
        return None
    dash = before.index("-")
    names: list[str] = []
    row = line - 1  # up: items in the same column, then the `ignore:` key at or left of it
    while True:
        if row < 0:
            return None
        item, other = _BLOCK_ITEM.match(lines[row]), lines[row].strip()
        if item and len(item.group(1)) == dash:
            names.append(item.group(2))
        elif other and not other.startswith("#"):
            key = _BLOCK_KEY.match(lines[row])
            if key is None or key.start(1) > dash:
                return None
            break
        row -= 1
    for other in lines[line + 1 :]:  # down: the rest of the list
        item = _BLOCK_ITEM.match(other)
        if item and len(item.group(1)) == dash:
            names.append(item.group(2))
        elif other.strip() and not other.strip().startswith("#"):
            break
    return IgnoreSlot(start, end, word, tuple(names))


def _unquote(part: str) -> str:
    return part.strip().strip("'\"")


def _without(names: list[str], word: str) -> tuple[str, ...]:
    out = [name for name in names if name]
    if word in out:
        out.remove(word)
    return tuple(out)


def ignore_fix(data: object, claim_id: str, rule: str) -> Fix | None:
    """A fix that adds `rule` to the `ignore:` list of claim `claim_id` (`data`: the parsed
    document), appending to the list there or adding `ignore: [rule]`; None when the claim is not
    found or its `ignore` is not a list."""
    claims = data.get("claims") if isinstance(data, dict) else None
    if not isinstance(claims, list):
        return None
    for index, claim in enumerate(claims):
        if isinstance(claim, dict) and claim.get("id") == claim_id:
            title = f"Ignore {rule} for this claim"
            if "ignore" not in claim:
                return Fix(title, (Edit(("claims", index, "ignore"), [rule]),))
            existing = claim["ignore"]
            if not isinstance(existing, list) or rule in existing:
                return None
            return Fix(title, (Edit(("claims", index, "ignore", len(existing)), rule),))
    return None
