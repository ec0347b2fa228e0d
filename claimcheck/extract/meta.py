"""Article text and metadata: YAML front matter or a --meta file.

Offsets in claim files are Python string offsets into the decoded article
file *including* its front matter, so we keep the full text and remember
where the body starts instead of cutting the front matter away.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

ARTICLE_FIELDS = ("id", "title", "outlet", "authors", "published", "url")
_FRONT_MATTER = re.compile(r"\A(\ufeff?---[ \t]*\r?\n)(.*?\r?\n)(---|\.\.\.)[ \t]*(\r?\n|\Z)", re.S)
_ID_OK = re.compile(r"[^a-z0-9._-]+")


class BadInput(Exception):
    """An article or metadata file we cannot use (exit code 2)."""


@dataclass
class Article:
    path: Path
    text: str                      # full decoded file text (offsets refer to it)
    body_start: int                # first character after the front matter
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def body(self) -> str:
        return self.text[self.body_start:]

    @property
    def published(self) -> _dt.date | None:
        return coerce_date(self.meta.get("published"))


def coerce_date(value: Any) -> _dt.date | None:
    """A full publication date from YAML (date object or ISO string)."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def slug_id(name: str) -> str:
    """A spec-conforming article id ([a-z0-9._-]+) from a file stem."""
    return _ID_OK.sub("-", name.lower()).strip("-") or "article"


def read_article(path: Path, meta_by_file: dict[str, dict] | None = None) -> Article:
    """Read an article; metadata from front matter, else from the --meta file."""
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise BadInput(f"{path}: cannot read article: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise BadInput(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    meta: dict[str, Any] = {}
    body_start = 0
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            loaded = YAML(typ="safe").load(match.group(2))
        except YAMLError as exc:
            raise BadInput(f"{path}: front matter is not valid YAML: {exc}") from None
        if loaded is not None and not isinstance(loaded, dict):
            raise BadInput(f"{path}: front matter must be a mapping")
        meta = dict(loaded or {})
        if isinstance(meta.get("article"), dict):   # tolerate `article:` nesting
            meta = dict(meta["article"])
        body_start = match.end()
    if meta_by_file and path.name in meta_by_file:
        # front matter wins field by field; the sidecar fills the gaps
        meta = {**meta_by_file[path.name], **meta}
    meta = {k: v for k, v in meta.items() if k in ARTICLE_FIELDS}
    meta.setdefault("id", slug_id(path.stem))
    meta["id"] = slug_id(str(meta["id"]))
    return Article(path=path, text=text, body_start=body_start, meta=meta)


def load_meta_file(path: Path) -> dict[str, dict]:
    """Parse a file shaped like articles.yaml into {file name: article fields}."""
    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BadInput(f"{path}: cannot read meta file: {exc.strerror or exc}") from None
    except (YAMLError, UnicodeDecodeError) as exc:
        raise BadInput(f"{path}: meta file is not valid YAML: {exc}") from None
    entries = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise BadInput(f"{path}: meta file needs a top-level `articles:` list")
    out: dict[str, dict] = {}
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or not entry.get("file"):
            raise BadInput(f"{path}: articles[{i}] needs a `file` field")
        fields = {k: v for k, v in entry.items() if k in ARTICLE_FIELDS}
        out[Path(str(entry["file"])).name] = fields
    return out
