"""The plan file as typed models: every key of the public format, and the keys plangen adds."""
from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Annotated, Literal

from pydantic import (BaseModel, ConfigDict, Field, PlainValidator, ValidationInfo, WithJsonSchema,
                      field_validator, model_validator)

from ..locales import LOCALE_IDS
from . import values
from .review_settings import ReviewSettings
from .shares import ShareMap, weight_list
from .types import Amount, AmountRange, Date, Frequency, Name, Number, Percent, Text


class Model(BaseModel):
    """Base of every section: unknown keys are errors, values are immutable once checked."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True,
                              populate_by_name=True)


def _month(v: object) -> tuple[int, int]:
    year, month = values.parse_month(v)
    if not year:
        raise values.ValueProblem(f"expected a month with its year such as 2027-07, found {values.found(v)}")
    if not 1900 <= year <= 2200:
        raise values.ValueProblem(f"expected a month of a year from 1900 to 2200 such as 2027-07, found {values.found(v)}")
    return (year, month)


YearMonth = Annotated[tuple[int, int], PlainValidator(_month), WithJsonSchema(
    {"type": "string", "pattern": r"^\d{4}-\d{1,2}$", "examples": ["2027-07"]})]


class Period(Model):
    """A plan period: `months` consecutive months from `start`."""

    start: YearMonth
    months: int = Field(12, ge=1, le=36)

    @model_validator(mode="before")
    @classmethod
    def _from_year(cls, v: object) -> object:
        if isinstance(v, int) and not isinstance(v, bool):
            if not 1900 <= v <= 2200:
                raise ValueError(f"expected a year such as 2027, found {v}")
            return {"start": f"{v}-01", "months": 12}
        if isinstance(v, str) and v.strip().isdigit():
            return cls._from_year(int(v))
        return v

    def month_list(self) -> list[tuple[int, int]]:
        """Every (year, month) of the period in order."""
        y, m = self.start
        out = []
        for i in range(self.months):
            k = (m - 1) + i
            out.append((y + k // 12, k % 12 + 1))
        return out

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.start[0], self.start[1], 1)

    @property
    def last_day(self) -> dt.date:
        y, m = self.month_list()[-1]
        nxt = dt.date(y + m // 12, m % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)


class PlanHeader(Model):
    title: Name
    organization: str = ""
    owner: str = ""
    period: Period
    locale: Literal[LOCALE_IDS] = "zh-CN"  # type: ignore[valid-type]  # plangen.locales
    currency: str = Field("CNY", pattern=r"^[A-Z]{3}$")
    display_unit: Literal["万", "亿", "萬", "億", "k", "M", "none"] | None = None
    date: Date | None = None
    templates: str | None = None


class Phasing(Model):
    method: Literal["explicit", "equal", "working_days", "history"] | None = None
    quarters: weight_list("quarters") | None = None
    months: weight_list("months") | None = None
    from_history: bool = False


class Calendar(Model):
    country: str | None = Field(None, pattern=r"^[A-Z]{2}$")
    subdivision: str | None = None
    working_days: list[Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]] = \
        ["mon", "tue", "wed", "thu", "fri"]
    extra_holidays: list[Date] = []
    extra_workdays: list[Date] = []
    daily_basis: Literal["working_days", "all_days"] = "working_days"
    month_thirds: bool | None = None  # None: as the locale's teams do (zh: shown; en, es: not)


class HistoryMethod(Model):
    """Target from history: base x (1 + blended growth)."""

    method: Literal["history"]
    base: Literal["last_year", "average_3y"] = "last_year"
    base_weights: list[Number] = [Fraction(1, 6), Fraction(1, 3), Fraction(1, 2)]
    industry_weight: Percent = Fraction(1, 2)
    benchmark_weight: Percent = Fraction(1, 2)
    extra_growth: Percent = Fraction(0)


class Milestone(Model):
    """A dated goal (seed 002: "10 customers before August"), checked against the phasing."""

    name: Name
    by: Date
    revenue: Amount | None = None
    new_customers: int | None = Field(None, ge=1)
    units: int | None = Field(None, ge=1)

    @model_validator(mode="after")
    def _one_goal(self) -> "Milestone":
        if sum(v is not None for v in (self.revenue, self.new_customers, self.units)) != 1:
            raise ValueError("expected exactly one goal: `revenue`, `new_customers` or `units`")
        return self

    @property
    def metric(self) -> Literal["revenue", "new_customers", "units"]:
        """Which target the goal counts."""
        return "revenue" if self.revenue is not None else "new_customers" if self.new_customers is not None else "units"

    @property
    def goal(self) -> int:
        """The amount or count to reach by `by`."""
        return next(v for v in (self.revenue, self.new_customers, self.units) if v is not None)


class Collections(Model):
    """回款 (seed 001): how the period's sales are collected, and last year's receivables."""

    terms: weight_list("collection terms")
    carried_over: Amount = 0
    carried_terms: weight_list("carried-over terms") = [Fraction(1)]


class Targets(Model):
    revenue: Amount | HistoryMethod
    stretch: Amount | None = None
    growth: Percent | None = None
    profit: Amount | None = None
    units: AmountRange | None = None
    new_customers: AmountRange | None = None
    phasing: Phasing = Phasing()
    calendar: Calendar = Calendar()
    split: dict[Name, ShareMap] = {}
    rounding: int = Field(1, ge=1)
    collections: Collections | None = None
    milestones: list[Milestone] = []
    quarter_focus: list[Name] = []


class History(Model):
    industry_growth: Percent | None = None
    benchmark_growth: Percent | None = None
    monthly: dict[int, list[Amount]] = {}


class Segment(Model):
    name: Name
    size: Amount | None = None
    growth: Percent | None = None
    needs: Text = ()


class Competitor(Model):
    name: Name
    type: Literal["direct", "indirect", "substitute"] = "direct"
    share: Percent | None = None
    strengths: Text = ()
    weaknesses: Text = ()
    strategy: Text = ()


class Market(Model):
    target_market: Text = ()
    capacity: Amount | None = None
    share_target: Percent | None = None
    segments: list[Segment] = []
    competitors: list[Competitor] = []
    customer_needs: Text = ()


class ProductLine(Model):
    name: Name
    role: Literal["flagship", "volume", "profit", "image"] | None = None
    price: Amount | None = None
    margin: Percent | None = None
    description: Text = ()


class ProductStrategy(Model):
    positioning: Text = ()
    lines: list[ProductLine] = []
    pricing: Text = ()
    promotion: Text = ()


class SalesStrategy(Model):
    channels: Text = ()
    pricing: Text = ()
    distribution: Text = ()
    promotions: Text = ()


class Rep(Model):
    id: Name
    name: Name
    region: str | None = None
    weight: Number = Fraction(1)
    start: Date | None = None
    end: Date | None = None
    title: str = ""
    manager: str = ""
    proposed: Amount | None = None        # bottom-up: the number the rep answers the allocation with


class Reconcile(Model):
    """How the top-down allocation and the reps' proposals become the agreed numbers (seed 000, step 3)."""

    rule: Literal["top_down", "scale", "blend"] = "top_down"
    weight: Percent | None = None         # blend only: the top-down number's share of the agreed one


class Action(Model):
    """One line of a rep's action plan."""

    what: Text
    owner: str = ""                       # a rep id or name: the line goes into that rep's plan
    deadline: Date | None = None
    reward: Text = ()
    penalty: Text = ()
    obstacles: Text = ()
    knowledge: Text = ()
    support: Text = ()


class Team(Model):
    reps: list[Rep] = []
    reps_file: str | None = Field(None, description="A CSV or .xlsx roster, one rep a row (columns as the keys of reps), "
                                  "read instead of `reps`; relative to the plan file")
    ramp: list[Percent] = []
    ramp_policy: Literal["redistribute", "gap"] = "redistribute"
    reconcile: Reconcile = Reconcile()
    hiring: Text = ()
    training: Text = ()
    incentives: Text = ()
    appraisal: Text = ()
    action_plan: list[Action] = []


class ActivityFloor(Model):
    """Activities every rep does whatever the funnel needs (seed 002: "30 calls a day")."""

    calls_per_day: Number | None = None
    visits_per_week: Number | None = None


class Funnel(Model):
    average_deal: Amount
    win_rate: Percent
    visits_per_opportunity: Number = Fraction(1)
    calls_per_visit: Number = Fraction(1)
    minimum: ActivityFloor | None = None


class Tier(Model):
    name: Name
    min_revenue: Amount | None = None
    visit_every: Frequency


class Customer(Model):
    name: Name
    revenue_last_year: Amount | None = None
    owner: str | None = None
    tier: str | None = None
    region: str | None = None
    target: Amount | None = None
    products: ShareMap = {}


class Satisfaction(Model):
    survey: Literal["weekly", "monthly", "quarterly", "half-yearly", "yearly"] | None = None
    target: Percent | None = None


class Crm(Model):
    tiers: list[Tier] = []
    customers: list[Customer] = []
    customers_file: str | None = Field(None, description="A CSV or .xlsx customer list, one customer a row (columns "
                                       "as the keys of customers), read instead of `customers`; relative to the plan file")
    care: Text = ()
    satisfaction: Satisfaction | None = None


class BudgetAllocation(Model):
    """How the expense budget is shared among reps: not by sales alone (seed 000, step 5)."""

    basis: Literal["revenue", "headcount"] = "revenue"
    fixed_per_rep: Amount = 0
    regions: ShareMap = {}


class Budget(Model):
    expense_ratio: Percent | None = None
    total: Amount | None = None
    items: ShareMap = {}
    allocation: BudgetAllocation = BudgetAllocation()
    rep_items: list[str] = []             # items reps spend themselves (their plans show these)

    @model_validator(mode="after")
    def _one_basis(self) -> "Budget":
        if (self.expense_ratio is None) == (self.total is None):
            raise ValueError("expected exactly one of `expense_ratio` or `total`")
        return self


class Risk(Model):
    risk: Text
    probability: Literal["low", "medium", "high"] = "medium"
    impact: Literal["low", "medium", "high"] = "medium"
    response: Text = ()
    owner: str = ""


class Monitoring(Model):
    reports: list[Literal["daily", "weekly", "monthly", "quarterly"]] = []
    risks: list[Risk] = []


class Task(Model):
    task: Text
    owner: str = ""
    due: Date | None = None
    acceptance: Text = ()
    support: Text = ()


IncentiveBase = Literal["sales", "excess"]


class IncentiveBand(Model):
    """One band of the month-end appraisal (seed 000, step 7): attainment from..below -> a reward or a penalty."""

    at_least: Percent | None = Field(None, alias="from")   # `from` is a Python keyword
    below: Percent | None = None
    bonus: Amount | None = None
    rate: Percent | None = None
    of: IncentiveBase | None = None                      # what `rate` applies to; default sales
    penalty: Amount | None = None
    note: Text = ()

    @property
    def base(self) -> IncentiveBase:
        """What the rate applies to: the period's sales, or the excess over its target."""
        return self.of or "sales"

    @property
    def rewards(self) -> bool:
        """Whether the band pays something (a bonus or a rate)."""
        return self.bonus is not None or self.rate is not None


class Incentives(Model):
    """Rewards and penalties by attainment band, appraised each month or quarter (highest band first)."""

    basis: Literal["month", "quarter"] = "month"
    rules: list[IncentiveBand] = []


class Plan(Model):
    """A whole plan file."""

    plan: PlanHeader
    targets: Targets
    history: History | None = None
    market: Market | None = None
    product_strategy: ProductStrategy | None = None
    sales_strategy: SalesStrategy | None = None
    team: Team = Team()
    funnel: Funnel | None = None
    crm: Crm | None = None
    budget: Budget | None = None
    monitoring: Monitoring | None = None
    tasks: list[Task] = []
    review: ReviewSettings = ReviewSettings()
    incentives: Incentives | None = None

    @field_validator("team", "tasks", mode="before")
    @classmethod
    def _empty_is_default(cls, v: object, info: ValidationInfo) -> object:
        """An empty `team:` or `tasks:` (YAML null) means none, like an empty `crm:`."""
        if v is None:
            return {} if info.field_name == "team" else []
        return v
