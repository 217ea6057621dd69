"""One rep's plan: targets by quarter, month and week, splits, activities, customers, budget, commitment."""
from __future__ import annotations

import re
from fractions import Fraction
from typing import Any

from plangen.decompose.rep_detail import RepDetail, RepWeek, rep_detail
from plangen.decompose.reps import rep_daily_bounds
from plangen.decompose.result import RepTarget
from plangen.decompose.timeline import iso_week
from plangen.present.ctx.base import Ctx, add_focus
from plangen.present.ctx.accounts import rep_accounts
from plangen.present.ctx.collections import rep_collection_table
from plangen.present.ctx.floors import rep_floors
from plangen.present.ctx.incentives import rep_incentives
from plangen.present.ctx.proposals import rep_proposal
from plangen.present.ctx.rep_own import DASH, months_chart, outside, own_actions, rep_tasks, story

ACT_KEYS = ("deals", "opportunities", "visits", "calls")
_ROLE = re.compile(r"(?P<name>[^(（,，]+?)\s*(?:[(（](?P<role>[^)）]+)[)）]|[,，]\s*(?P<after>.+))")
# "Name (Role)", "姓名（职务）" or "Name, Role"


def rep_context(c: Ctx, rep: RepTarget) -> dict[str, Any]:
    """Everything one rep's document shows."""
    c = c.for_amounts(min((x for x in rep.months if x > 0), default=0))
    d, L, f = c.d, c.L, c.f
    detail = rep_detail(c.plan, d, rep)  # his days, weeks, splits and budget items, once per rep
    days = detail.days
    tables = {"rep_quarters": _quarters(c, rep), "rep_months": _months(c, rep),
              "rep_days": _days(c, rep, days),
              "rep_weeks": _weeks(c, rep, detail.weeks)}
    tables.update(_splits(c, rep, detail))
    if c.plan.funnel:
        tables["rep_activities"] = _activities(c, rep, days)
        tables["rep_activity_rates"] = _activity_rates(c, rep)
    customers = c.team.customers.get(rep.id, [])
    if customers:
        tables["rep_customers"] = _customers(c, customers)
    budget = [(x.name, x.amount) for x in detail.own_budget]
    if budget:
        tables["rep_budget"] = _budget(c, budget)
    actions = _actions(c, own_actions(c, rep))
    if actions:
        tables["rep_actions"] = _action_table(c, actions)
    tasks = rep_tasks(c, rep)
    if tasks:
        tables["rep_tasks"] = tasks
    named = rep_accounts(c, rep)
    if named:
        tables["rep_accounts"] = named
    collected = rep_collection_table(c, rep)
    if collected:
        tables["rep_collections"] = collected
    return {
        "id": rep.id, "name": rep.name, "region": rep.region or "",
        "start": f.date(rep.start) if rep.start else "", "weight": f.number(rep.weight, 1),
        "targets": {"period": c.money(rep.total), "full_quota": c.money(rep.full_quota),
                    "quarters": [c.money(x) for x in rep.quarters], "months": [c.money(x) for x in rep.months],
                    "share": c.share(Fraction(rep.total, d.total or 1), 1)},
        "ramping": rep.ramping, "budget": c.money(sum(a for _, a in budget)), "story": story(c, rep),
        "charts": {"rep_months": months_chart(c, rep)},
        "collections": c.money(sum(d.collections.reps[rep.id])) if d.collections and rep.id in d.collections.reps else None,
        "collections_carried": bool(d.collections and d.collections.carried_over),
        "carried": c.money(rep.carried) if rep.carried else None,
        **dict(zip(("manager", "manager_role"), _manager(c, rep))),
        "visits": sum(rep.visits), "customers": len(customers),
        "commitment": L["commitment_statement"].format(period=_period_words(c), target=f.money(rep.total)),
        "tables": tables, "actions": actions, "floors": rep_floors(c, rep),
        "proposal": rep_proposal(c, rep),
        "incentives": rep_incentives(c, rep, tables),
    }


def metric_table(c: Ctx, key: str, series: dict[str, tuple[int, ...]]):
    """Counted targets (units, new customers) and amounts (profit) month by month, with their totals."""
    L, keys = c.L, list(series)
    cells = {k: (c.amounts(list(v), sum(v)) if k == "profit" else [c.f.count(x) for x in v]) for k, v in series.items()}
    rows = [[c.month_row(m.index), *[cells[k][m.index] for k in keys]] for m in c.d.months]
    total = [c.fig(sum(series[k])) if k == "profit" else c.f.count(sum(series[k])) for k in keys]
    heads = [c.head(k) if k == "profit" else L[k] for k in keys]
    return c.table(key, L["table_metrics"], [L["month"], *heads], rows, [False] + [True] * len(keys), [L["total"], *total])


def _manager(c: Ctx, rep: RepTarget) -> tuple[str, str]:
    """Who signs the rep's plan as manager (the rep's `manager`, else the plan's owner) and the role he
    signs as: his own from "Lucía Fernández (Directora Regional)" or "Dana Whitfield, Regional Sales
    Director", else the label's "Sales manager"."""
    model = c.team.models.get(rep.id)
    who = (model.manager if model and model.manager else "") or c.plan.plan.owner or ""
    named = _ROLE.fullmatch(who.strip())
    return (named["name"], named["role"] or named["after"]) if named else (who, c.L["manager"])


def _period_words(c: Ctx) -> str:
    """The period as the commitment sentence says it: 2027年 in Chinese for a calendar year."""
    name = c.period_name()
    return f"{name}{c.loc.year_suffix}" if name.isdigit() else name


def _quarters(c: Ctx, rep: RepTarget):
    L = c.L
    shown = c.amounts(list(rep.quarters), rep.total)
    off = outside(rep)
    shares = c.shares(list(rep.quarters))
    rows = [[c.quarter_label(q.index), *([DASH] * 2 if all(off[i] for i in q.months) else [s, p])]
            for q, s, p in zip(c.d.quarters, shown, shares)]
    cols, numeric, total = [L["quarter"], c.head("target"), L["share"]], [False, True, True], \
        [L["total"], c.fig(rep.total), c.whole(rep.quarters)]
    add_focus(c, cols, rows, total, numeric)
    return c.table("rep_quarters", L["quarterly_target"], cols, rows, numeric, total)


def _months(c: Ctx, rep: RepTarget):
    """Months with the target, units and new customers and (for a late starter) ramp; months outside his
    employment show a dash. Per-day figures have their own table (_days), so no header word breaks."""
    L, d = c.L, c.d
    shown = c.amounts(list(rep.months), rep.total)
    keys = list(rep.metrics)  # units, new customers: the rep's share, month by month
    cols = [L["month"], c.head("target"), *[L[k] for k in keys]] + ([L["ramp"]] if rep.ramping else [])
    rows = []
    for i, (m, off) in enumerate(zip(d.months, outside(rep))):
        cells = [shown[i], *[c.f.count(rep.metrics[k][i]) for k in keys]]
        cells += [c.f.percent(rep.ramp[i])] if rep.ramping else []
        rows.append([c.month_row(m.index), *([DASH] * len(cells) if off else cells)])
    total = [L["total"], c.fig(rep.total), *[c.f.count(sum(rep.metrics[k])) for k in keys]]
    return c.table("rep_months", L["monthly_target"], cols, rows, [False] + [True] * (len(cols) - 1),
                   total + [""] * (len(cols) - len(total)))


def _days(c: Ctx, rep: RepTarget, worked: tuple):
    """Per month: the rep's selling days and his daily target (his activities per day and week are in
    the activity table); a table of its own, so no header word of the month table breaks."""
    L = c.L
    days = [len(x) for x in worked]
    daily = c.daily_figs(list(rep.months), days)
    rows = [[c.month_row(m.index), *([DASH] * 2 if off else [n, x])]
            for m, n, x, off in zip(c.d.months, days, daily, outside(rep))]
    return c.table("rep_days", L["table_daily_targets"], [L["month"], c.days_head(), c.head("daily_target")],
                   rows, [False, True, True])


def _weeks(c: Ctx, rep: RepTarget, weeks: tuple[RepWeek, ...]):
    """The rep's ISO weeks; they add up to the rep's total."""
    L = c.L
    shown = c.amounts([w.amount for w in weeks], rep.total)
    rows = [[c.f.week(w.iso_year, w.iso_week), s] for w, s in zip(weeks, shown)]
    return c.table("rep_weeks", L["weekly_targets"], [L["week"], c.head("target")], rows, [False, True],
                   [L["total"], c.fig(rep.total)])


def _splits(c: Ctx, rep: RepTarget, detail: RepDetail) -> dict:
    """The rep's target by product line and customer type (the plan's shares)."""
    out = {}
    for name in ("product_line", "customer_type"):
        s = c.d.splits.get(name)
        if not s:
            continue
        keys = list(s.shares)
        shown = c.amounts(list(detail.splits[name].values()), rep.total)
        out[f"rep_split_{name}"] = c.table(f"rep_split_{name}", c.L[name], [c.L[name], c.L["share"], c.head("target")],
                                           [[k, p, x] for k, p, x in
                                            zip(keys, c.f.display_shares([s.shares[k] for k in keys]), shown)],
                                           [False, True, True], [c.L["total"], "100%", c.fig(rep.total)])
    return out


def _activities(c: Ctx, rep: RepTarget, worked: tuple):
    """Activities per month, with calls and visits per working day (the rep's daily activities)."""
    L, d = c.L, c.d
    visits, calls = rep_daily_bounds(rep, worked, "visits"), rep_daily_bounds(rep, worked, "calls")
    rows = [[c.month_row(m.index), *([DASH] * 6 if off else [*[c.f.count(getattr(a, k)) for k in ACT_KEYS],
             _day_range(c, v), _day_range(c, n)])]
            for m, a, v, n, off in zip(d.months, rep.activities, visits, calls, outside(rep))]
    sums = [c.f.count(sum(getattr(a, k) for a in rep.activities)) for k in ACT_KEYS]
    cols = [L["month"], L["deals"], L["opportunities"], L["visits"], L["calls"],
            f"{L['visits']}/{L['day']}", f"{L['calls']}/{L['day']}"]
    return c.table("rep_activities", L["table_activities"], cols, rows, [False] + [True] * 6,
                   [L["total"], *sums, "", ""])


def _day_range(c: Ctx, bounds: tuple[int, int]) -> str:
    """A month's whole activities per working day as the days hold them: 3, or 3–4."""
    lo, hi = bounds
    return c.f.count(lo) if lo == hi else f"{c.f.count(lo)}–{c.f.count(hi)}"


def _customers(c: Ctx, customers):
    """Each customer with its tier, the months it is visited and the visits in the year."""
    L = c.L
    rows = [[x.name, x.tier or "", visit_months(c, x.visits), sum(x.visits)] for x in customers]
    return c.table("rep_customers", L["table_visit_plan"], [L["customer"], L["tier"], L["visit_months"],
                   L["visits_per_year"]], rows, [False, False, False, True])


def visit_months(c: Ctx, visits: tuple[int, ...]) -> str:
    """When a customer is visited: 每月一次 / 2-3 a month / the months (ene, mar, may ...)."""
    if visits and all(v == 1 for v in visits):
        return c.L["visit_every_month"]
    if any(v > 1 for v in visits):
        return f"{min(visits)}–{max(visits)} / {c.L['month']}"
    return c.loc.list_sep.join(c.f.month_short(m.month) for m, v in zip(c.d.months, visits) if v)


def _budget(c: Ctx, parts: list[tuple[str, int]]):
    """The rep's expense budget by the items he spends himself."""
    L, total = c.L, sum(a for _, a in parts)
    shown = c.amounts([a for _, a in parts], total)
    return c.table("rep_budget", L["rep_budget"], [L["budget_item"], c.head("amount")],
                   [[k or L["budget_total"], s] for (k, _), s in zip(parts, shown)], [False, True],
                   [L["total"], c.fig(total)])


def _actions(c: Ctx, lines: list) -> list[dict[str, str]]:
    """Action plan lines as shown: what, deadline, reward and penalty, obstacles, support."""
    sep = c.loc.clause_sep
    return [{"what": sep.join(a.what), "deadline": c.f.date(a.deadline) if a.deadline else "",
             "reward": sep.join(a.reward), "penalty": sep.join(a.penalty),
             "obstacles": sep.join(a.obstacles + a.knowledge), "support": sep.join(a.support)}
            for a in lines]


def _activity_rates(c: Ctx, rep: RepTarget):
    """Each activity per working day, per working week, per active month and in total."""
    L, d = c.L, c.d
    dates = [x.date for m, r in zip(d.months, rep.ramp) if r > 0 for x in m.days
             if not rep.start or x.date >= rep.start]
    days = len(dates)
    weeks = len({iso_week(x) for x in dates}) or 1
    months = sum(1 for r in rep.ramp if r > 0) or 1
    rows = []
    for k in ACT_KEYS:
        total = sum(getattr(a, k) for a in rep.activities)
        rows.append([L[k], *[c.f.rate(Fraction(total, n)) for n in (days or 1, weeks, months)], c.f.count(total)])
    return c.table("rep_activity_rates", L["activities"], [L["activities"], L["per_day"], L["per_week"],
                   L["per_month"], L["total"]], rows, [False, True, True, True, True])


def _action_table(c: Ctx, actions: list[dict[str, str]]):
    """The rep's action plan: what, deadline, reward, penalty, obstacles and knowledge, support."""
    L = c.L
    keys = ("what", "deadline", "reward", "penalty", "obstacles", "support")
    return c.table("rep_actions", L["action_plan"], [L[f"action_{k}"] for k in keys],
                   [[a[k] for k in keys] for a in actions], [False] * len(keys))
