"""What belongs in one rep's signed plan and no one else's: his tasks, action lines, a chart of his
months, and the facts that explain his number (full quota, start and ramp, what he carries for
colleagues or they carry for him). Team items stay in the team plan; his budget items come from
decompose.rep_detail."""
from __future__ import annotations

from typing import Any

from plangen.decompose.result import RepTarget
from plangen.present.charts import ChartSpec, Series
from plangen.present.ctx.base import Ctx
from plangen.present.ctx.sections import _join

DASH = "—"   # a month outside the rep's employment


def owns(owner: str, rep: RepTarget) -> bool:
    """Whether a task's or action line's owner names this rep (by id or by name)."""
    return owner.strip() in (rep.id, rep.name)


def rep_tasks(c: Ctx, rep: RepTarget):
    """The rep's own tasks (owner = his id or name), or None."""
    L = c.L
    rows = [[_join(c, t.task), c.f.date(t.due) if t.due else "", _join(c, t.acceptance), _join(c, t.support)]
            for t in c.plan.tasks if owns(t.owner, rep)]
    if not rows:
        return None
    return c.table("rep_tasks", L["task_breakdown"], [L["task"], L["due_date"], L["acceptance"],
                   L["action_support"]], rows, [False] * 4)


def own_actions(c: Ctx, rep: RepTarget) -> list:
    """The action plan lines whose owner is this rep."""
    return [a for a in c.plan.team.action_plan if owns(a.owner, rep)]


def months_chart(c: Ctx, rep: RepTarget) -> ChartSpec:
    """The rep's target per month; months before his start or after his end have no bar (not a 0 k)."""
    cats = tuple(c.f.month_short(m.month) for m in c.d.months)
    values = tuple(None if off else c.f.scaled(v) for v, off in zip(rep.months, outside(rep)))
    return ChartSpec("column", c.L["chart_rep_months"], cats, (Series(c.L["target"], values, "plan"),),
                     c.f.excel_format(), c.unit_note())


def story(c: Ctx, rep: RepTarget) -> dict[str, Any]:
    """The facts behind the rep's number, for the paragraph that explains it."""
    ramp = [c.aside(c.f.money(v), c.f.month_short(m.month))
            for m, v, r in zip(c.d.months, rep.months, rep.ramp) if 0 < r < 1]
    carried = c.team.colleagues_ramping(rep) if rep.carried else []   # the engine's figure, not re-derived
    model = c.team.models.get(rep.id)
    end = model.end if model and model.end and model.end < c.plan.plan.period.last_day else None
    late = bool(rep.start and rep.start > c.plan.plan.period.first_day)
    less, more = rep.total < rep.full_quota and rep.ramping, bool(carried)   # else a rounding difference
    diff = rep.carried if more else rep.full_quota - rep.total
    shared = c.plan.team.ramp_policy == "redistribute" and c.team.covered(rep)
    return {"full": c.money(rep.full_quota), "diff": c.money(abs(diff)), "more": more, "less": less,
            "start": c.f.date(rep.start) if late else "", "end": c.f.date(end) if end else "",
            "before": late and rep.ramp[0] == 0,
            "ramp": c.f.join(ramp), "covered": shared, "carried_for": c.f.join_few(carried), "carried_n": len(carried)}


def outside(rep: RepTarget) -> list[bool]:
    """Per month: whether the rep does not work in it at all (before his start, after his end)."""
    return [r == 0 for r in rep.ramp]
