"""A rep's targets below the month: working days, ISO weeks and activities per week and day."""
from __future__ import annotations

from .funnel import activities, per_day
from .result import Activities, Decomposition, Day, RepTarget
from .timeline import spread_days, weeks_of

from ..model.schema import Funnel


def rep_days(d: Decomposition, rep: RepTarget, end=None) -> tuple[tuple[Day, ...], ...]:
    """Each month's rep amount over the days the rep works (from the start date on)."""
    out = []
    for m, amount in zip(d.months, rep.months):
        days = [x.date for x in m.days if (not rep.start or x.date >= rep.start) and (not end or x.date <= end)]
        out.append(spread_days(amount, days, d.unit) if amount else tuple(Day(x, 0) for x in days))
    return tuple(out)


def rep_weeks(d: Decomposition, rep: RepTarget) -> list[tuple[tuple[int, int], int]]:
    """The rep's target per ISO week ((iso_year, iso_week), amount); weeks add up to months."""
    return weeks_of([day for month in rep_days(d, rep) for day in month])


def rep_daily_activities(d: Decomposition, rep: RepTarget) -> tuple[Activities, ...]:
    """Activities per working day in each month, rounded up."""
    days = rep_days(d, rep)
    return tuple(per_day(a, len(ds)) for a, ds in zip(rep.activities, days))


def week_activities(amount: int, funnel: Funnel | None) -> Activities:
    """Activities a week's target needs."""
    return activities(amount, funnel)
