"""Ramp and capacity for the deck: what the reps would carry at full quota, what ramping costs, who ramps."""
from __future__ import annotations

from fractions import Fraction
from typing import Any

from plangen.present.ctx.base import Ctx


def capacity(c: Ctx, tables: dict) -> dict[str, Any] | None:
    """ctx['team']['capacity']: full-quota capacity against the target and the ramp table; None without reps."""
    d = c.d
    if not d.reps:
        return None
    ramping = [r for r in d.reps if r.ramping]
    full = sum(r.full_quota for r in d.reps)
    if ramping:
        tables["ramp"] = ramp_table(c, ramping)
    lost = sum(r.full_quota - r.total for r in ramping)
    return {"full": c.money(full), "ramping": len(ramping), "lost": c.money(lost),
            "share": c.f.percent(Fraction(d.total, full), 0) if full else None, "reps": len(d.reps)}


def ramp_table(c: Ctx, ramping: list) -> Any:
    """One row per ramping rep: start date, full quota, plan target and the share of the full quota."""
    L = c.L
    rows = [[r.name, c.f.date(r.start) if r.start else "", c.fig(r.full_quota), c.fig(r.total),
             c.f.percent(Fraction(r.total, r.full_quota), 0) if r.full_quota else "—"] for r in ramping]
    cols = [L["rep"], L["start_date"], c.head("full_quota"), c.head("target"), L["ramp_share"]]
    return c.table("ramp", L["ramp"], cols, rows, [False, False, True, True, True], note=c.unit_note())
