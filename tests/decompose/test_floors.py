"""Activity floors (funnel.minimum): per rep and month the higher of the funnel's need and the floor."""
from __future__ import annotations

import io
import json
import re

import docx
import pytest

from plangen.decompose import decompose
from plangen.decompose.floors import raise_to_floor
from plangen.decompose.result import Activities
from plangen.model import PlanError
from plangen.model.schema import ActivityFloor
from plangen.present.context import Ctx, build_context
from plangen.present.ctx.rep import rep_context
from plangen.render.docx.rep import render_rep_docx
from plangen.render.jsonout import document
from plangen.render.template_set import TemplateSet

BOTH = {"calls_per_day": 30, "visits_per_week": 20}


def _plan(make_plan, plan_from, minimum, **overrides):
    return plan_from(make_plan(**{"funnel.minimum": minimum, **overrides}))


def it_raises_calls_to_the_floor_and_keeps_visits_the_funnel_needs(make_plan, plan_from):
    """Ann: 6M of 12M; January 394,000 over 21 working days. The period's need (6M / 50k = 120 deals,
    / 25% = 480 opportunities, x 3 = 1,440 visits, x 4 = 5,760 calls) spread by amount gives
    January 95 visits and about 380 calls. Floor: 30 x 21 = 630 calls (higher: it wins);
    20 x 21 / 5 = 84 visits (lower: the funnel's 95 stay)."""
    d = decompose(_plan(make_plan, plan_from, BOTH))
    ann, jan = d.reps[0], d.months[0]
    assert (ann.months[0], len(jan.days)) == (394_000, 21)
    assert (ann.activities[0].visits, ann.activities[0].calls) == (95, 630)
    assert ann.floors[0] == ("calls",)


def it_rounds_a_weekly_floor_up_over_the_rep_s_working_days():
    """2.5 visits a week over 21 working days: 2.5 x 21 / 5 = 10.5 -> 11 visits, above a need of 9."""
    raised, keys = raise_to_floor(Activities(1, 3, 9, 20), ActivityFloor(visits_per_week=2.5), 21)
    assert (raised.visits, raised.calls, keys) == (11, 20, ("visits",))


def it_keeps_team_activities_the_sum_of_the_reps(make_plan, plan_from):
    """With floors the team's January calls are Ann's 630 + Bob's 630 = 1,260, not the team's need."""
    d = decompose(_plan(make_plan, plan_from, BOTH))
    for j, team in enumerate(d.team_activities):
        assert team.calls == sum(r.activities[j].calls for r in d.reps)
        assert team.visits == sum(r.activities[j].visits for r in d.reps)
    assert d.team_activities[0].calls == 1_260


def it_writes_the_floors_to_the_json(make_plan, plan_from):
    d = decompose(plan := _plan(make_plan, plan_from, BOTH))
    rep = json.loads(json.dumps(document(plan, d)))["reps"][0]
    assert rep["floors"][0] == ["calls"] and len(rep["floors"]) == 12


def it_changes_nothing_without_a_floor(make_plan, plan_from):
    d = decompose(plan_from(make_plan()))
    assert all(f == () for r in d.reps for f in r.floors)


@pytest.mark.parametrize("minimum, expected", [
    ({}, "funnel.minimum: expected calls_per_day or visits_per_week, found neither"),
    ({"calls_per_day": 0}, "funnel.minimum.calls_per_day: expected a number above 0, found 0"),
    ({"visits_per_week": -2}, "funnel.minimum.visits_per_week: expected a number above 0, found -2"),
    ({"calls_per_day": 30, "visits_per_week": "0"}, "funnel.minimum.visits_per_week: expected a number above 0, found 0"),
    ({"calls_per_dya": 30}, "funnel.minimum.calls_per_dya: unknown key 'calls_per_dya'; did you mean 'calls_per_day'?"),
])
def it_refuses_floors_it_cannot_use(make_plan, plan_from, minimum, expected):
    with pytest.raises(PlanError) as e:
        _plan(make_plan, plan_from, minimum)
    shown = [str(p).split(": ", 1)[1] for p in e.value.problems]
    assert any(s.startswith(expected) for s in shown), e.value.format()


def it_locates_a_floor_error_in_the_file(make_plan, plan_from):
    with pytest.raises(PlanError) as e:
        _plan(make_plan, plan_from, {"calls_per_day": 0})
    assert re.search(r"^test\.yaml:\d+:\d+: funnel\.minimum\.calls_per_day: ", e.value.format(), re.M)


def _rep_text(plan, index=0) -> str:
    d = decompose(plan)
    data = render_rep_docx(build_context(plan, d), rep_context(Ctx(plan, d), d.reps[index]), TemplateSet())
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


@pytest.mark.parametrize("minimum, expected", [
    ({"calls_per_day": 30}, "Calls: the minimum of 30 a working day is more than your target needs, so your plan "
     "holds the minimum in every month you work."),
    ({"visits_per_week": 20}, "Visits: your target needs more than the minimum of 20 a week of five working days "
     "in every month you work, so your plan holds what the target needs."),
])
def it_says_which_set_the_figure_in_every_month(make_plan, plan_from, minimum, expected):
    """30 calls a day beat every month's need (at most 576 calls over 22 days = 26 a day); 20 visits a
    week (84-92 a month) stay below every month's need (95-144)."""
    assert expected in _rep_text(_plan(make_plan, plan_from, minimum))


def it_names_the_months_where_the_floor_won(make_plan, plan_from):
    """20 calls a day: January needs about 380 calls over 21 days (18 a day), so the floor's 420 wins;
    July needs 576 over 22 days (26 a day), so the funnel's figure stays."""
    plan = _plan(make_plan, plan_from, {"calls_per_day": 20})
    won = [m.index for m, f in zip(decompose(plan).months, decompose(plan).reps[0].floors) if "calls" in f]
    assert 0 in won and 6 not in won
    text = _rep_text(plan)
    assert "Calls: the minimum of 20 a working day is more than your target needs in Jan" in text
    assert "there your plan holds the minimum, in the other months what your target needs." in text


@pytest.mark.parametrize("locale, expected", [
    ("zh-CN", "电话：每个工作日最低 30 次，高于目标所需，你在岗的每个月都按最低量安排。"),
    ("zh-TW", "電話：每個工作日最低 30 次，高於目標所需，你在崗的每個月都按最低量安排。"),
    ("es", "Llamadas: el mínimo de 30 por día laborable supera lo que requiere tu objetivo"),
])
def it_says_it_in_every_locale(make_plan, plan_from, locale, expected):
    plan = _plan(make_plan, plan_from, {"calls_per_day": 30}, **{"plan.locale": locale})
    assert expected in _rep_text(plan)
