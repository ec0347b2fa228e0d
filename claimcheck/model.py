"""The claims format v1 as pydantic models: article block, the five claim kinds, reference files.

Models only describe and validate data. Where a claim came from (file, line, column) is attached
by the loader (`claimcheck.load.files`) through private attributes, so rules can point at it.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, PrivateAttr, WithJsonSchema

from claimcheck.dates import DATE_SCHEMA, PARTIAL_DATE_SCHEMA, DateInterval, parse_date, parse_partial

PartialDate = Annotated[
    DateInterval,
    BeforeValidator(parse_partial),
    PlainSerializer(str),
    WithJsonSchema(PARTIAL_DATE_SCHEMA),
]
DateOrRange = Annotated[
    DateInterval,
    BeforeValidator(parse_date),
    PlainSerializer(str),
    WithJsonSchema(DATE_SCHEMA),
]

Approx = Literal["exact", "about", "almost", "at-least", "more-than", "at-most", "less-than", "up-to"]
AttributionType = Literal["named", "organization", "anonymous", "vague"]
Number = Annotated[float, Field(allow_inf_nan=False)]


def _text(value: Any) -> Any:
    """Free-text fields: YAML may read `2014` or `1.5` as numbers; keep what the user wrote."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return str(value)
    return value


Text = Annotated[str, BeforeValidator(_text)]


class Strict(BaseModel):
    """Unknown keys are reported by the loader (as warnings), not rejected here."""

    model_config = ConfigDict(extra="ignore", json_schema_extra={"additionalProperties": False})


class Attribution(Strict):
    source: Text | None = Field(None, description="who says so: a person or an organisation")
    role: Text | None = Field(None, description="the source's title as the article gives it")
    type: AttributionType | None = Field(None, description="named | organization | anonymous | vague")
    via: Text | None = Field(None, description="relaying outlet or agency (e.g. Tass, BBC)")


class Article(Strict):
    id: str = Field(pattern=r"^[a-z0-9._-]+$", description="unique in the corpus, [a-z0-9._-]+")
    title: Text | None = None
    outlet: Text | None = None
    authors: list[Text] = Field(default_factory=list)
    published: PartialDate | None = Field(None, description="ISO date; the time rules need it")
    url: Text | None = None
    source: Text | None = Field(None, description="the article text, relative to the claim file")


class ClaimBase(Strict):
    id: Text = Field(min_length=1, description="unique within the file")
    text: Text = Field(min_length=1, description="the claim as stated")
    span: tuple[Annotated[int, Field(ge=0)], Annotated[int, Field(ge=0)]] | None = Field(
        None, description="[start, end) character offsets in the article source"
    )
    attribution: Attribution | None = Field(None, description="absent or null: the article's own voice")
    ignore: list[Text] = Field(default_factory=list, description="rule names or codes to suppress here")
    boilerplate: bool = Field(False, description="page furniture (captions, banners): not checked for sources")

    # Set by the loader: the claim file this claim belongs to and its path inside the document.
    _file: Any = PrivateAttr(None)
    _path: tuple = PrivateAttr(())

    @property
    def file(self):
        return self._file

    @property
    def article(self) -> Article | None:
        return self._file.article if self._file is not None else None

    @property
    def article_id(self) -> str | None:
        return self._file.article_id if self._file is not None else None

    @property
    def published(self) -> DateInterval | None:
        article = self.article
        return article.published if article is not None else None

    @property
    def position(self) -> tuple[int, int]:
        return self._file.document.mark(self._path) if self._file is not None else (1, 1)

    def field_position(self, *field: str | int) -> tuple[int, int]:
        """Where a field of this claim is; falls back to the claim itself."""
        if self._file is None:
            return (1, 1)
        key = self._path + field
        return self._file.document.key_marks.get(key) or self._file.document.mark(key)

    @property
    def ref(self) -> str:
        """`article-id#claim-id`: how findings, baselines and reports name a claim."""
        return f"{self.article_id}#{self.id}"

    @property
    def source(self) -> str | None:
        return self.attribution.source if self.attribution is not None else None


class Figure(ClaimBase):
    kind: Literal["figure"]
    subject: Text = Field(description="what is measured")
    metric: Text = Field(description="which quantity of it")
    value: Number | tuple[Number, Number] = Field(description="a number, or [low, high]")
    approx: Approx = "exact"
    unit: Text | None = Field(None, description="free text; known units are converted")
    as_of: DateOrRange | None = Field(None, description="default: article.published")
    cumulative: bool = Field(False, description="a running total that can only grow over time")
    of: Number | None = Field(None, description="the whole this part belongs to")
    part_of: Text | None = Field(None, description="shares of one whole share a part_of")

    @property
    def when(self) -> DateInterval | None:
        return self.as_of or self.published


class Event(ClaimBase):
    kind: Literal["event"]
    subject: Text
    date: DateOrRange
    tense: Literal["past", "present", "future"] = "past"


class Quote(ClaimBase):
    kind: Literal["quote"]
    quote: Text = Field(min_length=1)
    attribution: Attribution | None = Field(description="its source is the speaker; null: nobody is named")
    said_on: DateOrRange | None = None
    direct: bool = True


class Role(ClaimBase):
    kind: Literal["role"]
    entity: Text
    role: Text
    status: Literal["current", "former", "then"] = "current"
    as_of: DateOrRange | None = None

    @property
    def when(self) -> DateInterval | None:
        return self.as_of or self.published


class Statement(ClaimBase):
    kind: Literal["statement"]
    hedge: Text | None = Field(None, description='the vague cue found, e.g. "widely seen"')


Claim = Union[Figure, Event, Quote, Role, Statement]
CLAIM_MODELS: dict[str, type[ClaimBase]] = {
    "figure": Figure,
    "event": Event,
    "quote": Quote,
    "role": Role,
    "statement": Statement,
}


class ClaimFileModel(Strict):
    """The whole claim file; used for the JSON Schema that editors validate against."""

    article: Article
    claims: list[Annotated[Claim, Field(discriminator="kind")]] = Field(default_factory=list)


# Reference files --------------------------------------------------------------------------------


class ReferenceInfo(Strict):
    id: Text
    description: Text | None = None


class Tenure(Strict):
    entity: Text
    role: Text
    start: PartialDate | None = Field(None, description="null: unknown start")
    end: PartialDate | None = Field(None, description="null: still in office")
    note: Text | None = None

    _file: Any = PrivateAttr(None)
    _path: tuple = PrivateAttr(())

    def describe(self) -> str:
        start = self.start.text if self.start else "?"
        end = self.end.text if self.end else "present"
        return f"{self.entity}, {self.role} {start}..{end}"


class ReferenceFileModel(Strict):
    reference: ReferenceInfo
    tenures: list[Tenure] = Field(default_factory=list)
    aliases: dict[Text, list[Text]] = Field(default_factory=dict)
    exclusive_roles: list[Text] = Field(
        default_factory=list, description="extra roles held by one person at a time, beyond those with tenures"
    )


def json_schema() -> dict:
    """JSON Schema for claim files and reference files (YAML language server friendly)."""
    claim_schema = ClaimFileModel.model_json_schema(mode="validation")
    reference_schema = ReferenceFileModel.model_json_schema(mode="validation")
    defs = {**claim_schema.pop("$defs", {}), **reference_schema.pop("$defs", {})}
    defs["ClaimFile"] = claim_schema
    defs["ReferenceFile"] = reference_schema
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "claimcheck claim or reference file (v1)",
        "anyOf": [{"$ref": "#/$defs/ClaimFile"}, {"$ref": "#/$defs/ReferenceFile"}],
        "$defs": defs,
    }
