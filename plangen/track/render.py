"""The progress report's context (localised facts, tables, charts) and the files made from it.

`report_context` formats a Progress for the plan's locale; `render_files` makes the Word
report, the deck and the workbook (bytes by file name). Renderers draw; they compute nothing.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any, Literal

from ..decompose.result import Decomposition
from ..model.schema import Plan
from plangen.present.charts import ChartSpec, Series
from plangen.present.context import Ctx
from plangen.present.ctx.targets import dim_label
from plangen.present.labels import Labels
from plangen.present.values import Table
from .progress import Line, Progress, status_of
from plangen.track.report_appraisal import appraisal_context


def report_context(plan: Plan, d: Decomposition, p: Progress, words: Labels | None = None) -> dict[str, Any]:
    """Everything the report shows, as text, Table and ChartSpec (`words`: a template folder's labels)."""
    c = Ctx(plan, d, words)
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
    if p.reps and p.remaining_months:
        tables["track_gap"] = gap_table(c, p)
    if p.weeks:
        tables["track_weeks"] = week_table(c, p)
    appraisal = appraisal_context(c, p, tables)
    plan_facts = {"locale": plan.plan.locale, "unit": c.f.unit_label(), "title": plan.plan.title,
                  "organization": plan.plan.organization}
    return {"L": L, "plan": plan_facts, "figures": figures(c, p),
            "locale": plan.plan.locale, "title": L["track_title"], "plan_title": plan.plan.title,
            "organization": plan.plan.organization, "unit": c.f.unit_label(), "unit_note": c.unit_note(),
            "as_of": L["track_as_of"].format(month=as_of),
            "headlines": headlines(c, p), "behind": behind_line(c, p), "facts": facts(c, p),
            "method": method_lines(c, p), "actions": actions(c, p), "summary": summary_text(c, p),
            "next_need": next_need(c, p), "appraisal": appraisal,
            "tables": tables, "charts": charts(c, p)}


def figures(c: Ctx, p: Progress) -> dict[str, str]:
    """The total's figures, formatted, for text templates that word the report their own way."""
    t, m = p.total, c.f.money
    return {"actual": m(t.actual), "target": m(t.target), "plan_to_date": m(t.plan_to_date),
            "attainment": pct(c, t.attainment), "attainment_to_date": pct(c, t.attainment_to_date),
            "elapsed": pct(c, p.elapsed), "forecast": m(t.forecast), "forecast_attainment": pct(c, of(t.forecast, t)),
            "run_rate": m(t.run_rate), "run_rate_attainment": pct(c, of(t.run_rate, t)), "trend": m(t.trend),
            "trend_attainment": pct(c, of(t.trend, t)), "remaining": m(max(t.remaining, 0)),
            "as_of": c.month_label(p.as_of) if p.as_of >= 0 else ""}


def pct(c: Ctx, x: Fraction | None) -> str:
    """A ratio as a percentage with one decimal; empty when there is none."""
    return c.f.percent(x, 1) if x is not None else ""


def headlines(c: Ctx, p: Progress) -> list[str]:
    """The points of the report: where we stand, where the plan's shape leads, how the other methods differ, the need."""
    L, t = c.L, p.total
    out = [L["track_headline"].format(actual=c.f.money(t.actual), attainment=pct(c, t.attainment),
                                      to_date=pct(c, t.attainment_to_date), elapsed=pct(c, p.elapsed))
           if t.plan_to_date else L["track_headline_start"].format(target=c.f.money(t.target), months=p.months_total)]
    if p.remaining_months and p.months_elapsed:
        out += [L["track_headline_forecast"].format(forecast=c.f.money(t.forecast), attainment=pct(c, of(t.forecast, t)),
                                                    to_date=pct(c, t.attainment_to_date)), run_rate_line(c, p)]
    if t.remaining <= 0:
        out.append(L["track_headline_done"])
    elif p.remaining_months:
        out.append(needed_line(c, p))
    return out


def of(amount: int, x: Line) -> Fraction | None:
    """An amount as a share of a line's target."""
    return ratio(amount, x.target)


def run_rate_line(c: Ctx, p: Progress) -> str:
    """The run-rate beside the forecast, saying why it is lower or higher (the share of plan still ahead)."""
    t, L = p.total, c.L
    key = ("track_headline_run_rate_same" if t.run_rate == t.forecast else
           "track_headline_run_rate_low" if t.run_rate < t.forecast else "track_headline_run_rate_high")
    return L[key].format(projection=c.f.money(t.run_rate), attainment=pct(c, of(t.run_rate, t)),
                         plan_share=pct(c, ratio(t.target - t.plan_to_date, t.target)),
                         time_share=pct(c, 1 - p.elapsed))


def needed_line(c: Ctx, p: Progress) -> str:
    """What the remaining months need by the plan's phasing: one figure when equal, each month when few (adding up)."""
    L, need, k = c.L, p.needed_by_month, p.months_elapsed
    if len(set(need)) == 1:
        return L["track_headline_needed"].format(needed=c.f.money(need[0]), months=len(need))
    if len(need) <= 4:
        shown = c.f.display_values(list(need), sum(need))        # they add up to the remaining target shown
        months = c.f.join([c.tagged(c.month_row(k + i), c.f.money(n)) for i, n in enumerate(shown)])
        return L["track_headline_needed_months"].format(months=months)
    return L["track_headline_needed_range"].format(total=c.f.money(sum(need)), months=len(need),
                                                   low=c.f.money(min(need)), high=c.f.money(max(need)))


def behind_line(c: Ctx, p: Progress) -> str:
    """The reps behind plan, by name, or that none is; empty for a plan without reps."""
    if not p.reps:
        return ""
    if not p.behind:
        return c.L["track_reps_none_behind"]
    names = c.f.join([c.tagged(r.label, pct(c, r.attainment_to_date)) for r in p.behind])
    return c.L["track_reps_behind"].format(names=names)


def summary_text(c: Ctx, p: Progress) -> str:
    """The terminal's one line, in the plan's language: attainment, time, forecast, reps behind by name."""
    t, L = p.total, c.L
    key = "track_summary_line" if p.remaining_months and p.months_elapsed else "track_summary_line_plain"
    line = L[key].format(actual=c.f.money(t.actual), target=c.f.money(t.target), attainment=pct(c, t.attainment),
                         elapsed=pct(c, p.elapsed), forecast=c.f.money(t.forecast),
                         forecast_attainment=pct(c, of(t.forecast, t)))
    behind = behind_line(c, p)
    return line + L["track_summary_sep"] + mid_sentence(c, behind) if behind else line


def mid_sentence(c: Ctx, text: str) -> str:
    """A sentence continued after a semicolon: its first letter lower case (Chinese has none)."""
    return text[:1].lower() + text[1:]


def facts(c: Ctx, p: Progress) -> list[tuple[str, str]]:
    """Label/value pairs for the summary: target, actual, attainment, time, the three forecasts, the need."""
    L, t = c.L, p.total
    out = [(L["target"], c.f.money(t.target)), (L["plan_to_date"], c.f.money(t.plan_to_date)),
           (L["actual_to_date"], c.f.money(t.actual)), (L["attainment_period"], pct(c, t.attainment)),
           (L["attainment_to_date"], pct(c, t.attainment_to_date)), (L["time_elapsed"], pct(c, p.elapsed))]
    if p.remaining_months and p.months_elapsed:
        out += [(L["forecast_plan_weighted"], f"{c.f.money(t.forecast)} ({pct(c, of(t.forecast, t))})"),
                (L["run_rate"], f"{c.f.money(t.run_rate)} ({pct(c, of(t.run_rate, t))})"),
                (L["forecast_trend"], f"{c.f.money(t.trend)} ({pct(c, of(t.trend, t))})")]
    out.append((L["remaining_target"], c.f.money(max(t.remaining, 0))))
    need = next_need(c, p)
    return out + [need] if need else out


def method_lines(c: Ctx, p: Progress) -> dict[str, str]:
    """How the figures are defined, by the figure (the deck puts each beside the slide that uses it)."""
    L = c.L
    out = {"elapsed": L["track_method_elapsed"].format(months=p.months_elapsed, total=p.months_total)}
    out |= {key: L[f"track_method_{key}"] for key in ("forecast", "trend", "run_rate", "needed", "behind")}
    if c.plan.funnel is not None and p.reps:
        out["activities"] = L["track_method_activities"]
    if p.appraisals:
        out["appraisal"] = L["track_method_appraisal"]
    return out


def next_need(c: Ctx, p: Progress) -> tuple[str, str] | None:
    """What the next month needs, as a label and amount; None when nothing is left or no month remains."""
    if not p.remaining_months or p.total.remaining <= 0:
        return None
    return c.L["needed_in"].format(month=c.month_label(p.months_elapsed)), c.f.money(p.needed_by_month[0])


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


RECENT_WEEKS = 8


def week_table(c: Ctx, p: Progress) -> Table:
    """The last weeks with actuals against the weekly plan, with cumulatives (all weeks: the workbook)."""
    L = c.L
    done = [w for w in p.weeks if w.actual is not None][-RECENT_WEEKS:]
    rows = [[c.f.week(w.iso_year, w.iso_week), c.fig(w.plan), c.fig(w.actual), pct(c, ratio(w.actual, w.plan)),
             c.fig(w.cum_plan), c.fig(w.cum_actual), pct(c, ratio(w.cum_actual, w.cum_plan))] for w in done]
    cols = [L["week"], c.head("plan"), c.head("actual"), L["achievement"], c.head("cumulative_plan"),
            c.head("cumulative_actual"), L["attainment_to_date"]]
    return c.table("track_weeks", L["table_track_weeks"].format(weeks=len(done)), cols, rows,
                   [False] + [True] * 6, None, c.unit_note())


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
    """A line's status in words."""
    return c.L[status_of(r)]


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
    return c.table("track_remaining", L["needed_by_month"], [L["month"], c.head("plan"), c.head("needed_per_month")],
                   rows, [False, True, True], total, c.unit_note())


def gap_table(c: Ctx, p: Progress) -> Table:
    """Per rep, largest gap first: attainment to date, gap, activities behind, need next month and per week."""
    L, funnel = c.L, c.plan.funnel is not None
    reps = sorted(p.reps, key=lambda r: (-r.gap, r.key))
    cols = [L["rep"], L["attainment_to_date"], c.head("gap_to_plan")]
    cols += [L["deals_behind"], L["visits_behind"], L["calls_behind"]] if funnel else []
    cols += [c.head("needed_next_month"), c.head("needed_per_week"), L["status"]]
    rows = [[r.label, pct(c, r.attainment_to_date), c.fig(max(r.gap, 0)),
             *(activity_cells(c, r) if funnel else []), c.fig(r.needed_by_month[0] if r.needed_by_month else 0),
             c.fig(r.needed_per_week), status(c, r)] for r in reps]
    numeric = [False] + [True] * (len(cols) - 2) + [False]
    return c.table("track_gap", L["table_track_gap"], cols, rows, numeric, None, c.unit_note())


def activity_cells(c: Ctx, r: Line) -> list[str]:
    """Deals, visits and calls behind plan to date."""
    a = r.activities_behind
    return [c.f.count(a.deals), c.f.count(a.visits), c.f.count(a.calls)]


def actions(c: Ctx, p: Progress) -> list[str]:
    """The gap and actions: the three reps furthest behind, then the largest gap of each dimension."""
    if not p.remaining_months:
        return []
    lines = [rep_action(c, p, r) for r in sorted(p.behind, key=lambda r: (-r.gap, r.key))[:3]]
    if p.reps and not p.behind:
        lines.append(c.L["track_gap_none"])
    for dim, values in p.dimensions.items():
        worst = max(values, key=lambda x: (x.gap, x.key))
        if worst.gap > 0:
            lines.append(c.L["track_gap_dimension"].format(dimension=dimension_name(c, dim), name=worst.label,
                                                           gap=c.f.money(worst.gap),
                                                           to_date=pct(c, worst.attainment_to_date)))
    return lines


def counted(c: Ctx, n: int, word: str) -> str:
    """A count with its word in the right plural: 1 deal, 3 deals, 3 operaciones, 3笔成交."""
    return c.L[f"count_{word}_{'one' if c.f.plural(n) == 'one' else 'other'}"].format(n=c.f.count(n))


def rep_action(c: Ctx, p: Progress, r: Line) -> str:
    """One rep behind: the gap in money and activities, the need next month and per week."""
    a = r.activities_behind
    key = "track_gap_rep_activities" if a.deals else "track_gap_rep"
    return c.L[key].format(name=r.label, gap=c.f.money(r.gap), to_date=pct(c, r.attainment_to_date),
                           deals=counted(c, a.deals, "deal"), visits=counted(c, a.visits, "visit"),
                           calls=counted(c, a.calls, "call"),
                           next=c.f.money(r.needed_by_month[0] if r.needed_by_month else 0),
                           month=c.month_label(p.months_elapsed), week=c.f.money(r.needed_per_week))


# --- charts ------------------------------------------------------------------------------------


def charts(c: Ctx, p: Progress) -> dict[str, ChartSpec]:
    """Cumulative plan, actual and forecast to the period end; plan vs actual by month; reps by status."""
    L, f = c.L, c.f
    done = p.months[:p.months_elapsed]
    out = {}
    if done:
        out["track_cumulative"] = cumulative_chart(c, p)
        out["track_months"] = ChartSpec("column", L["chart_month_actual"],
                                        tuple(f.month_short(c.d.months[m.index].month) for m in done), (
            Series(L["plan"], tuple(f.scaled(m.plan) for m in done), "plan", labels=False),
            Series(L["actual"], tuple(f.scaled(m.actual) for m in done), "stretch", labels=True)),
            f.excel_format(), c.unit_note())
    reps = [r for r in p.reps if r.plan_to_date]
    if reps:
        reps.sort(key=lambda r: (-r.attainment_to_date, r.key))
        out["track_reps"] = ChartSpec("column", L["chart_rep_attainment"], tuple(r.label for r in reps), (
            Series(L["attainment_to_date"], tuple(float(r.attainment_to_date) for r in reps), "on_track",
                   labels=True, point_roles=tuple("behind" if r.behind else "on_track" for r in reps)),
            Series(L["track_chart_rep_note"], (1.0,) * len(reps), "other", labels=False, line=True, dashed=True)),
            "0%", status_note(c))
    return out


def status_note(c: Ctx) -> str:
    """What the rep chart's colours say."""
    return c.L["track_chart_status_note"].format(behind=mid_sentence(c, c.L["behind_plan"]),
                                                 on_track=mid_sentence(c, c.L["on_track"]))


def cumulative_chart(c: Ctx, p: Progress) -> ChartSpec:
    """Cumulative plan over the whole period, actual to date, and the forecast from the last actual to the end."""
    L, f, t, k = c.L, c.f, p.total, p.months_elapsed
    last = p.months[k - 1].cum_actual
    path = forecast_path(p)
    actual = tuple(f.scaled(m.cum_actual) if m.cum_actual is not None else None for m in p.months)
    forecast = tuple(None if i < k - 1 else f.scaled(last if i == k - 1 else path[i - k]) for i in range(len(p.months)))
    below = t.actual < t.plan_to_date
    series = [Series(L["cumulative_plan"], tuple(f.scaled(m.cum_plan) for m in p.months), "plan", labels=False),
              Series(L["cumulative_actual"], actual, "stretch", labels=True, label_pos="b" if below else "t")]
    if k < len(p.months):
        series.append(Series(L["forecast_plan_weighted"], forecast, "other", labels=False, dashed=True))
    title = L["chart_cumulative_forecast"].format(forecast=f.money(t.forecast)) if k < len(p.months) \
        else L["chart_cumulative"]
    return ChartSpec("line", title, tuple(f.month_short(m.month) for m in c.d.months), tuple(series),
                     f.excel_format(), c.unit_note())


def forecast_path(p: Progress) -> list[int]:
    """The plan-weighted forecast month by month after the last actual: it ends at the total's forecast."""
    t, k = p.total, p.months_elapsed
    rate = Fraction(t.actual, t.plan_to_date) if t.plan_to_date else Fraction(1)
    rest = [m.cum_plan - p.months[k - 1].cum_plan for m in p.months[k:]]
    return [t.actual + round(r * rate) for r in rest]


def render_files(plan: Plan, d: Decomposition, p: Progress, ctx: dict[str, Any], templates=None) -> dict[str, bytes]:
    """The three files of a report context."""
    from .report_docx import render_report_docx
    from .report_pptx import render_report_pptx
    from .report_xlsx import render_report_xlsx
    return {"docx": render_report_docx(ctx, templates), "pptx": render_report_pptx(ctx, templates),
            "xlsx": render_report_xlsx(plan, d, p, ctx["L"])}
