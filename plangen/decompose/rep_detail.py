"""One rep's detail: his working days, ISO weeks, splits and budget items, computed on demand.

Not stored in the Decomposition: a 100,000-rep team would hold some 25 million days. A rep's plan
and `decompose --format json` ask for one rep at a time (rep_detail), so memory stays flat.
Every figure is a whole number of rounding units that adds up: days to his months, weeks and
each split to his total, budget items to his budget.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import groupby
from typing import NamedTuple

from ..model.schema import Plan
from .allocate import largest_remainder
from .reps import rep_dates, rep_days
from .result import Day, Decomposition, RepTarget, frozen_map, week_key
from .timeline import iso_week, week_parts


class RepWeek(NamedTuple):
    """The rep's target in one ISO week (a tuple: a rep has some 53, built for every rep plan)."""

    iso_year: int
    iso_week: int
    amount: int

    @property
    def key(self) -> str:
        return week_key(self.iso_year, self.iso_week)


class RepBudgetItem(NamedTuple):
    """The rep's part of one budget item; `own` when he spends it himself (budget.rep_items)."""

    name: str
    amount: int
    own: bool


@dataclass(frozen=True)
class RepDetail:
    """What one rep's plan shows below his months and beside his total."""

    days: tuple[tuple[Day, ...], ...]           # per month, the days he works and their targets (() unless asked)
    weeks: tuple[RepWeek, ...]                  # his ISO weeks, in order
    splits: Mapping[str, Mapping[str, int]]     # per split dimension (plan order), his target per member
    budget_items: tuple[RepBudgetItem, ...]     # his budget by the plan's items, in their order

    @property
    def own_budget(self) -> tuple[RepBudgetItem, ...]:
        """The items he spends himself: what his plan's budget table shows."""
        return tuple(x for x in self.budget_items if x.own)


def rep_detail(plan: Plan, d: Decomposition, rep: RepTarget, days: bool = True) -> RepDetail:
    """The rep's weeks, splits, budget items and (unless `days` is False: some 250 objects) days."""
    return RepDetail(rep_days(d, rep) if days else (), rep_weeks(d, rep), rep_splits(d, rep),
                     rep_budget_items(plan, d, rep))


def rep_weeks(d: Decomposition, rep: RepTarget) -> tuple[RepWeek, ...]:
    """The rep's target per ISO week: each month's amount over its week parts by his working days,
    the parts rep_days spreads to the days (timeline.week_parts), a week across a month's end summed.

    Worked example: 80,000 in units of 10,000 over February 2027's four 5-day weeks is 2 units a
    week, 20,000 each; 50,000 is 1.25 units a week: floors 1+1+1+1, the spare unit to the earliest
    of the equal remainders: 20,000, 10,000, 10,000, 10,000.
    """
    out: list[RepWeek] = []
    for m, amount in zip(d.months, rep.months):
        weeks = [(k, len(list(g))) for k, g in groupby(rep_dates(m, rep), key=iso_week)]
        for ((y, w), _), part in zip(weeks, week_parts(amount, [n for _, n in weeks], d.unit)):
            if out and out[-1][:2] == (y, w):
                out[-1] = RepWeek(y, w, out[-1].amount + part)
            else:
                out.append(RepWeek(y, w, part))
    return tuple(out)


def rep_splits(d: Decomposition, rep: RepTarget) -> Mapping[str, Mapping[str, int]]:
    """The rep's total by each split dimension's shares, largest remainder in whole units.

    A rep of a split region carries all of his total there (reps in regions take their region's
    months). Worked example: 1,000,000 in units of 1,000 by product lines {A: 1/3, B: 2/3} is
    333,333.3 and 666,666.7, floored to 333,000 + 666,000 = 999,000; the last 1,000 goes to the
    larger remainder (B's 666.7 against A's 333.3): A 333,000, B 667,000.
    """
    out = {}
    for name, s in d.splits.items():
        keys = list(s.shares)
        if name == "region" and rep.region in s.shares:
            parts = [rep.total if k == rep.region else 0 for k in keys]
        else:
            parts = largest_remainder(rep.total, [s.shares[k] for k in keys], d.unit)
        out[name] = frozen_map(dict(zip(keys, parts)))
    return frozen_map(out)


def rep_budget_items(plan: Plan, d: Decomposition, rep: RepTarget) -> tuple[RepBudgetItem, ...]:
    """The rep's budget (rep.budget) by the items' team totals, largest remainder in whole units.

    Worked example: items travel 400,000, events 240,000, training 160,000 (50/30/20%) and a rep's
    budget of 81,000 in units of 1,000: 40,500, 24,300, 16,200 floor to 40,000 + 24,000 + 16,000 =
    80,000; the last 1,000 goes to the largest remainder (travel's 500): 41,000, 24,000, 16,000.
    """
    b = d.budget
    if not b or not plan.budget:
        return ()
    own = set(plan.budget.rep_items)
    items = list(b.items)
    parts = largest_remainder(rep.budget, [b.items[k] for k in items], d.unit)
    return tuple(RepBudgetItem(k, p, k in own) for k, p in zip(items, parts))
