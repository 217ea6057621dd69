"""Targets from history (targets.revenue: {method: history}): hand-computed expected numbers."""
from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from plangen.decompose import decompose
from plangen.model import load, loads
from plangen.present.context import build_context

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "en-history-target-plan.yaml"

# Flat years: 2024 = 12 x 100k = 1.2M, 2025 = 12 x 150k = 1.8M, 2026 = 12 x 200k = 2.4M.
FLAT = {2024: ["100k"] * 12, 2025: ["150k"] * 12, 2026: ["200k"] * 12}


def plan_text(revenue: str, monthly: dict, growth: str = "industry_growth: 10%\n  benchmark_growth: 20%",
              period: str = "2027", rounding: int = 1000) -> str:
    """A minimal plan whose revenue target comes from history."""
    years = "\n".join(f"    {y}: [{', '.join(v)}]" for y, v in monthly.items())
    return (f"plan: {{title: T, period: {period}, locale: en, currency: USD, display_unit: k}}\n"
            f"targets:\n  revenue: {revenue}\n  rounding: {rounding}\n"
            f"history:\n  {growth}\n  monthly:\n{years}\n")


def target(revenue: str, monthly: dict = FLAT, **kw) -> int:
    """The decomposed revenue target of such a plan."""
    return decompose(loads(plan_text(revenue, monthly, **kw))).total


def test_last_year_base_times_blended_growth():
    # base 2.4M; growth (10% + 20%) / 2 = 15%; 2.4M x 1.15 = 2.76M
    assert target("{method: history}") == 2_760_000


def test_average_3y_with_default_weights():
    # (1.2M x 1/6 + 1.8M x 1/3 + 2.4M x 1/2) / 1 = 0.2M + 0.6M + 1.2M = 2.0M; x 1.15 = 2.3M
    assert target("{method: history, base: average_3y}") == 2_300_000


def test_average_3y_with_own_weights_and_rounding():
    # (1.2M x 1 + 1.8M x 1 + 2.4M x 2) / 4 = 1.95M; x 1.15 = 2,242,500 -> 224.25 units of 10k -> 2.24M
    assert target("{method: history, base: average_3y, base_weights: [1, 1, 2]}", rounding=10000) == 2_240_000


def test_average_3y_with_two_years_uses_the_last_two_weights():
    # weights 1/3, 1/2: (1.8M/3 + 2.4M/2) / (5/6) = 1.8M / (5/6) = 2.16M; x 1.15 = 2,484,000
    two = {2025: FLAT[2025], 2026: FLAT[2026]}
    assert target("{method: history, base: average_3y}", two) == 2_484_000


def test_industry_and_benchmark_weights_and_extra_growth():
    # 10% x 3/4 + 20% x 1/4 = 12.5%, + 2% extra = 14.5%; 2.4M x 1.145 = 2,748,000
    rev = "{method: history, industry_weight: 75%, benchmark_weight: 25%, extra_growth: 2%}"
    assert target(rev) == 2_748_000


def test_benchmark_defaults_to_industry_growth():
    # no benchmark: both weights on 10%; 2.4M x 1.1 = 2.64M
    assert target("{method: history}", growth="industry_growth: 10%") == 2_640_000


def test_no_growth_given_keeps_the_base():
    # neither industry nor benchmark growth: 0% -> the base itself
    assert target("{method: history, base: average_3y}", growth="") == 2_000_000


def test_half_year_takes_the_same_months_of_last_year():
    # 2026 months are 10k x month number; Jul-Dec = (7+8+9+10+11+12) x 10k = 570k; x 1.15 = 655,500
    seasonal = {2026: [f"{10 * m}k" for m in range(1, 13)]}
    got = target("{method: history}", seasonal, period="{start: 2027-07, months: 6}", rounding=100)
    assert got == 655_500


def test_growth_detail_and_implied_growth():
    d = decompose(loads(plan_text("{method: history}", FLAT)))
    g = d.growth
    assert g.method == "history"
    assert g.method_detail["base"] == 2_400_000
    assert g.method_detail["growth"] == Fraction(3, 20)
    assert g.last_year == 2_400_000
    assert g.implied == Fraction(3, 20)
    assert sum(d.revenue.months) == d.total == 2_760_000


def test_average_detail_names_years_and_weights():
    d = decompose(loads(plan_text("{method: history, base: average_3y}", FLAT)))
    m = d.growth.method_detail
    assert m["years"] == {2024: 1_200_000, 2025: 1_800_000, 2026: 2_400_000}
    assert m["weights"] == pytest.approx([1 / 6, 1 / 3, 1 / 2])
    assert m["basis"] == "average_3y"


def test_context_states_the_method():
    plan = loads(plan_text("{method: history}", FLAT))
    lines = build_context(plan, decompose(plan))["targets"]["method"]
    assert any("2,400k" in line and "15.0%" in line and "2,760k" in line for line in lines), lines


def test_sample_uses_the_history_method():
    plan = load(SAMPLE)
    assert not isinstance(plan.targets.revenue, int)
    d = decompose(plan)
    # base: 2026 = 2,250k; growth (8% + 16%) / 2 + 1% = 13%; x 1.13 = 2,542,500
    #     -> 254.25 units of 10k -> 2,540,000
    assert d.growth.method_detail["base"] == 2_250_000
    assert d.total == 2_540_000
    assert [n.code for n in d.notices if n.code.startswith("growth")] == []
    assert sum(r.total for r in d.reps) + sum(d.unassigned) == d.total
