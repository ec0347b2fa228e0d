#!/usr/bin/env python3
"""Regenerate reports/ from this repository's claims, in every output format.

    .venv/bin/python scripts/make_reports.py            # from anywhere; writes <repo>/reports/

reports/claims.md is the report for people (GitHub renders its tables, links to the YAML lines
and Mermaid charts); the others show what CI gets: SARIF for code scanning, JUnit XML for test
dashboards, GitHub workflow commands, JSON and the plain text lines. Findings do not stop the
script (--exit-zero); a claimcheck that cannot do its job (exit 2) does.

The Markdown report quotes the article texts the claims' `article.source` names (here the seed
articles in ../shared, as CI has them): where they cannot be read, the report has no excerpts and
differs from CI's, so the script says so.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUTPUTS = {
    "markdown": "claims.md",
    "sarif": "claims.sarif",
    "junit": "claims.junit.xml",
    "github": "claims.github.txt",
    "json": "claims.json",
    "text": "claims.txt",
}


def main() -> int:
    sys.path.insert(0, str(REPO))
    from claimcheck.cli import main as claimcheck

    os.chdir(REPO)  # paths in the reports are relative to the repository, as in CI
    os.environ.pop("GITHUB_STEP_SUMMARY", None)  # the github format must not append to a job summary here
    (REPO / "reports").mkdir(exist_ok=True)
    _warn_unreadable_articles()
    for fmt, name in OUTPUTS.items():
        output = os.path.join("reports", name)
        pretty = ["--pretty"] if fmt == "json" else []
        code = claimcheck(["check", "--format", fmt, "--output", output, "--exit-zero", "--quiet", "--no-cache", *pretty])
        if code != 0:
            print(f"make_reports: claimcheck --format {fmt} failed (exit {code})", file=sys.stderr)
            return code
        print(f"wrote {output}")
    return 0


def _warn_unreadable_articles() -> None:
    from claimcheck.reading import read_article
    from claimcheck.session import Session

    corpus = Session.open().load()
    missing = []
    for claim_file in corpus.files:
        article = claim_file.article
        if article is not None and article.source:
            text, why_not = read_article(claim_file.path, article.source, corpus.read_roots)
            if text is None:
                missing.append(f"{claim_file.path}: {why_not}")
    if missing:
        print("make_reports: warning: these articles cannot be read, so reports/claims.md quotes none of them", file=sys.stderr)
        print("make_reports: (CI has ../shared beside the checkout: run this where it is too)", file=sys.stderr)
        for line in missing:
            print(f"  {line}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
