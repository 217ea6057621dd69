"""The forecast from history: hand-computed seasonal indices, drift, MAPE; exact on known series."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from plangen.decompose import decompose
from plangen.decompose.forecast import (HeldOut, choose, forecast_series, full_years, horizons, hw_forecast,
                                        hw_run, hw_start, mape, naive_drift, naive_forecast, plan_forecast)
from plangen.model import load
from plangen.present.charts import validate
from plangen.present.context import build_context
from plangen.render.jsonout import document, dumps

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
YEAR_2027 = [(2027, m) for m in range(1, 13)]
SEASON = [10, -5, 0, 3, 2, -4, 6, 1, -8, -2, 4, -7]  # sums to 0


def linear_seasonal(years: int, base: float = 100, slope: float = 2) -> list[float]:
    """A series that is exactly 'seasonal pattern + linear trend': y(t) = base + slope t + SEASON[t mod 12]."""
    return [base + slope * t + SEASON[t % 12] for t in range(12 * years)]


def by_year(series: list[float], first: int = 2024) -> dict[int, list[int]]:
    """A flat series as history.monthly."""
    return {first + k: [int(v) for v in series[12 * k:12 * k + 12]] for k in range(len(series) // 12)}


# --- hand-computed pieces -------------------------------------------------------------------


def test_seasonal_indices_at_the_start_by_hand():
    # year 1: 100 every month but December 160 (mean 105); year 2: 112, December 172 (mean 117)
    # trend = (117 - 105) / 12 = 1; level at December of year 1 = 105 + 5.5 x 1 = 110.5
    # season(i) = y(i) - (110.5 - (11 - i) x 1) = y(i) - 99.5 - i
    series = [100] * 11 + [160] + [112] * 11 + [172]
    s = hw_start(series)
    assert s.trend == 1
    assert s.level == 110.5
    assert s.season[0] == 0.5            # 100 - 99.5
    assert s.season[5] == -4.5           # 100 - 104.5
    assert s.season[10] == -9.5          # 100 - 109.5
    assert s.season[11] == 49.5          # 160 - 110.5
    assert sum(s.season) == pytest.approx(0)


def test_one_year_starts_without_trend():
    s = hw_start([100] * 11 + [160])
    assert (s.trend, s.level) == (0, 105)
    assert s.season[0] == -5 and s.season[11] == 55


def test_drift_is_the_mean_year_over_year_change():
    # year 2 is year 1 + 12 in every month but March (+24): drift = (11 x 12 + 24) / 12 = 13
    y1 = [float(100 + i) for i in range(12)]
    y2 = [v + 12 for v in y1]
    y2[2] += 12
    assert naive_drift(y1 + y2) == 13
    assert naive_drift(y1) == 0


def test_seasonal_naive_adds_one_drift_per_year_ahead():
    series = [100.0] * 12 + [112.0] * 11 + [130.0]          # drift = (11 x 12 + 30) / 12 = 13.5
    got = naive_forecast(series, [1, 12, 13, 24])
    assert got == [125.5, 143.5, 139.0, 157.0]              # 112+13.5, 130+13.5, 112+27, 130+27


def test_mape_by_hand_skips_zero_actuals():
    # |100-110|/100 = 10%, |200-180|/200 = 10%, the zero actual is left out
    assert mape([100, 200, 0], [110, 180, 5]) == pytest.approx(0.10)
    assert mape([0, 0], [1, 2]) == 0


def test_horizons_count_months_after_the_last_history_december():
    assert horizons(2026, [(2027, 1), (2027, 12), (2028, 3)]) == [1, 12, 15]
    assert horizons(2025, [(2027, 1)]) == [13]


def test_full_years_takes_the_consecutive_run_ending_last():
    monthly = {2021: [1] * 12, 2023: [1] * 12, 2024: [1] * 12, 2025: [1] * 5}
    assert full_years(monthly) == [2023, 2024]


# --- where the methods are exact --------------------------------------------------------------


def test_both_methods_are_exact_on_seasonal_plus_linear_trend():
    series = linear_seasonal(3)
    truth = [100 + 2 * t + SEASON[t % 12] for t in range(36, 60)]
    steps = list(range(1, 25))
    assert naive_forecast(series, steps) == pytest.approx(truth)
    for params in ((0.1, 0.1, 0.1), (0.9, 0.5, 0.3)):
        assert hw_forecast(series, steps, params) == pytest.approx(truth)
        assert hw_run(series, *params)[1] == pytest.approx(0, abs=1e-9)


def test_exact_series_forecast_has_zero_error_and_prefers_the_simpler_method():
    fc, reason = forecast_series(by_year(linear_seasonal(3)), YEAR_2027, [300] * 12)
    assert reason == ""
    assert fc.method == "seasonal_naive"
    assert fc.mape == 0 and set(fc.held_out.mape.values()) == {0}
    assert fc.months == tuple(100 + 2 * t + SEASON[t % 12] for t in range(36, 48))
    assert fc.params["drift"] == 24                         # 12 months x slope 2
    assert fc.years == (2024, 2025, 2026)


def test_held_out_year_is_forecast_from_the_earlier_years():
    fc, _ = forecast_series(by_year(linear_seasonal(3)), YEAR_2027, [300] * 12)
    h = fc.held_out
    assert h.year == 2026
    assert h.actual == tuple(int(v) for v in linear_seasonal(3)[24:])
    assert h.forecasts["seasonal_naive"] == h.actual


def test_holt_winters_wins_where_a_trend_sets_in():
    # flat 2023-2024, then +3 a month from 2025-01; 2026 held out. Seasonal naive's drift is the mean
    # change 2024 -> 2025, 3 x (0 + 1 + ... + 11) / 12 = 16.5, while the truth climbs 36 a year.
    # April: 2025-04 = 100 + 3 + 3 x 3 = 112, + 16.5 = 128.5 -> 128 (half to even); truth 148
    series = [100 + SEASON[t % 12] + (3 * (t - 24) if t >= 24 else 0) for t in range(48)]
    fc, _ = forecast_series(by_year(series, 2023), YEAR_2027, [1] * 12)
    assert fc.held_out.forecasts["seasonal_naive"][3] == 128
    assert fc.held_out.mape["holt_winters"] < fc.held_out.mape["seasonal_naive"]
    assert fc.method == "holt_winters"
    assert set(fc.params) == {"alpha", "beta", "gamma"}


def test_choose_takes_the_lower_error_and_the_simpler_on_ties():
    def held(naive, hw):
        return HeldOut(2026, (), {}, {"seasonal_naive": naive, "holt_winters": hw})
    assert choose(held(0.05, 0.02)) == "holt_winters"
    assert choose(held(0.02, 0.05)) == "seasonal_naive"
    assert choose(held(0.03, 0.03)) == "seasonal_naive"


def test_gap_is_target_minus_forecast():
    fc, _ = forecast_series(by_year(linear_seasonal(2), 2025), YEAR_2027, [200] * 12)
    # two years: held-out fit on one year (no drift); full fit drift = 24, so 2027 = 2025 + 24
    assert fc.months == tuple(100 + 2 * t + SEASON[t % 12] for t in range(24, 36))
    assert fc.gap == 2400 - fc.total
    assert fc.gap_months == tuple(200 - v for v in fc.months)


def test_forecast_is_immutable():
    fc, _ = forecast_series(by_year(linear_seasonal(2)), YEAR_2027, [200] * 12)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fc.total = 0  # type: ignore[misc]
    with pytest.raises(TypeError):
        fc.held_out.mape["holt_winters"] = 0  # type: ignore[index]


def test_one_year_gives_no_forecast_with_a_reason():
    assert forecast_series(by_year(linear_seasonal(1)), YEAR_2027, [1] * 12) == (None, "too_few_years")


def test_a_period_inside_the_history_gives_no_forecast():
    got = forecast_series(by_year(linear_seasonal(3)), [(2026, m) for m in range(1, 13)], [1] * 12)
    assert got == (None, "period_not_after_history")


def test_a_later_period_is_forecast_through_the_gap_year():
    fc, _ = forecast_series(by_year(linear_seasonal(3)), [(2028, 1), (2028, 2)], [1, 1])
    assert fc.months == (100 + 2 * 48 + SEASON[0], 100 + 2 * 49 + SEASON[1])


# --- the plan and the render context ------------------------------------------------------------


def test_zh_sample_forecast_and_context():
    plan = load(SAMPLES / "zh-annual-plan.yaml")
    d = decompose(plan)
    fc = d.forecast
    assert (fc, d.forecast_reason) == plan_forecast(plan, d.revenue.months)
    assert fc.target == d.total == 100_000_000
    assert len(fc.months) == 12 and fc.total == sum(fc.months)
    ctx = build_context(plan, d)
    f = ctx["forecast"]
    assert f["available"] and f["total"] == fc.total and f["gap"] == fc.gap
    table = ctx["tables"]["forecast"]
    assert len(table.rows) == 12 and table.total[0] == "合计"
    chart = ctx["charts"]["forecast"]
    validate(chart)
    assert chart.kind == "line" and [s.role for s in chart.series] == ["history", "stretch", "plan"]
    assert ("高" if fc.gap >= 0 else "低") in f["headline"]


def test_plan_without_history_has_no_forecast_in_context(make_plan, plan_from):
    plan = plan_from(make_plan())
    ctx = build_context(plan, decompose(plan))
    assert ctx["forecast"] is None and "forecast" not in ctx["tables"]


def it_carries_the_forecast_in_the_decomposition_and_its_json(samples_dir, make_plan, plan_from):
    """The decomposition holds the forecast (render computes none); the JSON carries it, or why not."""
    plan = load(samples_dir / "zh-annual-plan.yaml")
    d = decompose(plan)
    out = json.loads(dumps(document(plan, d)))["forecast"]
    assert out["available"] and out["method"] == d.forecast.method and out["months"] == list(d.forecast.months)
    assert out["total"] == sum(out["months"]) and out["gap"] == out["target"] - out["total"] == d.total - out["total"]
    assert sum(out["gap_months"]) == out["gap"] and out["held_out"]["year"] == max(out["years"])
    bare = plan_from(make_plan({"history": {"monthly": {2026: ["1M"] * 12}}}))
    assert json.loads(dumps(document(bare, decompose(bare))))["forecast"] == {"available": False,
                                                                            "reason": "too_few_years"}


def test_short_history_says_why_in_context(make_plan, plan_from):
    plan = plan_from(make_plan({"history": {"monthly": {2026: ["1M"] * 12}}}))
    f = build_context(plan, decompose(plan))["forecast"]
    assert f == {"available": False, "reason": "No forecast: it needs at least two full years of monthly history"}
