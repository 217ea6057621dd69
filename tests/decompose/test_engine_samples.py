"""Every rep of every sample: the ramp his plan prints is the ramp his numbers follow, and no working week is empty."""
from __future__ import annotations

from fractions import Fraction
from itertools import groupby
from pathlib import Path

import pytest

from plangen.decompose import decompose
from plangen.decompose.reps import rep_days
from plangen.model import load

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "samples").glob("*-plan.yaml"))


def _reps(path: Path):
    plan = load(path)
    d = decompose(plan)
    return plan, d, [(plan.team.reps[i], r) for i, r in enumerate(d.reps)]


def _group(d, r):
    """The month amounts of the rep's group (his region when reps are placed in split regions) and its members."""
    if "region" in d.splits and all(x.region for x in d.reps):
        return d.splits["region"].by_month[r.region], [x for x in d.reps if x.region == r.region]
    return d.revenue.months, list(d.reps)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def it_follows_the_printed_ramp_for_every_rep(path) -> None:
    """A ramping month holds weight x ramp of the full share (within one unit); a full month at least the full share,
    scaled down by agreed / top-down for a rep whose agreed number (team.reconcile) is below his top-down one
    (within two units there: the top-down months are rounded, then the agreed ones)."""
    _, d, reps = _reps(path)
    agreed = {x.id: min(Fraction(x.agreed, x.top_down), 1) for x in d.proposals.reps} if d.proposals else {}
    for _, r in reps:
        amounts, members = _group(d, r)
        full = sum(x.weight for x in members)
        for j, (got, f) in enumerate(zip(r.months, r.ramp)):
            own = Fraction(amounts[j]) * r.weight * f / full * agreed.get(r.id, 1)
            if f < 1:
                assert abs(got - own) < d.unit, (r.id, j, got, float(own))
            else:
                assert got > own - d.unit * (2 if r.id in agreed else 1), (r.id, j, got, float(own))


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def it_leaves_no_working_week_empty(path) -> None:
    """In a month that holds at least one unit per week the rep works, every one of those weeks has a target."""
    _, d, reps = _reps(path)
    for _, r in reps:
        for amount, days in zip(r.months, rep_days(d, r)):
            weeks = [sum(x.amount for x in g) for _, g in groupby(days, key=lambda x: x.date.isocalendar()[:2])]
            if amount // d.unit >= len(weeks):
                assert all(weeks), (r.id, amount, weeks)
