"""Exact apportionment: split an integer total by weights so the parts add up exactly."""
from __future__ import annotations

import heapq
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
    coarser level), any cell with a positive exact value may move by a further unit. Each kind of
    move keeps, per pair of columns, the rows that could pass a unit from one to the other, so a
    path is found in a few steps per column whatever the size of the team (n log n in all).
    """
    n, ncols = len(num), len(col_need)
    strict = _Reach(n, ncols, lambda i, j: num[i][j] % den != 0 and (i, j) not in bumped,
                    (cell for cell in sorted(bumped)))
    loose = _Reach(n, ncols, lambda i, j: num[i][j] > 0,
                   ((i, j) for i, row in enumerate(num) for j, v in enumerate(row) if v > 0 and cells[i][j] > 0))
    for start in [i for i, need in enumerate(row_need) if need > 0]:
        while row_need[start] > 0:
            path = _augment(start, strict, col_need) or _augment(start, loose, col_need)
            if path is None:
                raise ValueError("row and column totals are inconsistent with the exact values")
            for kind, i, j in path:
                _step(cells, bumped, strict, loose, num[i][j], den, kind, i, j)
            row_need[start] -= 1
            col_need[path[-1][2]] -= 1


class _Reach:
    """The cells a path may take a unit from, by column in the order they became removable, and
    per pair of columns (j, k) a heap of the rows removable in j that may add to k.

    can_add(i, k) says whether row i may add a unit to column k. A heap entry is a row's stamp in
    its column (its place in that order); entries that stopped being true are dropped when seen.
    The heaps are built on the first search that needs them, kept up to date after.
    """

    def __init__(self, n: int, ncols: int, can_add, removable) -> None:
        self.can_add, self.ncols, self.next_stamp = can_add, ncols, n
        self.stamps: list[dict[int, int]] = [{} for _ in range(ncols)]   # column -> {row: stamp}
        self.rows_of: dict[int, int] = {}   # stamp -> row, for stamps past n (a row's first stamp is itself)
        self.heaps: list[list[list[int]]] | None = None
        for i, j in removable:
            self.stamps[j][i] = i

    def add(self, i: int, j: int) -> None:
        """Row i becomes removable in column j (a row already there keeps its place)."""
        if i in self.stamps[j]:
            return
        self.stamps[j][i] = self.next_stamp
        self.rows_of[self.next_stamp] = i
        self.next_stamp += 1
        if self.heaps is not None:
            for k in range(self.ncols):
                if k != j and self.can_add(i, k):
                    heapq.heappush(self.heaps[j][k], self.stamps[j][i])

    def remove(self, i: int, j: int) -> None:
        """Row i is no longer removable in column j (its heap entries lapse)."""
        self.stamps[j].pop(i, None)

    def addable(self, i: int, k: int) -> None:
        """Row i may add to column k again: its entries towards k in every column it is removable in."""
        if self.heaps is not None and self.can_add(i, k):
            for j in range(self.ncols):
                if j != k and i in self.stamps[j]:
                    heapq.heappush(self.heaps[j][k], self.stamps[j][i])

    def first(self, j: int, unreached: set[int]) -> int | None:
        """The earliest row removable in column j that may add to an unreached column."""
        if self.heaps is None:
            self.heaps = [[self._heap(j2, k) for k in range(self.ncols)] for j2 in range(self.ncols)]
        best = None
        for k in unreached:
            heap = self.heaps[j][k]
            while heap and not self._holds(heap[0], j, k):
                heapq.heappop(heap)
            if heap and (best is None or heap[0] < best):
                best = heap[0]
        return None if best is None else self._row(best)

    def _heap(self, j: int, k: int) -> list[int]:
        """Column j's removable rows that may add to k, as stamps (in stamp order: already a heap)."""
        if j == k:
            return []
        return [s for i, s in self.stamps[j].items() if self.can_add(i, k)]

    def _row(self, stamp: int) -> int:
        return self.rows_of.get(stamp, stamp)

    def _holds(self, stamp: int, j: int, k: int) -> bool:
        """Whether a heap entry is still true: the row removable in j under that stamp, able to add to k."""
        i = self._row(stamp)
        return self.stamps[j].get(i) == stamp and self.can_add(i, k)


def _step(cells, bumped, strict: _Reach, loose: _Reach, exact: int, den: int, kind: str, i: int, j: int) -> None:
    """Apply one step of a path: a unit added to (+) or taken from (-) cell (i, j), indexes kept."""
    if kind == "+":
        cells[i][j] += 1
        bumped.add((i, j))
        strict.add(i, j)
        if exact > 0:
            loose.add(i, j)
    else:
        cells[i][j] -= 1
        bumped.discard((i, j))
        strict.remove(i, j)
        if exact % den:
            strict.addable(i, j)
        if cells[i][j] == 0:
            loose.remove(i, j)


def _augment(start: int, reach: _Reach, col_need: list[int]) -> list[tuple[str, int, int]] | None:
    """Search from a short row to a short column, alternating added (+) and removed (-) cells.

    Breadth first over columns: from the oldest reached column, the earliest row removable there
    that reaches a new column (rows that reach none are never looked at); once every column is
    reached without a short one there is none.
    """
    via_row: dict[int, int] = {}   # reached column -> the row that adds to it
    via_col: dict[int, int] = {}   # reached row -> the column it gives a unit from
    unreached = set(range(len(col_need)))
    columns: deque[int] = deque()
    found = _scan(start, reach, col_need, via_row, unreached, columns)
    while found is None and columns and unreached:
        i = reach.first(columns[0], unreached)
        if i is None:
            columns.popleft()
            continue
        via_col[i] = columns[0]
        found = _scan(i, reach, col_need, via_row, unreached, columns)
    return None if found is None else _trace(found, start, via_row, via_col)


def _scan(x: int, reach: _Reach, col_need, via_row, unreached: set[int], columns: deque) -> int | None:
    """Reach the columns row x may add to: a short one ends the search, the others wait in `columns`."""
    for j in range(len(col_need)):
        if j in unreached and reach.can_add(x, j):
            via_row[j] = x
            unreached.discard(j)
            if col_need[j] > 0:
                return j
            columns.append(j)
    return None


def _trace(column: int, start: int, via_row: dict[int, int], via_col: dict[int, int]) -> list[tuple[str, int, int]]:
    """The cell steps of an augmenting path, from its start row to the short column."""
    steps = []
    while True:
        row = via_row[column]
        steps.append(("+", row, column))
        if row == start:
            return steps[::-1]
        column = via_col[row]
        steps.append(("-", row, column))
