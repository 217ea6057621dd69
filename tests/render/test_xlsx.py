"""The Excel export: one sheet per level, exact amounts, totals and row sums as =SUM formulas."""
from __future__ import annotations

import io
import re

import openpyxl
import pytest
from click.testing import CliRunner

from plangen.cli import cli
from plangen.decompose import decompose
from plangen.model import load
from plangen.render.xlsx.workbook import to_bytes
from office_audit import audit_errors

SUM = re.compile(r"^=SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)$")


@pytest.fixture(scope="module")
def wb(zh_lone_starter, plan_from):
    """The zh sample's workbook (华北's only rep from April: a gap row), saved and opened again."""
    plan = plan_from(zh_lone_starter)
    return openpyxl.load_workbook(io.BytesIO(to_bytes(plan, decompose(plan))))


def evaluate(ws, value):
    """A cell's value, computing =SUM(A1:B2) formulas (recursively) the way Excel would."""
    if not isinstance(value, str) or not value.startswith("="):
        return value
    c1, r1, c2, r2 = SUM.match(value).groups()
    cells = ws[f"{c1}{r1}:{c2}{r2}"]
    return sum(evaluate(ws, c.value) or 0 for row in cells for c in row)


def total_row(ws):
    """The last row's values."""
    return [c.value for c in ws[ws.max_row]]


def it_has_one_sheet_per_level(wb):
    assert wb.sheetnames == ["quarters", "months", "weeks", "days", "thirds", "product_line", "region",
                             "customer_type", "reps", "budget"]


def it_sums_quarters_with_a_formula_over_the_item_rows(wb):
    """The Word plan's columns in its order; the growth of the totals is a value (10,000万 / 8,333万 - 1)."""
    ws = wb["quarters"]
    assert [c.value for c in ws[1]] == ["季度", "目标（元）", "去年（元）", "增长率", "占比", "工作日天数"]
    assert [ws.cell(r, 2).value for r in range(2, 6)] == [20000000, 25000000, 30000000, 25000000]
    last = total_row(ws)
    assert last[:3] == ["合计", "=SUM(B2:B5)", "=SUM(C2:C5)"] and last[4:] == ["=SUM(E2:E5)", "=SUM(F2:F5)"]
    assert last[3] == pytest.approx(100_000_000 / 83_330_000 - 1)
    assert evaluate(ws, ws["B6"].value) == 100_000_000


def it_formats_amounts_shares_and_dates(wb):
    assert wb["quarters"]["B2"].number_format == "#,##0"
    assert wb["quarters"]["D2"].number_format == "0.0%" and wb["quarters"]["E2"].number_format == "0.0%"
    assert wb["reps"]["C5"].number_format == "yyyy-mm-dd"


def it_sums_each_rep_row_over_its_quarters_and_counts_the_gap_in_the_total(wb):
    ws = wb["reps"]
    header = [c.value for c in ws[1]]
    assert header[4:8] == ["Q1", "Q2", "Q3", "Q4"] and header[8] == "合计（元）"
    assert ws["I2"].value == "=SUM(E2:H2)"
    assert ws["A6"].value == "缺口（未分配）" and ws["E6"].value == 5_000_000 and ws["F6"].value == 3_120_000
    assert ws["I7"].value == "=SUM(I2:I6)"
    assert evaluate(ws, ws["I7"].value) == 100_000_000
    assert evaluate(ws, ws["I5"].value) == 16_880_000


@pytest.mark.parametrize("sheet, total", [("months", 100_000_000), ("weeks", 100_000_000), ("days", 100_000_000),
                                          ("thirds", 100_000_000), ("region", 100_000_000),
                                          ("budget", 8_000_000)])
def it_totals_every_sheet_exactly(wb, sheet, total):
    ws = wb[sheet]
    last = total_row(ws)
    assert last[0] == "合计"
    formulas = [v for v in last if isinstance(v, str) and v.startswith("=")]
    assert all(SUM.match(f).group(2) == "2" and int(SUM.match(f).group(4)) == ws.max_row - 1 for f in formulas)
    amount = next(i for i, c in enumerate(ws[1]) if "（元）" in c.value and "旬" not in c.value)  # not a third
    assert evaluate(ws, last[amount]) == total


def it_sums_thirds_into_their_month(wb):
    ws = wb["thirds"]
    assert ws["E2"].value == "=SUM(B2:D2)"
    assert evaluate(ws, ws["E2"].value) == 6_780_000


def it_is_written_by_the_cli_to_the_named_file(samples_dir, tmp_path):
    out = tmp_path / "plan.xlsx"
    result = CliRunner().invoke(cli, ["decompose", str(samples_dir / "zh-annual-plan.yaml"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert openpyxl.load_workbook(out).sheetnames[0] == "quarters"


def it_names_sheets_validly_and_uniquely(make_plan, plan_from):
    plan = plan_from(make_plan(**{"targets.split": {"a/b:c": {"x": "50%", "y": "50%"}, "reps": {"x": 2, "y": 1}}}))
    names = openpyxl.load_workbook(io.BytesIO(to_bytes(plan, decompose(plan)))).sheetnames
    assert "a_b_c" in names and "reps" in names and "reps (2)" in names


def it_opens_in_excel_without_repair(samples_dir, tmp_path):
    """openxml-audit finds no error in the decomposition workbook (font children in schema order)."""
    path = tmp_path / "plan.xlsx"
    path.write_bytes(to_bytes(*_plan_and_decomposition(samples_dir)))
    assert audit_errors(path) == ""


def _plan_and_decomposition(samples_dir):
    plan = load(samples_dir / "zh-annual-plan.yaml")
    return plan, decompose(plan)


def it_writes_the_days_as_excel_dates_that_sort_and_filter(tmp_path, samples_dir):
    """`decompose --format xlsx`: the days sheet's first column holds dates (openpyxl reads datetime), amounts numbers."""
    import datetime as dt
    out = tmp_path / "plan.xlsx"
    result = CliRunner().invoke(cli, ["decompose", str(samples_dir / "zh-annual-plan.yaml"), "--format", "xlsx",
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(out)["days"]
    first = ws["A2"]
    assert first.value == dt.datetime(2027, 1, 4) and first.number_format == "yyyy-mm-dd"
    assert all(isinstance(r[0].value, dt.datetime) and isinstance(r[1].value, int) for r in ws.iter_rows(2, ws.max_row - 1))
    assert ws.cell(ws.max_row, 1).value == "合计"
