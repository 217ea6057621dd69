"""A forecast of the plan period from history.monthly, and the gap between the target and it.

Pure functions, no I/O. Only whole history years are used (12 months each, the consecutive
run of years ending at the latest one); at least two are needed.

Two seasonal methods (season m = 12 months):

* Seasonal naive with trend: y(t+h) = y(same month of the last year) + k * drift, where k is
  how many years ahead the month lies and drift the mean of y(t) - y(t-12) over the last 12
  months (0 when only one year is seen). Exact on "seasonal pattern + linear trend".
* Additive Holt-Winters:
      level   l(t) = a (y(t) - s(t-m)) + (1 - a) (l(t-1) + b(t-1))
      trend   b(t) = b (l(t) - l(t-1)) + (1 - b) b(t-1)
      season  s(t) = g (y(t) - l(t)) + (1 - g) s(t-m)
      y(t+h)  = l(t) + h b(t) + s(t+h-m k),  k = ceil(h / m)
  The state starts at the end of the first year: trend = (mean of year 2 - mean of year 1) / 12
  (0 with one year), level = mean of year 1 + 5.5 trend, season(i) = y(i) - (level - (11 - i) trend).
  That start makes the method exact on "seasonal pattern + linear trend" for any a, b, g.
  a, b, g are grid-searched over GRID^3 for the least one-step squared error (ties: the first).

The method is picked by MAPE on the last history year held out: each method is fitted on the
earlier years and forecasts the held-out year; the lower MAPE wins (ties: seasonal naive, the
simpler). The winner is refitted on every year and forecasts to the end of the plan period.
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import product

from ..model.schema import Plan
from .result import Forecast, ForecastReason, HeldOut, frozen_map  # noqa: F401 - HeldOut, Forecast: this module's API

M = 12
GRID = (0.1, 0.3, 0.5, 0.7, 0.9)
METHODS = ("seasonal_naive", "holt_winters")


# --- history -------------------------------------------------------------------------------


def full_years(monthly: Mapping[int, Sequence[int]]) -> list[int]:
    """The consecutive run of whole years (12 months) that ends at the latest whole year."""
    whole = sorted(y for y, v in monthly.items() if len(v) == M)
    run: list[int] = []
    for y in reversed(whole):
        if run and y != run[0] - 1:
            break
        run.insert(0, y)
    return run


def horizons(last_year: int, months: Sequence[tuple[int, int]]) -> list[int]:
    """Steps ahead of December of `last_year` for each (year, month)."""
    return [(y - last_year - 1) * M + m for y, m in months]


# --- seasonal naive with trend ------------------------------------------------------------


def naive_drift(series: Sequence[float]) -> float:
    """Mean year-over-year change over the last 12 months (0 with a single year)."""
    if len(series) < 2 * M:
        return 0.0
    return sum(series[-M + i] - series[-2 * M + i] for i in range(M)) / M


def naive_forecast(series: Sequence[float], steps: Sequence[int]) -> list[float]:
    """Same month of the last year plus one drift per year ahead."""
    drift, n = naive_drift(series), len(series)
    return [series[n - M + (h - 1) % M] + math.ceil(h / M) * drift for h in steps]


# --- additive Holt-Winters ----------------------------------------------------------------


@dataclass(frozen=True)
class HwState:
    """Level, trend and the last 12 seasonal terms (oldest first) after the last observation."""

    level: float
    trend: float
    season: tuple[float, ...]


def hw_start(series: Sequence[float]) -> HwState:
    """The state at the end of the first year (see the module docstring)."""
    first = series[:M]
    trend = (sum(series[M:2 * M]) - sum(first)) / M / M if len(series) >= 2 * M else 0.0
    level = sum(first) / M + (M - 1) / 2 * trend
    return HwState(level, trend, tuple(y - (level - (M - 1 - i) * trend) for i, y in enumerate(first)))


def hw_run(series: Sequence[float], alpha: float, beta: float, gamma: float) -> tuple[HwState, float]:
    """Smooth the series after its first year; the final state and the one-step squared error."""
    s = hw_start(series)
    level, trend, season, sse = s.level, s.trend, list(s.season), 0.0
    for y in series[M:]:
        old = season.pop(0)
        sse += (y - (level + trend + old)) ** 2
        new = alpha * (y - old) + (1 - alpha) * (level + trend)
        trend = beta * (new - level) + (1 - beta) * trend
        level = new
        season.append(gamma * (y - level) + (1 - gamma) * old)
    return HwState(level, trend, tuple(season)), sse


def hw_fit(series: Sequence[float]) -> tuple[float, float, float]:
    """(alpha, beta, gamma) from GRID with the least one-step squared error (first on ties)."""
    return min(product(GRID, GRID, GRID), key=lambda p: hw_run(series, *p)[1])


def hw_forecast(series: Sequence[float], steps: Sequence[int],
                params: tuple[float, float, float] | None = None) -> list[float]:
    """Level plus h trends plus the season of the same month."""
    state, _ = hw_run(series, *(params or hw_fit(series)))
    return [state.level + h * state.trend + state.season[(h - 1) % M] for h in steps]


# --- choosing -------------------------------------------------------------------------------


def mape(actual: Sequence[float], forecast: Sequence[float]) -> float:
    """Mean absolute percentage error over the months with a non-zero actual (0.05 = 5%)."""
    pairs = [(a, f) for a, f in zip(actual, forecast) if a]
    return sum(abs(a - f) / abs(a) for a, f in pairs) / len(pairs) if pairs else 0.0


def predict(method: str, series: Sequence[float], steps: Sequence[int]) -> list[float]:
    """The named method's forecast of `steps` after the series."""
    return naive_forecast(series, steps) if method == "seasonal_naive" else hw_forecast(series, steps)


def whole(values: Sequence[float]) -> tuple[int, ...]:
    """Forecast values as whole currency units (halves to even), never below zero."""
    return tuple(max(0, round(v)) for v in values)


def hold_out(series: Sequence[float], year: int) -> HeldOut:
    """Fit each method on all but the last year and forecast that year."""
    fit, actual = series[:-M], series[-M:]
    forecasts = {m: whole(predict(m, fit, range(1, M + 1))) for m in METHODS}
    return HeldOut(year, whole(actual), frozen_map(forecasts),
                   frozen_map({m: mape(actual, f) for m, f in forecasts.items()}))


def choose(held: HeldOut) -> str:
    """The method with the lower held-out MAPE; seasonal naive on a tie."""
    return min(METHODS, key=lambda m: (held.mape[m], METHODS.index(m)))


def params_of(method: str, series: Sequence[float]) -> dict[str, float]:
    """The fitted parameters: drift for seasonal naive, alpha/beta/gamma for Holt-Winters."""
    if method == "seasonal_naive":
        return {"drift": naive_drift(series)}
    return dict(zip(("alpha", "beta", "gamma"), hw_fit(series)))


# --- entry points ---------------------------------------------------------------------------


def forecast_series(monthly: Mapping[int, Sequence[int]], months: Sequence[tuple[int, int]],
                    target_months: Sequence[int]) -> tuple[Forecast | None, ForecastReason]:
    """The forecast of `months` from whole history years, or (None, reason code)."""
    years = full_years(monthly)
    if len(years) < 2:
        return None, "too_few_years"
    steps = horizons(years[-1], months)
    if min(steps) < 1:
        return None, "period_not_after_history"
    series = [float(v) for y in years for v in monthly[y]]
    held = hold_out(series, years[-1])
    method = choose(held)
    values = whole(predict(method, series, steps))
    return Forecast(method, values, sum(values), held.mape[method], held, frozen_map(params_of(method, series)),
                    tuple(years), sum(target_months), tuple(target_months)), ""


def plan_forecast(plan: Plan, target_months: Sequence[int]) -> tuple[Forecast | None, ForecastReason]:
    """The plan period's forecast against its monthly targets, or (None, reason code)."""
    if not plan.history or not plan.history.monthly:
        return None, "no_history"
    monthly = {y: [int(v) for v in vs] for y, vs in plan.history.monthly.items()}
    return forecast_series(monthly, plan.plan.period.month_list(), target_months)
