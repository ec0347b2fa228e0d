"""New claim files: the YAML language server's modeline comes first; a reviewed file keeps its own head."""
from __future__ import annotations

from claimcheck.extract.meta import read_article
from claimcheck.extract.output import write_claim_file
from claimcheck.model import schema_modeline
from tests.extract.test_hostile_articles import BODY, FRONT, claims_for


def test_a_new_claim_file_starts_with_the_modeline(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'desk'\n", encoding="utf-8")
    (tmp_path / "berths.md").write_text(FRONT + BODY, encoding="utf-8")
    article = read_article(tmp_path / "berths.md")
    path, _ = write_claim_file(article, claims_for(article), tmp_path / "claims")
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == schema_modeline(tmp_path / "claims") and first.startswith("# yaml-language-server: $schema=../.claimcheck/")
    path.write_text("# the desk's own header\n" + "\n".join(path.read_text(encoding="utf-8").splitlines()[1:]) + "\n",
                    encoding="utf-8")
    write_claim_file(article, claims_for(article), tmp_path / "claims")
    assert path.read_text(encoding="utf-8").startswith("# the desk's own header\n# Claims extracted")
