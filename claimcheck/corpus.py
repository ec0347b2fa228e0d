"""The corpus: every loaded claim file and reference file, with the shared name normaliser.

Claims are indexed by kind once, so rules that ask for the figures do not walk every claim.

claimcheck ships reference files of its own (`claimcheck/data/reference/`, docs/reference-data.md):
heads of state and government and foreign and defence ministers since 1990. They stand in for a
project's references only where those are silent: a role any project reference gives tenures for
is judged by the project's tenures alone, and the project's aliases win over the built-in ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from claimcheck.load import discover, load_file
from claimcheck.model import ClaimFile, ReferenceFile, Tenure, is_builtin_reference
from claimcheck.normalize import Normalizer


@dataclass(eq=False)
class Corpus:
    files: list[ClaimFile] = field(default_factory=list)
    references: list[ReferenceFile] = field(default_factory=list)
    normalizer: Normalizer = field(default_factory=Normalizer)
    rule_names: frozenset = frozenset()  # names and codes of every installed rule (set by the engine)
    read_roots: list[str] | None = None  # where rules may read files (article texts): the project root, article-roots
    selected_rules: frozenset = frozenset()  # names and codes of the rules this run runs (set by the session)
    suppressions: list = field(default_factory=list)  # (claim, ignore entry) that suppressed a finding: for LAST rules
    claim_index: dict | None = field(default=None, repr=False)  # (path, claim id) -> claim (claimcheck.runner)
    article_ids: dict = field(default_factory=dict)  # article id -> the claim files that give it
    _by_kind: dict | None = field(default=None, repr=False)
    _tenures: list | None = field(default=None, repr=False)

    @classmethod
    def of(cls, loaded: Iterable[ClaimFile | ReferenceFile]) -> Corpus:
        """A corpus of loaded files, its normaliser fed with the references' aliases."""
        corpus = cls()
        for item in loaded:
            (corpus.references if isinstance(item, ReferenceFile) else corpus.files).append(item)
        for claim_file in corpus.files:
            if claim_file.article_id:
                corpus.article_ids.setdefault(claim_file.article_id, []).append(claim_file)
        # Built-in references first, so that a project's aliases override theirs.
        for reference in sorted(corpus.references, key=lambda ref: not is_builtin_reference(ref.path)):
            if reference.data is not None:
                for canonical, others in reference.data.aliases.items():
                    corpus.normalizer.add_alias(canonical, others)
                for canonical, others in reference.data.metrics.items():
                    corpus.normalizer.add_metrics(canonical, others)
        return corpus

    @property
    def all_files(self) -> list:
        """Claim files, then reference files: what the `file` scope rules see."""
        return [*self.files, *self.references]

    def claims(self, kind: str | None = None) -> Iterator:
        if kind is None:
            for claim_file in self.files:
                yield from claim_file.claims
            return
        if self._by_kind is None:
            self._by_kind = {}
            for claim_file in self.files:
                for claim in claim_file.claims:
                    self._by_kind.setdefault(claim.kind, []).append(claim)
        yield from self._by_kind.get(kind, ())

    @property
    def tenures(self) -> list[Tenure]:
        """The project's tenures, then the built-in ones of roles the project gives none for."""
        if self._tenures is None:
            key = self.normalizer.key
            own = [t for ref in self.references if not is_builtin_reference(ref.path) for t in ref.tenures]
            covered = {key(t.role) for t in own}
            builtin = [t for ref in self.references if is_builtin_reference(ref.path) for t in ref.tenures if key(t.role) not in covered]
            self._tenures = own + builtin
        return self._tenures

    @property
    def exclusive_roles(self) -> list[str]:
        return [r for ref in self.references if ref.data is not None for r in ref.data.exclusive_roles]

    @property
    def claim_count(self) -> int:
        return sum(len(f.claims) for f in self.files)


def corpus_paths(paths: list[str], reference_paths: Iterable[str] = (), **discovery) -> tuple[list[str], list[str]]:
    """(files to check, extra files that may be references): discovered (`discover`'s options:
    root, exclude, gitignore), each real file once."""
    seen: set[str] = set()
    checked = discover(paths, seen=seen, **discovery)
    return checked, discover(list(reference_paths), seen=seen, **discovery)


def load_corpus(paths: list[str], reference_paths: Iterable[str] = ()) -> Corpus:
    """Load every YAML file under `paths`; reference files found there or in `reference_paths`."""
    checked, extra = corpus_paths(paths, reference_paths)
    loaded = [load_file(path) for path in checked]
    loaded += [item for item in map(load_file, extra) if isinstance(item, ReferenceFile)]
    return Corpus.of(loaded)
