"""Activity floors (funnel.minimum): whichever is higher, the funnel's need or the floor, wins.

A rep's floor for a month counts his working days in it: calls_per_day x days, and
visits_per_week x days / 5 (a week of five working days), each rounded up to whole activities.
"""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import replace
from typing import Literal

from ..model.schema import ActivityFloor, Funnel
from .funnel import FIELDS, period_activities
from .result import Activities, Month, RepTarget

Floored = Literal["visits", "calls"]


def floor_of(minimum: ActivityFloor, days: int) -> dict[Floored, int]:
    """The floor of a span of `days` working days, whole activities (rounded up)."""
    out: dict[Floored, int] = {}
    if minimum.calls_per_day is not None:
        out["calls"] = math.ceil(minimum.calls_per_day * days)
    if minimum.visits_per_week is not None:
        out["visits"] = math.ceil(minimum.visits_per_week * days / 5)
    return out


def raise_to_floor(need: Activities, minimum: ActivityFloor, days: int) -> tuple[Activities, tuple[Floored, ...]]:
    """The month's activities raised to the floor where it is higher, and which keys the floor decided."""
    higher = {k: v for k, v in floor_of(minimum, days).items() if v > getattr(need, k)}
    return replace(need, **higher), tuple(sorted(higher))


def floored_months(needs: Sequence[Activities], minimum: ActivityFloor | None,
                   days: Sequence[int]) -> tuple[tuple[Activities, ...], tuple[tuple[Floored, ...], ...]]:
    """Each month's activities after the floor, with the keys the floor decided per month."""
    if minimum is None:
        return tuple(needs), tuple(() for _ in needs)
    pairs = [raise_to_floor(a, minimum, n) for a, n in zip(needs, days)]
    return tuple(a for a, _ in pairs), tuple(k for _, k in pairs)


def rep_month_days(months: Sequence[Month], start: dt.date | None, end: dt.date | None) -> list[int]:
    """The rep's working days in each month: the month's days between his start and end."""
    lo, hi = start or dt.date.min, end or dt.date.max
    return [sum(1 for x in m.days if lo <= x.date <= hi) for m in months]


def rep_activities(target: Sequence[int], months: Sequence[Month], funnel: Funnel | None,
                   start: dt.date | None, end: dt.date | None):
    """A rep's activities per month (the funnel's need, rounded up once) raised to the floors."""
    need = period_activities(target, funnel)
    minimum = funnel.minimum if funnel else None
    return floored_months(need, minimum, rep_month_days(months, start, end) if minimum else [0] * len(need))


def team_months(reps: Sequence[RepTarget]) -> tuple[Activities, ...]:
    """The team's activities per month as the reps' sum, so the team table adds up to the rep tables."""
    return tuple(Activities(*(sum(getattr(a, k) for a in col) for k in FIELDS))
                 for col in zip(*(r.activities for r in reps)))
