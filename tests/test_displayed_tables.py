"""Every table of every sample (plan and each rep) adds up as displayed: the shown rows sum to the shown total."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest

from plangen.decompose import decompose
from plangen.model import load
from plangen.present.context import Ctx, build_context
from plangen.present.ctx.rep import rep_context

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*-plan.yaml"))


def shown_number(text: str, locale: str) -> Decimal | None:
    """A displayed figure as a number ('1.234,5 %' under es -> 1234.5), None when the cell is not one number."""
    t = re.sub(r"[%\s\u00a0\u202f万亿元kM€$¥]|USD|EUR|CNY", "", text)
    if locale == "es":
        t = t.replace(".", "").replace(",", ".")
    else:
        t = t.replace(",", "")
    if not re.fullmatch(r"-?\d+(\.\d+)?", t):
        return None
    try:
        return Decimal(t)
    except InvalidOperation:
        return None


def tables_of(path: Path):
    """(where, table) for the plan's tables and every rep's tables."""
    plan = load(path)
    d = decompose(plan)
    ctx = build_context(plan, d)
    out = [(f"{path.stem}:{k}", t) for k, t in ctx["tables"].items()]
    c = Ctx(plan, d)
    for r in d.reps:
        out += [(f"{path.stem}:{r.id}:{k}", t) for k, t in rep_context(c, r)["tables"].items()]
    return plan.plan.locale, c.L["growth"], out


def mismatches(locale: str, rate: str, where: str, table) -> list[str]:
    """Columns whose shown rows do not add up to the shown total (growth rates are not sums)."""
    bad = []
    if not table.total:
        return bad
    for i, numeric in enumerate(table.numeric):
        if table.columns[i] == rate:
            continue
        total = shown_number(table.total[i], locale) if numeric else None
        cells = [shown_number(r[i], locale) for r in table.rows]
        if total is None or any(c is None for c in cells):
            continue
        if sum(cells) != total:
            bad.append(f"{where} column {table.columns[i]!r}: {sum(cells)} shown as {total}")
    return bad


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def it_shows_tables_whose_rows_add_up_to_their_total(path) -> None:
    """Displayed parts add up to the displayed total in every summed column (amounts, counts, shares)."""
    locale, rate, tables = tables_of(path)
    bad = [m for where, t in tables for m in mismatches(locale, rate, where, t)]
    assert not bad, "\n".join(bad)


def it_labels_the_quarters_of_a_july_to_june_plan_alike_in_the_documents_and_the_cli(make_plan, plan_from):
    """Jul 2027-Jun 2028: the Word plan's quarter table, its chart and `decompose --by quarter` all say
    2027 Q3, 2027 Q4, 2028 Q1, 2028 Q2 (the documents said Q3 Q4 Q1 Q2: which year's Q1?)."""
    from plangen.present import tables
    plan = plan_from(make_plan(**{"plan.period": {"start": "2027-07", "months": 12}}))
    d = decompose(plan)
    ctx = build_context(plan, d)
    cli = [r.label for r in tables.view("quarter", plan, d, tables.formatter(plan)).rows]
    assert cli == ["2027 Q3", "2027 Q4", "2028 Q1", "2028 Q2"]
    assert [row[0] for row in ctx["tables"]["quarters"].rows] == cli
    assert list(ctx["charts"]["quarters"].categories) == cli
