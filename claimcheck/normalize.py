"""Names compared the way an editor would: case, accents, punctuation, leading articles, aliases.

`name_key("The U.S. President")` and `name_key("US president")` are both "us president"; the
reference files' aliases then map every spelling onto one canonical key.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache

_LEADING_ARTICLES = ("the ", "a ", "an ")
_NON_WORD = re.compile(r"[^\w]+")
_INITIALS = re.compile(r"\b(\w)\.(?=\w\.)")  # U.S. -> US before punctuation becomes spaces
# A company's legal form ending its name: "Veldmark NV", "Acme Corp.", "JPMorgan Chase & Co" are
# the company outlets also call "Veldmark", "Acme", "JPMorgan Chase".
_LEGAL_FORM = re.compile(r"(?<=\w) (?:inc|incorporated|corp|corporation|co|ltd|limited|plc|llc|lp|nv|bv|ag|sa|se|spa|gmbh|asa|oyj|ab)$")


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Case-, accent-, punctuation- and article-insensitive form of a name, without a company's
    legal form ("Acme Corp" is "acme")."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    folded = folded.replace("’", "'").replace("'s ", " ").replace("'", "")
    folded = _INITIALS.sub(r"\1", folded)
    folded = _NON_WORD.sub(" ", folded).replace("_", " ").strip()
    folded = " ".join(folded.split())
    for article in _LEADING_ARTICLES:
        if folded.startswith(article):
            folded = folded[len(article) :]
            break
    return _LEGAL_FORM.sub("", folded)


# Lower-case words inside a family name ("Ursula von der Leyen", "Ludwig van Beethoven", "Mohammed
# bin Salman"): a name never ends on one, so one that does was cut short.
NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "du", "da", "di", "del", "della", "dos", "das",
                            "la", "le", "bin", "ibn", "al", "el", "ter", "ten", "zu", "y"})


def same_name(a: str, b: str) -> bool:
    """Two normalised name keys that may name the same person or body.

    Equal keys, a shorter key that is the tail of the longer ("putin" / "vladimir putin",
    "defence ministry" / "russian defence ministry"), or the same first and last words up to a
    middle name or initial ("antony blinken" / "antony j blinken"; but where both give middle
    names they must agree: "george w bush" is not "george h w bush"), or a name cut short
    after a particle ("ursula von der" / "ursula von der leyen"). Rules that report a conflict
    between two names use it, so that a surname or a fuller spelling is never a second person.
    """
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = sorted((a.split(), b.split()), key=len)
    if long[-len(short) :] == short:
        return True
    if short[-1] in NAME_PARTICLES and long[: len(short)] == short:
        return True  # "ursula von der" is "ursula von der leyen" cut short
    if short[-1] != long[-1] or not _same_word(short[0], long[0]):
        return False
    if len(short) < 3:  # no middle name on one side: nothing to tell them apart
        return True
    # Both give middle names: they must agree ("George W. Bush" is not "George H. W. Bush").
    middle_short, middle_long = short[1:-1], long[1:-1]
    return len(middle_short) == len(middle_long) and all(map(_same_word, middle_short, middle_long))


def _same_word(a: str, b: str) -> bool:
    """Equal, or one is the initial of the other ("j" / "john")."""
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def surname(key: str) -> str:
    """The last word of a normalised name: names that may be one person share it (`same_name`)."""
    words = key.split()
    return words[-1] if words else ""


@lru_cache(maxsize=1)
def vocabulary_data() -> dict:
    """claimcheck/data/vocabulary.yaml as written: {"metrics": {canonical: [words]}, "cumulative": [...]}."""
    from importlib.resources import files

    import yaml  # a packaged file of ours: PyYAML's safe loader is enough

    return yaml.safe_load(files("claimcheck").joinpath("data/vocabulary.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def vocabulary() -> tuple[dict[str, str], frozenset]:
    """The shipped vocabulary of quantities: synonym key -> canonical metric key, and the
    canonical metrics that are running totals."""
    data = vocabulary_data()
    synonyms = {}
    for canonical, words in data["metrics"].items():
        target = name_key(canonical)
        synonyms[target] = target
        for word in words:
            synonyms.setdefault(name_key(word), target)
    return synonyms, frozenset(name_key(m) for m in data.get("cumulative", []))


class Normalizer:
    """Maps names to canonical keys through the aliases of the reference files; metrics also
    through the vocabulary of quantities (`metric_key`)."""

    def __init__(self, aliases: Mapping[str, Iterable[str]] | None = None):
        self._canonical: dict[str, str] = {}
        self._display: dict[str, str] = {}
        self._keys: dict[str, str] = {}  # text -> key: rules ask for the same subjects and names again and again
        self._metrics: dict[str, str] = {}  # a project's own metric synonyms (reference `metrics:`)
        for canonical, others in (aliases or {}).items():
            self.add_alias(canonical, others)

    def add_metrics(self, canonical: str, others: Iterable[str]) -> None:
        """More words for a quantity (a reference file's `metrics:`), before the shipped ones."""
        target = self.metric_key(canonical)
        for other in others:
            self._metrics[name_key(other)] = target

    def metric_key(self, text: str | None) -> str:
        """The canonical key of a metric: its name key, through the aliases, the project's metric
        synonyms, then the shipped vocabulary ("deaths" and "people killed" are one)."""
        key = self.key(text)
        if key in self._metrics:
            return self._metrics[key]
        return vocabulary()[0].get(key, key)

    def add_alias(self, canonical: str, others: Iterable[str]) -> None:
        self._keys.clear()
        target = self.key(canonical)  # an alias of an alias joins the same group
        self._display.setdefault(target, canonical)
        for other in others:
            other_key = name_key(other)
            if other_key != target:
                self._canonical[other_key] = target

    def key(self, text: str | None) -> str:
        """The canonical key of a name (empty string for None)."""
        if not text:
            return ""
        known = self._keys.get(text)
        if known is not None:
            return known
        key = name_key(text)
        seen = set()
        while key in self._canonical and key not in seen:
            seen.add(key)
            key = self._canonical[key]
        if len(self._keys) < 1_000_000:  # bounded: a corpus of a million distinct names stops memoising
            self._keys[text] = key
        return key

    def spellings(self) -> dict[str, set[str]]:
        """Canonical key -> every name key that resolves to it (itself included)."""
        out: dict[str, set[str]] = {}
        for other in self._canonical:
            out.setdefault(self.key(other), set()).add(other)
        for target in list(out):
            out[target].add(target)
        return out

    def same(self, a: str | None, b: str | None) -> bool:
        return bool(a) and bool(b) and self.key(a) == self.key(b)

    def display(self, text: str) -> str:
        """The canonical spelling of a name, for messages."""
        return self._display.get(self.key(text), text)
