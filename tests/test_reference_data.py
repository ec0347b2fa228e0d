"""claimcheck's own reference files (claimcheck/data/reference/): sound data, and how they judge.

The data tests hold every built-in file to what docs/reference-data.md promises (valid, one
holder at a time, a window of trust, aliases that name one thing); the behaviour tests write
small projects and check them through the session, as a user would.
"""

from __future__ import annotations

import itertools

import pytest

from claimcheck.config import Config
from claimcheck.load import load_file
from claimcheck.model import ReferenceFile, builtin_reference_paths
from claimcheck.normalize import name_key
from claimcheck.session import Session

BUILTIN = builtin_reference_paths()
# Titles that exist in many countries: an alias like these would judge every "President" by one office.
BARE_TITLES = {
    "president", "prime minister", "premier", "chancellor", "king", "queen", "emperor", "foreign minister",
    "defence minister", "defense minister", "secretary of state", "foreign secretary", "defence secretary",
    "secretary general", "acting president", "crown prince", "vice president", "speaker", "house speaker",
    "speaker of the house", "speaker of the house of representatives", "chief justice", "supreme court chief justice",
}  # fmt: skip


def test_there_are_builtin_references():
    assert len(BUILTIN) >= 3


@pytest.mark.parametrize("path", BUILTIN, ids=lambda p: p.rsplit("/", 1)[-1])
def test_builtin_file_loads_cleanly_with_a_window(path):
    loaded = load_file(path)
    assert isinstance(loaded, ReferenceFile)
    assert loaded.problems == []
    info = loaded.data.reference
    assert info.verified is not None and info.complete_from is not None
    assert loaded.tenures


@pytest.mark.parametrize("path", BUILTIN, ids=lambda p: p.rsplit("/", 1)[-1])
def test_builtin_roles_have_one_holder_at_a_time(path):
    loaded = load_file(path)
    by_role = {}
    for tenure in loaded.tenures:
        by_role.setdefault(name_key(tenure.role), []).append(tenure)
    for role, tenures in by_role.items():
        tenures.sort(key=lambda t: t.start.start)
        for tenure in tenures:
            assert tenure.start is not None, f"{role}: {tenure.entity} has no start"
            if tenure.end is not None:
                assert tenure.start.start <= tenure.end.end, f"{role}: {tenure.entity} ends before it starts"
        for earlier, later in itertools.pairwise(tenures):
            assert earlier.end is not None, f"{role}: {earlier.entity} is still in office, but {later.entity} follows"
            # A handover day belongs to both; anything longer is two holders at once.
            assert earlier.end.start <= later.start.end, f"{role}: {earlier.entity} and {later.entity} overlap"


def test_builtin_aliases_name_one_thing_and_no_bare_title():
    canonical_of = {}
    for path in BUILTIN:
        for canonical, others in load_file(path).data.aliases.items():
            for other in others:
                key = name_key(other)
                assert key not in BARE_TITLES, f"{path}: {other!r} is a bare title"
                previous = canonical_of.setdefault(key, name_key(canonical))
                assert previous == name_key(canonical), f"{other!r} is an alias of both {previous!r} and {canonical!r}"


# --- how they judge ---------------------------------------------------------------------------------


def _check(tmp_path, claims: str, reference: str | None = None, **config):
    (tmp_path / "claims").mkdir(exist_ok=True)
    (tmp_path / "claims" / "a.yaml").write_text(claims)
    if reference is not None:
        (tmp_path / "claims" / "reference").mkdir(exist_ok=True)
        (tmp_path / "claims" / "reference" / "offices.yaml").write_text(reference)
    session = Session.open(config=Config(root=tmp_path, **config), select=["anachronism", "role-conflict"])
    return session.check([str(tmp_path / "claims")]).findings


ARTICLE_2024 = """\
article: {id: a, published: 2024-03-01}
claims:
  - {id: pm, kind: role, text: Prime Minister Boris Johnson, entity: Boris Johnson, role: British Prime Minister}
"""


def test_builtin_reference_judges_a_title_when_the_project_has_none(tmp_path):
    findings = _check(tmp_path, ARTICLE_2024)
    assert [f.rule for f in findings] == ["anachronism"]
    assert "claimcheck's reference" in findings[0].message
    assert "site-packages" not in findings[0].message


def test_a_project_reference_for_the_role_replaces_the_builtin_one(tmp_path):
    project = """\
reference: {id: offices}
tenures:
  - {entity: Boris Johnson, role: Prime Minister of the United Kingdom, start: 2019-07-24, end: null}
"""
    assert _check(tmp_path, ARTICLE_2024, project) == []


def test_builtin_reference_can_be_turned_off(tmp_path):
    assert _check(tmp_path, ARTICLE_2024, builtin_reference=False) == []


def test_titles_after_the_verified_day_are_not_judged(tmp_path):
    later = ARTICLE_2024.replace("2024-03-01", "2031-03-01")
    assert _check(tmp_path, later) == []


def test_a_suspended_president_still_holds_the_office(tmp_path):
    claims = """\
article: {id: a, published: 2025-01-15}
claims:
  - {id: yoon, kind: role, text: impeached President Yoon Suk Yeol, entity: Yoon Suk Yeol, role: South Korean President}
  - {id: choi, kind: role, text: acting President Choi Sang-mok, entity: Choi Sang-mok, role: South Korea's acting president}
  - {id: roh, kind: role, text: t, entity: Roh Moo-hyun, role: South Korean President, status: then, as_of: 2004-04}
"""
    # Yoon was suspended, not removed, and Roh kept the office through his suspension of 2004.
    assert _check(tmp_path, claims) == []


def test_the_office_before_its_first_holder(tmp_path):
    claims = """\
article: {id: a, published: 2024-03-01}
claims:
  - {id: ru, kind: role, text: t, entity: Ivan Petrov, role: Russian President, status: then, as_of: 1990-06}
"""
    findings = _check(tmp_path, claims)
    assert len(findings) == 1 and "has nobody in the role before 1991" in findings[0].message


def test_the_us_speaker_and_chief_justice_are_judged(tmp_path):
    claims = """\
article: {id: a, published: 2016-08-16}
claims:
  - {id: cj, kind: role, text: t, entity: John Roberts, role: U.S. Chief Justice, status: former}
  - {id: sp, kind: role, text: t, entity: Mitch McConnell, role: US House Speaker}
"""
    findings = _check(tmp_path, claims)
    assert sorted(c.id for f in findings for c in f.claims) == ["cj", "sp"]
    right = claims.replace("Mitch McConnell", "Paul Ryan").replace(", status: former", "")
    assert _check(tmp_path, right) == []


def test_the_reference_command_lists_claimcheck_own_offices_too(tmp_path, monkeypatch, capsys):
    from claimcheck.cli import main

    monkeypatch.chdir(tmp_path)   # no project, no reference file of its own
    assert main(["reference"]) == 0
    listed = capsys.readouterr().out
    assert "President of the United States" in listed and "claimcheck's reference" in listed
    assert main(["reference", "--no-builtin-reference"]) == 0
    assert "President of the United States" not in capsys.readouterr().out
