"""Hostile inputs (issue 15): each defect of the attack run as a behaviour that held it off.

Every test here failed before its fix; the issue's numbers are in the section headings.
"""
from __future__ import annotations

import csv
import io
import zipfile

import openpyxl
import pytest
from click.testing import CliRunner

from plangen.cli import cli
from plangen.decompose import decompose
from plangen.render import tables
from plangen.render.cells import csv_text
from plangen.render.xlsx import to_bytes

HYPERLINK = '=HYPERLINK("http://x","y")'


@pytest.fixture
def formula_plan(make_plan, plan_from):
    """A plan whose region and rep are named like formulas."""
    return plan_from(make_plan(**{"targets.split": {"region": {"=1+1": "50%", "South": "rest"}},
                                  "team.reps": [{"id": "+r1", "name": HYPERLINK, "region": "=1+1"},
                                                {"id": "r2", "name": "Bob", "region": "South"}],
                                  "crm.customers": []}))


# -- 1. formula injection -----------------------------------------------------------------------

def it_stores_formula_like_labels_in_the_workbook_as_text(formula_plan):
    """`=1+1` as a region and `=HYPERLINK(..)` as a rep are string cells; the SUM totals stay formulas."""
    wb = openpyxl.load_workbook(io.BytesIO(to_bytes(formula_plan, decompose(formula_plan))))
    assert (wb["region"]["A2"].value, wb["region"]["A2"].data_type) == ("=1+1", "s")
    labels = {c.value: c.data_type for row in wb["reps"].iter_rows(max_col=2) for c in row}
    assert labels[HYPERLINK] == "s" and labels["=1+1"] == "s"
    last = wb["region"].max_row
    assert wb["region"][f"B{last}"].data_type == "f" and wb["region"][f"B{last}"].value.startswith("=SUM(")


def it_prefixes_formula_like_csv_fields_with_an_apostrophe(formula_plan):
    """The OWASP rule: a field starting with = + - @ tab or CR gets a leading ' ; numbers do not."""
    d = decompose(formula_plan)
    fmt = tables.formatter(formula_plan)
    rows = list(csv.reader(io.StringIO(tables.to_csv(tables.view("region", formula_plan, d, fmt)))))
    assert rows[1][0] == "'=1+1"


@pytest.mark.parametrize("field, written", [
    ("=1+1", "'=1+1"), ("+A1", "'+A1"), ("+1", "+1"), ("@A1", "'@A1"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("-x", "'-x"),
    ("-1200", "-1200"), ("-0.25", "-0.25"), ("South", "South"), ("", ""),
])
def it_escapes_exactly_the_formula_like_csv_fields(field, written):
    assert csv_text(field) == written


def it_keeps_formula_like_labels_text_in_the_progress_workbook(formula_plan, tmp_path):
    """The track workbook: the rep named =HYPERLINK(..) and the region =1+1 are string cells."""
    from plangen.track import read_actuals, track
    from plangen.track.report_xlsx import render_report_xlsx
    actuals = tmp_path / "a.csv"
    actuals.write_text("month,rep,region,amount\n2027-01,r2,South,1000\n", encoding="utf-8")
    d = decompose(formula_plan)
    data = render_report_xlsx(formula_plan, d, track(formula_plan, d, read_actuals(actuals, formula_plan)))
    wb = openpyxl.load_workbook(io.BytesIO(data))
    found = {c.value: c.data_type for ws in wb for c in ws["A"]}
    assert found[HYPERLINK] == "s" and found["=1+1"] == "s"
