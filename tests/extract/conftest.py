"""Shared fixtures for the extraction tests.

Tests that need the spaCy pipeline use the `nlp` fixture (or the
`requires_model` marker) and are skipped when spaCy or an English
pipeline is not installed.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SHARED

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "harbor-bridge.md"


@pytest.fixture(scope="session")
def example() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared() -> Path:
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    pytest.importorskip("spacy")
    from claimcheck.extract.nlp import ModelNotFound, load_model
    try:
        return load_model()
    except ModelNotFound as exc:
        pytest.skip(str(exc))


@pytest.fixture
def claims_of(nlp):
    """The claims `extract` makes of a made-up article text (published on a Friday by default)."""
    import datetime as dt

    from claimcheck.extract.meta import ArticleText
    from claimcheck.extract.pipeline import extract_claims

    def _claims(text: str, published: dt.date = dt.date(2024, 5, 10), title: str = "") -> list:
        meta = {"id": "t", "published": published, **({"title": title} if title else {})}
        return extract_claims(ArticleText(Path("t.txt"), text, 0, meta), nlp(text))
    return _claims


@pytest.fixture
def run_extract(nlp):
    """Run `claimcheck extract` in-process; returns the exit code."""
    from claimcheck.extract.command import main

    def _run(*argv: str) -> int:
        return main([str(a) for a in argv])
    return _run
