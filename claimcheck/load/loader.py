"""Claim and reference files from text: parse safely, validate into records, keep positions.

Nothing here raises on bad input: every problem becomes a `FileProblem` with a line and column,
reported later by the `syntax` and `schema` rules, and the other claims of the file are still
loaded. Positions are set on the records by one function, `_place`, from the parsed document,
which is then dropped: only the compact `Marks` survive.
"""

from __future__ import annotations

import difflib
import re

from pydantic import ValidationError

from claimcheck.findings import Edit, Fix
from claimcheck.load.files import read_text
from claimcheck.load.yamlsafe import Document, YamlProblem, read_yaml
from claimcheck.marks import Marks
from claimcheck.marks import code_of as marks_code
from claimcheck.model import (
    CLAIM_TYPES,
    LOADED_FIELDS,
    Article,
    Attribution,
    ClaimBase,
    ClaimFile,
    FileProblem,
    ReferenceData,
    ReferenceFile,
    ReferenceInfo,
    Tenure,
    validate,
)
from claimcheck.quantities import APPROX_SYNONYMS

_FIELDS = {cls: set(cls.__dataclass_fields__) - set(LOADED_FIELDS) for cls in CLAIM_TYPES.values()}
_FIELDS |= {Article: set(Article.__dataclass_fields__) - {"marks"}, Attribution: set(Attribution.__dataclass_fields__)}
MARK_DEPTH = 2  # field positions kept below a claim: `value`, `attribution.source`, `ignore.0`


def load_file(path: str) -> ClaimFile | ReferenceFile:
    """Read and validate one file; the result carries every problem found."""
    text, problem = read_text(path)
    if problem is not None:
        return ClaimFile(path, problems=[problem])
    return load_text(path, text)


def is_claimcheck_file(path: str) -> bool:
    """Whether the loader reads `path` as a claim or reference file (top-level `article`,
    `claims` or `reference`), or cannot read it at all (then the `syntax` rule says why)."""
    text, problem = read_text(path)
    if problem is not None:
        return True
    try:
        data = read_yaml(text).data
    except YamlProblem:
        return True
    return isinstance(data, dict) and bool({"article", "claims", "reference"} & set(data))


def load_text(path: str, text: str) -> ClaimFile | ReferenceFile:
    """Validate the text of a file shown as `path` (standard input, an editor's buffer)."""
    try:
        document = read_yaml(text)
    except YamlProblem as error:
        return ClaimFile(path, problems=[FileProblem("syntax", error.message, error.line, error.column)])
    data = document.data
    if isinstance(data, dict) and "reference" in data:
        loaded = _reference_file(path, document)
    else:
        loaded = _claim_file(path, document)
        if "claimcheck:" in text:
            loaded.noqa = _disable_comments(text, loaded)
    loaded.line, loaded.column = document.mark(())
    _report_duplicate_keys(document, loaded.problems)
    return loaded


_DISABLE = re.compile(r"(?:^|\s)#\s*claimcheck:\s*(?P<scope>file-noqa|noqa)\b(?:\s*:\s*(?P<rules>[\w\-]+(?:\s*,\s*[\w\-]+)*))?")


def _disable_comments(text: str, claim_file: ClaimFile) -> dict:
    """`# claimcheck: noqa[: RULE, ...]` on a line of a claim turns those rules (all without a
    list) off for that claim; `# claimcheck: file-noqa[: RULE, ...]` anywhere, for the file."""
    starts = sorted((claim.line, claim.id) for claim in claim_file.claims)
    found: dict = {}
    for number, line in enumerate(text.splitlines(), 1):
        match = _DISABLE.search(line)
        if match is None:
            continue
        rules = frozenset(part.strip() for part in (match["rules"] or "").split(",") if part.strip())
        if match["scope"] == "file-noqa":
            key = None
        else:
            owners = [claim_id for start, claim_id in starts if start <= number]
            if not owners:
                continue
            key = owners[-1]
        found[key] = frozenset() if (key in found and not found[key]) or not rules else found.get(key, frozenset()) | rules
    return found


# Claim files ---------------------------------------------------------------------------------------


def _claim_file(path: str, document: Document) -> ClaimFile:
    claim_file = ClaimFile(path)
    data, problems = document.data, claim_file.problems
    if data is None:
        problems.append(FileProblem("schema", "empty file: a claim file needs `article` and `claims`"))
        return claim_file
    if not isinstance(data, dict) or not ({"article", "claims"} & set(data)):
        problems.append(FileProblem("schema", "not a claim file: expected top-level `article` and `claims`", *document.mark(())))
        return claim_file
    _unknown_keys(document, (), data, {"article", "claims"}, problems, "top-level key")
    raw_article = data.get("article")
    if isinstance(raw_article, dict) and isinstance(raw_article.get("id"), str):
        claim_file.raw_article_id = raw_article["id"]
    if "article" not in data:
        problems.append(FileProblem("schema", "missing `article` block", *document.mark(())))
    else:
        claim_file.article = _validate(Article, raw_article, ("article",), document, problems, "article")
    raw_claims = data.get("claims")
    if raw_claims is None:
        return claim_file
    if not isinstance(raw_claims, list):
        problems.append(FileProblem("schema", "`claims` must be a list of claims", *document.mark(("claims",))))
        return claim_file
    first_seen: dict[str, int] = {}
    valid = []
    for index, raw in enumerate(raw_claims):
        claim = _validate_claim(raw, ("claims", index), document, problems)
        if claim is None:
            continue
        if claim.id in first_seen:
            line, column = document.mark(("claims", index, "id"))
            problems.append(FileProblem("schema", f"duplicate claim id `{claim.id}` (first at line {first_seen[claim.id]})", line, column))
            continue
        first_seen[claim.id] = document.mark(("claims", index))[0]
        claim.file = claim_file
        valid.append((index, claim))
    _place(claim_file, valid, document)
    return claim_file


def _place(claim_file: ClaimFile, claims: list[tuple[int, ClaimBase]], document: Document) -> None:
    """Set the positions and field marks of the article and every claim from the document, in
    one pass over its marks (keys' positions preferred: a finding on `value` points at `value:`)."""
    flat: dict[int, list[int]] = {index: [] for index, _claim in claims}
    article: list[int] = []
    key_marks, code_of = document.key_marks, marks_code
    for path, position in document.marks.items():
        size = len(path)
        if size < 2:
            continue
        head = path[0]
        if head == "claims" and 2 < size <= 2 + MARK_DEPTH:
            entries, code = flat.get(path[1]), code_of(path[2:])
            if entries is not None and code is not None:
                line, column = key_marks.get(path, position)
                entries += (code, line, column)
        elif head == "article" and size <= 1 + MARK_DEPTH:
            code = code_of(path[1:])
            if code is not None:
                line, column = key_marks.get(path, position)
                article += (code, line, column)
    if claim_file.article is not None:
        claim_file.article.marks = Marks(article)
    marks = document.marks
    article_id = claim_file.article_id
    published = claim_file.article.published if claim_file.article is not None else None
    for index, claim in claims:
        claim.index = index
        claim.article_id, claim.published = article_id, published
        claim.line, claim.column = marks.get(("claims", index), (1, 1))
        claim.marks = Marks(flat[index])
        claim_file.claims.append(claim)


def _validate_claim(raw: object, path: tuple, document: Document, problems: list) -> ClaimBase | None:
    if not isinstance(raw, dict):
        problems.append(FileProblem("schema", "a claim must be a mapping with `id`, `kind` and `text`", *document.mark(path)))
        return None
    kind = raw.get("kind")
    claim_id = raw.get("id") if isinstance(raw.get("id"), (str, int)) and not isinstance(raw.get("id"), bool) else None
    claim_id = str(claim_id) if claim_id is not None else None
    if not isinstance(kind, str) or kind not in CLAIM_TYPES:
        problems.append(_kind_problem(kind, path, document, claim_id))
        return None
    cls = CLAIM_TYPES[kind]
    claim = _validate(cls, raw, path, document, problems, f"{kind} claim", claim_id)
    if isinstance(raw.get("attribution"), dict):
        _unknown_keys(document, (*path, "attribution"), raw["attribution"], _FIELDS[Attribution], problems, "attribution field", claim_id)
    return claim


def _kind_problem(kind: object, path: tuple, document: Document, claim_id: str | None) -> FileProblem:
    known = ", ".join(CLAIM_TYPES)
    if kind is None:
        return FileProblem("schema", f"claim has no `kind` (one of {known})", *document.mark(path), claim_id=claim_id)
    shown = repr(kind) if isinstance(kind, str) else f"a {type(kind).__name__}"
    close = difflib.get_close_matches(kind, list(CLAIM_TYPES), n=1) if isinstance(kind, str) else []
    hint = f" (did you mean `{close[0]}`?)" if close else ""
    return FileProblem("schema", f"unknown claim kind {shown}{hint} (expected one of {known})", *document.mark((*path, "kind")), claim_id=claim_id)


def _validate(cls, raw: object, path: tuple, document: Document, problems: list, what: str, claim_id: str | None = None):
    """Validate `raw` into a record of `cls`; turn each error into a positioned schema problem."""
    if not isinstance(raw, dict):
        problems.append(FileProblem("schema", f"{what} must be a mapping", *document.mark(path), claim_id=claim_id))
        return None
    known = _FIELDS.get(cls) or set(cls.__dataclass_fields__)
    _unknown_keys(document, path, raw, known | {"kind"}, problems, f"{what} field", claim_id)
    try:
        return validate(cls, raw)
    except ValidationError as error:
        for message, loc, fix in error_messages(error, what, raw):
            fix = Fix(fix.title, tuple(Edit(path + edit.path, edit.value) for edit in fix.edits)) if fix else None
            problems.append(FileProblem("schema", message, *document.mark(path + loc), claim_id=claim_id, fix=fix))
        return None


def error_messages(error: ValidationError, what: str, raw: dict) -> list[tuple[str, tuple, Fix | None]]:
    """One message per offending field (unions report each branch; the first one is enough), with
    a fix when the mend is clear (an approx synonym, a value one letter off an allowed one)."""
    seen: set = set()
    out = []
    for detail in error.errors(include_url=False):
        loc = tuple(part for part in detail["loc"] if isinstance(part, int) or not _is_type_name(part))
        field_name = loc[0] if loc else None
        # One message per field; in a list of records (a reference file's tenures), per record's field.
        record_list = len(loc) >= 3 and isinstance(loc[1], int) and isinstance(raw.get(field_name), list)
        key = loc[:3] if record_list else field_name
        if key in seen:
            continue
        seen.add(key)
        dotted = ".".join(str(p) for p in loc)
        if detail["type"] == "missing":
            out.append((f"{what}: missing required field `{dotted}`", loc[:-1], None))
            continue
        message = _yaml_words(detail["msg"].removeprefix("Value error, "))
        value = detail.get("input")
        better = _better_value(detail, field_name, value)
        fix = None
        if better is not None:
            message += f" (did you mean `{better}`?)"
            fix = Fix(f"write `{value}` as `{better}`", (Edit(loc, better),))
        out.append((f"{what}: field `{dotted}`: {message}{_shown(value, message)}", loc, fix))
    return out


_INSTANCE_OF = re.compile(r" or an instance of \w+")


def _yaml_words(message: str) -> str:
    """pydantic's message in the words of a YAML file: "a dictionary or an instance of
    Attribution" is "a mapping"."""
    return _INSTANCE_OF.sub("", message).replace("a valid dictionary", "a mapping").replace("a dictionary", "a mapping")


def _better_value(detail: dict, field_name, value) -> str | None:
    """The allowed value meant: an approx synonym (`around` is `about`), or the one allowed value
    close to what was written (`organisation` is `organization`)."""
    if not isinstance(value, str):
        return None
    if field_name == "approx" and value in APPROX_SYNONYMS:
        return APPROX_SYNONYMS[value]
    expected = (detail.get("ctx") or {}).get("expected", "")
    allowed = re.findall(r"'([^']+)'", expected) if detail["type"] == "literal_error" else []
    close = difflib.get_close_matches(value, allowed, n=2, cutoff=0.75)
    return close[0] if len(close) == 1 else None


def _is_type_name(part: str) -> bool:
    # pydantic adds union branch names ("float", "tuple[float, float]") and validator names to loc
    return part in {"float", "int", "str", "bool", "none"} or "[" in part or "(" in part


def _shown(value: object, message: str) -> str:
    """` (got 'x')`, unless the message already shows the value."""
    if isinstance(value, (dict, list)) or value is None:
        return ""
    text = repr(value)
    text = text[:40] + "…" if len(text) > 40 else text
    return "" if text in message or str(value) in message else f" (got {text})"


def _unknown_keys(document: Document, path: tuple, raw: dict, known: set, problems: list, what: str, claim_id: str | None = None) -> None:
    if raw.keys() <= known:
        return
    for key in raw:
        if key in known:
            continue
        suggestion = difflib.get_close_matches(str(key), sorted(known), n=2)
        hint = f" (did you mean `{suggestion[0]}`?)" if suggestion else ""
        fix = None
        if len(suggestion) == 1 and suggestion[0] not in raw:  # one close name, not already there: a typo
            fix = Fix(f"rename `{key}` to `{suggestion[0]}`", (Edit((*path, key), rename=suggestion[0]),))
        problems.append(
            FileProblem("schema", f"unknown {what} `{key}`{hint}", *document.key_mark((*path, key)), severity="warning", claim_id=claim_id, fix=fix)
        )


def _report_duplicate_keys(document: Document, problems: list) -> None:
    for path, key in document.duplicate_keys:
        line, column = document.key_mark(path)
        problems.append(FileProblem("schema", f"duplicate key `{key}`: the later value would silently win", line, column))


# Reference files -------------------------------------------------------------------------------------


_REFERENCE_FIELDS = {  # (the top-level keys are checked with the validation: "unknown reference file field")
    ReferenceInfo: set(ReferenceInfo.__dataclass_fields__),
    Tenure: set(Tenure.__dataclass_fields__) - {"file", "index", "line", "column"},
}


def _unknown_reference_keys(document: Document, problems: list) -> None:
    """A misspelt key in a reference file (`ednd:` for `end:`) would leave a tenure open silently."""
    data = document.data
    if not isinstance(data, dict):
        return
    if isinstance(data.get("reference"), dict):
        _unknown_keys(document, ("reference",), data["reference"], _REFERENCE_FIELDS[ReferenceInfo], problems, "reference field")
    if isinstance(data.get("tenures"), list):
        for index, tenure in enumerate(data["tenures"]):
            if isinstance(tenure, dict):
                _unknown_keys(document, ("tenures", index), tenure, _REFERENCE_FIELDS[Tenure], problems, "tenure field")


def _reference_file(path: str, document: Document) -> ReferenceFile:
    reference = ReferenceFile(path)
    _unknown_reference_keys(document, reference.problems)
    reference.data = _validate(ReferenceData, document.data, (), document, reference.problems, "reference file")
    if reference.data is not None:
        for index, tenure in enumerate(reference.data.tenures):
            tenure.file, tenure.index = reference, index
            tenure.line, tenure.column = document.mark(("tenures", index))
            if tenure.start and tenure.end and tenure.end.end < tenure.start.start:
                reference.problems.append(FileProblem("schema", f"tenure ends before it starts: {tenure.describe()}", tenure.line, tenure.column))
    return reference
