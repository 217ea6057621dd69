"""Quarterly focus themes (seed 001: every quarter has a main direction) beside the quarter targets."""
from __future__ import annotations

import pytest

from plangen.decompose import decompose
from plangen.model import PlanError
from plangen.present.context import build_context
from plangen.present.ctx.rep import rep_context
from plangen.present.context import Ctx

FOCUS = ["New product launch", "Channel expansion", "Peak-season push", "Renewals and collections"]


def it_adds_the_focus_as_the_last_column_of_the_quarter_table(make_plan, plan_from):
    plan = plan_from(make_plan(**{"targets.quarter_focus": FOCUS}))
    table = build_context(plan, decompose(plan))["tables"]["quarters"]
    assert table.columns[-1] == "Focus"
    assert [row[-1] for row in table.rows] == FOCUS and table.total[-1] == ""


def it_shows_each_reps_quarters_with_the_focus(make_plan, plan_from):
    plan = plan_from(make_plan(**{"targets.quarter_focus": FOCUS}))
    d = decompose(plan)
    table = rep_context(Ctx(plan, d), d.reps[0])["tables"]["rep_quarters"]
    assert [row[-1] for row in table.rows] == FOCUS


def it_leaves_the_column_out_without_focus(make_plan, plan_from):
    plan = plan_from(make_plan())
    assert "Focus" not in build_context(plan, decompose(plan))["tables"]["quarters"].columns


@pytest.mark.parametrize("overrides, expected", [
    ({"targets.quarter_focus": FOCUS[:3]}, "targets.quarter_focus: expected one focus per quarter of the period (4), found 3"),
    ({"plan.period": {"start": "2027-07", "months": 6}, "targets.phasing": {"quarters": ["50%", "50%"]},
      "targets.quarter_focus": FOCUS}, "targets.quarter_focus: expected one focus per quarter of the period (2), found 4"),
])
def it_refuses_a_focus_list_that_does_not_match_the_quarters(make_plan, plan_from, overrides, expected):
    with pytest.raises(PlanError) as e:
        plan_from(make_plan(**overrides))
    assert any(str(p).split(": ", 1)[1] == expected for p in e.value.problems), e.value.format()
