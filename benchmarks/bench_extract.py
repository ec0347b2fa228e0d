"""Time `claimcheck extract` against a bare `nlp.pipe`, --jobs 1 against --jobs 2, and over length.

    python benchmarks/bench_extract.py                      # the 400-article archive, lengths 50k..400k
    python benchmarks/bench_extract.py --articles 200 --repeat 3 --lengths 50000,100000

Every measurement is a fresh process (interpreter start and pipeline load included, the same for
all), timed by wall clock and by CPU time, with its peak memory (`os.wait4`); with --repeat the
runs are interleaved and the best of each is kept (the machine may be shared). Printed side by side:

* bare `nlp.pipe` over the archive's texts, with the pipeline `claimcheck extract` loads (the same
  components: the extractor reads tags, lemmas, the parse and entities, so none of them is
  disabled; `senter` is off as in the package), batch size 8, one process; against
  `claimcheck extract --jobs 1` over the same files: the throughput ratio (the target is >= 0.8);
* `claimcheck extract --jobs 2` against `--jobs 1`;
* one article of 50k, 100k, 200k, 400k characters (archive texts joined by blank lines): time,
  CPU time per 100k characters beyond the start-up (a one-line article) and peak memory (linear
  time means a flat "per 100k" column).

The archive is `$CLAIMCHECK_SHARED/corpus/archive`, else `../shared/corpus/archive` beside the
repository (--archive DIR to name another folder of `.txt` files).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CLAIMCHECK_SHARED") or REPO.parent / "shared")

BARE = """
import sys, time
from pathlib import Path
from claimcheck.extract.meta import read_article
from claimcheck.extract.nlp import load_model
nlp = load_model()
texts = [read_article(Path(p)).body for p in sys.argv[1:]]
start = time.perf_counter()
for doc in nlp.pipe(texts, batch_size=8):
    pass
print(f"{time.perf_counter() - start:.3f}")
"""


def run_child(command: list[str]) -> dict:
    """Wall seconds, CPU seconds (user + sys) and peak memory (MB) of one process, reported by a
    wrapper process that waits for it (`os.wait4`: this child's own figures)."""
    wrapper = ("import os, subprocess, sys, time, json\n"
               "start = time.perf_counter()\n"
               "p = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)\n"
               "_, status, ru = os.wait4(p.pid, 0)\n"
               "out = p.stdout.read().decode(); err = p.stderr.read().decode()\n"
               "print(json.dumps({'wall': time.perf_counter() - start, 'cpu': ru.ru_utime + ru.ru_stime,"
               " 'rss': ru.ru_maxrss / 1024, 'status': status, 'out': out, 'err': err[-2000:]}))\n")
    import json

    result = subprocess.run([sys.executable, "-c", wrapper, *command], capture_output=True, text=True, cwd=REPO, check=True)
    data = json.loads(result.stdout)
    if data["status"] != 0:
        raise SystemExit(f"{' '.join(command[:5])} ... failed:\n{data['err']}")
    return data


def extract(files: list[str], out: Path, jobs: int, meta: Path | None) -> dict:
    command = [sys.executable, "-m", "claimcheck", "extract", "--jobs", str(jobs), "-o", str(out)]
    if meta is not None and meta.is_file():
        command += ["--meta", str(meta)]
    return run_child(command + files)


def best(runs: list[dict]) -> dict:
    return min(runs, key=lambda r: r["wall"])


def joined_text(files: list[str], size: int) -> str:
    parts, total = [], 0
    for name in files:
        text = Path(name).read_text(encoding="utf-8").strip()
        parts.append(text)
        total += len(text) + 2
        if total >= size:
            break
    text = "\n\n".join(parts)
    while len(text) < size:   # a small archive: repeat it
        text += "\n\n" + text
    return text[:size]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--archive", type=Path, default=SHARED / "corpus" / "archive")
    ap.add_argument("--articles", type=int, default=0, help="use the first N articles (default all)")
    ap.add_argument("--repeat", type=int, default=1, help="best of N interleaved runs")
    ap.add_argument("--lengths", default="50000,100000,200000,400000", help="article lengths for the scaling runs ('' for none)")
    ap.add_argument("--skip-archive", action="store_true", help="only the length scaling")
    args = ap.parse_args(argv)
    files = sorted(str(p) for p in args.archive.glob("*.txt"))
    if args.articles:
        files = files[: args.articles]
    if not files:
        print(f"no .txt articles in {args.archive}", file=sys.stderr)
        return 2
    meta = args.archive / "articles.yaml"
    chars = sum(len(Path(f).read_text(encoding="utf-8")) for f in files)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if not args.skip_archive:
            runs: dict[str, list] = {"bare": [], "jobs1": [], "jobs2": []}
            for r in range(args.repeat):
                runs["bare"].append(run_child([sys.executable, "-c", BARE, *files]))
                runs["jobs1"].append(extract(files, tmp / f"j1-{r}", 1, meta))
                runs["jobs2"].append(extract(files, tmp / f"j2-{r}", 2, meta))
            bare, j1, j2 = best(runs["bare"]), best(runs["jobs1"]), best(runs["jobs2"])
            n = len(files)
            print(f"archive: {n} articles, {chars:,} characters, {args.archive}; best of {args.repeat}\n")
            print("| run | wall s | CPU s | articles/s | peak MB | ratio |")
            print("|---|---|---|---|---|---|")
            print(f"| bare nlp.pipe, 1 process (whole process; the pipe loop alone {float(bare['out']):.1f} s) "
                  f"| {bare['wall']:.1f} | {bare['cpu']:.1f} | {n / bare['wall']:.2f} | {bare['rss']:.0f} | 1.00 |")
            print(f"| claimcheck extract --jobs 1 | {j1['wall']:.1f} | {j1['cpu']:.1f} | {n / j1['wall']:.2f} | {j1['rss']:.0f} "
                  f"| {bare['wall'] / j1['wall']:.2f} of bare's throughput |")
            print(f"| claimcheck extract --jobs 2 | {j2['wall']:.1f} | {j2['cpu']:.1f} | {n / j2['wall']:.2f} | {j2['rss']:.0f} "
                  f"| {j1['wall'] / j2['wall']:.2f}x the speed of --jobs 1 |")
            print(f"\n(CPU-time ratio extract --jobs 1 / bare: {j1['cpu'] / bare['cpu']:.2f}; "
                  f"cores: {len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else os.cpu_count()}; "
                  f"load average {os.getloadavg()[0]:.1f})\n")
        lengths = [int(x) for x in args.lengths.split(",") if x.strip()]
        if lengths:
            tiny = tmp / "tiny.txt"
            tiny.write_text("The council met on Monday.\n", encoding="utf-8")
            base = best([extract([str(tiny)], tmp / f"tiny-{r}", 1, None) for r in range(args.repeat)])
            print(f"start-up (a one-line article): {base['wall']:.1f} s wall, {base['cpu']:.1f} s CPU, {base['rss']:.0f} MB; "
                  "'per 100k' is the CPU time beyond it\n")
            print("| article length | wall s | CPU s | CPU s per 100k chars | peak MB | claims |")
            print("|---|---|---|---|---|---|")
            for size in lengths:
                path = tmp / f"long-{size}.txt"
                path.write_text(joined_text(files, size), encoding="utf-8")
                rs = [extract([str(path)], tmp / f"long-{size}-{r}", 1, None) for r in range(args.repeat)]
                r = best(rs)
                claims = r["err"].split(" claims ")[0].rsplit(" ", 1)[-1] if " claims " in r["err"] else "?"
                print(f"| {size:,} | {r['wall']:.1f} | {r['cpu']:.1f} | {(r['cpu'] - base['cpu']) * 100_000 / size:.2f} | {r['rss']:.0f} | {claims} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
