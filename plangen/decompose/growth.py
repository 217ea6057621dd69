"""The target against history: last year's actuals, implied and stated growth, targets from history."""
from __future__ import annotations

from fractions import Fraction

from ..model.history import same_months
from ..model.schema import Plan
from .result import Growth, Notice, frozen_map


def growth_check(plan: Plan, revenue: int, detail: dict) -> Growth:
    """Implied growth vs last year next to stated, industry and benchmark growth."""
    last = same_months(plan, 1)
    total = sum(last) if last else None
    h = plan.history
    return Growth(
        base_year=plan.plan.period.start[0] - 1 if last else None,
        last_year=total, last_year_months=tuple(last) if last else None,
        implied=Fraction(revenue, total) - 1 if total else None,
        stated=plan.targets.growth,
        industry=h.industry_growth if h else None, benchmark=h.benchmark_growth if h else None,
        method="history" if detail else "given", method_detail=frozen_map(detail))


def growth_notices(g: Growth) -> list[Notice]:
    """Warnings when the growth the target implies is not credible."""
    out = []
    if g.implied is None:
        return out
    if g.stated is not None and abs(g.implied - g.stated) > Fraction(1, 100):
        out.append(Notice("growth_off_history", frozen_map({"stated": g.stated, "implied": g.implied}),
                          f"the stated growth {float(g.stated):.1%} is more than 1 point off the growth the "
                          f"target implies against last year's actuals ({float(g.implied):.1%})",
                          ("targets", "growth")))
    if g.benchmark is not None and g.implied > g.benchmark:
        out.append(Notice("growth_above_benchmark", frozen_map({"implied": g.implied, "benchmark": g.benchmark}),
                          f"the target implies {float(g.implied):.1%} growth, above the industry's best "
                          f"({float(g.benchmark):.1%}): say what makes it credible", ("targets", "revenue")))
    if g.industry is not None and g.implied < g.industry:
        out.append(Notice("growth_below_industry", frozen_map({"implied": g.implied, "industry": g.industry}),
                          f"the target implies {float(g.implied):.1%} growth, below the industry's "
                          f"{float(g.industry):.1%}: the plan loses market share", ("targets", "revenue")))
    return out
