"""Activity floors in a rep's plan: per activity, whether the floor or the funnel set his figures."""
from __future__ import annotations

from typing import Any, Literal

from plangen.decompose.result import RepTarget
from plangen.present.ctx.base import Ctx
from plangen.present.ctx.rep_own import outside

Case = Literal["all", "some", "none"]
UNITS = {"calls": "calls_per_day", "visits": "visits_per_week"}


def rep_floors(c: Ctx, rep: RepTarget) -> list[dict[str, Any]]:
    """One entry per floor the plan sets: its value, the case, and the months where the floor won."""
    minimum = c.plan.funnel.minimum if c.plan.funnel else None
    if minimum is None or not rep.floors:
        return []
    worked = [i for i, off in enumerate(outside(rep)) if not off]
    return [_floor(c, rep, key, getattr(minimum, attr), worked)
            for key, attr in UNITS.items() if getattr(minimum, attr) is not None]


def _floor(c: Ctx, rep: RepTarget, key: str, value, worked: list[int]) -> dict[str, Any]:
    """One floor: 'all' worked months floored, 'some' (named), or 'none'."""
    won = [i for i in worked if key in rep.floors[i]]
    case: Case = "none" if not won else "all" if len(won) == len(worked) else "some"
    return {"key": key, "label": c.L[key], "value": c.f.rate(value), "case": case,
            "months": c.f.join([c.month_row(i) for i in won])}
