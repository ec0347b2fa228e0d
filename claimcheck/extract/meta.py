"""Article text and metadata: YAML front matter or a --meta file.

Offsets in claim files are Python string offsets into the decoded article
file *including* its front matter, so we keep the full text and remember
where the body starts instead of cutting the front matter away. The
metadata is the claims format's article block (`claimcheck.model.Article`)
and is validated as one when the article is read: a bad id or date is an
error naming the file, not a claim file the checker rejects later.
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from claimcheck.load.loader import error_messages
from claimcheck.load.yamlsafe import YamlProblem, read_yaml
from claimcheck.model import Article, validate
from claimcheck.reading import read_bytes

ARTICLE_FIELDS = ("id", "title", "outlet", "authors", "published", "url")
# The longest article extract reads (characters). Time and memory are linear in the length (about
# 5 s of CPU and 60 MB per 100,000 characters on a laptop core); a text longer than this is a book
# or not an article, and is refused with this limit rather than parsed for half an hour.
MAX_ARTICLE_CHARS = 2_000_000
MAX_META_BYTES = 64 * 1024 * 1024
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


def read_text(path: Path, what: str, limit: int, limit_note: str = "") -> str:
    """A regular file's UTF-8 text (a leading byte order mark dropped, as the checker reads
    articles), read without reading more than `limit` bytes; BadInput says why not."""
    with contextlib.suppress(OSError):
        size = path.stat().st_size
        if size > limit and path.is_file():
            raise BadInput(f"{path}: cannot read {what}: it is {size:,} bytes; {limit_note or f'the limit is {limit:,} bytes'}")
    data, problem = read_bytes(str(path), limit)
    if problem is not None:
        message = problem.message.replace("claim files are limited to", "the limit is")
        raise BadInput(f"{path}: cannot read {what}: {message}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def safe_yaml(text: str, path: Path, what: str, first_line: int = 1):
    """Plain data from YAML text with the claim files' safe, bounded reader
    (`claimcheck.load.yamlsafe.read_yaml`: no tags, bounded aliases, nodes and nesting);
    BadInput at file:line:col otherwise. `first_line` is the file line the text starts on."""
    try:
        return read_yaml(text).data
    except YamlProblem as exc:
        raise BadInput(f"{path}:{exc.line + first_line - 1}:{exc.column}: {what}: {exc.message}") from None


def read_article(path: Path, meta_by_file: dict[str, dict] | None = None) -> ArticleText:
    """Read an article; metadata from front matter, else from the --meta file."""
    # bytes first: a 20 MB file is refused by its size, unread (UTF-8 takes up to 4 bytes a character)
    limit = f"claimcheck extract reads articles of at most {MAX_ARTICLE_CHARS:,} characters (split the text)"
    text = read_text(path, "article", 4 * MAX_ARTICLE_CHARS, limit)
    if len(text) > MAX_ARTICLE_CHARS:
        raise BadInput(f"{path}: cannot read article: it is {len(text):,} characters; {limit}")
    meta: dict[str, Any] = {}
    body_start = 0
    match = _FRONT_MATTER.match(text)
    if match:
        loaded = safe_yaml(match.group(2), path, "front matter", first_line=2)
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
    if not isinstance(meta["id"], (str, int)) or isinstance(meta["id"], bool):
        raise BadInput(f"{path}: bad article metadata (front matter or --meta): article: `id` must be a string")
    meta["id"] = slug_id(str(meta["id"])[:200])
    return ArticleText(path=path, text=text, body_start=body_start, meta=meta)


def load_meta_file(path: Path) -> dict[str, dict]:
    """Parse a file shaped like articles.yaml into {file name: article fields}."""
    data = safe_yaml(read_text(path, "meta file", MAX_META_BYTES), path, "meta file is not valid YAML")
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
