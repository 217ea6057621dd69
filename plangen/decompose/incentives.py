"""Month-end appraisal (seed 000, step 7): the band an attainment falls in and what it pays.

A band holds attainment from its `from` (included) up to the `from` of the band above (excluded);
the top band up to its own `below` or without limit, a band without `from` everything below. Its
reward is the bonus plus the rate of the period's sales (or of the sales above the target), exact,
then rounded half up to whole currency units; its penalty is the amount given.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from ..model.schema import IncentiveBand, Incentives
from .result import Decomposition


@dataclass(frozen=True)
class Band:
    """One band with its bounds: low included, high excluded, None when open."""

    index: int
    low: Fraction | None
    high: Fraction | None
    rule: IncentiveBand

    def holds(self, attainment: Fraction) -> bool:
        """Whether an attainment lies in the band."""
        return (self.low is None or attainment >= self.low) and (self.high is None or attainment < self.high)


@dataclass(frozen=True)
class Appraisal:
    """One line appraised over one period: its target, actual, band and what the band gives."""

    target: int
    actual: int
    band: Band | None          # None: no target in the period, or an attainment in no band
    reward: int = 0
    penalty: int = 0

    @property
    def attainment(self) -> Fraction | None:
        """Actual over target; None without a target."""
        return Fraction(self.actual, self.target) if self.target else None


def bands(incentives: Incentives) -> tuple[Band, ...]:
    """The rules as bands, highest first, each ending where the one above starts."""
    out, upper = [], None
    for i, rule in enumerate(incentives.rules):
        out.append(Band(i, rule.at_least, upper if i else rule.below, rule))
        upper = rule.at_least
    return tuple(out)


def band_of(incentives: Incentives, attainment: Fraction) -> Band | None:
    """The band an attainment falls in, or None (above a capped top band, below the lowest `from`)."""
    return next((b for b in bands(incentives) if b.holds(attainment)), None)


def reward(rule: IncentiveBand, target: int, actual: int) -> int:
    """The bonus plus the rate of the sales (or of the sales above target), rounded half up to whole units."""
    if not rule.rewards:
        return 0
    base = max(actual - target, 0) if rule.base == "excess" else max(actual, 0)
    return (rule.bonus or 0) + math.floor((rule.rate or 0) * base + Fraction(1, 2))


def appraise(incentives: Incentives, target: int, actual: int) -> Appraisal:
    """A period's appraisal: the band of actual / target and its reward or penalty (nothing without a target)."""
    band = band_of(incentives, Fraction(actual, target)) if target > 0 else None
    if band is None:
        return Appraisal(target, actual, None)
    return Appraisal(target, actual, band, reward(band.rule, target, actual), band.rule.penalty or 0)


def threshold(band: Band, target: int) -> int | None:
    """The sales from which a band applies for a target (rounded up to whole units); None without `from`."""
    return None if band.low is None else math.ceil(band.low * target)


def appraisal_periods(incentives: Incentives, d: Decomposition) -> tuple[tuple[int, ...], ...]:
    """The month indexes of each appraisal period: every month, or every quarter's months."""
    if incentives.basis == "quarter":
        return tuple(tuple(q.months) for q in d.quarters)
    return tuple((m.index,) for m in d.months)
