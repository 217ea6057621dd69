"""Consistency: the growth the plan states against the growth its target and last year's actuals give."""
from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from ..decompose import Decomposition
from ..decompose.funnel import activities
from ..model.schema import Plan
from .finding import Finding, Money, Pct

TOLERANCE = Fraction(1, 100)


def growth(plan: Plan, d: Decomposition) -> Iterator[Finding]:
    """targets.growth more than one point off target / last year - 1 (the same rule as the decomposition's notice)."""
    g = d.growth
    if g.stated is None or g.implied is None or abs(g.stated - g.implied) <= TOLERANCE:
        return
    yield Finding("consistency.growth", "warning", ("targets", "growth"), {
        "stated": Pct(g.stated), "implied": Pct(g.implied), "target": Money(d.total), "last_year": Money(g.last_year)})


def new_customers(plan: Plan, d: Decomposition) -> Iterator[Finding]:
    """New customers asked above the deals the funnel plans: every new customer is a won deal."""
    asked = plan.targets.new_customers
    if asked is None or plan.funnel is None:
        return
    deals = activities(d.total, plan.funnel).deals
    if asked[0] > deals:
        yield Finding("consistency.new_customers", "warning", ("targets", "new_customers"),
                      {"asked": asked[0], "deals": deals})
