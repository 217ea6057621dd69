"""Ramp: who ramps, what it costs against a full quota, who carries it, and regions whose reps all ramp."""
from __future__ import annotations

from collections.abc import Iterator

from ..decompose import Decomposition
from ..model.schema import Plan
from .finding import Finding, Money, Names


def cost(plan: Plan, d: Decomposition) -> Iterator[Finding]:
    """The reps who ramp, the quota they do not carry, and who carries it (other reps, or nobody: the gap)."""
    ramping = [r for r in d.reps if r.ramping]
    if not ramping:
        return
    missing = sum(r.full_quota - r.total for r in ramping if r.full_quota > r.total)
    carriers = tuple(r.name for r in d.reps if r.total > r.full_quota)
    code = "ramp.carried" if carriers else "ramp.gap"
    yield Finding(code, "note", ("team", "ramp"), {
        "names": Names(tuple(r.name for r in ramping)), "count": len(ramping), "missing": Money(missing),
        "carriers": Names(carriers), "gap": Money(sum(d.unassigned))})


def alone_in_region(plan: Plan, d: Decomposition) -> Iterator[Finding]:
    """A region all of whose reps ramp: in its first months nobody there sells at full pace."""
    regions: dict[str, list[int]] = {}
    for i, r in enumerate(d.reps):
        if r.region:
            regions.setdefault(r.region, []).append(i)
    for region, members in regions.items():
        if all(d.reps[i].ramping for i in members):
            first = members[0]
            yield Finding("ramp.region_alone", "warning", ("team", "reps", first, "start"), {
                "region": region, "names": Names(tuple(d.reps[i].name for i in members)), "count": len(members),
                "target": Money(sum(d.reps[i].total for i in members))})
