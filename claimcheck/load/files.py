"""Claim and reference files from disk: read, parse safely, validate, keep positions.

Nothing here raises on bad input: every problem becomes a `LoadProblem` with a line and column,
reported later by the `syntax` and `schema` rules, and the other files are still loaded.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from claimcheck.load.yamlsafe import Document, YamlProblem, offset_to_position, read_yaml
from claimcheck.model import (
    CLAIM_MODELS,
    Article,
    Attribution,
    ClaimBase,
    ReferenceFileModel,
    Tenure,
)

YAML_SUFFIXES = (".yaml", ".yml")
MAX_FILE_BYTES = 64 * 1024 * 1024


@dataclass(slots=True)
class LoadProblem:
    rule: str  # "syntax" or "schema"
    message: str
    line: int = 1
    column: int = 1
    severity: str | None = None  # None: the rule's configured severity
    claim_id: str | None = None


@dataclass
class ClaimFile:
    """One claim file (or a file that should have been one)."""

    path: str
    document: Document = field(default_factory=lambda: Document(None))
    article: Article | None = None
    claims: list = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)
    raw_article_id: str | None = None
    text: str | None = None

    @property
    def article_id(self) -> str | None:
        return self.article.id if self.article is not None else self.raw_article_id


@dataclass
class ReferenceFile:
    path: str
    document: Document = field(default_factory=lambda: Document(None))
    model: ReferenceFileModel | None = None
    problems: list[LoadProblem] = field(default_factory=list)

    @property
    def article_id(self) -> None:
        return None


# Discovery ---------------------------------------------------------------------------------------


def discover(paths: list[str]) -> list[str]:
    """YAML files under `paths`, in a stable order, displayed as given (relative stays relative)."""
    found: list[str] = []
    seen: set[str] = set()
    for given in paths:
        if os.path.isdir(given):
            candidates = _walk(given)
        else:
            candidates = [given]
        for candidate in candidates:
            real = os.path.realpath(candidate)
            if real not in seen:
                seen.add(real)
                found.append(candidate)
    return found


def _walk(directory: str) -> list[str]:
    out = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(YAML_SUFFIXES) and not name.startswith("."):
                out.append(os.path.normpath(os.path.join(root, name)))
    return out


# Reading -------------------------------------------------------------------------------------------


def read_text(path: str) -> tuple[str | None, LoadProblem | None]:
    """Decoded text, or a `syntax` problem saying why the bytes are not YAML text."""
    try:
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            return None, LoadProblem("syntax", f"file is {size} bytes; claim files are limited to {MAX_FILE_BYTES}")
        data = Path(path).read_bytes()
    except OSError as error:
        return None, LoadProblem("syntax", f"cannot read file: {error.strerror or error}")
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = _byte_position(data, nul)
        return None, LoadProblem("syntax", "binary file, not YAML text (NUL byte)", line, column)
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line, column = _byte_position(data, error.start)
        byte = data[error.start : error.start + 1].hex()
        return None, LoadProblem("syntax", f"not UTF-8 text: invalid byte 0x{byte}", line, column)


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    return line, offset - (data.rfind(b"\n", 0, offset) + 1) + 1


def load_file(path: str) -> ClaimFile | ReferenceFile:
    """Read and validate one file; the result carries every problem found."""
    text, problem = read_text(path)
    if problem is not None:
        return ClaimFile(path, problems=[problem])
    try:
        document = read_yaml(text)
    except YamlProblem as error:
        return ClaimFile(path, text=text, problems=[LoadProblem("syntax", error.message, error.line, error.column)])
    data = document.data
    if isinstance(data, dict) and "reference" in data:
        return _reference_file(path, document)
    claim_file = ClaimFile(path, document=document, text=text)
    if data is None:
        claim_file.problems.append(LoadProblem("schema", "empty file: a claim file needs `article` and `claims`"))
    elif not isinstance(data, dict) or not ({"article", "claims"} & set(data)):
        line, column = document.mark(())
        claim_file.problems.append(
            LoadProblem("schema", "not a claim file: expected top-level `article` and `claims`", line, column)
        )
    else:
        _fill_claim_file(claim_file)
    _report_duplicate_keys(claim_file)
    return claim_file


# Validation ------------------------------------------------------------------------------------------


def _fill_claim_file(claim_file: ClaimFile) -> None:
    document, data, problems = claim_file.document, claim_file.document.data, claim_file.problems
    _unknown_keys(document, (), data, {"article", "claims"}, problems, "top-level key")
    raw_article = data.get("article")
    if isinstance(raw_article, dict) and isinstance(raw_article.get("id"), str):
        claim_file.raw_article_id = raw_article["id"]
    if "article" not in data:
        problems.append(LoadProblem("schema", "missing `article` block", *document.mark(())))
    else:
        claim_file.article = _validate(Article, raw_article, ("article",), document, problems, "article")
    raw_claims = data.get("claims")
    if raw_claims is None:
        return
    if not isinstance(raw_claims, list):
        problems.append(LoadProblem("schema", "`claims` must be a list of claims", *document.mark(("claims",))))
        return
    first_seen: dict[str, int] = {}
    for index, raw in enumerate(raw_claims):
        claim = _validate_claim(raw, ("claims", index), document, problems)
        if claim is None:
            continue
        if claim.id in first_seen:
            line, column = document.mark(("claims", index, "id"))
            problems.append(
                LoadProblem(
                    "schema", f"duplicate claim id `{claim.id}` (first at line {first_seen[claim.id]})", line, column
                )
            )
            continue
        first_seen[claim.id] = document.mark(("claims", index))[0]
        claim._file = claim_file
        claim._path = ("claims", index)
        claim_file.claims.append(claim)


def _validate_claim(raw: object, path: tuple, document: Document, problems: list) -> ClaimBase | None:
    if not isinstance(raw, dict):
        problems.append(LoadProblem("schema", "a claim must be a mapping with `id`, `kind` and `text`", *document.mark(path)))
        return None
    kind = raw.get("kind")
    claim_id = raw.get("id") if isinstance(raw.get("id"), str) else None
    if kind not in CLAIM_MODELS:
        known = ", ".join(CLAIM_MODELS)
        if kind is None:
            message, where = f"claim has no `kind` (one of {known})", document.mark(path)
        else:
            message, where = f"unknown claim kind {kind!r} (expected one of {known})", document.mark(path + ("kind",))
        problems.append(LoadProblem("schema", message, *where, claim_id=claim_id))
        return None
    model = CLAIM_MODELS[kind]
    claim = _validate(model, raw, path, document, problems, f"{kind} claim", claim_id)
    if isinstance(raw.get("attribution"), dict):
        _unknown_keys(document, path + ("attribution",), raw["attribution"], set(Attribution.model_fields), problems, "attribution field", claim_id)
    return claim


def _validate(model: type[BaseModel], raw: object, path: tuple, document: Document, problems: list, what: str, claim_id: str | None = None):
    """Validate `raw` against `model`; turn each error into a positioned schema problem."""
    if not isinstance(raw, dict):
        problems.append(LoadProblem("schema", f"{what} must be a mapping", *document.mark(path), claim_id=claim_id))
        return None
    _unknown_keys(document, path, raw, set(model.model_fields) | {"kind"}, problems, f"{what} field", claim_id)
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        for message, loc in _error_messages(error, what):
            problems.append(LoadProblem("schema", message, *document.mark(path + loc), claim_id=claim_id))
        return None


def _error_messages(error: ValidationError, what: str) -> list[tuple[str, tuple]]:
    """One message per offending field (unions report each branch; the first one is enough)."""
    seen: set = set()
    out = []
    for detail in error.errors(include_url=False):
        loc = tuple(part for part in detail["loc"] if isinstance(part, int) or not _is_type_name(part))
        field_name = loc[0] if loc else None
        if field_name in seen:
            continue
        seen.add(field_name)
        dotted = ".".join(str(p) for p in loc)
        if detail["type"] == "missing":
            out.append((f"{what}: missing required field `{dotted}`", loc[:-1]))
        else:
            message = detail["msg"].removeprefix("Value error, ")
            shown = _short(detail.get("input"))
            out.append((f"{what}: field `{dotted}`: {message}{shown}", loc))
    return out


def _is_type_name(part: str) -> bool:
    # pydantic adds union branch names ("float", "tuple[float, float]") and validator names to loc
    return part in {"float", "int", "str", "bool", "none", "function-before[parse_date(), date]"} or "[" in part or "(" in part


def _short(value: object) -> str:
    if isinstance(value, (dict, list)) or value is None:
        return ""
    text = repr(value)
    return f" (got {text[:40] + '…' if len(text) > 40 else text})"


def _unknown_keys(document: Document, path: tuple, raw: dict, known: set, problems: list, what: str, claim_id: str | None = None) -> None:
    for key in raw:
        if key in known:
            continue
        suggestion = difflib.get_close_matches(str(key), sorted(known), n=1)
        hint = f" (did you mean `{suggestion[0]}`?)" if suggestion else ""
        problems.append(
            LoadProblem("schema", f"unknown {what} `{key}`{hint}", *document.key_mark(path + (key,)), severity="warning", claim_id=claim_id)
        )


def _report_duplicate_keys(source: ClaimFile | ReferenceFile) -> None:
    for path, key in source.document.duplicate_keys:
        line, column = source.document.key_mark(path)
        source.problems.append(LoadProblem("schema", f"duplicate key `{key}`: the later value would silently win", line, column))


def _reference_file(path: str, document: Document) -> ReferenceFile:
    reference = ReferenceFile(path, document=document)
    reference.model = _validate(ReferenceFileModel, document.data, (), document, reference.problems, "reference file")
    if reference.model is not None:
        for index, tenure in enumerate(reference.model.tenures):
            tenure._file = reference
            tenure._path = ("tenures", index)
        _check_tenures(reference)
    _report_duplicate_keys(reference)
    return reference


def _check_tenures(reference: ReferenceFile) -> None:
    for index, tenure in enumerate(reference.model.tenures):
        if tenure.start and tenure.end and tenure.end.end < tenure.start.start:
            line, column = reference.document.mark(("tenures", index))
            reference.problems.append(LoadProblem("schema", f"tenure ends before it starts: {tenure.describe()}", line, column))


def tenure_position(tenure: Tenure) -> tuple[str, int, int]:
    reference = tenure._file
    return (reference.path, *reference.document.mark(tenure._path))


__all__ = ["ClaimFile", "LoadProblem", "ReferenceFile", "discover", "load_file", "offset_to_position", "tenure_position"]
