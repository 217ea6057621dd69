"""Exact apportionment: split an integer total by weights so the parts add up exactly."""
from __future__ import annotations

import math
from collections import deque
from collections.abc import Mapping, Sequence
from fractions import Fraction

Weight = int | float | Fraction


def _fractions(weights: Sequence[Weight]) -> list[Fraction]:
    """Weights as exact fractions (floats via their shortest decimal form)."""
    return [w if isinstance(w, Fraction) else Fraction(str(w)) for w in weights]


def largest_remainder(total: int, weights: Sequence[Weight], unit: int = 1) -> tuple[int, ...]:
    """Split `total` by `weights` in whole `unit`s; parts sum exactly to `total`.

    Ties in the remainders go to the earlier part, so the result is deterministic.
    A total that is not a multiple of `unit` keeps the odd amount on the largest part.
    Fractions and floats are brought to whole numbers over their common denominator first: the
    quotas, remainders and their order are the same, in integer arithmetic.
    """
    if not weights:
        return ()
    if all(type(w) is int for w in weights):
        return _whole_weights(total, list(weights), unit)
    fr = _fractions(weights)
    den = math.lcm(*(f.denominator for f in fr))
    return _whole_weights(total, [f.numerator * (den // f.denominator) for f in fr], unit)


def _whole_weights(total: int, weights: list[int], unit: int) -> tuple[int, ...]:
    """largest_remainder for whole-number weights, in integer arithmetic."""
    if min(weights) == max(weights):
        return _equal_weights(total, len(weights), unit)
    wsum = sum(weights)
    if wsum <= 0:
        weights, wsum = [1] * len(weights), len(weights)
    units, odd = divmod(total, unit)
    split = [divmod(units * w, wsum) for w in weights]
    parts = [p for p, _ in split]
    order = sorted(range(len(weights)), key=lambda i: (-split[i][1], i))
    for i in order[:units - sum(parts)]:
        parts[i] += 1
    result = [p * unit for p in parts]
    if odd:
        result[max(range(len(weights)), key=lambda i: (weights[i], -i))] += odd
    return tuple(result)


def _equal_weights(total: int, n: int, unit: int) -> tuple[int, ...]:
    """largest_remainder over `n` equal weights (days of a week): every remainder ties, so the first
    units % n parts get one more unit and the odd amount goes to the first part."""
    units, odd = divmod(total, unit)
    whole, short = divmod(units, n)
    result = [(whole + 1) * unit] * short + [whole * unit] * (n - short)
    if odd:
        result[0] += odd
    return tuple(result)


def split_map(total: int, weights: Mapping[str, Weight], unit: int = 1) -> dict[str, int]:
    """Split `total` over the keys of `weights`, keeping their order."""
    return dict(zip(weights, largest_remainder(total, list(weights.values()), unit)))


def round_matrix(exact: Sequence[Sequence[Fraction]], row_totals: Sequence[int],
                 col_totals: Sequence[int]) -> list[list[int]]:
    """Integer cells near `exact` whose rows and columns sum exactly to the given totals.

    Each cell is the floor or the ceiling of its exact value (controlled rounding). Cells get
    their extra unit by largest fractional part; a transport step moves units where greed
    alone would leave a row or column short. Totals must be consistent with `exact`.
    """
    den = math.lcm(*(v.denominator for row in exact for v in row)) if any(exact) else 1
    return round_scaled([[v.numerator * (den // v.denominator) for v in row] for row in exact], den,
                        row_totals, col_totals)


def round_scaled(num: Sequence[Sequence[int]], den: int, row_totals: Sequence[int],
                 col_totals: Sequence[int]) -> list[list[int]]:
    """round_matrix of the exact values num[i][j] / den, in integer arithmetic (the hot path of big teams)."""
    cells = [[v // den for v in row] for row in num]
    row_need = [t - sum(r) for t, r in zip(row_totals, cells)]
    col_need = [t - sum(col) for t, col in zip(col_totals, zip(*cells))] if cells else list(col_totals)
    fracs = sorted((-(v % den), i, j) for i, row in enumerate(num) for j, v in enumerate(row) if v % den)
    bumped: set[tuple[int, int]] = set()
    for _, i, j in fracs:
        if row_need[i] > 0 and col_need[j] > 0:
            cells[i][j] += 1
            row_need[i] -= 1
            col_need[j] -= 1
            bumped.add((i, j))
    if any(n > 0 for n in row_need):
        _repair(cells, num, den, row_need, col_need, bumped)
    return cells


def _repair(cells, num, den, row_need, col_need, bumped) -> None:
    """Augmenting paths: move bumps until every row and column need is met.

    First only floor/ceiling moves; where those cannot meet the totals (row totals fixed by a
    coarser level), any cell with a positive exact value may move by a further unit. The cells a
    path may take a unit from are kept by column as the paths change them (no pass over the grid
    per path: linear in the team, not quadratic).
    """
    ncols = len(col_need)
    bumped_in = _by_column(sorted(bumped), ncols)
    positive_in = _by_column(((i, j) for i, row in enumerate(num) for j, v in enumerate(row)
                              if v > 0 and cells[i][j] > 0), ncols)
    for start in [i for i, n in enumerate(row_need) if n > 0]:
        while row_need[start] > 0:
            # strict: a cell of fractional exact value not yet bumped (its ceiling); loose: any positive cell
            path = _augment(start, lambda i, j: num[i][j] % den and (i, j) not in bumped, bumped_in, col_need) or \
                _augment(start, lambda i, j: num[i][j] > 0, positive_in, col_need)
            if path is None:
                raise ValueError("row and column totals are inconsistent with the exact values")
            for kind, i, j in path:
                _step(cells, bumped, bumped_in, positive_in, num[i][j] > 0, kind, i, j)
            row_need[start] -= 1
            col_need[path[-1][2]] -= 1


def _by_column(cell_list, ncols: int) -> list[dict[int, None]]:
    """Cells (i, j) as, per column j, an ordered set of rows i."""
    out: list[dict[int, None]] = [{} for _ in range(ncols)]
    for i, j in cell_list:
        out[j][i] = None
    return out


def _step(cells, bumped, bumped_in, positive_in, positive: bool, kind: str, i: int, j: int) -> None:
    """Apply one step of a path: a unit added to (+) or taken from (-) cell (i, j), indexes kept."""
    if kind == "+":
        cells[i][j] += 1
        bumped.add((i, j))
        bumped_in[j][i] = None
        if positive:
            positive_in[j][i] = None
    else:
        cells[i][j] -= 1
        bumped.discard((i, j))
        bumped_in[j].pop(i, None)
        if cells[i][j] == 0:
            positive_in[j].pop(i, None)


def _augment(start, can_add, removable_in, col_need):
    """Search from a short row to a short column, alternating added (+) and removed (-) cells.

    A row's columns are looked at as soon as the row is reached, a column's rows one at a time:
    a path is usually found within a few rows, whatever the size of the team; once every column
    is reached without a short one there is none (no walk through the remaining rows).
    """
    prev: dict = {("r", start): None}
    columns: deque = deque()   # (column, its removable rows not yet looked at); every column reached once
    reached = [0]
    found = _scan(start, can_add, removable_in, col_need, prev, columns, reached)
    while found is None and columns and reached[0] < len(col_need):
        j, rows = columns[0]
        i = next((i for i in rows if ("r", i) not in prev), None)
        if i is None:
            columns.popleft()
            continue
        prev[("r", i)] = ("c", j)
        found = _scan(i, can_add, removable_in, col_need, prev, columns, reached)
    return _trace(prev, found) if found else None


def _scan(x, can_add, removable_in, col_need, prev, columns, reached):
    """Reach the columns row x may add to: a short one ends the search, the others wait in `columns`."""
    for j in range(len(col_need)):
        if ("c", j) not in prev and can_add(x, j):
            prev[("c", j)] = ("r", x)
            reached[0] += 1
            if col_need[j] > 0:
                return ("c", j)
            columns.append((j, iter(removable_in[j])))
    return None


def _trace(prev, node):
    """The cell steps of an augmenting path, from its start."""
    steps = []
    while prev[node] is not None:
        p = prev[node]
        if node[0] == "c":
            steps.append(("+", p[1], node[1]))
        else:
            steps.append(("-", node[1], p[1]))
        node = p
    return steps[::-1]
