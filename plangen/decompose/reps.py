"""A rep's targets below the month: his working days and activities per working day (his weeks:
rep_detail)."""
from __future__ import annotations

import datetime as dt

from .funnel import daily, daily_bounds
from .result import Activities, Decomposition, Day, Month, RepTarget
from .timeline import spread_days


def rep_days(d: Decomposition, rep: RepTarget) -> tuple[tuple[Day, ...], ...]:
    """Each month's rep amount over the days the rep works (from his start to his end date)."""
    out = []
    for m, amount in zip(d.months, rep.months):
        days = rep_dates(m, rep)
        out.append(spread_days(amount, days, d.unit) if amount else tuple(Day(x, 0) for x in days))
    return tuple(out)


def rep_dates(m: Month, rep: RepTarget) -> list[dt.date]:
    """The month's days carrying target on which the rep works (from his start to his end date)."""
    return [x.date for x in m.days if (not rep.start or x.date >= rep.start) and (not rep.end or x.date <= rep.end)]


def rep_daily_activities(rep: RepTarget, days: tuple[tuple[Day, ...], ...]) -> tuple[tuple[Activities, ...], ...]:
    """Each month's activities over the rep's working days (days from rep_days): whole numbers adding up."""
    return tuple(daily(a, [x.date for x in ds]) for a, ds in zip(rep.activities, days))


def rep_daily_bounds(rep: RepTarget, days: tuple[tuple[Day, ...], ...], key: str) -> tuple[tuple[int, int], ...]:
    """Each month's fewest and most of activity `key` on one of the rep's working days (rep_daily_activities'
    extremes, without building the days)."""
    return tuple(daily_bounds(a, [x.date for x in ds], key) for a, ds in zip(rep.activities, days))
