"""Plan vs actual: attainment by month, quarter, period to date, dimension and rep; run-rate and gap.

Pure: plan + decomposition + actuals -> an immutable Progress. Definitions:

* elapsed months: the period months up to the latest month with actuals (or `as_of`);
  time elapsed = elapsed months / period months.
* attainment = actual to date / target of the whole period; attainment to date = actual to
  date / plan of the elapsed months.
* plan-weighted forecast (the headline) = actual to date + the plan of the remaining months x
  attainment to date: the year keeps the plan's shape (a back-loaded Q4) at the pace so far.
* recent-trend forecast = the same with the attainment of the last three elapsed months.
* run-rate projection = actual to date + (actual to date / elapsed months) x remaining months
  (a straight line: below the plan-weighted figure when the remaining months carry more plan).
* needed by month = target - actual to date, spread over the remaining months by their plan.
* needed per remaining week = (target - actual to date) / the period's remaining ISO weeks in
  the line's working months, rounded up.
* gap = plan to date - actual to date; the activities behind are what the funnel takes to win
  the gap (deals, opportunities, visits, calls, each rounded up).
* a line (a rep, a split value, the total) is behind plan when its actual to date is below its
  plan to date: the plan already follows the phasing (a back-loaded Q4) and each rep's ramp-up,
  which a comparison with the time elapsed would ignore.
* a line's time elapsed: elapsed months of the months it works (ramp > 0) over all the months
  it works (shown for context; it decides nothing).
"""
from __future__ import annotations

from typing import Literal

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from ..decompose.allocate import largest_remainder
from ..decompose.funnel import activities
from ..decompose.result import Activities, Decomposition, RepTarget, frozen_map
from ..model.schema import Plan
from .actuals import DIMENSIONS, Actuals
from .appraisal import PeriodAppraisal, Tracked, appraisals


@dataclass(frozen=True)
class Line:
    """One thing tracked: its period target, plan and actual to date, run-rate and status."""

    key: str
    label: str
    target: int
    plan_to_date: int
    actual: int
    elapsed: Fraction          # the share of its time that has passed
    run_rate: int
    forecast: int = 0          # plan-weighted: actual + remaining plan x attainment to date
    trend: int = 0             # the same at the attainment of the last three elapsed months
    needed_by_month: tuple[int, ...] = ()   # what is left, spread over the remaining months by the plan
    needed_per_week: int = 0
    activities_behind: Activities = Activities(0, 0, 0, 0)   # what the funnel takes to win the gap

    @property
    def attainment(self) -> Fraction | None:
        """Actual to date over the period target."""
        return Fraction(self.actual, self.target) if self.target else None

    @property
    def attainment_to_date(self) -> Fraction | None:
        """Actual to date over the plan of the elapsed months."""
        return Fraction(self.actual, self.plan_to_date) if self.plan_to_date else None

    @property
    def remaining(self) -> int:
        """What is left to reach the target (negative when exceeded)."""
        return self.target - self.actual

    @property
    def behind(self) -> bool:
        """Actual to date below a plan to date above zero."""
        return 0 < self.plan_to_date and self.actual < self.plan_to_date

    @property
    def gap(self) -> int:
        """Plan to date less actual to date: above zero when behind."""
        return self.plan_to_date - self.actual


@dataclass(frozen=True)
class MonthProgress:
    """One period month: plan, actual (None after the last tracked month) and cumulatives."""

    index: int
    plan: int
    actual: int | None
    cum_plan: int
    cum_actual: int | None


@dataclass(frozen=True)
class WeekProgress:
    """One ISO week of a weekly actuals file: its plan, actual (None after the last week with rows), cumulatives."""

    iso_year: int
    iso_week: int
    plan: int
    actual: int | None
    cum_plan: int
    cum_actual: int | None


@dataclass(frozen=True)
class QuarterProgress:
    """One quarter: plan, actual of its elapsed months, and how many of its months have passed."""

    index: int
    plan: int
    actual: int
    months_elapsed: int
    months: int


@dataclass(frozen=True)
class Progress:
    """Where the plan stands against the actuals."""

    as_of: int                              # index of the last tracked month
    months_elapsed: int
    months_total: int
    months: tuple[MonthProgress, ...]
    quarters: tuple[QuarterProgress, ...]
    total: Line
    reps: tuple[Line, ...]
    no_rep: int                             # actual to date carried by no rep
    dimensions: Mapping[str, tuple[Line, ...]]
    unassigned: Line | None = None          # the total less the reps: target no rep carries, actual of no rep
    weeks: tuple[WeekProgress, ...] = ()    # weekly actuals only: the weeks to the last one with rows
    appraisals: tuple[PeriodAppraisal, ...] = ()   # incentives: every closed month (or quarter), each rep

    @property
    def elapsed(self) -> Fraction:
        """Time elapsed: elapsed months over all months of the period."""
        return Fraction(self.months_elapsed, self.months_total)

    @property
    def remaining_months(self) -> int:
        """Months of the period after the last one counted."""
        return self.months_total - self.months_elapsed

    @property
    def needed_by_month(self) -> tuple[int, ...]:
        """What the total still needs, spread over the remaining months by the plan."""
        return self.total.needed_by_month

    @property
    def behind(self) -> tuple[Line, ...]:
        """The reps behind plan, furthest behind first (lowest attainment of the plan to date)."""
        return tuple(sorted((r for r in self.reps if r.behind), key=lambda r: (r.attainment_to_date, r.key)))


def run_rate(actual: int, elapsed: int, total: int) -> int:
    """Actual to date plus the average month so far for each remaining month."""
    return actual if not elapsed else round(Fraction(actual * total, elapsed))


def needed(remaining: int, months: int) -> int:
    """What each remaining month must bring, rounded up; 0 when nothing is left."""
    return -(-remaining // months) if remaining > 0 and months else 0


def plan_weighted(actual: int, plan: tuple[int, ...], actual_months: tuple[int, ...], k: int, since: int = 0) -> int:
    """Actual to date plus the remaining plan at the attainment of months since..k (on plan when none planned)."""
    done, rest = sum(plan[since:k]), sum(plan[k:])
    return actual + (round(Fraction(rest * sum(actual_months[since:k]), done)) if done else rest)


def weeks_left(weeks: tuple[tuple[int, ...], ...], plan: tuple[int, ...], k: int) -> int:
    """The ISO weeks (as month indexes of their days) touching a remaining month the line has plan in."""
    return sum(1 for w in weeks if any(m >= k and plan[m] for m in w))


def line(key: str, label: str, plan_months: tuple[int, ...], actual_months: tuple[int, ...], k: int,
         active: tuple[bool, ...] | None = None, weeks: tuple[tuple[int, ...], ...] = (),
         funnel=None) -> Line:
    """A tracked line from its plan and actual per month, `k` months elapsed."""
    active = active or (True,) * len(plan_months)
    n_active, k_active = sum(active), sum(active[:k])
    actual, target, to_date = sum(actual_months[:k]), sum(plan_months), sum(plan_months[:k])
    elapsed = Fraction(k_active, n_active) if n_active else Fraction(1)
    return Line(key, label, target, to_date, actual, elapsed,
                run_rate(actual, k_active, n_active) if k_active else actual, forecast=plan_weighted(actual, plan_months, actual_months, k),
                trend=plan_weighted(actual, plan_months, actual_months, k, max(k - 3, 0)),
                needed_by_month=needed_by_month(plan_months, target - actual, k),
                needed_per_week=needed(target - actual, weeks_left(weeks, plan_months, k)),
                activities_behind=activities(to_date - actual, funnel))


def track(plan: Plan, d: Decomposition, actuals: Actuals, as_of: int | None = None) -> Progress:
    """The progress of the plan up to `as_of` (default: the latest month with actuals; weekly: the last month closed)."""
    n = len(d.months)
    last = last_month(d, actuals) if as_of is None else as_of
    k = 0 if last is None else last + 1
    actual = monthly(d, actuals)
    weeks = tuple(tuple(part.month for part in w.parts) for w in d.weeks)
    total = line("total", "", d.revenue.months, actual, k, weeks=weeks, funnel=plan.funnel)
    tracked = appraised(plan, d, actuals, actual)
    reps = tuple(line(key, name, months, got, k, tuple(f > 0 for f in r.ramp), weeks, plan.funnel)
                 for (key, name, months, got), r in zip(tracked, d.reps))
    return Progress(
        as_of=k - 1, months_elapsed=k, months_total=n, months=month_progress(d.revenue.months, actual, k),
        quarters=tuple(QuarterProgress(q.index, q.amount, sum(actual[i] for i in q.months if i < k),
                                       sum(1 for i in q.months if i < k), len(q.months)) for q in d.quarters),
        total=total, reps=reps, no_rep=sum(monthly(d, actuals, rep=None)[:k]) if d.reps else 0,
        dimensions=frozen_map(dimension_lines(d, actuals, k)), unassigned=unassigned(d, actuals, reps, k),
        weeks=week_progress(d, actuals.by_week()), appraisals=appraisals(plan, d, tracked, k))


def appraised(plan: Plan, d: Decomposition, actuals: Actuals, actual: tuple[int, ...]) -> list[Tracked]:
    """Each rep's plan and actual by month (read once, for his line and his appraisal); without reps, the plan's."""
    reps = [(r.id, r.name, r.months, monthly(d, actuals, rep=r.id)) for r in d.reps]
    return reps or [("total", plan.plan.owner or plan.plan.organization or plan.plan.title, d.revenue.months, actual)]


def monthly(d: Decomposition, actuals: Actuals, **match: str | None) -> tuple[int, ...]:
    """Actuals per period month: monthly rows as they are; each rep's weekly amount split over the months its week
    touches by his own plan in those days (nothing before he starts), the team's for rows without a rep. Every
    total is a sum of the same (week, rep) splits, so the reps' months add up to the team's."""
    out = list(actuals.by_month(len(d.months), **match))
    parts = {(w.iso_year, w.iso_week): w.parts for w in d.weeks}
    reps = {r.id: r for r in d.reps}
    for (week, rep), amount in actuals.by_week_and_rep(**match).items():
        split = parts.get(week, ())
        if not split:                       # a week without working days: its month
            out[week_month(d, week)] += amount
            continue
        shares = largest_remainder(abs(amount), week_weights(d, split, reps.get(rep)))
        for part, share in zip(split, shares):
            out[part.month] += share if amount >= 0 else -share
    return tuple(out)


def week_weights(d: Decomposition, split, rep: RepTarget | None) -> list:
    """A week's month parts weighted by the rep's planned amount in those days, else (no rep, or no plan for him
    in that week) by the team's."""
    team = [p.amount or p.days for p in split]
    if rep is None:
        return team
    own = [Fraction(rep.months[p.month] * p.days, d.months[p.month].working_days or 1) for p in split]
    return own if any(own) else team


def week_month(d: Decomposition, key: tuple[int, int]) -> int:
    """The period month a week without working days ends in (or the last month)."""
    end = dt.date.fromisocalendar(key[0], key[1], 7)
    return next((m.index for m in d.months if (m.year, m.month) >= (end.year, end.month)), len(d.months) - 1)


def last_month(d: Decomposition, actuals: Actuals) -> int | None:
    """The latest month with monthly rows, or the last month a weekly file's latest week closes."""
    weekly = actuals.by_week()
    if not weekly:
        return actuals.last_month
    end = dt.date.fromisocalendar(*max(weekly), 7)
    closed = [m.index for m in d.months if last_day(m.year, m.month) <= end]
    return closed[-1] if closed else -1


def last_day(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def week_progress(d: Decomposition, weekly: Mapping[tuple[int, int], int]) -> tuple[WeekProgress, ...]:
    """Each plan week to the latest week of a weekly file, with cumulatives; () for a monthly file."""
    if not weekly:
        return ()
    last = max(weekly)
    out, cp, ca = [], 0, 0
    for w in d.weeks:
        key = (w.iso_year, w.iso_week)
        cp += w.amount
        done = key <= last
        ca += weekly.get(key, 0) if done else 0
        out.append(WeekProgress(*key, w.amount, weekly.get(key, 0) if done else None, cp, ca if done else None))
    return tuple(out)


def unassigned(d: Decomposition, actuals: Actuals, reps: tuple[Line, ...], k: int) -> Line | None:
    """What no rep carries: the period plan less the reps' plans, and the actuals without a rep."""
    if not reps:
        return None
    n = len(d.months)
    plan = tuple(m - sum(r.months[i] for r in d.reps) for i, m in enumerate(d.revenue.months))
    rest = line("", "", plan, monthly(d, actuals, rep=None), k)
    return rest if rest.target or rest.actual else None


def month_progress(plan: tuple[int, ...], actual: tuple[int, ...], k: int) -> tuple[MonthProgress, ...]:
    """Months with cumulative plan and actual; no actual after the last tracked month."""
    out, cp, ca = [], 0, 0
    for i, (p, a) in enumerate(zip(plan, actual)):
        cp += p
        ca += a
        done = i < k
        out.append(MonthProgress(i, p, a if done else None, cp, ca if done else None))
    return tuple(out)


def needed_by_month(plan: tuple[int, ...], remaining: int, k: int) -> tuple[int, ...]:
    """The remaining target spread over the remaining months by their plan amounts."""
    rest = plan[k:]
    if not rest or remaining <= 0:
        return (0,) * len(rest)
    return tuple(largest_remainder(remaining, list(rest) if sum(rest) else [1] * len(rest)))


def dimension_lines(d: Decomposition, actuals: Actuals, k: int) -> dict[str, tuple[Line, ...]]:
    """Per split value of every dimension that the actuals file fills."""
    out = {}
    n = len(d.months)
    for dim in DIMENSIONS:
        values = list(dict.fromkeys(r.dims[dim] for r in actuals.rows if dim in r.dims))
        if not values:
            continue
        split = d.splits.get(dim)
        keys = list(split.shares) if split else []
        keys += [v for v in values if v not in keys]
        out[dim] = tuple(line(v, v, split.by_month[v] if split and v in split.by_month else (0,) * n,
                              monthly(d, actuals, **{dim: v}), k) for v in keys)
    return out


Status = Literal["not_started", "behind_plan", "on_track"]


def status_of(r: Line) -> Status:
    """Behind plan, on track, or not started (no plan yet): the label key of a line's status."""
    if not r.plan_to_date and not r.actual:
        return "not_started"
    return "behind_plan" if r.behind else "on_track"
