"""The progress report's context (localised facts, tables, charts) and the files made from it.

`report_context` formats a Progress for the plan's locale; `render_report` makes the Word
report, the deck and the workbook (bytes by file name). Renderers draw; they compute nothing.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any

from ..decompose.result import Decomposition
from ..model.schema import Plan
from ..render.charts import ChartSpec, Series
from ..render.context import Ctx
from ..render.ctx_targets import dim_label
from ..render.values import Table
from .progress import Line, Progress


def report_context(plan: Plan, d: Decomposition, p: Progress) -> dict[str, Any]:
    """Everything the report shows, as text, Table and ChartSpec."""
    c = Ctx(plan, d)
    L = c.L
    as_of = c.month_label(p.as_of) if p.as_of >= 0 else ""
    tables = {"track_summary": summary_table(c, p), "track_months": month_table(c, p),
              "track_quarters": quarter_table(c, p)}
    if p.reps:
        tables["track_reps"] = rep_table(c, p)
    for dim, lines in p.dimensions.items():
        tables[f"track_{dim}"] = dimension_table(c, dim, lines)
    if p.remaining_months and p.total.remaining > 0:
        tables["track_remaining"] = remaining_table(c, p)
    return {"L": L, "locale": plan.plan.locale, "title": L["track_title"], "plan_title": plan.plan.title,
            "organization": plan.plan.organization, "unit": c.f.unit_label(), "unit_note": c.unit_note(),
            "as_of": L["track_as_of"].format(month=as_of),
            "headlines": headlines(c, p), "behind": behind_line(c, p), "facts": facts(c, p),
            "method": method_lines(c, p), "tables": tables, "charts": charts(c, p)}


def pct(c: Ctx, x: Fraction | None) -> str:
    """A ratio as a percentage with one decimal; empty when there is none."""
    return c.f.percent(x, 1) if x is not None else ""


def headlines(c: Ctx, p: Progress) -> list[str]:
    """The three points of the report: where we stand, where the pace leads, what is needed."""
    L, t = c.L, p.total
    out = [L["track_headline"].format(actual=c.f.money(t.actual), attainment=pct(c, t.attainment),
                                      to_date=pct(c, t.attainment_to_date), elapsed=pct(c, p.elapsed))]
    if p.remaining_months:
        out.append(L["track_headline_run_rate"].format(projection=c.f.money(t.run_rate),
                                                       attainment=pct(c, Fraction(t.run_rate, t.target or 1))))
    if t.remaining <= 0:
        out.append(L["track_headline_done"])
    elif p.remaining_months:
        out.append(L["track_headline_needed"].format(needed=c.f.money(t.needed_per_month),
                                                     months=p.remaining_months))
    return out


def behind_line(c: Ctx, p: Progress) -> str:
    """The reps behind plan, by name, or that none is."""
    if not p.behind:
        return c.L["track_reps_none_behind"]
    names = c.loc.list_sep.join(f"{r.label} {pct(c, r.attainment_to_date)}" for r in p.behind)
    return c.L["track_reps_behind"].format(names=names)


def facts(c: Ctx, p: Progress) -> list[tuple[str, str]]:
    """Label/value pairs for the summary: target, actual, attainment, time, run-rate, need."""
    L, t = c.L, p.total
    out = [(L["target"], c.f.money(t.target)), (L["plan_to_date"], c.f.money(t.plan_to_date)),
           (L["actual_to_date"], c.f.money(t.actual)), (L["attainment_period"], pct(c, t.attainment)),
           (L["attainment_to_date"], pct(c, t.attainment_to_date)), (L["time_elapsed"], pct(c, p.elapsed)),
           (L["run_rate"], c.f.money(t.run_rate)),
           (L["projected_attainment"], pct(c, Fraction(t.run_rate, t.target or 1))),
           (L["remaining_target"], c.f.money(max(t.remaining, 0)))]
    if p.remaining_months:
        out.append((L["needed_per_month"], c.f.money(t.needed_per_month)))
    return out


def method_lines(c: Ctx, p: Progress) -> list[str]:
    """How the figures are defined."""
    L = c.L
    return [L["track_method_elapsed"].format(months=p.months_elapsed, total=p.months_total),
            L["track_method_run_rate"], L["track_method_behind"]]


# --- tables ------------------------------------------------------------------------------------


def summary_table(c: Ctx, p: Progress) -> Table:
    """The facts as a two-column table."""
    return c.table("track_summary", c.L["track_summary"], [c.L["track_summary"], ""], facts(c, p), [False, True])


def month_table(c: Ctx, p: Progress) -> Table:
    """Plan and actual per month with cumulatives; months not yet tracked stay blank."""
    L, t = c.L, p.total
    plans = c.amounts([m.plan for m in p.months], t.target)
    done = [m for m in p.months if m.actual is not None]
    actuals = c.amounts([m.actual for m in done], t.actual) + [""] * (len(p.months) - len(done))
    rows = []
    for m, plan, actual in zip(p.months, plans, actuals):
        tracked = m.actual is not None
        rows.append([c.month_row(m.index), plan, actual, pct(c, ratio(m.actual, m.plan)) if tracked else "",
                     c.fig(m.cum_plan), c.fig(m.cum_actual) if tracked else "",
                     pct(c, ratio(m.cum_actual, m.cum_plan)) if tracked else ""])
    cols = [L["month"], c.head("plan"), c.head("actual"), L["achievement"], c.head("cumulative_plan"),
            c.head("cumulative_actual"), L["attainment_to_date"]]
    total = [L["total"], c.fig(t.target), c.fig(t.actual), pct(c, t.attainment), "", "",
             pct(c, t.attainment_to_date)]
    return c.table("track_months", L["table_track_months"], cols, rows, [False] + [True] * 6, total, c.unit_note())


def ratio(a: int | None, b: int) -> Fraction | None:
    """a / b, or None when b is zero."""
    return Fraction(a, b) if a is not None and b else None


def quarter_table(c: Ctx, p: Progress) -> Table:
    """Plan and actual per quarter, with the months of it that have passed."""
    L, t = c.L, p.total
    rows = [[c.quarter_label(q.index), c.fig(q.plan), c.fig(q.actual) if q.months_elapsed else "",
             pct(c, ratio(q.actual, q.plan)) if q.months_elapsed else "", f"{q.months_elapsed}/{q.months}"]
            for q in p.quarters]
    cols = [L["quarter"], c.head("plan"), c.head("actual"), L["achievement"], L["time_elapsed"]]
    total = [L["total"], c.fig(t.target), c.fig(t.actual), pct(c, t.attainment),
             f"{p.months_elapsed}/{p.months_total}"]
    return c.table("track_quarters", L["table_track_quarters"], cols, rows, [False, True, True, True, True],
                   total, c.unit_note())


def status(c: Ctx, r: Line) -> str:
    """Behind plan, on track, or not started (no plan yet)."""
    if not r.plan_to_date and not r.actual:
        return c.L["not_started"]
    return c.L["behind_plan"] if r.behind else c.L["on_track"]


def line_cells(c: Ctx, x: Line) -> list[str]:
    """Target, plan and actual to date, attainment of the plan to date and of the target."""
    return [c.fig(x.target), c.fig(x.plan_to_date), c.fig(x.actual), pct(c, x.attainment_to_date),
            pct(c, x.attainment)]


def line_columns(c: Ctx, name: str) -> list[str]:
    """The headers of `line_cells` after the name column."""
    return [name, c.head("target"), c.head("plan_to_date"), c.head("actual_to_date"), c.L["attainment_to_date"],
            c.L["attainment_period"]]


def total_cells(c: Ctx, lines: tuple[Line, ...]) -> list[str]:
    """Sums of target, plan and actual to date of `lines`, with their ratios."""
    target, plan, actual = (sum(getattr(x, k) for x in lines) for k in ("target", "plan_to_date", "actual"))
    return [c.L["total"], c.fig(target), c.fig(plan), c.fig(actual), pct(c, ratio(actual, plan)),
            pct(c, ratio(actual, target))]


def rep_table(c: Ctx, p: Progress) -> Table:
    """Each rep's target, plan and actual to date, attainment and status (run-rates and need: the workbook)."""
    L = c.L
    rows = [[r.label, *line_cells(c, r), status(c, r)] for r in p.reps]
    if p.unassigned:
        rows.append([L["no_rep"], *line_cells(c, p.unassigned), ""])
    return c.table("track_reps", L["table_track_reps"], [*line_columns(c, L["rep"]), L["status"]], rows,
                   [False] + [True] * 5 + [False], [L["total"], *line_cells(c, p.total), ""], c.unit_note())


def dimension_name(c: Ctx, dim: str) -> str:
    """A dimension's label inside a sentence: region in en and es (a proper name stays as it is in zh)."""
    name = dim_label(c, dim)
    return name if c.loc.east_asian or name[1:2].isupper() else name[:1].lower() + name[1:]


def dimension_table(c: Ctx, dim: str, lines: tuple[Line, ...]) -> Table:
    """Per value of a split dimension: target, plan and actual to date, attainment."""
    L = c.L
    rows = [[x.label, *line_cells(c, x)] for x in lines]
    return c.table(f"track_{dim}", L["table_track_dimension"].format(dimension=dimension_name(c, dim)),
                   line_columns(c, dim_label(c, dim)), rows, [False] + [True] * 5, total_cells(c, lines),
                   c.unit_note())


def remaining_table(c: Ctx, p: Progress) -> Table:
    """The remaining months: their plan and what each must bring to reach the target."""
    L, k = c.L, p.months_elapsed
    rest = p.months[k:]
    need = c.amounts(list(p.needed_by_month), sum(p.needed_by_month))
    rows = [[c.month_row(m.index), c.fig(m.plan), n] for m, n in zip(rest, need)]
    total = [L["total"], c.fig(sum(m.plan for m in rest)), c.fig(sum(p.needed_by_month))]
    return c.table("track_remaining", L["needed_per_month"], [L["month"], c.head("plan"), c.head("needed_per_month")],
                   rows, [False, True, True], total, c.unit_note())


# --- charts ------------------------------------------------------------------------------------


def charts(c: Ctx, p: Progress) -> dict[str, ChartSpec]:
    """Cumulative and monthly plan vs actual to date, and attainment by rep."""
    L, f = c.L, c.f
    done = p.months[:p.months_elapsed]
    cats = tuple(f.month_short(c.d.months[m.index].month) for m in done)
    out = {}
    if done:
        out["track_cumulative"] = ChartSpec("line", L["chart_cumulative"], cats, (
            Series(L["cumulative_plan"], tuple(f.scaled(m.cum_plan) for m in done), "plan", labels=False),
            Series(L["cumulative_actual"], tuple(f.scaled(m.cum_actual) for m in done), "stretch", labels=True)),
            f.excel_format(), c.unit_note())
        out["track_months"] = ChartSpec("column", L["chart_month_actual"], cats, (
            Series(L["plan"], tuple(f.scaled(m.plan) for m in done), "plan", labels=False),
            Series(L["actual"], tuple(f.scaled(m.actual) for m in done), "stretch", labels=True)),
            f.excel_format(), c.unit_note())
    reps = [r for r in p.reps if r.plan_to_date]
    if reps:
        out["track_reps"] = ChartSpec("bar", L["chart_rep_attainment"], tuple(r.label for r in reps), (
            Series(L["attainment_to_date"], tuple(float(r.attainment_to_date) for r in reps), "plan"),), "0%",
            L["track_chart_rep_note"], sort=True)
    return out


def render_report(plan: Plan, d: Decomposition, p: Progress, templates=None) -> dict[str, bytes]:
    """The Word report, the deck and the workbook, as bytes by file extension."""
    from .report_docx import render_report_docx
    from .report_pptx import render_report_pptx
    from .report_xlsx import render_report_xlsx
    ctx = report_context(plan, d, p)
    return {"docx": render_report_docx(ctx, templates), "pptx": render_report_pptx(ctx, templates),
            "xlsx": render_report_xlsx(plan, d, p)}
