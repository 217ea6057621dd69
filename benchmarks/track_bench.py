"""Time to make the zh sample's progress report (read actuals, track, three files; median of 5 runs)."""
from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

from plangen.model import load
from plangen.track.command import progress_report

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PLAN, ACTUALS = SAMPLES / "zh-annual-plan.yaml", SAMPLES / "zh-annual-actuals.csv"
FLOOR_MS = 3000  # a progress report a manager waits for: well under three seconds on 2 shared cores


def build_once() -> float:
    """Seconds to load the plan and make the .docx, .pptx and .xlsx of its progress report once."""
    start = time.perf_counter()
    progress_report(load(PLAN), str(PLAN), str(ACTUALS))
    return time.perf_counter() - start


def main() -> None:
    """Print the median of five reports (after one warm-up) beside the floor, and os.cpu_count()."""
    build_once()
    times = [build_once() for _ in range(5)]
    median = statistics.median(times) * 1000
    print(f"progress report of {PLAN.name}: median {median:.0f} ms over 5 runs (min {min(times) * 1000:.0f} ms, "
          f"max {max(times) * 1000:.0f} ms; floor {FLOOR_MS} ms: {'ok' if median <= FLOOR_MS else 'SLOWER'}); "
          f"os.cpu_count() = {os.cpu_count()}")


if __name__ == "__main__":
    main()
