"""Configuration: `[tool.claimcheck]` in pyproject.toml, overridden by command-line flags.

```toml
[tool.claimcheck]
paths = ["claims"]                 # what `claimcheck` checks when given no paths
exclude = ["claims/drafts/**"]     # globs (relative to this file) never checked; .gitignore is respected
reference = ["claims/reference"]   # reference files loaded even when checking single files
rule-paths = ["rules"]             # folders of project rules (none unless named here; see docs/security.md)
article-roots = ["../articles"]    # folders outside this one that article texts (article.source) may be read from
select = ["ALL"]                   # rule names, codes or code prefixes ("CC1"); default all
extend-select = []                 # added to select (also to --select)
ignore = []
fail-on = "error"                  # lowest severity that makes the exit code 1
output-format = "text"             # text | json | markdown | github | sarif | junit
per-file-ignores = {"claims/legacy/*.yaml" = ["unattributed"]}   # globs relative to this file
cache-dir = ".claimcheck_cache"
max-findings-per-rule = 10000      # beyond it a rule's findings are counted, not listed
max-findings-per-group = 100       # the same for one group of a group rule (one subject and metric...)
scheduler = "tcp://host:8786"      # run `claimcheck check` on this Dask scheduler (docs/scaling.md)

[tool.claimcheck.rules.numeric-conflict]
severity = "warning"               # any rule's severity
# ...and the rule's own options (`claimcheck rule NAME` lists them)
```
"""

from __future__ import annotations

import difflib
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck.findings import SEVERITIES


class ConfigError(Exception):
    """The tool cannot do its job as configured (exit 2)."""


_LISTS = ("paths", "exclude", "reference", "rule-paths", "article-roots", "select", "extend-select", "ignore")
_KEYS = {
    *_LISTS, "fail-on", "per-file-ignores", "rules", "output-format", "cache-dir", "respect-gitignore",
    "builtin-reference", "max-findings-per-rule", "max-findings-per-group", "scheduler",
}  # fmt: skip


@dataclass
class Config:
    root: Path  # the folder of pyproject.toml (or the working directory): the project root
    source: Path | None = None  # the pyproject.toml read, if any
    paths: list[str] = field(default_factory=lambda: ["claims"])
    exclude: list[str] = field(default_factory=list)
    reference: list[str] = field(default_factory=list)
    rule_paths: list[str] = field(default_factory=list)
    article_roots: list[str] = field(default_factory=list)  # folders outside the root article texts may be read from
    select: list[str] = field(default_factory=lambda: ["ALL"])
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: str = "error"
    output_format: str | None = None
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    rules: dict[str, dict] = field(default_factory=dict)
    cache_dir: str = ".claimcheck_cache"
    respect_gitignore: bool = True
    builtin_reference: bool = True  # judge titles against claimcheck's own tenures where the project's are silent
    max_findings_per_rule: int = 10_000
    max_findings_per_group: int = 100
    scheduler: str | None = None  # a Dask scheduler's address (claimcheck.distributed)

    def __post_init__(self) -> None:
        self.root = Path(self.root)

    def relative(self, paths: list[str]) -> list[str]:
        """Configured paths (relative to pyproject.toml) as paths relative to the working directory."""
        out = []
        for path in paths:
            absolute = self.root / path
            try:
                out.append(os.path.relpath(absolute))
            except ValueError:  # another drive on Windows
                out.append(str(absolute))
        return out

    def inside_root(self, path: str | os.PathLike) -> bool:
        """Whether `path`, with every symbolic link followed, lies inside the project root."""
        real, root = os.path.realpath(path), os.path.realpath(self.root)
        return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml with a [tool.claimcheck] table, from `start` upwards."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                data = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                return candidate  # report the error when it is loaded
            if "claimcheck" in data.get("tool", {}):
                return candidate
    return None


def load_config(explicit: str | None = None, cwd: Path | None = None) -> Config:
    cwd = cwd or Path.cwd()
    source = Path(explicit) if explicit else find_pyproject(cwd)
    if source is None:
        return Config(root=cwd.resolve())
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"{source}: cannot read configuration: {error.strerror or error}") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{source}: invalid TOML: {error}") from None
    table = data.get("tool", {}).get("claimcheck", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{source}: [tool.claimcheck] must be a table")
    return _from_table(table, source)


def _from_table(table: dict, source: Path) -> Config:
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        hints = [f"{key} (did you mean `{close[0]}`?)" if (close := difflib.get_close_matches(key, sorted(_KEYS), n=1)) else key for key in unknown]
        raise ConfigError(f"{source}: unknown [tool.claimcheck] key(s): {', '.join(hints)}")
    config = Config(root=source.parent.resolve(), source=source)
    for key in _LISTS:
        if key in table:
            setattr(config, key.replace("-", "_"), _string_list(table[key], key, source))
    if "fail-on" in table:
        config.fail_on = check_severity(table["fail-on"], f"{source}: fail-on")
    if "output-format" in table:
        config.output_format = _string(table["output-format"], "output-format", source)
    if "cache-dir" in table:
        config.cache_dir = _string(table["cache-dir"], "cache-dir", source)
    if "scheduler" in table:
        if not isinstance(table["scheduler"], str) or not table["scheduler"].strip():
            raise ConfigError(f'{source}: scheduler must be a Dask scheduler address such as "tcp://host:8786"')
        config.scheduler = table["scheduler"].strip()
    for key in ("respect-gitignore", "builtin-reference"):
        if key in table:
            if not isinstance(table[key], bool):
                raise ConfigError(f"{source}: {key} must be true or false")
            setattr(config, key.replace("-", "_"), table[key])
    for key in ("max-findings-per-rule", "max-findings-per-group"):
        if key in table:
            value = table[key]
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ConfigError(f"{source}: {key} must be a whole number of at least 1")
            setattr(config, key.replace("-", "_"), value)
    if "per-file-ignores" in table:
        per_file = table["per-file-ignores"]
        if not isinstance(per_file, dict):
            raise ConfigError(f"{source}: per-file-ignores must be a table of glob = [rules]")
        config.per_file_ignores = {glob: _string_list(v, f"per-file-ignores.{glob}", source) for glob, v in per_file.items()}
    rules = table.get("rules", {})
    if not isinstance(rules, dict) or not all(isinstance(v, dict) for v in rules.values()):
        raise ConfigError(f"{source}: [tool.claimcheck.rules.NAME] must be tables of options")
    config.rules = rules
    return config


def _string(value: object, key: str, source: Path) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{source}: {key} must be a string")
    return value


def _string_list(value: object, key: str, source: Path) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{source}: {key} must be a list of strings")
    return value


def check_severity(value: object, where: str) -> str:
    if value not in SEVERITIES:
        raise ConfigError(f"{where}: severity must be one of {', '.join(SEVERITIES)}, not {value!r}")
    return value
