"""Re-extracting over a claim file a person has edited: a three-way merge.

The three versions of each claim file:
  * ours   – the claim file on disk, as the reviewer left it;
  * base   – what extract wrote last time (a snapshot kept beside the claim
             files in `.claimcheck-extract/<article id>.json`, JSON so that
             `claimcheck check` never mistakes it for a claim file);
  * theirs – what extract finds now.

Rules (field by field, claims matched by their stable id):
  * a claim in base but not in ours was deleted by the reviewer: it stays deleted;
  * a claim in ours but not in base was added by the reviewer: it stays;
  * a field whose value in ours differs from base was edited: ours wins;
    a field the reviewer removed stays removed; fields the reviewer added
    (ignore:, boilerplate:, notes) stay;
  * a field the reviewer did not touch takes the new extraction's value
    (so extractor improvements flow in), or is dropped if extract no longer
    gives it;
  * a claim extract no longer finds stays in the file (the reviewer may rely on it);
  * a claim extract finds for the first time is inserted in text order.
Without a snapshot (first run over a hand-made file, or the snapshot was
removed) every claim already in the file is treated as reviewed: nothing in
it changes and only claims with new ids are added.
Comments survive because the file is loaded and saved with ruamel.yaml's
round-trip mode and edited in place.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .writer import claim_map, to_yaml_value

SNAPSHOT_DIR = ".claimcheck-extract"


def snapshot_path(claim_file: Path) -> Path:
    return claim_file.parent / SNAPSHOT_DIR / (claim_file.stem + ".json")


def load_snapshot(claim_file: Path) -> dict | None:
    path = snapshot_path(claim_file)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def save_snapshot(claim_file: Path, article: dict, claims: list[dict]) -> None:
    path = snapshot_path(claim_file)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"article": article, "claims": {c["id"]: c for c in claims}}
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False, default=str) + "\n", encoding="utf-8")


def plain(value: Any) -> Any:
    """Round-trip YAML values -> JSON-comparable plain data."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _merge_fields(target: CommentedMap, new: dict, base: dict | None) -> int:
    """Update the untouched fields of one claim/article mapping; returns #changes."""
    changes = 0
    for key, value in new.items():
        new_plain = plain(value)
        if key in target:
            if base is None or key not in base or plain(target[key]) != plain(base[key]):
                continue                       # reviewer's value (edited or unknown)
            if plain(target[key]) != new_plain:
                target[key] = to_yaml_value(value)
                changes += 1
        elif base is None or key not in base:
            target[key] = to_yaml_value(value)  # a field extract gives for the first time
            changes += 1
        # else: the reviewer removed the field; leave it removed
    if base is not None:
        for key in list(target.keys()):
            if key in base and key not in new and plain(target[key]) == plain(base[key]):
                del target[key]                 # extract no longer gives it, reviewer never touched it
                changes += 1
    return changes


def merge_document(doc: CommentedMap, article: dict, claims: list[dict], snapshot: dict | None) -> dict:
    """Merge new extraction results into the loaded document in place.

    Returns counts: {"added": n, "updated": n, "kept_deleted": n}.
    """
    stats = {"added": 0, "updated": 0, "kept_deleted": 0}
    base_claims = (snapshot or {}).get("claims", {}) if snapshot else None
    base_article = (snapshot or {}).get("article") if snapshot else None
    if not isinstance(doc.get("article"), dict):
        doc["article"] = CommentedMap()
    _merge_fields(doc["article"], article, base_article)
    seq = doc.get("claims")
    if not isinstance(seq, list):
        seq = CommentedSeq()
        doc["claims"] = seq
    by_id = {str(c.get("id")): c for c in seq if isinstance(c, dict) and c.get("id") is not None}
    for claim in claims:
        cid = claim["id"]
        if cid in by_id:
            base = base_claims.get(cid) if base_claims is not None else None
            if base is None and base_claims is not None:
                continue                       # reviewer added a claim with this id: theirs
            if base is not None and _merge_fields(by_id[cid], claim, base):
                stats["updated"] += 1
        elif base_claims is not None and cid in base_claims:
            stats["kept_deleted"] += 1         # the reviewer deleted it
        else:
            _insert_in_order(seq, claim_map(claim))
            stats["added"] += 1
    return stats


def _span_start(item) -> int:
    span = item.get("span") if isinstance(item, dict) else None
    try:
        return int(span[0])
    except (TypeError, ValueError, IndexError, KeyError):
        return -1


def _insert_in_order(seq: CommentedSeq, item: CommentedMap) -> None:
    """Insert before the first claim that starts later (spanless claims are skipped over)."""
    start = _span_start(item)
    for i, other in enumerate(seq):
        other_start = _span_start(other)
        if other_start > start:
            seq.insert(i, item)
            return
    seq.append(item)
