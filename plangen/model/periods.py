"""The plan period's quarters: what checking and decomposing a plan both count in."""
from __future__ import annotations

from fractions import Fraction


def quarter_blocks(n_months: int) -> list[range]:
    """Indexes of the period's months grouped in quarters (3-month blocks from the start)."""
    return [range(i, min(i + 3, n_months)) for i in range(0, n_months, 3)]


def annual_share(amount: int, months: int, yearly: int) -> Fraction:
    """A period's amount against a yearly figure (a market's size): annualised, so an H2 target of
    4.5M against a 90M market is 9M a year, 10%, not 5%."""
    return Fraction(amount * 12, months * yearly)
