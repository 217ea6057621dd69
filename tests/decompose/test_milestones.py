"""Milestones: dated goals ("10 customers before August") checked against the phasing."""
from __future__ import annotations

import datetime as dt
import io

import docx
import pytest

from plangen.decompose import decompose
from plangen.model import PlanError
from plangen.present.context import build_context, notice_text, Ctx
from plangen.render.docx.plan import render_plan_docx
from plangen.render.template_set import TemplateSet


def _plan(make_plan, plan_from, milestones, **overrides):
    return plan_from(make_plan(**{"targets.milestones": milestones, **overrides}))


def it_counts_the_revenue_planned_up_to_the_date(make_plan, plan_from):
    """12M with quarters 20/25/30/25%: by 30 June the plan holds Q1 + Q2 = 2.4M + 3.0M = 5.4M."""
    d = decompose(_plan(make_plan, plan_from, [{"name": "Half", "by": "2027-06-30", "revenue": "5.4M"}]))
    [m] = d.milestones
    assert (m.planned, m.met) == (5_400_000, True)
    assert not [n for n in d.notices if n.code == "milestone_short"]


def it_counts_new_customers_by_whole_months_and_the_month_in_progress(make_plan, plan_from):
    """24 new customers phased 20/25/30/25% by quarter: Q1 4.8 -> months of Q1 to Jul sum to what the
    timeline holds; by 31 July the plan has Jan-Jul, which is below the 20 asked: a notice says so."""
    d = decompose(_plan(make_plan, plan_from, [{"name": "20 before August", "by": "2027-07-31",
                                                "new_customers": 20}], **{"targets.new_customers": 24}))
    [m] = d.milestones
    assert m.planned == sum(d.metrics["new_customers"].months[:7])
    assert not m.met
    [n] = [n for n in d.notices if n.code == "milestone_short"]
    assert n.path == ("targets", "milestones", 0)


def it_counts_a_month_in_progress_by_its_share_of_days(make_plan, plan_from):
    """12 new customers equal by month (1 a month, weight of each month's working days); by 15 Jan
    the plan holds 1 x (working days 1-15 Jan / working days of Jan), rounded down = 0."""
    d = decompose(_plan(make_plan, plan_from, [{"name": "First", "by": "2027-01-15", "new_customers": 1}],
                        **{"targets.new_customers": 12, "targets.phasing": {"method": "equal", "quarters": None}}))
    assert d.milestones[0].planned == 0


@pytest.mark.parametrize("locale, expected", [
    ("en", "Milestone “20 before August” asks 20 new customers by 31 Jul 2027; the phasing plans "),
    ("zh-CN", "里程碑“20 before August”要求2027年7月31日前达到20个新客户，按当前分解届时只有"),
    ("es", "El hito «20 before August» pide 20 clientes nuevos antes del 31 jul 2027; el reparto prevé "),
])
def it_warns_in_the_plans_language_when_the_phasing_misses_a_milestone(make_plan, plan_from, locale, expected):
    plan = _plan(make_plan, plan_from, [{"name": "20 before August", "by": "2027-07-31", "new_customers": 20}],
                 **{"targets.new_customers": 24, "plan.locale": locale})
    d = decompose(plan)
    [n] = [n for n in d.notices if n.code == "milestone_short"]
    assert notice_text(Ctx(plan, d), n).startswith(expected)


@pytest.mark.parametrize("milestone, expected", [
    ({"name": "Late", "by": "2028-02-01", "revenue": "1M"},
     "targets.milestones[0].by: date 2028-02-01 is outside the plan period; expected a date from 2027-01-01 to 2027-12-31"),
    ({"name": "Two", "by": "2027-06-30", "revenue": "1M", "units": 5},
     "targets.milestones[0]: expected exactly one goal: `revenue`, `new_customers` or `units`"),
    ({"name": "None", "by": "2027-06-30"},
     "targets.milestones[0]: expected exactly one goal: `revenue`, `new_customers` or `units`"),
    ({"name": "Units", "by": "2027-06-30", "units": 5},
     "targets.milestones[0].units: a units milestone needs targets.units to check it against; expected "
     "targets.units, found none"),
])
def it_refuses_a_milestone_it_cannot_check(make_plan, plan_from, milestone, expected):
    with pytest.raises(PlanError) as e:
        _plan(make_plan, plan_from, [milestone])
    assert any(str(p).split(": ", 1)[1].startswith(expected) for p in e.value.problems), e.value.format()


def _doc(plan):
    return docx.Document(io.BytesIO(render_plan_docx(build_context(plan, decompose(plan)), TemplateSet())))


def it_shows_the_milestones_beside_what_the_plan_reaches(make_plan, plan_from):
    plan = _plan(make_plan, plan_from, [{"name": "Half", "by": "2027-06-30", "revenue": "5.4M"},
                                        {"name": "20 before August", "by": "2027-07-31", "new_customers": 20}],
                 **{"targets.new_customers": 24})
    doc = _doc(plan)
    assert "2 dated goals are checked against the phasing: the plan does not reach 1 of them in time." in [
        p.text for p in doc.paragraphs]
    [table] = [t for t in doc.tables if t.rows[0].cells[0].text == "Milestone"]
    assert [c.text for c in table.rows[1].cells] == ["Half", "30 Jun 2027", "$5,400,000", "$5,400,000",
                                                     "Within the plan"]
    assert table.rows[2].cells[4].text == "Short of the goal"


def it_leaves_the_milestones_out_of_a_plan_without_them(make_plan, plan_from):
    doc = _doc(plan_from(make_plan()))
    assert "Milestones" not in [p.text for p in doc.paragraphs]
