"""Time `claimcheck check` on hostile and broken files, one file per run (each must be < 1 s).

    python benchmarks/bench_hostile.py

Sizes are larger than the test suite's samples: a billion-laughs alias bomb, 200,000-deep flow
nesting, a 20 MB file of random bytes, a 5 MB file of one long line.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _alias_bomb(levels: int = 10) -> bytes:
    lines = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, levels):
        lines.append(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 9) + "]")
    return ("\n".join(lines) + "\n").encode()


SAMPLES = {
    "syntax-error.yaml": lambda: b"article: {id: a}\nclaims: [\n  - {id: x\n",
    "python-tag.yaml": lambda: b"article: !!python/object/apply:os.system ['echo pwned']\n",
    "alias-bomb.yaml": _alias_bomb,
    "deep-200000.yaml": lambda: b"[" * 200_000 + b"]" * 200_000,
    "deep-block.yaml": lambda: "".join(" " * i + "a:\n" for i in range(3000)).encode(),
    "random-20MB.yaml": lambda: os.urandom(20 * 1024 * 1024),
    "long-line-5MB.yaml": lambda: b"article: {id: a, title: " + b"x" * (5 * 1024 * 1024) + b"}\nclaims: []\n",
    "latin1.yaml": lambda: b"article: {id: a, title: caf\xe9}\n",
    "empty.yaml": lambda: b"",
    "many-duplicate-keys.yaml": lambda: b"article: {id: a}\nclaims:\n  - {" + b", ".join(b"id: x" for _ in range(20000)) + b"}\n",
}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in SAMPLES.items():
            path = Path(tmp) / name
            path.write_bytes(make())
            start = time.perf_counter()
            result = subprocess.run([sys.executable, "-m", "claimcheck", "check", str(path), "-q", "--select", "syntax,schema"],
                                    capture_output=True, text=True)
            seconds = time.perf_counter() - start
            first = (result.stdout.splitlines() or ["(no finding)"])[0].replace(tmp + "/", "")
            traceback = " TRACEBACK!" if "Traceback" in result.stderr else ""
            print(f"{seconds:6.3f}s exit {result.returncode}{traceback}  {first[:110]}")


if __name__ == "__main__":
    main()
