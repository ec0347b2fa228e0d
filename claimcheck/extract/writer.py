"""Plain claims -> YAML claim files (ruamel.yaml round-trip types).

Claims arrive as validated plain data, their fields in the spec's order
(`claims.FIELD_ORDER`), and are written in that order; spans and date
ranges are written in flow style ([start, end], {start: .., end: ..}) so a
reviewer sees one claim per screenful. Dates are strings (YYYY, YYYY-MM,
YYYY-MM-DD); the YAML dumper quotes them so they stay strings.
"""
from __future__ import annotations

import math
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
    lines = [modeline.removeprefix("# ")] if modeline else []
    lines += [f"Claims extracted by `claimcheck extract` from {source_note}.",
             "Review every claim: edit, delete or add freely; re-running extract keeps your changes."]
    if "published" not in article:
        lines.append(NO_DATE_NOTE)
    doc.yaml_set_start_comment("\n".join(lines))
    return doc
