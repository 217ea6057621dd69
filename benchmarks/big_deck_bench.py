"""Benchmark: the deck of a big team (issue 15, defect 2). Time and slides for N reps and N customers.

The deck of a big team summarises (top and bottom reps, targets by region) and points to the
workbook, so its time should grow linearly with the team, not with its square.
Run: .venv/bin/python benchmarks/big_deck_bench.py [--sizes 100,1000,5000]
"""
from __future__ import annotations

import argparse
import io
import os
import sys
import time
from pathlib import Path

import pptx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale_bench import plan_text  # noqa: E402

from plangen.decompose import decompose  # noqa: E402
from plangen.model import loads  # noqa: E402
from plangen.present.context import build_context  # noqa: E402
from plangen.render.pptx.deck import render_deck  # noqa: E402
from plangen.render.template_set import TemplateSet  # noqa: E402

FLOOR = 60.0  # seconds per 1,000 reps that would mean the deck is quadratic again


def with_customers(text: str, n: int) -> str:
    """The plan with `n` customers owned round-robin by the first reps."""
    rows = "\n".join(f"    - {{name: Customer {i}, revenue_last_year: {1000 * (i % 97 + 1)}, owner: r{i % 50:05d}}}"
                     for i in range(n))
    return text + "crm:\n  tiers:\n    - {name: A, min_revenue: 50000, visit_every: 1 month}\n" \
                  "    - {name: B, visit_every: 3 months}\n  customers:\n" + rows + "\n"


def run(n: int) -> tuple[float, int, int]:
    """Seconds, slides and notes paragraphs of the deck for n reps and n customers."""
    plan = loads(with_customers(plan_text(n), n), "big.yaml")
    ctx = build_context(plan, decompose(plan))
    start = time.perf_counter()
    data = render_deck(ctx, TemplateSet())
    seconds = time.perf_counter() - start
    prs = pptx.Presentation(io.BytesIO(data))
    notes = sum(len(s.notes_slide.notes_text_frame.paragraphs) for s in prs.slides if s.has_notes_slide)
    return seconds, len(prs.slides), notes


def main() -> None:
    """Print one line per size, beside the floor, with the core count."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="100,1000,5000")
    sizes = [int(s) for s in ap.parse_args().sizes.split(",")]
    for n in sizes:
        seconds, slides, notes = run(n)
        print(f"{n:>6} reps + {n} customers: deck {seconds:6.1f} s, {slides} slides, {notes} notes paragraphs "
              f"(floor {FLOOR * n / 1000:.0f} s); os.cpu_count() = {os.cpu_count()}")


if __name__ == "__main__":
    main()
