"""The immutable result of decomposing a plan: every level, each adding up to its parent."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from fractions import Fraction
from types import MappingProxyType
from typing import Literal, Mapping

from .calendar import WorkCalendar


def frozen_map(d: dict) -> Mapping:
    """A read-only view of a dict, so the result cannot be changed by a renderer."""
    return MappingProxyType(dict(d))


@dataclass(frozen=True)
class Day:
    date: dt.date
    amount: int


@dataclass(frozen=True)
class Month:
    """One month of the period with its working days and month thirds (上/中/下旬)."""

    index: int                 # 0-based position in the period
    year: int
    month: int
    quarter: int               # 0-based quarter of the period
    amount: int
    weight: Fraction           # phasing weight of the month in the period
    days: tuple[Day, ...]      # the days that carry target (working days, or all days)
    thirds: tuple[int, int, int]

    @property
    def key(self) -> str:
        return f"{self.year}-{self.month:02d}"

    @property
    def working_days(self) -> int:
        return len(self.days)


@dataclass(frozen=True)
class Quarter:
    index: int
    year: int                  # calendar year and quarter of its first month
    quarter: int               # 1..4 (calendar quarter when the period is quarter-aligned)
    months: tuple[int, ...]    # month indexes
    amount: int

    @property
    def key(self) -> str:
        return f"{self.year}-Q{self.quarter}"


@dataclass(frozen=True)
class WeekPart:
    month: int                 # month index
    amount: int
    days: int


@dataclass(frozen=True)
class Week:
    """An ISO week; a week that straddles two months has a part in each."""

    iso_year: int
    iso_week: int
    start: dt.date
    end: dt.date
    amount: int
    parts: tuple[WeekPart, ...]

    @property
    def key(self) -> str:
        return week_key(self.iso_year, self.iso_week)


def week_key(iso_year: int, iso_week: int) -> str:
    """An ISO week's key, as JSON and csv write it: 2027-W03."""
    return f"{iso_year}-W{iso_week:02d}"


@dataclass(frozen=True)
class Timeline:
    """A metric phased over the period."""

    total: int
    quarters: tuple[int, ...]
    months: tuple[int, ...]


@dataclass(frozen=True)
class Split:
    """One split dimension: shares, totals, and totals crossed with quarters and months."""

    name: str
    shares: Mapping[str, Fraction]
    totals: Mapping[str, int]
    by_quarter: Mapping[str, tuple[int, ...]]
    by_month: Mapping[str, tuple[int, ...]]


@dataclass(frozen=True)
class Activities:
    """Funnel activities for one span: deals, opportunities, visits and calls (whole numbers)."""

    deals: int
    opportunities: int
    visits: int
    calls: int


@dataclass(frozen=True)
class RepTarget:
    """One rep's share of the plan."""

    id: str
    name: str
    region: str | None
    weight: Fraction
    start: dt.date | None
    ramp: tuple[Fraction, ...]            # share of full quota per month (0 before start)
    months: tuple[int, ...]
    quarters: tuple[int, ...]
    total: int
    full_quota: int                       # what the rep would carry with no ramp
    activities: tuple[Activities, ...]    # per month
    visits: tuple[int, ...]               # planned customer visits per month
    budget: int
    end: dt.date | None = None
    carried: int = 0                      # what the rep carries of ramping colleagues' share (redistribute)
    metrics: Mapping[str, tuple[int, ...]] = field(default_factory=lambda: MappingProxyType({}))  # units, new customers a month
    floors: tuple[tuple[str, ...], ...] = ()  # per month: the activities funnel.minimum decided (visits, calls)

    @property
    def ramping(self) -> bool:
        return any(r < 1 for r in self.ramp)


@dataclass(frozen=True)
class CustomerPlan:
    name: str
    owner: str | None
    tier: str | None
    revenue_last_year: int | None
    visits: tuple[int, ...]               # per month


@dataclass(frozen=True)
class Budget:
    total: int
    basis: str                            # "ratio" | "total"
    ratio: Fraction | None
    items: Mapping[str, int]
    item_months: Mapping[str, tuple[int, ...]]
    months: tuple[int, ...]
    reps: Mapping[str, int]


@dataclass(frozen=True)
class AccountTarget:
    """A key customer's (outlet's) target: by month and by product item, inside its owner's target."""

    name: str
    owner: str | None
    total: int
    months: tuple[int, ...]
    products: Mapping[str, tuple[int, ...]]   # product item -> months; empty without product items


@dataclass(frozen=True)
class MilestoneCheck:
    """A dated goal and what the phasing plans by its date."""

    name: str
    by: dt.date
    metric: str                           # "revenue" | "new_customers" | "units"
    goal: int
    planned: int

    @property
    def met(self) -> bool:
        return self.planned >= self.goal


@dataclass(frozen=True)
class Collections:
    """回款: collected per month from sales by the payment terms, plus last year's receivables."""

    terms: tuple[Fraction, ...]           # share of a month's sales collected in that month, the next, ...
    carried_over: int                     # last year's receivables collected in the period
    sales: int                            # the period's sales target
    months: tuple[int, ...]               # collected per month (team)
    from_carried: tuple[int, ...]         # of which from last year's receivables
    closing: int                          # receivables left at the period's end
    reps: Mapping[str, tuple[int, ...]]   # collected per rep and month
    unassigned: tuple[int, ...]           # collected on the unassigned row (no rep)

    @property
    def total(self) -> int:
        """The collection target: sales + carried over - closing receivables."""
        return sum(self.months)


@dataclass(frozen=True)
class Growth:
    """The target against history: implied vs stated, industry and benchmark growth."""

    base_year: int | None
    last_year: int | None                 # actuals of the same months a year earlier
    last_year_months: tuple[int, ...] | None
    implied: Fraction | None
    stated: Fraction | None
    industry: Fraction | None
    benchmark: Fraction | None
    method: str                           # "given" | "history"
    method_detail: Mapping[str, object]


@dataclass(frozen=True)
class Notice:
    """A warning for the plan's author: a code for localised text, its values, and English text."""

    code: str
    values: Mapping[str, object]
    message: str
    path: tuple = ()


ForecastReason = Literal["", "no_history", "too_few_years", "period_not_after_history"]


@dataclass(frozen=True)
class HeldOut:
    """The last history year held out: actuals, each method's forecast of it and its MAPE."""

    year: int
    actual: tuple[int, ...]
    forecasts: Mapping[str, tuple[int, ...]]
    mape: Mapping[str, float]


@dataclass(frozen=True)
class Forecast:
    """The forecast of the plan period by the method that fitted the held-out year best."""

    method: str                      # "seasonal_naive" | "holt_winters"
    months: tuple[int, ...]          # per period month, whole currency units
    total: int
    mape: float                      # held-out MAPE of the chosen method (0.05 = 5%)
    held_out: HeldOut
    params: Mapping[str, float]      # alpha/beta/gamma (Holt-Winters) or drift (naive), full fit
    years: tuple[int, ...]           # the history years used
    target: int
    target_months: tuple[int, ...]

    @property
    def gap(self) -> int:
        """Target minus forecast: what the plan asks beyond the trend (negative: below it)."""
        return self.target - self.total

    @property
    def gap_months(self) -> tuple[int, ...]:
        """Target minus forecast per period month."""
        return tuple(t - f for t, f in zip(self.target_months, self.months))


# why a rep's agreed number is what it is: by the rule; the only rep of his group under the rule; no
# proposal; not at full quota every month (start, end, ramp)
Basis = Literal["rule", "alone", "no_proposal", "ramp"]


@dataclass(frozen=True)
class RepProposal:
    """One rep's top-down number, his proposal (None: he made none), and the agreed number."""

    id: str
    top_down: int
    proposed: int | None
    agreed: int
    basis: Basis

    @property
    def gap(self) -> int | None:
        """Proposal - top-down: negative when the rep asks for less than he was given."""
        return None if self.proposed is None else self.proposed - self.top_down


@dataclass(frozen=True)
class Proposals:
    """The reconciliation of the whole team, rep by rep in team order."""

    rule: str
    weight: Fraction | None
    reps: tuple[RepProposal, ...]

    @property
    def proposers(self) -> tuple[RepProposal, ...]:
        return tuple(r for r in self.reps if r.proposed is not None)

    @property
    def proposed(self) -> int:
        """What the reps who made a proposal ask for in all."""
        return sum(r.proposed for r in self.proposers)

    @property
    def proposers_top_down(self) -> int:
        """The top-down numbers of the same reps: what the proposals answer."""
        return sum(r.top_down for r in self.proposers)

    @property
    def gap(self) -> int:
        """The total gap: proposals - top-down over the reps who made one."""
        return self.proposed - self.proposers_top_down


@dataclass(frozen=True)
class Decomposition:
    """Everything plangen derives from a plan; renderers read only this and the plan."""

    currency: str
    unit: int
    phasing: str
    calendar: WorkCalendar
    months: tuple[Month, ...]
    quarters: tuple[Quarter, ...]
    weeks: tuple[Week, ...]
    revenue: Timeline
    metrics: Mapping[str, Timeline]       # stretch, profit, units, units_high, new_customers, ...
    splits: Mapping[str, Split]
    reps: tuple[RepTarget, ...]
    unassigned: tuple[int, ...]           # per month: target no rep carries (ramp gap policy)
    ramp_policy: str
    customers: tuple[CustomerPlan, ...]
    team_activities: tuple[Activities, ...]
    budget: Budget | None
    growth: Growth
    notices: tuple[Notice, ...]
    collections: Collections | None = None
    milestones: tuple[MilestoneCheck, ...] = ()
    accounts: tuple[AccountTarget, ...] = ()
    forecast: Forecast | None = None      # the period forecast from history (decompose.forecast)
    forecast_reason: ForecastReason = "no_history"   # why there is none ("" when there is one)
    proposals: Proposals | None = None    # the reps' own numbers against the top-down ones (team.reconcile)

    @property
    def total(self) -> int:
        return self.revenue.total

    def rep(self, rep_id: str) -> RepTarget:
        """The rep with this id."""
        return next(r for r in self.reps if r.id == rep_id)
