"""Writing (or merging into) one article's claim file.

An existing claim file is untrusted input (a checkout of someone else's branch): it is read
bounded (a regular file, at most `MAX_CLAIM_FILE_BYTES`) and first parsed with the checker's safe
reader (`claimcheck.load.yamlsafe.read_yaml`: no tags, bounded aliases, nodes and nesting), and
refused at file:line:col when that reader refuses it; only then is it loaded round-trip for the
merge. The claim file and its snapshot are written by `snapshot.write_pair`: atomically, never
through a symbolic link, in an order that no kill can turn into a lost edit. A new claim file
starts with the YAML language server's modeline (`claimcheck.model.schema_modeline`).
"""
from __future__ import annotations

import io
import os
from pathlib import Path

from ruamel.yaml.error import YAMLError

from claimcheck.load.yamlsafe import YamlProblem, read_yaml
from claimcheck.model import schema_modeline
from claimcheck.reading import MAX_FILE_BYTES, read_bytes

from .merge import merge_document
from .meta import ArticleText, BadInput
from .snapshot import base_for, record, sha256, write_pair
from .writer import article_plain, new_document_text, yaml

MAX_CLAIM_FILE_BYTES = MAX_FILE_BYTES


def source_path(article: ArticleText, out_dir: Path) -> str:
    """The article's path relative to the claim file (POSIX separators)."""
    rel = os.path.relpath(article.path.resolve(), out_dir.resolve())
    return rel.replace(os.sep, "/")


def read_claim_file(path: Path) -> tuple[str, bytes]:
    """The text (and bytes) of an existing claim file, checked by the safe reader; BadInput otherwise."""
    data, problem = read_bytes(str(path), MAX_CLAIM_FILE_BYTES)
    if problem is not None:
        raise BadInput(f"{path}: existing claim file cannot be read ({problem.message}), not overwriting it")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(f"{path}: existing claim file is not UTF-8 ({exc.reason} at byte {exc.start}), not overwriting it") from None
    try:
        read_yaml(text)
    except YamlProblem as exc:
        raise BadInput(f"{path}:{exc.line}:{exc.column}: existing claim file is refused by the safe YAML reader "
                       f"({exc.message}), not overwriting it") from None
    return text, data


def write_claim_file(article: ArticleText, claims: list[dict], out_dir: Path, warn=None):
    """Write DIR/<id>.yaml from validated plain claims (`claims.checked_claims`),
    merging with a reviewed copy if there is one. Returns (path, merge statistics)."""
    path = out_dir / f"{article.meta['id']}.yaml"
    if path.is_symlink():
        raise BadInput(f"{path}: is a symbolic link: claimcheck does not write through links")
    meta = dict(article.meta)
    if article.published is not None:
        meta["published"] = article.published   # a day: written as a YAML date
    art = article_plain(meta, source_path(article, out_dir))
    y = yaml()
    stats = {"added": len(claims), "updated": 0, "kept_deleted": 0}
    old_sha = None
    if path.exists():
        text, data = read_claim_file(path)
        old_sha = sha256(data)
        try:
            doc = y.load(text)
        except YAMLError as exc:
            raise BadInput(f"{path}: existing claim file is not valid YAML, not overwriting it: {exc}") from None
        if not isinstance(doc, dict):
            raise BadInput(f"{path}: existing claim file is not a mapping, not overwriting it")
        for key, kind, name in (("article", dict, "a mapping"), ("claims", list, "a list")):
            if doc.get(key) is not None and not isinstance(doc[key], kind):
                raise BadInput(f"{path}: existing claim file's `{key}:` is not {name}, not overwriting it")
        stats = merge_document(doc, art, claims, base_for(path, old_sha, warn), source=article.text)
        for cid in stats.get("marked", ()):
            if warn is not None:
                warn(f"claimcheck extract: warning: {path}: claim {cid}: its text is no longer in the article; "
                     "kept as the reviewer left it, with a comment to check it")
        buf = io.StringIO()
        y.dump(doc, buf)
        claim_text = buf.getvalue()
    else:
        claim_text = new_document_text(art, claims, art["source"], schema_modeline(out_dir))
    write_pair(path, claim_text, old_sha, record(_jsonable(art), claims, claim_text, article.text))
    return path, stats


def _jsonable(art: dict) -> dict:
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in art.items()}
