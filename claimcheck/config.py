"""Configuration: `[tool.claimcheck]` in pyproject.toml, overridden by command-line flags.

```toml
[tool.claimcheck]
paths = ["claims"]                 # what `claimcheck` checks when given no paths
reference = ["claims/reference"]   # reference files loaded even when checking single files
rule-paths = ["rules"]             # folders of project rules (default: rules/ if it exists)
select = ["ALL"]                   # rule names or codes; default all
ignore = []
fail-on = "error"                  # lowest severity that makes the exit code 1
per-file-ignores = {"claims/legacy/*.yaml" = ["unattributed"]}
scheduler = "tcp://host:8786"      # run `claimcheck check` on this Dask scheduler (docs/scaling.md)

[tool.claimcheck.rules.numeric-conflict]
severity = "warning"               # any rule's severity
# ...and the rule's own options (`claimcheck rule NAME` lists them)
```
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck.findings import SEVERITIES


class ConfigError(Exception):
    """The tool cannot do its job as configured (exit 2)."""


_KEYS = {"paths", "reference", "rule-paths", "select", "ignore", "fail-on", "per-file-ignores", "rules", "extend-select", "scheduler"}


@dataclass
class Config:
    root: Path  # the folder of pyproject.toml (or the working directory)
    source: Path | None = None  # the pyproject.toml read, if any
    paths: list[str] = field(default_factory=lambda: ["claims"])
    reference: list[str] = field(default_factory=list)
    rule_paths: list[str] = field(default_factory=lambda: ["rules"])
    select: list[str] = field(default_factory=lambda: ["ALL"])
    ignore: list[str] = field(default_factory=list)
    fail_on: str = "error"
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    rules: dict[str, dict] = field(default_factory=dict)
    scheduler: str | None = None  # a Dask scheduler address: `claimcheck check` runs there (see docs/scaling.md)

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
        return Config(root=cwd)
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"{source}: cannot read configuration: {error.strerror or error}") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{source}: invalid TOML: {error}") from None
    table = data.get("tool", {}).get("claimcheck", {})
    return _from_table(table, source)


def _from_table(table: dict, source: Path) -> Config:
    unknown = set(table) - _KEYS
    if unknown:
        raise ConfigError(f"{source}: unknown [tool.claimcheck] key(s): {', '.join(sorted(unknown))}")
    config = Config(root=source.parent.resolve(), source=source)
    for key in ("paths", "reference", "rule-paths", "select", "ignore"):
        if key in table:
            setattr(config, key.replace("-", "_"), _string_list(table[key], key, source))
    if "extend-select" in table:
        config.select = config.select + _string_list(table["extend-select"], "extend-select", source)
    if "fail-on" in table:
        config.fail_on = check_severity(table["fail-on"], f"{source}: fail-on")
    if "per-file-ignores" in table:
        per_file = table["per-file-ignores"]
        if not isinstance(per_file, dict):
            raise ConfigError(f"{source}: per-file-ignores must be a table of glob = [rules]")
        config.per_file_ignores = {glob: _string_list(v, f"per-file-ignores.{glob}", source) for glob, v in per_file.items()}
    if "scheduler" in table:
        if not isinstance(table["scheduler"], str) or not table["scheduler"].strip():
            raise ConfigError(f"{source}: scheduler must be a Dask scheduler address such as \"tcp://host:8786\"")
        config.scheduler = table["scheduler"].strip()
    rules = table.get("rules", {})
    if not isinstance(rules, dict) or not all(isinstance(v, dict) for v in rules.values()):
        raise ConfigError(f"{source}: [tool.claimcheck.rules.NAME] must be tables of options")
    config.rules = rules
    return config


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
