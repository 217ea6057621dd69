"""Dimensions (region, product line, ...) and reps: the period target crossed with months."""
from __future__ import annotations

import datetime as dt
import math
from fractions import Fraction
from collections.abc import Sequence

from ..model.periods import quarter_blocks
from .allocate import largest_remainder, round_scaled
from .result import Month, Split, frozen_map

GAP = "__gap__"


def cross(col_amounts: Sequence[int], weights: Sequence[Sequence[Fraction]], unit: int) -> list[list[int]]:
    """Split each column amount over rows by that column's row weights; rows and columns add up.

    weights[i][j] is row i's weight in column j. Work is in whole `unit`s; the odd amount of a
    column that is not a multiple of `unit` goes to its row of largest weight.
    """
    cols = [a // unit for a in col_amounts]
    num, den = _scaled(cols, weights)
    cells = _round_by_quarter(num, den, cols)
    out = [[v * unit for v in row] for row in cells]
    for j, a in enumerate(col_amounts):
        odd = a - cols[j] * unit
        if odd:
            out[max(range(len(weights)), key=lambda i: (weights[i][j], -i))][j] += odd
    return out


def _scaled(cols: Sequence[int], weights: Sequence[Sequence[Fraction]]) -> tuple[list[list[int]], int]:
    """The exact cells cols[j] x weights[i][j] / (column j's weight sum) as integers over one denominator.

    Whole numbers instead of Fractions: the same values, so the same rounding, at a fraction of the cost.
    """
    whole = []
    for j in range(len(cols)):
        column = [w[j] if isinstance(w[j], (int, Fraction)) else Fraction(str(w[j])) for w in weights]
        scale = math.lcm(*(w.denominator for w in column)) if column else 1
        whole.append([w.numerator * (scale // w.denominator) for w in column])
    sums = [sum(col) for col in whole]
    den = math.lcm(*(s for s in sums if s)) if any(sums) else 1
    factors = [c * (den // s) if s else 0 for c, s in zip(cols, sums)]
    by_column = [[w * f for w in col] for col, f in zip(whole, factors)]
    return ([list(row) for row in zip(*by_column)] if by_column else [[] for _ in weights]), den


def _round_by_quarter(num: list[list[int]], den: int, cols: list[int]) -> list[list[int]]:
    """Controlled rounding top-down: row totals, then row x quarter, then each quarter's months.

    The exact cells are num[i][j] / den. A quarter cell whose exact value is whole keeps it (a 35%
    region of a 2,000万 quarter is 700万), and every month cell is the floor or ceiling of its exact value.
    """
    blocks = quarter_blocks(len(cols))
    q_num = [[sum(row[b.start:b.stop]) for b in blocks] for row in num]
    rows = list(largest_remainder(sum(cols), [sum(r) for r in num]))
    q_cells = round_scaled(q_num, den, rows, [sum(cols[j] for j in b) for b in blocks])
    cells = [[0] * len(cols) for _ in num]
    for q, b in enumerate(blocks):
        inner = round_scaled([row[b.start:b.stop] for row in num], den, [r[q] for r in q_cells], [cols[j] for j in b])
        for i, row in enumerate(inner):
            cells[i][b.start:b.stop] = row
    return cells


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
    """Share of a full quota per month: 0 before start, the ramp in the rep's first months
    counted from his start month (a rep hired before the period continues his ramp),
    prorated by the month's target days on which the rep works."""
    out = []
    for m in months:
        active = sum(1 for d in m.days if (not start or d.date >= start) and (not end or d.date <= end))
        present = Fraction(active, len(m.days)) if m.days else Fraction(0)
        k = (m.year - start.year) * 12 + m.month - start.month if start else -1
        out.append(present * (ramp[k] if 0 <= k < len(ramp) else 1))
    return tuple(out)


def rep_grid(reps: Sequence, groups: dict[str | None, Sequence[int]], factors: Sequence[Sequence[Fraction]],
             policy: str, unit: int) -> tuple[list[list[int]], list[int], list[int], list[int]]:
    """Rep x month amounts inside each group (region), the unassigned gap per month, what each
    rep carries of his ramping colleagues' share, and what each rep leaves to the gap.

    A rep carries weight x ramp of the group's full share every month; the rest goes, under
    `redistribute`, to the group's reps at full quota that month (by weight), else to the gap.
    groups maps a group key to its month amounts; reps are matched by `region` (None = whole team).
    """
    n = len(next(iter(groups.values())))
    grid: list[list[int]] = [[0] * n for _ in reps]
    carried = [0] * len(reps)
    uncarried = [0] * len(reps)
    gap = [0] * n
    for key, amounts in groups.items():
        members = [i for i, r in enumerate(reps) if key is None or r.region == key]
        own = [[reps[i].weight * f for f in factors[i]] for i in members]
        extra, gap_w = _shortfall(members, reps, factors, policy, n)
        rows = cross(amounts, [[o + e for o, e in zip(ro, re)] for ro, re in zip(own, extra)] + [gap_w], unit)
        full = sum(reps[i].weight for i in members)
        for row, i, ro, re in zip(rows, members, own, extra):
            grid[i] = row
            carried[i] = _carried(row, amounts, ro, re, full, unit)
        for i, u in zip(members, _uncarried(sum(rows[-1]), amounts, [factors[i] for i in members],
                                           [reps[i].weight for i in members], gap_w, unit)):
            uncarried[i] = u
        gap = [g + x for g, x in zip(gap, rows[-1])]
    return grid, gap, carried, uncarried


def _uncarried(gap_total: int, amounts, factors, weights, gap_w, unit: int) -> tuple[int, ...]:
    """The group's gap split over its reps by the share each leaves uncarried (before start, ramping)."""
    exact = [sum((a * w * (1 - f) for a, f, g in zip(amounts, fs, gap_w) if g), Fraction(0))
             for fs, w in zip(factors, weights)]
    return largest_remainder(gap_total, exact, unit) if any(exact) else (0,) * len(weights)


def _shortfall(members, reps, factors, policy, n) -> tuple[list[list[Fraction]], list[Fraction]]:
    """Per month, the weight the ramping reps do not carry: shares for full-quota reps, or the gap."""
    extra = [[Fraction(0)] * n for _ in members]
    gap_w = [Fraction(0)] * n
    for j in range(n):
        short = sum(reps[i].weight * (1 - factors[i][j]) for i in members)
        takers = [k for k, i in enumerate(members) if factors[i][j] == 1] if policy == "redistribute" else []
        tw = sum(reps[members[k]].weight for k in takers)
        for k in takers:
            extra[k][j] = short * reps[members[k]].weight / tw
        gap_w[j] = Fraction(0) if takers else short
    return extra, gap_w


def _carried(row: Sequence[int], amounts: Sequence[int], own: Sequence[Fraction], extra: Sequence[Fraction],
             full: Fraction, unit: int) -> int:
    """The part of a rep's total that is his colleagues' ramp shortfall, in whole units."""
    ext = sum((a * e / full for a, e in zip(amounts, extra)), Fraction(0))
    if not ext:
        return 0
    mine = sum((a * o / full for a, o in zip(amounts, own)), Fraction(0))
    return largest_remainder(sum(row), [mine, ext], unit)[1]


def full_quotas(reps: Sequence, groups: dict[str | None, Sequence[int]], unit: int) -> list[int]:
    """Each rep's quota if nobody ramped: the group's total by weight."""
    out = [0] * len(reps)
    for key, amounts in groups.items():
        members = [i for i, r in enumerate(reps) if key is None or r.region == key]
        for i, q in zip(members, largest_remainder(sum(amounts), [reps[i].weight for i in members], unit)):
            out[i] = q
    return out
