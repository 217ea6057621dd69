"""Milestones in the documents: each dated goal beside what the phasing plans by then."""
from __future__ import annotations

from typing import Any

from plangen.present.ctx.base import Ctx, goal_text


def milestones(c: Ctx, tables: dict) -> dict[str, Any] | None:
    """The milestone table and the facts its sentence needs; None without milestones."""
    checks = c.d.milestones
    if not checks:
        return None
    L = c.L
    rows = [[m.name, c.f.date(m.by), goal_text(c, m.metric, m.goal), goal_text(c, m.metric, m.planned),
             L["milestone_met"] if m.met else L["milestone_short"]] for m in checks]
    tables["milestones"] = c.table("milestones", L["title_milestones"],
                                   [L["milestone"], L["due_date"], L["milestone_goal"], L["planned_by_then"],
                                    L["status"]], rows, [False, False, True, True, False])
    return {"count": len(checks), "short": sum(not m.met for m in checks)}
