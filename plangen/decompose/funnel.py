"""Activities from revenue through the funnel: deals, opportunities, visits, calls (rounded up)."""
from __future__ import annotations

import math
from fractions import Fraction

from ..model.schema import Funnel
from .result import Activities

NONE = Activities(0, 0, 0, 0)


def activities(revenue: int, funnel: Funnel | None) -> Activities:
    """What it takes to win `revenue`: nobody makes 3.2 calls, so every step rounds up."""
    if funnel is None or revenue <= 0:
        return NONE
    deals = math.ceil(Fraction(revenue) / funnel.average_deal)
    opportunities = math.ceil(deals / funnel.win_rate)
    visits = math.ceil(opportunities * funnel.visits_per_opportunity)
    calls = math.ceil(visits * funnel.calls_per_visit)
    return Activities(deals, opportunities, visits, calls)


def per_day(month: Activities, days: int) -> Activities:
    """A month's activities per working day, rounded up."""
    if days <= 0:
        return NONE
    return Activities(*(math.ceil(Fraction(v, days)) for v in
                        (month.deals, month.opportunities, month.visits, month.calls)))
