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
        active = _days_at_work(m.days, start, end)
        present = Fraction(active, len(m.days)) if m.days else Fraction(0)
        k = (m.year - start.year) * 12 + m.month - start.month if start else -1
        out.append(present * (ramp[k] if 0 <= k < len(ramp) else 1))
    return tuple(out)


def _days_at_work(days: Sequence, start: dt.date | None, end: dt.date | None) -> int:
    """How many of a month's target days fall between a rep's start and end (both included)."""
    if not days or ((not start or start <= days[0].date) and (not end or end >= days[-1].date)):
        return len(days)
    return sum(1 for d in days if (not start or d.date >= start) and (not end or d.date <= end))


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
    by_group = members_by_group(reps, groups)
    for key, amounts in groups.items():
        members = by_group[key]
        g = _GroupWeights.of([reps[i].weight for i in members], [factors[i] for i in members], policy, n)
        rows = cross(amounts, g.rows(), unit)
        for row, i, k in zip(rows, members, range(len(members))):
            grid[i] = row
            carried[i] = g.carried(k, row, amounts, unit)
        for i, u in zip(members, g.uncarried(sum(rows[-1]), amounts, unit)):
            uncarried[i] = u
        gap = [x + y for x, y in zip(gap, rows[-1])]
    return grid, gap, carried, uncarried


def members_by_group(reps: Sequence, groups: dict) -> dict:
    """The indexes of each group's reps, in team order (None: the whole team), in one pass."""
    out: dict = {key: [] for key in groups}
    for i, r in enumerate(reps):
        for key in {r.region} | ({None} if None in out else set()):
            if key in out:
                out[key].append(i)
    return out


class _GroupWeights:
    """One group's month weights in whole numbers over one denominator D per column.

    Rep k's own weight in month j is O[k][j] / D (weight x ramp factor); the group's shortfall
    S[j] / D (what ramping reps do not carry) goes to its full-quota reps by weight (Wd, their
    weights x D; TW[j] their sum) or, with no takers, to the gap. Whole numbers keep the exact
    values of the Fractions at a fraction of their cost; only ratios within a column matter.
    """

    def __init__(self, O, Wd, S, TW, takes):
        self.O, self.Wd, self.S, self.TW, self.takes = O, Wd, S, TW, takes

    @classmethod
    def of(cls, weights: Sequence[Fraction], factors: Sequence[Sequence[Fraction]], policy: str,
           n: int) -> "_GroupWeights":
        """From the reps' weights and their ramp factors over n months (redistribute: full-quota reps take
        the shortfall)."""
        kinds = {(w, id(fs)): (w, fs) for w, fs in zip(weights, factors)}   # reps sharing weight and ramp
        own = {k: [w * f for f in fs] for k, (w, fs) in kinds.items()}
        D = math.lcm(*(x.denominator for row in own.values() for x in row),
                     *(Fraction(w).denominator for w, _ in kinds.values()))
        whole = {k: [x.numerator * (D // x.denominator) for x in row] for k, row in own.items()}
        O = [whole[(w, id(fs))] for w, fs in zip(weights, factors)]
        Wd = [int(w * D) for w in weights]
        S = [sum(wd - row[j] for wd, row in zip(Wd, O)) for j in range(n)]
        take_of = {id(fs): [policy == "redistribute" and f == 1 for f in fs] for fs in factors}
        takes = [take_of[id(fs)] for fs in factors]
        TW = [sum(wd for wd, t in zip(Wd, takes) if t[j]) for j in range(n)]
        return cls(O, Wd, S, TW, takes)

    def rows(self) -> list[list[int]]:
        """Each rep's weight per month, then the gap's, as numerators of one denominator per column."""
        tw = [t or 1 for t in self.TW]
        reps = [[o * tw[j] + (self.S[j] * wd if take[j] else 0) for j, o in enumerate(row)]
                for row, wd, take in zip(self.O, self.Wd, self.takes)]
        return reps + [[0 if self.TW[j] else s for j, s in enumerate(self.S)]]

    def carried(self, k: int, row: Sequence[int], amounts: Sequence[int], unit: int) -> int:
        """The part of rep k's total that is his colleagues' ramp shortfall, in whole units."""
        cols = [j for j, take in enumerate(self.takes[k]) if take and self.S[j] and amounts[j]]
        L = math.lcm(*(self.TW[j] for j in cols)) if cols else 1
        ext = sum(amounts[j] * self.S[j] * self.Wd[k] * (L // self.TW[j]) for j in cols)
        if not ext:
            return 0
        mine = L * sum(a * o for a, o in zip(amounts, self.O[k]))
        return largest_remainder(sum(row), [mine, ext], unit)[1]

    def uncarried(self, gap_total: int, amounts: Sequence[int], unit: int) -> tuple[int, ...]:
        """The group's gap split over its reps by the share each leaves uncarried (before start, ramping)."""
        gap_cols = [j for j, s in enumerate(self.S) if s and not self.TW[j]]
        exact = [sum(amounts[j] * (wd - row[j]) for j in gap_cols) for row, wd in zip(self.O, self.Wd)]
        return largest_remainder(gap_total, exact, unit) if any(exact) else (0,) * len(self.O)


def full_quotas(reps: Sequence, groups: dict[str | None, Sequence[int]], unit: int) -> list[int]:
    """Each rep's quota if nobody ramped: the group's total by weight."""
    out = [0] * len(reps)
    by_group = members_by_group(reps, groups)
    for key, amounts in groups.items():
        members = by_group[key]
        for i, q in zip(members, largest_remainder(sum(amounts), [reps[i].weight for i in members], unit)):
            out[i] = q
    return out
