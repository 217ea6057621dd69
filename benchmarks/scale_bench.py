"""Benchmark: big teams. Per-rep Word plans for 1,000 and 10,000 reps through the real CLI, as processes.

For each team size: `plangen validate` and `plangen decompose --format json` (seconds), then
`plangen reps PLAN -o OUT --jobs N` for N = 1 and 2: documents per second and the peak memory of the
largest single process (getrusage RUSAGE_CHILDREN ru_maxrss, read in a fresh wrapper process per run).
Cost should be linear in reps and memory flat per process. --profile runs cProfile in-process over
decompose + render context + a sample of rep documents for the largest team, and prints where time goes.

Run: /work/venv/bin/python benchmarks/scale_bench.py [--reps 1000,10000] [--jobs 1,2] [--profile]
"""
from __future__ import annotations

import argparse
import cProfile
import dataclasses
import io
import json
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

PLANGEN = str(Path(sys.executable).with_name("plangen"))
REGIONS = ["North", "South", "East", "West", "Central"]
WRAPPER = ("import json, resource, subprocess, sys, time; t = time.perf_counter(); "
           "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True); "
           "print(json.dumps({'rc': r.returncode, 'seconds': time.perf_counter() - t, 'err': r.stderr[-500:], "
           "'maxrss_kib': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))")


def plan_text(n_reps: int) -> str:
    """A valid plan (YAML) with `n_reps` reps over five regions, a ramp for late starters and a funnel."""
    reps = []
    for i in range(n_reps):
        rep = {"id": f"r{i:05d}", "name": f"Rep {i}", "region": REGIONS[i % len(REGIONS)], "weight": 1 + (i % 5) / 10}
        if i % 7 == 0:
            rep["start"] = f"2027-{(i % 9) + 2:02d}-{(i % 27) + 1:02d}"
        reps.append(rep)
    data = {
        "plan": {"title": f"Scale {n_reps}", "period": 2027, "locale": "en", "currency": "USD"},
        "targets": {"revenue": n_reps * 1_200_000, "rounding": 1000,
                    "phasing": {"quarters": ["20%", "25%", "30%", "25%"]},
                    "calendar": {"country": "US"},
                    "split": {"region": {r: "20%" for r in REGIONS}}},
        "team": {"reps": reps, "ramp": ["25%", "50%", "75%"]},
        "funnel": {"average_deal": "40k", "win_rate": "25%", "visits_per_opportunity": 3, "calls_per_visit": 4},
    }
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def measured(*args: str) -> dict:
    """Run a command in a fresh wrapper process: exit code, wall seconds, peak RSS of its largest process."""
    out = subprocess.run([sys.executable, "-c", WRAPPER, *args], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    if result["rc"] != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {result['err']}")
    return result


def bench(n_reps: int, jobs_list: list[int], work: Path) -> None:
    """Print validate/decompose times and reps documents per second and peak memory for one team size."""
    plan = work / f"plan-{n_reps}.yaml"
    plan.write_text(plan_text(n_reps), encoding="utf-8")
    v = measured(PLANGEN, "validate", str(plan))
    d = measured(PLANGEN, "decompose", str(plan), "--format", "json", "-o", str(work / f"d-{n_reps}.json"))
    print(f"{n_reps:>6} reps: plan {plan.stat().st_size / 1e6:.1f} MB; validate {v['seconds']:.2f} s; "
          f"decompose --format json {d['seconds']:.2f} s ({d['maxrss_kib'] / 1024:.0f} MiB)")
    for jobs in jobs_list:
        out = work / f"reps-{n_reps}-{jobs}"
        r = measured(PLANGEN, "reps", str(plan), "-o", str(out), "--jobs", str(jobs), "--force")
        written = len(list(out.glob("*.docx")))
        assert written == n_reps, f"{written} documents for {n_reps} reps"
        print(f"{'':>6}       reps --jobs {jobs}: {r['seconds']:7.1f} s, {n_reps / r['seconds']:6.1f} docs/s, "
              f"{r['seconds'] / n_reps * 1000:5.1f} ms/doc, peak {r['maxrss_kib'] / 1024:.0f} MiB per process")


def profile(n_reps: int, sample: int = 200) -> None:
    """cProfile of decompose, the render context and `sample` rep documents, in-process."""
    from plangen.batch import render_reps
    from plangen.decompose import decompose
    from plangen.model import loads
    from plangen.present.context import build_context

    text = plan_text(n_reps)
    prof = cProfile.Profile()
    steps: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        plan = prof.runcall(loads, text)
        steps["load + check"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        d = prof.runcall(decompose, plan)
        steps["decompose"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        prof.runcall(build_context, plan, d)
        steps["render context (plan)"] = time.perf_counter() - t0
        few = dataclasses.replace(d, reps=d.reps[:sample])
        t0 = time.perf_counter()
        prof.runcall(render_reps, plan, few, Path(tmp) / "reps", None, 1, True)
        steps[f"{sample} rep documents"] = time.perf_counter() - t0
    print(f"\nprofile, {n_reps} reps (in-process, under cProfile):")
    for name, sec in steps.items():
        print(f"  {name:<24} {sec:7.2f} s")
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(18)
    print(buf.getvalue())


def main() -> None:
    """Print the figures, with the core count."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reps", default="1000,10000", help="team sizes, comma-separated")
    ap.add_argument("--jobs", default="1,2", help="process counts for `plangen reps`, comma-separated")
    ap.add_argument("--profile", action="store_true", help="profile the largest team in-process instead")
    args = ap.parse_args()
    sizes = [int(x) for x in args.reps.split(",")]
    print(f"os.cpu_count() = {os.cpu_count()}; python {sys.version.split()[0]}")
    if args.profile:
        profile(max(sizes))
        return
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            bench(n, [int(x) for x in args.jobs.split(",")], Path(tmp))


if __name__ == "__main__":
    main()
