"""Benchmark: 1,000 per-rep Word plans, documents per second with 1 and 2 processes, beside a baseline.

The baseline makes the same documents one at a time with plain python-docx: it opens base.docx
for each rep and fills tables cell by cell (Table.cell). Every run writes real files.
Run: /work/venv/bin/python benchmarks/reps_bench.py [--reps N] [--profile]
"""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

import docx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from decompose_bench import build_plan  # noqa: E402 - the 1,000-rep benchmark plan

from plangen.batch import render_reps  # noqa: E402
from plangen.decompose import decompose  # noqa: E402
from plangen.render.context import Ctx, build_context  # noqa: E402
from plangen.render.ctx_rep import rep_context  # noqa: E402
from plangen.render.docx_rep import render_rep_docx  # noqa: E402
from plangen.render.template_set import TemplateSet  # noqa: E402


def baseline(plan, d, out: Path, n: int) -> float:
    """Seconds for `n` rep documents with plain python-docx, base.docx opened for each."""
    base = TemplateSet().path("base.docx")
    ctx_c = Ctx(plan, d)
    start = time.perf_counter()
    for i, r in enumerate(d.reps[:n]):
        rep = rep_context(ctx_c, r)
        doc = docx.Document(str(base))
        doc.add_paragraph(f"{rep['name']} · {ctx_c.L['rep_plan']}", style="Title")
        for t in rep["tables"].values():
            doc.add_paragraph(t.title, style="Caption")
            rows = [t.columns, *t.rows, *([t.total] if t.total else [])]
            table = doc.add_table(rows=len(rows), cols=len(t.columns), style="Plan Table")
            for y, row in enumerate(rows):
                for x, text in enumerate(row):
                    table.cell(y, x).text = text
        doc.add_paragraph(rep["commitment"])
        doc.save(str(out / f"{i}.docx"))
    return time.perf_counter() - start


def plangen_batch(plan, d, out: Path, jobs: int) -> float:
    """Seconds for every rep's plan through plangen.batch with `jobs` processes."""
    start = time.perf_counter()
    result = render_reps(plan, d, out, jobs=jobs, force=True)
    assert len(result.written) == len(d.reps)
    return time.perf_counter() - start


def profile(plan, d, n: int = 100) -> None:
    """Where the time of `n` rep plans goes (one process)."""
    ctx, c, ts = build_context(plan, d), Ctx(plan, d), TemplateSet()
    render_rep_docx(ctx, rep_context(c, d.reps[0]), ts)
    prof = cProfile.Profile()
    prof.enable()
    for r in d.reps[:n]:
        render_rep_docx(ctx, rep_context(c, r), ts)
    prof.disable()
    pstats.Stats(prof).sort_stats("cumulative").print_stats(25)


def main() -> None:
    """Print documents per second: baseline, plangen with 1 and 2 processes; and os.cpu_count()."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--reps", type=int, default=1000)
    ap.add_argument("--baseline-reps", type=int, default=200, help="the baseline is slow: time this many")
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    plan = build_plan(args.reps, args.reps * 3)
    d = decompose(plan)
    if args.profile:
        profile(plan, d)
        return
    print(f"os.cpu_count() = {os.cpu_count()}; {len(d.reps)} reps")
    with tempfile.TemporaryDirectory() as tmp:
        n = min(args.baseline_reps, len(d.reps))
        (Path(tmp) / "base").mkdir()
        t = baseline(plan, d, Path(tmp) / "base", n)
        print(f"baseline (python-docx, base.docx opened per rep, cells one by one): {n / t:6.1f} docs/s ({n} docs)")
        for jobs in (1, 2):
            t = plangen_batch(plan, d, Path(tmp) / f"jobs{jobs}", jobs)
            print(f"plangen batch, {jobs} process{'es' if jobs > 1 else ''}: {len(d.reps) / t:6.1f} docs/s "
                  f"({len(d.reps)} docs in {t:.1f} s, context built once per process)")


if __name__ == "__main__":
    main()
