"""Team capacity: can these reps, ramping as planned, deliver the target at a normal attainment?"""
from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from ..decompose import Decomposition
from ..model.schema import Plan
from .figures import expected_sales
from .finding import Finding, Money, Pct


def capacity(plan: Plan, d: Decomposition) -> Iterator[Finding]:
    """Sum of full quota x ramp x review.attainment vs the target.

    With review.rep_quota (what a ramped rep sells) a shortfall is a warning; without it the full
    quotas are the target's shares, so the check can only report the expected sales as a note.
    """
    if not d.reps or d.total <= 0:
        return
    s = plan.review
    expected = sum(expected_sales(plan, d, r) for r in d.reps)
    if s.rep_quota is not None and expected >= d.total:
        return
    code = "team.capacity" if s.rep_quota is not None else "team.capacity_shares"
    yield Finding(code, "warning" if s.rep_quota is not None else "note", ("team", "reps"), {
        "expected": Money(int(expected)), "share": Pct(expected / d.total), "attainment": Pct(s.attainment, 0),
        "short": Money(max(d.total - int(expected), 0)), "count": len(d.reps),
        "quota": Money(s.rep_quota or 0)})


def over_assignment(plan: Plan, d: Decomposition) -> Iterator[Finding]:
    """What the reps' quotas add up to, against the target, outside review.over_assignment_min..max."""
    if not d.reps or d.total <= 0:
        return
    quotas = sum(r.total for r in d.reps)
    ratio = Fraction(quotas - d.total, d.total)
    s = plan.review
    if not s.over_assignment_min <= ratio <= s.over_assignment_max:
        yield Finding("team.over_assignment", "warning", ("team", "ramp_policy"), {
            "quotas": Money(quotas), "ratio": Pct(Fraction(quotas, d.total)), "low": Pct(1 + s.over_assignment_min, 0),
            "high": Pct(1 + s.over_assignment_max, 0), "gap": Money(max(d.total - quotas, 0))})


def proposals_short(plan: Plan, d: Decomposition) -> Iterator[Finding]:
    """The reps' proposals add up to less than review.proposals_min of their top-down numbers."""
    p = d.proposals
    if p is None or not p.proposers_top_down:
        return
    ratio = Fraction(p.proposed, p.proposers_top_down)
    if ratio < plan.review.proposals_min:
        yield Finding("team.proposals_short", "warning", ("team", "reps"), {
            "proposed": Money(p.proposed), "top_down": Money(p.proposers_top_down), "ratio": Pct(ratio),
            "min": Pct(plan.review.proposals_min, 0), "gap": Money(-p.gap), "count": len(p.proposers)})
