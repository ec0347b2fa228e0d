"""Time `claimcheck check` on the repository and on generated corpora.

    python benchmarks/bench_check.py                 # repo claims + 10,000 generated claims
    python benchmarks/bench_check.py --claims 100000 # the scale the corpus rules must keep

The generated corpus mimics real claim files: 100 claims a file, figures that share subjects and
metrics across articles (so the corpus rules have real groups to compare), dated events, quotes
repeated across outlets, role claims against a reference file. Claims agree with a generated
ground truth except for 2% injected errors; `--adversarial` makes values, dates, speakers and
office holders random, so most claims conflict (the worst case for the corpus rules). Prints wall-clock seconds of the
whole command (best of --repeat runs, new process each time) and, in-process, the time spent in
loading and in each rule.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SUBJECTS = [f"conflict zone {i}" for i in range(300)]
METRICS = ["people killed", "troops deployed", "people displaced", "aid pledged"]
SPEAKERS = [f"Official Number{i}" for i in range(200)]
QUOTES = [f"we will not accept proposal number {i} under any circumstances" for i in range(500)]
ROLES = ["President of Ruritania", "Defence Minister of Ruritania", "Mayor of Capital City"]
ERROR_RATE = 0.02  # share of claims that contradict the ground truth (realistic mode)


class Truth:
    """The world the generated articles report on: tolls that grow, fixed dates, who said what,
    who held which office. Realistic claims agree with it but for ERROR_RATE of them."""

    def __init__(self, rng: random.Random):
        self.base = {(s, m): rng.randint(50, 50_000) for s in SUBJECTS for m in METRICS}
        self.event_day = {s: (rng.randint(2015, 2024), rng.randint(1, 12)) for s in SUBJECTS}
        self.speaker = {q: rng.choice(SPEAKERS) for q in QUOTES}
        self.holder = {(role, term): SPEAKERS[(7 * term + 31 * k) % len(SPEAKERS)] for k, role in enumerate(ROLES) for term in range(7)}

    def toll(self, subject: str, metric: str, year: int) -> int:
        return int(self.base[(subject, metric)] * (1 + 0.1 * (year - 2015)))  # running totals grow


def _figure(rng, truth, head, year, adversarial):
    subject, metric = rng.choice(SUBJECTS), rng.choice(METRICS)
    cumulative = "true" if metric == "people killed" else "false"
    if adversarial:
        value, approx = rng.choice([1000, 1200, 13000, 51, 60, 250000]), rng.choice(["exact", "about", "more-than", "almost"])
        cumulative = rng.choice(["true", "false"])
    else:
        value, approx = truth.toll(subject, metric, year), rng.choice(["exact", "about"])
        if rng.random() < ERROR_RATE:
            value *= 3
    source = f"\n    attribution: {{source: {rng.choice(SPEAKERS)}, type: named}}" if rng.random() < 0.5 else ""
    return (head + f"    text: {value} people\n    subject: {subject}\n    metric: {metric}\n    value: {value}\n"
            f"    approx: {approx}\n    unit: people\n    cumulative: {cumulative}{source}\n")


def _claim(rng: random.Random, truth: Truth, index: int, year: int, adversarial: bool) -> str:
    kind = rng.choices(["figure", "event", "quote", "role", "statement"], [5, 2, 2, 1, 1])[0]
    head = f"  - id: c{index}\n    kind: {kind}\n"
    wrong = adversarial or rng.random() < ERROR_RATE
    if kind == "figure":
        return _figure(rng, truth, head, year, adversarial)
    if kind == "event":
        subject = rng.choice(SUBJECTS)
        event_year, month = truth.event_day[subject]
        if wrong:
            event_year, month = year, rng.randint(1, 12)
        tense = "future" if (event_year, month) > (year, 6) else "past"  # reported before it happened
        return head + f"    text: it happened\n    subject: {subject} ceasefire\n    date: {event_year}-{month:02d}\n    tense: {tense}\n"
    if kind == "quote":
        quote = rng.choice(QUOTES)
        speaker = rng.choice(SPEAKERS) if wrong else truth.speaker[quote]
        return head + f"    text: a quote\n    quote: {quote}\n    attribution: {{source: {speaker}, type: named}}\n"
    if kind == "role":
        role = rng.choice(ROLES)
        holder = rng.choice(SPEAKERS) if wrong else truth.holder[(role, (year - 2000) // 4)]
        return head + f"    text: a title\n    entity: {holder}\n    role: {role}\n"
    return head + "    text: analysts say the situation is widely seen as grave\n    hedge: widely seen\n"


def generate(folder: Path, claims: int, per_file: int = 100, seed: int = 7, adversarial: bool = False) -> None:
    rng = random.Random(seed)
    truth = Truth(rng)
    (folder / "reference").mkdir(parents=True, exist_ok=True)
    tenures = "".join(
        f"  - {{entity: {truth.holder[(role, term)]}, role: {role}, start: {2000 + 4 * term}-01-01, end: {2004 + 4 * term}-01-01}}\n"
        for role in ROLES for term in range(7)
    )
    (folder / "reference" / "offices.yaml").write_text(f"reference: {{id: bench}}\ntenures:\n{tenures}aliases: {{}}\n")
    for file_index in range(0, claims, per_file):
        year = rng.randint(2015, 2024)
        body = "".join(_claim(rng, truth, i, year, adversarial) for i in range(file_index, min(claims, file_index + per_file)))
        header = f"article:\n  id: bench-{file_index}\n  published: {year}-06-30\n  outlet: Bench Times\nclaims:\n"
        (folder / f"bench-{file_index:07d}.yaml").write_text(header + body)


def time_command(args: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "claimcheck", *args], capture_output=True, cwd=REPO, check=False)
        best = min(best, time.perf_counter() - start)
    return best


def profile_in_process(paths: list[str]) -> None:
    from claimcheck.config import Config
    from claimcheck.session import Session

    session = Session.open(config=Config(root=REPO))
    start = time.perf_counter()
    corpus = session.load(paths)
    print(f"    load: {time.perf_counter() - start:.3f}s ({corpus.claim_count} claims, {len(corpus.all_files)} files)")
    for settings in session.plan.rules:
        start = time.perf_counter()
        found = session.run(corpus, [settings])
        print(f"    {settings.rule.name:<22} {time.perf_counter() - start:.3f}s  {len(found)} findings")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, action="append", help="generated corpus size (repeatable); default 10000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--adversarial", action="store_true", help="random values: most claims conflict (worst case)")
    args = parser.parse_args()
    print(f"python -m claimcheck --version: {time_command(['--version'], args.repeat):.3f}s (startup)")
    print(f"claimcheck check claims/ (repository): {time_command(['check', 'claims', '-q'], args.repeat):.3f}s")
    for size in args.claims or [10_000]:
        with tempfile.TemporaryDirectory() as tmp:
            generate(Path(tmp), size, adversarial=args.adversarial)
            seconds = time_command(["check", tmp, "-q", "--format", "json"], args.repeat)
            mode = "adversarial" if args.adversarial else "realistic"
            print(f"claimcheck check <generated {size} claims, {mode}>: {seconds:.3f}s")
            profile_in_process([tmp])


if __name__ == "__main__":
    main()
