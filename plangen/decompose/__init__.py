"""decompose(plan): the plan broken down over time, dimensions, reps, activities, customers, budget.

Pure functions, no I/O: the same plan gives the same immutable Decomposition.
"""
from __future__ import annotations

from fractions import Fraction

from plangen.bulk import without_cycle_collector

from ..model.history import revenue_target
from ..model.schema import Plan
from .budget import plan_budget
from .accounts import account_notices, plan_accounts
from .calendar import WorkCalendar, build_calendar
from .collections import plan_collections
from .milestones import check_milestones, milestone_notices
from .customers import plan_customers, visits_by_rep
from .floors import rep_activities, team_months
from .forecast import plan_forecast
from .funnel import period_activities
from .growth import growth_check, growth_notices
from .result import Activities, Decomposition, Notice, RepTarget, Timeline, frozen_map
from .proposals import reconcile
from .split import cross, full_quotas, members_by_group, quarters_of, ramp_factors, rep_grid, split_dimension
from .timeline import (build_months, build_quarters, build_weeks, days_by_month, month_weights, phase,
                       phasing_method)

__all__ = ["decompose", "Decomposition"]


@without_cycle_collector
def decompose(plan: Plan) -> Decomposition:
    """Break a checked plan down; every level adds up exactly to its parent."""
    unit = plan.targets.rounding
    period = plan.plan.period
    cal = build_calendar(plan.targets.calendar, period.first_day, period.last_day, plan.plan.locale)
    days = days_by_month(cal, period.month_list())
    weights = month_weights(plan, [len(d) for d in days])
    total, detail = revenue_target(plan, unit)
    revenue = phase(total, weights, unit)
    months = build_months(plan, revenue, weights, days, unit)
    splits = {name: split_dimension(name, dict(shares), revenue.months, unit)
              for name, shares in plan.targets.split.items()}
    metrics = _metrics(plan, weights, unit)
    reps, gap, budget, customers, left, proposals = _team(plan, months, revenue, splits, unit, metrics)
    growth = growth_check(plan, total, detail)
    milestones = check_milestones(plan.targets.milestones, months, metrics)
    accounts = plan_accounts(plan, reps, revenue.months, unit)
    forecast, why = plan_forecast(plan, revenue.months)
    return Decomposition(
        currency=plan.plan.currency, unit=unit, phasing=phasing_method(plan), calendar=cal,
        months=months, quarters=build_quarters(plan, revenue), weeks=build_weeks(months),
        revenue=revenue, metrics=frozen_map(metrics), splits=frozen_map(splits),
        reps=reps, unassigned=tuple(gap), ramp_policy=plan.team.ramp_policy, customers=customers,
        team_activities=_team_activities(plan, revenue, reps), budget=budget,
        growth=growth, notices=tuple(_notices(cal, growth, gap, left) + _preparation(plan)
                                     + milestone_notices(milestones) + account_notices(accounts, reps)),
        collections=plan_collections(plan.targets.collections, revenue.months, {r.id: r.months for r in reps},
                                     gap, unit), milestones=milestones, accounts=accounts, proposals=proposals,
        forecast=forecast, forecast_reason=why)


def _metrics(plan: Plan, weights: list[Fraction], unit: int) -> dict[str, Timeline]:
    """Stretch, profit, units and new customers, phased with the revenue weights."""
    t, out = plan.targets, {}
    for key, value, u in (("stretch", t.stretch, unit), ("profit", t.profit, unit)):
        if value is not None:
            out[key] = phase(value, weights, u)
    for key, rng in (("units", t.units), ("new_customers", t.new_customers)):
        if rng is not None:
            out[key] = phase(rng[0], weights, 1)
            if rng[1] != rng[0]:
                out[key + "_stretch"] = phase(rng[1], weights, 1)
    return out


def _groups(plan: Plan, revenue: Timeline, splits: dict) -> dict:
    """Month amounts per region when reps sit in split regions, else the whole team."""
    if "region" in splits and plan.team.reps and all(r.region for r in plan.team.reps):
        return {k: v for k, v in splits["region"].by_month.items()}
    return {None: revenue.months}


def rep_metrics(metrics: dict[str, Timeline], grid: list[list[int]], gap: list[int]) -> list[dict]:
    """Each rep's whole share of the counted targets (units, new customers) month by month, by his revenue."""
    out: list[dict] = [{} for _ in grid]
    rest = [[Fraction(g or (0 if any(r[j] for r in grid) else 1)) for j, g in enumerate(gap)]]
    for key in ("units", "new_customers"):
        if key in metrics:
            rows = cross(metrics[key].months, [[Fraction(x) for x in g] for g in grid] + rest, 1)
            for share, row in zip(out, rows):
                share[key] = tuple(row)
    return out


def _ramps(reps, ramp, months, start) -> list[tuple]:
    """Each rep's ramp factors, computed once per distinct (start, end): most reps share them."""
    seen: dict = {}
    for r in reps:
        if (r.start, r.end) not in seen:
            seen[(r.start, r.end)] = ramp_factors(r.start, r.end, ramp, months, start)
    return [seen[(r.start, r.end)] for r in reps]


def _activities(reps, grid: list[list[int]], months, funnel) -> list:
    """Each rep's activities and floors (rep_activities). Reps of the same month targets (and, with
    floors, the same start and end, which set their working days) share one computation: big teams
    repeat quotas (the 100,000-rep benchmark roster has 1,335 distinct month rows)."""
    floors = funnel is not None and funnel.minimum is not None
    seen: dict = {}
    out = []
    for r, g in zip(reps, grid):
        key = (tuple(g), r.start, r.end) if floors else tuple(g)
        if key not in seen:
            seen[key] = rep_activities(g, months, funnel, r.start, r.end)
        out.append(seen[key])
    return out


def _team(plan: Plan, months, revenue: Timeline, splits: dict, unit: int, metrics: dict):
    """Reps with ramp, their activities, customers and budget."""
    reps = plan.team.reps
    n = len(months)
    start = plan.plan.period.first_day
    factors = _ramps(reps, plan.team.ramp, months, start)
    customers = plan_customers(plan.crm, n, {r.id: [f > 0 for f in fs] for r, fs in zip(reps, factors)})
    if not reps:
        budget = plan_budget(plan.budget, revenue.total, revenue.months, {}, unit)
        return (), [0] * n, budget, customers, [], None
    groups = _groups(plan, revenue, splits)
    top, gap, carried, uncarried = rep_grid(reps, groups, factors, plan.team.ramp_policy, unit)
    proposals, grid = reconcile(reps, plan.team.reconcile, top, factors, members_by_group(reps, groups), unit)
    # the agreed number moves the rep's full quota with it (only reps at full quota all period move)
    quotas = [q + sum(g) - sum(t) for q, g, t in zip(full_quotas(reps, groups, unit), grid, top)]
    budget = plan_budget(plan.budget, revenue.total, revenue.months, {r.id: sum(g) for r, g in zip(reps, grid)}, unit,
                         reps, (plan.plan.period.first_day, plan.plan.period.last_day))
    visits = visits_by_rep(customers, n)
    out = tuple(RepTarget(
        id=r.id, name=r.name, region=r.region, weight=r.weight, start=r.start, ramp=f,
        months=tuple(g), quarters=quarters_of(g), total=sum(g), full_quota=q,
        activities=a[0], floors=a[1],
        visits=visits.get(r.id, (0,) * n), budget=budget.reps.get(r.id, 0) if budget else 0,
        end=r.end, carried=k, metrics=frozen_map(mx))
        for r, f, g, q, k, mx, a in zip(reps, factors, grid, quotas, carried, rep_metrics(metrics, grid, gap),
                                        _activities(reps, grid, months, plan.funnel)))
    # under redistribute, who leaves part of his share to the gap because nobody could take it
    left = [(r, u) for r, u in zip(out, uncarried) if u and plan.team.ramp_policy == "redistribute"]
    return out, gap, budget, customers, left, proposals


def _team_activities(plan: Plan, revenue: Timeline, reps: tuple[RepTarget, ...]) -> tuple[Activities, ...]:
    """The team's funnel need; under activity floors the reps' sum, which the floors may raise."""
    if reps and plan.funnel and plan.funnel.minimum:
        return team_months(reps)
    return period_activities(revenue.months, plan.funnel)


def _preparation(plan: Plan) -> list[Notice]:
    """Tasks and actions due before the period starts: preparation, said so rather than refused."""
    first, out = plan.plan.period.first_day, []
    dated = [(("tasks", i, "due"), "; ".join(t.task), t.due) for i, t in enumerate(plan.tasks)]
    dated += [(("team", "action_plan", i, "deadline"), "; ".join(a.what), a.deadline)
              for i, a in enumerate(plan.team.action_plan)]
    for path, what, due in dated:
        if due is not None and due < first:
            out.append(Notice("preparation", frozen_map({"what": what, "date": due.isoformat()}),
                              f"{what} is due {due.isoformat()}, before the plan period: it is preparation", path))
    return out


def _notices(cal: WorkCalendar, growth, gap: list[int], left) -> list[Notice]:
    """Everything the plan's author should know about the numbers plangen used."""
    out = []
    if cal.estimated:
        years = ", ".join(str(y) for y in cal.estimated_years)
        out.append(Notice("calendar_estimated", frozen_map({"years": years, "country": cal.country}),
                          f"the {cal.country} holiday calendar for {years} is an estimate: the official "
                          "make-up working days are not published yet; correct it with "
                          "targets.calendar.extra_holidays / extra_workdays", ("targets", "calendar")))
    out.extend(growth_notices(growth))
    if any(gap):
        out.append(Notice("unassigned", frozen_map({"amount": sum(gap)}),
                          f"{sum(gap):,} of the target is carried by no rep (reps who start late, or months "
                          "with nobody in a region): see the gap row", ("team", "reps")))
    for rep, amount in left:
        out.append(Notice("rep_uncarried", frozen_map({"name": rep.name, "amount": amount}),
                          f"{amount:,} of {rep.name}'s full share (before the start date and while ramping up) "
                          "is carried by no colleague: see the gap row", ("team", "reps")))
    return out
