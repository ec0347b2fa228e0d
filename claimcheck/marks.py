"""Where things are in a claim file: (line, column) of a node by its path, stored compactly.

One `Marks` per claim, per tenure and per article block holds the positions of that node and of
its fields (and of their items: `("attribution", "source")`, `("ignore", 0)`), relative to the
node. Positions are 1-based. They are packed into one array of ints, because a corpus of a million
claims cannot afford a dictionary of tuples per claim; a lookup walks a dozen entries, and only
findings ask.
"""

from __future__ import annotations

from array import array

_CODES: dict[tuple, int] = {(): 0}  # relative path -> small int, shared by every file of a run
_PATHS: list[tuple] = [()]


def _code(path: tuple) -> int:
    code = _CODES.get(path)
    if code is None:
        code = _CODES[path] = len(_PATHS)
        _PATHS.append(path)
    return code


class Marks:
    """Positions of one node and its descendants, by path relative to the node."""

    __slots__ = ("_data",)

    def __init__(self, entries: dict[tuple, tuple[int, int]] | None = None) -> None:
        data = array("i")
        for path, (line, column) in (entries or {}).items():
            data.extend((_code(path), line, column))
        self._data = data

    def get(self, path: tuple = ()) -> tuple[int, int] | None:
        """The position recorded for `path` exactly, or None."""
        code = _CODES.get(tuple(path))
        if code is None:
            return None
        data = self._data
        for i in range(0, len(data), 3):
            if data[i] == code:
                return data[i + 1], data[i + 2]
        return None

    def find(self, path: tuple) -> tuple[int, int] | None:
        """The position of `path`, else of its nearest recorded ancestor (aliases, merged keys)."""
        path = tuple(path)
        while path:
            found = self.get(path)
            if found is not None:
                return found
            path = path[:-1]
        return self.get(())

    def __reduce__(self):  # pickled as paths, since codes are per process
        return (Marks, ({_PATHS[self._data[i]]: (self._data[i + 1], self._data[i + 2]) for i in range(0, len(self._data), 3)},))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Marks) and self.__reduce__()[1] == other.__reduce__()[1]

    def __hash__(self) -> int:
        return hash(self._data.tobytes())

    def __repr__(self) -> str:
        return f"Marks({self.__reduce__()[1][0]!r})"


NO_MARKS = Marks()
