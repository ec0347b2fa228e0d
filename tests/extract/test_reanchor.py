"""Re-extraction after the article was corrected: spans follow their words, a person's edits win.

The articles are made up here; an "extraction" is a list of claims found in the article's text
the way the extractor gives them (ids from what they say, repeats numbered in text order), so
the merge is exercised without spaCy (one test runs the real command).
"""
from __future__ import annotations

import json

from ruamel.yaml import YAML

from claimcheck.extract.meta import read_article
from claimcheck.extract.output import write_claim_file
from claimcheck.extract.reanchor import NOTE
from claimcheck.extract.snapshot import snapshot_path

FRONT = "---\nid: mill-story\npublished: 2024-09-20\n---\n"
STORY = ("The old mill on Vern Street burned on Thursday, the fire chief said.\n\n"
         "Firefighters saved 40 homes nearby. Insurers put the damage at $3 million.\n\n"
         "Rents rose 5 percent last year. Wages rose 5 percent too.\n")


def found(article_text: str, wanted: list[tuple]) -> list[dict]:
    """Claims as the extractor would give them: (id, kind, text, fields), the k-th occurrence of
    a text for an id ending in -k."""
    out, seen = [], {}
    for cid, kind, text, fields in wanted:
        k = seen.get(text, 0)
        start = -1
        for _ in range(k + 1):
            start = article_text.index(text, start + 1)
        seen[text] = k + 1
        out.append({"id": cid, "kind": kind, "text": text, "span": [start, start + len(text)], **fields})
    return out


def extraction(article_text: str, homes: int = 40, damage: str = "$3 million", subject: str = "mill fire") -> list[dict]:
    wanted = [
        ("event-2024-09-19-mill-burned", "event", "The old mill on Vern Street burned on Thursday",
         {"subject": "old mill burned", "date": "2024-09-19"}),
        (f"figure-{homes}-homes", "figure", f"saved {homes} homes", {"subject": subject, "metric": "homes saved", "value": homes}),
        ("figure-damage", "figure", damage, {"subject": subject, "metric": "damage", "value": 3_000_000, "unit": "USD"}),
        ("figure-5-percent", "figure", "rose 5 percent", {"subject": "rents", "metric": "rise", "value": 5, "unit": "percent"}),
        ("figure-5-percent-2", "figure", "rose 5 percent", {"subject": "wages", "metric": "rise", "value": 5, "unit": "percent"}),
    ]
    return found(article_text, [w for w in wanted if w[2] in article_text])


class Desk:
    """An article, its claim file and a reviewer."""

    def __init__(self, tmp_path, text: str = STORY):
        self.article_path = tmp_path / "mill.md"
        self.out = tmp_path / "claims"
        self.path = self.out / "mill-story.yaml"
        self.set_text(text)

    def set_text(self, body: str) -> None:
        self.article_path.write_text(FRONT + body, encoding="utf-8")

    @property
    def text(self) -> str:
        return self.article_path.read_text(encoding="utf-8")

    def extract(self, **kw) -> tuple[dict, list[str]]:
        messages: list[str] = []
        article = read_article(self.article_path)
        _, stats = write_claim_file(article, extraction(article.text, **kw), self.out, warn=messages.append)
        return stats, messages

    def edit(self, cid: str, **fields) -> None:
        rt = YAML()
        data = rt.load(self.path.read_text(encoding="utf-8"))
        claim = next(c for c in data["claims"] if c["id"] == cid)
        for key, value in fields.items():
            if value is None:
                del claim[key]
            else:
                claim[key] = value
        with self.path.open("w", encoding="utf-8") as fh:
            rt.dump(data, fh)

    def claims(self) -> dict[str, dict]:
        return {c["id"]: c for c in YAML(typ="safe").load(self.path.read_text(encoding="utf-8"))["claims"]}

    def spans_hold(self) -> bool:
        text = self.text
        return all(text[c["span"][0]:c["span"][1]] == c["text"] for c in self.claims().values() if "span" in c)


def test_a_paragraph_added_at_the_top_moves_every_span(tmp_path):
    desk = Desk(tmp_path)
    desk.extract()
    desk.edit("figure-damage", ignore=["unattributed"])
    desk.set_text("Crews were still at the scene on Friday.\n\n" + STORY)
    stats, _ = desk.extract(subject="Vern Street mill fire")
    claims = desk.claims()
    assert desk.spans_hold() and stats["removed"] == [] and stats["marked"] == []
    assert claims["figure-damage"]["ignore"] == ["unattributed"]               # the edit stays
    assert claims["figure-damage"]["subject"] == "Vern Street mill fire"       # untouched fields follow
    # the moved spans are machine values still: a later run moves them again without fuss
    desk.set_text("Breaking.\n\n" + desk.text.split("---\n", 2)[2])
    desk.extract(subject="Vern Street mill fire")
    assert desk.spans_hold()


def test_a_corrected_number_is_the_same_claim_re_read(tmp_path):
    desk = Desk(tmp_path)
    desk.extract()
    desk.edit("figure-40-homes", ignore=["unattributed"])
    desk.set_text(STORY.replace("saved 40 homes", "saved 46 homes"))
    desk.extract(homes=46)
    claims = desk.claims()
    assert "figure-46-homes" not in claims                          # no duplicate beside it
    homes = claims["figure-40-homes"]
    assert homes["value"] == 46 and homes["text"] == "saved 46 homes" and homes["ignore"] == ["unattributed"]
    assert desk.spans_hold()


def test_an_untouched_claim_whose_words_are_gone_is_removed(tmp_path):
    desk = Desk(tmp_path)
    desk.extract()
    text = desk.path.read_text(encoding="utf-8")
    marker = "  - id: figure-5-percent\n"
    desk.path.write_text(text.replace(marker, "  # the desk checked the figures below\n" + marker), encoding="utf-8")
    desk.set_text(STORY.replace(" Insurers put the damage at $3 million.", ""))
    stats, messages = desk.extract()
    claims = desk.claims()
    assert "figure-damage" not in claims and stats["removed"] == ["figure-damage"] and messages == []
    assert "# the desk checked the figures below" in desk.path.read_text(encoding="utf-8")
    assert desk.spans_hold()


def test_an_edited_claim_whose_words_are_gone_is_kept_and_marked(tmp_path):
    desk = Desk(tmp_path)
    desk.extract()
    desk.edit("figure-damage", subject="insured damage to the mill")
    desk.set_text(STORY.replace(" Insurers put the damage at $3 million.", ""))
    stats, messages = desk.extract()
    damage = desk.claims()["figure-damage"]
    assert damage["subject"] == "insured damage to the mill" and "span" not in damage
    assert stats["marked"] == ["figure-damage"] and any("figure-damage" in m and "no longer" in m for m in messages)
    text = desk.path.read_text(encoding="utf-8")
    assert text.count(NOTE) == 1
    stats, messages = desk.extract()                                   # once is enough
    assert desk.path.read_text(encoding="utf-8").count(NOTE) == 1 and messages == []


def test_a_span_the_reviewer_wrote_is_theirs(tmp_path):
    desk = Desk(tmp_path)
    desk.extract()
    start = desk.text.index("Firefighters")
    rt = YAML()
    data = rt.load(desk.path.read_text(encoding="utf-8"))
    data["claims"].append({"id": "reviewer-saved", "kind": "statement", "text": "Firefighters saved 40 homes nearby",
                           "span": [start, start + 34]})
    data["claims"].append({"id": "reviewer-gone", "kind": "statement", "text": "the fire chief said",
                           "span": [desk.text.index("the fire chief"), desk.text.index("the fire chief") + 19]})
    with desk.path.open("w", encoding="utf-8") as fh:
        rt.dump(data, fh)
    desk.set_text("Crews stayed overnight.\n\n" + STORY.replace(", the fire chief said", ""))
    stats, _ = desk.extract()
    claims = desk.claims()
    moved = desk.text.index("Firefighters")
    assert claims["reviewer-saved"]["span"] == [moved, moved + 34]    # their text moved: so does the span
    assert "span" in claims["reviewer-gone"] and stats["marked"] == ["reviewer-gone"]   # their span stays
    assert NOTE in desk.path.read_text(encoding="utf-8")


def test_repeats_keep_their_edits_on_their_own_words(tmp_path):
    desk = Desk(tmp_path)
    desk.extract()
    desk.edit("figure-5-percent-2", metric="wage growth")             # the second "rose 5 percent"
    desk.set_text(STORY.replace("Rents rose", "Prices rose 5 percent in August. Rents rose"))
    wanted = [("figure-5-percent", "figure", "rose 5 percent", {"subject": "prices", "metric": "rise", "value": 5, "unit": "percent"}),
              ("figure-5-percent-2", "figure", "rose 5 percent", {"subject": "rents", "metric": "rise", "value": 5, "unit": "percent"}),
              ("figure-5-percent-3", "figure", "rose 5 percent", {"subject": "wages", "metric": "rise", "value": 5, "unit": "percent"})]
    article = read_article(desk.article_path)
    write_claim_file(article, found(article.text, wanted), desk.out)
    text = desk.text
    by_subject = {c["subject"]: c for c in desk.claims().values() if c.get("metric") in ("rise", "wage growth")}
    wages = by_subject["wages"]
    assert wages["metric"] == "wage growth"                            # the edit stayed with the wages
    assert text[wages["span"][0]:].startswith("rose 5 percent too")
    assert set(by_subject) == {"prices", "rents", "wages"} and desk.spans_hold()
    snap = json.loads(snapshot_path(desk.path).read_text(encoding="utf-8"))
    assert len({c["id"] for c in snap["claims"].values()}) == len(snap["claims"])


def test_an_unchanged_article_is_left_alone(tmp_path):
    """Same article text as the snapshot's: no span is looked at, even a wrong one a reviewer typed."""
    desk = Desk(tmp_path)
    desk.extract()
    desk.edit("figure-damage", span=[0, 3])
    stats, _ = desk.extract()
    assert desk.claims()["figure-damage"]["span"] == [0, 3] and stats["moved"] == 0 and stats["marked"] == []


def test_a_hand_made_file_without_snapshot(tmp_path):
    """Every claim counts as the reviewer's: moved when its words moved, marked when they are gone, never removed."""
    desk = Desk(tmp_path)
    desk.extract()
    snapshot_path(desk.path).unlink()
    desk.set_text("Update.\n\n" + STORY.replace(" Insurers put the damage at $3 million.", ""))
    stats, _ = desk.extract()
    claims = desk.claims()
    assert "figure-damage" in claims and stats["marked"] == ["figure-damage"] and stats["removed"] == []
    assert "span" in claims["figure-damage"]                           # no snapshot: the span counts as theirs
    text = desk.text
    homes = claims["figure-40-homes"]
    assert text[homes["span"][0]:homes["span"][1]] == homes["text"]


def test_the_command_reanchors_after_a_correction(tmp_path, run_extract):
    article = tmp_path / "quay.md"
    article.write_text("---\nid: quay-story\npublished: 2024-09-20\n---\n"
                       "The council closed the north quay on Tuesday after a crane collapsed.\n\n"
                       "\"Nobody was hurt,\" said harbour master Ines Brandt.\n", encoding="utf-8")
    out = tmp_path / "claims"
    assert run_extract("-o", out, article) == 0
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("---\nThe council", "---\nA correction was appended.\n\nThe council"), encoding="utf-8")
    assert run_extract("-o", out, article) == 0
    source = article.read_text(encoding="utf-8")
    claims = YAML(typ="safe").load((out / "quay-story.yaml").read_text(encoding="utf-8"))["claims"]
    assert claims and all(source[c["span"][0]:c["span"][1]] == c["text"] for c in claims)
