"""Finding rules: one mechanism for built-in rules, a project's rule folders and plugins.

Every rule, ours included, is registered under the entry-point group `claimcheck.rules`
(our own pyproject.toml lists the built-ins there) or lives as a `.py` file in a rule folder.
Both go through `rule_from_object`, so a third-party rule is a first-class citizen.
"""

from __future__ import annotations

import difflib
import importlib.util
import inspect
import re
import sys
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path

from claimcheck.findings import SEVERITIES
from claimcheck.rule_api import SCOPES, RuleOptions

ENTRY_POINT_GROUP = "claimcheck.rules"
_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_CODE = re.compile(r"^[A-Z]+[0-9]+$")
_CODE_PREFIX = re.compile(r"^[A-Z]+[0-9]*$")


class RuleDefinitionError(Exception):
    """A rule that cannot be registered (missing attribute, clash, import error)."""


@dataclass(frozen=True)
class Rule:
    name: str
    code: str
    severity: str
    scope: str
    options: type[RuleOptions]
    check: object
    doc: str
    origin: str  # entry point or file, for messages
    keys: object = None  # group scope: keys(claim, context) -> the keys a claim is grouped under
    prepare: object = None  # group scope, optional: prepare(corpus, options) -> context
    kinds: tuple = ()  # claim kinds the rule looks at (claim and group scopes); empty: all
    combine: object = None  # group scope, optional: combine(partials, context) -> problems
    cacheable: bool = True  # False (`CACHE = False`): the rule reads more than the claim files
    last: bool = False  # True (`LAST = True`): runs after the others, with `corpus.suppressions`
    supersedes: tuple = ()  # `SUPERSEDES`: rules whose findings on a claim this rule reports on are not shown

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0] if self.doc.strip() else ""


def rule_from_object(obj: object, origin: str) -> Rule:
    """Validate a rule module/object and describe it."""
    missing = [attr for attr in ("NAME", "CODE", "check") if not hasattr(obj, attr)]
    if missing:
        raise RuleDefinitionError(f"{origin}: a rule needs {', '.join(missing)}")
    name, code = obj.NAME, obj.CODE
    severity = getattr(obj, "SEVERITY", "warning")
    scope = getattr(obj, "SCOPE", "claim")
    options = getattr(obj, "Options", RuleOptions)
    problems = []
    if not isinstance(name, str) or not _NAME.match(name):
        problems.append(f"NAME {name!r} is not kebab-case")
    if not isinstance(code, str) or not _CODE.match(code):
        problems.append(f"CODE {code!r} must look like CC101")
    if severity not in SEVERITIES:
        problems.append(f"SEVERITY {severity!r} is not one of {', '.join(SEVERITIES)}")
    if scope not in SCOPES:
        problems.append(f"SCOPE {scope!r} is not one of {', '.join(SCOPES)}")
    if not (inspect.isclass(options) and issubclass(options, RuleOptions)):
        problems.append("Options must subclass claimcheck.rule_api.RuleOptions")
    if not callable(obj.check):
        problems.append("check must be callable")
    keys, prepare, combine = getattr(obj, "keys", None), getattr(obj, "prepare", None), getattr(obj, "combine", None)
    if scope == "group" and not callable(keys):
        problems.append("a group rule needs keys(claim, context)")
    for hook, value in (("prepare", prepare), ("combine", combine)):
        if value is not None and not callable(value):
            problems.append(f"{hook} must be callable")
    kinds = getattr(obj, "KINDS", ())
    if isinstance(kinds, str) or not all(isinstance(k, str) for k in kinds):
        problems.append("KINDS must be a tuple of claim kinds")
    if problems:
        raise RuleDefinitionError(f"{origin}: " + "; ".join(problems))
    doc = inspect.getdoc(obj) or ""
    group = scope == "group"
    cacheable, last = bool(getattr(obj, "CACHE", True)), bool(getattr(obj, "LAST", False))
    supersedes = tuple(getattr(obj, "SUPERSEDES", ()))
    return Rule(
        name, code, severity, scope, options, obj.check, doc, origin, keys if group else None, prepare, tuple(kinds),
        combine if group else None, cacheable, last, supersedes,
    )


def _entry_point_rules() -> list[Rule]:
    rules = []
    for point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda p: p.name):
        origin = f"entry point {point.name} = {point.value}"
        try:
            obj = point.load()
        except Exception as error:  # a broken plugin must say which one it is
            raise RuleDefinitionError(f"{origin}: cannot import: {type(error).__name__}: {error}") from None
        rules.append(rule_from_object(obj, origin))
    return rules


def _folder_rules(folder: str) -> list[Rule]:
    rules = []
    for path in sorted(Path(folder).glob("*.py")):
        if path.name.startswith("_"):
            continue
        module_name = f"claimcheck_rules_{abs(hash(str(path.resolve())))}_{path.stem}"
        spec = importlib.util.spec_from_file_location(module_name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        writes = sys.dont_write_bytecode
        sys.dont_write_bytecode = True        # no .pyc in the project's folder, so never a stale one run
        try:
            spec.loader.exec_module(module)
        except Exception as error:
            raise RuleDefinitionError(f"{path}: cannot import: {type(error).__name__}: {error}") from None
        finally:
            sys.dont_write_bytecode = writes
        rules.append(rule_from_object(module, str(path)))
    return rules


def discover_rules(folders: list[str] = ()) -> dict[str, Rule]:
    """All rules by name: installed (built-in and plugins), then each rule folder."""
    found = _entry_point_rules()
    for folder in folders:
        if Path(folder).is_dir():
            found.extend(_folder_rules(folder))
    by_name: dict[str, Rule] = {}
    by_code: dict[str, Rule] = {}
    for rule in found:
        for index, key in ((by_name, rule.name), (by_code, rule.code)):
            if key in index and index[key].origin != rule.origin:
                raise RuleDefinitionError(f"rule {key} is defined twice: {index[key].origin} and {rule.origin}")
        by_name[rule.name] = rule
        by_code[rule.code] = rule
    return dict(sorted(by_name.items(), key=lambda item: item[1].code))


def resolve(rules: dict[str, Rule], name_or_code: str) -> Rule | None:
    """A rule by name or code, in any case (`Arithmetic`, `cc102`)."""
    if name_or_code in rules:
        return rules[name_or_code]
    lower, upper = name_or_code.lower(), name_or_code.upper()
    return next((rule for rule in rules.values() if rule.name == lower or rule.code == upper), None)


def select(rules: dict[str, Rule], name: str) -> list[Rule]:
    """The rules a selector names: `ALL`, a name or code (any case), or a code prefix (`CC1`: CC101,
    CC102, ...; `CC`: every built-in rule), as ruff selects. Empty when it names none."""
    if name.upper() == "ALL":
        return list(rules.values())
    rule = resolve(rules, name)
    if rule is not None:
        return [rule]
    upper = name.upper()
    if _CODE_PREFIX.match(upper):
        return [rule for rule in rules.values() if rule.code.startswith(upper)]
    return []


def suggest(rules: dict[str, Rule], name: str) -> str:
    """` (did you mean `x`?)` for a misspelt rule name or code, or nothing."""
    candidates = [key for rule in rules.values() for key in (rule.name, rule.code)]
    close = difflib.get_close_matches(name.lower() if "-" in name or name.islower() else name.upper(), candidates, n=1, cutoff=0.6)
    return f" (did you mean `{close[0]}`?)" if close else ""
