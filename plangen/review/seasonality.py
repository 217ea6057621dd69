"""Seasonality vs history: months below last year in a growth plan, growth that swings across quarters."""
from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from ..decompose import Decomposition
from ..decompose.timeline import phase, seasonality
from ..model.schema import Plan
from .figures import last_year_months, quarter_sums
from .finding import Finding, MonthVs, Pct, QuarterPcts


def below_last_year(plan: Plan, d: Decomposition) -> Iterator[Finding]:
    """In a plan above last year, each month planned below the same month last year; from_history's figures as the fix."""
    ly = last_year_months(d)
    if ly is None or d.total <= sum(ly):
        return
    low = [i for i, m in enumerate(d.months) if m.amount < ly[i]]
    if not low:
        return
    yield Finding("seasonality.below_last_year", "warning", ("targets", "phasing"), {
        "count": len(low),
        "pairs": MonthVs(tuple((i, d.months[i].amount, ly[i]) for i in low))})
    suggested = _from_history(plan, d)
    if suggested and plan.targets.phasing.method != "history" and not plan.targets.phasing.from_history:
        yield Finding("seasonality.from_history", "note", ("targets", "phasing"), {
            "pairs": MonthVs(tuple((i, suggested[i], ly[i]) for i in low))})


def _from_history(plan: Plan, d: Decomposition) -> tuple[int, ...] | None:
    """The month targets `from_history: true` phasing would give (None without a full history year)."""
    h = plan.history
    if h is None or not any(len(m) == 12 and sum(m) > 0 for m in h.monthly.values()):
        return None
    return phase(d.total, seasonality(plan), d.unit).months


def growth_swing(plan: Plan, d: Decomposition) -> Iterator[Finding]:
    """Quarter growth vs the same quarter last year spread more than review.growth_swing (highest minus lowest)."""
    ly = last_year_months(d)
    if ly is None or len(d.quarters) < 2:
        return
    base = quarter_sums(d, ly)
    pairs = [(q.index, Fraction(q.amount, b) - 1) for q, b in zip(d.quarters, base) if b > 0]
    growth = [g for _, g in pairs]
    if len(growth) < 2 or max(growth) - min(growth) <= plan.review.growth_swing:
        return
    yield Finding("seasonality.growth_swing", "warning", ("targets", "phasing", "quarters"), {
        "growth": QuarterPcts(tuple(pairs)), "swing": Pct(max(growth) - min(growth)),
        "limit": Pct(plan.review.growth_swing, 0)})
