"""Exact apportionment: split an integer total by weights so the parts add up exactly."""
from __future__ import annotations

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


def split_map(total: int, weights: Mapping[str, Weight], unit: int = 1) -> dict[str, int]:
    """Split `total` over the keys of `weights`, keeping their order."""
    return dict(zip(weights, largest_remainder(total, list(weights.values()), unit)))
