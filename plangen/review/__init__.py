"""`plangen review`: the checks a sales director applies to a plan before signing it (docs/review.md).

review(plan, d) runs every check of the registry; each check is a small function of the plan and
its decomposition that yields Findings (severity, key path, values). Messages are in messages.py,
per locale; text.py turns findings into sentences, lines and JSON.
"""
from __future__ import annotations

from ..decompose import Decomposition
from ..model.schema import Plan
from .finding import SEVERITIES, Finding, Review
from .registry import CHECKS

__all__ = ["review", "Review", "Finding", "CHECKS"]


def review(plan: Plan, d: Decomposition) -> Review:
    """Every finding of every check the plan has not disabled, errors first."""
    skip = set(plan.review.disabled)
    found = [f for name, check in CHECKS.items() if name not in skip for f in check(plan, d)]
    found.sort(key=lambda f: SEVERITIES.index(f.severity))
    return Review(tuple(found))
