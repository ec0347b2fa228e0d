"""Plain claims -> YAML claim files (ruamel.yaml round-trip types).

Claims arrive as validated plain data, their fields in the spec's order
(`claims.FIELD_ORDER`), and are written in that order; spans and date
ranges are written in flow style ([start, end], {start: .., end: ..}) so a
reviewer sees one claim per screenful. Dates are strings (YYYY, YYYY-MM,
YYYY-MM-DD); the YAML dumper quotes them so they stay strings.
"""
from __future__ import annotations

import datetime as dt
import io
import math
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.representer import RoundTripRepresenter

ARTICLE_ORDER = ["id", "title", "outlet", "authors", "published", "url", "source"]
NO_DATE_NOTE = ("No publication date was given (front matter or --meta): relative dates "
                "('Thursday', 'last month'), said_on and as_of were left empty.")


class ExactNumber(str):
    """A number a float cannot hold (`1e400`), kept as the person wrote it: read as a float it
    would be written back as `.inf`."""


class _Constructor(RoundTripConstructor):
    def construct_yaml_float(self, node):
        value = super().construct_yaml_float(node)
        if isinstance(value, float) and not math.isfinite(value) and node.value.lower().lstrip("+-") not in (".inf", ".nan"):
            return ExactNumber(node.value)
        return value


class _Representer(RoundTripRepresenter):
    pass


_Constructor.add_constructor("tag:yaml.org,2002:float", _Constructor.construct_yaml_float)
_Representer.add_representer(ExactNumber, lambda rep, data: rep.represent_scalar("tag:yaml.org,2002:float", str(data)))
# write None as an explicit `null` (`attribution: null` means "nobody named")
_Representer.add_representer(type(None), lambda rep, _: rep.represent_scalar("tag:yaml.org,2002:null", "null"))


def yaml() -> YAML:
    """The round-trip reader and writer of claim files (their own classes: nothing global changes)."""
    y = YAML()
    y.Constructor = _Constructor
    y.Representer = _Representer
    y.preserve_quotes = True
    y.width = 4096            # never fold a long quote across lines
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def flow_seq(items) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def to_yaml_value(value: Any) -> Any:
    if isinstance(value, dict):
        m = CommentedMap()
        for k, v in value.items():
            m[k] = to_yaml_value(v)
        if set(value) == {"start", "end"}:
            m.fa.set_flow_style()
        return m
    if isinstance(value, (list, tuple)):
        return flow_seq([to_yaml_value(v) for v in value])
    return value


def claim_map(plain: dict) -> CommentedMap:
    m = CommentedMap()
    for key, value in plain.items():
        m[key] = to_yaml_value(value)
    return m


def article_plain(meta: dict, source: str) -> dict:
    out = {k: meta[k] for k in ARTICLE_ORDER if k in meta and meta[k] is not None}
    out["source"] = source
    return out


def new_document(article: dict, claims: list[dict], source_note: str, modeline: str | None = None) -> CommentedMap:
    """A new claim file; `modeline` (`claimcheck.model.schema_modeline`) is its first line, for
    editors with the YAML language server."""
    doc = CommentedMap()
    art = CommentedMap()
    for k, v in article.items():
        art[k] = flow_seq(v) if isinstance(v, list) else v
    doc["article"] = art
    doc["claims"] = CommentedSeq([claim_map(c) for c in claims])
    doc.yaml_set_start_comment("\n".join(_header(article, source_note, modeline)))
    return doc


def _header(article: dict, source_note: str, modeline: str | None) -> list[str]:
    lines = [modeline.removeprefix("# ")] if modeline else []
    lines += [f"Claims extracted by `claimcheck extract` from {source_note}.",
              "Review every claim: edit, delete or add freely; re-running extract keeps your changes."]
    if "published" not in article:
        lines.append(NO_DATE_NOTE)
    return lines


# --- a new claim file's text, fast ---------------------------------------------------------
# ruamel's round-trip emitter is pure Python and was a third of extract's time beyond parsing.
# A new file has a fixed shape (the article block, then claims of scalars, flow lists, flow
# {start, end} ranges and one level of block mappings), so it is written here directly, choosing
# each scalar's style with ruamel's own analysis and resolver as its emitter does; anything
# outside that shape or that would need line folding or escapes returns None, and ruamel writes
# the file. The two agree byte for byte (tests/extract/test_output.py; every shared article).
_PLAIN_KEY = re.compile(r"[a-z_][a-z0-9_]*\Z")
_SAFE_CHARS = re.compile(r"[^\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]*\Z")
_FAST: dict = {}


def _scalar(value, flow: bool) -> str | None:
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int) and type(value) is int:
        return str(value)
    if isinstance(value, float) and type(value) is float:
        text = repr(value).lower()
        return text if math.isfinite(value) and "e" not in text else None
    if isinstance(value, dt.date) and type(value) is dt.date:
        return value.isoformat()
    if type(value) is not str or len(value) > 2000 or not _SAFE_CHARS.match(value):
        return None
    if not _FAST:
        from ruamel.yaml.nodes import ScalarNode

        y = yaml()
        _FAST["analyze"] = y.emitter.analyze_scalar      # the emitter ruamel writes claim files with
        resolver = y.resolver
        _FAST["resolve"] = lambda text: resolver.resolve(ScalarNode, text, (True, False))
    analysis = _FAST["analyze"](value)
    if analysis.multiline or not value:
        return None
    if _FAST["resolve"](value) == "tag:yaml.org,2002:str" and (analysis.allow_flow_plain if flow else analysis.allow_block_plain):
        return value
    if analysis.allow_double_quoted and "'" in value:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if analysis.allow_single_quoted:
        return "'" + value.replace("'", "''") + "'"
    return None


def _flow(value) -> str | None:
    if isinstance(value, dict):
        if set(value) != {"start", "end"}:
            return None
        parts = [_scalar(value["start"], True), _scalar(value["end"], True)]
        return None if None in parts else f"{{start: {parts[0]}, end: {parts[1]}}}"
    parts = [_scalar(v, True) for v in value]
    return None if None in parts else "[" + ", ".join(parts) + "]"


def _field(key, value, indent: str, out: list) -> bool:
    if not isinstance(key, str) or not _PLAIN_KEY.match(key):
        return False
    if isinstance(value, (list, tuple)) or (isinstance(value, dict) and set(value) == {"start", "end"}):
        text = _flow(value)
    elif isinstance(value, dict):
        if not value:
            return False
        out.append(f"{indent}{key}:\n")
        return all(not isinstance(v, (dict, list, tuple)) and _field(k, v, indent + "  ", out) for k, v in value.items())
    else:
        text = _scalar(value, False)
    if text is None:
        return False
    out.append(f"{indent}{key}: {text}\n")
    return True


def new_document_text(article: dict, claims: list[dict], source_note: str, modeline: str | None = None) -> str:
    """The text ruamel writes for `new_document(...)`, written directly when the claims have
    the usual shape (see above), else by ruamel."""
    out = [f"# {line}\n" if line else "#\n" for line in _header(article, source_note, modeline)]
    ok = True
    out.append("article:\n")
    for key, value in article.items():
        ok = ok and _field(key, value, "  ", out)
    if ok and not claims:
        out.append("claims: []\n")
    elif ok:
        out.append("claims:\n")
        for claim in claims:
            items = list(claim.items())
            if not items or isinstance(items[0][1], (dict, list, tuple)):
                ok = False
                break
            first: list = []
            ok = _field(*items[0], "", first)
            if not ok:
                break
            out.append("  - " + first[0])
            for key, value in items[1:]:
                ok = ok and _field(key, value, "    ", out)
            if not ok:
                break
    if ok:
        return "".join(out)
    buf = io.StringIO()
    yaml().dump(new_document(article, claims, source_note, modeline), buf)
    return buf.getvalue()
