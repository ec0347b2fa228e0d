"""Which rules run, with which severity and options: configuration and flags resolved once.

`build_plan(config, rules, select=..., ignore=...)` checks every rule name in the configuration
(an unknown one is a `ConfigError`, exit 2) and validates every rule's options.
"""

from __future__ import annotations

import contextlib
import difflib
import fnmatch
import os
from dataclasses import dataclass, field

from pydantic import ValidationError

from claimcheck.config import Config, ConfigError, check_severity
from claimcheck.registry import Rule, resolve, suggest
from claimcheck.registry import select as select_rules


@dataclass
class RuleSettings:
    """How one rule runs: its severity and validated options."""

    rule: Rule
    severity: str
    options: object  # the rule's RuleOptions


@dataclass
class RunPlan:
    rules: list[RuleSettings]
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)  # glob -> names/codes
    known_rules: frozenset = frozenset()  # every installed rule's name and code
    root: str | None = None  # per-file-ignores globs are relative to this folder (the configuration's)
    _ignored: dict = field(default_factory=dict, repr=False, compare=False)  # path -> ignored_in_file(path)

    def ignored_in_file(self, path: str) -> set[str]:
        """Rule names and codes that per-file-ignores turn off for `path` (memoised: asked per finding)."""
        if not self.per_file_ignores:
            return set()
        if path not in self._ignored:
            self._ignored[path] = self._ignored_in_file(path)
        return self._ignored[path]

    def _ignored_in_file(self, path: str) -> set[str]:
        names: set[str] = set()
        candidates = {path.replace("\\", "/")}
        if self.root is not None:
            with contextlib.suppress(ValueError):
                candidates.add(os.path.relpath(os.path.abspath(path), self.root).replace("\\", "/"))
        for pattern, ignored in self.per_file_ignores.items():
            if any(fnmatch.fnmatch(candidate, pattern) for candidate in candidates):
                names |= names_and_codes(ignored)
        return names


def names_and_codes(ignored) -> set[str]:
    """Rule names as written, codes in any case."""
    return {*ignored, *(name.upper() for name in ignored)}


def _resolve_names(rules: dict[str, Rule], names: list[str], where: str, lenient: bool = False) -> list[Rule]:
    """The rules the selectors name; an unknown one is a ConfigError with a suggestion (unless
    `lenient`: the project's rule folders were not loaded, so their names are passed over)."""
    out = []
    for name in names:
        found = select_rules(rules, name)
        if not found and not lenient:
            raise ConfigError(f"{where}: unknown rule {name!r}{suggest(rules, name)} (see `claimcheck rules`)")
        out.extend(found)
    return out


def build_plan(
    config: Config,
    rules: dict[str, Rule],
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    extend_select: list[str] | None = None,
    lenient: bool = False,
) -> RunPlan:
    """Which rules run, with which severity and options. `--select` replaces the configuration's
    select, `--extend-select` and `extend-select` add to it, `--ignore` adds to its ignore.
    With `lenient`, names no installed rule has are passed over (the project's rules were not
    loaded: --no-local-rules)."""
    chosen_selectors = (select if select else config.select) + config.extend_select + (extend_select or [])
    selected = _resolve_names(rules, chosen_selectors, "select", lenient)
    ignored = {r.name for r in _resolve_names(rules, config.ignore + (ignore or []), "ignore", lenient)}
    for glob, names in config.per_file_ignores.items():
        _resolve_names(rules, names, f"per-file-ignores {glob!r}", lenient)
    chosen = [r for r in dict.fromkeys(selected) if r.name not in ignored]
    settings = {name: _rule_settings(rules, name, table) for name, table in config.rules.items() if not lenient or resolve(rules, name)}
    settings = {s.rule.name: s for s in settings.values()}
    return RunPlan(
        rules=[settings.get(r.name) or RuleSettings(r, r.severity, r.options()) for r in chosen],
        per_file_ignores=config.per_file_ignores,
        known_rules=frozenset(key for rule in rules.values() for key in (rule.name, rule.code)),
        root=str(config.root) if config.source is not None else None,
    )


def _rule_settings(rules: dict[str, Rule], name: str, table: dict) -> RuleSettings:
    rule = resolve(rules, name)
    if rule is None:
        raise ConfigError(f"[tool.claimcheck.rules.{name}]: unknown rule {name!r}{suggest(rules, name)} (see `claimcheck rules`)")
    options = dict(table)
    severity = check_severity(options.pop("severity", rule.severity), f"[tool.claimcheck.rules.{name}]")
    try:
        return RuleSettings(rule, severity, rule.options(**{k.replace("-", "_"): v for k, v in options.items()}))
    except ValidationError as error:
        details = "; ".join(_option_error(rule, e) for e in error.errors())
        raise ConfigError(f"[tool.claimcheck.rules.{rule.name}]: {details}") from None


def _option_error(rule: Rule, error: dict) -> str:
    where = ".".join(map(str, error["loc"])) or "options"
    if error["type"] != "extra_forbidden" or len(error["loc"]) != 1:
        return f"{where}: {error['msg']}"
    known = sorted(name.replace("_", "-") for name in rule.options.model_fields)
    close = difflib.get_close_matches(str(error["loc"][0]).replace("_", "-"), known, n=1)
    hint = f" (did you mean `{close[0]}`?)" if close else f" (options: {', '.join(known) or 'none'})"
    return f"unknown option `{str(where).replace('_', '-')}`{hint}"
