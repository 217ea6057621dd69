"""Each rep's month-end (or quarter-end) appraisal: the periods the actuals have closed, by the plan's bands."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from plangen.decompose.incentives import Appraisal, appraisal_periods, appraise
from plangen.decompose.result import Decomposition
from plangen.model.schema import Plan


@dataclass(frozen=True)
class LineAppraisal:
    """One rep (or, in a plan without reps, the plan) appraised over one period."""

    key: str
    label: str
    result: Appraisal


@dataclass(frozen=True)
class PeriodAppraisal:
    """One closed period (its month indexes) and every line's appraisal in it."""

    months: tuple[int, ...]
    lines: tuple[LineAppraisal, ...]

    @property
    def reward(self) -> int:
        """The rewards of the period, all lines."""
        return sum(x.result.reward for x in self.lines)

    @property
    def penalty(self) -> int:
        """The penalties of the period, all lines."""
        return sum(x.result.penalty for x in self.lines)


Tracked = tuple[str, str, Sequence[int], Sequence[int]]   # key, label, plan by month, actual by month


def appraisals(plan: Plan, d: Decomposition, lines: Sequence[Tracked], k: int) -> tuple[PeriodAppraisal, ...]:
    """The appraisal of every period whose months are all among the first `k`; () without incentives."""
    if plan.incentives is None:
        return ()
    closed = [months for months in appraisal_periods(plan.incentives, d) if months and months[-1] < k]
    return tuple(PeriodAppraisal(months, tuple(
        LineAppraisal(key, label, appraise(plan.incentives, sum(target[i] for i in months),
                                           sum(actual[i] for i in months)))
        for key, label, target, actual in lines)) for months in closed)
