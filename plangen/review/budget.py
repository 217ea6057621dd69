"""Budget: the expense ratio against last year's, and expenses growing faster than revenue."""
from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from ..decompose import Decomposition
from ..model.schema import Plan
from .finding import Finding, Money, Pct


def expense_ratio(plan: Plan, d: Decomposition) -> Iterator[Finding]:
    """Budget / target vs review.last_year_expenses / last year's revenue, and budget growth vs revenue growth."""
    b, spent, ly = d.budget, plan.review.last_year_expenses, d.growth.last_year
    if b is None or spent is None or not ly or d.total <= 0:
        return
    now, before = Fraction(b.total, d.total), Fraction(spent, ly)
    if abs(now - before) > plan.review.expense_ratio_change:
        yield Finding("budget.ratio_change", "warning", ("budget",), {
            "now": Pct(now), "before": Pct(before), "limit": Pct(plan.review.expense_ratio_change, 0)})
    cost, sales = Fraction(b.total, spent) - 1, Fraction(d.total, ly) - 1
    if cost > sales:
        yield Finding("budget.faster_than_revenue", "note", ("budget",), {
            "budget": Money(b.total), "cost": Pct(cost), "sales": Pct(sales)})
