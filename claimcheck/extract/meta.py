"""Article text and metadata: YAML front matter or a --meta file.

Offsets in claim files are Python string offsets into the decoded article
file *including* its front matter, so we keep the full text and remember
where the body starts instead of cutting the front matter away. The
metadata is the claims format's article block (`claimcheck.model.Article`)
and is validated as one when the article is read: a bad id or date is an
error naming the file, not a claim file the checker rejects later.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from claimcheck.load.loader import error_messages
from claimcheck.model import Article, validate

ARTICLE_FIELDS = ("id", "title", "outlet", "authors", "published", "url")
_FRONT_MATTER = re.compile(r"\A(\ufeff?---[ \t]*\r?\n)(.*?\r?\n)(---|\.\.\.)[ \t]*(\r?\n|\Z)", re.DOTALL)
_ID_OK = re.compile(r"[^a-z0-9._-]+")


class BadInput(Exception):
    """An article or metadata file we cannot use (exit code 2)."""


@dataclass
class ArticleText:
    """An article file as the extractor reads it: its text and its metadata.

    `meta` holds the article block's fields as given (front matter or
    --meta); `info` is the same block validated as the core's `Article`.
    """

    path: Path
    text: str                      # full decoded file text (offsets refer to it)
    body_start: int                # first character after the front matter
    meta: dict[str, Any] = field(default_factory=dict)
    info: Article = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.info = article_info(self.path, self.meta)

    @property
    def body(self) -> str:
        return self.text[self.body_start:]

    @property
    def published(self) -> _dt.date | None:
        """The publication day; None when no date is given or it is only a year or month."""
        when = self.info.published
        return when.start if when is not None and when.start == when.end else None


def article_info(path: Path, meta: dict[str, Any]) -> Article:
    """The metadata as the core's article record; BadInput says which field is wrong."""
    given = {k: v for k, v in meta.items() if v is not None}   # null is written as absent
    try:
        return validate(Article, given)
    except ValidationError as exc:
        problems = "; ".join(message for message, *_ in error_messages(exc, "article", given))
        raise BadInput(f"{path}: bad article metadata (front matter or --meta): {problems}") from None


def slug_id(name: str) -> str:
    """A spec-conforming article id ([a-z0-9._-]+) from a file stem."""
    return _ID_OK.sub("-", name.lower()).strip("-") or "article"


def read_article(path: Path, meta_by_file: dict[str, dict] | None = None) -> ArticleText:
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
    return ArticleText(path=path, text=text, body_start=body_start, meta=meta)


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
