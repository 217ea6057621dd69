"""Collections (回款): cash collected per month from the period's sales by the payment terms.

Each month's sales come in over that month and the following ones by `terms` (e.g. 60% in the
month, 40% the next), each month's parts rounded by largest remainder so they add up to its sales;
last year's receivables come in over the first months by `carried_terms`. What the last months'
sales leave unpaid at the period's end is the closing receivable:
collected = sales + carried over - closing, exactly, for the team and for every rep.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction

from ..model.schema import Collections as CollectionsSpec
from .allocate import largest_remainder
from .result import Collections, frozen_map


def collected(sales: Sequence[int], terms: Sequence[Fraction], carried: int,
              carried_terms: Sequence[Fraction], unit: int) -> tuple[tuple[int, ...], tuple[int, ...], int]:
    """(collected per month, of which from last year's receivables, closing receivable) of one row."""
    n = len(sales)
    out = [0] * n
    closing = 0
    for j, amount in enumerate(sales):
        for k, part in enumerate(largest_remainder(amount, list(terms), unit)):
            if j + k < n:
                out[j + k] += part
            else:
                closing += part
    old = [0] * n
    for k, part in enumerate(largest_remainder(carried, list(carried_terms), unit)):
        old[min(k, n - 1)] += part
    return tuple(a + b for a, b in zip(out, old)), tuple(old), closing


def plan_collections(spec: CollectionsSpec | None, team_months: Sequence[int], reps: Mapping[str, Sequence[int]],
                     gap: Sequence[int], unit: int) -> Collections | None:
    """Collections of every rep and of the unassigned row; the team's are their sums."""
    if spec is None:
        return None
    rows = dict(reps) if reps else {"": team_months}
    if reps and any(gap):
        rows[""] = gap
    carried = dict(zip(rows, largest_remainder(spec.carried_over, [sum(r) for r in rows.values()], unit)))
    per_row = {k: collected(v, spec.terms, carried[k], spec.carried_terms, unit) for k, v in rows.items()}
    n = len(team_months)
    months = tuple(sum(r[0][j] for r in per_row.values()) for j in range(n))
    old = tuple(sum(r[1][j] for r in per_row.values()) for j in range(n))
    return Collections(tuple(spec.terms), spec.carried_over, sum(team_months), months, old,
                       sum(r[2] for r in per_row.values()),
                       frozen_map({k: v[0] for k, v in per_row.items() if k}),
                       per_row[""][0] if "" in per_row and reps else (0,) * n)
