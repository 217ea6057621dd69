"""Benchmark: `plangen build` of the zh sample (Word plan and deck) as a process, against the import floor.

The floor is a process that only imports python-docx and python-pptx (`python -c 'import docx, pptx'`):
no plangen run can be faster than starting Python and loading those. Median of 5 runs each, in wall
seconds and in CPU seconds of the process (user + system): on a machine shared with other work the
CPU time and its ratio are the steadier figures.
Run: /work/venv/bin/python benchmarks/build_bench.py [--runs 5] [--plan samples/zh-annual-plan.yaml]
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLANGEN = str(Path(sys.executable).with_name("plangen"))


def timed(cmd: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Wall seconds and CPU seconds (user + system) of `runs` runs of `cmd` (each must exit 0)."""
    wall, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return wall, cpu


def main() -> None:
    """Print the median build time, the floor and what plangen adds, with the core count."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--plan", default=str(ROOT / "samples" / "zh-annual-plan.yaml"))
    args = ap.parse_args()
    print(f"os.cpu_count() = {os.cpu_count()}; load {os.getloadavg()[0]:.2f}; python {sys.version.split()[0]}; "
          f"plan {args.plan}")
    with tempfile.TemporaryDirectory() as tmp:
        floor = timed([sys.executable, "-c", "import docx, pptx"], args.runs)
        build = timed([PLANGEN, "build", args.plan, "-o", tmp, "--force"], args.runs)
        written = sorted(p.name for p in Path(tmp).iterdir())
    for what, (f_runs, b_runs) in (("wall", (floor[0], build[0])), ("cpu", (floor[1], build[1]))):
        f, b = statistics.median(f_runs), statistics.median(b_runs)
        print(f"{what:4} floor (import docx, pptx): median {f:.3f} s  runs {' '.join(f'{t:.3f}' for t in f_runs)}")
        print(f"{what:4} plangen build:              median {b:.3f} s  runs {' '.join(f'{t:.3f}' for t in b_runs)}")
        print(f"{what:4} plangen's own work: {b - f:.3f} s ({b / f:.1f}x the floor)")
    print(f"wrote {', '.join(written)}; load {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()
