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
  * a claim extract finds for the first time is inserted in text order;
  * but a claim with a new id that covers the spot of a claim extract no
    longer gives (same kind, overlapping span, largest overlap first, one to
    one) is that claim, re-read: ids are built from what a claim says, so an
    extractor improvement that changes a value ("late last week" narrowed,
    two figures merged into a range) changes the id. It takes the old id, so
    the reviewer's edits, deletion and notes apply to it and no duplicate is
    inserted next to the reviewed claim;
  * and a new claim is not inserted where the reviewer has already added a
    claim of the same kind (overlapping span; for roles, the same person):
    the reviewer's claim covers that spot.
Without a snapshot (first run over a hand-made file, or the snapshot was
removed) every claim already in the file is treated as reviewed: nothing in
it changes and only claims with new ids are added.
Comments survive because the file is loaded and saved with ruamel.yaml's
round-trip mode and edited in place. ruamel keeps the comment lines that follow
a field (a reviewer's note above the next field or the next claim) on that
field, or on the last field of a nested block such as `attribution:`; when the
merge replaces, removes or appends a field, or inserts a claim, those lines are
moved along (`_replace`, `_remove`, `_append`, `_insert_in_order`) so that they
are neither dropped nor left above the wrong claim.
"""
from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.tokens import CommentToken

from . import reanchor
from .snapshot import SNAPSHOT_DIR, load_snapshot, sha256, snapshot_path
from .writer import claim_map, to_yaml_value

__all__ = ["SNAPSHOT_DIR", "load_snapshot", "merge_document", "plain", "snapshot_path"]


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
                _replace(target, key, to_yaml_value(value))
                changes += 1
        elif base is None or key not in base:
            _append(target, key, to_yaml_value(value))  # a field extract gives for the first time
            changes += 1
        # else: the reviewer removed the field; leave it removed
    if base is not None:
        for key in list(target.keys()):
            if key in base and key not in new and plain(target[key]) == plain(base[key]):
                _remove(target, key)            # extract no longer gives it, reviewer never touched it
                changes += 1
    return changes


# --- comments that follow a field ---------------------------------------------------------------
# A comment token's text is its end-of-line part ("# note\n", or just "\n" when the line has none)
# followed by the full comment lines below it (indentation included).

def _is_block(value: Any) -> bool:
    return isinstance(value, (CommentedMap, CommentedSeq)) and len(value) > 0 and not value.fa.flow_style()


def _tail(container, key) -> tuple:
    """Where ruamel keeps the comments after `container[key]`'s last line: (collection, key, slot)."""
    value = container[key]
    if _is_block(value):
        last = list(value.keys())[-1] if isinstance(value, CommentedMap) else len(value) - 1
        return _tail(value, last)
    return container, key, (2 if isinstance(container, CommentedMap) else 0)


def _get(loc: tuple):
    coll, key, slot = loc
    entry = coll.ca.items.get(key)
    return entry[slot] if entry and len(entry) > slot else None


def _set(loc: tuple, text: str | None, like) -> None:
    coll, key, slot = loc
    entry = coll.ca.items.setdefault(key, [None, None, None, None])
    entry[slot] = CommentToken(text, like.start_mark, None) if text and text != "\n" else None


def _split(text: str) -> tuple[str, str]:
    head, _, lines = text.partition("\n")
    return head + "\n", lines


def _add(loc: tuple, text: str, like) -> None:
    """Add a detached comment text after the line(s) whose comments live at `loc`."""
    head, lines = _split(text)
    current = _get(loc)
    if current is None:
        _set(loc, head + lines, like)
        return
    if head != "\n":                           # an end-of-line comment whose line is gone: keep it
        full = lines.split("\n") + _split(current.value)[1].split("\n")
        ref = next((ln for ln in full if ln.strip()), "    ")
        lines = " " * (len(ref) - len(ref.lstrip())) + head + lines
    cur = current.value if current.value.endswith("\n") else current.value + "\n"
    _set(loc, cur + lines, current)


def _replace(target: CommentedMap, key, value) -> None:
    loc = _tail(target, key)
    token = _get(loc)
    target[key] = value
    new_loc = _tail(target, key)
    if token is not None and _get(new_loc) is not token:   # the comments are not after the new value
        if loc[0] is target:
            _set(loc, None, token)                          # (a scalar's slot, now before a block)
        _add(new_loc, token.value, token)


def _remove(target: CommentedMap, key) -> None:
    keys = list(target.keys())
    token = _get(_tail(target, key))
    del target[key]
    target.ca.items.pop(key, None)
    if token is not None and keys.index(key) > 0:
        _add(_tail(target, keys[keys.index(key) - 1]), token.value, token)


def _move_lines(src: tuple, dst: tuple) -> None:
    """Move the full comment lines after `src` (not its end-of-line comment) to after `dst`."""
    token = _get(src)
    if token is None:
        return
    head, lines = _split(token.value)
    if lines:
        _set(src, head, token)
        _add(dst, "\n" + lines, token)


def _append(target: CommentedMap, key, value) -> None:
    last = list(target.keys())[-1] if len(target) else None
    target[key] = value
    if last is not None:
        _move_lines(_tail(target, last), _tail(target, key))


def merge_document(doc: CommentedMap, article: dict, claims: list[dict], snapshot: dict | None,
                   source: str | None = None) -> dict:
    """Merge new extraction results into the loaded document in place.

    `source` is the article's text now: when it is given and the article changed since the
    snapshot (or the snapshot does not say), spans are carried to where their words are now
    (`reanchor`). Returns counts: {"added": n, "updated": n, "kept_deleted": n, "moved": n,
    "removed": [ids], "marked": [ids]} (removed: machine-made claims whose words are gone;
    marked: the reviewer's claims whose words are gone, kept with a comment).
    """
    stats = {"added": 0, "updated": 0, "kept_deleted": 0, "moved": 0, "removed": [], "marked": []}
    base_claims = (snapshot or {}).get("claims", {}) if snapshot else None
    base_article = (snapshot or {}).get("article") if snapshot else None
    if not isinstance(doc.get("article"), dict):
        doc["article"] = CommentedMap()
    _merge_fields(doc["article"], article, base_article)
    seq = doc.get("claims")
    if not isinstance(seq, list):
        seq = CommentedSeq()
        doc["claims"] = seq
    unedited: set[str] | None = None
    machine_spans: set[str] = set()
    if source is not None and not (snapshot and snapshot.get("source_sha256") == sha256(source)):
        shift = reanchor.Shift([*seq, *(base_claims or {}).values()], source)
        if base_claims is not None:
            base_claims = reanchor.carry_base(base_claims, source, shift, snapshot.get("context"))
        stats["moved"] = reanchor.carry_ours(seq, snapshot and snapshot.get("claims"), base_claims, source, shift)
        if base_claims is not None:
            reanchor.renumber_repeats(claims, base_claims)
            mine = [c for c in seq if isinstance(c, dict) and str(c.get("id")) in base_claims]
            unedited = {str(c.get("id")) for c in mine if plain(c) == plain(base_claims[str(c.get("id"))])}
            machine_spans = {str(c.get("id")) for c in mine if plain(c.get("span")) == plain(base_claims[str(c.get("id"))].get("span"))}
    by_id = {str(c.get("id")): c for c in seq if isinstance(c, dict) and c.get("id") is not None}
    if base_claims is not None:
        _rekey(claims, base_claims, by_id)
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
        elif base_claims is not None and _covered_by_reviewer(claim, seq, base_claims):
            stats["kept_deleted"] += 1         # the reviewer's own claim already says it
        else:
            _insert_in_order(seq, claim_map(claim))
            stats["added"] += 1
    if source is not None and (unedited is not None or base_claims is None):
        stats.update(reanchor.settle(seq, source, unedited or set(), machine_spans))
    return stats


def _covered_by_reviewer(claim: dict, seq, base_claims: dict) -> bool:
    """Has the reviewer added a claim (not in base) of the same kind at this spot?"""
    span = _span(claim)
    if span is None:
        return False
    for item in seq:
        if not isinstance(item, dict) or str(item.get("id")) in base_claims or item.get("kind") != claim.get("kind"):
            continue
        other = _span(item)
        if other is None or min(span[1], other[1]) <= max(span[0], other[0]):
            continue
        if claim.get("kind") == "role" and str(item.get("entity")) != str(claim.get("entity")):
            continue
        return True
    return False


def _span(item) -> tuple[int, int] | None:
    span = item.get("span") if isinstance(item, dict) else None
    try:
        return int(span[0]), int(span[1])
    except (TypeError, ValueError, IndexError, KeyError, OverflowError):
        return None


def _rekey(claims: list[dict], base_claims: dict, by_id: dict) -> None:
    """Give a new claim the id of the vanished claim whose spot it covers (in place)."""
    new_ids = {c["id"] for c in claims}
    gone = [(cid, b) for cid, b in base_claims.items() if cid not in new_ids and _span(b) is not None]
    pairs = []
    for k, claim in enumerate(claims):
        if claim["id"] in base_claims or claim["id"] in by_id or _span(claim) is None:
            continue
        s, e = _span(claim)
        for cid, b in gone:
            bs, be = _span(b)
            overlap = min(e, be) - max(s, bs)
            if b.get("kind") == claim.get("kind") and overlap > 0:
                pairs.append((-overlap, k, cid))
    used_claims, used_ids = set(), set()
    for _, k, cid in sorted(pairs):
        if k in used_claims or cid in used_ids:
            continue
        used_claims.add(k)
        used_ids.add(cid)
        claims[k]["id"] = cid


def _span_start(item) -> int:
    span = item.get("span") if isinstance(item, dict) else None
    try:
        return int(span[0])
    except (TypeError, ValueError, IndexError, KeyError, OverflowError):
        return -1


def _insert_in_order(seq: CommentedSeq, item: CommentedMap) -> None:
    """Insert before the first claim that starts later (spanless claims are skipped over).

    The comment lines above that later claim are kept on the claim before it (ruamel's
    layout): they move to the end of the inserted claim, so they stay above the claim they are
    about."""
    start = _span_start(item)
    for i, other in enumerate(seq):
        other_start = _span_start(other)
        if other_start > start:
            prev = seq[i - 1] if i > 0 else None
            seq.insert(i, item)
            if isinstance(prev, CommentedMap) and len(prev) and len(item):
                _move_lines(_tail(prev, list(prev.keys())[-1]), _tail(item, list(item.keys())[-1]))
            return
    seq.append(item)


def remove_claim(seq: CommentedSeq, item) -> None:
    """Remove a claim from the file, keeping the comment lines around it: those above it and those
    ruamel keeps after its last field (above the next claim) stay above the claim that follows."""
    i = next(k for k, other in enumerate(seq) if other is item)
    entry = seq.ca.items.get(i)
    lines = [t.value for t in (entry[1] if entry and len(entry) > 1 and entry[1] else [])]
    if isinstance(item, CommentedMap) and len(item):
        token = _get(_tail(item, list(item.keys())[-1]))
        if token is not None:
            lines.append(_split(token.value)[1])
    text = "".join(line if line.endswith("\n") else line + "\n" for line in lines if line.strip())
    del seq[i]
    comments = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if not comments:
        return
    if i < len(seq):                       # above the claim that takes its place
        slot = seq.ca.items.setdefault(i, [None, None, None, None])
        while len(slot) < 2:
            slot.append(None)
        slot[1] = [CommentToken(c + "\n", CommentMark(2), None) for c in comments] + (slot[1] or [])
    elif i > 0 and isinstance(seq[i - 1], CommentedMap) and len(seq[i - 1]):   # it was the last claim
        prev = seq[i - 1]
        _add(_tail(prev, list(prev.keys())[-1]), "\n" + "".join("  " + c + "\n" for c in comments),
             CommentToken("\n", CommentMark(2), None))


def remove_field(target: CommentedMap, key) -> None:
    """Remove one field, keeping the comments that follow it (`_remove`)."""
    if key in target:
        _remove(target, key)
