"""The corpus: every loaded claim file and reference file, with the shared name normaliser."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field

from claimcheck.load.files import ClaimFile, ReferenceFile, discover, load_file
from claimcheck.normalize import Normalizer


@dataclass
class Corpus:
    files: list[ClaimFile] = field(default_factory=list)
    references: list[ReferenceFile] = field(default_factory=list)
    normalizer: Normalizer = field(default_factory=Normalizer)

    @property
    def all_files(self) -> list:
        return [*self.files, *self.references]

    def claims(self, kind: str | None = None) -> Iterator:
        for claim_file in self.files:
            for claim in claim_file.claims:
                if kind is None or claim.kind == kind:
                    yield claim

    @property
    def tenures(self) -> list:
        return [t for ref in self.references if ref.model is not None for t in ref.model.tenures]

    @property
    def exclusive_roles(self) -> list[str]:
        return [r for ref in self.references if ref.model is not None for r in ref.model.exclusive_roles]

    @property
    def claim_count(self) -> int:
        return sum(len(f.claims) for f in self.files)


def load_corpus(paths: list[str], reference_paths: list[str] = ()) -> Corpus:
    """Load every YAML file under `paths`; reference files found there or in `reference_paths`."""
    corpus = Corpus()
    checked = discover(paths)
    seen = {os.path.realpath(p) for p in checked}
    extra = [p for p in discover(list(reference_paths)) if os.path.realpath(p) not in seen]
    for path in checked:
        _add(corpus, load_file(path))
    for path in extra:
        loaded = load_file(path)
        if isinstance(loaded, ReferenceFile):
            _add(corpus, loaded)
    for reference in corpus.references:
        if reference.model is not None:
            for canonical, others in reference.model.aliases.items():
                corpus.normalizer.add_alias(canonical, others)
    return corpus


def _add(corpus: Corpus, loaded) -> None:
    if isinstance(loaded, ReferenceFile):
        corpus.references.append(loaded)
    else:
        corpus.files.append(loaded)
