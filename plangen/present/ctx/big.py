"""Summaries for big teams and customer lists, for the deck: a slide cannot show 5,000 reps.

Past BIG_TEAM reps the deck shows the TOP reps with the largest and the smallest targets and
the targets by region, and its notes point to the workbook (`plangen decompose --format xlsx`)
for everyone; past BIG_CUSTOMERS customers it shows the TOP largest and points to the annual
plan (.docx), which lists them all. Each summary is linear in the team (one pass, one sort).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from plangen.present.charts import ChartSpec, Series
from plangen.present.ctx.base import Ctx

BIG_TEAM = 45        # three slides of 15 bars; beyond, a summary
BIG_CUSTOMERS = 30   # three slides of 10 rows; beyond, a summary
TOP = 10


def team_summary(c: Ctx, tables: dict, charts: dict) -> dict[str, Any]:
    """For a big team: charts of the TOP largest and smallest targets, a table by region; flags for the outline."""
    reps = c.d.reps
    big = len(reps) > BIG_TEAM
    if big:
        ranked = sorted(reps, key=lambda r: (-r.total, r.name))
        charts["reps_top"] = _rep_chart(c, c.L["chart_top_reps"], ranked[:TOP])
        charts["reps_bottom"] = _rep_chart(c, c.L["chart_bottom_reps"], ranked[-TOP:])
        if any(r.region for r in reps):
            tables["reps_regions"] = _region_table(c)
    return {"summarised": big, "shown": TOP if big else len(reps)}


def _rep_chart(c: Ctx, title: str, reps) -> ChartSpec:
    """A sorted bar chart of these reps' targets."""
    return ChartSpec("bar", title.format(n=len(reps)), tuple(r.name for r in reps),
                     (Series(c.L["target"], tuple(c.f.scaled(r.total) for r in reps)),),
                     c.f.excel_format(), c.unit_note(), sort=True)


def _region_table(c: Ctx):
    """Per region: reps, their target and the average per rep, in the split's order."""
    count, total = defaultdict(int), defaultdict(int)
    for r in c.d.reps:
        count[r.region or ""] += 1
        total[r.region or ""] += r.total
    L = c.L
    rows = [[region or L["unassigned"], c.f.count(n), c.fig(total[region]), c.fig(total[region] // n)]
            for region, n in count.items()]
    reps_total = sum(total.values())
    return c.table("reps_regions", L["region"], [L["region"], L["rep_count"], c.head("target"), c.head("per_rep")],
                   rows, [False, True, True, True],
                   [L["total"], c.f.count(len(c.d.reps)), c.fig(reps_total), c.fig(reps_total // len(c.d.reps))])


def customer_summary(c: Ctx, tables: dict) -> dict[str, Any]:
    """For a long customer list: a table of the TOP by last year's revenue; flags for the outline."""
    customers = c.d.customers
    big = len(customers) > BIG_CUSTOMERS
    if big:
        full = tables["customers"]
        order = sorted(range(len(customers)), key=lambda i: -(customers[i].revenue_last_year or 0))[:TOP]
        tables["customers_top"] = c.table("customers_top", full.title, full.columns,
                                          [full.rows[i] for i in order], full.numeric)
    return {"summarised": big, "shown": TOP if big else len(customers)}
