"""Read YAML safely into plain Python values, keeping the line and column of every node.

We build values from the parser's event stream ourselves instead of using a loader, because:

* no tag may construct objects or run code (only the YAML core tags are honoured);
* alias expansion and nesting depth are bounded *while* reading, so an alias bomb or a
  20,000-deep flow sequence fails fast with a position instead of exhausting memory or the stack;
* ruamel's C parser (libyaml) is used when installed: its events carry marks and it is several
  times faster than the round-trip loader. The lint path only reads; rewrites live in `extract`.

Dates are *not* resolved here: `2014-03-26` stays a string and the claim model parses it, so
`2021-02-30` becomes a schema finding at its position rather than a loader crash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

MAX_DEPTH = 64
MAX_NODES = 200_000  # nodes after alias expansion; a claim file of 10,000 claims has ~150,000

Path = tuple  # keys and indexes from the document root, e.g. ("claims", 3, "attribution")

_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_INT_OTHER = re.compile(r"^0o[0-7]+$|^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_SPECIAL_FLOAT = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}


class YamlProblem(Exception):
    """The text cannot be read as safe YAML data: message with a 1-based line and column."""

    def __init__(self, message: str, line: int = 1, column: int = 1):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


@dataclass
class Document:
    """Plain data plus where each node starts (1-based line, column), keyed by path."""

    data: object
    marks: dict = field(default_factory=dict)
    key_marks: dict = field(default_factory=dict)  # mapping keys, for duplicate/unknown-key findings
    duplicate_keys: list = field(default_factory=list)  # (path, key) of each repeated key

    def mark(self, path: Path) -> tuple[int, int]:
        """Position of `path`, or of its nearest ancestor we recorded (aliases, merged keys)."""
        path = tuple(path)
        while path:
            if path in self.marks:
                return self.marks[path]
            path = path[:-1]
        return self.marks.get((), (1, 1))

    def key_mark(self, path: Path) -> tuple[int, int]:
        return self.key_marks.get(tuple(path)) or self.mark(path)


def _parser_factory():
    try:
        return YAML(typ="safe", pure=False)
    except Exception:  # pragma: no cover - the C extension is a declared dependency
        return YAML(typ="safe", pure=True)


_YAML = _parser_factory()


def resolve_scalar(value: str, tag: str | None, plain: bool) -> object:
    """The YAML 1.2 core schema, without timestamps (see module docstring)."""
    if tag == _CORE + "str" or (not plain and tag in (None, "!")):
        return value
    if tag is not None and tag not in _ALLOWED_TAGS:
        raise ValueError(tag)
    first = value[:1]
    if first.isalpha() and first not in "tTfFnN":  # fast path: most scalars are words
        return value
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        return int(value)
    if _INT_OTHER.match(value):
        return int(value, 0)
    if _FLOAT.match(value):
        return float(value)
    if value in _SPECIAL_FLOAT:
        return _SPECIAL_FLOAT[value]
    return value


class _Builder:
    """Turns events into values. Iterative: deep input cannot overflow the Python stack."""

    def __init__(self, max_depth: int, max_nodes: int):
        self.max_depth = max_depth
        self.max_nodes = max_nodes
        self.nodes = 0
        self.anchors: dict[str, tuple[object, int]] = {}  # anchor -> (value, its node count)
        self.doc = Document(None)
        # Stack entries: [container, path, pending_key, key_mark, anchor, start_node_count]
        self.stack: list[list] = []

    def _count(self, n: int, mark) -> None:
        self.nodes += n
        if self.nodes > self.max_nodes:
            raise YamlProblem(
                f"document expands to more than {self.max_nodes} nodes (alias bomb?)", *_pos(mark)
            )

    def _path(self) -> Path:
        if not self.stack:
            return ()
        top = self.stack[-1]
        if isinstance(top[0], list):
            return top[1] + (len(top[0]),)
        return top[1] + (top[2],)

    def _expects_key(self) -> bool:
        return bool(self.stack) and isinstance(self.stack[-1][0], dict) and self.stack[-1][2] is _NO_KEY

    def _add(self, value: object, mark, size: int, anchor: str | None) -> None:
        if anchor:
            self.anchors[anchor] = (value, size)
        if not self.stack:
            self.doc.data = value
            return
        top = self.stack[-1]
        container = top[0]
        if isinstance(container, list):
            container.append(value)
            return
        key = top[2]
        if key == "<<" and isinstance(value, (dict, list)):
            self._merge(container, value, mark)
        else:
            if key in container:
                self.doc.duplicate_keys.append((top[1] + (key,), key))
            container[key] = value
        top[2] = _NO_KEY

    def _merge(self, container: dict, value, mark) -> None:
        sources = value if isinstance(value, list) else [value]
        for source in sources:
            if not isinstance(source, dict):
                raise YamlProblem("a merge key (<<) takes a mapping or a list of mappings", *_pos(mark))
            for k, v in source.items():
                container.setdefault(k, v)

    def _key(self, value: object, mark) -> None:
        top = self.stack[-1]
        if isinstance(value, (dict, list)):
            raise YamlProblem("a mapping key must be a plain value, not a mapping or list", *_pos(mark))
        top[2] = value
        self.doc.key_marks[top[1] + (value,)] = _pos(mark)

    def scalar(self, event) -> None:
        self._count(1, event.start_mark)
        try:
            value = resolve_scalar(event.value, event.tag, event.implicit[0] and not event.style)
        except ValueError:
            raise YamlProblem(_tag_message(event.tag), *_pos(event.start_mark)) from None
        if self._expects_key():
            self._key(value, event.start_mark)
            return
        self.doc.marks[self._path()] = _pos(event.start_mark)
        self._add(value, event.start_mark, 1, event.anchor)

    def alias(self, event) -> None:
        if event.anchor not in self.anchors:
            raise YamlProblem(f"unknown alias *{event.anchor}", *_pos(event.start_mark))
        value, size = self.anchors[event.anchor]
        self._count(size, event.start_mark)
        if self._expects_key():
            self._key(value, event.start_mark)
            return
        self.doc.marks[self._path()] = _pos(event.start_mark)
        self._add(value, event.start_mark, size, None)

    def start(self, event, container) -> None:
        if event.tag is not None and event.tag not in _ALLOWED_TAGS and event.tag != "!":
            raise YamlProblem(_tag_message(event.tag), *_pos(event.start_mark))
        if len(self.stack) >= self.max_depth:
            raise YamlProblem(f"nesting deeper than {self.max_depth} levels", *_pos(event.start_mark))
        self._count(1, event.start_mark)
        if self._expects_key():
            raise YamlProblem("a mapping key must be a plain value, not a mapping or list", *_pos(event.start_mark))
        path = self._path()
        self.doc.marks[path] = _pos(event.start_mark)
        self.stack.append([container, path, _NO_KEY, None, event.anchor, self.nodes])

    def end(self, event) -> None:
        container, _path, _key, _mark, anchor, started = self.stack.pop()
        self._add(container, event.start_mark, self.nodes - started + 1, anchor)


_NO_KEY = object()


def _tag_message(tag: str) -> str:
    shown = "!!" + tag[len(_CORE):] if tag.startswith(_CORE) else tag
    return f"tag {shown} is not allowed: claimcheck reads plain data only, no tags that build objects"


def _pos(mark) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def read_yaml(text: str, max_depth: int = MAX_DEPTH, max_nodes: int = MAX_NODES) -> Document:
    """Parse one YAML document. Raises YamlProblem with a position for anything unreadable."""
    builder = _Builder(max_depth, max_nodes)
    documents = 0
    handlers = {
        ScalarEvent: builder.scalar,
        MappingStartEvent: lambda event: builder.start(event, {}),
        SequenceStartEvent: lambda event: builder.start(event, []),
        MappingEndEvent: builder.end,
        SequenceEndEvent: builder.end,
        AliasEvent: builder.alias,
    }
    try:
        for event in _YAML.parse(text):
            handler = handlers.get(type(event))
            if handler is not None:
                handler(event)
            elif isinstance(event, DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise YamlProblem("a claim file holds one YAML document; found a second", *_pos(event.start_mark))
            elif isinstance(event, StreamEndEvent):
                break
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        raise YamlProblem(f"invalid YAML: {problem}", *_pos(mark)) from None
    except YAMLError as error:
        raise YamlProblem(f"invalid YAML: {_first_line(error)}", *_reader_pos(error, text)) from None
    except RecursionError:  # pragma: no cover - the builder is iterative; belt and braces
        raise YamlProblem(f"nesting deeper than {max_depth} levels") from None
    return builder.doc


def _first_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


def _reader_pos(error: Exception, text: str) -> tuple[int, int]:
    """Reader errors (bad characters) carry a character offset rather than a mark."""
    offset = getattr(error, "position", None)
    if not isinstance(offset, int):
        return (1, 1)
    return offset_to_position(text, offset)


def offset_to_position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
