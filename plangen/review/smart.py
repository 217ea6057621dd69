"""SMART: every task with owner, due date and acceptance; every risk with a response and owner; managers named."""
from __future__ import annotations

from collections.abc import Iterator

from ..decompose import Decomposition
from ..model.schema import Plan
from .finding import Finding, Names

TASK_KEYS = ("owner", "due", "acceptance")
RISK_KEYS = ("response", "owner")


def tasks(plan: Plan, d: Decomposition) -> Iterator[Finding]:
    """A task without an owner, a due date or an acceptance criterion cannot be followed up."""
    for i, t in enumerate(plan.tasks):
        missing = tuple(k for k in TASK_KEYS if not getattr(t, k))
        if missing:
            yield Finding("smart.task", "warning", ("tasks", i), {"what": _first(t.task), "missing": Names(missing)})


def risks(plan: Plan, d: Decomposition) -> Iterator[Finding]:
    """A risk without a response or an owner is only a worry."""
    for i, r in enumerate(plan.monitoring.risks if plan.monitoring else []):
        missing = tuple(k for k in RISK_KEYS if not getattr(r, k))
        if missing:
            yield Finding("smart.risk", "warning", ("monitoring", "risks", i),
                          {"what": _first(r.risk), "missing": Names(missing)})


def actions(plan: Plan, d: Decomposition) -> Iterator[Finding]:
    """An action-plan line without a deadline is not dated."""
    for i, a in enumerate(plan.team.action_plan):
        if a.deadline is None:
            yield Finding("smart.action", "warning", ("team", "action_plan", i), {"what": _first(a.what)})


def managers(plan: Plan, d: Decomposition) -> Iterator[Finding]:
    """When some reps name a manager, every rep should: someone signs each commitment."""
    reps = plan.team.reps
    if not any(r.manager for r in reps):
        return
    for i, r in enumerate(reps):
        if not r.manager:
            yield Finding("smart.manager", "warning", ("team", "reps", i), {"name": r.name})


def satisfaction(plan: Plan, d: Decomposition) -> Iterator[Finding]:
    """A satisfaction target without a survey cannot be measured."""
    s = plan.crm.satisfaction if plan.crm else None
    if s is not None and s.target is not None and not s.survey:
        yield Finding("smart.satisfaction", "warning", ("crm", "satisfaction"), {})


def _first(text: tuple[str, ...]) -> str:
    """A text's first paragraph, shortened for a message."""
    first = text[0] if text else ""
    return first if len(first) <= 40 else first[:39] + "…"
