"""Exact apportionment: split an integer total by weights so the parts add up exactly."""
from __future__ import annotations

import math
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
    """
    if not weights:
        return ()
    if all(type(w) is int for w in weights):
        return _whole_weights(total, list(weights), unit)
    fr = _fractions(weights)
    wsum = sum(fr)
    if wsum <= 0:
        fr, wsum = [Fraction(1)] * len(fr), Fraction(len(fr))
    units, odd = divmod(total, unit)
    quotas = [units * w / wsum for w in fr]
    parts = [q.numerator // q.denominator for q in quotas]
    short = units - sum(parts)
    order = sorted(range(len(fr)), key=lambda i: (-(quotas[i] - parts[i]), i))
    for i in order[:short]:
        parts[i] += 1
    result = [p * unit for p in parts]
    if odd:
        result[max(range(len(fr)), key=lambda i: (fr[i], -i))] += odd
    return tuple(result)


def _whole_weights(total: int, weights: list[int], unit: int) -> tuple[int, ...]:
    """largest_remainder for whole-number weights in integer arithmetic (amounts as weights: the hot path)."""
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
    coarser level), any cell with a positive exact value may move by a further unit.
    """
    strict = {(i, j) for i, row in enumerate(num) for j, v in enumerate(row) if v != cells[i][j] * den or (i, j) in bumped}
    loose = {(i, j) for i, row in enumerate(num) for j, v in enumerate(row) if v > 0}
    while any(n > 0 for n in row_need):
        start = next(i for i, n in enumerate(row_need) if n > 0)
        path = _augment(start, strict, bumped, col_need, len(col_need), cells, False) or \
            _augment(start, loose, bumped, col_need, len(col_need), cells, True)
        if path is None:
            raise ValueError("row and column totals are inconsistent with the exact values")
        for kind, i, j in path:
            cells[i][j] += 1 if kind == "+" else -1
            (bumped.add if kind == "+" else bumped.discard)((i, j))
        row_need[start] -= 1
        col_need[path[-1][2]] -= 1


def _augment(start, candidates, bumped, col_need, ncols, cells, loose):
    """BFS from a short row to a short column, alternating added (+) and removed (-) cells.

    Strict: add to unbumped candidates, remove from bumped cells. Loose: add to any candidate,
    remove from any candidate above zero.
    """
    from collections import deque
    rows_of: dict[int, list[int]] = {}  # removable cells by column (one pass, not one per column)
    for i, j in (((i, j) for i, j in candidates if cells[i][j] > 0) if loose else bumped):
        rows_of.setdefault(j, []).append(i)
    prev: dict = {("r", start): None}
    queue = deque([("r", start)])
    while queue:
        kind, x = queue.popleft()
        if kind == "r":
            for j in range(ncols):
                if (x, j) in candidates and (loose or (x, j) not in bumped) and ("c", j) not in prev:
                    prev[("c", j)] = ("r", x)
                    if col_need[j] > 0:
                        return _trace(prev, ("c", j))
                    queue.append(("c", j))
        else:
            for i in rows_of.get(x, ()):
                if ("r", i) not in prev:
                    prev[("r", i)] = ("c", x)
                    queue.append(("r", i))
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
