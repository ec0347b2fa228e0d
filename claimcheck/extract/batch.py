"""Extraction over many articles: in this process, or on `--jobs N` worker processes.

An article's whole job -- its parse, its claims, their validation, the merge with a reviewed
claim file and the atomic writes -- runs in the process that parses it: only the article (in)
and a small `Outcome` (out) cross a process boundary, never a parsed Doc (which is what made
`nlp.pipe(n_process=N)` slower than one process: every Doc was serialised back to the main
process, which then built and wrote the claims alone). Workers are forked from the process that
loaded the pipeline, so it is loaded once; where `fork` is not available they are spawned and
each loads it once. Articles go to workers in small batches (`nlp.pipe` batches within one), in
order, and outcomes come back in article order. `claimcheck.extract.cluster` runs the same
`extract_batch` on a Dask cluster.
"""
from __future__ import annotations

import multiprocessing
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck.atomic import AtomicWriteError

from .meta import ArticleText, BadInput

BATCH_ARTICLES = 8          # articles per task handed to a worker
BATCH_CHARS = 60_000        # ... or fewer when they are long


@dataclass
class Outcome:
    """What became of one article."""

    article: str                         # the article file, as given
    claim_file: str | None = None        # the claim file written (None on error)
    kinds: dict = field(default_factory=dict)   # claims written, per kind
    messages: list = field(default_factory=list)   # warnings, one line each
    error: str | None = None             # why no claim file was written (one line)


def extract_one(article: ArticleText, doc, out_dir: Path) -> Outcome:
    """Claims of one parsed article, validated, merged and written (see `output.write_claim_file`)."""
    from .claims import checked_claims
    from .output import write_claim_file
    from .pipeline import extract_claims

    outcome = Outcome(str(article.path))
    try:
        claims = checked_claims(extract_claims(article, doc), article.meta["id"], warn=outcome.messages.append)
    except Exception as exc:   # an extractor bug must not cost the other articles their claim files
        outcome.error = (f"{article.path}: extraction failed (an extractor bug; please report it): "
                         f"{type(exc).__name__}: {exc}")
        return outcome
    try:
        path, _stats = write_claim_file(article, claims, out_dir, warn=outcome.messages.append)
    except (OSError, BadInput, AtomicWriteError) as exc:
        outcome.error = str(exc) if not isinstance(exc, OSError) else f"{article.path}: {exc.strerror or exc}"
        return outcome
    except Exception as exc:   # a merge bug on an odd claim file: its article only, never a traceback
        outcome.error = (f"{article.path}: writing its claim file failed (a bug; please report it): "
                         f"{type(exc).__name__}: {exc}")
        return outcome
    outcome.claim_file = str(path)
    outcome.kinds = dict(Counter(c["kind"] for c in claims))
    return outcome


def extract_batch(nlp, articles: Sequence[ArticleText], out_dir: Path) -> Iterator[Outcome]:
    """`extract_one` for each article, parsed together (`pipeline.parse`), in order."""
    from .pipeline import parse

    for article, doc in zip(articles, parse(nlp, (a.body for a in articles))):
        yield extract_one(article, doc, out_dir)


def tasks(articles: Sequence[ArticleText]) -> list[list[ArticleText]]:
    """Consecutive articles in batches of at most BATCH_ARTICLES articles or about BATCH_CHARS characters."""
    out: list[list[ArticleText]] = []
    size = 0
    for article in articles:
        if not out or len(out[-1]) >= BATCH_ARTICLES or size + len(article.body) > BATCH_CHARS:
            out.append([])
            size = 0
        out[-1].append(article)
        size += len(article.body)
    return out


# --- worker processes -----------------------------------------------------------------------
def available_cores() -> int:
    import os

    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


_WORKER: dict = {}   # the pipeline of this worker process (inherited when forked)


def _init_spawned(model: str | None) -> None:
    from .nlp import load_model

    _WORKER["nlp"] = load_model(model)


def _work(job: tuple[list[ArticleText], str]) -> list[Outcome]:
    batch, out_dir = job
    return list(extract_batch(_WORKER["nlp"], batch, Path(out_dir)))


def run(nlp, articles: Sequence[ArticleText], out_dir: Path, jobs: int = 1, model: str | None = None) -> Iterator[Outcome]:
    """Outcomes of every article, in order: in this process (jobs 1, or a single batch), else on
    `jobs` worker processes. `model` is the pipeline's name, for spawned workers to load."""
    batches = tasks(articles)
    if jobs <= 1 or len(batches) < 2:
        yield from extract_batch(nlp, articles, out_dir)
        return
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and sys.platform.startswith("linux"):
        context, initializer, initargs = multiprocessing.get_context("fork"), None, ()
        _WORKER["nlp"] = nlp                    # forked workers inherit the loaded pipeline
    else:   # pragma: no cover - macOS and Windows: each worker loads it once
        context, initializer, initargs = multiprocessing.get_context("spawn"), _init_spawned, (model,)
    try:
        with context.Pool(min(jobs, len(batches)), initializer=initializer, initargs=initargs) as pool:
            for outcomes in pool.imap(_work, [(batch, str(out_dir)) for batch in batches]):
                yield from outcomes
    finally:
        _WORKER.pop("nlp", None)
