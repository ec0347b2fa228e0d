"""Stable claim ids: built from what a claim says, never from its offsets.

The same claim extracted again gets the same id (so a re-run can find the
person's edited copy of it), and ids stay readable: `figure-60-people`,
`quote-air-bad-many-weeks-but`, `role-antony-blinken-secretary-state`.
Repeats in one article get -2, -3 in text order.
"""
from __future__ import annotations

import re

from .claims import Draft

_STOP = {"the", "a", "an", "of", "to", "in", "on", "and", "at", "for", "by", "with", "that", "is", "was"}


def _slug(text: str, words: int) -> str:
    text = re.sub(r"(?<=\d)[,.](?=\d)", "", text)          # 13,000 -> 13000
    tokens = re.findall(r"[a-z0-9]+", text.lower().replace("’", "'").replace("'", ""))
    keep = [w for w in tokens if w not in _STOP][:words] or tokens[:words]
    return "-".join(keep)[:48].strip("-")


def base_id(claim: Draft) -> str:
    f = claim.fields
    if claim.kind == "figure":
        text_slug = _slug(claim.text, 5)
        value = _slug(str(f.get("value")), 1)
        return "figure-" + (text_slug if value in text_slug.split("-") else _slug(f"{value} {claim.text}", 5))
    if claim.kind == "quote":
        return "quote-" + _slug(f.get("quote", claim.text), 5)
    if claim.kind == "role":
        return "role-" + _slug(f"{f.get('entity')} {f.get('role')}", 6)
    if claim.kind == "event":
        date = f.get("date")
        date_s = date if isinstance(date, str) else (f"{date['start']}" if isinstance(date, dict) else "undated")
        return "event-" + _slug(f"{date_s} {f.get('subject', claim.text)}", 6)
    return f"{claim.kind}-" + _slug(claim.text, 6)


def assign_ids(claims: list[Draft]) -> None:
    counts: dict[str, int] = {}
    for claim in sorted(claims, key=lambda c: (c.start, c.end, c.kind)):
        base = base_id(claim) or claim.kind
        counts[base] = counts.get(base, 0) + 1
        claim.id = base if counts[base] == 1 else f"{base}-{counts[base]}"
