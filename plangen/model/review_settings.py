"""The plan's `review:` section: the thresholds of `plangen review`'s checks (docs/review.md)."""
from __future__ import annotations

from fractions import Fraction

from pydantic import BaseModel, ConfigDict, Field

from .types import Amount, Number, Percent


class ReviewSettings(BaseModel):
    """Thresholds a plan may change; the defaults are what a sales director would accept."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)

    visits_per_day: Number = Fraction(6)
    calls_per_day: Number = Fraction(60)
    attainment: Percent = Fraction(85, 100)
    rep_quota: Amount | None = None
    over_assignment_min: Percent = Fraction(0)
    over_assignment_max: Percent = Fraction(20, 100)
    growth_swing: Percent = Fraction(30, 100)
    share_tolerance: Percent = Fraction(1, 100)
    pipeline: Amount | None = None
    coverage: Number = Fraction(3)
    last_year_expenses: Amount | None = None
    expense_ratio_change: Percent = Fraction(2, 100)
    proposals_min: Percent = Fraction(90, 100)
    disabled: list[str] = Field(default_factory=list)
