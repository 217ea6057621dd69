"""Expense budget: total from a ratio of revenue or given, then by item, month and rep."""
from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from ..model.schema import Budget as BudgetSpec
from .allocate import largest_remainder
from .result import Budget, frozen_map
from .split import cross


def plan_budget(spec: BudgetSpec | None, revenue: int, months: Sequence[int],
                reps: dict[str, int], unit: int) -> Budget | None:
    """The budget by item x month (phased like revenue) and by rep (by their revenue)."""
    if spec is None:
        return None
    if spec.total is not None:
        total = spec.total
    else:
        total = round(revenue * spec.expense_ratio / unit) * unit
    items = dict(spec.items) or {"": Fraction(1)}
    item_months = _by_item_month(total, items, months, unit)
    month_totals = tuple(sum(r[j] for r in item_months.values()) for j in range(len(months)))
    by_rep = dict(zip(reps, largest_remainder(total, list(reps.values()), unit))) if reps else {}
    return Budget(total, "total" if spec.total is not None else "ratio", spec.expense_ratio,
                  frozen_map({k: sum(v) for k, v in item_months.items()}), frozen_map(item_months),
                  month_totals, frozen_map(by_rep))


def _by_item_month(total: int, items: dict[str, Fraction], months: Sequence[int], unit: int):
    """Item x month: the budget follows the revenue phasing; rows and columns add up."""
    month_totals = largest_remainder(total, list(months) if sum(months) else [1] * len(months), unit)
    grid = cross(month_totals, [[w] * len(months) for w in items.values()], unit)
    return {k: tuple(row) for k, row in zip(items, grid)}
