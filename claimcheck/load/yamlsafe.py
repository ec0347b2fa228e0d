"""Read YAML safely into plain Python values, keeping the line and column of every node.

We build values from the parser's event stream ourselves instead of using a loader, because:

* no tag may construct objects or run code (only the YAML core tags are honoured);
* alias expansion, the number of nodes and nesting depth are bounded *while* reading, so an
  alias bomb or a 20,000-deep flow sequence fails fast with a position instead of exhausting
  memory or the stack;
* the events come from libyaml through PyYAML's C parser (`CParser`): it is the fastest event
  source with marks we have (about 1.6x ruamel's C parser, which stays the round-trip writer of
  `extract`), and the builder below is one tight loop over them.

Dates are *not* resolved here: `2014-03-26` stays a string and the claim model parses it, so
`2021-02-30` becomes a schema finding at its position rather than a loader crash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from sys import intern

import yaml
from yaml.events import (
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
MAX_NODES = 5_000_000  # YAML nodes of one file (a claim has about 15): a file is refused above it
MAX_ALIAS_NODES = 200_000  # nodes that aliases add when expanded (alias bombs stop here)

Path = tuple  # keys and indexes from the document root, e.g. ("claims", 3, "attribution")

_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_INT_OTHER = re.compile(r"^0o[0-7]+$|^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_SPECIAL_FLOAT = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}
_Parser = getattr(yaml, "CBaseLoader", None) or yaml.BaseLoader  # libyaml; the pure parser only without it


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


_WORDS_THAT_ARE_NOT_STRINGS = {"null", "Null", "NULL", *_BOOL}


def resolve_scalar(value: str, tag: str | None, plain: bool) -> object:
    """The YAML 1.2 core schema, without timestamps (see module docstring)."""
    if tag == _CORE + "str" or (not plain and tag in (None, "!")):
        return value
    if tag is not None and tag not in _ALLOWED_TAGS:
        raise ValueError(tag)
    if value[:1].isalpha() and value not in _WORDS_THAT_ARE_NOT_STRINGS:  # fast path: most scalars are words
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


_NO_KEY = object()


def _tag_message(tag: str) -> str:
    shown = "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag
    return f"tag {shown} is not allowed: claimcheck reads plain data only, no tags that build objects"


def _pos(mark) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _events(text: str):
    """The parser's events, up to the end of the stream."""
    parser = _Parser(text)
    get = parser.get_event
    try:
        event = get()
        while event is not None and type(event) is not StreamEndEvent:
            yield event
            event = get()
    finally:
        parser.dispose()


def read_yaml(text: str, max_depth: int = MAX_DEPTH, max_nodes: int = MAX_NODES, max_alias_nodes: int = MAX_ALIAS_NODES) -> Document:
    """Parse one YAML document. Raises YamlProblem with a position for anything unreadable."""
    try:
        return _build(text, max_depth, max_nodes, max_alias_nodes)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        if "maximum nesting depth" in problem:  # libyaml's own limit, met before ours in flow style
            raise YamlProblem(f"nesting deeper than {max_depth} levels", *_pos(mark)) from None
        if "expected a single document" in (error.context or "") or "but found another document" in problem:
            raise YamlProblem("a claim file holds one YAML document; found a second", *_pos(error.problem_mark)) from None
        raise YamlProblem(*_with_context(error, problem, mark)) from None
    except yaml.YAMLError as error:
        raise YamlProblem(f"invalid YAML: {_first_line(error)}", *_reader_pos(error, text)) from None
    except UnicodeEncodeError as error:  # a str with lone surrogates (an editor's buffer, stdin)
        raise YamlProblem("not valid Unicode text: a lone surrogate character", *offset_to_position(text, error.start)) from None
    except RecursionError:  # pragma: no cover - the builder is iterative; belt and braces
        raise YamlProblem(f"nesting deeper than {max_depth} levels") from None


def _with_context(error, problem: str, mark) -> tuple:
    """The message and position of a YAML error, with where the construct it broke began: "found
    unexpected end of stream (while scanning a quoted scalar begun at 5:11)" is reported at 5:11,
    the quote left open, not at the end of the file."""
    context, start = error.context, error.context_mark
    if not context or start is None or error.problem is None or (mark is not None and start.line == mark.line):
        return (f"invalid YAML: {problem}", *_pos(mark))
    if "end of stream" in problem:
        return (f"invalid YAML: {problem} {context} begun here", *_pos(start))
    line, column = _pos(start)
    return (f"invalid YAML: {problem} ({context} begun at {line}:{column})", *_pos(mark))


def _build(text: str, max_depth: int, max_nodes: int, max_alias_nodes: int) -> Document:
    """The builder: one loop over the events, iterative (deep input cannot overflow the stack).

    Stack entries are [container, path, pending key, anchor, node count at start, is a list]; a
    mapping whose pending key is `_NO_KEY` expects a key next. The loop is written flat, with
    local names, because it runs once per node of every claim file.
    """
    doc = Document(None)
    marks, key_marks, duplicates = doc.marks, doc.key_marks, doc.duplicate_keys
    stack: list[list] = []
    anchors: dict[str, tuple[object, int]] = {}  # anchor -> (value, its node count)
    nodes = aliased = documents = 0
    words_not_strings = _WORDS_THAT_ARE_NOT_STRINGS
    no_key = _NO_KEY
    top = None  # stack[-1]
    for event in _events(text):
        kind = type(event)
        if kind is ScalarEvent:
            nodes += 1
            value = event.value
            anchor = event.anchor
            if len(value) <= 48:  # subjects, metrics, units, kinds, names recur across claims: one object each
                value = intern(value)
            if event.tag is None and event.implicit[0] and not event.style:  # plain: resolve
                if not value[:1].isalpha() or value in words_not_strings:
                    value = resolve_scalar(value, None, True)
            elif event.tag is not None or not event.implicit[1]:
                try:
                    value = resolve_scalar(value, event.tag, event.implicit[0] and not event.style)
                except ValueError:
                    raise YamlProblem(_tag_message(event.tag), *_pos(event.start_mark)) from None
            size = 1
        elif kind is AliasEvent:
            if event.anchor not in anchors:
                raise YamlProblem(f"unknown alias *{event.anchor}", *_pos(event.start_mark))
            value, size = anchors[event.anchor]
            anchor = None
            aliased += size
            nodes += size
            if aliased > max_alias_nodes:
                raise YamlProblem(f"aliases expand to more than {max_alias_nodes:,} nodes (an alias bomb?)", *_pos(event.start_mark))
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            tag = event.tag
            if tag is not None and tag not in _ALLOWED_TAGS and tag != "!":
                raise YamlProblem(_tag_message(tag), *_pos(event.start_mark))
            if len(stack) >= max_depth:
                raise YamlProblem(f"nesting deeper than {max_depth} levels", *_pos(event.start_mark))
            nodes += 1
            if top is None:
                path = ()
            elif top[5]:
                path = (*top[1], len(top[0]))
            elif top[2] is no_key:
                raise YamlProblem("a mapping key must be a plain value, not a mapping or list", *_pos(event.start_mark))
            else:
                path = (*top[1], top[2])
            mark = event.start_mark
            marks[path] = (mark.line + 1, mark.column + 1)
            is_list = kind is SequenceStartEvent
            top = [[] if is_list else {}, path, no_key, event.anchor, nodes, is_list]
            stack.append(top)
            continue
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            container, path, _key, anchor, started, _is_list = stack.pop()
            if anchor:
                anchors[anchor] = (container, nodes - started + 1)
            if not stack:
                doc.data = container
                top = None
                continue
            top = stack[-1]
            if top[5]:
                top[0].append(container)
            else:
                _set(top[0], top[2], container, path, duplicates, event.start_mark)
                top[2] = no_key
            continue
        else:
            if kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise YamlProblem("a claim file holds one YAML document; found a second", *_pos(event.start_mark))
            continue
        # a scalar or an alias: its value is placed
        if nodes > max_nodes:
            raise YamlProblem(_too_large(max_nodes), *_pos(event.start_mark))
        mark = event.start_mark
        position = (mark.line + 1, mark.column + 1)
        if top is None:
            marks[()] = position
            doc.data = value
            continue
        container = top[0]
        if top[5]:
            marks[(*top[1], len(container))] = position
            container.append(value)
        elif top[2] is no_key:  # a key
            if isinstance(value, (dict, list)):
                raise YamlProblem("a mapping key must be a plain value, not a mapping or list", *_pos(mark))
            top[2] = value
            key_marks[(*top[1], value)] = position
            continue
        else:
            key = top[2]
            path = (*top[1], key)
            marks[path] = position
            if key in container or key == "<<":
                _set(container, key, value, path, duplicates, mark)
            else:
                container[key] = value
            top[2] = no_key
        if anchor:
            anchors[anchor] = (value, size)
    return doc


def _set(container: dict, key, value, path: Path, duplicates: list, mark) -> None:
    if key == "<<" and isinstance(value, (dict, list)):
        for source in value if isinstance(value, list) else [value]:
            if not isinstance(source, dict):
                raise YamlProblem("a merge key (<<) takes a mapping or a list of mappings", *_pos(mark))
            for k, v in source.items():
                container.setdefault(k, v)
        return
    if key in container:
        duplicates.append((path, key))
    container[key] = value


def _too_large(limit: int) -> str:
    return f"file too large: more than {limit:,} YAML nodes (about {limit // 15:,} claims); split it into several files"


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
