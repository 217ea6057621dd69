"""Collections (回款) in the documents: the collection target, its terms, by month and by rep."""
from __future__ import annotations

from fractions import Fraction
from typing import Any

from plangen.present.charts import ChartSpec, Series
from plangen.decompose.result import RepTarget
from plangen.present.ctx.base import Ctx


def collections(c: Ctx, tables: dict, charts: dict) -> dict[str, Any] | None:
    """The collection target beside the sales target, with its month table and chart."""
    col = c.d.collections
    if col is None:
        return None
    tables["collections"] = collection_table(c)
    f = c.f
    charts["collections"] = ChartSpec(
        "column", c.L["chart_collections"], tuple(f.month_short(m.month) for m in c.d.months),
        (Series(c.L["sales_target"], tuple(f.scaled(v) for v in c.d.revenue.months), "history"),
         Series(c.L["collected"], tuple(f.scaled(v) for v in col.months), "plan")),
        f.excel_format(), c.unit_note())
    return {"total": c.money(col.total), "sales": c.money(col.sales),
            "carried_over": c.money(col.carried_over) if col.carried_over else None,
            "carried_months": len(c.plan.targets.collections.carried_terms),
            "closing": c.money(col.closing), "terms": [c.share(t) for t in col.terms],
            "of_sales": c.share(Fraction(col.total, col.sales), 1) if col.sales else None}


def collection_table(c: Ctx):
    """Month by month: sales target, collected from this period's sales, from last year's receivables, total."""
    col, L, d = c.d.collections, c.L, c.d
    fresh = [a - b for a, b in zip(col.months, col.from_carried)]
    columns = [(c.head("sales_target"), list(d.revenue.months)), (c.head("collected_from_sales"), fresh)]
    if col.carried_over:
        columns.append((c.head("collected_from_carried"), list(col.from_carried)))
    columns.append((c.head("collected"), list(col.months)))
    shown = [c.amounts(values, sum(values)) for _, values in columns]
    rows = [[c.month_row(i), *[s[i] for s in shown]] for i in range(len(d.months))]
    total = [L["total"], *[c.fig(sum(values)) for _, values in columns]]
    return c.table("collections", L["table_collections"], [L["month"], *[h for h, _ in columns]], rows,
                   [False] + [True] * len(columns), total, c.unit_note())


def rep_collection_table(c: Ctx, rep: RepTarget):
    """One rep's months: his sales target and what he is to collect."""
    col, L = c.d.collections, c.L
    if col is None or rep.id not in col.reps:
        return None
    sales, collected = list(rep.months), list(col.reps[rep.id])
    shown = [c.amounts(sales, sum(sales)), c.amounts(collected, sum(collected))]
    rows = [[c.month_row(i), shown[0][i], shown[1][i]] for i in range(len(sales))]
    return c.table("rep_collections", L["table_collections"], [L["month"], c.head("sales_target"), c.head("collected")],
                   rows, [False, True, True], [L["total"], c.fig(sum(sales)), c.fig(sum(collected))], c.unit_note())
