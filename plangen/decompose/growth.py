"""The target against history: last year's actuals, implied and stated growth, targets from history."""
from __future__ import annotations

from fractions import Fraction

from ..model.schema import HistoryMethod, Plan
from .result import Growth, Notice, frozen_map


def same_months(plan: Plan, years_back: int) -> list[int] | None:
    """Actuals of the period's months `years_back` years earlier, or None when history lacks them."""
    monthly = plan.history.monthly if plan.history else {}
    out = []
    for y, m in plan.plan.period.month_list():
        year = monthly.get(y - years_back)
        if not year or len(year) != 12:
            return None
        out.append(year[m - 1])
    return out


def blended_growth(plan: Plan, method: HistoryMethod) -> Fraction:
    """Industry and benchmark growth blended by their weights, plus any extra growth."""
    h = plan.history
    industry = h.industry_growth or Fraction(0)
    benchmark = h.benchmark_growth if h.benchmark_growth is not None else industry
    weights = method.industry_weight + method.benchmark_weight
    blend = (industry * method.industry_weight + benchmark * method.benchmark_weight) / weights if weights else 0
    return blend + method.extra_growth


def history_base(plan: Plan, method: HistoryMethod) -> tuple[Fraction, dict]:
    """Last year's same-period actuals, or the weighted average of the last three years."""
    if method.base == "last_year":
        last = same_months(plan, 1)
        return Fraction(sum(last)), {"years": {plan.plan.period.start[0] - 1: sum(last)}}
    years = {plan.plan.period.start[0] - k: same_months(plan, k) for k in (3, 2, 1)}
    years = {y: sum(v) for y, v in years.items() if v is not None}
    ws = list(method.base_weights)[-len(years):]
    base = sum(Fraction(v) * w for v, w in zip(years.values(), ws)) / sum(ws)
    return base, {"years": years, "weights": [float(w) for w in ws]}


def revenue_target(plan: Plan, unit: int) -> tuple[int, dict]:
    """The revenue target: as given, or computed from history (base x (1 + growth))."""
    rev = plan.targets.revenue
    if isinstance(rev, int):
        return rev, {}
    base, detail = history_base(plan, rev)
    growth = blended_growth(plan, rev)
    exact = base * (1 + growth)
    target = round(exact / unit) * unit
    detail.update({"base": round(base), "growth": growth, "industry_weight": rev.industry_weight,
                   "benchmark_weight": rev.benchmark_weight, "extra_growth": rev.extra_growth,
                   "basis": rev.base, "exact": float(exact)})
    return target, detail


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
