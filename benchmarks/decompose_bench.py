"""Benchmark: decompose() of a large in-memory plan (1,000 reps in regions, three splits, daily phasing).

Run: /work/venv/bin/python benchmarks/decompose_bench.py [--profile]
Target: under 1 second (best of 5) on a 2-core machine.
"""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import time

from plangen.decompose import decompose
from plangen.model import Plan
from plangen.model.load import from_document
from plangen.model.loader import Document

REGIONS = ["North", "South", "East", "West", "Central", "Coast", "Mountain", "Lakes"]


def build_plan(n_reps: int = 1000, n_customers: int = 3000) -> Plan:
    """A checked plan with `n_reps` reps spread over regions, built in memory (no YAML)."""
    reps = []
    for i in range(n_reps):
        rep = {"id": f"r{i:04d}", "name": f"Rep {i}", "region": REGIONS[i % len(REGIONS)],
               "weight": str(1 + (i % 5) / 10)}
        if i % 7 == 0:
            rep["start"] = f"2027-{(i % 9) + 2:02d}-{(i % 27) + 1:02d}"
        reps.append(rep)
    data = {
        "plan": {"title": "Benchmark", "period": 2027, "locale": "en", "currency": "USD"},
        "targets": {
            "revenue": "2bn", "rounding": 1000,
            "phasing": {"method": "working_days"},
            "calendar": {"country": "US", "working_days": ["mon", "tue", "wed", "thu", "fri"]},
            "split": {
                "region": {r: 2 + k for k, r in enumerate(REGIONS)},
                "product_line": {f"Line {k}": 2 + k for k in range(12)},
                "channel": {"Direct": "55%", "Partners": "30%", "Online": "rest"},
            },
        },
        "team": {"reps": reps, "ramp": ["25%", "50%", "75%"], "ramp_policy": "redistribute"},
        "funnel": {"average_deal": "40k", "win_rate": "25%", "visits_per_opportunity": 3, "calls_per_visit": 4},
        "crm": {
            "tiers": [{"name": "VIP", "min_revenue": "1M", "visit_every": "1 month"},
                      {"name": "Tier 1", "min_revenue": "300k", "visit_every": "2 months"},
                      {"name": "Other", "visit_every": "6 months"}],
            "customers": [{"name": f"Customer {k}", "revenue_last_year": (k % 40) * 50_000,
                           "owner": f"r{k % n_reps:04d}"} for k in range(n_customers)],
        },
        "budget": {"expense_ratio": "7%", "items": {"Travel": "40%", "Events": "35%", "Other": "rest"}},
    }
    return from_document(Document(data, {}, "<bench>"))


def run(repeats: int = 5) -> list[float]:
    """Seconds of each of `repeats` decompositions of the benchmark plan."""
    plan = build_plan()
    decompose(plan)  # warm-up: imports, holiday tables
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        decompose(plan)
        times.append(time.perf_counter() - t0)
    return times


def main() -> None:
    """Print best and median times and the core count; --profile prints where the time goes."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--profile", action="store_true", help="profile one decomposition with cProfile")
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    if args.profile:
        plan = build_plan()
        decompose(plan)
        prof = cProfile.Profile()
        prof.runcall(decompose, plan)
        pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
        return
    times = run(args.repeats)
    print(f"decompose: 1000 reps in {len(REGIONS)} regions, 3 splits, daily phasing, funnel, 3000 customers")
    print(f"best of {len(times)}: {min(times):.3f} s   median: {statistics.median(times):.3f} s   "
          f"cpu_count: {os.cpu_count()}")


if __name__ == "__main__":
    main()
