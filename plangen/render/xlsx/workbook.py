"""The decomposition as an Excel workbook: one sheet per level, exact amounts, totals as formulas."""
from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from plangen.decompose.result import Decomposition
from plangen.model.schema import Plan
from plangen.present.cells import as_text
from plangen.render.xlsx.clean import font_order
from plangen.present.tables import (AMOUNT, COUNT, DATE, RAMP, SHARE, SPAN, Column, Row, Table, by_budget, by_day,
                                    by_dimension, by_month, by_quarter, by_rep, by_third, by_week, cell, formatter)

NUMBER_FORMATS = {AMOUNT: "#,##0", COUNT: "#,##0", SHARE: "0.0%", DATE: "yyyy-mm-dd"}
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
BOLD = Font(bold=True)


def sheets(plan: Plan, d: Decomposition) -> list[tuple[str, Table]]:
    """(sheet name, view) for every level: time, each split dimension, reps, budget."""
    fmt = formatter(plan, None)  # exact currency units: headers say 元 / USD, cells hold integers
    out = [("quarters", by_quarter(plan, d, fmt)), ("months", by_month(plan, d, fmt)),
           ("weeks", by_week(plan, d, fmt)), ("days", by_day(plan, d, fmt)), ("thirds", by_third(plan, d, fmt))]
    out += [(name, by_dimension(name, plan, d, fmt)) for name in d.splits]
    if d.reps:
        out.append(("reps", by_rep(plan, d, fmt)))
    if d.budget is not None:
        out.append(("budget", by_budget(plan, d, fmt)))
    return out


def workbook(plan: Plan, d: Decomposition) -> Workbook:
    """A workbook with one sheet per level."""
    wb = Workbook()
    wb.remove(wb.active)
    wb.calculation.fullCalcOnLoad = True  # formulas carry no cached values: compute them on opening
    used: set[str] = set()
    for name, table in sheets(plan, d):
        write_sheet(wb.create_sheet(_sheet_name(name, used)), table, plan)
    return wb


def to_bytes(plan: Plan, d: Decomposition) -> bytes:
    """The workbook as .xlsx bytes."""
    buf = io.BytesIO()
    workbook(plan, d).save(buf)
    return font_order(buf.getvalue())


def _sheet_name(name: str, used: set[str]) -> str:
    """A valid, unique sheet name (at most 31 characters, none of []:*?/\\)."""
    base = _BAD_SHEET_CHARS.sub("_", name)[:31] or "sheet"
    out, n = base, 2
    while out.lower() in used:
        suffix = f" ({n})"
        out, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(out.lower())
    return out


def write_sheet(ws: Worksheet, table: Table, plan: Plan) -> None:
    """Header row, one row per item, a bold total row of =SUM formulas."""
    columns = [c for c in table.columns if c.shown]
    ws.append([table.key.header, *(c.header for c in columns)])
    for c in ws[1]:
        as_text(c).font = BOLD
    first, last = 2, 1 + len(table.rows)
    for n, row in enumerate(table.rows, start=first):
        _write_row(ws, n, table, columns, row, plan)
    if table.total:
        _write_total(ws, last + 1, table.total.label, columns, first, last)
    ws.freeze_panes = "B2"
    _widths(ws, len(columns) + 1)


def _write_row(ws: Worksheet, n: int, table: Table, columns: Sequence[Column], row: Row, plan: Plan) -> None:
    """One item: label, values, and a row formula where a column is the sum of others."""
    positions = {c.key: i for i, c in enumerate(columns, start=2)}
    _write_label(ws.cell(n, 1), table.key, row)
    as_text(ws.cell(n, 1))  # a text label is text, never a formula
    for i, col in enumerate(columns, start=2):
        value = row.values[table.index(col.key)]
        if col.row_sum and value is not None:
            target = ws.cell(n, i, _row_sum(n, [positions[k] for k in col.row_sum]))
        else:
            target = as_text(ws.cell(n, i, _excel_value(col.kind, value, plan)))
        if col.kind in NUMBER_FORMATS:
            target.number_format = NUMBER_FORMATS[col.kind]


def _write_label(target, key: Column, row: Row) -> None:
    """The row's label; in a date-keyed sheet (days) an Excel date that sorts and filters."""
    if key.kind == DATE and row.kind == "item":
        target.value = dt.date.fromisoformat(row.key)
        target.number_format = NUMBER_FORMATS[DATE]
    else:
        target.value = row.label


def _write_total(ws: Worksheet, n: int, label: str, columns: Sequence[Column], first: int, last: int) -> None:
    """The total row: =SUM over the item rows of every summed column."""
    as_text(ws.cell(n, 1, label)).font = BOLD
    for i, col in enumerate(columns, start=2):
        if not col.summed:
            continue
        letter = get_column_letter(i)
        target = ws.cell(n, i, f"=SUM({letter}{first}:{letter}{last})")
        target.font = BOLD
        target.number_format = NUMBER_FORMATS[col.kind]


def _row_sum(n: int, positions: Sequence[int]) -> str:
    """=SUM(C2:F2) over adjacent columns of row `n`, =SUM(C2,E2) otherwise."""
    cells = [f"{get_column_letter(i)}{n}" for i in positions]
    adjacent = list(positions) == list(range(positions[0], positions[0] + len(positions)))
    return f"=SUM({cells[0]}:{cells[-1]})" if adjacent else f"=SUM({','.join(cells)})"


def _excel_value(kind: str, value: object, plan: Plan) -> object:
    """A value as Excel stores it: numbers and dates native, shares as floats, the rest as text."""
    if value is None or isinstance(value, str):
        return value
    if kind == SHARE:
        return float(value)
    if kind in (SPAN, RAMP):
        return cell(kind, value, formatter(plan))
    return value


def _widths(ws: Worksheet, n: int) -> None:
    """Column widths that fit the header and values (CJK characters count double)."""
    for i in range(1, n + 1):
        letter = get_column_letter(i)
        longest = max((_text_width(c.value) for c in ws[letter]), default=8)
        ws.column_dimensions[letter].width = min(max(10, longest + 2), 60)


def _text_width(value: object) -> int:
    """Approximate display width of a cell value."""
    if value is None:
        return 0
    text = f"{value:,}" if isinstance(value, int) else str(value)
    if text.startswith("="):
        return 12
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
