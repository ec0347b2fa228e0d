"""The Markdown report an editor reads: charts that cannot mislead, article links, the sentences
the claims come from (read inside the project only), and a legend for every mark it uses."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from claimcheck.cli import main
from claimcheck.corpus import load_corpus
from claimcheck.describe import claim_excerpt, excerpt
from claimcheck.findings import Finding, Location
from claimcheck.reading import read_article
from claimcheck.reporters import Report, render
from claimcheck.reporters.markdown import MAX_BARS, MAX_EXCERPTS
from claimcheck.session import article_texts, attach_claims

from .conftest import RULES


def html_of(markdown: str) -> str:
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(markdown)


def figure(id_: str, value, unit: str = "people", **more) -> str:
    fields = {"id": id_, "kind": "figure", "text": f"text of {id_}", "subject": "the blast", "metric": "deaths", "value": value, "unit": unit}
    fields.update(more)
    return "  - {" + ", ".join(f"{key}: {_yaml(value)}" for key, value in fields.items()) + "}\n"


def _yaml(value) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_yaml(v) for v in value) + "]"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(value)


def claim_file(article_id: str, claims: str, **article) -> str:
    fields = {"id": article_id, "published": "2022-01-27", **article}
    return "article: {" + ", ".join(f"{k}: {_yaml(v)}" for k, v in fields.items()) + "}\nclaims:\n" + claims


def conflict_report(tmp_path, monkeypatch, files: dict[str, str], primary: str, related: list[str], articles=True) -> Report:
    """A numeric-conflict finding on `primary` against `related` (refs `article#claim`)."""
    monkeypatch.chdir(tmp_path)
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    corpus = load_corpus(["claims"])
    claims = {claim.ref: claim for claim in corpus.claims()}
    finding = Finding(
        "numeric-conflict", "CC101", "error", "they conflict", Location.of(claims[primary]), [Location.of(claims[r]) for r in related]
    )
    attach_claims([finding], corpus)
    texts = article_texts([finding], [str(tmp_path)]) if articles else {}
    return Report([finding], files=len(files), claims=len(claims), rules=list(RULES), articles=texts)


def chart_of(markdown: str) -> str:
    return re.search(r"```mermaid\n(.*?)\n```\n", markdown, re.DOTALL).group(1)


def labels_of(chart: str) -> list[str]:
    return re.findall(r'"([^"]*)"', re.search(r"x-axis \[(.*)\]", chart).group(1))


def axis_of(chart: str) -> tuple[float, float]:
    low, high = re.search(r'y-axis "[^"]*" (\S+) --> (\S+)', chart).groups()
    return float(low), float(high)


def series_of(chart: str, kind: str) -> list[list[float]]:
    return [[float(v) for v in values.split(", ")] for values in re.findall(rf"^\s+{kind} \[(.*)\]$", chart, re.MULTILINE)]


# Charts -------------------------------------------------------------------------------------------


def test_two_articles_with_the_same_claim_id_get_two_labels_and_two_bars(tmp_path, monkeypatch):
    files = {
        "claims/a.yaml": claim_file("tass-2021-11-25-mine-blast", figure("deaths", 14)),
        "claims/b.yaml": claim_file("tass-2021-11-25-mine-rescue", figure("deaths", 12)),
    }
    report = conflict_report(tmp_path, monkeypatch, files, "tass-2021-11-25-mine-blast#deaths", ["tass-2021-11-25-mine-rescue#deaths"])
    chart = chart_of(render(report, "markdown"))
    labels = labels_of(chart)
    assert len(labels) == len(set(labels)) == 2
    assert any("mine-blast/deaths" in label for label in labels) and any("mine-rescue/deaths" in label for label in labels)
    assert series_of(chart, "bar") == [[14, 12]]


def test_labels_never_collide_even_when_shortened(tmp_path, monkeypatch):
    long = "an-outlet-with-a-very-long-name-2022-01-27-"
    files = {
        "claims/a.yaml": claim_file(long + "first-slug-same-end", figure("a-claim-id-that-is-long-as-well-0", 14)),
        "claims/b.yaml": claim_file(long + "other-slug-same-end", figure("a-claim-id-that-is-long-as-well-0", 12)),
    }
    ids = [long + "first-slug-same-end#a-claim-id-that-is-long-as-well-0", long + "other-slug-same-end#a-claim-id-that-is-long-as-well-0"]
    report = conflict_report(tmp_path, monkeypatch, files, ids[0], ids[1:])
    labels = labels_of(chart_of(render(report, "markdown")))
    assert len(labels) == len(set(labels)) == 2
    assert all(len(label) < 70 for label in labels), labels
    assert "- … marks where an id in a chart's label is cut short." in render(report, "markdown")


def test_the_axis_starts_at_0_and_holds_every_value(tmp_path, monkeypatch):
    files = {"claims/a.yaml": claim_file("a", figure("x", 14) + figure("y", 12))}
    chart = chart_of(render(conflict_report(tmp_path, monkeypatch, files, "a#x", ["a#y"]), "markdown"))
    low, high = axis_of(chart)
    assert low == 0 and high >= 14
    assert "horizontal" in chart.splitlines()[1]  # long labels stay readable


def test_the_claim_in_conflict_is_marked(tmp_path, monkeypatch):
    files = {"claims/a.yaml": claim_file("a", figure("x", 14) + figure("y", 12) + figure("z", 11))}
    markdown = render(conflict_report(tmp_path, monkeypatch, files, "a#y", ["a#x", "a#z"]), "markdown")
    chart = chart_of(markdown)
    labels = labels_of(chart)
    assert [label.startswith("▶ ") for label in labels] == [False, True, False] or sum(label.startswith("▶ ") for label in labels) == 1
    assert next(label for label in labels if label.startswith("▶ ")).endswith("a/y")
    assert series_of(chart, "line") == [[12, 12, 12]]  # the orange line at the ▶ claim's value
    assert "darkorange" in chart.splitlines()[0]
    legend = markdown.split("```\n", 2)[-1].strip().splitlines()[0]
    assert legend.startswith("*One bar per claim") and "orange line is the value of the ▶ claim" in legend


def test_a_range_is_drawn_as_its_bounds(tmp_path, monkeypatch):
    files = {"claims/a.yaml": claim_file("a", figure("x", 5000) + figure("r", [4000, 4500]))}
    markdown = render(conflict_report(tmp_path, monkeypatch, files, "a#r", ["a#x"]), "markdown")
    chart = chart_of(markdown)
    # The pale upper bound behind the lower bound; the ▶ claim's two bounds as two lines.
    assert series_of(chart, "bar") == [[4500, 5000], [4000, 5000]]  # its own claim first on one date
    assert series_of(chart, "line") == [[4000, 4000], [4500, 4500]]
    assert "lightsteelblue, steelblue, darkorange, darkorange" in chart.splitlines()[0]
    assert "a pale end is the upper part of a range" in markdown


def test_huge_values_are_scaled_and_named(tmp_path, monkeypatch):
    files = {"claims/a.yaml": claim_file("a", figure("x", 2.1e12, "USD") + figure("y", 1.5e12, "USD") + figure("z", 1e30, "USD"))}
    markdown = render(conflict_report(tmp_path, monkeypatch, files, "a#x", ["a#y"]), "markdown")
    chart = chart_of(markdown)
    assert 'y-axis "USD, trillions" 0 --> 2.5' in chart
    assert series_of(chart, "bar") == [[2.1, 1.5]]
    assert "values in trillions" in markdown
    markdown = render(conflict_report(tmp_path, monkeypatch, files, "a#z", ["a#y"]), "markdown")
    chart = chart_of(markdown)
    assert "e+" not in chart and "inf" not in chart  # digits Mermaid reads
    assert max(max(s) for s in series_of(chart, "bar")) == 1


def test_units_are_converted_to_the_claims_own(tmp_path, monkeypatch):
    files = {"claims/a.yaml": claim_file("a", figure("x", 13, "thousand people") + figure("y", 9000))}
    markdown = render(conflict_report(tmp_path, monkeypatch, files, "a#x", ["a#y"]), "markdown")
    assert series_of(chart_of(markdown), "bar") == [[13, 9]]
    assert "values converted to thousand people" in markdown


def test_negative_values_get_no_bars_but_a_note(tmp_path, monkeypatch):
    files = {"claims/a.yaml": claim_file("a", figure("x", -5, "degrees") + figure("y", 10, "degrees"))}
    markdown = render(conflict_report(tmp_path, monkeypatch, files, "a#x", ["a#y"]), "markdown")
    assert "```mermaid" not in markdown
    assert "*No chart: 1 value below 0" in markdown


def test_many_claims_are_capped_and_counted(tmp_path, monkeypatch):
    claims = figure("bad", 500) + "".join(figure(f"c{i}", 100) for i in range(MAX_BARS + 4))
    files = {"claims/a.yaml": claim_file("a", claims)}
    markdown = render(conflict_report(tmp_path, monkeypatch, files, "a#bad", [f"a#c{i}" for i in range(MAX_BARS + 4)]), "markdown")
    labels = labels_of(chart_of(markdown))
    assert len(labels) == MAX_BARS and labels[0] == "▶ a/bad"  # its own claim is always drawn
    assert "; 5 more not shown." in markdown


def test_dates_label_the_bars_when_they_differ(tmp_path, monkeypatch):
    files = {"claims/a.yaml": claim_file("a", figure("x", 14, as_of="2022-01-20") + figure("y", 12, as_of="2022-01"))}
    markdown = render(conflict_report(tmp_path, monkeypatch, files, "a#x", ["a#y"]), "markdown")
    assert labels_of(chart_of(markdown)) == ["2022-01 a/y", "▶ 2022-01-20 a/x"]
    assert "top to bottom by date" in markdown


# Article links ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "href"),
    [
        ("https://example.org/a?b=1&c=(2)", "https://example.org/a?b=1&amp;c=%282%29"),
        ("http://example.org/x|y<z>", "http://example.org/x%7Cy%3Cz%3E"),
    ],
)
def test_an_http_url_links_the_article(tmp_path, monkeypatch, url, href):
    files = {"claims/a.yaml": claim_file("a", figure("x", 14) + figure("y", 12), title="The | title", url=url)}
    html = html_of(render(conflict_report(tmp_path, monkeypatch, files, "a#x", ["a#y"]), "markdown"))
    assert f'<a href="{href}">The | title</a>' in html
    assert "An article's title links to the article as published" in html


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<b>x</b>", "//example.org/x", "example.org/x", "https://", "http://a b"])
def test_any_other_url_is_text(tmp_path, monkeypatch, url):
    files = {"claims/a.yaml": claim_file("a", figure("x", 14) + figure("y", 12), title="T", url=url)}
    markdown = render(conflict_report(tmp_path, monkeypatch, files, "a#x", ["a#y"]), "markdown")
    html = html_of(markdown)
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert all(h.startswith("claims/") for h in hrefs), hrefs
    assert "<code>" + url.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</code>" in html
    assert "links to the article as published" not in markdown


# Excerpts -----------------------------------------------------------------------------------------

ARTICLE = (
    "Mine blast kills 14\n\n"
    "KEMEROVO, Nov. 25 — At least 14 miners died in the blast, the governor said. Dr. Ivanov treated U.S. citizens.\n\n"
    "The death toll stands at 12 people, the ministry said on Thursday. Rescuers went on.\n"
)


def test_the_sentence_around_a_claim_by_its_span(tmp_path, monkeypatch):
    start = ARTICLE.index("14 miners died")
    claims = figure("x", 14, text="14 miners died in the blast", span=[start, start + 27]) + figure("y", 12, text="death toll stands at 12")
    files = {"claims/a.yaml": claim_file("a", claims, source="../article.txt"), "article.txt": ARTICLE}
    markdown = render(conflict_report(tmp_path, monkeypatch, files, "a#x", ["a#y"]), "markdown")
    assert "- ▶ `a#x`\n  > KEMEROVO, Nov. 25 — At least **14 miners died in the blast**, the governor said.\n" in markdown
    # No span: found by its text.
    assert "- `a#y`\n  > The **death toll stands at 12** people, the ministry said on Thursday.\n" in markdown
    html = html_of(markdown)
    assert "<blockquote>\n<p>The <strong>death toll stands at 12</strong> people, the ministry said on Thursday.</p>" in html
    assert "the sentences of the article text" in markdown  # the legend says what the quotes are


def test_a_reworded_claim_is_quoted_where_its_span_points(tmp_path, monkeypatch):
    start = ARTICLE.index("14 miners died")
    claims = figure("x", 14, text="fourteen miners died", span=[start, start + 14]) + figure("y", 12, text="not in the article at all")
    files = {"claims/a.yaml": claim_file("a", claims, source="../article.txt"), "article.txt": ARTICLE}
    markdown = render(conflict_report(tmp_path, monkeypatch, files, "a#x", ["a#y"]), "markdown")
    assert "At least **14 miners died** in the blast" in markdown
    assert "- `a#y`: *not in the article text*" in markdown
    assert "*Not in the article text* means" in markdown


@pytest.mark.parametrize("start", ["1. ", "2) ", "- ", "+ ", "# ", "> ", "    ", "| a | b |"])
def test_a_quote_starting_like_markdown_stays_a_quote(tmp_path, monkeypatch, start):
    text = f"{start}The toll was 14 miners. Next."
    claims = figure("x", 14, text="The toll was 14") + figure("y", 12)
    files = {"claims/a.yaml": claim_file("a", claims, source="../article.txt"), "article.txt": text}
    html = html_of(render(conflict_report(tmp_path, monkeypatch, files, "a#x", ["a#y"]), "markdown"))
    quote = re.search(r"<blockquote>\n<p>(.*?)</p>\n</blockquote>", html, re.DOTALL).group(1)
    assert quote.endswith("<strong>The toll was 14</strong> miners.")
    assert "<ol" not in html and html.count("<h1") == 1 and "<table>" not in html.split("In the articles")[1]


def test_excerpts_are_capped(tmp_path, monkeypatch):
    text = " ".join(f"Claim number {i} is here." for i in range(MAX_EXCERPTS + 3))
    claims = "".join(figure(f"c{i}", 10 + i, text=f"Claim number {i} is here") for i in range(MAX_EXCERPTS + 3))
    files = {"claims/a.yaml": claim_file("a", claims, source="../article.txt"), "article.txt": text}
    markdown = render(conflict_report(tmp_path, monkeypatch, files, "a#c0", [f"a#c{i}" for i in range(1, MAX_EXCERPTS + 3)]), "markdown")
    assert markdown.count("**Claim number") == MAX_EXCERPTS
    assert "- *3 more claims not quoted*" in markdown


@pytest.mark.parametrize(
    ("words", "quoted"),
    [
        ("Dr. Ivanov treated", ("", "Dr. Ivanov treated", " U.S. citizens.")),  # abbreviations end no sentence
        ("Mine blast", ("", "Mine blast", " kills 14")),  # a heading is a sentence of its own
        ("Rescuers went on.", ("", "Rescuers went on.", "")),  # words that end a sentence
        ("the   GOVERNOR said", ("KEMEROVO, Nov. 25 — At least 14 miners died in the blast, ", "the governor said", ".")),
    ],
)
def test_sentences(words, quoted):
    class Claim:
        text = words
        span = None

    assert claim_excerpt(ARTICLE, Claim()) == quoted


def test_a_long_sentence_is_cut_at_a_word():
    text = "word " * 200 + "the claim" + " more" * 200 + "."
    before, words, after = excerpt(text, text.index("the claim"), text.index("the claim") + 9, limit=40)
    assert before.startswith("…") and len(before) <= 41 and words == "the claim" and after.endswith("…") and len(after) <= 42


# Containment: the report quotes only what is inside the project -----------------------------------


def _project(tmp_path: Path, source: str) -> Path:
    project = tmp_path / "project"
    (project / "claims").mkdir(parents=True)
    (project / "pyproject.toml").write_text('[tool.claimcheck]\npaths = ["claims"]\n', encoding="utf-8")
    claims = figure("x", 14, text="root") + figure("y", 12, text="secret words")
    (project / "claims" / "a.yaml").write_text(claim_file("a", claims, source=source), encoding="utf-8")
    return project


@pytest.mark.parametrize("kind", ["dotdot", "absolute", "symlink", "device"])
def test_a_source_outside_the_project_is_never_quoted(tmp_path, monkeypatch, kind, capsys):
    outside = tmp_path / "outside.txt"
    outside.write_text("root secret words: the password is hunter2.\n", encoding="utf-8")
    source = {"dotdot": "../../outside.txt", "absolute": str(outside), "symlink": "../link.txt", "device": "/dev/zero"}[kind]
    project = _project(tmp_path, source)
    if kind == "symlink":
        os.symlink(outside, project / "link.txt")
    monkeypatch.chdir(project)
    assert main(["check", "--format", "markdown", "--output", "report.md", "--exit-zero", "--quiet", "--no-cache", "--select", "numeric-conflict"]) == 0
    markdown = (project / "report.md").read_text(encoding="utf-8")
    assert "### 1. CC101" in markdown  # the finding is reported...
    assert "hunter2" not in markdown and "In the articles" not in markdown  # ...and nothing is quoted
    assert "the sentences of the article text" not in markdown


def test_etc_passwd_is_not_read(tmp_path, monkeypatch):
    project = _project(tmp_path, "../../etc/passwd")
    monkeypatch.chdir(project)
    assert main(["check", "--format", "markdown", "--output", "report.md", "--exit-zero", "--quiet", "--no-cache", "--select", "numeric-conflict"]) == 0
    markdown = (project / "report.md").read_text(encoding="utf-8")
    assert "root:" not in markdown and "In the articles" not in markdown


def test_a_source_inside_the_project_is_quoted_by_the_command_line(tmp_path, monkeypatch):
    project = _project(tmp_path, "../article.txt")
    (project / "article.txt").write_text("It was the root of it. Some secret words here.\n", encoding="utf-8")
    monkeypatch.chdir(project)
    assert main(["check", "--format", "markdown", "--output", "report.md", "--exit-zero", "--quiet", "--select", "numeric-conflict"]) == 0
    # Twice: the second run answers from the cache, and still quotes (the corpus is loaded for it).
    assert main(["check", "--format", "markdown", "--output", "report.md", "--exit-zero", "--quiet", "--select", "numeric-conflict"]) == 0
    markdown = (project / "report.md").read_text(encoding="utf-8")
    assert "> It was the **root** of it.\n" in markdown and "> Some **secret words** here.\n" in markdown


def test_read_article_contains_every_read(tmp_path):
    root = tmp_path / "root"
    (root / "claims").mkdir(parents=True)
    (root / "a.txt").write_text("inside", encoding="utf-8")
    (tmp_path / "b.txt").write_text("outside", encoding="utf-8")
    os.symlink(tmp_path / "b.txt", root / "link.txt")
    claim_path = str(root / "claims" / "x.yaml")
    assert read_article(claim_path, "../a.txt", [str(root)]) == ("inside", None)
    for source in ("../../b.txt", "../link.txt", str(tmp_path / "b.txt"), "/etc/passwd"):
        text, why = read_article(claim_path, source, [str(root)])
        assert text is None and "outside the project" in why, source
    text, why = read_article(claim_path, "../a.txt", [str(root)], limit=3)
    assert text is None and "limited" in why


# The legend ---------------------------------------------------------------------------------------


def test_the_legend_explains_every_mark(fixture_report):
    markdown = render(fixture_report, "markdown")
    legend = markdown.split("## How to read this report", 1)[1].split("## Summary", 1)[0]
    assert markdown.index("## How to read this report") < markdown.index("## Summary")
    for mark in ("▶", "**error**", "**warning**", "**info**", "—", "**bold**", "**blue**", "**orange**", "pale end", "`url`"):
        assert mark in legend, mark
    for mark in ("▶", "—"):  # and each is used below it
        assert mark in markdown.split("## Findings", 1)[1], mark
    assert "…" not in markdown  # nothing is cut here, so the legend does not explain it


def test_the_legend_names_only_what_is_used(fixture_report):
    fixture_report.findings = [f for f in fixture_report.findings if f.rule == "schema"]
    markdown = render(fixture_report, "markdown")
    legend = markdown.split("## How to read this report", 1)[1].split("## Summary", 1)[0]
    assert "**warning**" in legend and "**error**" not in legend
    assert "▶" not in legend and "Charts" not in legend and "bold" not in legend
