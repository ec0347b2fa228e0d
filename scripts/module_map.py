"""The module map of `claimcheck/` at a git revision: each top-level module or subpackage with its
size, and who imports whom (package-internal imports, at that granularity).

    python scripts/module_map.py            # the working tree's HEAD
    python scripts/module_map.py 09d64bc^   # before the one-session redesign

Compare two revisions to see what moved where (issue notes, reviews).
"""

from __future__ import annotations

import argparse
import ast
import subprocess
from collections import defaultdict


def files_at(rev: str) -> dict[str, str]:
    names = subprocess.run(["git", "ls-tree", "-r", "--name-only", rev, "claimcheck/"], capture_output=True, text=True, check=True)
    paths = [p for p in names.stdout.splitlines() if p.endswith(".py")]
    return {p: subprocess.run(["git", "show", f"{rev}:{p}"], capture_output=True, text=True, check=True).stdout for p in paths}


def unit_of(path: str) -> str:
    """claimcheck/rules/x.py -> rules/, claimcheck/cli.py -> cli.py"""
    parts = path.split("/")[1:]
    return parts[0] + "/" if len(parts) > 1 else parts[0]


def module_name(path: str) -> str:
    name = path[:-3].replace("/", ".")
    return name[: -len(".__init__")] if name.endswith(".__init__") else name


def imported(path: str, source: str) -> set[str]:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    package = module_name(path) if path.endswith("__init__.py") else module_name(path).rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base]) if base else ".".join(anchor)
            found.add(base)
            found.update(f"{base}.{a.name}" for a in node.names)
    return {name for name in found if name.startswith("claimcheck.")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev", nargs="?", default="HEAD")
    args = parser.parse_args()
    files = files_at(args.rev)
    modules = {module_name(p): p for p in files}
    lines: dict[str, int] = defaultdict(int)
    count: dict[str, int] = defaultdict(int)
    largest: dict[str, tuple[int, str]] = {}
    edges: dict[str, set[str]] = defaultdict(set)
    for path, source in files.items():
        unit = unit_of(path)
        n = source.count("\n")
        lines[unit] += n
        count[unit] += 1
        largest[unit] = max(largest.get(unit, (0, "")), (n, path))
        for name in imported(path, source):
            target = modules.get(name)
            if target is not None and unit_of(target) != unit:
                edges[unit].add(unit_of(target))
    print(f"claimcheck/ at {args.rev}: {len(files)} modules, {sum(lines.values()):,} lines\n")
    print("| unit | modules | lines | largest module | imports |")
    print("|---|---|---|---|---|")
    for unit in sorted(lines, key=lambda u: -lines[u]):
        size, path = largest[unit]
        print(f"| `{unit}` | {count[unit]} | {lines[unit]:,} | `{path}` ({size}) | {', '.join(sorted(edges[unit])) or '—'} |")


if __name__ == "__main__":
    main()
