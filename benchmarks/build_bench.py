"""Benchmark: `plangen build` of the zh sample (Word plan and deck) as a process, against the import floor.

The floor is a process that only imports python-docx and python-pptx (`python -c 'import docx, pptx'`):
no plangen run can be faster than starting Python and loading those. Median of 5 runs each.
Run: /work/venv/bin/python benchmarks/build_bench.py [--runs 5] [--plan samples/zh-annual-plan.yaml]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLANGEN = str(Path(sys.executable).with_name("plangen"))


def timed(cmd: list[str], runs: int) -> list[float]:
    """Wall seconds of `runs` runs of `cmd` (each must exit 0)."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return times


def main() -> None:
    """Print the median build time, the floor and what plangen adds, with the core count."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--plan", default=str(ROOT / "samples" / "zh-annual-plan.yaml"))
    args = ap.parse_args()
    print(f"os.cpu_count() = {os.cpu_count()}; python {sys.version.split()[0]}; plan {args.plan}")
    with tempfile.TemporaryDirectory() as tmp:
        floor = timed([sys.executable, "-c", "import docx, pptx"], args.runs)
        build = timed([PLANGEN, "build", args.plan, "-o", tmp, "--force"], args.runs)
        written = sorted(p.name for p in Path(tmp).iterdir())
    f, b = statistics.median(floor), statistics.median(build)
    print(f"floor  (import docx, pptx): median {f:.3f} s  runs {' '.join(f'{t:.3f}' for t in floor)}")
    print(f"plangen build:              median {b:.3f} s  runs {' '.join(f'{t:.3f}' for t in build)}")
    print(f"plangen's own work: {b - f:.3f} s ({b / f:.1f}x the floor); wrote {', '.join(written)}")


if __name__ == "__main__":
    main()
