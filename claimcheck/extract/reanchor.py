"""Re-extraction after the article was corrected: spans follow their words.

A claim's `span` is an offset into the article; when an editor corrects the article (a word
changed, a paragraph added), the offsets of everything after the change move. Before the merge
(`merge.merge_document`), the claims of the file on disk (ours) and of the snapshot (base) are
carried into the new text:

* a claim whose span still holds its text stays where it is;
* a claim whose text is elsewhere in the new article moves to it: where the text occurs more than
  once, to the occurrence whose surroundings are most like those the snapshot recorded
  (`context`: 40 characters each side), then to the one nearest to where its old position now
  lies (the offsets of claims whose text occurs once, before it, tell how far the text moved);
* a claim whose text is gone keeps a predicted span (its old position, moved the same way) for
  the merge to find the claim the new extraction gives at that spot (`merge._rekey`: "13,000"
  corrected to "13,500" is the same figure re-read).

The span of ours is moved exactly as base's when the reviewer did not touch it (so the field
still counts as untouched and follows the extractor), else by its own text. Repeats of one text
("5 percent" twice) get ids in text order (`-2`); when a new repeat appears before them, the
ids follow the claims by position (`renumber_repeats`), not by their rank in the text.

After the merge (`settle`), a claim whose span does not hold its text is never left pointing at
the wrong words: a machine-made claim the reviewer never edited is removed (the new extraction
gave whatever is there now); a claim the reviewer edited or added is kept, as theirs, and marked
with a comment (`NOTE`) for them to check, without the span extract had given it (a span the
reviewer wrote stays: theirs).
"""
from __future__ import annotations

import bisect
from collections import defaultdict

NOTE = "claimcheck extract: this text is no longer in the article; check this claim"
MIN_ANCHOR = 12            # texts shorter than this are too common to say where the text moved
CONTEXT = 40               # characters kept on each side of a claim's span in the snapshot


def span_of(item) -> tuple[int, int] | None:
    span = item.get("span") if isinstance(item, dict) else None
    try:
        start, end = int(span[0]), int(span[1])
    except (TypeError, ValueError, IndexError, KeyError, OverflowError):
        return None
    return (start, end) if 0 <= start <= end else None


def holds(item, source: str) -> bool:
    span, text = span_of(item), item.get("text") if isinstance(item, dict) else None
    return span is not None and isinstance(text, str) and source[span[0]:span[1]] == text


def _occurrences(source: str, text: str, limit: int = 1000) -> list[int]:
    out, k = [], source.find(text)
    while k >= 0 and len(out) < limit:
        out.append(k)
        k = source.find(text, k + 1)
    return out


class Shift:
    """Where old offsets lie in the new text, learnt from claims whose text occurs once."""

    def __init__(self, items, source: str):
        pairs = {}
        for item in items:
            span, text = span_of(item), item.get("text") if isinstance(item, dict) else None
            if span is None or not isinstance(text, str) or len(text) < MIN_ANCHOR:
                continue
            if source[span[0]:span[1]] == text:
                pairs[span[0]] = span[0]
                continue
            found = _occurrences(source, text, limit=2)
            if len(found) == 1:
                pairs.setdefault(span[0], found[0])
        self.old = sorted(pairs)
        self.new = [pairs[k] for k in self.old]

    def __call__(self, old: int) -> int:
        """`old` moved as the nearest anchor before it moved (else the first one after it)."""
        if not self.old:
            return old
        k = bisect.bisect_right(self.old, old) - 1
        k = max(k, 0)
        return old + self.new[k] - self.old[k]


def context(source: str, span) -> list[str]:
    """The words around a span, as the snapshot keeps them (to find the span again after an edit)."""
    start, end = span
    return [source[max(0, start - CONTEXT):start], source[end:end + CONTEXT]]


def _likeness(source: str, start: int, end: int, around) -> int:
    """How many characters around [start, end) are as they were (`around`: before, after)."""
    before, after = around
    new_before, new_after = source[max(0, start - len(before)):start], source[end:end + len(after)]
    n = 0
    while n < len(before) and n < len(new_before) and before[-1 - n] == new_before[-1 - n]:
        n += 1
    m = 0
    while m < len(after) and m < len(new_after) and after[m] == new_after[m]:
        m += 1
    return n + m


def carry(item, source: str, shift: Shift, around=None) -> tuple[tuple[int, int] | None, bool]:
    """(the span of `item` in the new text, whether it holds the item's text there). Among
    several places the text now occurs, the one whose surroundings are most like `around` (the
    snapshot's `context`), then the one nearest to where the old position now lies."""
    span, text = span_of(item), item.get("text") if isinstance(item, dict) else None
    if span is None or not isinstance(text, str):
        return span, False
    if source[span[0]:span[1]] == text and (around is None or _likeness(source, *span, around) == sum(map(len, around))):
        return span, True
    predicted = shift(span[0])
    found = _occurrences(source, text) if text else []
    if found:
        def rank(k):
            like = _likeness(source, k, k + len(text), around) if around is not None else 0
            return (-like, abs(k - predicted), k)
        start = min(found, key=rank)
        return (start, start + len(text)), True
    width = span[1] - span[0]
    start = min(max(predicted, 0), len(source))
    return (start, min(start + width, len(source))), False


def carry_base(base_claims: dict, source: str, shift: Shift, contexts: dict | None = None) -> dict:
    """The snapshot's claims with their spans in the new text (`contexts`: the snapshot's)."""
    out = {}
    for cid, claim in base_claims.items():
        around = (contexts or {}).get(cid)
        if not (isinstance(around, list) and len(around) == 2 and all(isinstance(x, str) for x in around)):
            around = None
        span, _found = carry(claim, source, shift, around)
        out[cid] = dict(claim, span=list(span)) if span is not None and span_of(claim) != span else claim
    return out


def carry_ours(seq, base_claims: dict | None, moved_base: dict | None, source: str, shift: Shift) -> int:
    """Move the spans of the file's claims into the new text, in place; returns how many moved."""
    moved = 0
    for item in seq:
        if not isinstance(item, dict) or span_of(item) is None:
            continue
        cid = str(item.get("id"))
        base = base_claims.get(cid) if base_claims is not None else None
        if base is not None and span_of(item) == span_of(base) and item.get("text") == base.get("text"):
            new = span_of(moved_base[cid])                     # untouched: moved as base's
        else:
            new, found = carry(item, source, shift)
            if not found:
                continue                                       # theirs, and gone: settle() marks it
        if new is not None and new != span_of(item):
            item["span"][0], item["span"][1] = new
            moved += 1
    return moved


def renumber_repeats(claims: list[dict], moved_base: dict) -> None:
    """Among new claims of one kind and text, give each the id of the snapshot's claim of that
    kind and text at the same spot, so edits stay with the words they were made on (in place)."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for claim in claims:
        groups[(claim.get("kind"), claim.get("text"))].append(claim)
    at: dict[tuple, str] = {}
    for cid, base in moved_base.items():
        span = span_of(base)
        if span is not None:
            at[(base.get("kind"), base.get("text"), span)] = cid
    all_ids = {c["id"] for c in claims}
    for key, members in groups.items():
        if not any(c["id"] in moved_base for c in members):
            continue
        pool = [c["id"] for c in members]
        wanted = {}
        for claim in members:
            cid = at.get((*key, span_of(claim)))
            if cid is not None and cid not in wanted.values() and (cid in pool or cid not in all_ids):
                wanted[id(claim)] = cid
        if not wanted or all(claim["id"] == wanted.get(id(claim), claim["id"]) for claim in members):
            continue
        taken = set(wanted.values())
        free = [cid for cid in pool if cid not in taken]
        for claim in members:
            claim["id"] = wanted.get(id(claim)) or free.pop(0)


def settle(seq, source: str, unedited: set[str], machine_spans: set[str]) -> dict:
    """After the merge: remove machine-made claims left off their words, mark the reviewer's.

    `unedited`: ids of claims the reviewer never touched; `machine_spans`: ids of claims whose
    span is still the one extract wrote (a marked claim loses it: it would point at other words;
    a span the reviewer wrote stays, theirs)."""
    from .merge import remove_claim, remove_field

    removed, marked = [], []
    for item in list(seq):
        if not isinstance(item, dict) or span_of(item) is None or not isinstance(item.get("text"), str) or holds(item, source):
            continue
        cid = str(item.get("id"))
        if cid in unedited:
            remove_claim(seq, item)
            removed.append(cid)
            continue
        if cid in machine_spans:
            remove_field(item, "span")
        if _mark(item):
            marked.append(cid)
    return {"removed": removed, "marked": marked}


def _mark(item) -> bool:
    """Add NOTE as an end-of-line comment on `text:` (after the reviewer's own, if any); False if there."""
    entry = item.ca.items.get("text") if hasattr(item, "ca") else None
    token = entry[2] if entry and len(entry) > 2 else None
    if token is not None:
        if NOTE in token.value:
            return False
        head, sep, rest = token.value.partition("\n")
        token.value = f"{head.rstrip()}  # {NOTE}{sep or chr(10)}{rest}"
        return True
    item.yaml_add_eol_comment(NOTE, "text")
    return True
