"""Capacity: what the funnel and the visit plan ask of one rep per working day."""
from __future__ import annotations

import math
from collections.abc import Iterator
from fractions import Fraction

from ..decompose import Decomposition
from ..model.schema import Plan
from .figures import per_day, rep_activities, rep_days
from .finding import Finding, Names, Num


def funnel_per_day(plan: Plan, d: Decomposition) -> Iterator[Finding]:
    """Visits and calls per rep per working day above review.visits_per_day / calls_per_day."""
    if plan.funnel is None or not d.reps:
        return
    s = plan.review
    for kind, limit, key in (("visits", s.visits_per_day, "visits_per_opportunity"),
                             ("calls", s.calls_per_day, "calls_per_visit")):
        rates = [(r, getattr(rep_activities(plan, r), kind), rep_days(plan, d, i)) for i, r in enumerate(d.reps)]
        yield from _over(f"capacity.{kind}_per_day", ("funnel", key), rates, limit, len(d.reps))


def floor_above_limit(plan: Plan, d: Decomposition) -> Iterator[Finding]:
    """funnel.minimum per working day above review.visits_per_day / calls_per_day: a floor nobody keeps."""
    floor = plan.funnel.minimum if plan.funnel else None
    if floor is None:
        return
    asks = (("visits_per_week", floor.visits_per_week, Fraction(1, 5), "visits_per_day", plan.review.visits_per_day),
            ("calls_per_day", floor.calls_per_day, Fraction(1), "calls_per_day", plan.review.calls_per_day))
    for key, value, per_day_of, limit_key, limit in asks:
        daily = value * per_day_of if value is not None else Fraction(0)
        if daily > limit:
            yield Finding("capacity.floor_above_limit", "warning", ("funnel", "minimum", key), {
                "key": f"funnel.minimum.{key}", "floor": Num(daily, 0 if daily.denominator == 1 else 1),
                "limit_key": limit_key, "limit": Num(limit, 0)})


def customer_visits(plan: Plan, d: Decomposition) -> Iterator[Finding]:
    """Customer visits the tiers' frequencies give a rep, per working day, above review.visits_per_day."""
    if not d.customers or not d.reps:
        return
    rates = [(r, sum(r.visits), rep_days(plan, d, i)) for i, r in enumerate(d.reps)]
    yield from _over("capacity.customer_visits", ("crm", "tiers"), rates, plan.review.visits_per_day, len(d.reps))


def _over(code: str, path: tuple, rates: list, limit: Fraction, team: int) -> Iterator[Finding]:
    """One finding naming the reps whose count per working day is above `limit`."""
    over = [(r, n, days) for r, n, days in rates if per_day(n, days) > limit]
    if not over:
        return
    top, n, days = max(over, key=lambda x: per_day(x[1], x[2]))
    yield Finding(code, "warning", path, {
        "count": len(over), "team": team, "limit": Num(limit, 0), "names": Names(tuple(r.name for r, _, _ in over)),
        "name": top.name, "rate": Num(per_day(n, days)), "total": n, "days": days})


def new_customers(plan: Plan, d: Decomposition) -> Iterator[Finding]:
    """Visits to win targets.new_customers against the visits the team has left after the funnel and tiers."""
    asked, f = plan.targets.new_customers, plan.funnel
    if asked is None or f is None or not d.reps:
        return
    needed = math.ceil(asked[0] / f.win_rate * f.visits_per_opportunity)
    limit = plan.review.visits_per_day
    free = sum(math.floor(limit * rep_days(plan, d, i)) - rep_activities(plan, r).visits - sum(r.visits)
               for i, r in enumerate(d.reps))
    if needed > free:
        yield Finding("capacity.new_customers", "warning", ("targets", "new_customers"), {
            "asked": asked[0], "needed": needed, "free": max(free, 0), "limit": Num(limit, 0)})
