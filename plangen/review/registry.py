"""The one registry of review checks: name -> function(plan, decomposition) yielding findings.

A plan turns a check off with `review: {disabled: [name, ...]}`; docs/review.md documents each.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from ..decompose import Decomposition
from ..model.schema import Plan
from . import budget, capacity, consistency, funnel, market, ramp, seasonality, smart, team
from .finding import Finding

Check = Callable[[Plan, Decomposition], Iterable[Finding]]

CHECKS: dict[str, Check] = {
    "capacity.funnel_per_day": capacity.funnel_per_day,
    "capacity.floor_above_limit": capacity.floor_above_limit,
    "capacity.customer_visits": capacity.customer_visits,
    "capacity.new_customers": capacity.new_customers,
    "team.capacity": team.capacity,
    "team.over_assignment": team.over_assignment,
    "team.proposals_short": team.proposals_short,
    "seasonality.below_last_year": seasonality.below_last_year,
    "seasonality.growth_swing": seasonality.growth_swing,
    "market.share": market.share,
    "market.segments": market.segments,
    "funnel.coverage": funnel.coverage,
    "budget.expense_ratio": budget.expense_ratio,
    "ramp.cost": ramp.cost,
    "ramp.region_alone": ramp.alone_in_region,
    "smart.tasks": smart.tasks,
    "smart.risks": smart.risks,
    "smart.actions": smart.actions,
    "smart.managers": smart.managers,
    "smart.satisfaction": smart.satisfaction,
    "consistency.growth": consistency.growth,
    "consistency.new_customers": consistency.new_customers,
}
