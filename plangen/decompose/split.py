"""Dimensions (region, product line, ...) and reps: the period target crossed with months."""
from __future__ import annotations

import datetime as dt
from fractions import Fraction
from collections.abc import Sequence

from ..model.periods import quarter_blocks
from .allocate import round_matrix, largest_remainder
from .result import Month, Split, frozen_map

GAP = "__gap__"


def cross(col_amounts: Sequence[int], weights: Sequence[Sequence[Fraction]], unit: int) -> list[list[int]]:
    """Split each column amount over rows by that column's row weights; rows and columns add up.

    weights[i][j] is row i's weight in column j. Work is in whole `unit`s; the odd amount of a
    column that is not a multiple of `unit` goes to its row of largest weight.
    """
    cols = [a // unit for a in col_amounts]
    colsums = [sum((w[j] for w in weights), Fraction(0)) for j in range(len(cols))]  # once per column
    exact = [[c * row[j] / colsums[j] if colsums[j] else Fraction(0) for j, c in enumerate(cols)]
             for row in weights]
    rows = largest_remainder(sum(cols), [sum(r) for r in exact])
    cells = round_matrix(exact, rows, cols)
    out = [[v * unit for v in row] for row in cells]
    for j, a in enumerate(col_amounts):
        odd = a - cols[j] * unit
        if odd:
            out[max(range(len(weights)), key=lambda i: (weights[i][j], -i))][j] += odd
    return out


def quarters_of(months: Sequence[int]) -> tuple[int, ...]:
    """Quarter sums of a month series."""
    return tuple(sum(months[i] for i in b) for b in quarter_blocks(len(months)))


def split_dimension(name: str, shares: dict[str, Fraction], months: Sequence[int], unit: int) -> Split:
    """One dimension crossed with months and quarters."""
    keys = list(shares)
    grid = cross(months, [[shares[k]] * len(months) for k in keys], unit)
    by_month = {k: tuple(row) for k, row in zip(keys, grid)}
    return Split(name, frozen_map(shares), frozen_map({k: sum(r) for k, r in by_month.items()}),
                 frozen_map({k: quarters_of(r) for k, r in by_month.items()}), frozen_map(by_month))


def ramp_factors(start: dt.date | None, end: dt.date | None, ramp: Sequence[Fraction],
                 months: Sequence[Month], period_start: dt.date) -> tuple[Fraction, ...]:
    """Share of a full quota per month: 0 before start, the ramp in a new rep's first months,
    prorated by the month's target days on which the rep works."""
    new = start is not None and start > period_start
    out = []
    for m in months:
        active = sum(1 for d in m.days if (not start or d.date >= start) and (not end or d.date <= end))
        present = Fraction(active, len(m.days)) if m.days else Fraction(0)
        k = (m.year - start.year) * 12 + m.month - start.month if new else -1
        out.append(present * (ramp[k] if 0 <= k < len(ramp) else 1))
    return tuple(out)


def rep_grid(reps: Sequence, groups: dict[str | None, Sequence[int]], factors: Sequence[Sequence[Fraction]],
             policy: str, unit: int) -> tuple[list[list[int]], list[int]]:
    """Rep x month amounts inside each group (region), and the unassigned gap per month.

    groups maps a group key to (month amounts of the group); reps are matched by `region`
    (None = the whole team).
    """
    n = len(next(iter(groups.values())))
    grid: list[list[int]] = [[0] * n for _ in reps]
    gap = [0] * n
    for key, amounts in groups.items():
        members = [i for i, r in enumerate(reps) if key is None or r.region == key]
        weights = [[reps[i].weight * f for f in factors[i]] for i in members]
        full = sum(reps[i].weight for i in members)
        gap_w = [_gap_weight(members, reps, factors, j, full, policy) for j in range(n)]
        rows = cross(amounts, weights + [gap_w], unit)
        for row, i in zip(rows, members):
            grid[i] = row
        gap = [g + x for g, x in zip(gap, rows[-1])]
    return grid, gap


def _gap_weight(members, reps, factors, j, full, policy) -> Fraction:
    """What no rep carries in month j: the ramp shortfall (gap policy) or a month with nobody."""
    carried = sum(reps[i].weight * factors[i][j] for i in members)
    if policy == "gap":
        return full - carried
    return Fraction(0) if carried else Fraction(1)


def full_quotas(reps: Sequence, groups: dict[str | None, Sequence[int]], unit: int) -> list[int]:
    """Each rep's quota if nobody ramped: the group's total by weight."""
    out = [0] * len(reps)
    for key, amounts in groups.items():
        members = [i for i, r in enumerate(reps) if key is None or r.region == key]
        for i, q in zip(members, largest_remainder(sum(amounts), [reps[i].weight for i in members], unit)):
            out[i] = q
    return out
