"""The revenue target a plan states or implies from its history: base years x (1 + blended growth).

Part of reading the plan (model.check refuses a target from history that comes to 0 or less)
and of decomposing it (decompose starts from this target), so it lives in the lowest layer.
"""
from __future__ import annotations

from fractions import Fraction

from .schema import HistoryMethod, Plan


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
