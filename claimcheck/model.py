"""The claims format v1: article block, the five claim kinds, reference files, as records.

Each class is a pydantic dataclass with slots: pydantic validates a parsed YAML mapping into it
once (the contract, and the JSON Schema editors use), and what comes out is a slim record that the
rules read at the speed of a plain attribute. Where a record came from is part of it, in fields the
loader sets and no claim file can (`init=False`): the file, the index in its list, the line and
column, and the `Marks` of its fields.
"""

from __future__ import annotations

import dataclasses
import json
import os
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, ConfigDict, Field, PlainSerializer, Strict, TypeAdapter, WithJsonSchema
from pydantic.dataclasses import dataclass
from pydantic.json_schema import SkipJsonSchema

from claimcheck import marks as _marks
from claimcheck.dates import DATE_SCHEMA, PARTIAL_DATE_SCHEMA, DateInterval, parse_date, parse_partial
from claimcheck.marks import NO_MARKS

# Types -------------------------------------------------------------------------------------------

PartialDate = Annotated[DateInterval, BeforeValidator(parse_partial), PlainSerializer(str), WithJsonSchema(PARTIAL_DATE_SCHEMA)]
DateOrRange = Annotated[DateInterval, BeforeValidator(parse_date), PlainSerializer(str), WithJsonSchema(DATE_SCHEMA)]
# Free text: YAML reads `2014` or `1.5` as numbers; they are kept as the text the user wrote.
Text = Annotated[str, WithJsonSchema({"type": ["string", "number"]})]
NonEmptyText = Annotated[str, WithJsonSchema({"type": ["string", "number"], "minLength": 1})]  # with Field(min_length=1)
# Numbers and booleans are strict: "14" is not 14, `yes` is not true (as in the JSON Schema).
# Finite: the schema's bounds are the largest float (YAML's .inf and 1e400 are refused; NaN it cannot say).
_FINITE = 1.7976931348623157e308
Number = Annotated[float, Strict(), Field(allow_inf_nan=False), WithJsonSchema({"type": "number", "minimum": -_FINITE, "maximum": _FINITE})]
Flag = Annotated[bool, Strict()]
Offset = Annotated[int, Strict(), Field(ge=0)]

APPROX = ("exact", "about", "almost", "at-least", "more-than", "at-most", "less-than", "up-to")
Approx = Literal["exact", "about", "almost", "at-least", "more-than", "at-most", "less-than", "up-to"]
ATTRIBUTION_TYPES = ("named", "organization", "anonymous", "vague")
AttributionType = Literal["named", "organization", "anonymous", "vague"]
KINDS = ("figure", "event", "quote", "role", "statement")
LOADED_FIELDS = ("file", "index", "line", "column", "marks", "article_id", "published")  # not read from files
ARTICLE_ID_PATTERN = r"^[a-z0-9._-]+$"
# An article id as the loader takes it: text of [a-z0-9._-], or a number YAML read (`2014`, `1.5`:
# its text matches; floats below 1e16 are written without an exponent's `+`).
_ARTICLE_ID_SCHEMA = {"anyOf": [{"type": "string", "pattern": ARTICLE_ID_PATTERN}, {"type": "number", "exclusiveMinimum": -1e16, "exclusiveMaximum": 1e16}]}

# Unknown keys are reported by the loader as warnings (the spec), so validation ignores them.
_CONFIG = ConfigDict(extra="ignore", coerce_numbers_to_str=True, json_schema_extra={"additionalProperties": False}, defer_build=True)


def _loaded(default: Any = None) -> Any:
    """A field the loader sets (never read from the file, not in the JSON Schema)."""
    return dataclasses.field(default=default, init=False, repr=False, compare=False)


def record(cls):
    """The dataclass decorator of every record: slots, keyword-only, the format's config."""
    return dataclass(slots=True, kw_only=True, config=_CONFIG)(cls)


# Article and attribution ---------------------------------------------------------------------------


@record
class Attribution:
    source: Text | None = Field(None, description="who says so: a person or an organisation")
    role: Text | None = Field(None, description="the source's title as the article gives it")
    type: AttributionType | None = Field(None, description="named | organization | anonymous | vague")
    via: Text | None = Field(None, description="relaying outlet or agency (e.g. Tass, BBC)")


@record
class Article:
    id: Annotated[str, WithJsonSchema(_ARTICLE_ID_SCHEMA)] = Field(pattern=ARTICLE_ID_PATTERN, description="unique in the corpus, [a-z0-9._-]+")
    title: Text | None = None
    outlet: Text | None = None
    authors: list[Text] = Field(default_factory=list)
    published: PartialDate | None = Field(None, description="ISO date; the time rules need it")
    url: Text | None = None
    source: Text | None = Field(None, description="the article text, relative to the claim file")
    marks: SkipJsonSchema[Any] = _loaded(NO_MARKS)


# Claims ------------------------------------------------------------------------------------------


@record
class ClaimBase:
    id: NonEmptyText = Field(min_length=1, description="unique within the file")
    text: NonEmptyText = Field(min_length=1, description="the claim as stated")
    span: tuple[Offset, Offset] | None = Field(None, description="[start, end) character offsets in the article source")
    attribution: Attribution | None = Field(None, description="absent or null: the article's own voice")
    ignore: list[Text] = Field(default_factory=list, description="rule names or codes to suppress here")
    boilerplate: Flag = Field(False, description="page furniture (captions, banners): not checked for sources")

    # Set by the loader (the article's id and date are copied here: rules read them constantly).
    file: SkipJsonSchema[Any] = _loaded()  # the ClaimFile
    index: SkipJsonSchema[int] = _loaded(0)  # in the file's `claims` list
    line: SkipJsonSchema[int] = _loaded(1)
    column: SkipJsonSchema[int] = _loaded(1)
    marks: SkipJsonSchema[Any] = _loaded(NO_MARKS)
    article_id: SkipJsonSchema[str | None] = _loaded()
    published: SkipJsonSchema[Any] = _loaded()  # DateInterval | None: the article's publication date

    @property
    def article(self) -> Article | None:
        return self.file.article if self.file is not None else None

    @property
    def path(self) -> str | None:
        """The claim file's path as given (relative stays relative)."""
        return self.file.path if self.file is not None else None

    @property
    def position(self) -> tuple[int, int]:
        return self.line, self.column

    def field_position(self, *field: str | int) -> tuple[int, int]:
        """Where a field (or an item inside it) of this claim is; falls back to the claim itself."""
        return (self.marks.find(field) if field else None) or self.position

    @property
    def ref(self) -> str:
        """`article-id#claim-id`: how findings, baselines and reports name a claim."""
        return f"{self.article_id}#{self.id}"

    @property
    def source(self) -> str | None:
        return self.attribution.source if self.attribution is not None else None


@record
class Figure(ClaimBase):
    kind: Literal["figure"]
    subject: Text = Field(description="what is measured")
    metric: Text = Field(description="which quantity of it")
    value: Number | tuple[Number, Number] = Field(description="a number, or [low, high]")
    approx: Approx = "exact"
    unit: Text | None = Field(None, description="free text; known units are converted")
    as_of: DateOrRange | None = Field(None, description="default: article.published")
    cumulative: Flag = Field(False, description="a running total that can only grow over time")
    of: Number | None = Field(None, description="the whole this part belongs to")
    part_of: Text | None = Field(None, description="shares of one whole share a part_of")

    @property
    def when(self) -> DateInterval | None:
        return self.as_of or self.published


@record
class Event(ClaimBase):
    kind: Literal["event"]
    subject: Text
    date: DateOrRange
    tense: Literal["past", "present", "future"] = "past"

    @property
    def when(self) -> DateInterval:
        return self.date


@record
class Quote(ClaimBase):
    kind: Literal["quote"]
    quote: NonEmptyText = Field(min_length=1)
    attribution: Attribution | None = Field(description="its source is the speaker; null: nobody is named")
    said_on: DateOrRange | None = None
    direct: Flag = True

    @property
    def when(self) -> DateInterval | None:
        return self.said_on or self.published


@record
class Role(ClaimBase):
    kind: Literal["role"]
    entity: Text
    role: Text
    status: Literal["current", "former", "then"] = "current"
    as_of: DateOrRange | None = None

    @property
    def when(self) -> DateInterval | None:
        return self.as_of or self.published


@record
class Statement(ClaimBase):
    kind: Literal["statement"]
    hedge: Text | None = Field(None, description='the vague cue found, e.g. "widely seen"')

    @property
    def when(self) -> DateInterval | None:
        return self.published


Claim = Figure | Event | Quote | Role | Statement
CLAIM_TYPES: dict[str, type[ClaimBase]] = {"figure": Figure, "event": Event, "quote": Quote, "role": Role, "statement": Statement}


# Reference files ---------------------------------------------------------------------------------


BUILTIN_REFERENCE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "reference")


def builtin_reference_paths() -> list[str]:
    """The reference files that ship with claimcheck."""
    names = sorted(name for name in os.listdir(BUILTIN_REFERENCE_DIR) if name.endswith(".yaml"))
    return [os.path.join(BUILTIN_REFERENCE_DIR, name) for name in names]


def is_builtin_reference(path: str) -> bool:
    return os.path.dirname(os.path.abspath(path)) == BUILTIN_REFERENCE_DIR


def reference_place(path: str) -> str:
    """A reference file's path for messages: claimcheck's own are named, not shown as site-packages paths."""
    return f"claimcheck's reference {os.path.basename(path)}" if is_builtin_reference(path) else path


@record
class ReferenceInfo:
    id: Text
    description: Text | None = None
    verified: PartialDate | None = Field(
        None, description="tenures were checked up to this date: a title dated later is not judged against this file"
    )
    complete_from: PartialDate | None = Field(
        None,
        description="every holder of each role in this file is listed from this date: a title dated earlier is not judged against this file",
    )


@record
class Tenure:
    entity: Text
    role: Text
    start: PartialDate | None = Field(None, description="null: unknown start")
    end: PartialDate | None = Field(None, description="null: still in office")
    note: Text | None = None

    # Set by the loader.
    file: SkipJsonSchema[Any] = _loaded()  # the ReferenceFile
    index: SkipJsonSchema[int] = _loaded(0)
    line: SkipJsonSchema[int] = _loaded(1)
    column: SkipJsonSchema[int] = _loaded(1)

    @property
    def path(self) -> str | None:
        return self.file.path if self.file is not None else None

    @property
    def position(self) -> tuple[int, int]:
        return self.line, self.column

    def describe(self) -> str:
        start = self.start.text if self.start else "?"
        end = self.end.text if self.end else "present"
        return f"{self.entity}, {self.role} {start}..{end}"


@record
class ReferenceData:
    """The validated content of a reference file."""

    reference: ReferenceInfo
    tenures: list[Tenure] = Field(default_factory=list)
    aliases: dict[Text, list[Text]] = Field(default_factory=dict)
    metrics: dict[Text, list[Text]] = Field(
        default_factory=dict, description="more words for quantities: canonical metric -> synonyms (extends docs/vocabulary.md)"
    )
    exclusive_roles: list[Text] = Field(
        default_factory=list, description="extra roles held by one person at a time, beyond those with tenures"
    )


@record
class ClaimFileData:
    """A whole claim file, for the JSON Schema that editors validate against."""

    article: Article
    # The loader reads `claims:` with nothing after it (null) as no claims yet.
    claims: list[Annotated[Claim, Field(discriminator="kind")]] | None = Field(default_factory=list)


def _register_field_paths() -> None:
    """Fixed mark codes for every path the format defines (see claimcheck.marks)."""
    fields = {name for cls in (*CLAIM_TYPES.values(), Article) for name in cls.__dataclass_fields__}
    nested = {("attribution", name) for name in Attribution.__dataclass_fields__}
    nested |= {(name, end) for name in ("as_of", "date", "said_on") for end in ("start", "end")}
    nested |= {(name, i) for name in ("value", "span") for i in (0, 1)}
    nested |= {(name, i) for name in ("ignore", "authors") for i in range(32)}
    _marks.register([(name,) for name in sorted(fields)] + sorted(nested, key=str))


_register_field_paths()


# Validation and schema -------------------------------------------------------------------------------


@cache
def adapter(cls) -> TypeAdapter:
    """The validator of a record class (built once)."""
    return TypeAdapter(cls)


def validate(cls, data: object):
    """`data` (plain parsed YAML) as a record of `cls`; raises pydantic's ValidationError."""
    return adapter(cls).validate_python(data)


# The schema's identifier: versioned with the format (v1). It names the schema; it is not an
# address the schema can be fetched from (editors read the copy `claimcheck init` writes).
SCHEMA_ID = "https://claimcheck.dev/schema/claims-v1.json"
SCHEMA_FILE = "claims-v1.schema.json"  # shipped in claimcheck/data/, regenerated by scripts/make_schema.py
EDITOR_SCHEMA = f".claimcheck/{SCHEMA_FILE}"  # the editors' copy `claimcheck init` writes, relative to the project root
SCHEMA_DESCRIPTION = (
    "Claim files (top-level `article` and `claims`) and reference files (top-level `reference`) of the "
    "claimcheck claims format v1. Unknown fields: claimcheck reports them as warnings (rule `schema`, "
    "severity warning) and still checks the claim with the fields it has; a JSON Schema cannot warn, so "
    "here every record has `additionalProperties: false`: a strict validator rejects such a file, and the "
    "YAML language server shows each unknown field as a warning (\"Property ... is not allowed\"), as "
    "claimcheck does. Left to `claimcheck check` (a schema cannot say them): duplicate claim ids and "
    "duplicate keys, a date range or tenure that ends before it starts."
)


def json_schema() -> dict:
    """JSON Schema for claim files and reference files (YAML language server friendly); the file
    shipped as claimcheck/data/claims-v1.schema.json (`schema_text()`) is this, generated."""
    claim_schema = adapter(ClaimFileData).json_schema(mode="validation")
    reference_schema = adapter(ReferenceData).json_schema(mode="validation")
    defs = {**claim_schema.pop("$defs", {}), **reference_schema.pop("$defs", {})}
    defs["ClaimFile"] = claim_schema
    defs["ReferenceFile"] = reference_schema
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "claimcheck claim or reference file (v1)",
        "description": SCHEMA_DESCRIPTION,
        "anyOf": [{"$ref": "#/$defs/ClaimFile"}, {"$ref": "#/$defs/ReferenceFile"}],
        "$defs": defs,
    }


def render_schema(schema: dict | None = None) -> str:
    """The schema as the shipped file holds it (2-space JSON, a final newline)."""
    return json.dumps(json_schema() if schema is None else schema, indent=2, ensure_ascii=False) + "\n"


def schema_text() -> str:
    """The shipped schema file (what `claimcheck schema` prints), without building the models' schema."""
    return resources.files("claimcheck").joinpath("data", SCHEMA_FILE).read_text(encoding="utf-8")


def schema_modeline(relative_to: Path, root: Path | None = None) -> str:
    """The YAML language server's modeline for a YAML file in the folder `relative_to` (a
    `.yaml`/`.yml` path stands for its folder): `# yaml-language-server: $schema=<path>`, the path of
    the project's editor schema (EDITOR_SCHEMA under `root`) relative to that folder, with `/`.

    Without `root`: the nearest folder at or above `relative_to` that has the editor schema, else
    the nearest with a pyproject.toml (where `claimcheck init` would write it); with neither, the
    schema's `$id`, which names the schema but cannot be fetched (map it in the editor's
    `yaml.schemas`)."""
    folder = Path(relative_to)
    if folder.suffix in (".yaml", ".yml"):
        folder = folder.parent
    folder = Path(os.path.abspath(folder))
    if root is None:
        candidates = [folder, *folder.parents]
        root = next((c for c in candidates if (c / EDITOR_SCHEMA).is_file()), None)
        root = root or next((c for c in candidates if (c / "pyproject.toml").is_file()), None)
    if root is None:
        return f"# yaml-language-server: $schema={SCHEMA_ID}"
    target = os.path.relpath(Path(os.path.abspath(root)) / EDITOR_SCHEMA, folder)
    return f"# yaml-language-server: $schema={Path(target).as_posix()}"


# Files -------------------------------------------------------------------------------------------


@dataclasses.dataclass(slots=True)
class FileProblem:
    """Something wrong with a file, found while loading it; the `syntax` and `schema` rules report it."""

    rule: str  # "syntax" or "schema"
    message: str
    line: int = 1
    column: int = 1
    severity: str | None = None  # None: the rule's configured severity
    claim_id: str | None = None  # the claim it is about, when it has an id
    fix: object = None  # a claimcheck.rule_api.Fix, when the mend is clear (a misspelt field name)


@dataclasses.dataclass(slots=True, eq=False)
class ClaimFile:
    """One claim file (or a file that should have been one): its article and its valid claims."""

    path: str  # as given (relative stays relative)
    article: Article | None = None
    claims: list = dataclasses.field(default_factory=list)
    problems: list[FileProblem] = dataclasses.field(default_factory=list)
    raw_article_id: str | None = None  # the id written, even when the article block is invalid
    line: int = 1  # where the document starts
    column: int = 1
    noqa: dict = dataclasses.field(default_factory=dict)  # disable comments: claim id (None: the file) -> rules (empty: all)

    @property
    def article_id(self) -> str | None:
        return self.article.id if self.article is not None else self.raw_article_id


@dataclasses.dataclass(slots=True, eq=False)
class ReferenceFile:
    """One reference file: tenures, aliases, exclusive roles."""

    path: str
    data: ReferenceData | None = None
    problems: list[FileProblem] = dataclasses.field(default_factory=list)
    line: int = 1
    column: int = 1
    article_id = None  # a reference file is about no article

    @property
    def tenures(self) -> list[Tenure]:
        return self.data.tenures if self.data is not None else []
