"""Hostile articles, metadata, claim files and snapshots: a clear one-line refusal, never a
traceback, a runaway read or a write somewhere else. The articles are made up here.

Most tests drive the reading and writing layers directly (no spaCy); the command-line ones
that must get past parsing use the `nlp` fixture.
"""
from __future__ import annotations

import json
import os

import pytest

from claimcheck.extract.meta import MAX_ARTICLE_CHARS, BadInput, load_meta_file, read_article
from claimcheck.extract.output import write_claim_file
from claimcheck.extract.snapshot import pending_path, snapshot_path

BODY = "The harbour board approved 300 new berths on Monday, its chair said.\n"
FRONT = "---\nid: harbour-berths\npublished: 2024-03-15\n---\n"
LAUGHS = ("---\n" + 'a: &a ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]\n'
          + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8))
          + "id: *i\n---\n" + BODY)


def claims_for(article) -> list[dict]:
    """Two plain claims on the made-up article, as the extractor would give them."""
    text = article.text
    start = text.index("300 new berths")
    when = text.index("on Monday")
    return [
        {"id": "figure-300-new-berths", "kind": "figure", "text": "300 new berths", "span": [start, start + 14],
         "subject": "harbour board", "metric": "berths approved", "value": 300, "unit": "berths"},
        {"id": "event-2024-03-11-approved", "kind": "event", "text": "approved 300 new berths on Monday",
         "span": [text.index("approved"), when + 9], "subject": "approved", "date": "2024-03-11"},
    ]


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "berths.md"
    path.write_text(FRONT + BODY, encoding="utf-8")
    return read_article(path)


def extract_into(article, out):
    return write_claim_file(article, claims_for(article), out)


# --- articles and front matter ---------------------------------------------------------------

def test_a_20_mb_article_is_refused_by_its_size_unread(tmp_path, capsys):
    from claimcheck.extract.command import main

    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as fh:
        for _ in range(4200):
            fh.write("The tide rose again. " * 240)
    assert big.stat().st_size > 20_000_000
    assert main(["-o", str(tmp_path / "out"), str(big)]) == 2
    err = capsys.readouterr().err
    assert f"at most {MAX_ARTICLE_CHARS:,} characters" in err and "big.txt" in err
    assert "Traceback" not in err and "E088" not in err
    assert not (tmp_path / "out").exists()                   # refused before anything is written


def test_an_article_just_over_the_limit_in_characters(tmp_path, monkeypatch):
    import claimcheck.extract.meta as meta

    monkeypatch.setattr(meta, "MAX_ARTICLE_CHARS", 1000)
    path = tmp_path / "long.txt"
    path.write_text("é" * 1001, encoding="utf-8")            # 2,002 bytes: within the byte bound
    with pytest.raises(BadInput, match="1,001 characters; claimcheck extract reads articles of at most 1,000"):
        read_article(path)


def test_a_fifo_is_not_read(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(BadInput, match="not a regular file"):
        read_article(fifo)


def test_billion_laughs_in_front_matter(tmp_path):
    path = tmp_path / "laughs.md"
    path.write_text(LAUGHS, encoding="utf-8")
    with pytest.raises(BadInput) as info:
        read_article(path)
    message = str(info.value)
    assert message.startswith(f"{path}:") and "alias" in message and "front matter" in message


@pytest.mark.parametrize("nesting", ["flow", "block"])
def test_front_matter_nested_5000_deep(tmp_path, nesting):
    if nesting == "flow":
        front = "id: " + "[" * 5000 + "]" * 5000 + "\n"
    else:
        front = "".join(" " * i + "k:\n" for i in range(300)) + " " * 300 + "k: 1\n"   # 300 deep, 45 kB
    path = tmp_path / "deep.md"
    path.write_text("---\n" + front + "---\n" + BODY, encoding="utf-8")
    with pytest.raises(BadInput, match="nesting deeper than"):
        read_article(path)


def test_front_matter_positions_are_file_lines(tmp_path):
    path = tmp_path / "tagged.md"
    path.write_text("---\ntitle: Harbour\nid: !!python/object:os.system x\n---\n" + BODY, encoding="utf-8")
    with pytest.raises(BadInput) as info:
        read_article(path)
    assert str(info.value).startswith(f"{path}:3:") and "tag" in str(info.value)


def test_an_id_that_is_not_a_string(tmp_path):
    path = tmp_path / "listid.md"
    path.write_text("---\nid: [harbour, berths]\n---\n" + BODY, encoding="utf-8")
    with pytest.raises(BadInput, match="`id` must be a string"):
        read_article(path)


def test_meta_file_alias_bomb(tmp_path):
    meta = tmp_path / "articles.yaml"
    meta.write_text(LAUGHS.split("---\n")[1].replace("id: *i", "articles: *i"), encoding="utf-8")
    with pytest.raises(BadInput, match="alias"):
        load_meta_file(meta)


def test_a_byte_order_mark_is_not_counted_in_offsets(tmp_path):
    """The checker reads articles without their BOM (claimcheck.reading.decode): spans must agree."""
    from claimcheck.reading import decode, read_bytes

    path = tmp_path / "bom.md"
    path.write_bytes(b"\xef\xbb\xbf" + (FRONT + BODY).encode("utf-8"))
    article = read_article(path)
    checker_text, _ = decode(read_bytes(str(path))[0])
    assert article.text == checker_text and article.meta["id"] == "harbour-berths"


# --- existing claim files --------------------------------------------------------------------

def test_an_existing_claim_file_nested_3000_deep(article, tmp_path):
    out = tmp_path / "claims"
    out.mkdir()
    target = out / "harbour-berths.yaml"
    target.write_text("claims: " + "[" * 3000 + "]" * 3000 + "\n", encoding="utf-8")
    with pytest.raises(BadInput) as info:
        extract_into(article, out)
    assert str(info.value).startswith(f"{target}:1:") and "not overwriting it" in str(info.value)
    assert target.read_text(encoding="utf-8").startswith("claims: [[[")


def test_an_existing_claim_file_with_an_alias_bomb(article, tmp_path):
    out = tmp_path / "claims"
    out.mkdir()
    target = out / "harbour-berths.yaml"
    bomb = LAUGHS.split("---\n")[1].replace("id: *i", "claims: *i")
    target.write_text(bomb, encoding="utf-8")
    with pytest.raises(BadInput, match="alias"):
        extract_into(article, out)
    assert target.read_text(encoding="utf-8") == bomb


@pytest.mark.parametrize("content", ["article: 5\nclaims: []\n", "claims: {a: 1}\n", "- 1\n- 2\n"])
def test_an_existing_claim_file_of_another_shape_is_left_alone(article, tmp_path, content):
    out = tmp_path / "claims"
    out.mkdir()
    target = out / "harbour-berths.yaml"
    target.write_text(content, encoding="utf-8")
    with pytest.raises(BadInput, match="not overwriting it"):
        extract_into(article, out)
    assert target.read_text(encoding="utf-8") == content


def test_claims_that_are_not_mappings_survive_the_merge(article, tmp_path):
    out = tmp_path / "claims"
    path, _ = extract_into(article, out)
    path.write_text(path.read_text(encoding="utf-8") + "  - just a note\n  - [1, 2]\n"
                    "  - {id: [1], kind: {a: 1}, text: 5, span: [a, b]}\n", encoding="utf-8")
    extract_into(article, out)
    text = path.read_text(encoding="utf-8")
    assert "- just a note" in text and "- [1, 2]" in text and "figure-300-new-berths" in text


def test_a_reviewers_huge_number_is_kept_as_written(article, tmp_path):
    out = tmp_path / "claims"
    path, _ = extract_into(article, out)
    text = path.read_text(encoding="utf-8")
    start = claims_for(article)[0]["span"][0]
    path.write_text(text.replace(f"span: [{start},", "span: [1e400,", 1), encoding="utf-8")
    extract_into(article, out)
    again = path.read_text(encoding="utf-8")
    assert "span: [1e400," in again and ".inf" not in again


# --- snapshots -------------------------------------------------------------------------------

@pytest.mark.parametrize("content", ["[1, 2]", '{"article": 5}', '{"claims": []}', "",
                                     '{"article": {}, "claims": {"x": 3}}', "[" * 100_000,
                                     '<<<<<<< HEAD\n{"article": {}}\n=======\n'])
def test_a_snapshot_that_is_not_one_is_refused(article, tmp_path, content):
    out = tmp_path / "claims"
    path, _ = extract_into(article, out)
    before = path.read_text(encoding="utf-8")
    snapshot_path(path).write_text(content, encoding="utf-8")
    with pytest.raises(BadInput) as info:
        extract_into(article, out)
    assert str(info.value).startswith(str(snapshot_path(path))) and "remove it" in str(info.value)
    assert path.read_text(encoding="utf-8") == before


def test_a_bad_snapshot_costs_only_its_article(tmp_path, run_extract, capsys):
    out = tmp_path / "claims"
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text("---\nid: story-a\n---\nThe ferry carried 120 people.\n", encoding="utf-8")
    b.write_text("---\nid: story-b\n---\nThe bridge cost $40 million.\n", encoding="utf-8")
    assert run_extract("-o", out, a, b) == 0
    (out / ".claimcheck-extract" / "story-a.json").write_text("[]", encoding="utf-8")
    (out / "story-b.yaml").unlink()
    assert run_extract("-o", out, a, b) == 2
    err = capsys.readouterr().err
    assert "story-a.json: not a snapshot" in err and "1 not written" in err and "Traceback" not in err
    assert (out / "story-b.yaml").exists()


# --- writes never go through links -----------------------------------------------------------

def test_a_planted_tmp_link_does_not_redirect_the_write(article, tmp_path):
    out = tmp_path / "claims"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    (out / "harbour-berths.yaml.tmp").symlink_to(victim)
    snapshot_path(out / "harbour-berths.yaml").parent.mkdir()
    (snapshot_path(out / "harbour-berths.yaml").parent / "harbour-berths.json.tmp").symlink_to(victim)
    path, _ = extract_into(article, out)
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert "figure-300-new-berths" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("which", ["snapshot", "pending", "folder", "claim file"])
def test_a_linked_snapshot_or_claim_file_is_refused(article, tmp_path, which):
    out = tmp_path / "claims"
    path, _ = extract_into(article, out)
    victim = tmp_path / "victim"
    if which == "folder":
        folder = snapshot_path(path).parent
        os.rename(folder, victim)
        folder.symlink_to(victim, target_is_directory=True)
        before = sorted(p.name for p in victim.iterdir())
    else:
        victim.write_text("precious\n", encoding="utf-8")
        link = {"snapshot": snapshot_path(path), "pending": pending_path(path), "claim file": path}[which]
        if link.exists():
            link.unlink()
        link.symlink_to(victim)
    with pytest.raises(BadInput, match="symbolic link"):
        extract_into(article, out)
    if which == "folder":
        assert sorted(p.name for p in victim.iterdir()) == before
    else:
        assert victim.read_text(encoding="utf-8") == "precious\n"


def test_the_snapshot_records_what_it_belongs_to(article, tmp_path):
    path, _ = extract_into(article, tmp_path / "claims")
    snap = json.loads(snapshot_path(path).read_text(encoding="utf-8"))
    import hashlib

    assert snap["claim_file_sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert snap["source_sha256"] == hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    assert not pending_path(path).exists()


def test_a_rerun_that_changes_nothing_writes_nothing(article, tmp_path):
    path, _ = extract_into(article, tmp_path / "claims")
    stamps = (path.stat().st_mtime_ns, snapshot_path(path).stat().st_mtime_ns)
    os.utime(path, ns=(1, 1))
    os.utime(snapshot_path(path), ns=(1, 1))
    extract_into(article, tmp_path / "claims")
    assert (path.stat().st_mtime_ns, snapshot_path(path).stat().st_mtime_ns) == (1, 1) != stamps
