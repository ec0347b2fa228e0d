"""Who held which role when, from the reference tenures: what `anachronism` and `role-conflict` ask.

A public helper for rules that judge titles (`TenureIndex`).

Tenure dates are partial dates, i.e. intervals, and a role claim's date is one too. So every
question has three answers: certainly, certainly not, or cannot tell; the rules flag only the
certain ones. For one tenure we keep four days:

* `earliest`..`latest`: the days on which the person *may* have held the role (start.start ..
  end.end; an unknown start or a tenure still running leaves that side open);
* `sure_from`..`sure_to`: the days on which they *certainly* held it for at least part of the
  day (start.end .. end.start). On the first and last of those days someone else may also have
  held it for part of the day (inaugurations are at noon), so "certainly in office, and nobody
  else" means strictly between them.

A reference file may say how far it can be trusted (`reference: verified`, `complete_from`):
a tenure still running is certain only up to `verified` (someone may have taken over since), and
a role's tenures judge titles dated within the file's window only: before `complete_from` a
person may have held the role in a tenure the file does not list, after `verified` in a new one.
Without those keys a file is trusted at every date.

Roles, entities and aliases are compared through the corpus normaliser; an entity matches a
tenure's when the names may be the same person (`same_name`: "Putin" is "Vladimir Putin").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from claimcheck.dates import DateInterval, shift
from claimcheck.model import reference_place
from claimcheck.normalize import same_name

OPEN_START, OPEN_END = dt.date.min, dt.date.max


@dataclass(frozen=True, slots=True)
class Span:
    """One tenure as days (see the module docstring)."""

    tenure: object
    entity: str  # normalised key
    earliest: dt.date
    latest: dt.date
    sure_from: dt.date | None  # None: unknown start, never certain
    sure_to: dt.date

    @classmethod
    def of(cls, tenure, entity_key: str) -> Span:
        start, end = tenure.start, tenure.end
        _complete_from, verified = file_window(tenure)
        return cls(
            tenure,
            entity_key,
            earliest=start.start if start else OPEN_START,
            latest=end.end if end else OPEN_END,
            sure_from=start.end if start else None,
            sure_to=end.start if end else (verified or OPEN_END),
        )

    def may_hold(self, when: DateInterval) -> bool:
        return self.earliest <= when.end and when.start <= self.latest

    def describe(self) -> str:
        return f"{self.tenure.describe()} ({reference_place(self.tenure.path or '?')}:{self.tenure.line})"


def file_window(tenure) -> tuple[dt.date | None, dt.date | None]:
    """(complete_from, verified) of the reference file a tenure is in, as days (None: not given)."""
    data = tenure.file.data if tenure.file is not None else None
    info = data.reference if data is not None else None
    if info is None:
        return None, None
    return (info.complete_from.start if info.complete_from else None, info.verified.start if info.verified else None)


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Why the reference says a title is wrong: the tenures that say so, for the message."""

    reason: str  # "not-held" | "other-holder" | "in-office" | "not-yet" | "never-yet" | "no-holder"
    own: tuple  # the person's own tenures in the role
    holders: tuple  # others certainly in the role at that date
    first_days: tuple = ()  # "no-holder": (the day the reference is complete from, the role's first tenure's)
    read_as: str | None = None  # the covered office a bare title was read as

    def explain(self, entity: str) -> str:
        """The "but ..." half of a message: what the reference says instead."""
        said = self._explain(entity)
        if self.read_as and not self.own:  # a bare current title of an office never held
            return f"read as {self.read_as} (the one office of that title the reference has, never {entity}'s), {said}"
        if self.read_as:
            return f"read as {self.read_as} (the office of that title the reference has {entity} in), {said}"
        return said

    def _explain(self, entity: str) -> str:
        own = "; ".join(span.describe() for span in self.own)
        holders = "; ".join(span.describe() for span in self.holders)
        if self.reason == "in-office":
            return f"but was still in office then: the reference has {own}"
        if self.reason == "not-yet":
            return f"but had not yet held it then: the reference has {own}"
        if self.reason == "never-yet":
            return f"but had not held it by then: the reference has {own}"
        if self.reason == "no-holder":
            complete_from, first = self.first_days
            return f"but the reference, complete from {complete_from}, has nobody in the role before {first}"
        if self.reason == "not-held":
            text = f"but did not hold it then: the reference has {entity} in it only {_periods(self.own)} ({_places(self.own)})"
            return text + (f"; at that date the holder was {holders}" if holders else "")
        return f"but at that date the reference has {holders}, and the role has one holder at a time"


def _places(spans: Iterable[Span]) -> str:
    """`path:4, 6` for the tenures' lines, grouped by file."""
    lines: dict[str, list[str]] = {}
    for span in spans:
        lines.setdefault(reference_place(span.tenure.path or "?"), []).append(str(span.tenure.line))
    return "; ".join(f"{path}:{', '.join(numbers)}" for path, numbers in lines.items())


def _periods(spans: Iterable[Span]) -> str:
    return " and ".join(f"{s.tenure.start or '?'}..{s.tenure.end or 'present'}" for s in spans)


# Words that make a title another office, or no office now: not read off a bare title.
_QUALIFIERS = frozenset({"vice", "deputy", "acting", "interim", "assistant", "under", "associate", "junior", "shadow", "crown", "first"})
_TITLE_HEDGES = re.compile(
    r"\b(?:late|elect|designate|nominee|candidate|hopeful|would-be|incoming|outgoing|future|presumptive)\b", re.I
)
_JOINERS = frozenset({"of", "the", "and", "for"})
# Last words of a bare title that name an office of state ("Vice President", "House Speaker"), not
# a job anyone may have ("director", "leader", "chief").
_OFFICE_HEADS = frozenset({"president", "minister", "premier", "chancellor", "secretary", "speaker", "king", "queen",
                           "emperor", "monarch", "justice"})
# Words of an office's name that say which office, not whose: what is left names the country or body.
_OFFICE_WORDS = _JOINERS | _OFFICE_HEADS | _QUALIFIERS | {"prime", "general", "foreign", "defence", "defense", "state",
                                                         "chief", "crown", "prince", "chairperson", "chairman"}


def _jurisdiction(role_key: str) -> frozenset:
    """The country or body of an office, as the words its name has besides the office's:
    'vice president of the united states' and 'united states secretary of state' -> {united, states}."""
    return frozenset(role_key.split()) - _OFFICE_WORDS


def _titles_of(words: list[str]) -> Iterator[str]:
    """The bare titles a role's spelling contains: before its "of" ("President of Russia":
    "president"), and after a qualifier-free prefix ("Russian Foreign Minister": "foreign minister")."""
    if "of" in words and words.index("of") > 0:
        yield " ".join(words[: words.index("of")])
    for cut in range(1, len(words)):
        prefix, rest = words[:cut], words[cut:]
        if rest[0] in _JOINERS or prefix[-1] in _JOINERS or _QUALIFIERS & set(prefix):
            continue
        yield " ".join(rest)


class TenureIndex:
    """The reference tenures by role key, plus the set of exclusive role keys."""

    def __init__(self, corpus, extra_exclusive: Iterable[str] = ()):
        key = corpus.normalizer.key
        self.key = key
        self.by_role: dict[str, list[Span]] = defaultdict(list)
        seen = set()
        for tenure in corpus.tenures:
            role, entity = key(tenure.role), key(tenure.entity)
            same = (role, entity, str(tenure.start), str(tenure.end))
            if role and entity and same not in seen:  # one tenure listed in two reference files
                seen.add(same)
                self.by_role[role].append(Span.of(tenure, entity))
        configured = [*corpus.exclusive_roles, *extra_exclusive]
        self.exclusive: set[str] = set(self.by_role) | {key(role) for role in configured if key(role)}
        self._window = {role: _window(spans) for role, spans in self.by_role.items()}
        self._coverage = {role: _coverage(spans, *self._window[role]) for role, spans in self.by_role.items()}
        self._judged: dict[int, Contradiction | None] = {}
        self._splits: dict[tuple, tuple] = {}
        self.normalizer = corpus.normalizer
        self._titles: dict[str, set[str]] | None = None
        self._offices_of: dict[str, tuple] = {}  # entity key -> (role, tenure) of every office it held

    def judge_claim(self, claim) -> Contradiction | None:
        """`judge` for a role claim at its date (memoised: corpus rules ask once per pair)."""
        if id(claim) not in self._judged:
            self._judged[id(claim)] = self._verdict(claim)
        return self._judged[id(claim)]

    def _verdict(self, claim) -> Contradiction | None:
        when = claim.when
        if when is None:
            return None
        entity, role = self.key(claim.entity), self.key(claim.role)
        verdicts = []
        for meant in self.roles_meant(entity, role, claim.text, claim.status, when, own_voice=claim.attribution is None,
                                      dated=claim.as_of is not None):
            if claim.status == "then" and claim.as_of is None:
                verdict = self.judge_then_undated(entity, meant, when)
            else:
                verdict = self.judge(entity, meant, claim.status, when)
            if verdict is None:
                return None  # right for one of the offices the title may mean
            verdicts.append(verdict if meant == role else dataclasses.replace(verdict, read_as=self.by_role[meant][0].tenure.role))
        return verdicts[0] if verdicts else None

    def roles_meant(self, entity_key: str, role_key: str, text: str = "", status: str = "former", when: DateInterval | None = None,
                    own_voice: bool = True, dated: bool = False) -> tuple[str, ...]:
        """The covered roles a title names: itself when covered; for a bare title ("President",
        "Foreign Minister") given as `former`, the covered offices of that title the reference has
        this person in ("former President Putin" in 2010: President of Russia, and he was in
        office). A bare title given as current is left unjudged when the person ever held an
        office of that title: news writes "under President Bush" and "Secretary Clinton" of people
        long out of office. It is judged when the person held an office of that title only
        later ("President Joe Biden" in 2019: no style names people by titles they have yet to
        hold), in the article's own voice (`own_voice`: not in a quotation), or when the title names one office of state the reference covers, which the person
        never held, while certainly holding another office of the same country: "Vice President
        Donald Trump" while he was president. Dated by `as_of` (`dated`: "Prime Minister Matteo
        Renzi said on Thursday", in the article's own voice), a bare current title is no style for
        the past: it is read as the offices of that title the person held, as `former` is. A
        surname alone, or a title with words around it that change what it means ("the late",
        "-elect"), is never judged."""
        if role_key in self.by_role:
            return (role_key,)
        if len(entity_key.split()) < 2 or _TITLE_HEDGES.search(text or ""):
            return ()
        offices = self._bare_titles().get(role_key, ())
        if status == "former":
            return tuple(sorted(office for office in offices if self._split(entity_key, office)[0]))
        if status == "current" and when is not None and offices and own_voice:
            # An office of that title the person held only later: "President Joe Biden" in 2019.
            later = [office for office in offices if (own := self._split(entity_key, office)[0])
                     and all(when.end < s.earliest for s in own)]
            if later:
                return tuple(sorted(later))
            if dated:
                held = [office for office in offices if self._split(entity_key, office)[0]]
                if held:
                    return tuple(sorted(held))
        if status == "current" and when is not None and offices and role_key.split()[-1] in _OFFICE_HEADS:
            # Only an office of the country (or body) the person certainly serves then is meant.
            where = self._serving_in(entity_key, when)
            meant = [office for office in offices if _jurisdiction(office) in where]
            if len(meant) == 1 and not self._split(entity_key, meant[0])[0]:
                return (meant[0],)
        return ()

    def _serving_in(self, entity_key: str, when: DateInterval) -> set[frozenset]:
        """The countries (or bodies) whose offices the reference has the person certainly in
        throughout `when`: "Vice President Donald Trump" while President of the United States
        can only mean that country's; a British "Secretary of State" is no American one."""
        spans = self._offices_of.get(entity_key)
        if spans is None:
            spans = self._offices_of[entity_key] = tuple(
                (role, s) for role, group in self.by_role.items() for s in group if same_name(entity_key, s.entity))
        return {_jurisdiction(role) for role, s in spans
                if s.sure_from is not None and s.sure_from < when.start and when.end < s.sure_to and _jurisdiction(role)}

    def _bare_titles(self) -> dict[str, set[str]]:
        """Bare title -> the covered roles it is the title of, from every spelling of each role:
        "president" from "President of Russia", "foreign minister" from "Russian Foreign Minister"
        (never "president" from "US Vice President": a qualifier like "vice" changes the office)."""
        if self._titles is None:
            titles: dict[str, set[str]] = defaultdict(set)
            spellings = self.normalizer.spellings()
            for role in self.by_role:
                for name in spellings.get(role, {role}):
                    for title in _titles_of(name.split()):
                        titles[title].add(role)
            self._titles = dict(titles)
        return self._titles

    def judge_then_undated(self, entity_key: str, role_key: str, published: DateInterval) -> Contradiction | None:
        """A then-title with no `as_of` points at some moment up to publication: wrong only if
        the person's tenures all begin after it (someone the reference does not list may have
        held the role before the reference begins)."""
        own = tuple(s for s in self.by_role.get(role_key, ()) if same_name(entity_key, s.entity))
        complete_from, _verified = self._window.get(role_key, (None, None))
        if own and complete_from is None and all(s.earliest > published.end for s in own):
            return Contradiction("never-yet", own, ())
        return None

    def covers(self, role_key: str) -> bool:
        return role_key in self.by_role

    def judge(self, entity_key: str, role_key: str, status: str, when: DateInterval) -> Contradiction | None:
        """The contradiction when the tenures say the title is certainly wrong at `when`, else None."""
        if not entity_key or role_key not in self.by_role:
            return None
        own, others = self._split(entity_key, role_key)
        if status == "former":
            return self._judge_former(own, role_key, when)
        if own:  # current / then: held at `when`
            if any(s.may_hold(when) for s in own):
                return None
            if self._judgeable(role_key, when) or _covered(others, when):
                return Contradiction("not-held", own, _sure_holders(others, when))
            return None
        # Not in the reference for this role: wrong only if someone else surely held it throughout,
        # or nobody did yet (the role's first tenure begins later, in a file complete from before).
        if _covered(others, when):
            return Contradiction("other-holder", (), _sure_holders(others, when))
        complete_from, _verified = self._window[role_key]
        first = min(s.earliest for s in others) if others else OPEN_START
        if complete_from is not None and complete_from <= when.start and when.end < first:
            return Contradiction("no-holder", (), (), (complete_from, first))
        return None

    def _judgeable(self, role_key: str, when: DateInterval) -> bool:
        """Whether `when` lies in the window the role's files vouch for (module docstring)."""
        complete_from, verified = self._window[role_key]
        return (complete_from is None or complete_from <= when.start) and (verified is None or when.end <= verified)

    def _split(self, entity_key: str, role_key: str) -> tuple[tuple, tuple]:
        """The role's tenures of this person, and of everyone else (memoised per name and role)."""
        found = self._splits.get((entity_key, role_key))
        if found is None:
            spans = self.by_role[role_key]
            own = tuple(s for s in spans if same_name(entity_key, s.entity))
            found = self._splits[(entity_key, role_key)] = (own, tuple(s for s in spans if s not in own))
        return found

    def _judge_former(self, own: tuple, role_key: str, when: DateInterval) -> Contradiction | None:
        # Someone the reference never lists may have held it before the reference begins.
        if not own or not self._within(role_key, when):
            return None
        first_possible = min(s.earliest for s in own)
        if when.end < first_possible:
            return Contradiction("not-yet", own, ())
        # "former" is possibly right on any day after their first possible start that is not
        # strictly inside a tenure; wrong only if no such day lies in `when`.
        low = max(when.start, first_possible)
        inside = [(shift(s.sure_from, 1), shift(s.sure_to, -1)) for s in own if s.sure_from is not None and s.sure_to > s.sure_from]
        if _interval_covered(inside, low, when.end):
            return Contradiction("in-office", tuple(s for s in own if s.may_hold(when)), ())
        return None

    def _within(self, role_key: str, when: DateInterval) -> bool:
        """Whether `when` lies in the period the reference covers for the role."""
        first, last = self._coverage[role_key]
        return first <= when.start and when.end <= last

    def handover_between(self, role_key: str, low: dt.date, high: dt.date) -> bool:
        """Whether a tenure of the role may start or end in low..high (a change of holder)."""
        for span in self.by_role.get(role_key, ()):
            start, end = span.tenure.start, span.tenure.end
            if start and start.start <= high and low <= start.end:
                return True
            if end and end.start <= high and low <= end.end:
                return True
        return False

    def sure_holders(self, role_key: str, when: DateInterval) -> tuple:
        return _sure_holders(self.by_role.get(role_key, ()), when)

    def surely_held_throughout(self, role_key: str, when: DateInterval) -> bool:
        return _covered(self.by_role.get(role_key, ()), when)

    def may_hold_both(self, role_a: str, role_b: str, when: DateInterval) -> bool:
        """Whether one person may have held both roles on some day of `when` (per the tenures)."""
        for a in self.by_role.get(role_a, ()):
            if not a.may_hold(when):
                continue
            for b in self.by_role.get(role_b, ()):
                if same_name(a.entity, b.entity) and b.may_hold(when) and a.earliest <= b.latest and b.earliest <= a.latest:
                    return True
        return False


def _window(spans: list[Span]) -> tuple[dt.date | None, dt.date | None]:
    """The days every file giving the role's tenures vouches for: (latest complete_from, earliest verified)."""
    windows = [file_window(s.tenure) for s in spans]
    starts = [first for first, _last in windows if first is not None]
    ends = [last for _first, last in windows if last is not None]
    return (max(starts) if starts else None, min(ends) if ends else None)


def _coverage(spans: list[Span], complete_from: dt.date | None, verified: dt.date | None) -> tuple[dt.date, dt.date]:
    """The period the reference covers for a role: the window where given, else its tenures' span."""
    known_starts = [s.earliest for s in spans if s.sure_from is not None]
    first = complete_from or (min(known_starts) if known_starts else OPEN_START)
    return first, verified or max(s.latest for s in spans)


def _sure_holders(spans: Iterable[Span], when: DateInterval) -> tuple:
    return tuple(s for s in spans if s.sure_from is not None and s.sure_from <= when.end and when.start <= s.sure_to)


def _covered(spans: Iterable[Span], when: DateInterval) -> bool:
    """Whether every day of `when` lies in some tenure's certain days."""
    certain = [(s.sure_from, s.sure_to) for s in spans if s.sure_from is not None]
    return _interval_covered(certain, when.start, when.end)


def _interval_covered(pieces: list[tuple[dt.date, dt.date]], low: dt.date, high: dt.date) -> bool:
    """Whether the closed day ranges `pieces` together cover every day of low..high."""
    reached = low  # first day not yet known to be covered
    for start, end in sorted(pieces):
        if start > reached:
            break
        if end >= reached:
            if end >= high:
                return True
            reached = shift(end, 1)
    return False
