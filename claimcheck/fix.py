"""`claimcheck check --fix`: apply the fixes findings carry, as surgical edits of the text.

A fix is a list of edits at paths of the YAML document (`claimcheck.findings.Edit`): rename a key,
set a value, add a key (a list value is written `[a, b]`), give a list new items (in its own flow or
block style), append an item to a list (the edit's path ends in the list's length:
`("claims", 3, "ignore", 1)`). They are applied to the file's text
at the exact characters the parser reports for that key or value, so everything else a person
wrote — comments, quoting, layout, indentation, flow or block style — is left as it was, byte for
byte. Edits of one file that touch the same characters are applied once (the first fix wins; the
next run offers the rest).
`--diff` shows the changes as a unified diff instead of writing them; writes are atomic.

Safe fixes cannot change what a claim says beyond the mistake they mend (a misspelt field name
with one close match, an approx synonym); the others (marking an event planned) need
`--unsafe-fixes`, as in ruff.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass

import yaml
from yaml.events import AliasEvent, MappingEndEvent, MappingStartEvent, ScalarEvent, SequenceEndEvent, SequenceStartEvent

from claimcheck.findings import Edit, Finding, Fix

_PLAIN = re.compile(r"^[A-Za-z][\w .,'()/-]*$")


@dataclass
class _Node:
    start: int
    end: int
    flow: bool = False
    key_start: int | None = None  # for a mapping value: its key's characters
    key_end: int | None = None
    last_value_end: int | None = None  # for a mapping: where its last value ends
    first_key_column: int | None = None
    items: int | None = None  # for a sequence: how many items it has


def _spans(text: str) -> dict[tuple, _Node]:
    """Character spans of every node, and of its key, by path (parsed with libyaml's events)."""
    spans: dict[tuple, _Node] = {}
    stack: list[list] = []  # [path, is_list, next index, pending key, key span]
    loader = yaml.CBaseLoader(text) if hasattr(yaml, "CBaseLoader") else yaml.BaseLoader(text)
    try:
        while (event := loader.get_event()) is not None:
            kind = type(event)
            if kind in (ScalarEvent, AliasEvent, MappingStartEvent, SequenceStartEvent):
                start = event.start_mark.index
                if stack and not stack[-1][1] and stack[-1][3] is None:  # a key
                    stack[-1][3] = event.value if kind is ScalarEvent else None
                    stack[-1][4] = (start, event.end_mark.index)
                    continue
                path, key_span = _place(stack)
                node = _Node(start, event.end_mark.index, getattr(event, "flow_style", False) or False)
                if key_span:
                    node.key_start, node.key_end = key_span
                spans[path] = node
                if kind in (MappingStartEvent, SequenceStartEvent):
                    stack.append([path, kind is SequenceStartEvent, 0, None, None])
                else:
                    _ended(stack, spans, event.end_mark.index)
            elif kind in (MappingEndEvent, SequenceEndEvent):
                path, is_list, count = stack.pop()[:3]
                spans[path].end = event.end_mark.index
                if is_list:
                    spans[path].items = count
                _ended(stack, spans, event.end_mark.index)
    finally:
        loader.dispose()
    return spans


def _place(stack: list) -> tuple[tuple, tuple | None]:
    if not stack:
        return (), None
    top = stack[-1]
    if top[1]:
        top[2] += 1
        return (*top[0], top[2] - 1), None
    return (*top[0], top[3]), top[4]


def _ended(stack: list, spans: dict, end: int) -> None:
    """A value ended: its mapping no longer waits for it, and knows where its last value ends
    (a sequence too: where its last item ends)."""
    if stack and stack[-1][1]:
        spans[stack[-1][0]].last_value_end = end
    elif stack:
        mapping = spans[stack[-1][0]]
        mapping.last_value_end = end
        if mapping.first_key_column is None and stack[-1][4] is not None:
            mapping.first_key_column = stack[-1][4][0]
        stack[-1][3] = stack[-1][4] = None


def _scalar(value) -> str:
    """A value as YAML text: plain where that reads back the same, else JSON-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return repr(value)
    if isinstance(value, (list, tuple)):  # a flow sequence: [a, b]
        return "[" + ", ".join(_flow_item(item) for item in value) + "]"
    text = str(value)
    if _PLAIN.match(text) and text.lower() not in ("true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"):
        return text
    return json.dumps(text, ensure_ascii=False)


def _flow_item(value) -> str:
    """A value as an item of a flow collection, where a plain `,` would end it."""
    text = _scalar(value)
    return json.dumps(str(value), ensure_ascii=False) if "," in text and not text.startswith(('"', "[")) else text


def _append(text: str, sequence: _Node, index: object, value) -> tuple[int, int, str] | None:
    """(start, end, new characters) that add `value` as item `index` (its length) of a sequence."""
    if index != sequence.items:
        return None
    item = _flow_item(value)
    if sequence.flow:  # [a, b] -> [a, b, value]
        close = text.rfind("]", sequence.start, sequence.end)
        if close < 0:
            return None
        before = text[sequence.start + 1 : close].rstrip()
        at = sequence.start + 1 + len(before)
        return at, at, item if not before else (" " if before.endswith(",") else ", ") + item
    line_start = text.rfind("\n", 0, sequence.start) + 1
    indent = " " * (sequence.start - line_start)  # a block sequence starts at its first dash
    end = sequence.last_value_end
    if text[end - 1 : end] == "\n":  # the last item is a block collection
        return end, end, f"{indent}- {item}\n"
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return line_end, line_end, f"\n{indent}- {item}"


def _relist(text: str, sequence: _Node, values) -> tuple[int, int, str] | None:
    """(start, end, new characters) that make a sequence hold `values`, in its own style (a block
    sequence left empty becomes `key: []`, the comment on the key's line kept)."""
    if sequence.flow:
        return sequence.start, sequence.end, _scalar(list(values))
    end = sequence.last_value_end
    if end is None or text[end - 1 : end] == "\n":
        return None  # items that are block collections: not rewritten here
    line_start = text.rfind("\n", 0, sequence.start) + 1
    if values:
        indent = " " * (sequence.start - line_start)
        return sequence.start, end, f"\n{indent}".join(f"- {_flow_item(value)}" for value in values)
    colon = text.find(":", sequence.key_end) if sequence.key_end is not None else -1
    if colon < 0 or colon >= line_start:
        return None
    return colon + 1, end, " []" + text[colon + 1 : line_start - 1]


def _replacement(text: str, spans: dict[tuple, _Node], edit: Edit) -> tuple[int, int, str] | None:
    """(start, end, new characters) for one edit, or None when it does not apply to this text."""
    node = spans.get(tuple(edit.path))
    if edit.rename is not None:
        if node is None or node.key_start is None:
            return None
        return node.key_start, node.key_end, edit.rename
    if node is not None and node.items is not None and isinstance(edit.value, (list, tuple)):  # a list for a list
        return _relist(text, node, edit.value)
    if node is not None:  # set an existing scalar value
        if text[node.start : node.start + 1] in "{[" or node.end <= node.start:
            return None
        return node.start, node.end, _scalar(edit.value)
    parent = spans.get(tuple(edit.path[:-1]))
    if parent is not None and parent.items is not None:  # append an item to a sequence
        return _append(text, parent, edit.path[-1], edit.value)
    if parent is None or parent.last_value_end is None:  # add a key to a mapping
        return None
    entry = f"{edit.path[-1]}: {_scalar(edit.value)}"
    if parent.flow:
        close = text.rfind("}", parent.start, parent.end)
        return (close, close, f", {entry}") if close >= 0 else None
    line_start = text.rfind("\n", 0, parent.first_key_column) + 1
    indent = " " * (parent.first_key_column - line_start)
    end = parent.last_value_end
    if text[end - 1 : end] == "\n":  # a block value ends at the next line
        return end, end, f"{indent}{entry}\n"
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return line_end, line_end, f"\n{indent}{entry}"


def apply(text: str, fixes: list[Fix]) -> tuple[str, list[Fix]]:
    """The text with the fixes applied, and the fixes applied (those that fit, each once)."""
    spans = _spans(text)
    chosen: list[tuple[int, int, str]] = []
    applied: list[Fix] = []
    for fix in fixes:
        changes = [_replacement(text, spans, edit) for edit in fix.edits]
        if any(change is None for change in changes) or any(_overlaps(change, other) for change in changes for other in chosen):
            continue
        chosen.extend(changes)
        applied.append(fix)
    for start, end, new in sorted(chosen, key=lambda c: (c[0], c[1]), reverse=True):
        text = text[:start] + new + text[end:]
    return text, applied


def _overlaps(a: tuple, b: tuple) -> bool:
    return (a[0] < b[1] and b[0] < a[1]) or a[0] == a[1] == b[0] == b[1]


def fixable(findings: list[Finding], unsafe: bool = False) -> dict[str, list[Fix]]:
    """The fixes to apply, by file path: safe ones, and the others with `unsafe`."""
    by_path: dict[str, list[Fix]] = {}
    for finding in findings:
        fix = finding.fix
        if fix is not None and (fix.safe or unsafe):
            by_path.setdefault(finding.path, []).append(fix)
    return by_path


def diff(path: str, before: str, after: str) -> str:
    return "".join(difflib.unified_diff(before.splitlines(True), after.splitlines(True), f"a/{path}", f"b/{path}"))
