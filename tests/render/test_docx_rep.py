"""The per-rep Word plan: name and period first, targets that add up, activities, customers, budget,
action plan and a commitment block kept together at the end."""
from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from plangen.decompose import decompose
from plangen.model import load
from plangen.present.context import Ctx, build_context
from plangen.present.ctx.rep import rep_context
from plangen.render.docx.rep import render_rep_docx
from plangen.render.template_set import TemplateSet

ROOT = Path(__file__).resolve().parents[2]
from office_audit import audit_errors  # noqa: E402
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ACTIONS = [{"what": "Win three key accounts", "deadline": "2027-09-30", "reward": "2% bonus",
            "penalty": "Review with the manager", "obstacles": "Long buying cycles",
            "knowledge": "Product configuration", "support": "A pre-sales engineer", "owner": "r1"}]


def rep_doc(plan, index: int = 0) -> bytes:
    """Rep `index`'s plan as .docx bytes."""
    d = decompose(plan)
    return render_rep_docx(build_context(plan, d), rep_context(Ctx(plan, d), d.reps[index]), TemplateSet())


def open_doc(data: bytes):
    return docx.Document(io.BytesIO(data))


def table_after(doc, caption_end: str):
    """The table following the caption whose text ends with `caption_end`."""
    body = list(doc.element.body)
    for i, node in enumerate(body):
        if node.tag == f"{W}p" and "".join(node.itertext()).endswith(caption_end) and body[i + 1].tag == f"{W}tbl":
            return [[c.text for c in r.cells] for r in docx.table.Table(body[i + 1], doc._body).rows]
    raise AssertionError(caption_end)


def number(text: str) -> float:
    return float(re.sub(r"[^\d.\-]", "", text) or 0)


@pytest.fixture(scope="module")
def zh():
    return open_doc(rep_doc(load(ROOT / "samples" / "zh-annual-plan.yaml")))


@pytest.fixture(scope="module")
def en(plan_from, make_plan):
    return open_doc(rep_doc(plan_from(make_plan(**{"team.action_plan": ACTIONS}))))


def test_first_line_names_the_rep_and_the_period(zh, en):
    assert zh.paragraphs[0].text == "张伟 · 2027年个人销售计划"
    assert en.paragraphs[0].text.startswith("Ann") and "2027" in en.paragraphs[0].text
    assert "2027年1月1日 – 2027年12月31日" in zh.paragraphs[1].text


def test_quarter_month_and_week_targets_add_up_to_the_rep_total(zh):
    quarters = table_after(zh, "季度目标")
    total = number(quarters[-1][1])
    assert total == 2182 and sum(number(r[1]) for r in quarters[1:-1]) == total
    months = table_after(zh, "月目标")
    assert len(months) == 14 and sum(number(r[1]) for r in months[1:-1]) == total
    weeks = table_after(zh, "周目标")  # folded: (week, target) pairs side by side
    amounts = [number(r[i + 1]) for r in weeks[1:-1] for i in range(0, len(r), 2) if r[i]]
    assert len(amounts) >= 52 and sum(amounts) == total and weeks[-1][-1] == "2,182"


def test_splits_activities_customers_and_budget_are_shown(zh):
    product = table_after(zh, "产品线")
    assert [r[0] for r in product[1:-1]] == ["A系列", "B系列", "C系列"] and product[-1][-1] == "2,182"
    assert table_after(zh, "客户类型")[-1][-1] == "2,182"
    rates = table_after(zh, "销售活动")
    assert rates[0][1:4] == ["每日", "每周", "每月"] and [r[0] for r in rates[1:]] == ["成交", "商机", "拜访", "电话"]
    customers = table_after(zh, "客户拜访计划")
    assert customers[1][:2] == ["甲制造", "VIP"] and customers[1][-1] == "12"
    budget = table_after(zh, "个人费用预算")
    assert [r[0] for r in budget[1:-1]] == ["差旅", "招待"]
    assert sum(number(r[1]) for r in budget[1:-1]) == number(budget[-1][1]) == 96


def test_the_rep_budget_holds_only_the_items_reps_spend_themselves(zh):
    """张伟's share of the 800万 budget is 175万 (his 2,182万 of the 10,000万 the reps carry: 174.6, in whole
    万); split 40/35/15/10 that is 70/61.25/26.25/17.5, rounded to 70/61/26/18. budget.rep_items keeps
    差旅 70 + 招待 26 = 96万;
    市场活动 and 培训 stay in the team plan."""
    budget = table_after(zh, "个人费用预算")
    assert [(r[0], r[1]) for r in budget[1:]] == [("差旅", "70"), ("招待", "26"), ("合计", "96")]


def test_action_plan_lists_what_rewards_obstacles_support_and_deadline(en):
    rows = table_after(en, "Action plan")
    assert rows[1][0] == "Win three key accounts" and "30 Sep 2027" in rows[1][1]
    assert "2% bonus" in rows[1] and "A pre-sales engineer" in rows[1]
    assert any("Long buying cycles" in c and "Product configuration" in c for c in rows[1])


def test_action_plan_is_left_out_when_the_plan_has_none(zh):
    assert "行动计划" not in [p.text for p in zh.paragraphs if p.style.name.startswith("Heading")]


def test_commitment_block_ends_the_document_and_stays_together(zh):
    body = [n for n in zh.element.body if n.tag in (f"{W}p", f"{W}tbl")]
    heads = [p for p in zh.paragraphs if p.style.name.startswith("Heading")]
    assert heads[-1].text == "目标承诺"
    start = body.index(heads[-1]._p)
    block = body[start:]
    sign = [n for n in block if n.tag == f"{W}tbl"]
    assert len(sign) == 1 and "张伟" in "".join(sign[0].itertext()) and "王经理" in "".join(sign[0].itertext())
    statement = block[1]
    assert "2,182万元" in "".join(statement.itertext())
    assert statement.find(f"{W}pPr/{W}keepNext") is not None
    rows = sign[0].findall(f"{W}tr")
    assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows)
    assert all(p.find(f"{W}pPr/{W}keepNext") is not None for r in rows[:-1] for p in r.iter(f"{W}p"))
    ruled = [tc for tc in sign[0].iter(f"{W}tc") if tc.find(f"{W}tcPr/{W}tcBorders/{W}bottom") is not None]
    assert len(ruled) == 4  # signature and date lines for rep and manager


def test_hostile_rep_names_stay_text_and_the_file_stays_valid(plan_from, make_plan, tmp_path):
    plan = plan_from(make_plan(**{"team.reps.0.name": "\"O'Brien\" <A&B>", "crm.customers.0.name": "A&B <Ltd>",
                                  "plan.owner": "Ma & Pa <Boss>"}))
    path = tmp_path / "rep.docx"
    path.write_bytes(rep_doc(plan))
    doc = docx.Document(str(path))
    assert doc.paragraphs[0].text.startswith("\"O'Brien\" <A&B>")
    cells = {c.text for t in doc.tables for r in t.rows for c in r.cells}
    assert "A&B <Ltd>" in cells and any("Ma & Pa <Boss>" in c for c in cells)
    assert audit_errors(path) == ""


@pytest.mark.parametrize("locale", ["zh-CN", "en", "es"])
def test_rep_plan_renders_in_every_locale_without_template_text(locale, plan_from, make_plan, tmp_path):
    plan = plan_from(make_plan(**{"plan.locale": locale, "team.action_plan": ACTIONS}))
    path = tmp_path / f"{locale}.docx"
    path.write_bytes(rep_doc(plan, 1))
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "Bob" in text and not re.search(r"\{\{|\{%|\bNone\b", text)
    assert audit_errors(path) == ""


def test_chinese_rep_plan_has_east_asian_fonts(zh):
    rpr = zh.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert rpr.find(qn("w:rFonts")).get(qn("w:eastAsia"))


def test_a_very_long_rep_name_still_renders(plan_from, make_plan):
    plan = plan_from(make_plan(**{"team.reps.0.name": "Ann " * 100}))
    doc = open_doc(rep_doc(plan))
    assert doc.paragraphs[0].text.startswith("Ann Ann") and len(doc.core_properties.subject) <= 255


def test_a_rep_without_customers_has_no_visit_plan_section():
    """刘洋 owns no customer: neither the heading nor its introduction appears."""
    doc = open_doc(rep_doc(load(ROOT / "samples" / "zh-annual-plan.yaml"), 3))
    text = [p.text for p in doc.paragraphs]
    assert not any("客户拜访计划" in t for t in text) and not any("拜访月份" in t for t in text)
    assert any("个人费用预算" in t for t in text)  # the next section is still there


def test_only_the_reps_own_tasks_and_action_lines_are_in_his_plan(plan_from, make_plan):
    """Ann (r1) owns one task and one action line; Bob's plan has neither, and the manager's task stays
    in the team plan."""
    plan = plan_from(make_plan(**{"team.action_plan": ACTIONS, "tasks": [
        {"task": "Open an office", "owner": "Test Manager"}, {"task": "Sign Acme", "owner": "Ann"}]}))
    ann, bob = open_doc(rep_doc(plan, 0)), open_doc(rep_doc(plan, 1))
    assert [r[0] for r in table_after(ann, "Task breakdown")[1:]] == ["Sign Acme"]
    assert [r[0] for r in table_after(ann, "Action plan")[1:]] == ["Win three key accounts"]
    text = "\n".join(p.text for p in bob.paragraphs)
    assert "Your tasks" not in text and "Action plan" not in text


def test_months_before_a_late_start_show_a_dash_not_zero(plan_from, make_plan):
    """Bob starts on 1 Apr 2027: January to March are outside his employment, in the month table and in
    the per-day table beside it (no 0 working days); the per-day table is folded Jan-Jun | Jul-Dec."""
    doc = open_doc(rep_doc(plan_from(make_plan(**{"team.reps.1.start": "2027-04-01"})), 1))
    months, days = table_after(doc, "Monthly target"), table_after(doc, "Daily targets")
    assert [h.replace("\n", " ") for h in months[0]] == ["Month", "Target (USD)", "Ramp-up"]
    assert [r[1:] for r in months[1:4]] == [["—"] * 2] * 3
    assert months[4][-1] == "25%" and "—" not in months[4]
    assert [h.replace("\n", " ") for h in days[0]] == ["Month", "Working days", "Daily target (USD)"] * 2  # folded
    assert [r[1:3] for r in days[1:4]] == [["—"] * 2] * 3 and "—" not in days[4]


def test_a_rep_without_ramp_has_no_ramp_column(zh):
    assert [h.replace("\n", "") for h in table_after(zh, "月目标")[0]] == ["月份", "目标（万元）", "新增客户"]
    assert [h.replace("\n", "") for h in table_after(zh, "日目标")[0]] == ["月份", "工作日天数", "日目标（万元）"] * 2


def test_a_plan_spread_over_calendar_days_heads_its_days_column_calendar_days(plan_from, make_plan):
    """daily_basis all_days: January's 31 days carry its target, so the column says calendar days."""
    doc = open_doc(rep_doc(plan_from(make_plan(**{"targets.calendar.daily_basis": "all_days"})), 0))
    days = table_after(doc, "Daily targets")
    assert days[0][1] == "Calendar days" and days[1][1] == "31"


@pytest.mark.parametrize("rep, expected", [
    (0, "Your full quota for the period is $6,000,000. While Bob ramps up, you carry $1,950,000 of their quota "
        "on top, so your target is $7,950,000."),
    (1, "Your full quota for the period is $6,000,000. You start on 1 Apr 2027, so the months before carry no "
        "target. Your first months build up: $127,000 (Apr), $242,000 (May), and $381,000 (Jun). That makes your "
        "target $4,050,000, $1,950,000 below your full quota; your colleagues carry the difference."),
])
def test_the_plan_explains_the_reps_number(rep, expected, plan_from, make_plan):
    """12,000k over two equal reps: 6,000k each in full. Bob starts in April and ramps 25/50/75% of his half:
    Apr-Jun halves 508k, 485k, 507k give him 127k + 242k + 381k, 0 before, 3,300k from July (half of Q3 3,600k + Q4 3,000k): 4,050k in all;
    Ann carries the 12,000k - 4,050k = 7,950k rest, 1,950k above her 6,000k. Both sentences say exactly that."""
    doc = open_doc(rep_doc(plan_from(make_plan(**{"team.reps.1.start": "2027-04-01"})), rep))
    assert expected in [p.text for p in doc.paragraphs]


def test_a_rep_without_ramp_is_told_his_target_is_his_full_quota(zh):
    assert "本期目标即全额指标，按你的权重在华东内分配。" in [p.text for p in zh.paragraphs]


def test_the_rep_plan_charts_his_months(zh):
    charts = [r for r in zh.part.rels.values() if r.reltype.endswith("/chart")]
    assert len(charts) == 1


@pytest.mark.parametrize("sample", ["zh-annual-plan.yaml", "es-regional-plan.yaml", "en-half-year-plan.yaml",
                                    "es-MX-quarter-plan.yaml"])
def test_every_rep_plan_of_every_sample_holds_only_that_reps_items(sample):
    """Tasks and action lines by owner (id or name), budget items from budget.rep_items, customers by owner."""
    plan = load(ROOT / "samples" / sample)
    d = decompose(plan)
    for rep in d.reps:
        tables = rep_context(Ctx(plan, d), rep)["tables"]
        mine = {rep.id, rep.name}
        tasks = [r[0] for r in tables["rep_tasks"].rows] if "rep_tasks" in tables else []
        assert tasks == ["；".join(t.task) if plan.plan.locale == "zh-CN" else "; ".join(t.task)
                         for t in plan.tasks if t.owner in mine]
        actions = [r[0] for r in tables["rep_actions"].rows] if "rep_actions" in tables else []
        assert len(actions) == len([a for a in plan.team.action_plan if a.owner in mine])
        budget = [r[0] for r in tables["rep_budget"].rows] if "rep_budget" in tables else []
        assert set(budget) <= set(plan.budget.rep_items) and budget
        customers = [r[0] for r in tables["rep_customers"].rows] if "rep_customers" in tables else []
        assert customers == [c.name for c in plan.crm.customers if c.owner == rep.id]


def it_names_the_reps_own_manager_in_the_commitment(make_plan, plan_from):
    """The commitment block is signed by the rep's `manager`; a rep without one by the plan's owner."""
    from plangen.decompose import decompose
    from plangen.present.context import Ctx
    from plangen.present.ctx.rep import rep_context
    plan = plan_from(make_plan(**{"team.reps.0.manager": "Carla Diaz"}))
    d = decompose(plan)
    c = Ctx(plan, d)
    assert [rep_context(c, r)["manager"] for r in d.reps] == ["Carla Diaz", "Test Manager"]


@pytest.mark.parametrize("owner, locale, signs", [
    ("Lucía Fernández (Directora Regional)", "es", ("Lucía Fernández", "Directora Regional")),
    ("王芳（大区总监）", "zh-CN", ("王芳", "大区总监")),
    ("Dana Whitfield, Regional Sales Director", "en", ("Dana Whitfield", "Regional Sales Director")),
    ("Test Manager", "en", ("Test Manager", "Sales manager")),
])
def it_signs_as_the_role_the_owner_names_not_the_label_and_the_role(owner, locale, signs, make_plan, plan_from):
    """"Director de ventas: Lucía Fernández (Directora Regional)" said her role twice: she signs as
    "Directora Regional: Lucía Fernández"; a name without a role keeps the label."""
    from plangen.decompose import decompose
    from plangen.present.context import Ctx
    from plangen.present.ctx.rep import rep_context
    plan = plan_from(make_plan(**{"plan.owner": owner, "plan.locale": locale}))
    d = decompose(plan)
    rep = rep_context(Ctx(plan, d), d.reps[0])
    assert (rep["manager"], rep["manager_role"]) == signs
