"""Writing (or merging into) one article's claim file."""
from __future__ import annotations

import io
import os
from pathlib import Path

from ruamel.yaml.error import YAMLError

from .merge import load_snapshot, merge_document, save_snapshot
from .meta import ArticleText, BadInput
from .writer import article_plain, new_document, yaml


def source_path(article: ArticleText, out_dir: Path) -> str:
    """The article's path relative to the claim file (POSIX separators)."""
    rel = os.path.relpath(article.path.resolve(), out_dir.resolve())
    return rel.replace(os.sep, "/")


def write_claim_file(article: ArticleText, claims: list[dict], out_dir: Path, warn=None):
    """Write DIR/<id>.yaml from validated plain claims (`claims.checked_claims`),
    merging with a reviewed copy if there is one."""
    path = out_dir / f"{article.meta['id']}.yaml"
    meta = dict(article.meta)
    if article.published is not None:
        meta["published"] = article.published   # a day: written as a YAML date
    art = article_plain(meta, source_path(article, out_dir))
    y = yaml()
    stats = {"added": len(claims), "updated": 0, "kept_deleted": 0}
    if path.exists():
        try:
            doc = y.load(path.read_text(encoding="utf-8"))
        except (YAMLError, UnicodeDecodeError) as exc:
            raise BadInput(f"{path}: existing claim file is not valid YAML, not overwriting it: {exc}") from None
        if not isinstance(doc, dict):
            raise BadInput(f"{path}: existing claim file is not a mapping, not overwriting it")
        stats = merge_document(doc, art, claims, load_snapshot(path))
    else:
        doc = new_document(art, claims, art["source"])
    buf = io.StringIO()
    y.dump(doc, buf)
    tmp = path.with_suffix(".yaml.tmp")
    tmp.write_text(buf.getvalue(), encoding="utf-8")
    tmp.replace(path)
    save_snapshot(path, _jsonable(art), claims)
    return path, stats


def _jsonable(art: dict) -> dict:
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in art.items()}
