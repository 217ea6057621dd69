"""Expense budgets shared among reps by other keys than sales: headcount, regions, fixed plus variable."""
from __future__ import annotations

import datetime as dt

import pytest

from plangen.decompose import decompose
from plangen.decompose.budget import employed_share, rep_budgets
from plangen.model import PlanError
from plangen.model.schema import BudgetAllocation, Rep

PERIOD = (dt.date(2027, 1, 1), dt.date(2027, 12, 31))
TEAM = [Rep(id="a", name="A", region="North"), Rep(id="b", name="B", region="North"),
        Rep(id="c", name="C", region="South")]
REVENUE = {"a": 600_000, "b": 300_000, "c": 100_000}


def it_shares_by_sales_target_by_default():
    """90,000 by targets 600k : 300k : 100k = 6 : 3 : 1 -> 54,000, 27,000, 9,000."""
    assert rep_budgets(90_000, BudgetAllocation(), REVENUE, TEAM, PERIOD, 1000) == {
        "a": 54_000, "b": 27_000, "c": 9_000}


def it_gives_a_fixed_part_then_the_rest_by_target():
    """90,000 with 10,000 fixed each: 30,000 fixed, 60,000 by 6 : 3 : 1 = 36,000, 18,000, 6,000
    -> 46,000, 28,000, 16,000."""
    rule = BudgetAllocation(fixed_per_rep="10000")
    assert rep_budgets(90_000, rule, REVENUE, TEAM, PERIOD, 1000) == {"a": 46_000, "b": 28_000, "c": 16_000}


def it_shares_by_headcount_whatever_the_targets():
    """90,000 by headcount over three reps employed all year: 30,000 each."""
    rule = BudgetAllocation(basis="headcount")
    assert rep_budgets(90_000, rule, REVENUE, TEAM, PERIOD, 1000) == {"a": 30_000, "b": 30_000, "c": 30_000}


def it_splits_by_region_first_then_by_headcount():
    """90,000, 10,000 fixed each (30,000), the 60,000 rest: North 60% = 36,000 for A and B (18,000 each),
    South 40% = 24,000 for C -> A 28,000, B 28,000, C 34,000."""
    rule = BudgetAllocation(basis="headcount", fixed_per_rep="10000", regions={"North": "60%", "South": "40%"})
    assert rep_budgets(90_000, rule, REVENUE, TEAM, PERIOD, 1000) == {"a": 28_000, "b": 28_000, "c": 34_000}


def it_prorates_a_late_starter_by_the_time_employed():
    """H2 2027 (1 Jul - 31 Dec, 184 days); B starts 1 Oct: 92 days = half the period.
    60,000 by headcount 1 : 1/2 -> 40,000 and 20,000; with 10,000 fixed: A 10,000, B 5,000, the 45,000
    rest 1 : 1/2 = 30,000, 15,000 -> A 40,000, B 20,000."""
    h2 = (dt.date(2027, 7, 1), dt.date(2027, 12, 31))
    team = [Rep(id="a", name="A"), Rep(id="b", name="B", start="2027-10-01")]
    assert employed_share(team[1], h2) == pytest.approx(0.5)
    for rule in (BudgetAllocation(basis="headcount"), BudgetAllocation(basis="headcount", fixed_per_rep="10000")):
        assert rep_budgets(60_000, rule, {"a": 1, "b": 1}, team, h2, 1000) == {"a": 40_000, "b": 20_000}


def it_adds_up_to_the_budget_in_the_decomposition(make_plan, plan_from):
    plan = plan_from(make_plan(**{"budget": {"total": "100k", "expense_ratio": make_plan.DELETE,
                                             "allocation": {"basis": "headcount", "fixed_per_rep": "20k"}}}))
    d = decompose(plan)
    assert sum(d.budget.reps.values()) == d.budget.total == 100_000
    assert [r.budget for r in d.reps] == [50_000, 50_000]


def _split_plan(make_plan, **allocation):
    return make_plan(**{"targets.split": {"region": {"North": "60%", "South": "rest"}},
                        "team.reps": [{"id": "r1", "name": "Ann", "region": "North"},
                                      {"id": "r2", "name": "Bob", "region": "South"}],
                        "budget.allocation": allocation})


@pytest.mark.parametrize("allocation, expected", [
    ({"fixed_per_rep": "600k"},
     "budget.allocation.fixed_per_rep: 2 reps x 600,000 = 1,200,000 is more than the budget of 960,000; "
     "expected fixed parts that fit in the budget"),
    ({"regions": {"North": "50%", "West": "rest"}},
     "budget.allocation.regions.West: no rep works in region 'West'; expected a region of the reps: North, South"),
    ({"regions": {"North": "100%"}},
     "team.reps[1].region: rep 'r2' is in region 'South', which has no share in budget.allocation.regions; "
     "expected one of North"),
    ({"basis": "seniority"}, "budget.allocation.basis: expected 'revenue' or 'headcount', found 'seniority'"),
])
def it_refuses_an_allocation_it_cannot_honour(make_plan, plan_from, allocation, expected):
    with pytest.raises(PlanError) as e:
        plan_from(_split_plan(make_plan, **allocation))
    assert any(str(p).split(": ", 1)[1].startswith(expected) for p in e.value.problems), e.value.format()


@pytest.mark.parametrize("allocation", [{}, {"basis": "headcount"}, {"fixed_per_rep": "100k",
                                                                     "regions": {"North": "60%", "South": "rest"}}])
def it_accepts_allocations_that_fit(make_plan, plan_from, allocation):
    d = decompose(plan_from(_split_plan(make_plan, **allocation)))
    assert sum(r.budget for r in d.reps) == d.budget.total


def _budget_sentence(plan) -> str:
    import io

    import docx

    from plangen.present.context import build_context
    from plangen.render.docx.plan import render_plan_docx
    from plangen.render.template_set import TemplateSet

    doc = docx.Document(io.BytesIO(render_plan_docx(build_context(plan, decompose(plan)), TemplateSet())))
    [text] = [p.text for p in doc.paragraphs if p.text.startswith(("The expense budget", "全年费用预算",
                                                                   "El presupuesto de gastos"))]
    return text.split(". ", 1)[-1] if not text.startswith("全年") else text.split("。", 1)[1]


@pytest.mark.parametrize("locale, allocation, expected", [
    ("en", {}, "Each rep's budget is in proportion to his or her sales target."),
    ("en", {"basis": "headcount", "fixed_per_rep": "100k", "regions": {"North": "60%", "South": "rest"}},
     "Each rep's budget: $100,000 fixed (prorated for the time employed), the rest shared by headcount, after a "
     "split by region (North 60% and South 40%)."),
    ("zh-CN", {"basis": "headcount"}, "个人费用预算：按人头平均分配。"),
    ("zh-CN", {"fixed_per_rep": "100k", "regions": {"North": "60%", "South": "rest"}},
     "个人费用预算：每人固定US$100,000（按在岗时间折算），其余先按区域（North 60%和South 40%）划分，再按各人销售目标的比例分配。"),
    ("es", {}, "El presupuesto de cada comercial es proporcional a su objetivo de ventas."),
    ("es", {"basis": "headcount", "fixed_per_rep": "100k"},
     "Presupuesto de cada comercial: 100.000\u00a0US$ fijos (prorrateados por el tiempo en plantilla) y el resto a partes "
     "iguales por persona."),
])
def it_says_in_the_annual_plan_how_rep_budgets_were_set(make_plan, plan_from, locale, allocation, expected):
    plan = plan_from(_split_plan(make_plan, **allocation) | {"plan": {**make_plan()["plan"], "locale": locale}})
    assert _budget_sentence(plan) == expected
