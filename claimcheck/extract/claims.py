"""The in-memory claim record every extractor produces."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

KINDS = ("figure", "event", "quote", "role", "statement")


@dataclass
class Claim:
    kind: str
    start: int                 # absolute offsets into the article file text
    end: int
    text: str
    fields: dict[str, Any] = field(default_factory=dict)   # kind-specific, spec order
    id: str = ""

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)
