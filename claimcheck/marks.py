"""Where things are in a claim file: (line, column) of a node by its path, stored compactly.

One `Marks` per claim, per tenure and per article block holds the positions of that node's
fields (and of their items: `("attribution", "source")`, `("ignore", 0)`), relative to the node.
Positions are 1-based. They are packed into one array of ints (a small code for the path, the
line, the column), because a corpus of a million claims cannot afford a dictionary of tuples per
claim; a lookup walks a dozen entries, and only findings ask.

Only the paths the claims format defines are kept (`register`, called by `claimcheck.model`), so
a code means the same path in every process: marks pickle as the plain array they are (parallel
loading, the cache). An unknown field's position is reported when the file is loaded, so it need
not be kept.
"""

from __future__ import annotations

from array import array

_CODES: dict[tuple, int] = {}
_PATHS: list[tuple] = []


def register(paths) -> None:
    """Give these relative paths their codes (once, at import, for the format's fields)."""
    for path in paths:
        path = tuple(path)
        if path not in _CODES:
            _CODES[path] = len(_PATHS)
            _PATHS.append(path)


def code_of(path: tuple) -> int | None:
    """The code of a path the format defines, else None (not kept)."""
    return _CODES.get(path)


class Marks(array):
    """Positions of one node's descendants, by path relative to the node: [code, line, column]*."""

    __slots__ = ()

    def __new__(cls, entries: dict[tuple, tuple[int, int]] | list[int] | None = None):
        if isinstance(entries, dict):
            flat: list[int] = []
            for path, (line, column) in entries.items():
                code = _CODES.get(tuple(path))
                if code is not None:
                    flat += (code, line, column)
            entries = flat
        return super().__new__(cls, "i", entries or ())

    def get(self, path: tuple = ()) -> tuple[int, int] | None:
        """The position recorded for `path` exactly, or None."""
        code = _CODES.get(tuple(path))
        if code is None:
            return None
        try:
            i = 3 * self[0::3].index(code)  # the codes, searched in C
        except ValueError:
            return None
        return self[i + 1], self[i + 2]

    def find(self, path: tuple) -> tuple[int, int] | None:
        """The position of `path`, else of its nearest recorded ancestor (aliases, merged keys)."""
        path = tuple(path)
        while path:
            found = self.get(path)
            if found is not None:
                return found
            path = path[:-1]
        return None

    def items(self) -> dict[tuple, tuple[int, int]]:
        return {_PATHS[self[i]]: (self[i + 1], self[i + 2]) for i in range(0, len(self), 3)}

    def __hash__(self) -> int:  # immutable by convention (records are), so usable as a default
        return hash(self.tobytes())

    def __repr__(self) -> str:
        return f"Marks({self.items()!r})"


NO_MARKS = Marks()
