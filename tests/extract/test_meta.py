"""Front matter, --meta files and bad input (no spaCy)."""
import datetime as dt

import pytest

from claimcheck.extract.meta import BadInput, load_meta_file, read_article


def test_front_matter_offsets_include_it(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\nid: My Story\npublished: 2024-03-15\n---\nBody text.\n", encoding="utf-8")
    article = read_article(path)
    assert article.meta["id"] == "my-story"            # made spec-conforming
    assert article.published == dt.date(2024, 3, 15)
    assert article.text[article.body_start:].startswith("Body text.")


def test_meta_file_fills_gaps(tmp_path):
    (tmp_path / "001.txt").write_text("Plain text.", encoding="utf-8")
    meta = tmp_path / "articles.yaml"
    meta.write_text("articles:\n  - file: 001.txt\n    id: story-1\n    published: 2022-03-31\n", encoding="utf-8")
    article = read_article(tmp_path / "001.txt", load_meta_file(meta))
    assert article.meta["id"] == "story-1" and article.published == dt.date(2022, 3, 31)
    assert article.body_start == 0


def test_without_meta_the_id_comes_from_the_file_name(tmp_path):
    (tmp_path / "Some File.txt").write_text("x", encoding="utf-8")
    article = read_article(tmp_path / "Some File.txt")
    assert article.meta == {"id": "some-file"} and article.published is None


@pytest.mark.parametrize("content", ["articles: 3\n", "[1, 2\n", "articles:\n  - id: x\n"])
def test_bad_meta_files(tmp_path, content):
    meta = tmp_path / "m.yaml"
    meta.write_text(content, encoding="utf-8")
    with pytest.raises(BadInput):
        load_meta_file(meta)


def test_unreadable_article(tmp_path):
    with pytest.raises(BadInput, match="cannot read"):
        read_article(tmp_path / "missing.txt")
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("caf\xe9".encode("latin-1"))
    with pytest.raises(BadInput, match="UTF-8"):
        read_article(bad)


@pytest.mark.parametrize("published,message", [
    ("March 2024", "expected a date YYYY, YYYY-MM or YYYY-MM-DD"),
    ("2024-02-30", "February 2024 has 29 days"),
])
def test_bad_publication_date_is_a_clear_error(tmp_path, published, message):
    path = tmp_path / "a.md"
    path.write_text(f"---\nid: a\npublished: '{published}'\n---\nBody.\n", encoding="utf-8")
    with pytest.raises(BadInput, match=message) as error:
        read_article(path)
    assert str(error.value).startswith(f"{path}: bad article metadata") and "`published`" in str(error.value)


def test_metadata_is_the_core_article_block(tmp_path):
    (tmp_path / "001.txt").write_text("Plain text.", encoding="utf-8")
    meta = tmp_path / "articles.yaml"
    meta.write_text("articles:\n  - file: 001.txt\n    id: s\n    authors: null\n    published: 2022-03\n", encoding="utf-8")
    article = read_article(tmp_path / "001.txt", load_meta_file(meta))
    assert article.info.id == "s" and article.info.published.text == "2022-03"
    assert article.published is None              # a month is no day to resolve "Thursday" against


def test_authors_must_be_a_list(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\nauthors: {name: X}\n---\nBody.\n", encoding="utf-8")
    with pytest.raises(BadInput, match="authors"):
        read_article(path)
