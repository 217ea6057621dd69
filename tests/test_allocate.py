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


def it_splits_whole_number_weights_exactly_as_the_fraction_path():
    """The integer fast path (amounts as weights) gives the very parts the Fraction path gives:
    7 units by 1 : 1 : 1 -> 3, 2, 2 (the tie goes to the earlier part); 100 by 0 : 0 -> 50, 50."""
    from fractions import Fraction
    from plangen.decompose.allocate import largest_remainder
    for total, weights, unit in ((7, [1, 1, 1], 1), (100, [0, 0], 1), (70_000, [3, 5, 0, 9], 10_000),
                                 (-25, [2, 3], 5), (1_005, [1, 2, 3], 10)):
        assert largest_remainder(total, weights, unit) == largest_remainder(total, [Fraction(w) for w in weights], unit)
    assert largest_remainder(7, [1, 1, 1]) == (3, 2, 2)
