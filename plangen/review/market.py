"""Market: the target against the market's size, the stated share and the segments."""
from __future__ import annotations

from collections.abc import Iterator

from ..decompose import Decomposition
from ..model.periods import annual_share
from ..model.schema import Plan
from .finding import Finding, Money, Pct, Word


def share(plan: Plan, d: Decomposition) -> Iterator[Finding]:
    """Target (annualised: the market's size is a year's) / market.capacity above 100% is an error; off market.share_target by more than review.share_tolerance warns."""
    m = plan.market
    if m is None or not m.capacity:
        return
    got = annual_share(d.total, len(d.months), m.capacity)   # a year's market: a shorter target annualised
    values = {"share": Pct(got), "target": Money(d.total), "capacity": Money(m.capacity),
              "annualised": Word("annualised" if len(d.months) != 12 else "")}
    if got > 1:
        yield Finding("market.share_above_100", "error", ("market", "capacity"), values)
    elif m.share_target is not None and abs(got - m.share_target) > plan.review.share_tolerance:
        yield Finding("market.share_target", "warning", ("market", "share_target"),
                      {**values, "stated": Pct(m.share_target)})


def segments(plan: Plan, d: Decomposition) -> Iterator[Finding]:
    """Segment sizes adding up to more than the market; the target above every segment's size combined."""
    m = plan.market
    sizes = [s.size for s in m.segments if s.size] if m else []
    if not sizes:
        return
    if m.capacity and sum(sizes) > m.capacity:
        yield Finding("market.segments_above_capacity", "warning", ("market", "segments"),
                      {"segments": Money(sum(sizes)), "capacity": Money(m.capacity)})
    if sum(sizes) < d.total:
        yield Finding("market.target_above_segments", "error", ("market", "segments"),
                      {"segments": Money(sum(sizes)), "target": Money(d.total)})
