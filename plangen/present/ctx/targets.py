"""Section 01, sales targets: totals, growth, time tables, split tables, charts, the method."""
from __future__ import annotations

from fractions import Fraction
from typing import Any

from plangen.present.charts import PIE_SLICES, ChartSpec, Series
from plangen.present.ctx.base import Ctx, add_focus, peak_index
from plangen.present.ctx.collections import collections
from plangen.present.ctx.milestones import milestones
from plangen.present.ctx.rep import metric_table

DIM_LABELS = {"region": "region", "product_line": "product_line", "customer_type": "customer_type"}
DIM_CHARTS = {"region": "chart_by_region", "product_line": "chart_by_product_line",
              "customer_type": "chart_by_customer_type"}


def targets(c: Ctx, tables: dict, charts: dict) -> dict[str, Any]:
    """Totals and growth, plus the tables and charts of the target section."""
    d, g = c.d, c.d.growth
    metrics = d.metrics
    out = {
        "total": c.money(d.total), "stretch": _m(c, metrics.get("stretch")),
        "profit": _m(c, metrics.get("profit")),
        "last_year": c.money(g.last_year) if g.last_year else None,
        "growth": c.share(g.implied, 1) if g.implied is not None else None,
        "stated_growth": c.share(g.stated, 1) if g.stated is not None else None,
        "industry_growth": c.share(g.industry, 1) if g.industry is not None else None,
        "benchmark_growth": c.share(g.benchmark, 1) if g.benchmark is not None else None,
        "new_customers": _range(c, "new_customers"), "units": _range(c, "units"),
        "headline": headline(c), "method": method_lines(c),
        "quarters": [{"label": c.quarter_label(q.index), "amount": c.money(q.amount),
                      "focus": focus} for q, focus in zip(d.quarters, _focus(c))],
        "peak_month": peak_month(c), "splits": split_facts(c), "money": money_texts(c),
    }
    out["collections"] = collections(c, tables, charts)
    out["milestones"] = milestones(c, tables)
    series = {k: d.metrics[k].months for k in ("profit", "units", "new_customers") if k in d.metrics}
    if series:
        tables["metrics"] = metric_table(c, "metrics", series)
    tables.update(time_tables(c))
    tables.update(split_tables(c))
    charts.update(time_charts(c))
    charts.update(split_charts(c))
    return out


def _focus(c: Ctx) -> list[str]:
    """Each quarter's focus, "" where the plan names none."""
    return list(c.plan.targets.quarter_focus) or [""] * len(c.d.quarters)


def money_texts(c: Ctx) -> dict[str, str]:
    """Headline amounts with their currency ("1亿元", "$12M"; "" when absent) for big-number slides."""
    d, g = c.d, c.d.growth
    values = {"total": d.total, "last_year": g.last_year,
              **{k: d.metrics[k].total if d.metrics.get(k) else None for k in ("stretch", "profit")}}
    return {k: c.f.headline(v) if v is not None else "" for k, v in values.items()}


def peak_month(c: Ctx) -> dict[str, Any] | None:
    """The month with the largest target (for a slide title that states the point); None when the months
    differ by no more than rounding (no month stands out)."""
    d = c.d
    j = peak_index([m.amount for m in d.months], d.unit)
    if j is None:
        return None  # no single peak month: the title names the chart instead
    m = d.months[j]
    return {"label": c.f.month_short(m.month), "month": c.month_label(m.index), "amount": c.money(m.amount),
            "share": c.share(Fraction(m.amount, d.total), 1)}


def split_facts(c: Ctx) -> dict[str, dict[str, Any]]:
    """Each split dimension's parts, largest first, with the top part named."""
    out = {}
    for name, s in c.d.splits.items():
        keys = sorted(s.shares, key=lambda k: -s.totals[k])
        parts = [{"name": k, "amount": c.money(s.totals[k]), "share": c.share(s.shares[k], 1)} for k in keys]
        out[name] = {"label": dim_label(c, name), "parts": parts, "top": parts[0] if parts else None}
    return out


def _m(c: Ctx, timeline) -> Any:
    return c.money(timeline.total) if timeline else None


def _range(c: Ctx, key: str) -> str | None:
    low, high = c.d.metrics.get(key), c.d.metrics.get(key + "_stretch")
    if not low:
        return None
    return f"{c.f.count(low.total)}~{c.f.count(high.total)}" if high else c.f.count(low.total)


def headline(c: Ctx) -> str:
    """The point of the quarter chart: the quarter that carries the most."""
    d = c.d
    if len(d.quarters) < 2 or not d.total:
        return ""
    top = max(d.quarters, key=lambda q: (q.amount, -q.index))
    if sum(1 for q in d.quarters if q.amount == top.amount) > 1:
        return ""  # quarters tie: no quarter carries the most
    key = "headline_quarter_share" if c.plan.plan.period.months == 12 else "headline_quarter_share_period"
    return c.L[key].format(quarter=c.f.quarter_long(top.quarter),
                                                share=c.f.percent(Fraction(top.amount, d.total)))


def method_lines(c: Ctx) -> list[str]:
    """How the target was decomposed, in plain sentences."""
    d, L, plan = c.d, c.L, c.plan
    ph = plan.targets.phasing
    key = {"explicit": "method_explicit" if ph.months is not None else "method_explicit_quarters",
           "equal": "method_equal", "working_days": "method_working_days",
           "history": "method_history" if ph.quarters is None else "method_history_quarters"}
    by_days = key[d.phasing] in ("method_explicit_quarters", "method_working_days")
    lines = [L[key[d.phasing] + ("_all" if by_days and d.calendar.basis == "all_days" else "")]]
    lines.append(L["method_daily_all" if d.calendar.basis == "all_days" else "method_daily_working"])
    lines.append(L["method_rounding"].format(unit=rounding_unit(c)))
    if d.reps:
        ramp = " / ".join(c.f.percent(r) for r in plan.team.ramp)
        ramping = ramp and any(r.ramping for r in d.reps)
        lines.append(L["method_reps"].format(ramp=ramp) if ramping else L["method_reps_plain"])
        if any(r.ramping for r in d.reps):
            lines.extend(_ramp_lines(c))
    if d.growth.method == "history":
        m = d.growth.method_detail
        lines.append(L["method_history_target"].format(base=c.f.money(m["base"]),
                     growth=c.f.percent(m["growth"], 1), target=c.f.money(d.total)))
    return lines


def _ramp_lines(c: Ctx) -> list[str]:
    """Who carries what new reps do not: the gap (gap policy), named colleagues, and what nobody could take."""
    d, L, f = c.d, c.L, c.f
    if d.ramp_policy == "gap":
        return [L["method_ramp_gap"]]
    out = []
    carriers = [f"{r.name} {f.money(r.carried)}" for r in d.reps if r.carried]
    if carriers:
        out.append(L["method_ramp_carried"].format(who=f.join(carriers)))
    left = [f"{n.values['name']} {f.money(n.values['amount'])}" for n in d.notices if n.code == "rep_uncarried"]
    if left:
        out.append(L["method_ramp_uncarried"].format(who=f.join(left)))
    return out


def rounding_unit(c: Ctx) -> str:
    """The allocation unit as words: 1万元 when the display unit shows it, else 1,000 USD."""
    if c.d.unit >= c.f.unit.factor and c.f.unit.symbol in ("万", "亿", "萬", "億"):
        return c.f.money(c.d.unit)
    if c.plan.plan.currency == c.loc.home_currency:
        return f"{c.f.count(c.d.unit)}元"   # no space inside Chinese
    return f"{c.f.count(c.d.unit)} {c.plan.plan.currency}"


def _last_year(c: Ctx) -> tuple[int, ...] | None:
    return c.d.growth.last_year_months


def _growth(c: Ctx, plan: int, last: int | None) -> str:
    return c.f.percent(Fraction(plan, last) - 1, 1) if last else ""


def time_tables(c: Ctx) -> dict:
    """Quarter, month, week and (when the plan shows them) month-thirds tables."""
    out = {"quarters": quarter_table(c), "months": month_table(c), "weeks": week_table(c)}
    if shows_thirds(c):
        out["thirds"] = thirds_table(c)
    return out


def shows_thirds(c: Ctx) -> bool:
    """Month thirds (上/中/下旬) are a Chinese practice: shown by default in zh plans only, or as
    targets.calendar.month_thirds says."""
    asked = c.plan.targets.calendar.month_thirds
    return c.loc.month_thirds if asked is None else asked


def quarter_table(c: Ctx):
    """Quarter targets with share, last year and growth."""
    d, L = c.d, c.L
    last = _last_year(c)
    amounts = [q.amount for q in d.quarters]
    shown = c.amounts(amounts, d.total)
    rows = [[c.quarter_label(q.index), s, p, sum(d.months[i].working_days for i in q.months)]
            for q, s, p in zip(d.quarters, shown, c.shares(amounts))]
    cols = [L["quarter"], c.head("target"), L["share"], c.days_head()]
    total = [L["total"], c.fig(d.total), "100%", sum(m.working_days for m in d.months)]
    if last:
        _insert_last_year(c, cols, rows, total, amounts, [sum(last[i] for i in q.months) for q in d.quarters])
    numeric = [False] + [True] * (len(cols) - 1)
    add_focus(c, cols, rows, total, numeric)
    return c.table("quarters", L["quarterly_target"], cols, rows, numeric, total)


def month_table(c: Ctx):
    """Month targets with share, working days, daily target and last year."""
    d, L = c.d, c.L
    last = _last_year(c)
    shown = c.amounts(d.revenue.months, d.total)
    daily = c.daily_figs(d.revenue.months, [m.working_days for m in d.months])
    rows = [[c.month_row(m.index), s, p, m.working_days, dd]
            for m, s, p, dd in zip(d.months, shown, c.shares(list(d.revenue.months)), daily)]
    cols = [L["month"], c.head("target"), L["share"], c.days_head(), c.head("daily_target")]
    total = [L["total"], c.fig(d.total), "100%", sum(m.working_days for m in d.months), ""]
    if last:
        _insert_last_year(c, cols, rows, total, list(d.revenue.months), list(last))
    return c.table("months", L["monthly_target"], cols, rows, [False] + [True] * (len(cols) - 1), total)


def _insert_last_year(c: Ctx, cols: list, rows: list, total: list, plan: list[int], last: list[int]) -> None:
    """Last year's amounts and the growth, after the target column; shown parts add up to the shown total."""
    shown = c.amounts(last, sum(last))
    for row, p, ly, s in zip(rows, plan, last, shown):
        row[2:2] = [s, _growth(c, p, ly)]
    cols[2:2] = [c.head("last_year"), c.L["growth"]]
    total[2:2] = [c.fig(sum(last)), _growth(c, sum(plan), sum(last))]


def week_table(c: Ctx):
    """ISO weeks with their dates, working days and target; split weeks keep one row."""
    d, L = c.d, c.L
    shown = c.amounts([w.amount for w in d.weeks], d.total)
    rows = [[c.f.week(w.iso_year, w.iso_week), f"{c.f.date(w.start)} – {c.f.date(w.end)}",
             sum(p.days for p in w.parts), s] for w, s in zip(d.weeks, shown)]
    total = [L["total"], "", sum(m.working_days for m in d.months), c.fig(d.total)]
    return c.table("weeks", L["weekly_targets"], [L["week"], L["dates"], c.days_head(), c.head("target")],
                   rows, [False, False, True, True], total)


def thirds_table(c: Ctx):
    """Each month in early / mid / late thirds (上旬 / 中旬 / 下旬)."""
    d, L = c.d, c.L
    rows = []
    for m in d.months:
        parts = c.amounts(list(m.thirds), m.amount)
        rows.append([c.month_row(m.index), *parts, c.fig(m.amount)])
    sums = [sum(m.thirds[i] for m in d.months) for i in range(3)]
    total = [L["total"], *c.amounts(sums, d.total), c.fig(d.total)]
    cols = [L["month"], *(c.f.header(c.f.third(i)) for i in (1, 2, 3)), c.head("total")]
    return c.table("thirds", L["early_mid_late"], cols, rows, [False, True, True, True, True], total)


def split_tables(c: Ctx) -> dict:
    """One table per split dimension: share, total and quarters."""
    return {f"split_{name}": split_table(c, name) for name in c.d.splits}


def dim_label(c: Ctx, name: str) -> str:
    """A dimension's name: a known label (区域, Canal) or the key as written."""
    if name in DIM_LABELS or f"dim_{name}" in c.L:
        return c.L[name] if name in DIM_LABELS else c.L[f"dim_{name}"]
    return name.replace("_", " ")


def split_table(c: Ctx, name: str):
    """A split dimension by quarter."""
    d, L = c.d, c.L
    s = d.splits[name]
    keys = list(s.shares)
    shown = c.amounts([s.totals[k] for k in keys], d.total)
    quarters = [c.amounts([s.by_quarter[k][q] for k in keys], d.quarters[q].amount) for q in range(len(d.quarters))]
    pcts = c.f.display_shares([s.shares[k] for k in keys])
    rows = [[k, pcts[i], *[quarters[q][i] for q in range(len(d.quarters))], shown[i]] for i, k in enumerate(keys)]
    cols = [dim_label(c, name), L["share"], *[c.quarter_label(q) for q in range(len(d.quarters))], c.head("total")]
    total = [L["total"], "100%", *[c.fig(q.amount) for q in d.quarters], c.fig(d.total)]
    title = c.L[DIM_CHARTS[name]] if name in DIM_CHARTS else dim_label(c, name)
    return c.table(f"split_{name}", title, cols, rows, [False] + [True] * (len(cols) - 1), total, c.unit_note())


def time_charts(c: Ctx) -> dict:
    """Quarter and month columns against last year, and the history trend."""
    d, L, f = c.d, c.L, c.f
    last = _last_year(c)
    plan_name = f"{L['plan_year']} {c.plan.plan.period.start[0]}"
    def series(values, last_values):
        out = [Series(plan_name, tuple(f.scaled(v) for v in values), "plan")]
        if last_values:
            out.insert(0, Series(L["last_year"], tuple(f.scaled(v) for v in last_values), "history"))
        return tuple(out)
    lq = [sum(last[i] for i in q.months) for q in d.quarters] if last else None
    charts = {
        "quarters": ChartSpec("column", L["chart_quarterly_target"], tuple(c.quarter_label(q.index) for q in d.quarters),
                              series([q.amount for q in d.quarters], lq), f.excel_format(), c.unit_note()),
        "months": ChartSpec("column", L["chart_monthly_target"],
                            tuple(f.month_short(m.month) for m in d.months),
                            series(d.revenue.months, last), f.excel_format(), c.unit_note()),
    }
    hist = history_chart(c)
    if hist:
        charts["history"] = hist
    return charts


def history_chart(c: Ctx):
    """Each history year's months as grey lines, the plan as the accent line."""
    plan, d, f, L = c.plan, c.d, c.f, c.L
    if not plan.history or not plan.history.monthly or plan.plan.period.months != 12:
        return None
    years = sorted(plan.history.monthly)[-3:]
    series = [Series(str(y), tuple(f.scaled(v) for v in plan.history.monthly[y]), "history") for y in years]
    series.append(Series(f"{L['plan_year']} {plan.plan.period.start[0]}", tuple(f.scaled(v) for v in d.revenue.months), "plan"))
    return ChartSpec("line", L["history_vs_target"], tuple(f.month_short(m.month) for m in d.months),
                     tuple(series), f.excel_format(), L["source_note"].format(source=L["source_history"]))


def split_charts(c: Ctx) -> dict:
    """Shares: a pie for up to PIE_SLICES slices, else a bar sorted by size."""
    out = {}
    for name, s in c.d.splits.items():
        keys = list(s.shares)
        kind = "pie" if len(keys) <= PIE_SLICES else "bar"
        title = c.L[DIM_CHARTS[name]] if name in DIM_CHARTS else dim_label(c, name)
        out[f"split_{name}"] = ChartSpec(kind, title, tuple(keys),
                                         (Series(c.L["target"], tuple(c.chart_value(s.totals[k], kind) for k in keys)),),
                                         c.f.excel_format(), c.unit_note(), sort=kind == "bar")
    return out
