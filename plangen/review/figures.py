"""Figures several checks share, computed from the decomposition's period-level results."""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from fractions import Fraction

from ..decompose import Decomposition
from ..decompose.funnel import activities
from ..decompose.result import Activities, RepTarget
from ..model.schema import Plan, Rep


def rep_days(plan: Plan, d: Decomposition, i: int) -> int:
    """Working days between the rep's start and end (the period's bounds when not given)."""
    rep: Rep = plan.team.reps[i]
    days = d.calendar.days                      # in order: count by bisection, not a pass per rep
    return max(0, bisect_right(days, rep.end or dt.date.max) - bisect_left(days, rep.start or dt.date.min))


def rep_activities(plan: Plan, rep: RepTarget) -> Activities:
    """The funnel for the rep's whole-period target, rounded up once (not month by month)."""
    return activities(rep.total, plan.funnel)


def per_day(count: int, days: int) -> Fraction:
    """A period count per working day (0 when the rep has no working day)."""
    return Fraction(count, days) if days else Fraction(0)


def expected_sales(plan: Plan, d: Decomposition, rep: RepTarget) -> Fraction:
    """Full quota x ramp x attainment, the ramp weighted by the months' share of the target.

    The full quota is review.rep_quota (a ramped rep's sales in 12 months, prorated to the period)
    when given, else the rep's share of the target.
    """
    total = d.revenue.total
    if not total:
        return Fraction(0)
    ramped = sum(Fraction(m) * f for m, f in zip(d.revenue.months, rep.ramp)) / total
    quota = plan.review.rep_quota
    full = Fraction(quota * len(d.months), 12) if quota is not None else Fraction(rep.full_quota)
    return full * ramped * plan.review.attainment


def last_year_months(d: Decomposition) -> tuple[int, ...] | None:
    """Last year's actuals of the period's months, when the history has them."""
    return d.growth.last_year_months


def quarter_sums(d: Decomposition, months: tuple[int, ...]) -> list[int]:
    """Month values summed by the period's quarters."""
    return [sum(months[i] for i in q.months) for q in d.quarters]
