"""Corpus rules stay linear: what one finding relates is bounded however many claims agree."""

from __future__ import annotations

from claimcheck.config import Config
from claimcheck.findings import MAX_RELATED
from claimcheck.session import Session


def test_two_holders_of_a_role_with_hundreds_of_claims_relate_at_most_the_cap(tmp_path):
    reference = "reference: {id: r}\nexclusive_roles: [Mayor of Springfield]\n"
    (tmp_path / "reference.yaml").write_text(reference, encoding="utf-8")
    claims = "".join(
        f"  - {{id: c{i}, kind: role, text: Mayor Ann Lee, entity: Ann Lee, role: Mayor of Springfield}}\n" for i in range(350)
    )
    claims += "  - {id: other, kind: role, text: Mayor Bo Park, entity: Bo Park, role: Mayor of Springfield}\n"
    (tmp_path / "a.yaml").write_text(f"article: {{id: a, published: 2024-05-01}}\nclaims:\n{claims}", encoding="utf-8")
    session = Session.open(config=Config(root=tmp_path), select=["role-conflict"])
    findings = session.check([str(tmp_path)]).findings
    assert len(findings) == 1
    assert len(findings[0].related) <= MAX_RELATED
    assert "more claims say so than the" in findings[0].message
