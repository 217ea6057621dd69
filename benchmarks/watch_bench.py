"""Benchmark: `plangen build --watch`, seconds from saving the plan to the rebuilt documents, against a build.

Floor: one `plangen build` process of the same plan (a rebuild does the same work, without
Python's start-up but after up to one polling interval, 0.5 s, and a settle check, 0.25 s).
The watch runs as a process; each run appends a comment to a copy of the plan and waits for
the next "… watching" line. Median of 5 runs each, interleaved.
Run: .venv/bin/python benchmarks/watch_bench.py [--runs 5]
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from build_bench import PLANGEN, ROOT, timed


def wait_for_watching(proc: subprocess.Popen) -> None:
    """Read the watch's output up to its next "… watching" line."""
    for line in proc.stdout:
        if line.startswith("… watching"):
            return
    raise RuntimeError("the watch ended early")


def main() -> None:
    """Print the median save-to-rebuilt time, the floor and the difference, with the core count."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--plan", default=str(ROOT / "samples" / "zh-annual-plan.yaml"))
    args = ap.parse_args()
    print(f"os.cpu_count() = {os.cpu_count()}; python {sys.version.split()[0]}; plan {args.plan}")
    with tempfile.TemporaryDirectory() as tmp:
        plan = Path(tmp) / "plan.yaml"
        shutil.copy(args.plan, plan)
        proc = subprocess.Popen([PLANGEN, "build", str(plan), "-o", f"{tmp}/out", "--watch", "--max-rebuilds",
                                 str(args.runs)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        wait_for_watching(proc)
        floor, rebuild = [], []
        for i in range(args.runs):
            floor += timed([PLANGEN, "build", str(plan), "-o", f"{tmp}/floor", "--force"], 1)
            t0 = time.perf_counter()
            with plan.open("a", encoding="utf-8") as f:
                f.write(f"\n# save {i}\n")
            wait_for_watching(proc)
            rebuild.append(time.perf_counter() - t0)
        proc.wait(timeout=60)
    f, r = statistics.median(floor), statistics.median(rebuild)
    print(f"floor (plangen build):     median {f:.2f} s  runs {' '.join(f'{t:.2f}' for t in floor)}")
    print(f"save -> rebuilt (--watch): median {r:.2f} s  runs {' '.join(f'{t:.2f}' for t in rebuild)}")
    print(f"--watch: {r - f:+.2f} s against a fresh build ({r / f:.2f}x the floor)")


if __name__ == "__main__":
    main()
