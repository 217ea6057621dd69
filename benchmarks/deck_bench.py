"""Time to build the PowerPoint deck of the zh sample plan (median of 5 runs), and the core count."""
from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

from plangen.decompose import decompose
from plangen.model import load
from plangen.present.context import build_context
from plangen.render.pptx.deck import render_deck
from plangen.render.template_set import TemplateSet

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "zh-annual-plan.yaml"


def build_once() -> float:
    """Seconds to load, decompose, build the context and render the deck once."""
    start = time.perf_counter()
    plan = load(SAMPLE)
    render_deck(build_context(plan, decompose(plan)), TemplateSet())
    return time.perf_counter() - start


def main() -> None:
    """Print the median of five builds (after one warm-up) and os.cpu_count()."""
    build_once()
    times = [build_once() for _ in range(5)]
    print(f"deck of {SAMPLE.name}: median {statistics.median(times) * 1000:.0f} ms over 5 runs "
          f"(min {min(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms); os.cpu_count() = {os.cpu_count()}")


if __name__ == "__main__":
    main()
