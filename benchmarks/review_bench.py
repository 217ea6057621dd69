"""Benchmark: review() of the 1,000-rep plan of decompose_bench (every check, the findings' text).

Run: .venv/bin/python benchmarks/review_bench.py
Target: under 1 second (best of 5) on a 2-core machine, on top of decompose().
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from decompose_bench import build_plan  # noqa: E402

from plangen.decompose import decompose  # noqa: E402
from plangen.review import review  # noqa: E402
from plangen.review.text import Writer  # noqa: E402

FLOOR_S = 1.0


def main() -> None:
    """Print the best and median of 5 runs beside the floor."""
    plan = build_plan()
    d = decompose(plan)
    times, found = [], 0
    for _ in range(5):
        t0 = time.perf_counter()
        r = review(plan, d)
        w = Writer(plan, d)
        found = len([w.text(f) for f in r.findings])
        times.append(time.perf_counter() - t0)
    print(f"review of {len(d.reps):,} reps: best {min(times):.3f} s, median {statistics.median(times):.3f} s "
          f"(floor {FLOOR_S:.1f} s), {found} findings")


if __name__ == "__main__":
    main()
