"""The team looked up by rep and by region, built once per plan and shared by every rep's context.

A rep's plan must not scan the team: at 100,000 reps one scan per rep is 10^10 steps. The index
is built on first use and kept by every copy of the Ctx (`Ctx.for_amounts` copies it shallowly).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from plangen.decompose.result import Decomposition, RepTarget
from plangen.model.schema import Plan


@dataclass(frozen=True)
class TeamIndex:
    """Reps' plan entries, customers and key accounts by rep id; ramping and covering reps by region."""

    models: dict
    customers: dict
    accounts: dict
    ramping: dict      # region -> [(id, name)] of ramping reps, team order
    covering: dict     # region -> how many reps with a quota are not ramping

    @classmethod
    def build(cls, plan: Plan, d: Decomposition) -> "TeamIndex":
        """One pass over the plan's reps, the decomposition's reps, customers and accounts."""
        models: dict = {}
        for r in plan.team.reps:
            models.setdefault(r.id, r)
        ramping, covering = defaultdict(list), defaultdict(int)
        for r in d.reps:
            if r.ramping:
                ramping[r.region].append((r.id, r.name))
            elif r.full_quota:
                covering[r.region] += 1
        return cls(models, _by_owner(d.customers), _by_owner(d.accounts), ramping, covering)

    def colleagues_ramping(self, rep: RepTarget) -> list[str]:
        """The names of the other reps of the rep's region who are ramping."""
        return [name for rep_id, name in self.ramping.get(rep.region, ()) if rep_id != rep.id]

    def covered(self, rep: RepTarget) -> bool:
        """Whether another rep of the region with a quota is not ramping (he covers ramping colleagues)."""
        own = 1 if rep.full_quota and not rep.ramping else 0
        return self.covering.get(rep.region, 0) - own > 0


def _by_owner(items) -> dict:
    """Items grouped by their `owner`, in their order."""
    out = defaultdict(list)
    for x in items:
        out[x.owner].append(x)
    return out
