"""The context of a company's own .docx/.pptx templates: the plan context plus lists for table loops.

Everything build_context gives, plus `months`, `quarters`, `customers` and `reps` as lists of
flat records (one table row each), and with a rep: `rep` (rep_context) and `rep_months`,
`rep_quarters`, `rep_customers`.
"""
from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any

from plangen.decompose.result import Decomposition, RepTarget
from plangen.model.schema import Plan
from plangen.present.context import Ctx, build_context
from plangen.present.ctx.rep import rep_context
from plangen.present.values import Money


def user_context(plan: Plan, d: Decomposition, rep_id: str | None = None,
                 issued: dt.date | None = None) -> dict[str, Any]:
    """The whole plan for a user template; with `rep_id`, also that rep's plan."""
    c = Ctx(plan, d)
    ctx = build_context(plan, d, issued)
    ctx.update(months=months(c), quarters=quarters(c), customers=customers(c), reps=reps(c))
    if rep_id is not None:
        ctx.update(rep_part(c, find_rep(d, rep_id)))
    return ctx


def rep_contexts(plan: Plan, d: Decomposition, issued: dt.date | None = None) -> list[tuple[str, dict[str, Any]]]:
    """One (rep id, context) per rep, sharing the plan part."""
    c = Ctx(plan, d)
    base = build_context(plan, d, issued)
    base.update(months=months(c), quarters=quarters(c), customers=customers(c), reps=reps(c))
    return [(r.id, {**base, **rep_part(c, r)}) for r in d.reps]


def find_rep(d: Decomposition, rep_id: str) -> RepTarget:
    """The rep with this id; KeyError naming the ids that exist."""
    for r in d.reps:
        if r.id == rep_id:
            return r
    raise KeyError(f"no rep {rep_id!r}; the plan has {', '.join(r.id for r in d.reps) or 'no reps'}")


def rep_part(c: Ctx, rep: RepTarget) -> dict[str, Any]:
    """`rep` and the rep's lists for table loops."""
    return {"rep": rep_context(c, rep), "rep_months": rep_months(c, rep),
            "rep_quarters": rep_quarters(c, rep), "rep_customers": customers(c, rep.id)}


def _shown(c: Ctx, values: list[int], total: int) -> list[Money]:
    """Money values whose printed parts add up to the printed total."""
    out = []
    for v, s in zip(values, c.amounts(values, total)):
        m = c.money(v)
        m.text = s
        out.append(m)
    return out


def _last_year(c: Ctx) -> list[int] | None:
    return list(c.d.growth.last_year_months) if c.d.growth.last_year_months else None


def _growth(c: Ctx, now: int, before: int | None) -> Any:
    return c.share(Fraction(now - before, before), 1) if before else None


def months(c: Ctx) -> list[dict[str, Any]]:
    """One record per month of the period: label, target, last year, growth, share, working days, daily."""
    d, last = c.d, _last_year(c)
    shown = _shown(c, [m.amount for m in d.months], d.total)
    before = _shown(c, last, sum(last)) if last else [None] * len(d.months)
    return [{"label": c.month_label(m.index), "short": c.f.month_short(m.month), "key": m.key,
             "quarter": c.quarter_label(m.quarter), "target": t, "last_year": b,
             "growth": _growth(c, m.amount, b), "share": c.share(Fraction(m.amount, d.total or 1), 1),
             "working_days": m.working_days,
             "daily": c.money(m.amount // m.working_days) if m.working_days else None}
            for m, t, b in zip(d.months, shown, before)]


def quarters(c: Ctx) -> list[dict[str, Any]]:
    """One record per quarter: label, target, last year, growth, share, months."""
    d, last = c.d, _last_year(c)
    shown = _shown(c, [q.amount for q in d.quarters], d.total)
    rows = []
    for q, t in zip(d.quarters, shown):
        before = sum(last[i] for i in q.months) if last else None
        rows.append({"label": c.quarter_label(q.index), "key": q.key, "target": t,
                     "last_year": c.money(before) if before is not None else None,
                     "growth": _growth(c, q.amount, before), "share": c.share(Fraction(q.amount, d.total or 1), 1),
                     "months": [c.month_label(i) for i in q.months]})
    return rows


def customers(c: Ctx, owner: str | None = None) -> list[dict[str, Any]]:
    """One record per planned customer (only the owner's when given): name, tier, owner, visits."""
    names = {r.id: r.name for r in c.d.reps}
    return [{"name": x.name, "tier": x.tier or "", "owner_id": x.owner or "", "owner": names.get(x.owner or "", ""),
             "revenue_last_year": c.money(x.revenue_last_year) if x.revenue_last_year is not None else None,
             "visits": sum(x.visits), "visits_by_month": list(x.visits)}
            for x in c.d.customers if owner is None or x.owner == owner]


def reps(c: Ctx) -> list[dict[str, Any]]:
    """One record per rep: id, name, region, start, target, share, quarters, budget, ramping."""
    d = c.d
    shown = _shown(c, [r.total for r in d.reps], sum(r.total for r in d.reps))
    return [{"id": r.id, "name": r.name, "region": r.region or "", "start": c.f.date(r.start) if r.start else "",
             "target": t, "share": c.share(Fraction(r.total, d.total or 1), 1),
             "quarters": _shown(c, list(r.quarters), r.total), "budget": c.money(r.budget), "ramping": r.ramping}
            for r, t in zip(d.reps, shown)]


def rep_months(c: Ctx, rep: RepTarget) -> list[dict[str, Any]]:
    """The rep's months: label, target, working days (from the start date), daily target, ramp."""
    shown = _shown(c, list(rep.months), rep.total)
    rows = []
    for m, t, r in zip(c.d.months, shown, rep.ramp):
        days = sum(1 for x in m.days if not rep.start or x.date >= rep.start)
        rows.append({"label": c.month_label(m.index), "short": c.f.month_short(m.month), "target": t,
                     "working_days": days, "daily": c.money(int(t) // days) if days else None,
                     "ramp": c.share(r)})
    return rows


def rep_quarters(c: Ctx, rep: RepTarget) -> list[dict[str, Any]]:
    """The rep's quarters: label, target, share of the rep's period target."""
    shown = _shown(c, list(rep.quarters), rep.total)
    return [{"label": c.quarter_label(q.index), "target": t, "share": c.share(Fraction(int(t), rep.total or 1), 1)}
            for q, t in zip(c.d.quarters, shown)]
