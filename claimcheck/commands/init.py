"""Set up a new desk: configuration, an example claim file, a reference file, the editor schema, pre-commit and CI.

`claimcheck init [--dir DIR]` writes into the current folder (or DIR):

* `pyproject.toml` with `[tool.claimcheck]` (appended to an existing pyproject.toml, whose content
  is kept; an existing `[tool.claimcheck]` table is left as it is);
* `claims/example.yaml`, a claim file with two deliberate, explained findings, and
  `claims/reference/offices.yaml`, a reference file (tenures and aliases);
* `.claimcheck/claims-v1.schema.json`, the JSON Schema the YAML language server reads (the
  example's first line points at it);
* `.pre-commit-config.yaml` with claimcheck's hook, pinned to a commit;
* `.github/workflows/claimcheck.yml`, the CI workflow (annotations, SARIF, safe for pull requests).

An existing file is never overwritten: it is skipped and listed. Every write is atomic.
The templates are in claimcheck/data/init/.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import tomllib
from importlib import metadata, resources
from pathlib import Path

from claimcheck import __version__
from claimcheck.atomic import AtomicWriteError, write_atomic
from claimcheck.cli import EXIT_ERROR, EXIT_OK, UsageError
from claimcheck.model import EDITOR_SCHEMA, schema_modeline, schema_text

DISTRIBUTION = "claimcheck-lint"
CONFIG_TABLE = """\
[tool.claimcheck]
# claimcheck's configuration (written by `claimcheck init`; flags on the command line override it)
paths = ["claims"]                  # what `claimcheck` checks when given no paths
reference = ["claims/reference"]    # reference files: who held which office when, aliases
fail-on = "error"                   # the lowest severity that fails a run (pre-commit, CI)
"""
EXAMPLE, REFERENCE = "claims/example.yaml", "claims/reference/offices.yaml"
PRE_COMMIT, WORKFLOW = ".pre-commit-config.yaml", ".github/workflows/claimcheck.yml"
_SHA = re.compile(r"^[0-9a-f]{40}$")


def add_arguments(parser) -> None:
    parser.add_argument("--dir", default=".", metavar="DIR", help="the folder to set up (default: the current folder)")
    parser.add_argument(
        "--repository", metavar="URL", help="claimcheck's git repository for the pre-commit hook (default: the one claimcheck was installed from, if known)"
    )
    parser.add_argument("--rev", metavar="SHA", help="the commit of that repository to pin (default: the one claimcheck was installed from)")


def run(args) -> int:
    root = Path(args.dir)
    if root.exists() and not root.is_dir():
        raise UsageError(f"--dir {args.dir}: not a folder")
    source = hook_source(args.repository, args.rev)
    wrote, skipped, notes, failed = [], [], [], []
    for name, produce in _plan(root, source):
        target = root / name
        try:
            if name == "pyproject.toml" and target.is_file() and not target.is_symlink():
                note = _add_table(target)
                (notes if note else wrote).append(note or "pyproject.toml ([tool.claimcheck] appended; the rest untouched)")
                continue
            if os.path.lexists(target):
                skipped.append(name)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, produce(), label="init")
            wrote.append(name if name != "pyproject.toml" else "pyproject.toml ([tool.claimcheck])")
        except (AtomicWriteError, OSError) as error:
            failed.append(f"{name}: {error}")
    _report(root, wrote, skipped, notes, failed, source)
    return EXIT_ERROR if failed else EXIT_OK


def _plan(root: Path, source: tuple[str, str] | None):
    """(file, a function giving its content), in the order they are written."""
    return [
        ("pyproject.toml", lambda: CONFIG_TABLE),
        (EXAMPLE, lambda: _template("example.yaml").replace("@MODELINE@", schema_modeline(root / "claims", root=root))),
        (REFERENCE, lambda: _template("offices.yaml").replace("@MODELINE@", schema_modeline(root / "claims" / "reference", root=root))),
        (EDITOR_SCHEMA, schema_text),
        (PRE_COMMIT, lambda: pre_commit_config(source)),
        (WORKFLOW, lambda: workflow(source)),
    ]


def _template(name: str) -> str:
    return resources.files("claimcheck").joinpath("data", "init", name).read_text(encoding="utf-8")


def _add_table(pyproject: Path) -> str | None:
    """Append `[tool.claimcheck]` to an existing pyproject.toml; a note instead when it has one."""
    text = pyproject.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"{pyproject} is not valid TOML ({error}): nothing written; fix it or run claimcheck init elsewhere") from None
    if "claimcheck" in data.get("tool", {}):
        return "pyproject.toml already has [tool.claimcheck]: left as it is (check that its paths include claims/)"
    separator = "" if not text else "\n" if text.endswith("\n") else "\n\n"
    write_atomic(pyproject, text + separator + CONFIG_TABLE, label="init")
    return None


# Where claimcheck comes from: the pre-commit hook and CI install that -----------------------------


def hook_source(repository: str | None = None, rev: str | None = None) -> tuple[str, str] | None:
    """(repository, commit) for the pre-commit hook: the ones given, else the ones claimcheck was
    installed from when they can be known (pip's record of a git install, or the git checkout an
    editable install runs from: its `origin` remote, else its path); None when unknown."""
    if repository and rev:
        return repository, rev
    found = _installed_from()
    if found is None:
        if repository or rev:
            raise UsageError("give both --repository and --rev: claimcheck does not know where it was installed from")
        return None
    return repository or found[0], rev or found[1]


def _installed_from() -> tuple[str, str] | None:
    try:
        direct = json.loads(metadata.distribution(DISTRIBUTION).read_text("direct_url.json") or "null")
    except (metadata.PackageNotFoundError, ValueError):
        direct = None
    if isinstance(direct, dict):
        vcs = direct.get("vcs_info") or {}
        if vcs.get("vcs") == "git" and _SHA.match(vcs.get("commit_id", "")):
            return direct["url"], vcs["commit_id"]
    checkout = Path(__file__).resolve().parents[2]
    if not (checkout / ".pre-commit-hooks.yaml").is_file():
        return None
    commit = _git(checkout, "rev-parse", "HEAD")
    if commit is None or not _SHA.match(commit):
        return None
    return _git(checkout, "remote", "get-url", "origin") or str(checkout), commit


def _git(folder: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 and done.stdout.strip() else None


def pre_commit_config(source: tuple[str, str] | None) -> str:
    """claimcheck's hook pinned to a commit; without a known repository, a local hook."""
    if source is None:
        return _template("pre-commit-config-local.yaml")
    repository, rev = source
    return _template("pre-commit-config.yaml").replace("@REPO@", repository).replace("@REV@", rev)


def install_requirement(source: tuple[str, str] | None) -> str:
    """What CI installs: the commit of a public git repository, else the release of this version."""
    if source is not None and source[0].startswith("https://") and source[1]:
        return f"{DISTRIBUTION} @ git+{source[0]}@{source[1]}"
    return f"{DISTRIBUTION}=={__version__}"


def workflow(source: tuple[str, str] | None) -> str:
    return _template("claimcheck.yml").replace("@INSTALL@", install_requirement(source))


# What it says -----------------------------------------------------------------------------------------


def _report(root: Path, wrote, skipped, notes, failed, source) -> None:
    where = "" if os.path.abspath(root) == os.path.abspath(".") else f" in {root}"
    lines = [f"claimcheck init{where}:"]
    lines += [f"  wrote    {name}" for name in wrote]
    lines += [f"  skipped  {name} (it exists; nothing overwritten)" for name in skipped]
    lines += [f"  note     {note}" for note in notes]
    lines += [f"  FAILED   {failure}" for failure in failed]
    if source is None and PRE_COMMIT in wrote:
        lines.append("  note     .pre-commit-config.yaml runs the installed claimcheck (repo: local): pass --repository URL --rev SHA for claimcheck's own hook")
    cd = f"cd {root} && " if where else ""
    lines += [
        "",
        "Next steps:",
        f"  1. {cd}claimcheck       lint the corpus: the 2 findings in {EXAMPLE} are on purpose, explained there",
        "  2. fix them as its comments say (or delete it), and add your claim files under claims/",
        "  3. pip install pre-commit && pre-commit install     lint on every commit",
        f"  4. commit {WORKFLOW}     lint every pull request (annotations, code scanning)",
        f"  Editors: the YAML language server reads {EDITOR_SCHEMA} (the first line of {EXAMPLE} points at it)",
    ]
    print("\n".join(lines))
