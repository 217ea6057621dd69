"""Incentives in the documents: the annual plan's rules, a rep's bands in money, the progress report's appraisal."""
from __future__ import annotations

import io
from pathlib import Path

import docx
import openpyxl
import pytest
from click.testing import CliRunner

from plangen.cli import cli
from plangen.decompose import decompose
from plangen.present.context import Ctx, build_context
from plangen.present.ctx.rep import rep_context
from plangen.render.docx.plan import render_plan_docx
from plangen.render.docx.rep import render_rep_docx
from plangen.render.template_set import TemplateSet
from plangen.track import read_actuals, track
from plangen.track.render import render_files, report_context
from office_audit import audit_errors
from test_incentives import ACTUALS, RULES

EQUAL = {"targets.phasing": {"method": "equal", "quarters": None}}


@pytest.fixture
def plan(make_plan, plan_from):
    """12M over 12 equal months; Ann and Bob carry 500k a month each; the seed's four bands."""
    return plan_from(make_plan({**EQUAL, "incentives": RULES}))


def rows(table) -> list[tuple[str, ...]]:
    """A report table's rows, then its total row."""
    return [*table.rows, table.total]


def paragraphs(data: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


def plan_doc(plan) -> bytes:
    return render_plan_docx(build_context(plan, decompose(plan)), TemplateSet())


def rep_doc(plan, index: int = 0) -> bytes:
    d = decompose(plan)
    return render_rep_docx(build_context(plan, d), rep_context(Ctx(plan, d), d.reps[index]), TemplateSet())


def report(plan, tmp_path: Path, text: str = ACTUALS) -> dict:
    (tmp_path / "actuals.csv").write_text(text, encoding="utf-8")
    d = decompose(plan)
    p = track(plan, d, read_actuals(tmp_path / "actuals.csv", plan))
    ctx = report_context(plan, d, p)
    return {"ctx": ctx, "files": render_files(plan, d, p, ctx)}


def it_shows_the_rules_in_the_annual_plan_as_a_sentence_and_a_table(plan):
    doc = docx.Document(io.BytesIO(plan_doc(plan)))
    text = [p.text for p in doc.paragraphs]
    at = text.index("Rewards and penalties by attainment")
    assert text[at + 1] == ("At the end of every month, the attainment of that month's target is appraised: the band "
                            "it falls in (each band includes its lower bound, not its upper) sets the month's reward or "
                            "penalty.")
    (table,) = [t for t in doc.tables if t.rows[0].cells[0].text == "Attainment of the month's target"]
    assert [[c.text for c in r.cells] for r in table.rows[1:]] == [
        ["120% or more", "Bonus of $5,000 plus 10% of sales above target", "", ""],
        ["100% to 120%", "2% of sales", "", ""],
        ["80% to 100%", "", "", "No reward"],
        ["Under 80%", "", "Penalty of $1,000", "Talk with the manager"]]


def it_says_attainment_outside_the_bands_brings_nothing(make_plan, plan_from):
    capped = plan_from(make_plan(incentives={"rules": [{"from": "100%", "below": "150%", "bonus": 10}]}))
    assert any(t.endswith("An attainment outside these bands brings neither.") for t in paragraphs(plan_doc(capped)))


def it_says_what_the_rep_s_month_target_means_in_money(plan):
    """Ann's January target is 500,000: 120% is 600,000 and pays 5,000 + 10% x 100,000 = 15,000;
    100% is 500,000 and pays 2% x 500,000 = 10,000; 80% is 400,000."""
    text = paragraphs(rep_doc(plan))
    at = text.index("Rewards and penalties by attainment")
    assert text[at + 1:at + 6] == [
        "You are appraised at the end of every month on your attainment of that month's target. For example, in "
        "Jan 2027 (your target: $500,000):",
        "$600,000 or more (120% of the target): bonus of $5,000 plus 10% of sales above target; at $600,000 you earn "
        "$15,000",
        "$500,000 or more (100% of the target): 2% of sales; at $500,000 you earn $10,000",
        "$400,000 or more (80% of the target): no reward",
        "Below $400,000 (80% of the target): penalty of $1,000; talk with the manager"]


def it_lists_the_sales_each_band_starts_at_month_by_month(plan):
    doc = docx.Document(io.BytesIO(rep_doc(plan)))
    (table,) = [t for t in doc.tables if t.rows[0].cells[-1].text == "80% of target"]
    assert [c.text for c in table.rows[1].cells] == ["Jan", "500,000", "600,000", "500,000", "400,000"]


def it_shows_each_rep_s_month_end_appraisal_in_the_progress_report(plan, tmp_path):
    """To February: Ann 500,000 of 500,000 = 100% -> 2% x 500,000 = 10,000; Bob 450,000 = 90% -> the note band."""
    r = report(plan, tmp_path)
    text = paragraphs(r["files"]["docx"])
    at = text.index("Month-end appraisal, Feb 2027")
    assert text[at + 1:at + 3] == ["100% to 120%: Ann 100.0%; $10,000 in rewards",
                                   "80% to 100%: Bob 90.0%; no reward"]
    assert rows(r["ctx"]["tables"]["track_appraisal"]) == [
        ("Ann", "500,000", "500,000", "100.0%", "100% to 120%", "10,000", "0"),
        ("Bob", "500,000", "450,000", "90.0%", "80% to 100%", "0", "0"),
        ("Total", "1,000,000", "950,000", "95.0%", "", "10,000", "0")]


def it_keeps_every_closed_month_in_the_workbook(plan, tmp_path):
    """January: Ann 125% -> 5,000 + 10% x 125,000 = 17,500; Bob 78% -> penalty 1,000. February as above."""
    r = report(plan, tmp_path)
    ws = openpyxl.load_workbook(io.BytesIO(r["files"]["xlsx"]))["Appraisal"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert [row[:4] + row[5:] for row in rows[:4]] == [
        ["2027-01", "Ann", 500_000, 625_000, "120% or more", 17_500, 0],
        ["2027-01", "Bob", 500_000, 390_000, "under 80%", 0, 1_000],
        ["2027-02", "Ann", 500_000, 500_000, "100% to 120%", 10_000, 0],
        ["2027-02", "Bob", 500_000, 450_000, "80% to 100%", 0, 0]]
    assert rows[4][6:] == ["=SUM(G2:G5)", "=SUM(H2:H5)"]


@pytest.mark.parametrize("locale, title, point", [
    ("zh-CN", "月末考核（2027年2月）", "100%至120%：Ann 100.0%；奖励合计US$10,000"),
    ("zh-TW", "月末考核（2027年2月）", "100%至120%：Ann 100.0%；獎勵合計US$10,000"),
    ("es", "Evaluación de fin de mes, feb 2027", "De 100\u00a0% a 120\u00a0%: Ann 100,0\u00a0%; premios de "
     "10.000\u00a0US$ en total"),
    ("es-MX", "Evaluación de fin de mes, feb 2027", "De 100% a 120%: Ann 100.0%; premios de USD10,000 en total"),
])
def it_says_the_appraisal_in_every_locale(make_plan, plan_from, tmp_path, locale, title, point):
    plan = plan_from(make_plan({**EQUAL, "incentives": RULES, "plan.locale": locale}))
    text = paragraphs(report(plan, tmp_path)["files"]["docx"])
    assert text[text.index(title) + 1] == point


def it_shows_no_incentives_when_the_plan_has_none(make_plan, plan_from, tmp_path):
    plain = plan_from(make_plan(EQUAL))
    assert "Rewards and penalties by attainment" not in paragraphs(plan_doc(plain)) + paragraphs(rep_doc(plain))
    r = report(plain, tmp_path)
    assert not [t for t in paragraphs(r["files"]["docx"]) if t.startswith("Month-end appraisal")]
    assert "Appraisal" not in openpyxl.load_workbook(io.BytesIO(r["files"]["xlsx"])).sheetnames


def it_appraises_the_plan_itself_when_it_has_no_reps(make_plan, plan_from, tmp_path):
    """No reps: the owner's plan, 1M in January; 1,015,000 sold = 101.5% -> 2% x 1,015,000 = 20,300."""
    solo = plan_from(make_plan({**EQUAL, "incentives": RULES, "team": None, "crm": make_plan.DELETE}))
    r = report(solo, tmp_path, "month,amount\n2027-01,1015000\n")
    assert rows(r["ctx"]["tables"]["track_appraisal"])[0][:6] == (
        "Test Manager", "1,000,000", "1,015,000", "101.5%", "100% to 120%", "20,300")


def it_prints_the_appraisal_table_after_the_summary_line(plan, make_plan, to_yaml_text, tmp_path):
    (tmp_path / "plan.yaml").write_text(to_yaml_text(make_plan({**EQUAL, "incentives": RULES})), encoding="utf-8")
    (tmp_path / "actuals.csv").write_text(ACTUALS, encoding="utf-8")
    result = CliRunner().invoke(cli, ["track", str(tmp_path / "plan.yaml"), str(tmp_path / "actuals.csv"),
                                      "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "Month-end appraisal, Feb 2027" in lines[lines.index(next(x for x in lines if "of $12,000,000" in x)) + 1]
    assert any(x.split() == ["Ann", "500,000", "500,000", "100.0%", "100%", "to", "120%", "10,000", "0"]
               for x in lines)


def it_writes_documents_office_opens(plan, tmp_path):
    r = report(plan, tmp_path)
    for ext in ("docx", "xlsx"):
        (tmp_path / f"report.{ext}").write_bytes(r["files"][ext])
        assert audit_errors(tmp_path / f"report.{ext}") == ""
    (tmp_path / "plan.docx").write_bytes(plan_doc(plan))
    (tmp_path / "rep.docx").write_bytes(rep_doc(plan))
    assert audit_errors(tmp_path / "plan.docx") == "" and audit_errors(tmp_path / "rep.docx") == ""


def it_titles_a_quarter_end_appraisal_by_its_quarter(make_plan, plan_from, tmp_path):
    """basis: quarter, actuals to March: Q1 closed; Ann 1,725,000 of 1,500,000 = 115% -> 2% x 1,725,000 = 34,500."""
    plan = plan_from(make_plan({**EQUAL, "incentives": {**RULES, "basis": "quarter"}}))
    r = report(plan, tmp_path, ACTUALS + "2027-03,r1,600000\n2027-03,r2,500000\n")
    text = paragraphs(r["files"]["docx"])
    assert text[text.index("Quarter-end appraisal, Q1") + 1] == "100% to 120%: Ann 115.0%; $34,500 in rewards"


def it_tracks_the_seed_sample_by_week_and_appraises_march(samples_dir, tmp_path):
    """Weekly actuals to 2027-W13 (Sunday 4 April) close January to March; March is appraised. 张伟 is in the
    top band: 5,000 + 4% of his sales above his 1,550,000 target (agreed: blend of top-down and his proposal), rounded half up."""
    from plangen.model import load
    plan = load(samples_dir / "zh-seed-000-plan.yaml")
    d = decompose(plan)
    p = track(plan, d, read_actuals(samples_dir / "zh-seed-000-actuals.csv", plan))
    assert p.months_elapsed == 3 and p.weeks and [a.months for a in p.appraisals] == [(0,), (1,), (2,)]
    zhang = p.appraisals[-1].lines[0].result
    assert (zhang.target, zhang.band.index) == (1_550_000, 0)
    assert zhang.reward == 5000 + (4 * (zhang.actual - zhang.target) + 50) // 100
    result = CliRunner().invoke(cli, ["track", str(samples_dir / "zh-seed-000-plan.yaml"),
                                      str(samples_dir / "zh-seed-000-actuals.csv"), "-o", str(tmp_path)])
    assert result.exit_code == 0 and "月末考核（2027年3月）" in result.output


def it_gives_the_appraisal_a_slide_with_its_points_in_the_notes(plan, tmp_path):
    import pptx
    deck = pptx.Presentation(io.BytesIO(report(plan, tmp_path)["files"]["pptx"]))
    (slide,) = [s for s in deck.slides if s.shapes.title is not None and s.shapes.title.text ==
                "Month-end appraisal, Feb 2027"]
    assert "100% to 120%: Ann 100.0%; $10,000 in rewards" in slide.notes_slide.notes_text_frame.text
