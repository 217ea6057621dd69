"""Activities from revenue through the funnel: deals, opportunities, visits, calls.

The period's need is computed once (every step rounded up once), then spread down to months
and days as whole numbers that add up exactly: 12 monthly roundings would ask for far more.
"""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from fractions import Fraction

from ..model.schema import Funnel
from .allocate import largest_remainder
from .result import Activities
from .timeline import iso_week, week_parts

NONE = Activities(0, 0, 0, 0)
FIELDS = ("deals", "opportunities", "visits", "calls")


def activities(revenue: int, funnel: Funnel | None) -> Activities:
    """What it takes to win `revenue`: nobody makes 3.2 calls, so every step rounds up."""
    if funnel is None or revenue <= 0:
        return NONE
    deals = math.ceil(Fraction(revenue) / funnel.average_deal)
    opportunities = math.ceil(deals / funnel.win_rate)
    visits = math.ceil(opportunities * funnel.visits_per_opportunity)
    calls = math.ceil(visits * funnel.calls_per_visit)
    return Activities(deals, opportunities, visits, calls)


def spread(total: Activities, weights: Sequence[int | Fraction]) -> tuple[Activities, ...]:
    """The period's activities over spans (months, days) by weight, whole numbers adding up exactly."""
    if not any(weights):
        return tuple(NONE for _ in weights)
    cols = [largest_remainder(getattr(total, k), list(weights)) for k in FIELDS]
    return tuple(Activities(*parts) for parts in zip(*cols))


def period_activities(months: Sequence[int], funnel: Funnel | None) -> tuple[Activities, ...]:
    """The need of the months' total, rounded up once, spread over the months by their amounts."""
    return spread(activities(sum(months), funnel), months)


def daily(month: Activities, days: Sequence[dt.date]) -> tuple[Activities, ...]:
    """A month's activities over its working days: week parts by days, then the days of each part."""
    weeks: dict[tuple[int, int], list[dt.date]] = {}
    for d in days:
        weeks.setdefault(iso_week(d), []).append(d)
    sizes = [len(w) for w in weeks.values()]
    cols = [week_parts(getattr(month, k), sizes, 1) for k in FIELDS]
    out: list[Activities] = []
    for w, parts in zip(weeks.values(), zip(*cols)):
        out.extend(spread(Activities(*parts), [1] * len(w)))
    return tuple(out)


def daily_bounds(month: Activities, days: Sequence[dt.date], key: str) -> tuple[int, int]:
    """The fewest and most of activity `key` on one of the month's days, as `daily` spreads them, without
    the days: a week part p over n days gives each day p // n or p // n + 1 (the first p % n days)."""
    sizes: dict[tuple[int, int], int] = {}
    for d in days:
        week = iso_week(d)
        sizes[week] = sizes.get(week, 0) + 1
    if not sizes:
        return 0, 0
    parts = list(zip(week_parts(getattr(month, key), list(sizes.values()), 1), sizes.values()))
    return min(p // n for p, n in parts), max(p // n + (1 if p % n else 0) for p, n in parts)
