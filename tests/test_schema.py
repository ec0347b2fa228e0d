"""The JSON Schema shipped for editors (claimcheck/data/claims-v1.schema.json) is current, and it
judges files as claimcheck's loader does.

The agreement, file by file (this repository's claims and reference files, the embedded reference
files of claimcheck/data/reference, every YAML text in tests/rules/cases, and the deliberately
wrong files below), read with the loader's own YAML reader:

* valid under the schema with unknown fields allowed  <=>  the loader finds no `syntax`/`schema`
  problem of severity error;
* valid under the schema as shipped (unknown fields disallowed)  <=>  no such error and no
  unknown-field warning either (the spec makes an unknown field a warning; a schema cannot warn,
  so it disallows them, and the YAML language server shows that as a warning).

What a JSON Schema cannot say is listed (`BEYOND_SCHEMA`): those loader errors are expected to
pass the schema. Loader behaviour that looks wrong is marked xfail (strict), not papered over.
"""

from __future__ import annotations

import calendar
import copy
import json
import subprocess
import sys

import jsonschema
import pytest
from ruamel.yaml import YAML

from claimcheck.dates import PARTIAL_DATE_SCHEMA, parse_partial
from claimcheck.load import load_text
from claimcheck.load.yamlsafe import YamlProblem, read_yaml
from claimcheck.model import EDITOR_SCHEMA, SCHEMA_FILE, SCHEMA_ID, json_schema, render_schema, schema_modeline, schema_text

from .conftest import REPO

SHIPPED = REPO / "claimcheck" / "data" / SCHEMA_FILE


def _lenient(schema: dict) -> dict:
    """The schema with unknown fields allowed in every record (`$defs`), as the loader allows them."""
    schema = copy.deepcopy(schema)
    for definition in schema["$defs"].values():
        if definition.get("additionalProperties") is False:
            del definition["additionalProperties"]
    return schema


STRICT = jsonschema.Draft202012Validator(json.loads(SHIPPED.read_text(encoding="utf-8")))
LENIENT = jsonschema.Draft202012Validator(_lenient(STRICT.schema))

# Loader errors no JSON Schema can express (the schema passes them; `claimcheck check` does not).
BEYOND_SCHEMA = (
    "duplicate claim id",  # uniqueness of one field across list items
    "duplicate key",  # gone once the YAML is parsed (editors flag duplicate keys themselves)
    "before it starts",  # a date range or a tenure that ends before it starts: comparing two values
)


def _verdicts(name: str, text: str):
    loaded = load_text(name, text)
    own = [p for p in loaded.problems if p.rule in ("syntax", "schema")]
    errors = [p.message for p in own if (p.severity or "error") == "error"]
    warnings = [p.message for p in own if p.severity == "warning"]
    try:
        data = read_yaml(text).data
        strict, lenient = STRICT.is_valid(data), LENIENT.is_valid(data)
    except YamlProblem:
        strict = lenient = False
    return errors, warnings, strict, lenient


def _assert_agree(name: str, text: str):
    errors, warnings, strict, lenient = _verdicts(name, text)
    expressible = [m for m in errors if not any(part in m for part in BEYOND_SCHEMA)]
    assert lenient == (not expressible), f"{name}: loader errors {errors}, schema (unknown fields allowed) says valid={lenient}"
    assert strict == (not expressible and not warnings), f"{name}: loader errors {errors} warnings {warnings}, schema says valid={strict}"
    return errors, warnings


# The files ----------------------------------------------------------------------------------------


def _repository_files():
    """This repository's claim and reference files, and the reference files claimcheck embeds."""
    for path in sorted([*(REPO / "claims").rglob("*.yaml"), *(REPO / "claimcheck" / "data" / "reference").rglob("*.yaml")]):
        yield pytest.param(str(path.relative_to(REPO)), path.read_text(encoding="utf-8"), id=str(path.relative_to(REPO)))


def _case_files():
    yaml = YAML(typ="safe")
    for path in sorted((REPO / "tests" / "rules" / "cases").glob("*.yaml")):
        for case in yaml.load(path.read_text(encoding="utf-8"))["cases"]:
            for name, text in case["files"].items():
                if name.endswith((".yaml", ".yml")):
                    yield pytest.param(name, text, id=f"{path.stem}::{case['name']}::{name}")


@pytest.mark.parametrize(("name", "text"), [*_repository_files(), *_case_files()])
def test_schema_agrees_with_the_loader(name, text):
    _assert_agree(name, text)


HEAD = "article: {id: a, published: 2024-03-15}\nclaims:\n"
FIGURE = "  - {id: c, kind: figure, text: t, subject: s, metric: m, value: 14%s}\n"

# name: (file text, what the loader says: "valid", "warning" (an unknown field) or "error")
WRONG = {
    "value-as-text": (HEAD + '  - {id: c, kind: figure, text: t, subject: s, metric: m, value: "14"}\n', "error"),
    "kind-quoet": (HEAD + "  - {id: c, kind: quoet, text: t, quote: q, attribution: null}\n", "error"),
    "cumulative-yes": (HEAD + FIGURE % ", cumulative: yes", "error"),  # YAML 1.2: `yes` is text
    "missing-subject": (HEAD + "  - {id: c, kind: figure, text: t, metric: m, value: 14}\n", "error"),
    "unknown-claim-field": (HEAD + FIGURE % ", atribution: {source: Tass}", "warning"),
    "unknown-attribution-field": (HEAD + FIGURE % ", attribution: {source: Tass, kind: named}", "warning"),
    "unknown-article-field": ("article: {id: a, publisher: x}\nclaims: []\n", "warning"),
    "unknown-top-level-key": ("article: {id: a}\nclaims: []\nnotes: x\n", "warning"),
    "unknown-reference-top-level-key": ("reference: {id: r}\nofices: []\n", "warning"),
    "approx-synonym": (HEAD + FIGURE % ", approx: around", "error"),
    "value-true": (HEAD + FIGURE.replace("14", "true") % "", "error"),
    "value-infinite": (HEAD + FIGURE.replace("14", ".inf") % "", "error"),
    "value-beyond-float": (HEAD + FIGURE.replace("14", "1" + "0" * 400) % "", "error"),
    "value-range": (HEAD + FIGURE.replace("14", "[10, 20]") % "", "valid"),
    "value-range-of-one": (HEAD + FIGURE.replace("14", "[10]") % "", "error"),
    "value-hex": (HEAD + FIGURE.replace("14", "0x1F") % "", "valid"),
    "of-as-text": (HEAD + FIGURE % ', of: "152"', "error"),
    "unit-number": (HEAD + FIGURE % ", unit: 5", "valid"),
    "attribution-type-misspelt": (HEAD + FIGURE % ", attribution: {source: x, type: organisation}", "error"),
    "attribution-null": (HEAD + FIGURE % ", attribution: null", "valid"),
    "attribution-text": (HEAD + FIGURE % ", attribution: Tass", "error"),
    "feb-30": (HEAD + "  - {id: c, kind: event, text: t, subject: s, date: 2021-02-30}\n", "error"),
    "feb-29-leap-year": (HEAD + "  - {id: c, kind: event, text: t, subject: s, date: 2024-02-29}\n", "valid"),
    "feb-29-1900": (HEAD + "  - {id: c, kind: event, text: t, subject: s, date: 1900-02-29}\n", "error"),
    "feb-29-2000": (HEAD + "  - {id: c, kind: event, text: t, subject: s, date: 2000-02-29}\n", "valid"),
    "month-13": ("article: {id: a, published: 2022-13}\nclaims: []\n", "error"),
    "year-0": ('article: {id: a, published: "0000"}\nclaims: []\n', "error"),
    "year-of-three-digits": ("article: {id: a, published: 999}\nclaims: []\n", "error"),
    "date-with-spaces": ('article: {id: a, published: " 2014-03 "}\nclaims: []\n', "valid"),
    "date-single-digits": ("article: {id: a, published: 2014-3-5}\nclaims: []\n", "valid"),
    "date-and-time": ("article: {id: a, published: 2022-01-27T10:00:00Z}\nclaims: []\n", "error"),
    "published-range": ("article: {id: a, published: {start: 2022, end: 2023}}\nclaims: []\n", "error"),
    "range-open-start": (HEAD + "  - {id: c, kind: event, text: t, subject: s, date: {start: null, end: 2021}}\n", "valid"),
    "range-only-start": (HEAD + "  - {id: c, kind: role, text: t, entity: e, role: r, as_of: {start: 2020}}\n", "valid"),
    "range-empty": (HEAD + "  - {id: c, kind: event, text: t, subject: s, date: {}}\n", "error"),
    "range-both-null": (HEAD + "  - {id: c, kind: event, text: t, subject: s, date: {start: null, end: null}}\n", "error"),
    "range-unknown-key": (HEAD + "  - {id: c, kind: event, text: t, subject: s, date: {start: 2021, until: 2022}}\n", "error"),
    "range-backwards": (HEAD + "  - {id: c, kind: event, text: t, subject: s, date: {start: 2022, end: 2021}}\n", "error"),
    "event-date-null": (HEAD + "  - {id: c, kind: event, text: t, subject: s, date: null}\n", "error"),
    "tense-unknown": (HEAD + "  - {id: c, kind: event, text: t, subject: s, date: 2020, tense: planned}\n", "error"),
    "status-unknown": (HEAD + "  - {id: c, kind: role, text: t, entity: e, role: r, status: formerly}\n", "error"),
    "said-on-not-a-date": (HEAD + "  - {id: c, kind: quote, text: t, quote: q, attribution: null, said_on: soon}\n", "error"),
    "direct-as-text": (HEAD + '  - {id: c, kind: quote, text: t, quote: q, attribution: null, direct: "false"}\n', "error"),
    "quote-without-attribution": (HEAD + "  - {id: c, kind: quote, text: t, quote: q}\n", "error"),
    "boilerplate-yes": (HEAD + "  - {id: c, kind: statement, text: t, boilerplate: yes}\n", "error"),
    "duplicate-claim-id": (HEAD + "  - {id: c, kind: statement, text: t}\n  - {id: c, kind: statement, text: u}\n", "error"),
    "duplicate-key": (HEAD + "  - {id: c, kind: statement, text: t, text: u}\n", "error"),
    "span-negative": (HEAD + "  - {id: c, kind: statement, text: t, span: [-1, 5]}\n", "error"),
    "span-of-three": (HEAD + "  - {id: c, kind: statement, text: t, span: [1, 5, 7]}\n", "error"),
    "claim-id-empty": (HEAD + '  - {id: "", kind: statement, text: t}\n', "error"),
    "claim-id-number": (HEAD + "  - {id: 7, kind: statement, text: t}\n", "valid"),
    "claim-id-true": (HEAD + "  - {id: true, kind: statement, text: t}\n", "error"),
    "text-empty": (HEAD + '  - {id: c, kind: statement, text: ""}\n', "error"),
    "text-null": (HEAD + "  - {id: c, kind: statement, text: null}\n", "error"),
    "claim-without-id": (HEAD + "  - {kind: statement, text: t}\n", "error"),
    "claim-without-kind": (HEAD + "  - {id: c, text: t}\n", "error"),
    "claim-as-text": (HEAD + "  - just text\n", "error"),
    "ignore-as-text": (HEAD + "  - {id: c, kind: statement, text: t, ignore: unattributed}\n", "error"),
    "authors-as-text": ("article: {id: a, authors: Jane Doe}\nclaims: []\n", "error"),
    "title-yes": ("article: {id: a, title: yes}\nclaims: []\n", "valid"),
    "title-true": ("article: {id: a, title: true}\nclaims: []\n", "error"),
    "article-id-capitals": ("article: {id: Abc}\nclaims: []\n", "error"),
    "article-id-number": ("article: {id: 2014}\nclaims: []\n", "valid"),
    "article-id-negative": ("article: {id: -3}\nclaims: []\n", "valid"),
    "article-id-big-float": ("article: {id: 1e20}\nclaims: []\n", "error"),
    "claims-empty": ("article: {id: a}\nclaims:\n", "valid"),
    "claims-mapping": ("article: {id: a}\nclaims: {x: 1}\n", "error"),
    "article-only": ("article: {id: a}\n", "valid"),
    "article-null": ("article:\nclaims: []\n", "error"),
    "no-article": ("claims: []\n", "error"),
    "empty-file": ("", "error"),
    "not-a-claim-file": ("just: a mapping\n", "error"),
    "a-list": ("- 1\n- 2\n", "error"),
    "not-yaml": ("article: {id: a\nclaims: [\n", "error"),
    "merge-key": ("base: &b {kind: statement, text: t}\narticle: {id: a}\nclaims:\n  - {<<: *b, id: c}\n", "warning"),
    "reference": ("reference: {id: r}\ntenures:\n  - {entity: a, role: b, start: 2020, end: null}\naliases: {a: [b]}\n", "valid"),
    "reference-null": ("reference:\n", "error"),
    "reference-tenure-backwards": ("reference: {id: r}\ntenures:\n  - {entity: a, role: b, start: 2020, end: 2019}\n", "error"),
    "reference-tenure-without-role": ("reference: {id: r}\ntenures:\n  - {entity: a, start: 2020}\n", "error"),
    "reference-tenures-null": ("reference: {id: r}\ntenures:\n", "error"),
    "reference-aliases-list": ("reference: {id: r}\naliases: [a, b]\n", "error"),
    "reference-alias-null": ("reference: {id: r}\naliases: {a: null}\n", "error"),
    "reference-exclusive-roles-text": ("reference: {id: r}\nexclusive_roles: mayor\n", "error"),
}

# JSON has one number type: 1.0 is an integer to a JSON Schema, and NaN is not a JSON value.
JSON_NUMBERS = {
    "span-float": (HEAD + "  - {id: c, kind: statement, text: t, span: [1.0, 5]}\n", "error"),
    "year-float": ("article: {id: a, published: 2014.0}\nclaims: []\n", "error"),
    "value-nan": (HEAD + FIGURE.replace("14", ".nan") % "", "error"),
}

# The loader ignores unknown fields inside a reference file's `reference:` block and its tenures
# (pydantic's extra="ignore"; only top-level keys are checked): `ednd: 2021` leaves the tenure open
# without a word. The schema disallows them; the loader should warn (reported, not changed here).


# Misspelt keys in a reference file's records: a warning (and a rename fix), as in claim files.
WRONG |= {
    "reference-tenure-unknown-field": ("reference: {id: r}\ntenures:\n  - {entity: a, role: b, start: 2020, ednd: 2021}\n", "warning"),
    "reference-info-unknown-field": ("reference: {id: r, verfied: 2020}\n", "warning"),
}


def _check_wrong(name, text, expected):
    errors, warnings = _assert_agree(name, text)
    said = "error" if errors else "warning" if warnings else "valid"
    assert said == expected, f"{name}: the loader says {said} ({errors or warnings}), the test expects {expected}"


@pytest.mark.parametrize("name", list(WRONG))
def test_deliberately_wrong_files(name):
    _check_wrong(name, *WRONG[name])


@pytest.mark.parametrize("name", list(JSON_NUMBERS))
def test_what_json_numbers_cannot_tell(name):
    text, _expected = JSON_NUMBERS[name]
    errors, _warnings, strict, _lenient = _verdicts(name, text)
    assert errors and strict, "the loader refuses it; a JSON Schema cannot (if this fails, move the case to WRONG)"


def test_the_date_pattern_accepts_exactly_the_days_that_exist():
    validator = jsonschema.Draft202012Validator(PARTIAL_DATE_SCHEMA)
    texts = []
    for year in ("0000", "0001", "0400", "1582", "1900", "1996", "2000", "2023", "2024", "2100", "2400", "9999", "12", "20240"):
        texts.append(year)
        for month in range(0, 14):
            for m in {f"{month:02d}", str(month)}:
                texts.append(f"{year}-{m}")
                texts += [f"{year}-{m}-{d}" for day in range(0, 33) for d in {f"{day:02d}", str(day)}]
    texts += ["2014-003", "2014-03-001", "2014-", "2014-03-", "x2014", "2014/03", " 2014", "2014-03-26 "]
    assert len(texts) > 10000
    for value in [*texts, 999, 1000, 2014, 9999, 10000, -2014, 0]:
        try:
            parse_partial(value)
            accepted = True
        except ValueError:
            accepted = False
        assert validator.is_valid(value) == accepted, (value, accepted)
    assert calendar.isleap(2000) and not calendar.isleap(1900)


# The shipped file --------------------------------------------------------------------------------


def test_shipped_schema_is_current():
    assert SHIPPED.read_text(encoding="utf-8") == render_schema(), "run: python scripts/make_schema.py"


def test_shipped_schema_is_a_valid_2020_12_schema_with_a_versioned_id():
    schema = json.loads(schema_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"] == SCHEMA_ID == "https://claimcheck.dev/schema/claims-v1.json"
    assert "additionalProperties" in schema["description"] and "warning" in schema["description"]
    assert schema == json_schema()


def test_claimcheck_schema_prints_the_shipped_file():
    result = subprocess.run([sys.executable, "-m", "claimcheck", "schema"], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout == SHIPPED.read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_wheel_ships_the_schema_and_data_in_subfolders(tmp_path):
    """A wheel built from the working tree has the schema, and a file in a folder under data/
    (another engineer's data/reference/): pyproject's package-data glob is `data/**/*`; with
    `data/*` such a file is left out (tried)."""
    import shutil
    import zipfile

    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=REPO, capture_output=True, text=True)
    if listed.returncode != 0:
        pytest.skip("not a git checkout")
    source = tmp_path / "src"
    for name in filter(None, listed.stdout.split("\0")):
        if (REPO / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, source / name)
    nested = source / "claimcheck" / "data" / "nested-probe" / "probe.yaml"
    nested.parent.mkdir(parents=True)
    nested.write_text("reference: {id: probe}\n", encoding="utf-8")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", str(source), "-w", str(tmp_path / "dist")], capture_output=True, text=True, timeout=300
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {f"claimcheck/data/{SCHEMA_FILE}", "claimcheck/data/sarif-2.1.0.schema.json", "claimcheck/data/nested-probe/probe.yaml"} <= names


# The modeline ------------------------------------------------------------------------------------


def test_modeline_points_at_the_editor_schema_relative_to_the_file(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.claimcheck]\n", encoding="utf-8")
    (tmp_path / "claims" / "reference").mkdir(parents=True)
    expected = f"# yaml-language-server: $schema=../{EDITOR_SCHEMA}"
    assert schema_modeline(tmp_path / "claims") == expected  # no copy yet: where `claimcheck init` puts it
    (tmp_path / EDITOR_SCHEMA).parent.mkdir()
    (tmp_path / EDITOR_SCHEMA).write_text(schema_text(), encoding="utf-8")
    assert schema_modeline(tmp_path / "claims" / "a.yaml") == expected
    assert schema_modeline(tmp_path / "claims" / "reference") == f"# yaml-language-server: $schema=../../{EDITOR_SCHEMA}"
    assert schema_modeline(tmp_path / "elsewhere", root=tmp_path) == f"# yaml-language-server: $schema=../{EDITOR_SCHEMA}"


def test_modeline_without_a_project_names_the_schema_id(tmp_path, monkeypatch):
    from claimcheck import model

    monkeypatch.setattr(model.Path, "is_file", lambda self: False)
    assert schema_modeline(tmp_path) == f"# yaml-language-server: $schema={SCHEMA_ID}"
