"""The plan period's quarters: what checking and decomposing a plan both count in."""
from __future__ import annotations


def quarter_blocks(n_months: int) -> list[range]:
    """Indexes of the period's months grouped in quarters (3-month blocks from the start)."""
    return [range(i, min(i + 3, n_months)) for i in range(0, n_months, 3)]
