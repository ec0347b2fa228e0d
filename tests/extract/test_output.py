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


def test_the_fast_writer_writes_what_ruamel_writes():
    """New claim files are written without ruamel's emitter when they have the usual shape; the
    text must be ruamel's, byte for byte, whatever the strings hold (made-up claims)."""
    import datetime as dt
    import io

    from claimcheck.extract.writer import new_document, new_document_text, yaml

    tricky = ["plain words", "it's here", "'quoted'", '"Nobody was hurt," she said', "key: value", "a # not a comment",
              "- dash", "2024-03-15", "2024", "12.5", "true", "null", "yes", "~", "@handle", "`tick`", "ünïcödé — “curly”",
              "ends with colon:", " leading space", "trailing space ", "50%", "[bracket]", "{brace}", "a, b", "?", "C:\\path",
              "tab\there", "line\nbreak", "x" * 2500, "", "%percent", "!bang", "&amp", "*star", "|pipe", ">gt"]
    claims = [{"id": f"c-{k}", "kind": "statement", "text": text, "span": [k, k + 1], "hedge": text,
               "attribution": {"source": text, "role": None, "type": "vague"}} for k, text in enumerate(tricky)]
    claims.append({"id": "f", "kind": "figure", "text": "x", "span": [1, 2], "value": [5, 10.5], "approx": "about",
                   "as_of": {"start": "2024-01", "end": "2024-02"}, "cumulative": True, "of": 0.25, "attribution": None})
    article = {"id": "tricky", "title": "A title: with 'quotes'", "authors": [], "published": dt.date(2024, 3, 15),
               "source": "../a.md"}
    for subset in [claims[i:i + 1] for i in range(len(claims))] + [claims, []]:
        for art in (article, {"id": "x", "source": "a.md", "authors": ["Ann O'Neil", "B: C"]}):
            buf = io.StringIO()
            yaml().dump(new_document(art, subset, "a.md", "# yaml-language-server: $schema=x.json"), buf)
            assert new_document_text(art, subset, "a.md", "# yaml-language-server: $schema=x.json") == buf.getvalue()
