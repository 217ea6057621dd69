"""The Word annual plan: cover, filled TOC, numbered headings in order, tables, captions, charts, fonts, escaping."""
from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from plangen.decompose import decompose
from plangen.model import load
from plangen.present.context import build_context
from plangen.render.docx.plan import render_plan_docx
from plangen.render.docx.table import column_widths, fold
from plangen.render.docx.text import paragraphs
from plangen.render.docx.toc import heading_numbers
from plangen.render.jinja import TemplateProblem
from plangen.render.template_set import TemplateSet
from plangen.present.values import Table

ROOT = Path(__file__).resolve().parents[2]
from office_audit import audit_errors  # noqa: E402
OFFICE_CHECK = Path("/work/shared/tools/office-check")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def render(plan) -> docx.document.Document:
    """The annual plan of a Plan, opened with python-docx (dated as `plangen build` would on 2026-12-01)."""
    ctx = build_context(plan, decompose(plan), dt.date(2026, 12, 1))
    return docx.Document(io.BytesIO(render_plan_docx(ctx, TemplateSet())))


@pytest.fixture(scope="module")
def zh():
    return render(load(ROOT / "samples" / "zh-annual-plan.yaml"))


@pytest.fixture(scope="module")
def en(plan_from, make_plan):
    return render(plan_from(make_plan()))


def headings(doc) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]


def table_titled(doc, caption: str):
    """The table right after the caption paragraph whose text ends with `caption`."""
    body = list(doc.element.body)
    for i, node in enumerate(body):
        if node.tag == f"{W}p" and "".join(node.itertext()).endswith(caption) and body[i + 1].tag == f"{W}tbl":
            return docx.table.Table(body[i + 1], doc._body)
    raise AssertionError(f"no table captioned {caption!r}")


def number(text: str) -> float:
    return float(re.sub(r"[^\d.\-]", "", text))


def test_cover_shows_title_organisation_owner_period_and_date(zh):
    first = [p.text for p in zh.paragraphs[:8]]
    assert first[0] == "销售经理明年工作计划" and zh.paragraphs[0].style.name == "Cover Title"
    assert "华东事业部" in first and any("王经理" in t for t in first)
    assert "1亿元" in first and "销售目标，较去年增长20.0%" in first  # the headline target: 10,000万 reads 1亿元
    assert any("2027年1月1日 – 2027年12月31日" in t for t in first) and "日期：2026年12月1日" in first
    assert zh.sections[0].different_first_page_header_footer


def test_sections_come_in_order_numbered_and_left_out_without_data(zh, plan_from, make_plan):
    top = [t for s, t in headings(zh) if s == "Heading 1"]
    assert top == ["销售目标", "市场分析", "产品策略", "销售策略", "销售团队管理", "客户关系管理", "销售预测与监控",
                   "预算", "任务分解", "附录"]
    bare = render(plan_from(make_plan()))
    names = [t for s, t in headings(bare) if s == "Heading 1"]
    assert "Market analysis" not in names and "Product strategy" not in names and "Sales strategy" not in names
    assert names[0] == "Sales targets" and names[-1] == "Appendix"
    assert all(p.text.strip() for p in bare.paragraphs if p.style.name.startswith("Heading"))


def test_toc_field_result_is_already_filled_with_numbered_entries(zh):
    instr = [t.text for t in zh.element.body.iter(f"{W}instrText") if t.text.strip().startswith("TOC")]
    assert instr and '\\o "1-2"' in instr[0]
    toc = [p.text for p in zh.paragraphs if p.style.name in ("TOC 1", "TOC 2") and p.text]
    assert toc[0].startswith("1  销售目标") and any(t.startswith("1.2  季度与月度目标") for t in toc)
    assert any(t.startswith("附录") for t in toc)
    assert all(re.search(r"\t\d+$", t) for t in toc)  # a page number after the tab
    anchors = {h.get(qn("w:anchor")) for h in zh.element.body.iter(f"{W}hyperlink")}
    marks = {b.get(qn("w:name")) for b in zh.element.body.iter(f"{W}bookmarkStart")}
    assert anchors and anchors <= marks


def test_toc_page_numbers_never_go_backwards(zh):
    pages = [int(p.text.rsplit("\t", 1)[1]) for p in zh.paragraphs if p.style.name in ("TOC 1", "TOC 2") and p.text]
    assert pages == sorted(pages) and pages[0] >= 3


def test_quarter_table_adds_up_and_shows_units_in_header(zh):
    t = table_titled(zh, "季度目标")
    rows = [[c.text for c in r.cells] for r in t.rows]
    assert rows[0][1] == "目标（万元）"
    assert [r[1] for r in rows[1:5]] == ["2,000", "2,500", "3,000", "2,500"]
    assert sum(number(r[1]) for r in rows[1:5]) == number(rows[-1][1]) == 10000
    assert rows[-1][0] == "合计" and all(run.bold for c in t.rows[-1].cells for p in c.paragraphs for run in p.runs)


def test_month_table_sums_to_the_year(zh):
    rows = [[c.text for c in r.cells] for r in table_titled(zh, "月目标").rows]
    assert len(rows) == 14 and sum(number(r[1]) for r in rows[1:13]) == number(rows[-1][1]) == 10000


def test_every_table_repeats_its_header_row_and_right_aligns_numbers(zh):
    tables = [t for t in zh.tables if t.style is not None and t.style.name == "Plan Table"]
    assert len(tables) >= 15
    for t in tables:
        assert t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    q = table_titled(zh, "季度目标")
    assert q.rows[1].cells[1].paragraphs[0].alignment == 2 and q.rows[1].cells[0].paragraphs[0].alignment == 0


def test_every_table_and_chart_has_a_numbered_caption(zh):
    captions = [p.text for p in zh.paragraphs if p.style.name == "Caption"]
    tables = [c for c in captions if c.startswith("表 ")]
    figures = [c for c in captions if c.startswith("图 ")]
    assert [int(c.split()[1]) for c in tables] == list(range(1, len(tables) + 1))
    assert [int(c.split()[1]) for c in figures] == list(range(1, len(figures) + 1))
    assert len(tables) == len([t for t in zh.tables if t.style is not None and t.style.name == "Plan Table"])
    seq = [t.text for t in zh.element.body.iter(f"{W}instrText") if "SEQ" in t.text]
    assert len(seq) == len(captions)


def test_a_table_caption_and_a_chart_are_kept_with_what_follows_them_in_the_word_xml(zh):
    """Each table caption keeps with its table and each chart with its caption below, by the paragraph's
    own w:keepNext (a company's base may have no keepNext in its Caption or Figure style)."""
    body = list(zh.element.body)
    kept = lambda p: p.find(f"{W}pPr/{W}keepNext") is not None  # noqa: E731
    captions = [p for p, after in zip(body, body[1:]) if after.tag == f"{W}tbl" and p.find(f"{W}pPr/{W}pStyle") is not None
                and p.find(f"{W}pPr/{W}pStyle").get(qn("w:val")) == "Caption"]
    charts = [p for p in body if p.find(f".//{{http://schemas.openxmlformats.org/drawingml/2006/chart}}chart") is not None]
    assert len(captions) >= 10 and len(charts) >= 7
    assert all(kept(p) for p in captions + charts)


def test_charts_are_native_and_editable(zh):
    charts = [r.target_part for r in zh.part.rels.values() if r.reltype.endswith("/chart")]
    assert len(charts) >= 7  # quarters, months, 3 splits, reps, history, budget
    for part in charts:
        assert any(r.reltype.endswith("/package") for r in part.rels.values())  # embedded workbook


def test_running_header_and_page_x_of_y_footer(zh, en):
    assert zh.sections[0].header.paragraphs[0].text == "华东事业部 · 销售经理明年工作计划"
    footer = zh.sections[0].footer.paragraphs[0]
    assert footer.text.startswith("第 ") and "页，共 " in footer.text
    codes = [t.text.strip() for t in footer._p.iter(f"{W}instrText")]
    assert codes == ["PAGE", "NUMPAGES"]
    assert en.sections[0].footer.paragraphs[0].text.startswith("Page ")


def test_chinese_plan_sets_east_asian_fonts(zh):
    rpr = zh.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert rpr.find(qn("w:rFonts")).get(qn("w:eastAsia"))
    assert rpr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    h1 = zh.styles["Heading 1"].element.rPr.rFonts
    assert h1.get(qn("w:eastAsia"))


def test_hostile_names_stay_text(plan_from, make_plan, tmp_path):
    data = make_plan(**{"plan.organization": "A&B <Ltd>", "plan.owner": "\"O'Brien\"",
                        "team.reps.0.name": "\"O'Brien\"", "crm.customers.0.name": "A&B <Ltd>",
                        "tasks.0.task": "Sign <A&B> & \"friends\""})  # a control character: refused (corpus)
    raw = render_plan_docx(build_context(plan := plan_from(data), decompose(plan)), TemplateSet())
    path = tmp_path / "hostile.docx"
    path.write_bytes(raw)
    doc = docx.Document(str(path))
    text = "\n".join(p.text for p in doc.paragraphs) + doc.sections[0].header.paragraphs[0].text
    cells = {c.text for t in doc.tables for r in t.rows for c in r.cells}
    assert "A&B <Ltd>" in text and "\"O'Brien\"" in text
    assert "\"O'Brien\"" in cells and "A&B <Ltd>" in cells and "Sign <A&B> & \"friends\"" in cells
    assert audit_errors(path) == ""


@pytest.mark.parametrize("locale", ["zh-CN", "en", "es"])
def test_every_locale_renders_clean_files_without_stray_template_text(locale, plan_from, make_plan, tmp_path):
    plan = plan_from(make_plan(**{"plan.locale": locale}))
    path = tmp_path / f"{locale}.docx"
    path.write_bytes(render_plan_docx(build_context(plan, decompose(plan)), TemplateSet()))
    doc = docx.Document(str(path))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert not re.search(r"\{\{|\{%|\bNone\b|Undefined", text)
    assert audit_errors(path) == ""
    if OFFICE_CHECK.exists():
        done = subprocess.run([str(OFFICE_CHECK), str(path)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr


def test_sample_plan_passes_openxml_audit_and_office_check(tmp_path):
    plan = load(ROOT / "samples" / "zh-annual-plan.yaml")
    path = tmp_path / "zh.docx"
    path.write_bytes(render_plan_docx(build_context(plan, decompose(plan)), TemplateSet()))
    assert audit_errors(path) == ""
    if OFFICE_CHECK.exists():
        done = subprocess.run([str(OFFICE_CHECK), str(path)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr


def test_a_company_outline_can_skip_blocks_with_when(tmp_path, plan_from, make_plan):
    (tmp_path / "outlines").mkdir()
    (tmp_path / "outlines" / "document.yaml").write_text(
        "- section: targets\n  title: section_targets\n  blocks:\n"
        "    - {table: quarters}\n    - {table: months, when: 'targets.total < 1'}\n", encoding="utf-8")
    plan = plan_from(make_plan())
    doc = docx.Document(io.BytesIO(render_plan_docx(build_context(plan, decompose(plan)), TemplateSet(tmp_path))))
    assert [p.text for p in doc.paragraphs if p.style.name == "Caption"] == ["Table 1 Quarterly target"]


def test_an_unknown_outline_block_is_a_template_problem(tmp_path, plan_from, make_plan):
    (tmp_path / "outlines").mkdir()
    (tmp_path / "outlines" / "document.yaml").write_text("- {picture: logo}\n", encoding="utf-8")
    plan = plan_from(make_plan())
    with pytest.raises(TemplateProblem, match="picture"):
        render_plan_docx(build_context(plan, decompose(plan)), TemplateSet(tmp_path))


def test_text_lines_become_paragraphs_and_bullets():
    out = paragraphs("First line\ncontinues.\n\n- one\n- two\n\n第一句\n第二句", "zh-CN")
    assert out == [(None, "First line continues."), ("List Bullet", "one"), ("List Bullet", "two"),
                   (None, "第一句第二句")]


def test_heading_numbers_follow_word_numbering_and_skip_unnumbered():
    levels = [(1, True), (2, True), (2, True), (1, True), (2, True), (1, False), (2, False)]
    assert heading_numbers(levels) == ["1", "1.1", "1.2", "2", "2.1", "", ""]


def test_folded_table_keeps_every_row_and_the_total():
    t = Table("w", "Weeks", ("Week", "Target"), tuple((f"W{i}", str(i)) for i in range(1, 11)), (False, True),
              ("Total", "55"))
    f = fold(t, 4)
    assert len(f.columns) == 8 and len(f.rows) == 3
    cells = [c for r in f.rows for c in r]
    assert all(f"W{i}" in cells for i in range(1, 11)) and f.total[-2:] == ("Total", "55")


def test_column_widths_give_long_text_more_room_and_keep_narrow_tables_narrow():
    t = Table("x", "x", ("A", "Description"), (("1", "a long description of the work " * 4),), (True, False))
    widths = column_widths(t, 9000)
    assert sum(widths) == 9000 and widths[1] > widths[0] * 3
    narrow = Table("x", "x", ("Item", "Amount"), (("Travel", "88k"),), (False, True))
    assert 4500 <= sum(column_widths(narrow, 9000)) < 9000


def test_a_section_whose_tables_are_all_missing_is_left_out_with_its_introduction(plan_from, make_plan):
    """Without a funnel there is no activity table, so no 'Activity targets' heading over a lone sentence."""
    with_funnel = [t for _, t in headings(render(plan_from(make_plan())))]
    without = [t for _, t in headings(render(plan_from(make_plan(funnel=make_plan.DELETE))))]
    assert "Activity targets" in with_funnel and "Activity targets" not in without


@pytest.mark.parametrize("locale, latin, east_asian", [
    ("es", "es-ES", "zh-CN"), ("en", "en-US", "zh-CN"), ("zh-CN", "en-US", "zh-CN"),
])
def test_word_tags_the_text_with_the_plans_language(locale, latin, east_asian, plan_from, make_plan):
    """Spanish plans were tagged en-US, so Word spell-checked Spanish as English."""
    doc = render(plan_from(make_plan(**{"plan.locale": locale})))
    lang = doc.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert (lang.get(qn("w:val")), lang.get(qn("w:eastAsia"))) == (latin, east_asian)
    theme = doc.settings.element.find(qn("w:themeFontLang"))
    assert (theme.get(qn("w:val")), theme.get(qn("w:eastAsia"))) == (latin, east_asian)
    assert doc.core_properties.language == (east_asian if locale == "zh-CN" else latin)


def test_word_refreshes_the_toc_when_it_opens_the_plan(zh):
    """The TOC's page numbers are an estimate until a word processor updates the fields."""
    assert zh.settings.element.find(qn("w:updateFields")).get(qn("w:val")) == "true"
