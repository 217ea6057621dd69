"""plangen track: forecasts that keep the plan's shape, needs by the remaining phasing, the gap in activities.

Each test is a worked example a sales manager can redo on paper.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from plangen.decompose import decompose
from plangen.decompose.result import Activities
from plangen.track import read_actuals, track


def on_plan_rows(d, months: int) -> str:
    """An actuals file holding exactly each rep's plan for the first `months` months."""
    return "month,rep,amount\n" + "".join(f"{i + 1},{r.id},{r.months[i]}\n" for r in d.reps for i in range(months))


@pytest.fixture
def back_loaded(make_plan, plan_from):
    """12M with Q4 = 40% of the year: 800k a month in Q1-Q3, 1.6M a month in Q4; two reps from day one."""
    return plan_from(make_plan({"targets.phasing": {"quarters": [20, 20, 20, 40], "months": [1] * 9 + [2] * 3}, "team.ramp": []}))


def progress_of(plan, text: str, tmp_path: Path, **kw):
    path = tmp_path / "actuals.csv"
    path.write_text(text, encoding="utf-8")
    return track(plan, decompose(plan), read_actuals(path, plan), **kw)


def test_it_forecasts_100_percent_for_a_back_loaded_plan_met_to_the_end_of_q3(back_loaded, tmp_path):
    """On plan to the end of September: 9 x 800k = 7.2M of 12M.

    plan-weighted: 7.2M + Q4's 4.8M x (7.2M / 7.2M) = 12M, 100% of the target;
    run-rate:      7.2M / 9 months x 12 months = 9.6M, only 80%: it ignores that Q4 holds 40%.
    """
    d = decompose(back_loaded)
    assert d.revenue.months == (800_000,) * 9 + (1_600_000,) * 3
    t = progress_of(back_loaded, on_plan_rows(d, 9), tmp_path).total
    assert (t.plan_to_date, t.actual) == (7_200_000, 7_200_000)
    assert (t.forecast, t.trend, t.run_rate) == (12_000_000, 12_000_000, 9_600_000)


def test_it_scales_the_remaining_plan_by_attainment_to_date(back_loaded, tmp_path):
    """Jan-Sep at 90% of plan: 6.48M; plan-weighted = 6.48M + 4.8M x 90% = 10.8M (90%).

    Each rep sells 360k a month (r1 and r2 carry 400k each); the last three months
    (Jul-Sep) are also at 90%, so the recent trend says the same 10.8M.
    """
    text = "month,rep,amount\n" + "".join(f"{i},{r},360000\n" for i in range(1, 10) for r in ("r1", "r2"))
    t = progress_of(back_loaded, text, tmp_path).total
    assert (t.actual, t.forecast, t.trend) == (6_480_000, 10_800_000, 10_800_000)


def test_the_recent_trend_uses_the_last_three_months(back_loaded, tmp_path):
    """Jan-Jun on plan (4.8M), Jul-Sep at half the plan (3 x 400k = 1.2M): 6M to date of 7.2M.

    plan-weighted: 6M + 4.8M x 6/7.2 = 10M; recent trend: 6M + 4.8M x 1.2/2.4 = 8.4M.
    """
    text = "month,amount\n" + "".join(f"{i},800000\n" for i in range(1, 7)) + "7,400000\n8,400000\n9,400000\n"
    t = progress_of(back_loaded, text, tmp_path).total
    assert (t.actual, t.forecast, t.trend) == (6_000_000, 10_000_000, 8_400_000)


def test_needed_by_month_follows_the_remaining_phasing(back_loaded, tmp_path):
    """6M after Q3 leaves 6M to find; Oct, Nov, Dec plan 1.6M each: 2M each (not 800k months)."""
    text = "month,amount\n" + "".join(f"{i},666667\n" for i in range(1, 10))
    t = progress_of(back_loaded, text, tmp_path).total
    assert t.actual == 6_000_003 and t.needed_by_month == (1_999_999, 1_999_999, 1_999_999)


def test_a_rep_behind_has_a_gap_in_money_and_in_activities(back_loaded, tmp_path):
    """r1 plans 400k a month; Jan-Mar sold 300k each: 900k of 1.2M, a gap of 300k.

    Funnel (50k deals, 25% won, 3 visits per opportunity, 4 calls per visit):
    300k / 50k = 6 deals, 6 / 25% = 24 opportunities, 72 visits, 288 calls behind.
    Left to sell: r1's 6M target - 900k = 5.1M over Apr-Dec, by r1's plan there
    (400k x 6 + 800k x 3 = 4.8M): April needs 5.1M x 400/4800 = 425k, December 5.1M x 800/4800 = 850k.
    """
    text = "month,rep,amount\n1,r1,300000\n2,r1,300000\n3,r1,300000\n1,r2,400000\n2,r2,400000\n3,r2,400000\n"
    p = progress_of(back_loaded, text, tmp_path)
    r1, r2 = p.reps
    assert decompose(back_loaded).reps[0].months == (400_000,) * 9 + (800_000,) * 3
    assert (r1.gap, r1.activities_behind) == (300_000, Activities(6, 24, 72, 288))
    assert (r2.gap, r2.activities_behind) == (0, Activities(0, 0, 0, 0))
    assert r1.needed_by_month == (425_000,) * 6 + (850_000,) * 3


def test_needed_per_week_counts_the_remaining_iso_weeks(make_plan, plan_from, tmp_path):
    """2027 Jan-Sep on nothing: 12M left; Oct 1 (a Friday) is in ISO week 39, Dec 31 in week 52:
    14 weeks touch Oct-Dec, 12M / 14 = 857,142.9, rounded up 857,143.
    """
    plan = plan_from(make_plan({"targets.phasing": {"method": "equal"}, "targets.phasing.quarters": make_plan.DELETE}))
    p = progress_of(plan, "month,amount\n9,0\n", tmp_path)
    assert p.total.needed_per_week == 857_143
