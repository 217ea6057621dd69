"""Sections 02-07, budget and tasks: the plan's own words and tables, left out when empty."""
from __future__ import annotations

from fractions import Fraction
from typing import Any

from plangen.decompose.split import quarters_of
from plangen.present.charts import PIE_SLICES, ChartSpec, Series
from plangen.model.periods import annual_share
from plangen.present.ctx.base import Ctx, peak_index
from plangen.present.ctx.accounts import accounts
from plangen.present.ctx.big import BIG_TEAM, customer_summary, team_summary
from plangen.present.ctx.capacity import capacity

LEVELS = {"low": "level_low", "medium": "level_medium", "high": "level_high"}


def sections(c: Ctx, tables: dict, charts: dict) -> dict[str, Any]:
    """Every section after the targets; a section without data is None."""
    return {"market": market(c, tables), "product": product(c, tables), "sales": sales(c),
            "team": team(c, tables, charts), "crm": crm(c, tables), "monitoring": monitoring(c, tables),
            "budget": budget(c, tables, charts), "tasks": tasks(c, tables)}


def _paras(*texts) -> bool:
    return any(bool(t) for t in texts)


def market(c: Ctx, tables: dict) -> dict | None:
    """Target market, capacity, segments, competitors, customer needs."""
    m, L = c.plan.market, c.L
    if not m:
        return None
    if m.segments:
        tables["segments"] = c.table("segments", L["segment"], [L["segment"], c.head("segment_size"), L["needs"]],
                                     [[s.name, c.fig(s.size) if s.size is not None else "", _join(c, s.needs)]
                                      for s in m.segments],
                                     [False, True, False])
    if m.competitors:
        tables["competitors"] = c.table("competitors", L["competitor"],
            [L["competitor"], L["competitor_type"], L["strengths"], L["weaknesses"], L["competitor_strategy"]],
            [[x.name, L[f"competitor_{x.type}"], _join(c, x.strengths), _join(c, x.weaknesses), _join(c, x.strategy)]
             for x in m.competitors], [False] * 5)
    return {"target_market": list(m.target_market), "capacity": c.money(m.capacity) if m.capacity else None,
            "share_of_capacity": c.share(annual_share(c.d.total, len(c.d.months), m.capacity), 1)
            if m.capacity else None,   # the market's size is a year's: a shorter plan's target annualised
            "segments": bool(m.segments), "competitors": bool(m.competitors),
            "customer_needs": list(m.customer_needs)}


def _join(c: Ctx, items) -> str:
    return c.loc.clause_sep.join(items)


def product(c: Ctx, tables: dict) -> dict | None:
    """Positioning, product lines and roles, pricing, promotion."""
    p, L = c.plan.product_strategy, c.L
    if not p:
        return None
    if p.lines:
        split = c.d.splits.get("product_line")
        rows = [[x.name, L[f"role_{x.role}"] if x.role else "", c.f.count(x.price) if x.price else "",
                 c.fig(split.totals[x.name]) if split and x.name in split.totals else ""] for x in p.lines]
        tables["product_lines"] = c.table("product_lines", L["product"],
                                          [L["product"], L["product_role"], c.f.header(L["price"], c.f.currency_label()), c.head("target")],
                                          rows, [False, False, True, True])
    return {"positioning": list(p.positioning), "lines": bool(p.lines), "pricing": list(p.pricing),
            "promotion": list(p.promotion)}


def sales(c: Ctx) -> dict | None:
    """Channels, pricing, distribution, promotions."""
    s = c.plan.sales_strategy
    if not s or not _paras(s.channels, s.pricing, s.distribution, s.promotions):
        return None
    return {"channels": list(s.channels), "pricing": list(s.pricing), "distribution": list(s.distribution),
            "promotions": list(s.promotions)}


def team(c: Ctx, tables: dict, charts: dict) -> dict | None:
    """Reps with their targets, hiring, training, incentives, appraisal."""
    t, d, L = c.plan.team, c.d, c.L
    if not t.reps and not _paras(t.hiring, t.training, t.incentives, t.appraisal):
        return None
    if d.reps:
        tables["reps"] = rep_table(c)
        if len(d.reps) <= BIG_TEAM:   # a big team's charts are its largest and smallest (ctx_big)
            charts["reps"] = ChartSpec("bar", L["chart_by_rep"], tuple(r.name for r in d.reps),
                                       (Series(L["target"], tuple(c.f.scaled(r.total) for r in d.reps)),),
                                       c.f.excel_format(), c.unit_note(), sort=True)
        if c.plan.funnel:
            tables["funnel"] = funnel_table(c)
    summary = team_summary(c, tables, charts)
    return {**summary, "reps": [{"id": r.id, "name": r.name, "region": r.region or "", "total": c.money(r.total)}
                                for r in d.reps], "count": len(d.reps), "hiring": list(t.hiring),
            "training": list(t.training), "incentives": list(t.incentives), "appraisal": list(t.appraisal),
            "ramp": [c.f.percent(r) for r in t.ramp], "gap": c.money(sum(d.unassigned)),
            "capacity": capacity(c, tables)}


def rep_table(c: Ctx):
    """Each rep's quarters and total, with a gap row when targets are unassigned."""
    d, L = c.d, c.L
    nq = len(d.quarters)
    rows = [[r.name, r.region or "", c.f.date(r.start) if r.start else "", *[c.fig(x) for x in r.quarters],
             c.fig(r.total)] for r in d.reps]
    if any(d.unassigned):
        gq = quarters_of(d.unassigned)
        rows.append([L["unassigned"], "", "", *[c.fig(x) for x in gq], c.fig(sum(d.unassigned))])
    cols = [L["rep"], L["region"], L["start_date"], *[c.quarter_label(q) for q in range(nq)], c.head("total")]
    total = [L["total"], "", "", *[c.fig(q.amount) for q in d.quarters], c.fig(d.total)]
    return c.table("reps", L["chart_by_rep"], cols, rows, [False, False, False] + [True] * (nq + 1), total,
                   c.unit_note())


def funnel_table(c: Ctx):
    """Team activities per month through the funnel."""
    d, L = c.d, c.L
    keys = ("deals", "opportunities", "visits", "calls")
    rows = [[c.month_row(m.index), c.fig(m.amount), *[c.f.count(getattr(a, k)) for k in keys]]
            for m, a in zip(d.months, d.team_activities)]
    sums = [c.f.count(sum(getattr(a, k) for a in d.team_activities)) for k in keys]
    return c.table("funnel", L["table_activities"], [L["month"], c.head("target"), L["deals"], L["opportunities"],
                   L["visits"], L["calls"]], rows, [False] + [True] * 5, [L["total"], c.fig(d.total), *sums])


def crm(c: Ctx, tables: dict) -> dict | None:
    """Tiers and visit frequency, customers, care, satisfaction."""
    cr, d, L = c.plan.crm, c.d, c.L
    if not cr:
        return None
    if cr.tiers:
        count = {t.name: sum(1 for x in d.customers if x.tier == t.name) for t in cr.tiers}
        visits = {t.name: sum(sum(x.visits) for x in d.customers if x.tier == t.name) for t in cr.tiers}
        tables["tiers"] = c.table("tiers", L["tier"], [L["tier"], c.head("min_revenue"), L["visit_frequency"],
                                  L["customer_count"], L["visits"]],
                                  [[t.name, c.fig(t.min_revenue) if t.min_revenue else "", frequency(c, t.visit_every),
                                    count[t.name], visits[t.name]] for t in cr.tiers],
                                  [False, True, False, True, True])
    if d.customers:
        names = {r.id: r.name for r in d.reps}
        tables["customers"] = c.table("customers", L["customer"],
            [L["customer"], L["tier"], L["owner"], c.head("revenue_last_year"), L["visits_per_year"]],
            [[x.name, x.tier or "", names.get(x.owner, x.owner or ""), c.fig(x.revenue_last_year)
              if x.revenue_last_year is not None else "", sum(x.visits)] for x in d.customers],
            [False, False, False, True, True])
    sat = cr.satisfaction
    summary = customer_summary(c, tables)
    return {**summary, "tiers": bool(cr.tiers), "customers": len(d.customers), "care": list(cr.care),
            "accounts": accounts(c, tables),
            "satisfaction_target": c.share(sat.target) if sat and sat.target is not None else None,
            "survey": L[f"survey_{sat.survey}"] if sat and sat.survey else None}


def frequency(c: Ctx, per_month: Fraction) -> str:
    """Visits per month as words: monthly, every 2 months..."""
    if per_month == 1:
        return c.L["visit_every_month"]
    if per_month > 1:
        return f"{c.f.number(per_month, 1 if per_month.denominator != 1 else 0)} / {c.L['month']}"
    n = 1 / per_month
    return c.L["visit_every_months"].format(n=c.f.number(n, 0 if n.denominator == 1 else 1))


def monitoring(c: Ctx, tables: dict) -> dict | None:
    """History vs target, reporting rhythm, risks."""
    mo, h, d, L = c.plan.monitoring, c.plan.history, c.d, c.L
    if h and h.monthly:
        years = sorted(h.monthly)
        totals = [sum(h.monthly[y]) for y in years]
        rows = [[y, c.fig(t), c.f.percent(Fraction(t, totals[i - 1]) - 1, 1) if i and totals[i - 1] else ""]
                for i, (y, t) in enumerate(zip(years, totals))]
        if d.growth.last_year and c.plan.plan.period.months == 12:
            rows.append([f"{c.plan.plan.period.start[0]} {L['plan_year']}", c.fig(d.total),
                         c.f.percent(d.growth.implied, 1)])
        elif d.growth.last_year:   # a shorter plan against the same months of last year, not a full year
            rows += [[c.period_name(1), c.fig(d.growth.last_year), ""],
                     [f"{c.period_name()} {L['plan_year']}", c.fig(d.total), c.f.percent(d.growth.implied, 1)]]
        tables["history"] = c.table("history", L["chart_history"], [L["year"], c.head("revenue"), L["growth"]],
                                    rows, [False, True, True], None, c.unit_note())
    if mo and mo.risks:
        tables["risks"] = c.table("risks", L["risk"], [L["risk"], L["probability"], L["impact"], L["response"]],
                                  [[_join(c, r.risk), L[LEVELS[r.probability]], L[LEVELS[r.impact]], _join(c, r.response)]
                                   for r in mo.risks], [False] * 4)
    if not (mo or (h and h.monthly)):
        return None
    return {"reports": [L[f"report_{r}"] for r in (mo.reports if mo else [])],
            "cadences": [L[f"cadence_{r}"] for r in (mo.reports if mo else [])],
            "risks": [{"risk": _join(c, r.risk), "probability": r.probability, "impact": r.impact,
                       "response": _join(c, r.response)} for r in (mo.risks if mo else [])],
            "history": bool(h and h.monthly)}


def budget_quarters(c: Ctx, items: list[str]):
    """The budget by quarter and item (one slide; the months are in the Word plan)."""
    b, L = c.d.budget, c.L
    q_items = {k: quarters_of(b.item_months[k]) for k in items}
    totals = quarters_of(b.months)
    return c.table("budget_quarters", L["budget"], [L["quarter"], *[k or L["amount"] for k in items], c.head("total")],
                   [[c.quarter_label(i), *[c.fig(q_items[k][i]) for k in items], c.fig(t)] for i, t in enumerate(totals)],
                   [False] + [True] * (len(items) + 1),
                   [L["total"], *[c.fig(b.items[k]) for k in items], c.fig(b.total)], c.unit_note())


def budget(c: Ctx, tables: dict, charts: dict) -> dict | None:
    """Expense total, by item, month and rep."""
    b, L = c.d.budget, c.L
    if b is None:
        return None
    items = list(b.items)
    shown = c.amounts([b.items[k] for k in items], b.total)
    tables["budget_items"] = c.table("budget_items", L["budget_item"], [L["budget_item"], L["share"], c.head("amount")],
                                     [[k or L["budget_total"], p, s] for k, s, p in
                                      zip(items, shown, c.shares([b.items[k] for k in items]))], [False, True, True],
                                     [L["total"], c.whole([b.total]), c.fig(b.total)])
    tables["budget_months"] = c.table("budget_months", L["budget"], [L["month"], *[k or L["amount"] for k in items],
                                      c.head("total")],
                                      [[c.month_row(j), *[c.fig(b.item_months[k][j]) for k in items],
                                        c.fig(b.months[j])] for j in range(len(b.months))],
                                      [False] + [True] * (len(items) + 1),
                                      [L["total"], *[c.fig(b.items[k]) for k in items], c.fig(b.total)],
                                      c.unit_note())
    tables["budget_quarters"] = budget_quarters(c, items)
    if len(items) > 1:
        kind = "pie" if len(items) <= PIE_SLICES else "bar"
        charts["budget"] = ChartSpec(kind, L["chart_budget_by_item"], tuple(items),
                                     (Series(L["amount"], tuple(c.chart_value(b.items[k], kind) for k in items)),),
                                     c.f.excel_format(), c.unit_note(), sort=kind == "bar")
    parts = [budget_part(c, k or L["budget_total"], b.items[k], b.total) for k in items]
    return {"total": c.money(b.total), "ratio": c.share(b.ratio, 1) if b.ratio is not None else None,
            "of_target": round_share(c, Fraction(b.total, c.d.total)) if c.d.total else None,
            "items": parts, "top": max(parts, key=lambda p: int(p["amount"])) if parts else None,
            "peak_month": budget_peak(c, b.months),
            "per_rep": c.money(round(Fraction(b.total, len(c.d.reps)))) if c.d.reps else None,
            "allocation": budget_allocation(c) if c.d.reps else None}


def budget_allocation(c: Ctx) -> dict[str, Any]:
    """How reps' budgets were set: the basis, a fixed part per rep, region shares (in list form)."""
    rule = c.plan.budget.allocation
    regions = [f"{name} {c.share(share)}" for name, share in rule.regions.items()]
    return {"basis": rule.basis, "fixed": c.money(rule.fixed_per_rep) if rule.fixed_per_rep else None,
            "regions": c.f.join(regions) if regions else None}


def budget_part(c: Ctx, name: str, amount: int, total: int) -> dict[str, Any]:
    """One budget item: name, amount and share of the budget."""
    return {"name": name, "amount": c.money(amount), "share": round_share(c, Fraction(amount, total or 1))}


def round_share(c: Ctx, value: Fraction):
    """A share as 40% when it rounds to a whole percent at one decimal, else with the decimal (29.9%)."""
    return c.share(value, 0 if round(value * 1000) % 10 == 0 else 1)


def budget_peak(c: Ctx, months: tuple[int, ...]) -> dict[str, Any] | None:
    """The month with the largest budget (for a slide title that states the point); None when no month
    stands out (equal months, a tie)."""
    j = peak_index(list(months), c.d.unit)
    if j is None:
        return None
    m = c.d.months[j]
    return {"label": c.f.month_short(m.month), "month": c.month_label(j), "amount": c.money(months[j]),
            "share": c.share(Fraction(months[j], sum(months)), 1)}


def tasks(c: Ctx, tables: dict) -> list | None:
    """Task breakdown: task, owner, due date, acceptance."""
    L = c.L
    if not c.plan.tasks:
        return None
    rows = [[_join(c, t.task), t.owner, c.f.date(t.due) if t.due else "", _join(c, t.acceptance)] for t in c.plan.tasks]
    tables["tasks"] = c.table("tasks", L["task_breakdown"], [L["task"], L["owner"], L["due_date"], L["acceptance"]],
                              rows, [False] * 4)
    return [dict(zip(("task", "owner", "due", "acceptance"), r)) for r in rows]
