"""decompose.rep_detail: one rep's days, weeks, splits and budget items, on demand, in whole units that add up."""
from __future__ import annotations

import datetime as dt
from itertools import groupby

import pytest

from plangen.decompose import decompose
from plangen.decompose.rep_detail import rep_detail, rep_weeks
from plangen.decompose.reps import rep_days

ONE_REP = {"targets.revenue": "1M", "targets.phasing.quarters": None, "targets.phasing.method": "equal",
           "team.reps": [{"id": "r1", "name": "Ann"}], "crm": None}


@pytest.fixture
def build(make_plan, plan_from):
    """(plan, decomposition) of make_plan with dotted overrides."""
    def _build(**kw):
        plan = plan_from(make_plan(**kw))
        return plan, decompose(plan)
    return _build


def it_splits_his_total_by_the_plans_shares_in_whole_units(build):
    """1,000,000 in units of 1,000 by {A: 1, B: 2}: 333,333.3 and 666,666.7 floor to 333,000 + 666,000;
    the spare 1,000 goes to the larger remainder (B's 666.7): A 333,000, B 667,000."""
    plan, d = build(**ONE_REP, **{"targets.split.product_line": {"A": 1, "B": 2}})
    assert dict(rep_detail(plan, d, d.reps[0]).splits["product_line"]) == {"A": 333_000, "B": 667_000}


def it_puts_a_region_reps_whole_total_in_his_region(build):
    """Reps in split regions take their region's months: Ann's 600,000 are all East's, Bob's 400,000 West's."""
    plan, d = build(**{**ONE_REP, "targets.split.region": {"East": "60%", "West": "40%"},
                       "team.reps": [{"id": "r1", "name": "Ann", "region": "East"},
                                     {"id": "r2", "name": "Bob", "region": "West"}]})
    assert [dict(rep_detail(plan, d, r).splits["region"]) for r in d.reps] == [
        {"East": 600_000, "West": 0}, {"East": 0, "West": 400_000}]


def it_splits_his_budget_by_the_items_and_marks_those_he_spends(build):
    """Budget 8% of 1M = 80,000, items 50/30/20%: 40,000, 24,000, 16,000; Ann alone holds all 80,000
    and the same parts; travel is the one item she spends herself (budget.rep_items)."""
    plan, d = build(**ONE_REP, **{"budget.rep_items": ["travel"]})
    x = rep_detail(plan, d, d.reps[0])
    assert [tuple(b) for b in x.budget_items] == [("travel", 40_000, True), ("events", 24_000, False),
                                                  ("training", 16_000, False)]
    assert [b.name for b in x.own_budget] == ["travel"]


def it_has_no_budget_items_without_a_budget(build):
    plan, d = build(**ONE_REP, budget=None)
    assert rep_detail(plan, d, d.reps[0]).budget_items == ()


def it_gives_a_rounded_month_to_each_of_his_weeks(build):
    """February 2027 alone, 80,000 in units of 10,000 over four 5-day weeks: 20,000 a week; 50,000 is
    1.25 units a week: 1+1+1+1 and the spare unit to the earliest equal remainder."""
    for revenue, weeks in (("80k", [20_000] * 4), ("50k", [20_000, 10_000, 10_000, 10_000])):
        plan, d = build(**{**ONE_REP, "plan.period": {"start": "2027-02", "months": 1}, "targets.revenue": revenue,
                           "targets.rounding": 10_000, "budget": None})
        assert [(w.key, w.amount) for w in rep_weeks(d, d.reps[0])] == list(zip(
            ["2027-W05", "2027-W06", "2027-W07", "2027-W08"], weeks))


@pytest.mark.parametrize("rep", [{"id": "r1", "name": "Ann"},
                                 {"id": "r1", "name": "Ann", "start": "2027-03-17", "end": "2027-10-06"}])
def it_adds_his_days_to_his_months_and_his_weeks_to_the_days(build, rep):
    """The weeks (from the week parts) are the days' weekly sums, also for a week across a month's end."""
    plan, d = build(**{**ONE_REP, "team.reps": [rep, {"id": "r2", "name": "Bob"}]})
    r = d.reps[0]
    x = rep_detail(plan, d, r)
    assert [sum(a.amount for a in m) for m in x.days] == list(r.months)
    flat = [y for m in x.days for y in m]
    by_week = [(k, sum(y.amount for y in g)) for k, g in groupby(flat, key=lambda y: y.date.isocalendar()[:2])]
    assert [((w.iso_year, w.iso_week), w.amount) for w in x.weeks] == by_week
    assert sum(w.amount for w in x.weeks) == r.total
    assert all(rep.get("start", "") <= y.date.isoformat() <= rep.get("end", "9") for y in flat)


def it_leaves_the_days_out_when_not_asked(build):
    plan, d = build(**ONE_REP)
    x, full = rep_detail(plan, d, d.reps[0], days=False), rep_detail(plan, d, d.reps[0])
    assert x.days == () and x.weeks == full.weeks and full.days == rep_days(d, d.reps[0])
    assert isinstance(full.days[0][0].date, dt.date)
