"""Shared test helpers: a valid plan as a dict, overridable by dotted or nested keys, and loaded via YAML.

Tests get them as fixtures (`make_plan`, `plan_from`, `samples_dir`): another conftest.py lives
under tests/, so `import conftest` would be ambiguous.
"""
from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from plangen.model import Plan, loads

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


class _Delete:
    """Marker: an override with this value removes the key."""

    def __repr__(self) -> str:
        return "DELETE"


DELETE = _Delete()

BASE_PLAN: dict[str, Any] = {
    "plan": {
        "title": "Test plan",
        "organization": "Test BU",
        "owner": "Test Manager",
        "period": 2027,
        "locale": "en",
        "currency": "USD",
    },
    "targets": {
        "revenue": "12M",
        "phasing": {"quarters": ["20%", "25%", "30%", "25%"]},
        "calendar": {"working_days": ["mon", "tue", "wed", "thu", "fri"]},
        "rounding": 1000,
    },
    "team": {
        "reps": [
            {"id": "r1", "name": "Ann"},
            {"id": "r2", "name": "Bob"},
        ],
        "ramp": ["25%", "50%", "75%"],
    },
    "funnel": {"average_deal": "50k", "win_rate": "25%", "visits_per_opportunity": 3, "calls_per_visit": 4},
    "crm": {
        "tiers": [
            {"name": "VIP", "min_revenue": "1M", "visit_every": "1 month"},
            {"name": "Tier 1", "min_revenue": "300k", "visit_every": "2 months"},
            {"name": "Other", "visit_every": "6 months"},
        ],
        "customers": [
            {"name": "Acme", "revenue_last_year": "1.5M", "owner": "r1"},
            {"name": "Globex", "revenue_last_year": "400k", "owner": "r2"},
        ],
    },
    "budget": {"expense_ratio": "8%", "items": {"travel": "50%", "events": "30%", "training": "rest"}},
    "monitoring": {"reports": ["monthly"], "risks": [{"risk": "Price war", "impact": "high"}]},
    "tasks": [{"task": "Open an office", "owner": "Test Manager", "acceptance": "Office staffed"}],
}


def _set(node: Any, keys: list[str | int], value: Any) -> None:
    """Set (deep-merging mappings) or delete the value at a key path inside `node`."""
    *parents, last = keys
    for k in parents:
        if isinstance(node, list):
            node = node[int(k)]
        else:
            node = node.setdefault(k, {})
    if isinstance(node, list):
        last = int(last)
    if value is DELETE:
        if isinstance(node, list):
            del node[last]
        else:
            node.pop(last, None)
    elif isinstance(value, dict) and isinstance(node, dict) and isinstance(node.get(last), dict):
        for k, v in value.items():
            _set(node[last], [k], v)
    else:
        node[last] = copy.deepcopy(value)


def _path(key: str) -> list[str | int]:
    """`team.reps.0.start` -> ['team', 'reps', 0, 'start']."""
    return [int(k) if k.isdigit() else k for k in key.split(".")]


def build_plan(overrides: dict[str, Any] | None = None, /, **kw: Any) -> dict[str, Any]:
    """A valid plan dict; overrides are dotted (`**{"targets.revenue": "5M"}`) or nested, and deep-merge."""
    plan = copy.deepcopy(BASE_PLAN)
    for key, value in {**(overrides or {}), **kw}.items():
        _set(plan, _path(key), value)
    return plan


def to_yaml(data: dict[str, Any]) -> str:
    """A plan dict as YAML text, keys in their given order."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def load_plan_dict(data: dict[str, Any], file: str = "test.yaml") -> Plan:
    """Dump a plan dict to YAML and load it the way users' files are loaded."""
    return loads(to_yaml(data), file)


build_plan.DELETE = DELETE  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def make_plan():
    """`make_plan(overrides=None, **dotted)` -> a valid plan dict; `make_plan.DELETE` removes a key."""
    return build_plan


@pytest.fixture(scope="session")
def plan_from():
    """`plan_from(dict)` -> the Plan loaded from its YAML dump."""
    return load_plan_dict


@pytest.fixture(scope="session")
def to_yaml_text():
    """`to_yaml_text(dict)` -> the YAML text plan_from loads."""
    return to_yaml


def sample_dict(name: str, overrides: dict[str, Any] | None = None, /, **kw: Any) -> dict[str, Any]:
    """A sample plan as a dict with dotted overrides, e.g. the zh sample with 华北's only rep a late starter."""
    plan = yaml.safe_load((SAMPLES / name).read_text(encoding="utf-8"))
    for key, value in {**(overrides or {}), **kw}.items():
        _set(plan, _path(key), value)
    return plan


# zh sample as it was before the review: 刘洋 (from April) 华北's only rep, quarters spread by working days
LONE_STARTER = {"team.reps.4": DELETE, "targets.phasing.months": DELETE}


# zh sample as it was filed in issue 12 (a plan a director rejects): 5万 deals at 25%, 3 visits and 4 calls
# each, months by working days against the old 2026 history, 刘洋 alone in 华北, a risk without an owner
REJECTED = {**LONE_STARTER, "funnel": {"average_deal": "5万", "win_rate": "25%", "calls_per_visit": 4},
            "history.monthly.2026": ["520万", "550万", "600万", "630万", "660万", "690万", "710万", "730万", "760万",
                                     "790万", "820万", "873万"],
            "monitoring.risks.0.owner": DELETE, "review": DELETE}


@pytest.fixture(scope="session")
def zh_rejected() -> dict[str, Any]:
    """The zh sample before the review: 24-34 visits a day per rep, February and October below last year."""
    return sample_dict("zh-annual-plan.yaml", REJECTED)


@pytest.fixture(scope="session")
def zh_lone_starter() -> dict[str, Any]:
    """The zh sample without 陈静: 华北's Q1 has nobody, a gap of 500万 (the review warns about it)."""
    return sample_dict("zh-annual-plan.yaml", LONE_STARTER)


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    """The repository's samples/ folder."""
    return SAMPLES


def pytest_addoption(parser) -> None:
    """--slow: also run the tests marked slow (the 5 MB plan); CI (CI=true) always runs them."""
    parser.addoption("--slow", action="store_true", help="also run tests marked slow (CI=true runs them too)")


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "slow: takes many seconds (the 5 MB plan); skipped unless --slow or CI=true")


def pytest_collection_modifyitems(config, items) -> None:
    """Skip slow tests on a developer's run; CI and --slow run everything."""
    if config.getoption("--slow") or os.environ.get("CI"):
        return
    skip = pytest.mark.skip(reason="slow: run with --slow (CI runs it)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
