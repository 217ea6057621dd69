"""Time: month weights from the phasing, then quarters, months, days, ISO weeks and month thirds."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from fractions import Fraction
from functools import lru_cache
from itertools import groupby

from ..model.periods import quarter_blocks
from ..model.schema import Plan
from .allocate import largest_remainder
from .calendar import WorkCalendar
from .result import Day, Month, Quarter, Timeline, Week, WeekPart


def phasing_method(plan: Plan) -> str:
    """Which phasing the plan asks for: explicit, equal, working_days or history."""
    ph = plan.targets.phasing
    if ph.method:
        return ph.method
    if ph.from_history:
        return "history"
    if ph.quarters is not None or ph.months is not None:
        return "explicit"
    return "equal"


def month_weights(plan: Plan, days_per_month: list[int]) -> list[Fraction]:
    """The share of the period of each month, summing exactly to 1."""
    ph, n = plan.targets.phasing, plan.plan.period.months
    method = phasing_method(plan)
    if method == "explicit" and ph.months is not None:
        return list(ph.months)
    if method == "explicit":
        return _within_quarters(list(ph.quarters), days_per_month)
    if method == "history" and ph.quarters is not None:
        return _within_quarters(list(ph.quarters), seasonality(plan))
    if method == "history":
        return seasonality(plan)
    if method == "working_days":
        return _normalised([Fraction(d) for d in days_per_month])
    return [Fraction(1, n)] * n


def _within_quarters(quarters: list[Fraction], days: list[int] | list[Fraction]) -> list[Fraction]:
    """Each quarter's weight spread over its months by their working days (or history seasonality)."""
    out: list[Fraction] = []
    for q, block in enumerate(quarter_blocks(len(days))):
        inner = _normalised([Fraction(days[i]) for i in block])
        out.extend(quarters[q] * w for w in inner)
    return out


def _normalised(ws: list[Fraction]) -> list[Fraction]:
    total = sum(ws)
    return [w / total for w in ws] if total else [Fraction(1, len(ws))] * len(ws)


def seasonality(plan: Plan) -> list[Fraction]:
    """Each period month's average share of its year over the history years, renormalised."""
    years = [m for m in plan.history.monthly.values() if len(m) == 12 and sum(m) > 0]
    avg = [sum(Fraction(y[i], sum(y)) for y in years) / len(years) for i in range(12)]
    return _normalised([avg[m - 1] for _, m in plan.plan.period.month_list()])


def phase(total: int, weights: list[Fraction], unit: int) -> Timeline:
    """Quarters by the summed month weights, then the months inside each quarter."""
    blocks = quarter_blocks(len(weights))
    quarters = largest_remainder(total, [sum(weights[i] for i in b) for b in blocks], unit)
    months: list[int] = []
    for amount, block in zip(quarters, blocks):
        months.extend(largest_remainder(amount, [weights[i] for i in block], unit))
    return Timeline(total, quarters, tuple(months))


def days_by_month(cal: WorkCalendar, months: list[tuple[int, int]]) -> list[list[dt.date]]:
    """The target-carrying days of each month of the period."""
    index = {ym: i for i, ym in enumerate(months)}
    out: list[list[dt.date]] = [[] for _ in months]
    for d in cal.days:
        out[index[(d.year, d.month)]].append(d)
    return out


@lru_cache(maxsize=8192)
def iso_week(day: dt.date) -> tuple[int, int]:
    """(ISO year, ISO week) of a day, worked out once per day: a batch of rep plans asks for each
    working day's week a thousand times per plan, and isocalendar() costs a microsecond."""
    return tuple(day.isocalendar()[:2])


def spread_days(amount: int, days: list[dt.date], unit: int) -> tuple[Day, ...]:
    """A month's amount top-down: to its ISO-week parts by working days, then to each part's days.

    Both levels use largest remainder in whole units, so equal weeks differ by at most one unit
    and no week is empty when the month holds at least one unit per week.
    """
    weeks = [list(g) for _, g in groupby(days, key=iso_week)]
    out: list[Day] = []
    for week, part in zip(weeks, week_parts(amount, [len(w) for w in weeks], unit)):
        out.extend(Day(d, a) for d, a in zip(week, largest_remainder(part, [1] * len(week), unit)))
    return tuple(out)


def week_parts(amount: int, sizes: list[int], unit: int) -> tuple[int, ...]:
    """A month's amount over its week parts by their days; every part gets a unit when there are enough."""
    parts = largest_remainder(amount, sizes, unit)
    if 0 in parts and amount // unit >= len(sizes):
        floor = largest_remainder(amount - unit * len(sizes), sizes, unit)
        parts = tuple(p + unit for p in floor)
    return parts


def thirds(days: tuple[Day, ...]) -> tuple[int, int, int]:
    """Early (1-10), mid (11-20) and late (21-end) month: 上旬 / 中旬 / 下旬."""
    out = [0, 0, 0]
    for day in days:
        out[min((day.date.day - 1) // 10, 2)] += day.amount
    return (out[0], out[1], out[2])


def build_months(plan: Plan, revenue: Timeline, weights: list[Fraction], days: list[list[dt.date]],
                 unit: int) -> tuple[Month, ...]:
    """Months with their days and thirds."""
    out = []
    blocks = quarter_blocks(len(weights))
    qof = {i: q for q, b in enumerate(blocks) for i in b}
    for i, (y, m) in enumerate(plan.plan.period.month_list()):
        ds = spread_days(revenue.months[i], days[i] or _all_days(y, m), unit)
        out.append(Month(i, y, m, qof[i], revenue.months[i], weights[i], ds, thirds(ds)))
    return tuple(out)


def _all_days(y: int, m: int) -> list[dt.date]:
    """Every day of a month: where a month has no working day at all, its target still has a home."""
    d, out = dt.date(y, m, 1), []
    while d.month == m:
        out.append(d)
        d += dt.timedelta(days=1)
    return out


def build_quarters(plan: Plan, revenue: Timeline) -> tuple[Quarter, ...]:
    """Quarters as 3-month blocks from the period start, labelled by their first month."""
    months = plan.plan.period.month_list()
    out = []
    for q, block in enumerate(quarter_blocks(len(months))):
        y, m = months[block[0]]
        label = (m - 1) // 3 + 1 if (months[0][1] - 1) % 3 == 0 else q + 1
        out.append(Quarter(q, y, label, tuple(block), revenue.quarters[q]))
    return tuple(out)


def build_weeks(months: tuple[Month, ...]) -> tuple[Week, ...]:
    """ISO weeks from the days; a week straddling two months keeps a part in each."""
    by_week: dict[tuple[int, int], dict[int, list[Day]]] = defaultdict(lambda: defaultdict(list))
    for month in months:
        for day in month.days:
            iso = day.date.isocalendar()
            by_week[(iso[0], iso[1])][month.index].append(day)
    out = []
    for (year, week), parts in sorted(by_week.items()):
        start = dt.date.fromisocalendar(year, week, 1)
        wp = tuple(WeekPart(i, sum(d.amount for d in ds), len(ds)) for i, ds in sorted(parts.items()))
        out.append(Week(year, week, start, start + dt.timedelta(days=6), sum(p.amount for p in wp), wp))
    return tuple(out)
