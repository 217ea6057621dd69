"""Expense budget: total from a ratio of revenue or given, then by item, month and rep."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from fractions import Fraction

from ..model.schema import Budget as BudgetSpec, BudgetAllocation, Rep
from .allocate import largest_remainder
from .result import Budget, frozen_map
from .split import cross


def plan_budget(spec: BudgetSpec | None, revenue: int, months: Sequence[int],
                reps: dict[str, int], unit: int, staff: Sequence[Rep] = (),
                period: tuple[dt.date, dt.date] | None = None) -> Budget | None:
    """The budget by item x month (phased like revenue) and by rep (by `budget.allocation`)."""
    if spec is None:
        return None
    if spec.total is not None:
        total = spec.total
    else:
        total = round(revenue * spec.expense_ratio / unit) * unit
    items = dict(spec.items) or {"": Fraction(1)}
    item_months = _by_item_month(total, items, months, unit)
    month_totals = tuple(sum(r[j] for r in item_months.values()) for j in range(len(months)))
    by_rep = rep_budgets(total, spec.allocation, reps, staff, period, unit) if reps else {}
    return Budget(total, "total" if spec.total is not None else "ratio", spec.expense_ratio,
                  frozen_map({k: sum(v) for k, v in item_months.items()}), frozen_map(item_months),
                  month_totals, frozen_map(by_rep))


def _by_item_month(total: int, items: dict[str, Fraction], months: Sequence[int], unit: int):
    """Item x month: the budget follows the revenue phasing; rows and columns add up."""
    month_totals = largest_remainder(total, list(months) if sum(months) else [1] * len(months), unit)
    grid = cross(month_totals, [[w] * len(months) for w in items.values()], unit)
    return {k: tuple(row) for k, row in zip(items, grid)}


def rep_budgets(total: int, rule: BudgetAllocation, revenue: dict[str, int], staff: Sequence[Rep],
                period: tuple[dt.date, dt.date] | None, unit: int) -> dict[str, int]:
    """Each rep's budget: a fixed part (prorated by time employed), the rest by region share and basis."""
    people = {r.id: r for r in staff}
    fte = {k: employed_share(people.get(k), period) for k in revenue}
    fixed = {k: rule.fixed_per_rep * f for k, f in fte.items()}
    if sum(fixed.values()) > total:  # a budget known only now (a history-based target): fixed parts shrink to fit
        fixed = {k: v * total / sum(fixed.values()) for k, v in fixed.items()}
    pot = total - sum(fixed.values())
    basis = fte if rule.basis == "headcount" else {k: Fraction(v) for k, v in revenue.items()}
    groups = _groups(rule, revenue, people)
    exact = dict(fixed)
    for share, members in groups:
        weights = [basis[k] for k in members]
        if not sum(weights):
            weights = [fte[k] or Fraction(1) for k in members]
        for k, w in zip(members, weights):
            exact[k] += pot * share * w / sum(weights)
    return dict(zip(revenue, largest_remainder(total, [exact[k] for k in revenue], unit)))


def _groups(rule: BudgetAllocation, revenue: dict[str, int], people: dict[str, Rep]) -> list[tuple[Fraction, list[str]]]:
    """(share of the variable pot, rep ids) per region of `allocation.regions`, or one group of all reps."""
    if not rule.regions:
        return [(Fraction(1), list(revenue))]
    out = []
    for name, share in rule.regions.items():
        members = [k for k in revenue if people.get(k) and people[k].region == name]
        if members:
            out.append((Fraction(share), members))
    return out


def employed_share(rep: Rep | None, period: tuple[dt.date, dt.date] | None) -> Fraction:
    """The share of the period's calendar days on which the rep is employed (1 when always)."""
    if rep is None or period is None:
        return Fraction(1)
    first, last = period
    start, end = max(first, rep.start or first), min(last, rep.end or last)
    return Fraction(max(0, (end - start).days + 1), (last - first).days + 1)
