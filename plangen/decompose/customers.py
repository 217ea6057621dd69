"""Customers: tier from last year's revenue, and planned visits per month from tier frequency."""
from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction
from functools import lru_cache

from ..model.schema import Crm, Customer, Tier
from .result import CustomerPlan


def tier_of(customer: Customer, tiers: list[Tier]) -> Tier | None:
    """The explicit tier, else the highest tier whose minimum the customer's revenue reaches."""
    if customer.tier:
        return next(t for t in tiers if t.name == customer.tier)
    revenue = customer.revenue_last_year or 0
    ranked = sorted(tiers, key=lambda t: -(t.min_revenue or 0))
    return next((t for t in ranked if revenue >= (t.min_revenue or 0)), None)


@lru_cache(maxsize=1024)
def visits_per_month(per_month: Fraction, months: int) -> tuple[int, ...]:
    """Visits spread evenly, the first in the first month: 1 every 2 months -> 1,0,1,0..."""
    return tuple(math.ceil((i + 1) * per_month) - math.ceil(i * per_month) for i in range(months))


def plan_customers(crm: Crm | None, months: int,
                   active: dict[str, list[bool]] | None = None) -> tuple[CustomerPlan, ...]:
    """Each customer with its tier and visits per month, only in the months its owner works."""
    if crm is None:
        return ()
    out = []
    for c in crm.customers:
        tier = tier_of(c, crm.tiers)
        works = (active or {}).get(c.owner or "", [True] * months)
        visits = _in_months(visits_per_month(tier.visit_every, sum(works)), works) if tier else (0,) * months
        out.append(CustomerPlan(c.name, c.owner, tier.name if tier else None, c.revenue_last_year, visits))
    return tuple(out)


def _in_months(visits: tuple[int, ...], works: list[bool]) -> tuple[int, ...]:
    """Visits planned over the worked months, placed in those months (0 in the others)."""
    it = iter(visits)
    return tuple(next(it) if w else 0 for w in works)


def visits_by_rep(customers: Sequence[CustomerPlan], months: int) -> dict[str, tuple[int, ...]]:
    """Planned visits per month of the customers each rep owns, in one pass over the customers."""
    sums: dict[str, list[int]] = {}
    for c in customers:
        if c.owner is not None:
            row = sums.setdefault(c.owner, [0] * months)
            for i, v in enumerate(c.visits):
                row[i] += v
    return {owner: tuple(row) for owner, row in sums.items()}
