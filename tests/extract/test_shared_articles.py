"""Every shared article extracts into claim files that the core loads cleanly.

The seeds, the devset-real articles and the whole archive (about 450 texts,
a minute or so with two processes) are extracted into a temporary folder and
checked with the checker's own `syntax` and `schema` rules: what the
extractor writes is the claims format, and no claim was left out as invalid.
"""
from __future__ import annotations

import pytest

from claimcheck.config import Config
from claimcheck.session import Session
from tests.conftest import SHARED

ARTICLE_SETS = {
    "seeds": SHARED / "corpus" / "seeds",
    "devset-real": SHARED / "devset-real" / "articles",
    "archive": SHARED / "corpus" / "archive",
}

pytestmark = pytest.mark.skipif(
    not all((folder / "articles.yaml").is_file() for folder in ARTICLE_SETS.values()),
    reason=f"the shared articles are not in {SHARED} (../shared beside the repository, or set $CLAIMCHECK_SHARED)")


@pytest.mark.parametrize("name", list(ARTICLE_SETS))
def test_every_shared_article_extracts_into_valid_claim_files(name, run_extract, tmp_path, capsys):
    folder = ARTICLE_SETS[name]
    articles = sorted(folder.glob("*.txt"))
    out = tmp_path / "claims"
    assert run_extract("--jobs", "2", "--meta", folder / "articles.yaml", "-o", out, *articles) == 0
    err = capsys.readouterr().err
    assert "warning" not in err, err                # no draft failed validation
    assert len(list(out.glob("*.yaml"))) == len(articles)
    findings = Session.open(config=Config(root=tmp_path), select=["syntax", "schema"]).check([str(out)]).findings
    assert findings == [], "\n".join(f"{f.path}:{f.line}: {f.rule}: {f.message}" for f in findings[:20])
