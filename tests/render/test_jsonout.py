"""The JSON document of a decomposition: exact integers that add up at every level, a stable shape."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from plangen.decompose import decompose
from plangen.model import load
from plangen.render.jsonout import SCHEMA_VERSION, document, dumps

TOP_LEVEL_KEYS = ["schema_version", "generator", "plan", "currency", "rounding", "phasing", "total", "calendar",
                  "quarters", "months", "weeks", "days", "metrics", "splits", "reps", "unassigned", "ramp_policy",
                  "team_activities", "customers", "budget", "collections", "accounts", "milestones", "proposals", "growth",
                  "forecast", "notices"]
DOCS = Path(__file__).resolve().parents[2] / "docs" / "json-format.md"


@pytest.fixture(scope="module")
def doc(zh_lone_starter, plan_from):
    """The zh sample's JSON document (华北's only rep from April: a gap), dumped and read back."""
    plan = plan_from(zh_lone_starter)
    return json.loads(dumps(document(plan, decompose(plan))))


def it_holds_the_exact_quarter_integers(doc):
    assert [q["amount"] for q in doc["quarters"]] == [20000000, 25000000, 30000000, 25000000]
    assert doc["total"] == 100_000_000 and doc["schema_version"] == SCHEMA_VERSION


def it_keeps_every_amount_an_integer(doc):
    def walk(node, key=""):
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
        elif key in ("amount", "total", "full_quota", "budget") and node is not None:
            assert isinstance(node, int), (key, node)
    walk(doc)


def it_adds_up_exactly_at_every_time_level(doc):
    total, months = doc["total"], {m["key"]: m for m in doc["months"]}
    assert sum(q["amount"] for q in doc["quarters"]) == total
    for q in doc["quarters"]:
        assert sum(months[k]["amount"] for k in q["months"]) == q["amount"]
    for m in doc["months"]:
        assert sum(m["thirds"]) == m["amount"]
        assert sum(d["amount"] for d in doc["days"] if d["month"] == m["key"]) == m["amount"]
        assert sum(p["amount"] for w in doc["weeks"] for p in w["parts"] if p["month"] == m["key"]) == m["amount"]
    assert sum(w["amount"] for w in doc["weeks"]) == total
    assert all(sum(p["amount"] for p in w["parts"]) == w["amount"] for w in doc["weeks"])


def it_adds_up_exactly_across_dimensions_reps_and_budget(doc):
    total = doc["total"]
    for members in doc["splits"].values():
        assert sum(m["total"] for m in members) == total
        assert all(sum(m["quarters"]) == sum(m["months"]) == m["total"] for m in members)
    assert sum(r["total"] for r in doc["reps"]) + doc["unassigned"]["total"] == total
    assert doc["unassigned"]["total"] == 8_120_000  # 华北's Q1 5M and the 75/50/25% of Apr-Jun 刘洋 does not carry
    budget = doc["budget"]
    assert sum(i["total"] for i in budget["items"]) == sum(budget["months"]) == budget["total"] == 8_000_000


def it_gives_shares_as_rounded_numbers(doc):
    assert [m["share"] for m in doc["splits"]["region"]] == [0.4, 0.35, 0.25]
    assert doc["reps"][3]["ramp"][:6] == [0, 0, 0, 0.25, 0.5, 0.75]


def it_lists_notices_with_code_path_and_message(doc):
    codes = {n["code"]: n for n in doc["notices"]}
    assert codes["calendar_estimated"]["path"] == "targets.calendar"
    assert codes["unassigned"]["values"] == {"amount": 8_120_000}


def it_has_a_stable_documented_shape(doc, samples_dir):
    assert list(doc) == TOP_LEVEL_KEYS
    plan = load(samples_dir / "zh-annual-plan.yaml")
    assert dumps(document(plan, decompose(plan))) == dumps(document(plan, decompose(plan)))
    documented = set(re.findall(r"^\| `(\w+)` \|", DOCS.read_text(encoding="utf-8"), re.M))
    assert set(TOP_LEVEL_KEYS) <= documented


def it_holds_null_budget_and_no_reps_when_the_plan_has_none(make_plan, plan_from):
    plan = plan_from(make_plan(budget=make_plan.DELETE, team=make_plan.DELETE, crm=make_plan.DELETE))
    out = json.loads(dumps(document(plan, decompose(plan))))
    assert out["budget"] is None and out["reps"] == [] and out["unassigned"]["total"] == 0


def it_carries_each_reps_weeks_splits_and_budget_items_along_the_documents_lists(doc):
    """A rep's weeks follow the document's weeks (0 where he does not work: 刘洋 before April), his
    splits each dimension's members, his budget items the budget's items; each adds up to his figure."""
    members = {k: [m["name"] for m in v] for k, v in doc["splits"].items()}
    for r in doc["reps"]:
        assert len(r["weeks"]) == len(doc["weeks"]) and sum(r["weeks"]) == r["total"]
        assert all(len(r["splits"][k]) == len(v) and sum(r["splits"][k]) == r["total"] for k, v in members.items())
        assert len(r["budget_items"]) == len(doc["budget"]["items"]) and sum(r["budget_items"]) == r["budget"]
        assert "days" not in r
    late = doc["reps"][3]
    assert late["weeks"][0] == 0 and late["splits"]["region"][members["region"].index(late["region"])] == late["total"]
    assert doc["budget"]["rep_items"] == ["差旅", "招待"]


def it_carries_each_reps_days_only_when_asked(zh_lone_starter, plan_from):
    """--rep-days: a rep's amount per entry of the document's days; they add up to his months."""
    plan = plan_from(zh_lone_starter)
    out = json.loads(dumps(document(plan, decompose(plan), rep_days=True)))
    month_of = [x["month"] for x in out["days"]]
    for r in out["reps"]:
        assert len(r["days"]) == len(out["days"])
        assert [sum(a for a, k in zip(r["days"], month_of) if k == m["key"]) for m in out["months"]] == r["months"]
