"""Milestones: dated goals (revenue, new customers, units) against what the phasing plans by then."""
from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping, Sequence

from ..model.schema import Milestone
from .result import MilestoneCheck, Month, Notice, Timeline, frozen_map


def check_milestones(specs: Sequence[Milestone], months: Sequence[Month],
                     metrics: Mapping[str, Timeline]) -> tuple[MilestoneCheck, ...]:
    """Each milestone with the amount the plan reaches by its date."""
    out = []
    for m in specs:
        planned = revenue_by(months, m.by) if m.metric == "revenue" else count_by(months, metrics[m.metric], m.by)
        out.append(MilestoneCheck(m.name, m.by, m.metric, m.goal, planned))
    return tuple(out)


def revenue_by(months: Sequence[Month], day: dt.date) -> int:
    """The period's target on the days up to and including `day`."""
    return sum(d.amount for m in months for d in m.days if d.date <= day)


def count_by(months: Sequence[Month], timeline: Timeline, day: dt.date) -> int:
    """Whole counts planned by `day`: full months, and a month in progress by its share of days (rounded down)."""
    total = 0
    for m, count in zip(months, timeline.months):
        last = dt.date(m.year, m.month, calendar.monthrange(m.year, m.month)[1])
        if last <= day:
            total += count
        elif m.days and m.days[0].date <= day:
            total += count * sum(1 for d in m.days if d.date <= day) // len(m.days)
    return total


def milestone_notices(checks: Sequence[MilestoneCheck]) -> list[Notice]:
    """A notice for each milestone the phasing does not reach."""
    return [Notice("milestone_short", frozen_map({"name": c.name, "date": c.by, "metric": c.metric,
                                                  "goal": c.goal, "planned": c.planned}),
                   f"milestone {c.name!r} asks {c.goal:,} ({c.metric}) by {c.by.isoformat()}; the phasing plans "
                   f"{c.planned:,} by then: phase more into the earlier months or move the milestone",
                   ("targets", "milestones", i))
            for i, c in enumerate(checks) if not c.met]
