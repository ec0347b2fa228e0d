"""Per-article state shared by the extractors: the parse, names, salience.

Offsets: spaCy parses only the article body; `absolute()` maps a character
position in the parsed body back into the full file text (front matter
included), which is what claim spans refer to.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from claimcheck.normalize import name_key

from .dates import DateMention, find_dates
from .doc_index import Intervals, NameIndex, ent_at
from .lexicon import DESCRIPTOR_WORDS, FEMININE_NAMES, FEMININE_WORDS, MASCULINE_NAMES, MASCULINE_WORDS, NAME_TITLES, TITLE_WORDS
from .meta import ArticleText
from .story import body_start_token

_NAME_JUNK = re.compile(r"[\[\]()“”\"]|[’']s$")
_BROKEN_HYPHEN = re.compile(r"\b([A-Z])-([a-z]{2,})")   # "C-harap": a line-break artifact


HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof"}   # as name keys (no dots)
# Titles and occupations the entity recogniser sometimes takes into a person's name ("Historian
# Len Warde"): the lexicon's, but for titles that are part of how a person is named ("Sheikh").
_TITLES_BEFORE_NAMES = (TITLE_WORDS | DESCRIPTOR_WORDS) - NAME_TITLES


def clean_name(text: str) -> str:
    """'[US President Joe] Biden' -> 'Joe Biden'; drops possessive and brackets."""
    words = [_NAME_JUNK.sub("", w).strip(",;:") for w in _BROKEN_HYPHEN.sub(r"\1\2", text).split()]
    name = " ".join(w for w in words if w)
    return name[:-1] if name.endswith(".") and not re.search(r"\b[A-Z]\.$", name) else name


def untitled(name: str) -> str:
    """'Historian Len Warde' -> 'Len Warde': an occupation the entity recogniser took into a
    person's name (only before two or more name words: "Coach Carter" stays)."""
    first, _, rest = name.partition(" ")
    if first.lower() in _TITLES_BEFORE_NAMES and first[:1].isupper() and len(rest.split()) >= 2:
        return rest
    return name


def word_keys(name: str) -> list[str]:
    """The words of a name as name keys (`claimcheck.normalize.name_key`: case, accents and
    punctuation aside; "&" is no word). A hyphenated surname stays one word: resolving who a
    surname names, "Zuma" is not "Nkosazana Dlamini-Zuma"."""
    return [key for key in map(name_key, name.split()) if key]


@dataclass
class ArticleContext:
    article: ArticleText
    doc: object                      # spacy Doc of the body
    published: object = None         # datetime.date or None
    dates: list[DateMention] = field(default_factory=list)
    quote_regions: list[tuple[int, int]] = field(default_factory=list)   # absolute
    roles_by_person: dict[str, str] = field(default_factory=dict)
    titled: list[tuple[int, str, str]] = field(default_factory=list)     # (pos, person, role)
    extra_roles: list = field(default_factory=list)    # roles found while resolving speakers
    speech_verbs: set = field(default_factory=set)     # token indexes of verbs that introduce a quote
    _salience: list[tuple[int, str]] = field(default_factory=list)
    _depth: dict = field(default_factory=dict)        # salience position -> clause depth
    _mentions: list[tuple[int, str]] = field(default_factory=list)    # every person named
    _names: list[str] = field(default_factory=list)
    _name_index: NameIndex | None = None
    _genders: dict | None = None                  # full name -> "f"/"m" the article's words give
    _quote_index: Intervals | None = None
    _ents: list | None = field(default=None, repr=False)
    _body_start: int | None = field(default=None, repr=False)

    @classmethod
    def build(cls, article: ArticleText, doc) -> ArticleContext:
        ctx = cls(article=article, doc=doc, published=article.published)
        ctx.dates = find_dates(article.body, article.body_start)
        # longest first; names of one length in order of first mention (never set order, which
        # changes with the string hash seed from run to run)
        people = dict.fromkeys(untitled(clean_name(e.text)) for e in doc.ents if e.label_ == "PERSON")
        ctx._names = sorted(people, key=len, reverse=True)
        return ctx

    @property
    def body_start(self) -> int:
        """The first token after the dateline ("WASHINGTON (Reuters) - "): no name, subject,
        source or claim text reaches into it (computed once per article)."""
        if self._body_start is None:
            self._body_start = body_start_token(self.doc, self.article.body)
        return self._body_start

    @property
    def ents(self) -> list:
        """The parse's entities, built once (spaCy makes new spans at every `doc.ents`)."""
        if self._ents is None:
            self._ents = list(self.doc.ents)
        return self._ents

    def ent_of(self, tok):
        """The entity the token is part of, or None."""
        if not tok.ent_type_:
            return None
        return ent_at(self.doc, tok.i)

    def index_people(self) -> None:
        """Salient people for pronoun resolution: named subjects outside quotes.

        Called once the quote regions are known (names inside quotes are the
        speaker's words, not who the text is about).
        """
        for ent in self.ents:
            if ent.label_ == "PERSON" and not self.in_quote(self.absolute(ent.start_char)):
                self._mentions.append((self.absolute(ent.start_char), self.full_name(clean_name(ent.text))))
        for tok in self.doc:
            if tok.dep_ not in ("nsubj", "nsubjpass", "appos") or self.in_quote(self.absolute(tok.idx)):
                continue
            if tok.ent_type_ == "PERSON":
                ent = self.ent_of(tok)
                name = clean_name(ent.text) if ent is not None else tok.text
            elif tok.pos_ == "PROPN" and self.is_known_surname(tok.text):
                name = tok.text
            else:
                continue
            self.note_person(self.absolute(tok.idx), self.full_name(name), depth=clause_depth(tok))

    def is_known_surname(self, word: str) -> bool:
        """Is `word` the surname of a person the article names in full?"""
        key = name_key(clean_name(word))
        return bool(key) and key in self.name_index().surnames

    # ----------------------------------------------------------- offsets
    @property
    def text(self) -> str:
        return self.article.text

    def absolute(self, body_pos: int) -> int:
        return body_pos + self.article.body_start

    def tokens_span(self, tokens) -> tuple[int, int]:
        """Absolute [start, end) of a token sequence, trimmed of edge punctuation."""
        toks = [t for t in tokens if not t.is_space]
        while toks and toks[-1].is_punct and toks[-1].text not in ")]’”\"?%":     # "fell 5%" keeps its sign
            toks.pop()
        while toks and toks[0].is_punct and toks[0].text not in "([“‘\"":
            toks.pop(0)
        if not toks:
            return (0, 0)
        start = min(t.idx for t in toks)
        end = max(t.idx + len(t.text) for t in toks)
        return self.absolute(start), self.absolute(end)

    def slice(self, start: int, end: int) -> str:
        return self.article.text[start:end]

    def char_span(self, start: int, end: int):
        """Tokens covering an absolute span (expanded to token boundaries)."""
        b = self.article.body_start
        return self.doc.char_span(start - b, end - b, alignment_mode="expand")

    def token_at(self, pos: int):
        span = self.char_span(pos, pos + 1)
        return span[0] if span is not None and len(span) else None

    # ----------------------------------------------------------- quotes
    def in_quote(self, pos: int, inner: tuple[int, int] | None = None) -> bool:
        """Is `pos` inside a quotation (other than one containing `inner`)?"""
        for s, e in self.quote_index().containing(pos):
            if inner and s <= inner[0] and inner[1] <= e:
                continue
            return True
        return False

    def quote_index(self) -> Intervals:
        """`quote_regions` for point queries (built once they are known)."""
        if self._quote_index is None or not self._quote_index.fits(self.quote_regions):
            self._quote_index = Intervals(self.quote_regions)
        return self._quote_index

    # ----------------------------------------------------------- names
    def full_name(self, name: str) -> str:
        """Resolve a surname or short form to the fullest PERSON name in the article:
        the longest whose last words are this name's (compared by `word_keys`)."""
        name = untitled(clean_name(name))
        words = word_keys(name)
        if len(words) > 1 and words[0] in HONORIFICS:
            words = words[1:]               # "Ms Hutt" is "Jane Hutt" when the article named her so
        if not words:
            return name
        return self.name_index().longer.get(tuple(words), name)

    def name_index(self) -> NameIndex:
        """`_names` as look-up tables (built once: `full_name` is asked once per mention)."""
        if self._name_index is None or not self._name_index.fits(self._names):
            self._name_index = NameIndex(self._names, word_keys, skip=lambda words: bool(words) and words[0] in HONORIFICS)
        return self._name_index

    def note_person(self, pos: int, name: str, depth: int = 0) -> None:
        """Record a salient mention (subject or speaker) for pronoun resolution.

        `depth` is how many clauses down the mention sits: the subject of a
        main clause (depth 0) outranks a name inside "the notion that X would ...".
        """
        if name:
            bisect.insort(self._salience, (pos, name))
            self._depth[(pos, name)] = min(depth, self._depth.get((pos, name), depth))

    def gender_of(self, name: str) -> str | None:
        """"f", "m" or None: what the article's words next to the person say ("Mrs Keller",
        "spokeswoman Ana Lind", "her husband, Tom Hale"), else their given name."""
        if self._genders is None:
            self._genders = _genders_given(self)
        found = self._genders.get(name)
        if found is None:
            first = name.split()[0].lower() if name.split() else ""
            found = "f" if first in FEMININE_NAMES else "m" if first in MASCULINE_NAMES else None
        return found

    def agrees(self, name: str, pronoun: str | None) -> bool:
        """Can `pronoun` ("he", "she", ...) stand for the person? Unknown genders agree."""
        wanted = _PRONOUN_GENDER.get((pronoun or "").lower())
        return wanted is None or self.gender_of(name) in (None, wanted)

    def last_person_before(self, pos: int) -> str | None:
        """Who 'he'/'she' at `pos` is: the person the text is about.

        The latest named subject or speaker in the pronoun's own sentence,
        else the least embedded one in the sentence before it (the subject of
        its main clause, not a name inside "the notion that X would meet"),
        else the only person that sentence names at all ("a call by Donald
        Trump ... He said"), else the latest named subject or speaker
        anywhere before.
        """
        tok = self.token_at(pos)
        pronoun = tok.lower_ if tok is not None else None
        agrees = lambda name: self.agrees(name, pronoun)   # "she" is not the man named last
        if tok is not None:
            sent = tok.sent
            prev = self.doc[sent.start - 1].sent if sent.start > 0 else None
            windows = [(self.absolute(sent.start_char), pos)]
            if prev is not None:
                windows.append((self.absolute(prev.start_char), self.absolute(prev.end_char)))
            for k, (lo, hi) in enumerate(windows):
                inside = [(p, name) for p, name in self._salience if lo <= p < hi and agrees(name)]
                if inside and k == 0:
                    return inside[-1][1]
                if inside:
                    least = min(self._depth.get(m, 0) for m in inside)
                    return [m[1] for m in inside if self._depth.get(m, 0) == least][-1]
            if prev is not None:
                lo, hi = self.absolute(prev.start_char), self.absolute(prev.end_char)
                names = {name for p, name in self._mentions if lo <= p < hi and agrees(name)}
                if len(names) == 1:
                    return names.pop()
        i = bisect.bisect_left(self._salience, (pos, ""))
        found = next((name for _p, name in reversed(self._salience[:i]) if agrees(name)), None)
        if found is None and pronoun in _PRONOUN_GENDER:
            # "Rosa Delgado met Martin Kohl. ... he added": the one of his gender named, subject or not
            found = next((name for p, name in reversed(self._mentions) if p < pos and agrees(name)), None)
        return found

    def person_with_title(self, title_words: set[str], pos: int) -> tuple[str, str] | None:
        """The named person the article gives this title to, nearest to `pos`."""
        best = None
        for tpos, person, role in self.titled:
            words = {re.sub(r"[’']s$", "", w.lower()).strip(".,") for w in role.split()}
            if title_words & words:
                dist = abs(tpos - pos) + (0 if tpos <= pos else 1)   # earlier wins ties
                if best is None or dist < best[0]:
                    best = (dist, person, role)
        return (best[1], best[2]) if best else None

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        return [d for d in self.dates if start <= d.start and d.end <= end]


_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}


def _genders_given(ctx) -> dict[str, str]:
    """Full name -> "f"/"m" where a word next to a mention says so: an honorific or a gendered
    noun before it or in apposition ("Mrs Keller", "spokeswoman Ana Lind", "his wife, Eva
    Hale"); a name the article gives both is left out."""
    found: dict[str, set[str]] = {}
    for ent in ctx.ents:
        if ent.label_ != "PERSON":
            continue
        near = [ctx.doc[ent.start - 1]] if ent.start > 0 else []
        near += [t for t in ent if t.i == ent.start]          # "Mrs" inside the entity
        root = ent.root
        if root.dep_ == "appos":
            near.append(root.head)
        near += [c for c in root.children if c.dep_ in ("appos", "compound") and not (ent.start <= c.i < ent.end)]
        for word in near:
            low = word.lower_
            gender = "f" if low in FEMININE_WORDS else "m" if low in MASCULINE_WORDS else None
            if gender is not None:
                found.setdefault(ctx.full_name(clean_name(ent.text)), set()).add(gender)
    return {name: genders.pop() for name, genders in found.items() if len(genders) == 1}


_CLAUSE_DEPS = {"relcl", "acl", "advcl", "xcomp", "ccomp", "csubj", "pcomp"}


def clause_depth(tok) -> int:
    """How many clause boundaries lie between `tok` and its sentence root."""
    depth, node = 0, tok
    for _ in range(30):
        if node.head == node:
            break
        depth += node.dep_ in _CLAUSE_DEPS
        node = node.head
    return depth
