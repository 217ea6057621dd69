"""Checks across keys that a schema cannot express: sums, references, dates inside the period."""
from __future__ import annotations


from .errors import Collector
from .history import revenue_target
from .periods import quarter_blocks
from .schema import ActivityFloor, IncentiveBand, Plan
from .shares import pct


def check_plan(plan: Plan, out: Collector) -> None:
    """Record every cross-key problem of a typed plan."""
    for check in (_months_agree_with_quarters, _phasing_lengths, _phasing_keys, _margins, _rep_ids, _customer_owners,
                  _dates_in_period, _negative_amounts, _stretch, _history, _ramp, _tiers,
                  _rounding, _calendar, _history_usable, _collections,
                  _milestones, _quarter_focus, _accounts,
                  _budget_rep_items, _proposals, _reconcile, _incentives):
        check(plan, out)


def _phasing_lengths(plan: Plan, out: Collector) -> None:
    ph, n = plan.targets.phasing, plan.plan.period.months
    nq = len(quarter_blocks(n))
    if ph.quarters is not None and len(ph.quarters) != nq:
        out.add(("targets", "phasing", "quarters"),
                f"expected {nq} quarter weights for a {n}-month period, found {len(ph.quarters)}")
    if ph.months is not None and len(ph.months) != n:
        out.add(("targets", "phasing", "months"), f"expected {n} month weights, found {len(ph.months)}")


def _phasing_keys(plan: Plan, out: Collector) -> None:
    """No phasing key is silently ignored: a combination plangen cannot honour says which key wins."""
    ph = plan.targets.phasing
    history = ph.from_history or ph.method == "history"
    if ph.method in ("equal", "working_days"):
        for key in ("quarters", "months", "from_history"):
            if getattr(ph, key):
                out.add(("targets", "phasing", key), f"method: {ph.method} sets every month's share, so {key} "
                        f"would be ignored; expected either method: {ph.method} or {key}, not both")
    elif history and ph.months is not None:
        out.add(("targets", "phasing", "months"), "history seasonality sets the months, so months would be "
                "ignored; expected quarters (months within each quarter by history) or months without from_history")
    elif ph.from_history and ph.method == "explicit":
        out.add(("targets", "phasing", "from_history"), "method: explicit uses the quarters and months given, so "
                "from_history would be ignored; expected method: history or from_history, not both")


def _margins(plan: Plan, out: Collector) -> None:
    """A product line's margin is a share of its price: above 100% it was meant as an amount a unit."""
    lines = plan.product_strategy.lines if plan.product_strategy else []
    for i, line in enumerate(lines):
        if line.margin is not None and line.margin > 1:
            out.add(("product_strategy", "lines", i, "margin"),
                    f"expected a margin from 0% to 100% of the price, found {pct(line.margin)}; for an amount "
                    "a unit, give the line's price and the margin as a share of it (price: 1000, margin: 30%)")


def _months_agree_with_quarters(plan: Plan, out: Collector) -> None:
    ph, period = plan.targets.phasing, plan.plan.period
    if ph.quarters is None or ph.months is None or len(ph.months) != period.months:
        return
    months = period.month_list()
    for q, block in enumerate(quarter_blocks(period.months)):
        if q >= len(ph.quarters):
            return
        got = sum(ph.months[i] for i in block)
        if got != ph.quarters[q]:
            diff = got - ph.quarters[q]
            names = f"months {months[block[0]][1]}-{months[block[-1]][1]}"
            out.add(("targets", "phasing", "months", block[0]),
                    f"{names} sum to {pct(got)}, but quarter {q + 1} is {pct(ph.quarters[q])} "
                    f"({pct(abs(diff))} {'over' if diff > 0 else 'short'}); expected the months of each "
                    "quarter to sum to its quarter weight")


def _rep_ids(plan: Plan, out: Collector) -> None:
    seen: dict[str, int] = {}
    for i, rep in enumerate(plan.team.reps):
        if rep.id in seen:
            out.add(("team", "reps", i, "id"),
                    f"duplicate rep id {rep.id!r} (also team.reps[{seen[rep.id]}]); expected unique ids")
        seen.setdefault(rep.id, i)
    regions = plan.targets.split.get("region")
    for i, rep in enumerate(plan.team.reps):
        if regions and rep.region and rep.region not in regions:
            out.add(("team", "reps", i, "region"), f"region {rep.region!r} is not in targets.split.region; "
                    f"expected one of {', '.join(regions)}")
        if rep.weight <= 0:
            out.add(("team", "reps", i, "weight"), f"expected a weight above 0, found {float(rep.weight):g}")
    if regions and plan.team.reps:
        staffed = {r.region for r in plan.team.reps}
        for region in regions:
            if region not in staffed and regions[region] > 0:
                out.add(("targets", "split", "region", region),
                        f"no rep works in region {region!r}; expected at least one rep with region: {region}")


def _customer_owners(plan: Plan, out: Collector) -> None:
    if not plan.crm:
        return
    ids = {r.id for r in plan.team.reps}
    tiers = {t.name for t in plan.crm.tiers}
    for i, c in enumerate(plan.crm.customers):
        if c.owner is not None and c.owner not in ids:
            hint = _suggest(c.owner, ids)
            out.add(("crm", "customers", i, "owner"), f"owner {c.owner!r} is not a rep id in team.reps; "
                    f"expected one of {', '.join(sorted(ids)) or '(no reps)'}{hint}")
        if c.tier is not None and c.tier not in tiers:
            out.add(("crm", "customers", i, "tier"), f"tier {c.tier!r} is not in crm.tiers; "
                    f"expected one of {', '.join(tiers) or '(no tiers)'}")


def _suggest(word: str, options) -> str:
    """A did-you-mean hint."""
    import difflib
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _dates_in_period(plan: Plan, out: Collector) -> None:
    first, last = plan.plan.period.first_day, plan.plan.period.last_day
    def need(path, d, what="date"):
        if d is not None and not first <= d <= last:
            out.add(path, f"{what} {d.isoformat()} is outside the plan period; "
                    f"expected a date from {first.isoformat()} to {last.isoformat()}")
    cal = plan.targets.calendar
    for key in ("extra_holidays", "extra_workdays"):
        for i, d in enumerate(getattr(cal, key)):
            need(("targets", "calendar", key, i), d)
    def by_end(path, d, what):  # a start, a due date or a deadline before the period is preparation
        if d is not None and d > last:
            out.add(path, f"{what} {d.isoformat()} is after the plan period; expected a date up to "
                    f"{last.isoformat()} (a date before {first.isoformat()} is preparation)")
    for i, rep in enumerate(plan.team.reps):
        by_end(("team", "reps", i, "start"), rep.start, "start date")
        need(("team", "reps", i, "end"), rep.end, "end date")
        if rep.start and rep.end and rep.end < rep.start:
            out.add(("team", "reps", i, "end"), "the end date is before the start date; expected end >= start")
    for i, task in enumerate(plan.tasks):
        by_end(("tasks", i, "due"), task.due, "due date")
    for i, a in enumerate(plan.team.action_plan):
        by_end(("team", "action_plan", i, "deadline"), a.deadline, "deadline")


def _negative_amounts(plan: Plan, out: Collector) -> None:
    t = plan.targets
    if isinstance(t.revenue, int) and t.revenue <= 0:
        out.add(("targets", "revenue"), f"expected a revenue target above 0, found {t.revenue}")
    for key in ("stretch", "profit"):
        v = getattr(t, key)
        if v is not None and v < 0:
            out.add(("targets", key), f"expected an amount of 0 or more, found {v}")
    for key in ("units", "new_customers"):
        v = getattr(t, key)
        if v is not None and v[0] < 0:
            out.add(("targets", key), f"expected a count of 0 or more, found {v[0]}")
    _negative_lists(plan, out)


def _negative_lists(plan: Plan, out: Collector) -> None:
    if plan.history:
        for year, months in plan.history.monthly.items():
            for i, v in enumerate(months):
                if v < 0:
                    out.add(("history", "monthly", year, i), f"expected an amount of 0 or more, found {v}")
    if plan.crm:
        for i, c in enumerate(plan.crm.customers):
            if c.revenue_last_year is not None and c.revenue_last_year < 0:
                out.add(("crm", "customers", i, "revenue_last_year"),
                        f"expected an amount of 0 or more, found {c.revenue_last_year}")
    if plan.funnel:
        f = plan.funnel
        if f.average_deal <= 0:
            out.add(("funnel", "average_deal"), f"expected an amount above 0, found {f.average_deal}")
        if not 0 < f.win_rate <= 1:
            out.add(("funnel", "win_rate"), f"expected a rate above 0% and at most 100%, found {pct(f.win_rate)}")
        for key in ("visits_per_opportunity", "calls_per_visit"):
            if getattr(f, key) < 0:
                out.add(("funnel", key), f"expected 0 or more, found {float(getattr(f, key)):g}")
        _check_floor(f.minimum, out)
    if plan.budget:
        b = plan.budget
        if b.total is not None and b.total < 0:
            out.add(("budget", "total"), f"expected an amount of 0 or more, found {b.total}")
        if b.expense_ratio is not None and not 0 <= b.expense_ratio <= 1:
            out.add(("budget", "expense_ratio"), f"expected 0% to 100%, found {pct(b.expense_ratio)}")
        _allocation(plan, out)


def _allocation(plan: Plan, out: Collector) -> None:
    """budget.allocation: fixed parts within the budget, regions that have reps."""
    a, where = plan.budget.allocation, ("budget", "allocation")
    if a.fixed_per_rep < 0:
        out.add(where + ("fixed_per_rep",), f"expected an amount of 0 or more, found {a.fixed_per_rep}")
    if (a.fixed_per_rep or a.regions) and not plan.team.reps:
        out.add(where, "a budget allocation needs reps; expected team.reps (or team.reps_file), found none")
    total = _budget_total(plan)
    fixed = a.fixed_per_rep * len(plan.team.reps)
    if total is not None and a.fixed_per_rep > 0 and fixed > total:
        out.add(where + ("fixed_per_rep",), f"{len(plan.team.reps)} reps x {a.fixed_per_rep:,} = {fixed:,} is more "
                f"than the budget of {total:,}; expected fixed parts that fit in the budget")
    regions = {r.region for r in plan.team.reps}
    for name in a.regions:
        if plan.team.reps and name not in regions:
            known = ", ".join(sorted(str(r) for r in regions if r)) or "none (reps have no region)"
            out.add(where + ("regions", name), f"no rep works in region {name!r}; expected a region of the reps: {known}")
    if a.regions and plan.team.reps:
        for i, r in enumerate(plan.team.reps):
            if r.region not in a.regions:
                out.add(("team", "reps", i, "region"), f"rep {r.id!r} is in region {r.region!r}, which has no "
                        f"share in budget.allocation.regions; expected one of {', '.join(a.regions)}")


def _budget_total(plan: Plan) -> int | None:
    """The budget's total when it is known before decomposing (given, or a ratio of a fixed target)."""
    b = plan.budget
    if b.total is not None:
        return b.total
    revenue = plan.targets.revenue
    return int(revenue * b.expense_ratio) if isinstance(revenue, int) and b.expense_ratio is not None else None


def _collections(plan: Plan, out: Collector) -> None:
    """targets.collections: terms no longer than a year, carried-over receivables within the period."""
    col, where = plan.targets.collections, ("targets", "collections")
    if col is None:
        return
    if len(col.terms) > 12:
        out.add(where + ("terms",), f"expected at most 12 terms (a month's sales collected within a year), "
                f"found {len(col.terms)}")
    if col.carried_over < 0:
        out.add(where + ("carried_over",), f"expected an amount of 0 or more, found {col.carried_over:,}")
    if len(col.carried_terms) > plan.plan.period.months:
        out.add(where + ("carried_terms",), f"expected at most {plan.plan.period.months} terms (the months of "
                f"the period), found {len(col.carried_terms)}")


def _milestones(plan: Plan, out: Collector) -> None:
    """targets.milestones: dated within the period, counting a target the plan has."""
    first, last = plan.plan.period.first_day, plan.plan.period.last_day
    for i, m in enumerate(plan.targets.milestones):
        where = ("targets", "milestones", i)
        if not first <= m.by <= last:
            out.add(where + ("by",), f"date {m.by.isoformat()} is outside the plan period; expected a date from "
                    f"{first.isoformat()} to {last.isoformat()}")
        if m.metric != "revenue" and getattr(plan.targets, m.metric) is None:
            out.add(where + (m.metric,), f"a {m.metric} milestone needs targets.{m.metric} to check it against; "
                    f"expected targets.{m.metric}, found none")


def _quarter_focus(plan: Plan, out: Collector) -> None:
    """targets.quarter_focus: one theme per quarter of the period."""
    focus, n = plan.targets.quarter_focus, len(quarter_blocks(plan.plan.period.months))
    if focus and len(focus) != n:
        out.add(("targets", "quarter_focus"), f"expected one focus per quarter of the period ({n}), found {len(focus)}")


def _accounts(plan: Plan, out: Collector) -> None:
    """Key-customer targets: owned by a rep; product items from the plan's product lines."""
    lines = plan.targets.split.get("product_line")
    for i, c in enumerate(plan.crm.customers if plan.crm else []):
        where = ("crm", "customers", i)
        if c.target is not None and not c.owner:
            out.add(where + ("target",), f"customer {c.name!r} has a target but no owner; expected an owner "
                    "(a rep id) who carries it")
        if c.products and c.target is None:
            out.add(where + ("products",), f"customer {c.name!r} has product items but no target; expected a target")
        for name in c.products:
            if lines and name not in lines:
                out.add(where + ("products", name), f"product {name!r} is not in targets.split.product_line; "
                        f"expected one of {', '.join(lines)}")


def _stretch(plan: Plan, out: Collector) -> None:
    t = plan.targets
    if isinstance(t.revenue, int) and t.stretch is not None and t.stretch < t.revenue:
        out.add(("targets", "stretch"), f"the stretch target {t.stretch:,} is below the revenue target "
                f"{t.revenue:,}; expected stretch >= revenue")


def _history(plan: Plan, out: Collector) -> None:
    h = plan.history
    if h:
        for year, months in h.monthly.items():
            if len(months) != 12:
                out.add(("history", "monthly", year), f"expected 12 monthly amounts for {year}, found {len(months)}")
    ph = plan.targets.phasing
    wants_history = ph.from_history or ph.method == "history" or not isinstance(plan.targets.revenue, int)
    if wants_history and not (h and h.monthly):
        path = ("targets", "revenue") if not isinstance(plan.targets.revenue, int) else ("targets", "phasing")
        out.add(path, "needs history.monthly with at least one full year; found no history")
    elif not isinstance(plan.targets.revenue, int):
        _history_base_years(plan, out)


def _history_base_years(plan: Plan, out: Collector) -> None:
    """A target from history needs the years its base is computed from."""
    years = {y for y, m in plan.history.monthly.items() if len(m) == 12}
    wanted = {y - 1 for y, _ in plan.plan.period.month_list()}
    back = (1,) if plan.targets.revenue.base == "last_year" else (1, 2, 3)
    have = [k for k in back if all(y - (k - 1) in years for y in wanted)]
    if not have:
        need = ", ".join(str(y) for y in sorted(wanted))
        out.add(("targets", "revenue", "base"), f"base {plan.targets.revenue.base} needs history.monthly for {need}; "
                f"found years {', '.join(str(y) for y in sorted(years)) or 'none'}")


def _ramp(plan: Plan, out: Collector) -> None:
    for i, r in enumerate(plan.team.ramp):
        if not 0 <= r <= 1:
            out.add(("team", "ramp", i), f"expected a share from 0% to 100% of the full quota, found {pct(r)}")


def _tiers(plan: Plan, out: Collector) -> None:
    if not plan.crm:
        return
    names = [t.name for t in plan.crm.tiers]
    for i, name in enumerate(names):
        if name in names[:i]:
            out.add(("crm", "tiers", i, "name"), f"duplicate tier {name!r}; expected unique tier names")


def _rounding(plan: Plan, out: Collector) -> None:
    t = plan.targets
    if isinstance(t.revenue, int) and t.revenue > 0 and t.rounding > t.revenue:
        out.add(("targets", "rounding"), f"the rounding {t.rounding:,} is larger than the revenue target "
                f"{t.revenue:,}; expected a rounding unit of at most the target (such as 10000)")


def _holiday_data(country: str):
    """The country's holiday calendar (the one decompose uses), or None when `holidays` has none: one
    country's data loaded, not every country's (plangen.holiday_tables)."""
    from plangen.holiday_tables import country_holidays
    try:
        return country_holidays(country)
    except NotImplementedError:
        return None


def _calendar(plan: Plan, out: Collector) -> None:
    """The country and subdivision have holiday data, and some day of the week is worked."""
    cal = plan.targets.calendar
    data = _holiday_data(cal.country) if cal.country else None
    if cal.country and data is None:
        out.add(("targets", "calendar", "country"), f"no holiday data for country {cal.country!r}; expected an "
                "ISO 3166 code such as CN, US, DE, ES or GB")
    elif data is not None and cal.subdivision and cal.subdivision not in data.subdivisions:
        subs = ", ".join(data.subdivisions) or "none (leave subdivision out)"
        out.add(("targets", "calendar", "subdivision"), f"no subdivision {cal.subdivision!r} in the "
                f"{cal.country} holiday data; expected one of {subs}")
    if cal.daily_basis == "working_days" and not cal.working_days:
        out.add(("targets", "calendar", "working_days"), "expected at least one working day such as mon, found none")


def _history_usable(plan: Plan, out: Collector) -> None:
    """Seasonality and targets from history need a year with sales and a positive result."""
    h, t = plan.history, plan.targets
    if not (h and h.monthly) or any(len(m) != 12 for m in h.monthly.values()):
        return
    ph = t.phasing
    if (ph.from_history or ph.method == "history") and not any(sum(m) > 0 for m in h.monthly.values()):
        out.add(("targets", "phasing"), "seasonality from history needs a year of history.monthly with sales "
                "above 0; found only zero years")
    if isinstance(t.revenue, int) or out.problems:
        return  # the target is computed only from an otherwise sound plan
    weights = t.revenue.base_weights
    if t.revenue.base == "average_3y" and (any(w < 0 for w in weights) or sum(weights) <= 0):
        out.add(("targets", "revenue", "base_weights"), "expected weights of 0 or more with a sum above 0")
        return
    try:
        target, _ = revenue_target(plan, t.rounding)
    except (TypeError, ZeroDivisionError):
        return  # missing base years: reported by _history
    if target <= 0:
        out.add(("targets", "revenue"), f"the target from history comes to {target:,}; expected a target above 0 "
                "(check history.monthly and the growth rates)")


def _budget_rep_items(plan: Plan, out: Collector) -> None:
    if not plan.budget:
        return
    items = plan.budget.items
    for i, name in enumerate(plan.budget.rep_items):
        if name not in items:
            out.add(("budget", "rep_items", i), f"{name!r} is not a budget item; expected one of "
                    f"{', '.join(items) or '(no items)'}")


def _check_floor(floor: ActivityFloor | None, out: Collector) -> None:
    """funnel.minimum: at least one floor, each above 0 (a floor of 0 asks for nothing)."""
    if floor is None:
        return
    if floor.calls_per_day is None and floor.visits_per_week is None:
        out.add(("funnel", "minimum"), "expected calls_per_day or visits_per_week, found neither")
    for key in ("calls_per_day", "visits_per_week"):
        value = getattr(floor, key)
        if value is not None and value <= 0:
            out.add(("funnel", "minimum", key), f"expected a number above 0, found {float(value):g}")


def _proposals(plan: Plan, out: Collector) -> None:
    """team.reps[].proposed: a rep's own number is an amount above 0."""
    for i, rep in enumerate(plan.team.reps):
        if rep.proposed is not None and rep.proposed <= 0:
            out.add(("team", "reps", i, "proposed"), f"expected an amount above 0, found {rep.proposed:,}")


def _reconcile(plan: Plan, out: Collector) -> None:
    """team.reconcile: a weight for blend only, from 0% to 100%; a rule other than top_down needs proposals."""
    r, where = plan.team.reconcile, ("team", "reconcile")
    if r.weight is not None and r.rule != "blend":
        out.add(where + ("weight",), f"rule: {r.rule} uses no weight; expected rule: blend with weight, "
                "or no weight")
    elif r.rule == "blend" and r.weight is None:
        out.add(where + ("rule",), "rule: blend needs a weight (the top-down number's share, such as 50%); "
                "found none")
    elif r.weight is not None and not 0 <= r.weight <= 1:
        out.add(where + ("weight",), f"expected a share from 0% to 100% of the top-down number, found {pct(r.weight)}")
    if r.rule != "top_down" and not any(rep.proposed is not None for rep in plan.team.reps):
        out.add(where + ("rule",), f"rule: {r.rule} reconciles the reps' proposals; expected team.reps[].proposed "
                "on at least one rep, found none")


def _incentives(plan: Plan, out: Collector) -> None:
    """incentives.rules: bands highest first, touching (no overlap, no gap), each with a sound consequence."""
    if plan.incentives is None:
        return
    rules = plan.incentives.rules
    if not rules:
        out.add(("incentives", "rules"), "expected at least one band such as {from: 100%, bonus: 2000}, found none")
    for i, band in enumerate(rules):
        _band(band, ("incentives", "rules", i), out)
        if i:
            _band_order(rules[i - 1], band, i, out)


def _band(band: IncentiveBand, where: tuple, out: Collector) -> None:
    """One band: a bound, a consequence, amounts of 0 or more, a rate that applies to something it has."""
    low, high = band.at_least, band.below
    if low is None and high is None:
        out.add(where, "expected from (the attainment the band starts at) or below, found neither")
    for key, value in (("from", low), ("below", high)):
        if value is not None and value < 0:
            out.add(where + (key,), f"expected a percentage of 0% or more, found {pct(value)}")
    if low is not None and high is not None and high <= low:
        out.add(where + ("below",), f"expected below above from ({pct(low)}), found {pct(high)}")
    _band_consequence(band, where, out)


def _band_consequence(band: IncentiveBand, where: tuple, out: Collector) -> None:
    """A band does something: a reward (bonus, rate) or a penalty, not both, or at least a note."""
    if not band.rewards and band.penalty is None and not band.note:
        out.add(where, "expected at least one of bonus, rate, penalty or note, found none")
    if band.rewards and band.penalty is not None:
        out.add(where + ("penalty",), "expected either a reward (bonus, rate) or a penalty in a band, found both")
    for key in ("bonus", "penalty"):
        value = getattr(band, key)
        if value is not None and value < 0:
            out.add(where + (key,), f"expected an amount of 0 or more, found {value}")
    _band_rate(band, where, out)


def _band_rate(band: IncentiveBand, where: tuple, out: Collector) -> None:
    """A rate from 0% to 100%, `of` only beside a rate, the excess only where there is one (from 100%)."""
    if band.rate is not None and not 0 <= band.rate <= 1:
        out.add(where + ("rate",), f"expected a rate from 0% to 100%, found {pct(band.rate)}")
    if band.of is not None and band.rate is None:
        out.add(where + ("of",), f"of says what the rate applies to; expected a rate with of: {band.of}, found none")
    if band.of == "excess" and (band.at_least is None or band.at_least < 1):
        low = pct(band.at_least) if band.at_least is not None else "none"
        out.add(where + ("of",), "the excess over the target starts at 100% of it; expected from: 100% or more "
                f"with of: excess, found from: {low}")


def _band_order(upper: IncentiveBand, band: IncentiveBand, i: int, out: Collector) -> None:
    """Band i below band i-1: it starts lower, and its `below`, if given, is where band i-1 starts."""
    where = ("incentives", "rules", i)
    if upper.at_least is None:
        out.add(where, f"rules[{i - 1}] has no from, so it holds everything below {pct(upper.below)} and must be "
                "the last band; expected the bands highest first")
        return
    top = upper.at_least
    if band.at_least is not None and band.at_least >= top:
        out.add(where + ("from",), f"expected the bands highest first, each starting below the one before "
                f"(rules[{i - 1}] from {pct(top)}), found from: {pct(band.at_least)}")
    elif band.below is not None and band.below > top:
        out.add(where + ("below",), f"overlaps rules[{i - 1}]: attainment from {pct(top)} to {pct(band.below)} "
                f"would be in both; expected below: {pct(top)} (or leave below out)")
    elif band.below is not None and band.below < top:
        out.add(where + ("below",), f"leaves a gap: attainment from {pct(band.below)} to {pct(top)} is in no band; "
                f"expected below: {pct(top)}, or a band from: {pct(band.below)} for that range")
