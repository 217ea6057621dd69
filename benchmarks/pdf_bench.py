"""Benchmark: `plangen build --pdf` of the zh sample against its floor, LibreOffice converting the same files.

Floor: `plangen build` (the documents) plus the two soffice conversions plangen makes for them
(the .docx, then the .pptx, each in its own call with a fresh profile), run by hand. What
plangen adds beyond that is its own overhead. Median of 3 interleaved runs each (a conversion takes seconds).
Run: .venv/bin/python benchmarks/pdf_bench.py [--runs 3] [--reps]
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from build_bench import PLANGEN, ROOT, timed


def by_hand(plan: str, out: str, reps: bool, runs: int) -> list[float]:
    """Wall seconds of `plangen build` plus one soffice call per folder and file type, as --pdf makes."""
    extra = ["--reps", "--jobs", "2"] if reps else []
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        timed([PLANGEN, "build", plan, "-o", out, "--force", *extra], 1)
        folders = [(out, "docx"), (out, "pptx")] + ([(f"{out}/reps", "docx")] if reps else [])
        for folder, kind in folders:
            files = [str(p) for p in Path(folder).glob(f"*.{kind}")]
            with tempfile.TemporaryDirectory() as profile:
                timed(["soffice", f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                       "--convert-to", "pdf", "--outdir", f"{profile}/pdf", *files], 1)
        times.append(time.perf_counter() - t0)
    return times


def main() -> None:
    """Print the median time of build --pdf, of its floor, and the difference, with the core count."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--reps", action="store_true", help="with --reps (the rep plans' PDFs too)")
    ap.add_argument("--plan", default=str(ROOT / "samples" / "zh-annual-plan.yaml"))
    args = ap.parse_args()
    if not shutil.which("soffice"):
        sys.exit("soffice not installed")
    print(f"os.cpu_count() = {os.cpu_count()}; python {sys.version.split()[0]}; plan {args.plan}; reps {args.reps}")
    extra = ["--reps", "--jobs", "2"] if args.reps else []
    with tempfile.TemporaryDirectory() as tmp:
        floor, pdf = [], []
        for _ in range(args.runs):  # interleaved, so a busy machine slows both alike
            floor += by_hand(args.plan, tmp, args.reps, 1)
            pdf += timed([PLANGEN, "build", args.plan, "-o", tmp, "--force", "--pdf", *extra], 1)
        written = len(list(Path(tmp).rglob("*.pdf")))
    f, p = statistics.median(floor), statistics.median(pdf)
    print(f"floor (build, then soffice by hand): median {f:.2f} s  runs {' '.join(f'{t:.2f}' for t in floor)}")
    print(f"plangen build --pdf:                 median {p:.2f} s  runs {' '.join(f'{t:.2f}' for t in pdf)}")
    print(f"plangen adds {p - f:+.2f} s ({p / f:.2f}x the floor); {written} PDFs")


if __name__ == "__main__":
    main()
