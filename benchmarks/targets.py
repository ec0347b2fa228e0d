"""Every speed and memory target of `claimcheck check`, measured side by side in one run.

    python benchmarks/targets.py                  # 10k and 100k claims (about 10 minutes on 2 cores)
    python benchmarks/targets.py --million        # also 1,000,000 claims: memory and scaling
    python benchmarks/targets.py --quick          # 1k and 10k claims, one round: does it run?

These machines are noisy, so each target is a ratio of two commands run in turn (A B A B ...),
whole processes, each pair's ratio taken and the median of those quoted; times are wall-clock
seconds of the process, CPU is user + system, memory the process's peak resident set
(`os.wait4`'s rusage of that one process). The corpora are `bench_check.generate`'s (realistic:
figures, events, quotes and titles that agree but for 2% injected errors), written to a temporary
folder. The floor is merely loading the same files with PyYAML's C loader (`CSafeLoader`) in one
process. Extraction has its own runner: benchmarks/bench_extract.py.

Prints a table (target, measured, goal, met) and exits 0; docs/benchmarks.md records a run.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_check import generate  # the benchmark corpus

REPO = Path(__file__).resolve().parent.parent
CLAIMCHECK = [sys.executable, "-c", "from claimcheck.cli import entry; entry()"]
FLOOR = (
    "import os, sys, yaml\n"
    "n = 0\n"
    "for root, _dirs, files in os.walk(sys.argv[1]):\n"
    "    for name in sorted(files):\n"
    "        if name.endswith('.yaml'):\n"
    "            with open(os.path.join(root, name), encoding='utf-8') as f:\n"
    "                n += len((yaml.load(f, Loader=yaml.CSafeLoader) or {}).get('claims') or [])\n"
    "print(n)\n"
)


# As an installed package runs: with its bytecode cached (pip compiles it at install). An
# environment that sets PYTHONDONTWRITEBYTECODE makes every process compile claimcheck again
# (about 0.06 s a run, most of a warm run's margin), so the children run without it.
CHILD_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mib: float


def run(command: list[str], cwd: Path | None = None, env: dict | None = None) -> Run:
    """One whole process: wall-clock seconds, its CPU seconds and peak memory (its own rusage)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env or CHILD_ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, _status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def paired(a: list[str], b: list[str], rounds: int, before=None, **options) -> tuple[float, Run, Run]:
    """Median of the A/B wall-clock ratios over `rounds` pairs (A then B each round), and the
    median runs. `before` runs ahead of every A and B (e.g. clearing a cache), not timed."""
    ratios, runs_a, runs_b = [], [], []
    for _ in range(rounds):
        if before:
            before()
        first = run(a, **options)
        if before:
            before()
        second = run(b, **options)
        ratios.append(first.wall / second.wall)
        runs_a.append(first)
        runs_b.append(second)
    return statistics.median(ratios), _median(runs_a), _median(runs_b)


def _median(runs: list[Run]) -> Run:
    return Run(*(statistics.median(getattr(r, name) for r in runs) for name in ("wall", "cpu", "peak_mib")))


def check(folder: Path, *options: str) -> list[str]:
    return [*CLAIMCHECK, "check", str(folder), "--format", "json", "-o", os.devnull, "-q", "--exit-zero", "--config", os.devnull, *options]


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []

    def add(self, target: str, measured: str, goal: str, met: bool | None) -> None:
        self.rows.append((target, measured, goal, "—" if met is None else ("yes" if met else "NO")))
        print(f"  {target}: {measured} (goal {goal})", file=sys.stderr, flush=True)

    def markdown(self) -> str:
        lines = ["| target | measured | goal | met |", "|---|---|---|---|"]
        lines += [f"| {t} | {m} | {g} | {ok} |" for t, m, g, ok in self.rows]
        return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="A/B pairs per target (default 3)")
    parser.add_argument("--million", action="store_true", help="also 1,000,000 claims (memory, scaling; about 10 more minutes)")
    parser.add_argument("--quick", action="store_true", help="1k and 10k claims, one round")
    args = parser.parse_args()
    rounds = 1 if args.quick else args.rounds
    small, large = (1_000, 10_000) if args.quick else (10_000, 100_000)
    work = Path(tempfile.mkdtemp(prefix="claimcheck-targets-"))
    table = Table()
    try:
        project = work / "project"  # the large corpus is a project's claims/ (for the pytest target)
        corpora = {}
        for size in (small, large, *((1_000_000,) if args.million else ())):
            corpora[size] = project / "claims" if size == large else work / f"c{size}"
            print(f"generating {size:,} claims ...", file=sys.stderr, flush=True)
            generate(corpora[size], size)
        big = corpora[large]
        floor = [sys.executable, "-c", FLOOR, str(big)]
        run(check(corpora[small], "--no-cache"))  # not timed: writes the bytecode of every module a check imports

        ratio, a, b = paired(check(big, "--no-cache"), floor, rounds)
        default_run = a
        table.add(
            f"check {large:,} claims vs the floor, default jobs",
            f"{ratio:.2f}x ({a.wall:.1f} s vs {b.wall:.1f} s)",
            "<= 1.0x",
            ratio <= 1.0,
        )
        ratio, a, b = paired(check(big, "--no-cache", "--jobs", "1"), floor, rounds)
        table.add(
            f"check {large:,} claims vs the floor, --jobs 1",
            f"{ratio:.2f}x ({a.wall:.1f} s vs {b.wall:.1f} s; CPU {a.cpu / b.cpu:.2f}x)",
            "<= 1.5x",
            ratio <= 1.5,
        )
        ratio, a, b = paired(check(big, "--no-cache", "--jobs", "2"), check(big, "--no-cache", "--jobs", "1"), rounds)
        table.add(f"--jobs 2 vs --jobs 1, {large:,} claims", f"{ratio:.2f}x ({a.wall:.1f} s vs {b.wall:.1f} s)", "<= 0.6x", ratio <= 0.6)
        ratio, a, b = paired(check(big, "--no-cache"), check(corpora[small], "--no-cache"), rounds)
        table.add(
            f"{large // small}x the claims ({small:,} -> {large:,})",
            f"{ratio:.2f}x the time",
            f"<= {1.1 * large / small:.0f}x",
            ratio <= 1.1 * large / small,
        )
        if args.million:
            million = corpora[1_000_000]
            ratio, a, b = paired(check(million, "--no-cache"), check(big, "--no-cache"), 1)
            table.add(f"10x the claims ({large:,} -> 1,000,000)", f"{ratio:.2f}x the time ({a.wall:.0f} s)", "<= 11x", ratio <= 11)
            table.add(
                "peak memory, 1,000,000 claims (default jobs)",
                f"{a.peak_mib:,.0f} MiB ({a.peak_mib * 1.048576:,.0f} MB)",
                "<= 1.5 GB",
                a.peak_mib * 1.048576 <= 1500,
            )
            one = run(check(million, "--no-cache", "--jobs", "1"))
            table.add(
                "peak memory, 1,000,000 claims (--jobs 1)",
                f"{one.peak_mib:,.0f} MiB ({one.peak_mib * 1.048576:,.0f} MB)",
                "<= 1.5 GB",
                one.peak_mib * 1.048576 <= 1500,
            )
        table.add(f"peak memory, {large:,} claims (default jobs)", f"{default_run.peak_mib:,.0f} MiB", "—", None)

        cache = work / "cache"
        clear = lambda: shutil.rmtree(cache, ignore_errors=True)
        cold = []
        warm = []
        for _ in range(rounds):
            clear()
            cold.append(run(check(big, "--cache-dir", str(cache))))
            warm.append(run(check(big, "--cache-dir", str(cache))))
        ratio = statistics.median(w.wall / c.wall for w, c in zip(warm, cold))
        table.add(
            f"warm re-run vs cold, {large:,} claims (cache)",
            f"{ratio:.1%} ({_median(warm).wall:.2f} s vs {_median(cold).wall:.1f} s)",
            "<= 10%",
            ratio <= 0.10,
        )

        empty = work / "empty"
        empty.mkdir()
        version = _median([run([*CLAIMCHECK, "--version"]) for _ in range(5)])
        table.add("startup: claimcheck --version", f"{version.wall:.2f} s", "<= 0.3 s", version.wall <= 0.3)
        nothing = _median([run([*CLAIMCHECK, "check", str(empty), "-q", "--config", os.devnull]) for _ in range(5)])
        table.add("startup: check of an empty folder", f"{nothing.wall:.2f} s", "<= 0.3 s", nothing.wall <= 0.3)

        (project / "pyproject.toml").write_text('[tool.claimcheck]\npaths = ["claims"]\n', encoding="utf-8")
        # hypothesis (a test dependency here) imports itself at the end of every pytest process: not ours to time
        pytest = [sys.executable, "-m", "pytest", "-q", "--claimcheck", "claims", "-p", "no:randomly", "-p", "no:hypothesispytest"]
        clear_pytest = lambda: shutil.rmtree(project / ".claimcheck_cache", ignore_errors=True)
        ratio, a, b = paired([*pytest, "-n", "2"], [*pytest, "-n", "0"], rounds, before=clear_pytest, cwd=project)
        table.add(
            f"pytest --claimcheck -n 2 vs -n 0, {large:,} claims (cold)",
            f"{ratio:.2f}x ({a.wall:.1f} s vs {b.wall:.1f} s)",
            "< 1.0x",
            ratio < 1.0,
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    print(
        f"claimcheck targets — {time.strftime('%Y-%m-%d')}, commit {commit}, {os.cpu_count()} cores, Python {platform.python_version()}, {rounds} round(s)\n"
    )
    print(table.markdown())
    return 0


if __name__ == "__main__":
    sys.exit(main())
