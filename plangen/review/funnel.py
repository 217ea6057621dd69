"""Funnel: the opportunities the target needs, and the pipeline that should already cover them."""
from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from ..decompose import Decomposition
from ..decompose.funnel import activities
from ..model.schema import Plan
from .finding import Finding, Money, Num


def coverage(plan: Plan, d: Decomposition) -> Iterator[Finding]:
    """review.pipeline against the first quarter's target: below review.coverage times warns."""
    s, f = plan.review, plan.funnel
    if s.pipeline is None or f is None or not d.quarters or d.quarters[0].amount <= 0:
        return
    first = d.quarters[0].amount
    got = Fraction(s.pipeline, first)
    if got < s.coverage:
        yield Finding("funnel.coverage", "warning", ("review", "pipeline"), {
            "pipeline": Money(s.pipeline), "first": Money(first), "coverage": Num(got), "limit": Num(s.coverage, 0),
            "opportunities": activities(first, f).opportunities})
