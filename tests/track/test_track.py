"""plangen track: actuals files (errors with file, row and column), hand-computed attainment, the report files."""
from __future__ import annotations

import dataclasses
from fractions import Fraction
import re
from pathlib import Path

import docx
import openpyxl
import pptx
import pytest
from click.testing import CliRunner

from plangen.cli import cli
from plangen.decompose import decompose
from plangen.model import PlanError, load
from plangen.track import read_actuals, track
from office_audit import audit_errors

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"


@pytest.fixture
def plan(make_plan, plan_from):
    """12M over 12 equal months (1M each); reps r1 and r2 carry 500k a month each."""
    return plan_from(make_plan({"targets.phasing": {"method": "equal", "quarters": None}}))


def write(tmp_path: Path, text: str, name: str = "actuals.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


GOOD = """month,rep,amount
2027-01,r1,600000
2027-01,r2,400000
2,r1,600k
2,r2,400k
2027-03,Ann,600000
2027-03,r2,400000
2027-03,,100000
"""


def test_attainment_by_hand(plan, tmp_path):
    d = decompose(plan)
    assert d.revenue.months == (1_000_000,) * 12 and [r.months[0] for r in d.reps] == [500_000, 500_000]
    p = track(plan, d, read_actuals(write(tmp_path, GOOD), plan))
    t = p.total
    assert (p.months_elapsed, p.elapsed) == (3, 0.25)
    assert (t.target, t.plan_to_date, t.actual) == (12_000_000, 3_000_000, 3_100_000)
    assert t.attainment == pytest.approx(3.1 / 12)            # 25.8%
    assert t.attainment_to_date == pytest.approx(3.1 / 3)     # 103.3%
    assert t.run_rate == 12_400_000                           # 3.1M x 12 / 3
    assert p.needed_by_month == (988_889,) * 8 + (988_888,)   # 8.9M by the equal remaining months
    r1, r2 = p.reps
    assert (r1.actual, r1.attainment, r1.behind) == (1_800_000, Fraction(3, 10), False)   # 30% >= 25% elapsed
    assert (r2.actual, r2.attainment, r2.behind) == (1_200_000, Fraction(1, 5), True)    # 20% < 25%
    assert r1.run_rate == 7_200_000 and sorted(r1.needed_by_month) == [466_666] * 3 + [466_667] * 6  # 4.2M / 9
    assert p.no_rep == 100_000
    assert [r.key for r in p.behind] == ["r2"]


def test_months_and_quarters_by_hand(plan, tmp_path):
    p = track(plan, decompose(plan), read_actuals(write(tmp_path, GOOD), plan))
    m = p.months
    assert (m[2].plan, m[2].actual, m[2].cum_plan, m[2].cum_actual) == (1_000_000, 1_100_000, 3_000_000, 3_100_000)
    assert (m[3].actual, m[3].cum_actual, m[3].cum_plan) == (None, None, 4_000_000)
    q1, q2 = p.quarters[:2]
    assert (q1.plan, q1.actual, q1.months_elapsed) == (3_000_000, 3_100_000, 3)
    assert (q2.plan, q2.actual, q2.months_elapsed) == (3_000_000, 0, 0)


def test_as_of_counts_missing_months_as_zero(plan, tmp_path):
    p = track(plan, decompose(plan), read_actuals(write(tmp_path, GOOD), plan), as_of=5)
    assert p.months_elapsed == 6 and p.total.actual == 3_100_000 and p.months[5].actual == 0
    assert p.total.run_rate == 6_200_000                      # 3.1M x 12 / 6


def test_progress_is_immutable(plan, tmp_path):
    p = track(plan, decompose(plan), read_actuals(write(tmp_path, GOOD), plan))
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.total = None  # type: ignore[misc]


def test_dimensions_against_the_split(make_plan, plan_from, tmp_path):
    plan = plan_from(make_plan({"targets.phasing": {"method": "equal", "quarters": None}, "team.reps.0.region": "North",
                                "team.reps.1.region": "South",
                                "targets.split": {"region": {"North": "75%", "South": "25%"}}}))
    text = "month,region,amount\n2027-01,North,900000\n2027-01,South,100000\n"
    p = track(plan, decompose(plan), read_actuals(write(tmp_path, text), plan))
    north, south = p.dimensions["region"]
    assert (north.key, north.target, north.plan_to_date, north.actual) == ("North", 9_000_000, 750_000, 900_000)
    assert north.attainment_to_date == pytest.approx(1.2)
    assert (south.plan_to_date, south.actual) == (250_000, 100_000)


# --- errors name the file, row and column -------------------------------------------------------


def problems(path: Path, plan) -> list[str]:
    with pytest.raises(PlanError) as e:
        read_actuals(path, plan)
    return [str(p) for p in e.value.problems]


def test_bad_rows_are_all_reported_with_row_and_column(plan, tmp_path):
    path = write(tmp_path, "month,rep,amount\n2027-01,r1,100\n2027-02,r99,5\n2026-12,r2,1\n2027-03,r2,abc\n,r1,5\n")
    f = str(path)
    assert problems(path, plan) == [
        f"{f}:3:2: rep: unknown rep 'r99'; expected one of r1, r2",
        f"{f}:4:1: month: month 2026-12 is outside the plan period 2027-01 – 2027-12",
        f"{f}:5:3: amount: expected an amount such as 35000, 3.5万 or 1.2M, found 'abc'",
        f"{f}:6:1: month: expected a month such as 2027-03 or 3, found an empty cell",
    ]


def test_missing_column_names_what_was_found(plan, tmp_path):
    path = write(tmp_path, "month,rep\n1,r1\n")
    [msg] = problems(path, plan)
    assert msg.startswith(f"{path}:1:3: amount: missing column 'amount'") and msg.endswith("found month, rep")


def test_unknown_split_value(make_plan, plan_from, tmp_path):
    plan = plan_from(make_plan({"targets.split": {"region": {"North": "50%", "South": "50%"}},
                                "team.reps.0.region": "North", "team.reps.1.region": "South"}))
    path = write(tmp_path, "month,amount,region\n1,5,East\n")
    assert problems(path, plan) == [f"{path}:2:3: region: unknown region 'East'; expected one of North, South"]


def test_xlsx_rows_and_columns(plan, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["Month", "Amount", "Rep"], ["2027-01", 1000, "r1"], [None, None, None], [3, "x", "r2"]):
        ws.append(row)
    path = tmp_path / "actuals.xlsx"
    wb.save(path)
    assert problems(path, plan) == [f"{path}:4:2: amount: expected an amount such as 35000, 3.5万 or 1.2M, found 'x'"]


def test_cli_exits_2_and_writes_nothing(tmp_path):
    bad = write(tmp_path, "month,rep,amount\n2027-01,r01,100万\n2027-02,r99,5万\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["track", str(SAMPLES / "zh-annual-plan.yaml"), str(bad), "-o", str(out)])
    assert result.exit_code == 2
    assert f"{bad}:3:2: rep: unknown rep 'r99'; expected one of r01, r02, r03, r04" in result.output
    assert not out.exists()


# --- the report files ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The zh sample's report, made through the CLI."""
    out = tmp_path_factory.mktemp("track")
    result = CliRunner().invoke(cli, ["track", str(SAMPLES / "zh-annual-plan.yaml"),
                                      str(SAMPLES / "zh-annual-actuals.csv"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_sample_actuals_track_by_hand_totals():
    plan = load(SAMPLES / "zh-annual-plan.yaml")
    p = track(plan, decompose(plan), read_actuals(SAMPLES / "zh-annual-actuals.csv", plan))
    assert (p.months_elapsed, p.total.target, p.total.plan_to_date) == (9, 100_000_000, 75_000_000)
    assert 0 < p.total.actual < p.total.plan_to_date
    assert {r.key for r in p.behind} == {"r02", "r04", "r05"}  # 华北 sold 1,519万 of 1,874万 to date
    assert {r.key for r in p.reps if not r.behind} == {"r01", "r03"}


def test_report_docx_has_tables_and_charts(report):
    doc = docx.Document(str(report / "zh-annual-plan-progress.docx"))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "销售进度报告" in text and "落后于进度" in text
    assert len(doc.tables) >= 5
    assert len(doc.inline_shapes) == 3
    assert audit_errors(report / "zh-annual-plan-progress.docx") == ""


def test_report_pptx_has_slides_with_charts(report):
    prs = pptx.Presentation(str(report / "zh-annual-plan-progress.pptx"))
    assert len(prs.slides) >= 6
    charts = [s for slide in prs.slides for s in slide.shapes if s.has_chart]
    tables = [s for slide in prs.slides for s in slide.shapes if s.has_table]
    assert len(charts) == 3 and tables
    assert audit_errors(report / "zh-annual-plan-progress.pptx") == ""


def test_report_xlsx_has_exact_amounts_and_formulas(report):
    wb = openpyxl.load_workbook(report / "zh-annual-plan-progress.xlsx")
    ws = wb.worksheets[0]
    assert ws["A2"].value == "2027-01" and isinstance(ws["B2"].value, int)
    assert ws["B14"].value == "=SUM(B2:B13)" and ws["C14"].value == "=SUM(C2:C13)"
    assert ws["C11"].value is None                             # October: not tracked yet
    assert len(wb.worksheets) >= 3
    assert audit_errors(report / "zh-annual-plan-progress.xlsx") == ""


# --- the en and es samples: locale-correct reports ----------------------------------------------


def _cli_report(tmp_path_factory, plan: str, actuals: str) -> Path:
    """A sample's report made through the CLI (exit code 0)."""
    out = tmp_path_factory.mktemp(plan.split("-")[0])
    result = CliRunner().invoke(cli, ["track", str(SAMPLES / plan), str(SAMPLES / actuals), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def en_report(tmp_path_factory):
    return _cli_report(tmp_path_factory, "en-half-year-plan.yaml", "en-half-year-actuals.csv")


@pytest.fixture(scope="module")
def es_report(tmp_path_factory):
    return _cli_report(tmp_path_factory, "es-regional-plan.yaml", "es-regional-actuals.xlsx")


def _docx_text(path: Path) -> str:
    doc = docx.Document(str(path))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def _pptx_text(path: Path) -> str:
    prs = pptx.Presentation(str(path))
    out = []
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                out.append(shape.text_frame.text)
            if shape.has_table:
                out += [c.text for row in shape.table.rows for c in row.cells]
    return "\n".join(out)


def _no_chinese(text: str) -> bool:
    return not any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_sample_actuals_en_and_es_have_reps_ahead_and_behind():
    for plan_file, actuals_file in (("en-half-year-plan.yaml", "en-half-year-actuals.csv"),
                                    ("es-regional-plan.yaml", "es-regional-actuals.xlsx")):
        plan = load(SAMPLES / plan_file)
        actuals = read_actuals(SAMPLES / actuals_file, plan)
        assert {"rep", "region"} <= set(actuals.columns)          # English / Spanish headers recognised
        p = track(plan, decompose(plan), actuals)
        assert p.behind and len(p.behind) < len(p.reps)


def test_en_report_docx_and_deck(en_report):
    text = _docx_text(en_report / "en-half-year-plan-progress.docx")
    assert "Sales progress report" in text and "Actuals to Oct 2027" in text and "Behind plan: " in text
    assert "\nJul\n" in text and "Progress by region" in text and _no_chinese(text)
    deck = _pptx_text(en_report / "en-half-year-plan-progress.pptx")
    assert "Q3" in deck and "Q4" in deck and "On track" in deck and _no_chinese(deck)
    for ext in ("docx", "pptx", "xlsx"):
        assert audit_errors(en_report / f"en-half-year-plan-progress.{ext}") == ""


def test_es_report_docx_and_deck(es_report):
    text = _docx_text(es_report / "es-regional-plan-progress.docx")
    assert "Informe de avance de ventas" in text and "Por detrás del plan" in text and "Avance por región" in text
    assert re.search(r"\d,\d\s%", text)                         # decimal comma: 69,0 %
    assert re.search(r"\d\.\d{3}\sk\s€", text)                  # grouping dot: 6.800 k €
    assert _no_chinese(text)
    deck = _pptx_text(es_report / "es-regional-plan-progress.pptx")
    assert "T3" in deck and "En línea" in deck and _no_chinese(deck)
    for ext in ("docx", "pptx", "xlsx"):
        assert audit_errors(es_report / f"es-regional-plan-progress.{ext}") == ""


def test_behind_plan_follows_the_phasing_not_the_time(make_plan, plan_from, tmp_path):
    """A back-loaded plan: on plan to date while the share of the target is below the time elapsed."""
    plan = plan_from(make_plan({"targets.phasing": {"quarters": ["10%", "20%", "30%", "40%"]}}))
    d = decompose(plan)
    rows = "".join(f"{i + 1},{r.id},{r.months[i]}\n" for r in d.reps for i in range(6))
    p = track(plan, d, read_actuals(write(tmp_path, "month,rep,amount\n" + rows), plan))
    assert p.total.attainment < p.elapsed and not p.behind       # 30% of the target after 50% of the time
    assert p.unassigned is None


def test_spanish_headers_and_numbers_in_a_csv(make_plan, plan_from, tmp_path):
    plan = plan_from(make_plan({"plan.locale": "es"}))
    text = "Mes;Comercial;Importe\n2027-01;r1;48.250\n2027-01;r2;1.234,50\n02/2027;r1;3,5k\n"
    a = read_actuals(write(tmp_path, text), plan)
    assert [(r.month, r.rep, r.amount) for r in a.rows] == [(0, "r1", 48_250), (0, "r2", 1_235), (1, "r1", 3_500)]


def test_unassigned_line_adds_the_reps_up_to_the_total(tmp_path):
    plan = load(SAMPLES / "en-half-year-plan.yaml")
    p = track(plan, decompose(plan), read_actuals(SAMPLES / "en-half-year-actuals.csv", plan))
    rest = p.unassigned
    assert rest is not None and rest.actual == p.no_rep > 0
    assert sum(r.target for r in p.reps) + rest.target == p.total.target
    assert sum(r.plan_to_date for r in p.reps) + rest.plan_to_date == p.total.plan_to_date
