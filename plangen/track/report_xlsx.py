"""The progress as a workbook: exact amounts, attainment and totals as formulas, one sheet per view."""
from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import replace

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..decompose.result import Decomposition
from ..model.schema import Plan
from plangen.present.labels import labels
from .progress import Line, Progress
from .progress import status_of
from plangen.present.cells import as_text
from plangen.render.xlsx.clean import font_order

AMOUNT, SHARE = "#,##0", "0.0%"
BOLD = Font(bold=True)
BEHIND = Font(bold=True, color="C0392B")


def render_report_xlsx(plan: Plan, d: Decomposition, p: Progress) -> bytes:
    """The workbook as .xlsx bytes."""
    L = labels(plan.plan.locale)
    wb = Workbook()
    months_sheet(wb.active, L, d, p)
    quarters_sheet(wb.create_sheet(L["quarter"][:31]), L, d, p)
    if p.weeks:
        weeks_sheet(wb.create_sheet(L["week"][:31]), L, p)
    if p.reps:
        rest = (replace(p.unassigned, label=L["no_rep"]),) if p.unassigned else ()
        lines_sheet(wb.create_sheet(L["rep"][:31]), L, L["rep"], p.reps + rest)
    for dim, lines in p.dimensions.items():
        lines_sheet(wb.create_sheet((L[dim] if dim in L else dim)[:31]), L, L[dim] if dim in L else dim, lines)
    out = io.BytesIO()
    wb.save(out)
    return font_order(out.getvalue())


def header(ws: Worksheet, cells: Sequence[str]) -> None:
    """A bold header row, frozen, with widths that fit it."""
    ws.append(list(cells))
    for i, text in enumerate(cells, start=1):
        as_text(ws.cell(1, i)).font = BOLD
        ws.column_dimensions[get_column_letter(i)].width = max(12, min(40, 2 * len(str(text)) + 2))
    ws.freeze_panes = "A2"


def formats(ws: Worksheet, first: int, last: int, columns: dict[int, str]) -> None:
    """Number formats for the given columns of rows first..last."""
    for r in range(first, last + 1):
        for col, fmt in columns.items():
            ws.cell(r, col).number_format = fmt


def total_row(ws: Worksheet, label: str, sums: Sequence[int], last: int, extra: dict[int, str]) -> int:
    """A bold total row: SUM formulas over rows 2..last in the `sums` columns, plus `extra` formulas."""
    row = last + 1
    as_text(ws.cell(row, 1, label))
    for col in sums:
        letter = get_column_letter(col)
        ws.cell(row, col, f"=SUM({letter}2:{letter}{last})")
    for col, formula in extra.items():
        ws.cell(row, col, formula.format(r=row))
    for c in ws[row]:
        c.font = BOLD
    return row


def ratio(num: str, den: str) -> str:
    """A division formula that stays empty when the denominator is 0 or empty."""
    return f'=IF(N({den})=0,"",IF({num}="","",{num}/{den}))'


def months_sheet(ws: Worksheet, L, d: Decomposition, p: Progress) -> None:
    """Plan and actual per month, attainment and cumulatives as formulas."""
    ws.title = L["month"][:31]
    header(ws, [L["month"], L["plan"], L["actual"], L["achievement"], L["cumulative_plan"], L["cumulative_actual"]])
    for m in p.months:
        r = m.index + 2
        ws.append([d.months[m.index].key, m.plan, m.actual, ratio(f"C{r}", f"B{r}"), f"=SUM(B$2:B{r})",
                   f'=IF(C{r}="","",SUM(C$2:C{r}))'])
    last = len(p.months) + 1
    row = total_row(ws, L["total"], (2, 3), last, {4: ratio("C{r}", "B{r}")})
    formats(ws, 2, row, {2: AMOUNT, 3: AMOUNT, 4: SHARE, 5: AMOUNT, 6: AMOUNT})


def weeks_sheet(ws: Worksheet, L, p: Progress) -> None:
    """Plan and actual per ISO week (weekly actuals), attainment and cumulatives as formulas."""
    header(ws, [L["week"], L["plan"], L["actual"], L["achievement"], L["cumulative_plan"], L["cumulative_actual"]])
    for r, w in enumerate(p.weeks, start=2):
        ws.append([f"{w.iso_year}-W{w.iso_week:02d}", w.plan, w.actual, ratio(f"C{r}", f"B{r}"), f"=SUM(B$2:B{r})",
                   f'=IF(C{r}="","",SUM(C$2:C{r}))'])
    row = total_row(ws, L["total"], (2, 3), len(p.weeks) + 1, {4: ratio("C{r}", "B{r}")})
    formats(ws, 2, row, {2: AMOUNT, 3: AMOUNT, 4: SHARE, 5: AMOUNT, 6: AMOUNT})


def quarters_sheet(ws: Worksheet, L, d: Decomposition, p: Progress) -> None:
    """Plan and actual per quarter."""
    header(ws, [L["quarter"], L["plan"], L["actual"], L["achievement"], L["time_elapsed"]])
    for q in p.quarters:
        r = q.index + 2
        ws.append([d.quarters[q.index].key, q.plan, q.actual if q.months_elapsed else None,
                   ratio(f"C{r}", f"B{r}"), q.months_elapsed / q.months])
    last = len(p.quarters) + 1
    row = total_row(ws, L["total"], (2, 3), last, {4: ratio("C{r}", "B{r}")})
    ws.cell(row, 5, float(p.elapsed))
    formats(ws, 2, row, {2: AMOUNT, 3: AMOUNT, 4: SHARE, 5: SHARE})


def lines_sheet(ws: Worksheet, L, name: str, lines: Sequence[Line]) -> None:
    """Tracked lines (reps or split values): to date, the three forecasts, the gap, the need, the status in words."""
    header(ws, [name, L["target"], L["plan_to_date"], L["actual_to_date"], L["attainment_period"],
                L["attainment_to_date"], L["time_elapsed"], L["forecast_plan_weighted"], L["run_rate"],
                L["forecast_trend"], L["gap_to_plan"], L["needed_next_month"], L["needed_per_week"], L["status"]])
    for i, x in enumerate(lines, start=2):
        ws.append([x.label, x.target, x.plan_to_date, x.actual, ratio(f"D{i}", f"B{i}"), ratio(f"D{i}", f"C{i}"),
                   float(x.elapsed), x.forecast, x.run_rate, x.trend, f"=C{i}-D{i}",
                   x.needed_by_month[0] if x.needed_by_month else 0, x.needed_per_week, L[status_of(x)]])
        if x.behind:
            ws.cell(i, 14).font = BEHIND
        as_text(ws.cell(i, 1))
    last = ws.max_row
    row = total_row(ws, L["total"], (2, 3, 4, 11), last,
                    {5: ratio("D{r}", "B{r}"), 6: ratio("D{r}", "C{r}")})
    formats(ws, 2, row, {2: AMOUNT, 3: AMOUNT, 4: AMOUNT, 5: SHARE, 6: SHARE, 7: SHARE, 8: AMOUNT, 9: AMOUNT,
                         10: AMOUNT, 11: AMOUNT, 12: AMOUNT, 13: AMOUNT})
