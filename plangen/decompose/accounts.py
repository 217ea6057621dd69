"""Key-customer (outlet) targets: each named customer's target by month and product item,
inside its owner's target; what the named customers do not cover is the rep's other business."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction

from ..model.schema import Plan
from .allocate import largest_remainder
from .result import AccountTarget, Notice, RepTarget, frozen_map
from .split import cross


def plan_accounts(plan: Plan, reps: Sequence[RepTarget], team_months: Sequence[int],
                  unit: int) -> tuple[AccountTarget, ...]:
    """Every customer with a target, phased like its owner's months and split by product item."""
    if not plan.crm:
        return ()
    by_id = {r.id: r for r in reps}
    default = dict(plan.targets.split.get("product_line") or {})
    out = []
    for c in plan.crm.customers:
        if c.target is None:
            continue
        owner = by_id.get(c.owner)
        shape = list(owner.months) if owner and owner.total else list(team_months)
        months = largest_remainder(c.target, shape if sum(shape) else [1] * len(shape), unit)
        shares = dict(c.products) or default
        products = _products(months, shares, unit) if shares else {}
        out.append(AccountTarget(c.name, c.owner, c.target, tuple(months), frozen_map(products)))
    return tuple(out)


def _products(months: Sequence[int], shares: Mapping[str, Fraction], unit: int) -> dict[str, tuple[int, ...]]:
    """Product item x month, rows and columns adding up."""
    grid = cross(list(months), [[w] * len(months) for w in shares.values()], unit)
    return {k: tuple(row) for k, row in zip(shares, grid)}


def account_notices(accounts: Sequence[AccountTarget], reps: Sequence[RepTarget]) -> list[Notice]:
    """A notice for each rep whose key customers' targets add up to more than his own target."""
    out = []
    for r in reps:
        named = sum(a.total for a in accounts if a.owner == r.id)
        if named > r.total:
            out.append(Notice("accounts_above_target", frozen_map({"rep": r.name, "named": named, "target": r.total}),
                              f"the key-customer targets of {r.name} add up to {named:,}, above the rep's target "
                              f"{r.total:,}: lower them or raise the rep's share", ("crm", "customers")))
    return out
