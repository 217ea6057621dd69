"""Top-down, then bottom-up (seed 000, step 3): the reps' proposals against the allocation, and the agreed numbers.

The engine's allocation is the top-down number. A rep who answers with his own number (`proposed`)
takes part in the rule (team.reconcile) when he works every month at full quota; a rep without a
proposal, or one who starts late, leaves early or ramps, keeps his top-down number, and so does the only
rep of his group who takes part (his group's target is his). Within each group
of reps that share a target (a region, or the whole team) the agreed numbers of the reps who take part
add up to their top-down numbers, so the team still adds up to the target:

- top_down: agreed = top-down (the gap is shown, nothing moves);
- scale: the proposals scaled to the top-down sum, t x p_i / P;
- blend: w x top-down + (1 - w) x scaled, w = team.reconcile.weight.

Amounts are exact until one largest-remainder step to the rounding unit; then each rep's months follow
his agreed number (those who give up target give it in proportion to their own months, those who take
it receive each month's freed amount in proportion to what they take), and every month keeps its total.
"""
from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from ..model.schema import Reconcile, Rep
from .allocate import largest_remainder
from .result import Basis, Proposals, RepProposal
from .split import cross


def reconcile(reps: Sequence[Rep], rule: Reconcile, grid: list[list[int]], factors: Sequence[Sequence[Fraction]],
              groups: dict, unit: int) -> tuple[Proposals | None, list[list[int]]]:
    """The proposals against the top-down grid (rep x month) and the grid of the agreed numbers; None without proposals."""
    if not any(r.proposed is not None for r in reps):
        return None, grid
    top = [sum(row) for row in grid]
    taking = [r.proposed is not None and all(f == 1 for f in fs) for r, fs in zip(reps, factors)]
    out = [list(row) for row in grid]
    alone = set()
    for members in groups.values():
        rows = [i for i in members if taking[i]]
        alone |= set(rows) if len(rows) == 1 else set()
        agreed = agree(rule, [top[i] for i in rows], [reps[i].proposed for i in rows], unit)
        for i, row in zip(rows, respread([grid[i] for i in rows], agreed, unit)):
            out[i] = row
    return Proposals(rule.rule, rule.weight, tuple(
        RepProposal(r.id, t, r.proposed, sum(row), _basis(r, k, i in alone))
        for i, (r, t, row, k) in enumerate(zip(reps, top, out, taking)))), out


def _basis(rep: Rep, taking: bool, alone: bool) -> Basis:
    """Why a rep's agreed number is what it is."""
    if taking:
        return "alone" if alone else "rule"
    return "no_proposal" if rep.proposed is None else "ramp"


def agree(rule: Reconcile, top: Sequence[int], proposed: Sequence[int], unit: int) -> tuple[int, ...]:
    """The agreed numbers of a group: exact by the rule, then whole units adding up to the top-down sum."""
    total, asked = sum(top), sum(proposed)
    if not top or rule.rule == "top_down" or not asked:
        return tuple(top)
    scaled = [Fraction(total * p, asked) for p in proposed]
    w = rule.weight if rule.rule == "blend" else Fraction(0)
    return largest_remainder(total, [w * t + (1 - w) * s for t, s in zip(top, scaled)], unit)


def respread(rows: Sequence[Sequence[int]], agreed: Sequence[int], unit: int) -> list[list[int]]:
    """The rows' months moved to the agreed totals, every column keeping its sum.

    A rep who gives up target keeps his own month profile, scaled down to his agreed number (largest
    remainder); what each month frees goes to the reps who take target, in proportion to what each
    takes. Whole numbers over one denominator throughout, so a big team costs no more than its size.
    """
    deltas = [a - sum(r) for a, r in zip(agreed, rows)]
    out = [list(largest_remainder(a, r, unit)) if d < 0 else list(r) for r, a, d in zip(rows, agreed, deltas)]
    freed = [sum(x - k for x, k in col) for col in zip(*[zip(r, o) for r, o, d in zip(rows, out, deltas) if d < 0])]
    takers = [i for i, d in enumerate(deltas) if d > 0]
    if not takers or not any(freed):
        return out
    for i, extra in zip(takers, cross(freed, [[deltas[i]] * len(freed) for i in takers], unit)):
        out[i] = [x + e for x, e in zip(out[i], extra)]
    return out
