"""The decomposition as one stable JSON document (docs/json-format.md), and the plan's JSON Schema.

Amounts are exact integers in currency units; shares, weights and ratios are JSON numbers
rounded to six decimals (informative: the integer amounts are authoritative and add up).
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from fractions import Fraction
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from plangen.decompose.rep_detail import RepDetail, rep_detail
from plangen.decompose.result import (Activities, Budget, CustomerPlan, Decomposition, Growth, Month, Quarter,
                                     RepTarget, Split, Timeline, Week)
from plangen.model.errors import format_path
from plangen.model.schema import Plan
from plangen.present.tables import ratio

SCHEMA_VERSION = 1
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def plain(value: Any) -> Any:
    """Any result value as JSON data: Fractions as rounded numbers, dates as ISO strings."""
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, (Fraction, float)):
        return ratio(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return str(value)


def _version() -> str:
    """plangen's installed version."""
    try:
        return version("plangen")
    except PackageNotFoundError:
        return "unknown"


def document(plan: Plan, d: Decomposition, rep_days: bool = False) -> dict[str, Any]:
    """Every level of the decomposition, in a documented, stable shape; each rep's days only with
    `rep_days` (some 250 a rep: they would make a big team's document several times larger)."""
    month_keys = [m.key for m in d.months]
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": {"name": "plangen", "version": _version()},
        "plan": _header(plan),
        "currency": d.currency,
        "rounding": d.unit,
        "phasing": d.phasing,
        "total": d.total,
        "calendar": _calendar(d),
        "quarters": [_quarter(d, q, month_keys) for q in d.quarters],
        "months": [_month(d, m) for m in d.months],
        "weeks": [_week(w, month_keys) for w in d.weeks],
        "days": [{"date": day.date.isoformat(), "month": m.key, "amount": day.amount}
                 for m in d.months for day in m.days],
        "metrics": {k: _timeline(t) for k, t in d.metrics.items()},
        "splits": {k: _split(s) for k, s in d.splits.items()},
        "reps": _reps(plan, d, rep_days),
        "unassigned": _timeline_of(d, d.unassigned),
        "ramp_policy": d.ramp_policy,
        "team_activities": [_activities(a) for a in d.team_activities],
        "customers": [_customer(c) for c in d.customers],
        "budget": _budget(d, d.budget, plan.budget.rep_items if plan.budget else []),
        "collections": _collections(d),
        "accounts": [{"name": a.name, "owner": a.owner, "total": a.total, "months": list(a.months),
                      "products": {k: list(v) for k, v in a.products.items()}} for a in d.accounts],
        "milestones": [{"name": m.name, "by": m.by.isoformat(), "metric": m.metric, "goal": m.goal,
                        "planned": m.planned, "met": m.met} for m in d.milestones],
        "proposals": _proposals(d),
        "growth": _growth(d.growth),
        "forecast": _forecast(d),
        "notices": [{"code": n.code, "path": _path(n.path), "message": n.message, "values": plain(n.values)}
                    for n in d.notices],
    }


def _forecast(d: Decomposition) -> dict[str, Any]:
    """The period forecast from history against the target, or why there is none."""
    fc = d.forecast
    if fc is None:
        return {"available": False, "reason": d.forecast_reason}
    h = fc.held_out
    return {"available": True, "method": fc.method, "years": list(fc.years), "months": list(fc.months),
            "total": fc.total, "target": fc.target, "gap": fc.gap, "gap_months": list(fc.gap_months),
            "mape": ratio(fc.mape), "params": {k: ratio(v) for k, v in fc.params.items()},
            "held_out": {"year": h.year, "actual": list(h.actual), "forecasts": {k: list(v) for k, v in h.forecasts.items()},
                         "mape": {k: ratio(v) for k, v in h.mape.items()}}}


def _header(plan: Plan) -> dict[str, Any]:
    """The plan's identity and display settings."""
    h = plan.plan
    return {"title": h.title, "organization": h.organization, "owner": h.owner, "locale": h.locale,
            "currency": h.currency, "display_unit": h.display_unit,
            "period": {"start": f"{h.period.start[0]}-{h.period.start[1]:02d}", "months": h.period.months,
                       "first_day": h.period.first_day.isoformat(), "last_day": h.period.last_day.isoformat()}}


def _calendar(d: Decomposition) -> dict[str, Any]:
    """The working calendar used, and whether its holiday data is an estimate."""
    c = d.calendar
    return {"country": c.country, "basis": c.basis, "days": len(c.days), "estimated": c.estimated,
            "estimated_years": list(c.estimated_years),
            "holidays": [{"date": day.isoformat(), "name": name} for day, name in c.holidays],
            "makeup_workdays": [day.isoformat() for day in c.makeup_workdays]}


def _quarter(d: Decomposition, q: Quarter, month_keys: Sequence[str]) -> dict[str, Any]:
    """One quarter: its months and target."""
    return {"key": q.key, "year": q.year, "quarter": q.quarter, "months": [month_keys[i] for i in q.months],
            "amount": q.amount, "share": ratio(Fraction(q.amount, d.total)) if d.total else 0.0}


def _month(d: Decomposition, m: Month) -> dict[str, Any]:
    """One month: target, phasing weight, days and thirds (early, mid, late)."""
    return {"key": m.key, "year": m.year, "month": m.month, "quarter": d.quarters[m.quarter].key,
            "amount": m.amount, "weight": ratio(m.weight), "working_days": m.working_days,
            "thirds": list(m.thirds)}


def _week(w: Week, month_keys: Sequence[str]) -> dict[str, Any]:
    """One ISO week, with a part per month it touches."""
    return {"key": w.key, "iso_year": w.iso_year, "iso_week": w.iso_week, "start": w.start.isoformat(),
            "end": w.end.isoformat(), "amount": w.amount,
            "parts": [{"month": month_keys[p.month], "amount": p.amount, "days": p.days} for p in w.parts]}


def _timeline(t: Timeline) -> dict[str, Any]:
    """A phased metric."""
    return {"total": t.total, "quarters": list(t.quarters), "months": list(t.months)}


def _timeline_of(d: Decomposition, months: Sequence[int]) -> dict[str, Any]:
    """Month values with their quarter sums and total."""
    quarters = [sum(months[i] for i in q.months) for q in d.quarters]
    return {"total": sum(months), "quarters": quarters, "months": list(months)}


def _split(s: Split) -> list[dict[str, Any]]:
    """A split dimension: its members in plan order."""
    return [{"name": k, "share": ratio(s.shares[k]), "total": s.totals[k], "quarters": list(s.by_quarter[k]),
             "months": list(s.by_month[k])} for k in s.totals]


def _activities(a: Activities) -> dict[str, int]:
    """Funnel activities of one month."""
    return {"deals": a.deals, "opportunities": a.opportunities, "visits": a.visits, "calls": a.calls}


def _reps(plan: Plan, d: Decomposition, with_days: bool) -> list[dict[str, Any]]:
    """Every rep with his detail, worked out one rep at a time (decompose.rep_detail)."""
    weeks = {(w.iso_year, w.iso_week): i for i, w in enumerate(d.weeks)}
    days = {day.date: i for i, day in enumerate(x for m in d.months for x in m.days)} if with_days else None
    return [{**_rep(r), **_rep_detail(rep_detail(plan, d, r, with_days), weeks, days)} for r in d.reps]


def _rep(r: RepTarget) -> dict[str, Any]:
    """One rep's targets, ramp, activities, visits and budget."""
    return {"id": r.id, "name": r.name, "region": r.region, "weight": ratio(r.weight),
            "start": r.start.isoformat() if r.start else None, "total": r.total, "full_quota": r.full_quota,
            "quarters": list(r.quarters), "months": list(r.months), "ramp": [ratio(f) for f in r.ramp],
            "activities": [_activities(a) for a in r.activities], "floors": [list(f) for f in r.floors],
            "visits": list(r.visits), "budget": r.budget}


def _rep_detail(x: RepDetail, weeks: dict[tuple[int, int], int], days: dict[dt.date, int] | None) -> dict[str, Any]:
    """A rep's weeks (and days) as lists along the document's `weeks` (and `days`), 0 where he has
    none; his splits along each dimension's members, his budget along the budget's items."""
    by_week = [0] * len(weeks)
    for w in x.weeks:
        by_week[weeks[(w.iso_year, w.iso_week)]] = w.amount
    out = {"weeks": by_week, "splits": {k: list(s.values()) for k, s in x.splits.items()},
           "budget_items": [b.amount for b in x.budget_items]}
    if days is not None:
        out["days"] = by_day = [0] * len(days)
        for day in (y for month in x.days for y in month):
            by_day[days[day.date]] = day.amount
    return out


def _customer(c: CustomerPlan) -> dict[str, Any]:
    """One customer's tier and planned visits per month."""
    return {"name": c.name, "owner": c.owner, "tier": c.tier, "revenue_last_year": c.revenue_last_year,
            "visits": list(c.visits)}


def _budget(d: Decomposition, b: Budget | None, rep_items: Sequence[str]) -> dict[str, Any] | None:
    """The expense budget per item, month and rep, and the items reps spend themselves."""
    if b is None:
        return None
    return {"total": b.total, "basis": b.basis, "ratio": plain(b.ratio), "months": list(b.months),
            "items": [{"name": k, **_timeline_of(d, b.item_months[k]), "total": v} for k, v in b.items.items()],
            "reps": dict(b.reps), "rep_items": list(rep_items)}


def _collections(d: Decomposition) -> dict[str, Any] | None:
    """Collections (回款) per month, for the team and each rep, and the closing receivable."""
    c = d.collections
    if c is None:
        return None
    return {"total": c.total, "terms": [plain(t) for t in c.terms], "carried_over": c.carried_over,
            "closing": c.closing, "months": list(c.months), "from_carried": list(c.from_carried),
            "reps": {k: list(v) for k, v in c.reps.items()}, "unassigned": list(c.unassigned)}


def _proposals(d: Decomposition) -> dict[str, Any] | None:
    """The reps' own numbers against the top-down ones, and the agreed numbers (team.reconcile)."""
    p = d.proposals
    if p is None:
        return None
    return {"rule": p.rule, "weight": plain(p.weight), "proposed": p.proposed, "top_down": p.proposers_top_down,
            "gap": p.gap, "reps": [{"id": r.id, "top_down": r.top_down, "proposed": r.proposed, "gap": r.gap,
                                    "agreed": r.agreed, "basis": r.basis} for r in p.reps]}


def _growth(g: Growth) -> dict[str, Any]:
    """The target against history."""
    return {"base_year": g.base_year, "last_year": g.last_year,
            "last_year_months": plain(g.last_year_months), "implied": plain(g.implied), "stated": plain(g.stated),
            "industry": plain(g.industry), "benchmark": plain(g.benchmark), "method": g.method,
            "method_detail": plain(g.method_detail)}


def _path(path: Sequence[str | int]) -> str:
    """A key path as written in error messages: team.reps[2].start."""
    return format_path(tuple(path))


def dumps(doc: Mapping[str, Any]) -> str:
    """The document as UTF-8 JSON text, two-space indented, keys in document order."""
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def plan_schema() -> dict[str, Any]:
    """The JSON Schema of plan files, for editors."""
    body = Plan.model_json_schema()
    body.pop("title", None)
    return {"$schema": JSON_SCHEMA_DIALECT, "title": "plangen plan file", **body}
