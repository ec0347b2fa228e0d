#!/usr/bin/env python3
"""Write claimcheck/data/claims-v1.schema.json from the models (tests/test_schema.py keeps it current)."""

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from claimcheck.atomic import write_atomic  # noqa: E402
from claimcheck.model import SCHEMA_FILE, render_schema  # noqa: E402

if __name__ == "__main__":
    target = REPO / "claimcheck" / "data" / SCHEMA_FILE
    write_atomic(target, render_schema())
    print(f"wrote {target.relative_to(REPO)}")
