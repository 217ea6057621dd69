"""Exact apportionment: largest remainder and controlled rounding of a matrix."""
from __future__ import annotations

from fractions import Fraction as F

import pytest

from plangen.decompose.allocate import largest_remainder, round_matrix, split_map
from plangen.decompose.split import cross


def it_splits_by_largest_remainder() -> None:
    """100 by 1/3 each: 34, 33, 33 (the tie goes to the earlier part)."""
    assert largest_remainder(100, [1, 1, 1]) == (34, 33, 33)
    assert largest_remainder(10, [F(1, 2), F(1, 3), F(1, 6)]) == (5, 3, 2)
    assert largest_remainder(7, [0.5, 0.25, 0.25]) == (3, 2, 2)


def it_splits_in_whole_units() -> None:
    """1,000,000 in 10,000s by 1/3: 340k, 330k, 330k."""
    assert largest_remainder(1_000_000, [1, 1, 1], 10_000) == (340_000, 330_000, 330_000)


def it_puts_the_odd_amount_on_the_largest_part() -> None:
    """12,345 in 1,000s by 1:2: the 345 goes to the larger part."""
    assert largest_remainder(12_345, [1, 2], 1000) == (4000, 8345)


def it_splits_equally_when_every_weight_is_zero() -> None:
    """All-zero weights fall back to equal parts rather than dividing by zero."""
    assert largest_remainder(9, [0, 0, 0]) == (3, 3, 3)
    assert largest_remainder(9, []) == ()


def it_keeps_keys_in_order() -> None:
    """split_map keeps the mapping's order."""
    assert split_map(100, {"b": 1, "a": 3}) == {"b": 25, "a": 75}


def it_rounds_a_matrix_to_its_row_and_column_totals() -> None:
    """Every cell is the floor or ceiling of its exact value, rows and columns add up."""
    exact = [[F(1, 3)] * 3 for _ in range(3)]
    cells = round_matrix(exact, [1, 1, 1], [1, 1, 1])
    assert [sum(r) for r in cells] == [1, 1, 1] and [sum(c) for c in zip(*cells)] == [1, 1, 1]
    assert all(v in (0, 1) for r in cells for v in r)


def it_repairs_what_greed_leaves_short() -> None:
    """A case where taking the largest fractions first blocks a column: the augmenting step fixes it."""
    exact = [[F(9, 10), F(1, 10)], [F(6, 10), F(4, 10)]]
    cells = round_matrix(exact, [1, 1], [1, 1])
    assert cells == [[1, 0], [0, 1]] or cells == [[0, 1], [1, 0]]
    assert [sum(r) for r in cells] == [1, 1] and [sum(c) for c in zip(*cells)] == [1, 1]


def it_moves_a_cell_past_its_ceiling_only_when_fixed_totals_force_it() -> None:
    """Row total 3 over cells of 1/2 and 1/2 with columns 1 and 2: floor/ceiling cannot make 3, so the
    second cell (positive exact value) takes 2; cells whose exact value is 0 never move."""
    assert round_matrix([[F(1, 2), F(1, 2)]], [3], [1, 2]) == [[1, 2]]


def it_refuses_totals_no_positive_cell_can_reach() -> None:
    """Rows 1 and 2 both hold their only positive cell in column 1, which has room for one unit."""
    with pytest.raises(ValueError):
        round_matrix([[F(1, 2), F(0)], [F(1, 2), F(0)], [F(0), F(1, 2)], [F(0), F(1, 2)]], [1, 1, 0, 0], [1, 1])
def it_crosses_columns_with_row_weights() -> None:
    """Regions 40/35/25% over three months of 100 units; odd amounts go to the heaviest row."""
    grid = cross([100_000, 200_500, 300_000], [[F(2, 5)] * 3, [F(7, 20)] * 3, [F(1, 4)] * 3], 1000)
    assert [sum(c) for c in zip(*grid)] == [100_000, 200_500, 300_000]
    assert grid[0] == [40_000, 80_500, 120_000]


def _by_fractions(total: int, weights: list, unit: int = 1) -> tuple[int, ...]:
    """largest_remainder as first written, in Fractions: the reference the integer arithmetic must match."""
    fr = [w if isinstance(w, F) else F(str(w)) for w in weights]
    wsum = sum(fr)
    if wsum <= 0:
        fr, wsum = [F(1)] * len(fr), F(len(fr))
    units, odd = divmod(total, unit)
    quotas = [units * w / wsum for w in fr]
    parts = [q.numerator // q.denominator for q in quotas]
    for i in sorted(range(len(fr)), key=lambda i: (-(quotas[i] - parts[i]), i))[:units - sum(parts)]:
        parts[i] += 1
    result = [p * unit for p in parts]
    if odd:
        result[max(range(len(fr)), key=lambda i: (fr[i], -i))] += odd
    return tuple(result)


def it_splits_in_integer_arithmetic_exactly_as_in_fractions():
    """Whole, fractional and float weights give the parts the Fraction arithmetic gives:
    7 units by 1 : 1 : 1 -> 3, 2, 2 (the tie goes to the earlier part); 100 by 0 : 0 -> 50, 50;
    and 2,000 random cases of mixed signs, units and odd amounts."""
    import random
    cases = [(7, [1, 1, 1], 1), (100, [0, 0], 1), (70_000, [3, 5, 0, 9], 10_000), (-25, [2, 3], 5),
             (1_005, [1, 2, 3], 10), (10, [F(1, 3), F(1, 6), F(1, 2)], 1), (99, [0.25, 0.5, 0.25], 1)]
    rng = random.Random(17)
    for _ in range(2000):
        n = rng.randint(1, 6)
        weights = [rng.choice([rng.randint(-3, 9), F(rng.randint(-2, 9), rng.randint(1, 12)), rng.randint(0, 3) / 4])
                   for _ in range(n)]
        cases.append((rng.randint(-500, 50_000), weights, rng.choice([1, 5, 100])))
    for total, weights, unit in cases:
        assert largest_remainder(total, weights, unit) == _by_fractions(total, weights, unit), (total, weights, unit)
    assert largest_remainder(7, [1, 1, 1]) == (3, 2, 2)


@pytest.mark.parametrize("total, n, unit, parts", [
    (10, 4, 1, (3, 3, 2, 2)),            # 10 = 4 x 2 + 2: the first two days get one more
    (70_000, 3, 10_000, (30_000, 20_000, 20_000)),   # 7 units over 3: 3, 2, 2 units
    (7_005, 3, 1_000, (3_005, 2_000, 2_000)),        # 7 units + 5 odd: the odd amount on the first part
    (-7, 2, 1, (-3, -4)),                # divmod floors: -7 = 2 x -4 + 1, the first part gets +1
    (5, 1, 1, (5,)),
])
def it_splits_over_equal_weights_as_the_fraction_path(total, n, unit, parts):
    """Equal weights (a week's days) take a shortcut with the Fraction path's parts."""
    from fractions import Fraction
    for w in (1, 3, 0):
        assert largest_remainder(total, [w] * n, unit) == parts
        assert largest_remainder(total, [Fraction(w)] * n, unit) == parts
