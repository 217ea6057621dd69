"""Loading YAML safely: locations of keys and values, anchors and merges, empty files, the builder helpers."""
from __future__ import annotations

import datetime as dt
from fractions import Fraction as F

import pytest

from plangen.model import Location, PlanError, load, loads
from plangen.model.loader import parse_yaml



def it_remembers_where_every_value_and_key_is() -> None:
    """Locations are 1-based line and column of the value; key locations of the key."""
    doc = parse_yaml("plan:\n  title: T\n  period: 2027\nteam:\n  reps:\n    - {id: r1, name: A}\n", "f.yaml")
    assert doc.locate(("plan", "title")) == Location("f.yaml", 2, 10)
    assert doc.locate(("plan", "title"), key=True) == Location("f.yaml", 2, 3)
    assert doc.locate(("team", "reps", 0, "name")) == Location("f.yaml", 6, 22)
    assert doc.locate(("team", "reps", 0, "missing")) == Location("f.yaml", 6, 7)
    assert str(doc.locate(("nowhere",))) == "f.yaml:1:1"


def it_loads_the_chinese_sample(samples_dir) -> None:
    """The public example loads with exact fractions and whole amounts."""
    plan = load(samples_dir / "zh-annual-plan.yaml")
    assert plan.targets.revenue == 100_000_000
    assert plan.targets.stretch == 120_000_000
    assert plan.targets.phasing.quarters == [F(1, 5), F(1, 4), F(3, 10), F(1, 4)]
    assert plan.targets.new_customers == (20, 25)
    assert plan.targets.split["region"] == {"华东": F(2, 5), "华南": F(7, 20), "华北": F(1, 4)}
    assert plan.team.reps[3].start == dt.date(2027, 4, 1)
    assert plan.plan.period.month_list()[0] == (2027, 1) and plan.plan.period.last_day == dt.date(2027, 12, 31)


def it_accepts_anchors_and_merge_keys() -> None:
    """Plain YAML reuse: an anchor, an alias and a << merge."""
    text = ("plan: {title: T, period: 2027}\ntargets:\n  revenue: 1M\n"
            "team:\n  reps:\n    - &base {id: r1, name: A, region: N}\n    - {<<: *base, id: r2, name: B}\n")
    plan = loads(text)
    assert [(r.id, r.region) for r in plan.team.reps] == [("r1", "N"), ("r2", "N")]


def it_reports_duplicate_keys() -> None:
    """The second occurrence is named with its place."""
    with pytest.raises(PlanError) as info:
        loads("plan: {title: T, period: 2027}\ntargets:\n  revenue: 1M\n  revenue: 2M\n", "d.yaml")
    assert str(info.value) == "d.yaml:4:3: targets.revenue: duplicate key 'revenue'; expected each key once"


def it_treats_an_empty_file_as_an_empty_plan() -> None:
    """An empty file says which keys are missing."""
    with pytest.raises(PlanError) as info:
        loads("", "e.yaml")
    assert {p.path for p in info.value.problems} == {("plan",), ("targets",)}


def it_reads_a_period_as_year_or_start_and_months(make_plan, plan_from) -> None:
    """2027, '2027' and {start, months} all work."""
    assert plan_from(make_plan(**{"plan.period": "2027"})).plan.period.months == 12
    half = plan_from(make_plan(**{"plan.period": {"start": "2027-07", "months": 6},
                                  "targets.phasing.quarters": ["45%", "55%"]})).plan.period
    assert half.month_list() == [(2027, m) for m in range(7, 13)]
    q = plan_from(make_plan(**{"plan.period": {"start": "2027-11", "months": 3},
                               "targets.phasing.quarters": make_plan.DELETE})).plan.period
    assert q.month_list() == [(2027, 11), (2027, 12), (2028, 1)] and q.last_day == dt.date(2028, 1, 31)


def it_merges_dotted_and_nested_overrides(make_plan, to_yaml_text) -> None:
    """make_plan deep-merges, replaces lists, deletes with DELETE and leaves the base alone."""
    plan = make_plan({"targets": {"phasing": {"months": [1] * 12}}}, **{"team.reps.1.start": "2027-04-01",
                                                                        "budget": make_plan.DELETE})
    assert plan["targets"]["phasing"] == {"quarters": ["20%", "25%", "30%", "25%"], "months": [1] * 12}
    assert plan["team"]["reps"][1] == {"id": "r2", "name": "Bob", "start": "2027-04-01"}
    assert "budget" not in plan and "budget" in make_plan()
    assert make_plan()["team"]["reps"][1] == {"id": "r2", "name": "Bob"}
    assert "revenue: 12M" in to_yaml_text(plan)


def it_keeps_every_text_field_as_paragraphs_or_bullets(make_plan, plan_from) -> None:
    """A text field is one or several paragraphs, or a list of bullets."""
    plan = plan_from(make_plan(**{"market": {"target_market": "First.\n\nSecond.", "customer_needs": ["a", "b"]}}))
    assert plan.market.target_market == ("First.", "Second.")
    assert plan.market.customer_needs == ("a", "b")


def it_freezes_the_plan(make_plan, plan_from) -> None:
    """A checked plan cannot be changed by a renderer."""
    plan = plan_from(make_plan())
    with pytest.raises(Exception):
        plan.targets.rounding = 5  # type: ignore[misc]
