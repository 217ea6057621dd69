"""Fuzzing the loader and decompose: valid and randomly broken plans give a plan or a PlanError, nothing else."""
from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plangen.decompose import decompose
from plangen.model import PlanError, loads

FULL_PLAN: dict[str, Any] = {
    "plan": {"title": "Fuzz", "organization": "BU", "owner": "M", "period": 2027, "locale": "zh-CN",
             "currency": "CNY", "display_unit": "万", "date": "2026-12-01"},
    "targets": {
        "revenue": "1亿", "stretch": "1.2亿", "growth": "20%", "profit": "1500万", "new_customers": "20~25",
        "phasing": {"quarters": ["20%", "25%", "30%", "25%"]},
        "calendar": {"country": "CN", "working_days": ["mon", "tue", "wed", "thu", "fri"],
                     "extra_holidays": ["2027-02-11"], "extra_workdays": ["2027-02-20"]},
        "split": {"region": {"华东": "40%", "华南": "35%", "华北": "rest"}, "product_line": {"A": 2, "B": 1}},
        "rounding": 10000,
    },
    "history": {"industry_growth": "12%", "benchmark_growth": "18%",
                "monthly": {2026: ["520万"] * 6 + ["700万"] * 6, 2025: ["450万"] * 12}},
    "market": {"target_market": "制造企业", "capacity": "8亿",
               "segments": [{"name": "汽车", "size": "3亿", "needs": "交付"}],
               "competitors": [{"name": "甲", "type": "direct", "strengths": "价格低"}]},
    "product_strategy": {"positioning": "中高端", "lines": [{"name": "A", "role": "volume", "price": "2.8万"}]},
    "sales_strategy": {"channels": ["直销", "分销"]},
    "team": {"reps": [{"id": "r01", "name": "张伟", "region": "华东", "weight": 1.2},
                      {"id": "r02", "name": "李娜", "region": "华南"},
                      {"id": "r03", "name": "王强", "region": "华北", "start": "2027-04-01"}],
             "ramp": ["25%", "50%", "75%"], "hiring": ["Q2"]},
    "funnel": {"average_deal": "5万", "win_rate": "25%", "visits_per_opportunity": 3, "calls_per_visit": 4},
    "crm": {"tiers": [{"name": "VIP", "min_revenue": "100万", "visit_every": "1 month"},
                      {"name": "其他", "visit_every": "6 months"}],
            "customers": [{"name": "甲制造", "revenue_last_year": "320万", "owner": "r01"}],
            "satisfaction": {"survey": "quarterly", "target": "90%"}},
    "budget": {"expense_ratio": "8%", "items": {"差旅": "40%", "市场": "rest"}},
    "monitoring": {"reports": ["weekly"], "risks": [{"risk": "价格战", "probability": "medium", "impact": "high"}]},
    "tasks": [{"task": "办事处", "owner": "王经理", "due": "2027-06-10"}],
}

NASTY_TEXT = ["", " ", "rest", "20%", "150%", "-5%", "1.2M", "2000万", "1e30", "0", "-1", "2027-13", "2027-02-30",
              "2027-07", "1 month", "0 months", "quarterly", "20~25", "25~20", "null", "yes", "CON", "../x",
              "🦄", "华东", "mon", "history", "9" * 50, "%", "万", "1,5", "7.000.000", "\t", "a\nb"]
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.integers(-10**40, 10**40),
    st.floats(allow_nan=True, allow_infinity=True), st.sampled_from(NASTY_TEXT),
    st.text(max_size=12), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
)
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.one_of(st.sampled_from(NASTY_TEXT), st.text(max_size=6)),
                                                 inner, max_size=4)), max_leaves=10)


def key_paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    """Every key path of a nested dict/list, parents before children."""
    out = [prefix] if prefix else []
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for k, v in items:
        out.extend(key_paths(v, prefix + (k,)))
    return out


def mutate(plan: dict, path: tuple, op: str, value: Any) -> None:
    """Remove the key at `path`, or replace its value, in place."""
    node = plan
    for k in path[:-1]:
        node = node[k]
    if op == "remove":
        del node[path[-1]]
    else:
        node[path[-1]] = value


@st.composite
def plans(draw) -> dict:
    """The full plan, then a few random removals and replacements (sometimes none: the plan stays valid)."""
    plan = copy.deepcopy(FULL_PLAN)
    for _ in range(draw(st.integers(0, 4))):
        paths = key_paths(plan)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        op = draw(st.sampled_from(["remove", "replace", "replace"]))
        mutate(plan, path, op, draw(VALUES) if op == "replace" else None)
    return plan


def check(text: str) -> None:
    """Load and decompose: success or PlanError only (any other exception fails the test)."""
    try:
        decompose(loads(text, "fuzz.yaml"))
    except PlanError as e:
        assert e.problems and all(str(p) for p in e.problems)


def test_full_plan_is_valid() -> None:
    """The fuzz base plan is valid, so mutations start from a working plan."""
    decompose(loads(yaml.safe_dump(FULL_PLAN, allow_unicode=True), "fuzz.yaml"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_random_plans_give_a_plan_or_a_plan_error(plan: dict) -> None:
    """Random removals and replacements by random YAML scalars, lists and maps."""
    check(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_edits_of_the_text_give_a_plan_or_a_plan_error(data) -> None:
    """Characters inserted into, or deleted from, the YAML text (typing accidents)."""
    text = yaml.safe_dump(FULL_PLAN, allow_unicode=True, sort_keys=False)
    for _ in range(data.draw(st.integers(1, 5))):
        at = data.draw(st.integers(0, len(text)))
        if data.draw(st.booleans()):
            text = text[:at] + data.draw(st.sampled_from([":", "-", " ", "\t", "\n", "[", "{", "'", '"', "&a",
                                                           "*a", "!!", "#", "%", "\x00", "\ufeff", "万"])) + text[at:]
        else:
            text = text[:at] + text[at + data.draw(st.integers(1, 20)):]
    check(text)
