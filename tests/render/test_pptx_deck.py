"""The PowerPoint deck: slides in outline order, native charts with the decomposition's values,
tables with continuation slides, no empty placeholders, East Asian fonts, valid packages."""
from __future__ import annotations

import re
import subprocess
import warnings
from io import BytesIO
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE

from plangen.decompose import decompose
from plangen.model import load
from plangen.present.context import build_context
from plangen.present.fmt import Formatter
from plangen.render.jinja import TemplateProblem
from plangen.render.pptx.deck import DeckWarning, render_deck
from plangen.render.template_set import TemplateSet

ROOT = Path(__file__).resolve().parents[2]
# openxml-audit helper shared with the Office-layer tests (tests/render is not a package)
from office_audit import audit_errors  # noqa: E402
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
CJK = re.compile(r"[\u3400-\u9fff]")
OFFICE_CHECK = Path("/work/shared/tools/office-check")
HOSTILE_CUSTOMER, HOSTILE_REP = "A&B <Ltd>", "\"O'Brien\""


def deck_bytes(plan, templates: TemplateSet | None = None) -> bytes:
    """The deck of a loaded plan."""
    return render_deck(build_context(plan, decompose(plan)), templates or TemplateSet())


def open_deck(data: bytes):
    """python-pptx's view of deck bytes."""
    return Presentation(BytesIO(data))


def titles(prs) -> list[str]:
    """Each slide's title text (the first text shape when it has no title placeholder)."""
    out = []
    for slide in prs.slides:
        shape = slide.shapes.title or next(s for s in slide.shapes if s.has_text_frame)
        out.append(shape.text_frame.text)
    return out


def charts(slide) -> list:
    """The charts on a slide."""
    return [s.chart for s in slide.shapes if s.has_chart]


def tables(slide) -> list:
    """The tables on a slide."""
    return [s.table for s in slide.shapes if s.has_table]


def cells(table) -> list[list[str]]:
    """A table's text, row by row."""
    return [[c.text for c in row.cells] for row in table.rows]


@pytest.fixture(scope="module")
def zh_plan():
    return load(ROOT / "samples" / "zh-annual-plan.yaml")


@pytest.fixture(scope="module")
def zh_bytes(zh_plan) -> bytes:
    return deck_bytes(zh_plan)


@pytest.fixture(scope="module")
def zh(zh_bytes):
    return open_deck(zh_bytes)


@pytest.fixture(scope="module")
def big_plan(make_plan, plan_from):
    """25 reps and 30 customers, with hostile names."""
    reps = [{"id": f"r{i:02d}", "name": f"Rep {i:02d}", "weight": 1 + (i % 4) / 4} for i in range(25)]
    reps[0]["name"] = HOSTILE_REP
    customers = [{"name": f"Customer {i:02d}", "revenue_last_year": f"{100 + 37 * i}k", "owner": f"r{i % 25:02d}"}
                 for i in range(30)]
    customers[0]["name"] = HOSTILE_CUSTOMER
    return plan_from(make_plan(**{"team.reps": reps, "crm.customers": customers}))


@pytest.fixture(scope="module")
def big_bytes(big_plan) -> bytes:
    return deck_bytes(big_plan)


@pytest.fixture(scope="module")
def big(big_bytes):
    return open_deck(big_bytes)


def test_slides_follow_the_outline_title_summary_agenda_and_numbered_sections(zh):
    names = titles(zh)
    assert names[0] == "销售经理明年工作计划"
    assert names[1].startswith("执行摘要") and names[2] == "目录"
    assert len(names) <= 30
    dividers = [s for s in zh.slides if s.slide_layout.name == "Section Header"]
    numbers = [[sh.text_frame.text for sh in s.placeholders if sh.placeholder_format.idx == 1][0] for s in dividers]
    assert numbers == ["01", "02", "03", "04", "05", "06", "07", "08", "09"]
    assert [s.shapes.title.text for s in dividers] == ["销售目标", "市场分析", "产品策略", "销售策略", "销售团队管理",
                                                       "客户关系管理", "销售预测与监控", "预算", "任务分解"]


def test_agenda_shows_the_numbered_sections_and_its_notes_count_them(zh):
    agenda = " ".join(s.text_frame.text for s in zh.slides[2].shapes if s.has_text_frame)
    for no, name in (("01", "销售目标"), ("04", "销售策略"), ("07", "销售预测与监控"), ("08", "预算"), ("09", "任务分解")):
        assert no in agenda and name in agenda
    assert zh.slides[2].notes_slide.notes_text_frame.text.startswith("本次汇报共9部分：01 销售目标、")


def test_the_executive_summary_comes_first_with_the_target_three_numbers_and_the_ask(zh):
    slide = zh.slides[1]
    text = " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
    assert "1亿元" in text and "20.0%" in text  # the headline: 10,000万 reads 1亿元
    assert "利润目标" in text and "1,500万元" in text and "新增客户" in text and "800万元" in text
    assert "需要公司支持：费用预算800万元；第二季度招聘两名销售" in text


def test_quarter_chart_is_a_clustered_column_with_the_decomposition_in_display_units(zh, zh_plan):
    slide = next(s for s in zh.slides if s.shapes.title is not None and s.shapes.title.text == "第三季度承担全年30%的任务")
    (chart,) = charts(slide)
    assert chart.chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    d = decompose(zh_plan)
    f = Formatter.for_plan("zh-CN", "CNY", "万")
    series = {s.name: list(s.values) for s in chart.plots[0].series}
    assert series["计划 2027"] == [f.scaled(q.amount) for q in d.quarters] == [2000, 2500, 3000, 2500]
    assert "去年" in series
    assert list(chart.plots[0].categories) == ["Q1", "Q2", "Q3", "Q4"]


def test_month_and_history_charts_are_columns_and_lines(zh):
    kinds = [c.chart_type for s in zh.slides for c in charts(s)]
    assert kinds.count(XL_CHART_TYPE.COLUMN_CLUSTERED) == 2
    assert XL_CHART_TYPE.LINE_MARKERS in kinds
    assert kinds.count(XL_CHART_TYPE.PIE) == 1  # the first split (3 product lines); the other splits beside it
    assert kinds.count(XL_CHART_TYPE.BAR_CLUSTERED) == 1  # 4 budget items: bars sorted by size, not a pie


def test_a_split_of_more_than_five_parts_is_a_bar_sorted_by_size(make_plan, plan_from):
    split = {"A": "5%", "B": "30%", "C": "10%", "D": "20%", "E": "15%", "F": "20%"}
    prs = open_deck(deck_bytes(plan_from(make_plan(**{"targets.split": {"product_line": split}}))))
    bars = [c for s in prs.slides for c in charts(s) if c.chart_type == XL_CHART_TYPE.BAR_CLUSTERED]
    (bar,) = bars
    values = list(bar.plots[0].series[0].values)
    assert values == sorted(values, reverse=True)
    assert list(bar.plots[0].categories)[0] == "B"


def test_charts_are_native_with_embedded_workbooks(zh):
    for slide in zh.slides:
        for shape in slide.shapes:
            assert shape.shape_type != 13, "no pictures"
            if shape.has_chart:
                assert shape.chart.part.chart_workbook.xlsx_part is not None


def test_competitor_table_shows_type_strengths_weaknesses_strategy(zh):
    table = next(t for s in zh.slides for t in tables(s) if cells(t)[0][0] == "竞争对手")
    assert cells(table) == [["竞争对手", "竞争类型", "优势", "劣势", "竞争策略"],
                            ["甲公司", "直接竞争", "价格低", "服务慢", "低价抢占中小客户"]]


def test_team_of_up_to_eight_reps_is_a_table_with_each_target(zh):
    table = next(t for s in zh.slides for t in tables(s) if cells(t)[0][0] == "销售代表")
    rows = cells(table)
    assert [r[0] for r in rows[1:5]] == ["张伟", "李娜", "王强", "刘洋"]
    assert rows[-1][0] == "合计" and rows[-1][-1] == "10,000"


def test_long_tables_continue_on_following_slides_with_at_most_ten_rows(big):
    names = titles(big)
    customer_slides = [i for i, s in enumerate(big.slides) if any(cells(t)[0][0] == "Customer" for t in tables(s))]
    assert len(customer_slides) >= 3
    assert all(names[i].endswith("(cont.)") for i in customer_slides[1:])
    body_rows = [len(cells(t)) - 1 for i in customer_slides for t in tables(big.slides[i])]
    assert all(n <= 10 for n in body_rows) and sum(body_rows) == 30


def test_more_than_eight_reps_are_a_bar_chart(big):
    bars = [c for s in big.slides for c in charts(s) if c.chart_type == XL_CHART_TYPE.BAR_CLUSTERED]
    categories = [x for c in bars for x in c.plots[0].categories]
    assert sorted(categories) == sorted([HOSTILE_REP] + [f"Rep {i:02d}" for i in range(1, 25)])
    assert not any(cells(t)[0][0] == "Rep" for s in big.slides for t in tables(s))


def test_bullets_continue_after_six_per_slide(make_plan, plan_from):
    needs = [f"Need number {i}" for i in range(14)]
    prs = open_deck(deck_bytes(plan_from(make_plan(**{"market": {"customer_needs": needs}}))))
    slides = [s for s in prs.slides if "Need number" in slide_text(s)]
    assert len(slides) == 3 and slides[1].shapes.title.text.endswith("(cont.)")
    counts = [slide_text(s).count("Need number") for s in slides]
    assert max(counts) <= 6 and sum(counts) == 14


def test_sections_without_data_are_left_out_of_the_deck_and_agenda(make_plan, plan_from):
    prs = open_deck(deck_bytes(plan_from(make_plan(**{"monitoring": make_plan.DELETE, "crm": make_plan.DELETE}))))
    dividers = [s.shapes.title.text for s in prs.slides if s.slide_layout.name == "Section Header"]
    assert dividers == ["Sales targets", "Sales team management", "Budget", "Task breakdown"]
    agenda = " ".join(s.text_frame.text for s in prs.slides[2].shapes if s.has_text_frame)
    assert "04" in agenda and "05" not in agenda and "Customer relationship" not in agenda


def test_no_slide_keeps_an_empty_placeholder(zh, big):
    for prs in (zh, big):
        for n, slide in enumerate(prs.slides, start=1):
            for ph in slide.placeholders:
                assert ph.has_text_frame and ph.text_frame.text.strip(), f"slide {n}: empty {ph.name}"


def test_every_cjk_run_has_an_east_asian_font(zh):
    for slide in zh.slides:
        parts = [slide._element] + ([slide.notes_slide._element] if slide.has_notes_slide else [])
        for root in parts:
            for r in root.iter(f"{A}r"):
                if CJK.search(r.findtext(f"{A}t") or ""):
                    ea = r.find(f"{A}rPr/{A}ea")
                    assert ea is not None and ea.get("typeface"), r.findtext(f"{A}t")


def test_shape_ids_are_unique_on_every_slide(zh, big):
    for prs in (zh, big):
        for slide in prs.slides:
            ids = [e.get("id") for e in slide._element.iter(f"{P}cNvPr")]
            assert len(ids) == len(set(ids))


def test_no_text_is_smaller_than_12_points(zh, big):
    for prs in (zh, big):
        for slide in prs.slides:
            sizes = [int(e.get("sz")) for e in slide._element.iter() if e.tag in (f"{A}rPr", f"{A}defRPr")
                     and e.get("sz")]
            for c in charts(slide):
                sizes += [int(e.get("sz")) for e in c._chartSpace.iter() if e.get("sz")]
            assert all(s >= 1200 for s in sizes), sizes


def test_every_content_slide_has_speaker_notes(zh):
    for slide in zh.slides:
        if slide.slide_layout.name not in ("Title Slide", "Section Header"):
            assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip(), slide.shapes.title.text


def test_quarter_notes_carry_the_quarter_detail(zh):
    slide = next(s for s in zh.slides if s.shapes.title is not None and s.shapes.title.text.startswith("第三季度"))
    notes = slide.notes_slide.notes_text_frame.text
    assert "Q3目标最高（3,000万）" in notes and "Q1" not in notes  # what to say, not the table read out


def test_hostile_names_are_escaped_and_shown_as_written(big, big_bytes, tmp_path):
    text = " ".join(c for s in big.slides for t in tables(s) for row in cells(t) for c in row)
    categories = [x for s in big.slides for c in charts(s) for x in c.plots[0].categories]
    assert HOSTILE_CUSTOMER in text and HOSTILE_REP in categories
    path = tmp_path / "hostile.pptx"
    path.write_bytes(big_bytes)
    assert audit_errors(path) == ""


def test_user_values_are_data_not_templates(make_plan, plan_from):
    prs = open_deck(deck_bytes(plan_from(make_plan(**{"market": {"target_market": "{{ 7 * 7 }} {% if 1 %}x{% endif %}"}}))))
    text = " ".join(s.text_frame.text for slide in prs.slides for s in slide.shapes if s.has_text_frame)
    assert "{{ 7 * 7 }} {% if 1 %}x{% endif %}" in text and "49" not in text


def test_locale_governs_labels_numbers_and_quarters(make_plan, plan_from):
    prs = open_deck(deck_bytes(plan_from(make_plan(**{"plan.locale": "es", "plan.currency": "EUR",
                                                      "plan.display_unit": "M"}))))
    names = titles(prs)
    assert names[2] == "Índice" and "Objetivos de ventas" in names
    assert [c for s in prs.slides for c in charts(s) if list(c.plots[0].categories) == ["T1", "T2", "T3", "T4"]]
    assert names[1] == "Resumen ejecutivo: objetivo de 12\u00a0M€ para 2027"  # a headline: 6,8 M€, no decimal zero


def test_deck_files_pass_openxml_audit_and_office_check(zh_bytes, big_bytes, tmp_path):
    for name, data in (("zh.pptx", zh_bytes), ("big.pptx", big_bytes)):
        path = tmp_path / name
        path.write_bytes(data)
        assert audit_errors(path) == ""
        if OFFICE_CHECK.exists():
            done = subprocess.run([str(OFFICE_CHECK), str(path)], capture_output=True, text=True)
            assert done.returncode == 0, done.stdout


def test_a_missing_layout_falls_back_to_a_documented_one_with_a_warning(zh_plan, tmp_path):
    base = Presentation(str(ROOT / "templates" / "base.pptx"))
    layouts = base.slide_master.slide_layouts
    layouts.remove(next(lay for lay in layouts if lay.name == "Two Content"))
    base.save(str(tmp_path / "base.pptx"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        prs = open_deck(deck_bytes(zh_plan, TemplateSet(tmp_path)))
    assert any(issubclass(w.category, DeckWarning) and "Two Content" in str(w.message) for w in caught)
    assert "Two Content" not in {s.slide_layout.name for s in prs.slides}
    assert "Comparison" in {s.slide_layout.name for s in prs.slides}


def test_a_company_outline_reorders_and_drops_slides(zh_plan, tmp_path):
    (tmp_path / "outlines").mkdir()
    (tmp_path / "outlines" / "deck.yaml").write_text(
        "- {kind: title}\n- section: monitoring\n  slides:\n    - {kind: risk_matrix, title: risk_title}\n"
        "- {kind: closing}\n", encoding="utf-8")
    prs = open_deck(deck_bytes(zh_plan, TemplateSet(tmp_path)))
    assert titles(prs) == ["销售经理明年工作计划", "销售预测与监控", "首要风险：竞争对手价格战", "谢谢"]


def test_an_unknown_slide_kind_names_the_outline_file(zh_plan, tmp_path):
    (tmp_path / "outlines").mkdir()
    (tmp_path / "outlines" / "deck.yaml").write_text("- {kind: title}\n- {kind: pie_chart}\n", encoding="utf-8")
    with pytest.raises(TemplateProblem, match=r"deck\.yaml.*pie_chart"):
        deck_bytes(zh_plan, TemplateSet(tmp_path))


def test_a_when_expression_skips_a_slide(zh_plan, tmp_path):
    (tmp_path / "outlines").mkdir()
    (tmp_path / "outlines" / "deck.yaml").write_text(
        "- {kind: title}\n- {kind: agenda, when: 'team.count > 100'}\n- {kind: closing}\n", encoding="utf-8")
    assert titles(open_deck(deck_bytes(zh_plan, TemplateSet(tmp_path)))) == ["销售经理明年工作计划", "谢谢"]


def test_risk_matrix_places_each_risk_in_its_cell(zh_plan, tmp_path):
    """The default deck shows the risks with their responses; a company outline can add the matrix."""
    (tmp_path / "outlines").mkdir()
    (tmp_path / "outlines" / "deck.yaml").write_text(
        "- section: monitoring\n  slides:\n    - {kind: risk_matrix, title: risk_title}\n", encoding="utf-8")
    prs = open_deck(deck_bytes(zh_plan, TemplateSet(tmp_path)))
    slide = next(s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text.startswith("首要风险"))
    (grid,) = tables(slide)
    rows = cells(grid)
    assert [r[0] for r in rows] == ["可能性 ↓  影响程度 →", "高", "中", "低"]
    assert rows[0][1:] == ["低", "中", "高"]
    assert rows[2][3] == "竞争对手价格战"  # medium probability, high impact


# --- budget, tasks and slide numbers -----------------------------------------------------------


def slide_titled(prs, start: str):
    """The first slide whose title starts with `start`."""
    return next(s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text.startswith(start))


def slide_text(slide) -> str:
    """All text of a slide's shapes."""
    return " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)


def test_budget_and_tasks_follow_section_07_numbered_08_and_09_on_dividers_and_agenda(zh):
    names = titles(zh)
    start = names.index("预算")
    assert names.index("销售预测与监控") < start
    assert names[start:] == ["预算", "费用预算800万元，占销售目标的8%", "任务分解", "重点任务：成立徐州办事处，2027年6月10日前完成"]
    for name, no in (("预算", "08"), ("任务分解", "09")):
        divider = slide_titled(zh, name)
        assert divider.slide_layout.name == "Section Header"
        assert [ph.text_frame.text for ph in divider.placeholders if ph.placeholder_format.idx == 1] == [no]
    agenda = {s.name: s.text_frame.text for s in zh.slides[2].shapes if s.has_text_frame}
    numbers = [t for n, t in agenda.items() if n.startswith("Agenda Number")]
    assert numbers == ["01", "02", "03", "04", "05", "06", "07", "08", "09"]


def test_budget_slide_shows_the_items_the_quarters_and_the_ask_together(zh):
    """800万 at 8% of 10,000万: 差旅 40% = 320, 市场活动 280, 招待 120, 培训 80 as bars largest first;
    beside them the quarters (161/200/240/199 = 800), under them what the company is asked for."""
    items = slide_titled(zh, "费用预算800万元")
    (chart,) = charts(items)
    assert chart.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    values = list(chart.plots[0].series[0].values)
    assert sorted(values, reverse=True) == [320, 280, 120, 80]
    text = slide_text(items)
    assert "需要公司支持的资源" in text and "人员：第二季度招聘两名销售" in text
    (table,) = tables(items)
    rows = cells(table)
    assert [r[0] for r in rows] == ["季度", "Q1", "Q2", "Q3", "Q4", "合计"]
    assert rows[-1] == ["合计", "320", "280", "120", "80", "800"]
    assert sum(int(r[-1]) for r in rows[1:-1]) == 800


def test_task_slide_lists_task_owner_due_date_and_acceptance(zh):
    slide = slide_titled(zh, "重点任务：成立徐州办事处")
    (grid,) = tables(slide)
    assert cells(grid) == [["任务", "负责人", "完成时间", "验收标准"],
                           ["成立徐州办事处", "王经理", "2027年6月10日", "办事处正常运转"]]
    assert "办事处正常运转" not in slide.notes_slide.notes_text_frame.text  # the notes say what to do, no table dump


def test_budget_and_task_titles_state_the_point_in_en_and_es(make_plan, plan_from):
    en = titles(open_deck(deck_bytes(plan_from(make_plan()))))
    assert "Budget" in en and "Task breakdown" in en
    assert "An expense budget of $960,000, 8% of the sales target" in en and "Key task: Open an office" in en
    es = titles(open_deck(deck_bytes(plan_from(make_plan(**{"plan.locale": "es", "plan.currency": "EUR"})))))
    assert "Presupuesto" in es and "Desglose de tareas" in es
    assert "Presupuesto de gastos de 960.000\u00a0€, un 8\u00a0% del objetivo de ventas" in es


def test_no_budget_or_tasks_means_no_such_slides(make_plan, plan_from):
    prs = open_deck(deck_bytes(plan_from(make_plan(**{"budget": make_plan.DELETE, "tasks": make_plan.DELETE}))))
    names = titles(prs)
    assert "Budget" not in names and "Task breakdown" not in names
    assert not any(t.startswith("Key task") or "budget" in t.lower() for t in names)
    agenda = slide_text(prs.slides[2])
    assert "Budget" not in agenda and "Task breakdown" not in agenda
    assert not [c for s in prs.slides for c in charts(s) if c.chart_title.text_frame.text == "Budget by item"]


def slide_numbers(slide) -> list[str]:
    """The text of the slide's slide-number placeholders and boxes."""
    return [s.text_frame.text for s in slide.shapes if s.has_text_frame and (
        s.name == "Slide Number" or (s.is_placeholder and s.element.ph.get("type") == "sldNum"))]


def test_every_slide_but_the_title_shows_its_number_as_a_field(zh, big):
    for prs in (zh, big):
        assert slide_numbers(prs.slides[0]) == []
        for n, slide in enumerate(prs.slides, start=1):
            if n > 1:
                assert slide_numbers(slide) == [str(n)], n
                fields = list(slide._element.iter(f"{A}fld"))
                assert [f.get("type") for f in fields] == ["slidenum"]


def test_a_base_without_slide_number_placeholders_numbers_slides_in_a_text_box(zh_plan, tmp_path):
    base = Presentation(str(ROOT / "templates" / "base.pptx"))
    owners = [base.slide_master, *base.slide_master.slide_layouts]
    for owner in owners:
        for ph in list(owner.placeholders):
            if ph.element.ph.get("type") == "sldNum":
                ph.element.getparent().remove(ph.element)
    base.save(str(tmp_path / "base.pptx"))
    data = deck_bytes(zh_plan, TemplateSet(tmp_path))
    prs = open_deck(data)
    boxes = [(n, slide_numbers(s)) for n, s in enumerate(prs.slides, start=1)]
    assert boxes[0] == (1, []) and all(texts == [str(n)] for n, texts in boxes[1:])
    lefts = {next(s for s in slide.shapes if s.name == "Slide Number").left for slide in list(prs.slides)[1:]}
    assert len(lefts) == 1  # the same place on every slide
    for slide in prs.slides:
        assert all(ph.text_frame.text.strip() for ph in slide.placeholders)
    (tmp_path / "deck.pptx").write_bytes(data)
    assert audit_errors(tmp_path / "deck.pptx") == ""
