"""Benchmark: the per-rep Word plan beside its write floor, and the batch's documents/s by team size.

Prints, in one run:
1. per rep plan in one process (CPU time, the 1,000-rep benchmark plan): the context
   (present.ctx.rep), the writing (render.docx.rep), their sum; the write floor (the same
   document's parts, already in memory, zipped again with zipfile) and plangen's ratio to it;
2. the batch (plangen.batch.render_reps, real files) with 1 and 2 processes on that plan: documents/s;
3. with --roster 1000,10000,100000: a plan whose team is a CSV roster of that size (roster_bench),
   loaded and decomposed, then 1,000 of its reps written (shard 1 of size/1,000) with 2 processes:
   documents/s (wall, and per CPU-second of the workers: steady on a busy machine), the peak
   memory of a worker (its resident set, which counts the pages it shares with the parent: the plan,
   decomposition and context it inherits) and its own memory (private pages, sampled every 50
   documents: what each further worker costs). Each size runs in a process of its own.
Run: .venv/bin/python benchmarks/reps_bench.py [--reps 1000] [--sample 200] [--roster 1000,10000]
"""
from __future__ import annotations

import argparse
import io
import json
import multiprocessing
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from decompose_bench import build_plan  # noqa: E402 - the 1,000-rep benchmark plan
from roster_bench import write_plan  # noqa: E402 - a CSV roster of any size

from plangen.batch import Shard, render_reps  # noqa: E402
from plangen.decompose import decompose  # noqa: E402
from plangen.present.context import Ctx, build_context  # noqa: E402
from plangen.present.ctx.rep import rep_context  # noqa: E402
from plangen.render.docx.rep import render_rep_docx  # noqa: E402
from plangen.render.template_set import TemplateSet  # noqa: E402

DOCS_PER_ROSTER = 1000


def per_rep(plan, d, n: int) -> dict[str, float]:
    """Milliseconds of CPU per rep plan: context, writing, and the write floor of the same documents."""
    ctx, c, ts = build_context(plan, d), Ctx(plan, d), TemplateSet()
    render_rep_docx(ctx, rep_context(c, d.reps[0]), ts)   # the base is prepared once per process
    reps = d.reps[:n]
    t0 = time.process_time()
    contexts = [rep_context(c, r) for r in reps]
    t1 = time.process_time()
    docs = [render_rep_docx(ctx, r, ts) for r in contexts]
    t2 = time.process_time()
    return {"context": (t1 - t0) / len(reps) * 1e3, "write": (t2 - t1) / len(reps) * 1e3,
            "floor": write_floor(docs) * 1e3}


def write_floor(docs: list[bytes]) -> float:
    """CPU seconds per document to zip its parts again (deflated, as Word files are), parts in memory."""
    parts = []
    for data in docs:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            parts.append([(n, z.read(n)) for n in z.namelist()])
    start = time.process_time()
    for members in parts:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name, raw in members:
                z.writestr(name, raw)
    return (time.process_time() - start) / len(docs)


def batch(plan, d, out: Path, jobs: int, shard: Shard | None = None) -> tuple[int, float, float]:
    """(documents, wall seconds, steady docs/s) of plangen.batch with `jobs` processes, real files.

    Steady: from the first document written to the last, without the start (context, pool)."""
    stamps: list[float] = []
    def done(path: Path) -> None:
        stamps.append(time.perf_counter())
        if len(stamps) % 50 == 0:
            PRIVATE.append(max((private_mib(p.pid) for p in multiprocessing.active_children()), default=0.0))
    start = time.perf_counter()
    result = render_reps(plan, d, out, jobs=jobs, force=True, shard=shard, on_done=done)
    steady = (len(stamps) - 1) / (stamps[-1] - stamps[0]) if len(stamps) > 1 else 0.0
    return len(result.written), time.perf_counter() - start, steady


PRIVATE: list[float] = []   # workers' private memory, sampled every 50 documents


def private_mib(pid: int) -> float:
    """A process's memory of its own (pages not shared with the parent it forked from), in MiB."""
    try:
        lines = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
    except OSError:
        return 0.0
    return sum(int(line.split()[1]) for line in lines if line.startswith(("Private_Clean:", "Private_Dirty:"))) / 1024


def roster(n: int) -> dict:
    """In this process: a roster plan of `n` reps, loaded, decomposed, and 1,000 reps written by 2 workers."""
    from plangen.model import load
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        plan = load(str(write_plan(Path(tmp), n)))
        d = decompose(plan)
        t1 = time.perf_counter()
        docs, seconds, steady = batch(plan, d, Path(tmp) / "reps", 2, Shard(1, max(1, n // DOCS_PER_ROSTER)))
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"load_decompose": t1 - t0, "docs": docs, "seconds": seconds, "steady": steady, "worker_mib": children.ru_maxrss / 1024,
            "worker_private_mib": max(PRIVATE, default=0.0),
            "worker_cpu": children.ru_utime + children.ru_stime,
            "parent_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def print_per_rep(r: dict[str, float], n: int) -> None:
    """Section 1: the per-rep cost beside its floor."""
    total = r["context"] + r["write"]
    print(f"per rep plan, 1 process, CPU ms over {n} reps: context {r['context']:.2f} + writing "
          f"{r['write']:.2f} = {total:.2f}; write floor {r['floor']:.2f}; ratio {total / r['floor']:.1f}x "
          f"(writing alone {r['write'] / r['floor']:.1f}x)")


def print_rosters(sizes: list[int]) -> None:
    """Section 3: one child process per team size."""
    print(f"{'roster reps':>11} {'load+decompose s':>16} {'docs':>5} {'docs/s (2 proc)':>15} {'steady docs/s':>13} "
          f"{'docs/worker CPU s':>17} {'worker peak MiB':>15} {'worker own MiB':>14} {'parent peak MiB':>15}")
    for n in sizes:
        done = subprocess.run([sys.executable, __file__, "--child", str(n)], capture_output=True, text=True)
        if done.returncode:
            print(f"{n:>11,} failed: {done.stderr[-1500:]}")
            continue
        r = json.loads(done.stdout.splitlines()[-1])
        print(f"{n:>11,} {r['load_decompose']:>16.1f} {r['docs']:>5} {r['docs'] / r['seconds']:>15.1f} {r['steady']:>13.1f} "
              f"{r['docs'] / r['worker_cpu']:>17.1f} {r['worker_mib']:>15.0f} {r['worker_private_mib']:>14.0f} {r['parent_mib']:>15.0f}")


def main() -> None:
    """Print the three sections; os.cpu_count() and the load average first."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--reps", type=int, default=1000)
    ap.add_argument("--sample", type=int, default=200, help="reps timed for the per-rep cost")
    ap.add_argument("--roster", default="", help="team sizes from a CSV roster, e.g. 1000,10000,100000")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(roster(args.child)))
        return
    print(f"os.cpu_count() = {os.cpu_count()}; load average {os.getloadavg()[0]:.2f}")
    plan = build_plan(args.reps, args.reps * 3)
    d = decompose(plan)
    n = min(args.sample, len(d.reps))
    print_per_rep(per_rep(plan, d, n), n)
    with tempfile.TemporaryDirectory() as tmp:
        for jobs in (1, 2):
            docs, t, steady = batch(plan, d, Path(tmp) / f"jobs{jobs}", jobs)
            print(f"batch, {jobs} process{'es' if jobs > 1 else ''}: {docs / t:6.1f} docs/s ({docs} docs in {t:.1f} s; "
                  f"steady {steady:.1f} docs/s)")
    if args.roster:
        print_rosters([int(x) for x in args.roster.split(",")])


if __name__ == "__main__":
    main()
