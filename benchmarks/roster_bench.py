"""Benchmark: a plan whose team comes from a CSV roster (10 regions), validated and decomposed.

Run: .venv/bin/python benchmarks/roster_bench.py [--reps 1000,10000,100000]
Prints, per team size: rows/s of the roster read alone (the floor: csv.reader over the same file),
validate (read + type + check), decompose, and the peak memory of the process that did both, in wall
seconds and in CPU seconds of that process (steadier on a machine shared with other work), with the
load average. Each size runs in its own process so peak memory is that size's own.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REGIONS = [f"Region {k}" for k in range(10)]
PLAN = """plan: {{title: Roster benchmark, period: 2027, locale: en, currency: USD}}
targets:
  revenue: {revenue}
  rounding: 1000
  phasing: {{quarters: [20%, 25%, 30%, 25%]}}
  calendar: {{country: US, working_days: [mon, tue, wed, thu, fri]}}
  split:
    region: {{{regions}}}
team:
  reps_file: reps.csv
  ramp: [25%, 50%, 75%]
funnel: {{average_deal: 40k, win_rate: 25%, visits_per_opportunity: 3, calls_per_visit: 4}}
"""


def write_plan(folder: Path, n_reps: int) -> Path:
    """A plan file and its n_reps-row roster in `folder`."""
    regions = ", ".join(f"{r}: {k + 1}" for k, r in enumerate(REGIONS))
    (folder / "plan.yaml").write_text(PLAN.format(revenue=n_reps * 1_000_000, regions=regions), encoding="utf-8")
    with open(folder / "reps.csv", "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["id", "name", "region", "weight", "start"])
        for i in range(n_reps):
            start = f"2027-{(i % 9) + 2:02d}-{(i % 27) + 1:02d}" if i % 7 == 0 else ""
            out.writerow([f"r{i:06d}", f"Rep {i}", REGIONS[i % len(REGIONS)], 1 + (i % 5) / 10, start])
    return folder / "plan.yaml"


def measure(plan_file: str) -> dict:
    """In this process: floor (csv rows), validate and decompose seconds, peak RSS in MiB."""
    from plangen.decompose import decompose
    from plangen.model import load

    t0 = time.perf_counter()
    with open(Path(plan_file).parent / "reps.csv", newline="", encoding="utf-8") as f:
        rows = sum(1 for _ in csv.reader(f))
    t1, c1 = time.perf_counter(), time.process_time()
    plan = load(plan_file)
    t2, c2 = time.perf_counter(), time.process_time()
    decompose(plan)
    t3, c3 = time.perf_counter(), time.process_time()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"rows": rows - 1, "floor": t1 - t0, "validate": t2 - t1, "decompose": t3 - t2, "peak_mib": peak,
            "validate_cpu": c2 - c1, "decompose_cpu": c3 - c2}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reps", default="1000,10000,100000")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child)))
        return
    print(f"os.cpu_count() = {os.cpu_count()}; load {os.getloadavg()[0]:.2f}")
    print(f"{'reps':>8} {'csv floor s':>11} {'validate s':>10} {'decompose s':>11} {'total s':>8} {'peak MiB':>9} "
          f"{'CPU validate':>12} {'CPU decompose':>13} {'CPU total':>9} {'load':>5}")
    for n in (int(x) for x in args.reps.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            plan = write_plan(Path(tmp), n)
            done = subprocess.run([sys.executable, __file__, "--child", str(plan)], capture_output=True, text=True)
            if done.returncode:
                print(done.stderr[-2000:])
                continue
            r = json.loads(done.stdout)
            print(f"{n:>8,} {r['floor']:>11.3f} {r['validate']:>10.2f} {r['decompose']:>11.2f} "
                  f"{r['validate'] + r['decompose']:>8.2f} {r['peak_mib']:>9.0f} {r['validate_cpu']:>12.2f} "
                  f"{r['decompose_cpu']:>13.2f} {r['validate_cpu'] + r['decompose_cpu']:>9.2f} "
                  f"{os.getloadavg()[0]:>5.2f}")


if __name__ == "__main__":
    main()
