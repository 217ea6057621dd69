"""Properties over random plans: every level of the decomposition adds up exactly to its parent."""
from __future__ import annotations

import datetime as dt
from fractions import Fraction as F

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from plangen.decompose import decompose
from plangen.decompose.allocate import largest_remainder, round_matrix
from plangen.decompose.funnel import activities
from plangen.decompose.split import cross, quarters_of
from plangen.decompose.reps import rep_daily_activities, rep_days

SETTINGS = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
UNITS = [1, 10, 100, 1000, 10_000]


def _months(start: tuple[int, int], n: int) -> list[tuple[int, int]]:
    y, m = start
    return [(y + (m - 1 + i) // 12, (m - 1 + i) % 12 + 1) for i in range(n)]


@st.composite
def plans(draw) -> dict:
    """A random valid plan as a dict (applied over the base plan by make_plan)."""
    n = draw(st.sampled_from([3, 6, 12]))
    start = (draw(st.integers(2025, 2028)), draw(st.integers(1, 12)))
    months = _months(start, n)
    first = dt.date(*start, 1)
    ly, lm = months[-1]
    last = dt.date(ly + lm // 12, lm % 12 + 1, 1) - dt.timedelta(days=1)
    unit = draw(st.sampled_from(UNITS))
    exact_units = draw(st.booleans())
    total = draw(st.integers(1, 10**7)) * unit if exact_units else draw(st.integers(unit, 10**10))  # a rounding above the target is an error
    nq = (n + 2) // 3
    kind = draw(st.sampled_from(["equal", "working_days", "quarters", "months", "both"]))
    phasing: dict = {"method": kind} if kind in ("equal", "working_days") else {}
    mw = draw(st.lists(st.integers(2, 30), min_size=n, max_size=n))
    if kind in ("months", "both"):
        phasing["months"] = mw
    if kind in ("quarters", "both"):
        phasing["quarters"] = [sum(mw[i:i + 3]) for i in range(0, n, 3)] if kind == "both" else \
            draw(st.lists(st.integers(2, 30), min_size=nq, max_size=nq))
    calendar = {"daily_basis": draw(st.sampled_from(["working_days", "all_days"])),
                "working_days": draw(st.sampled_from([["mon", "tue", "wed", "thu", "fri"],
                                                      ["mon", "tue", "wed", "thu", "fri", "sat"], ["sat", "sun"]]))}
    country = draw(st.sampled_from([None, None, "CN", "US", "ES"]))
    if country:
        calendar["country"] = country
    split: dict = {}
    for dim in draw(st.lists(st.sampled_from(["region", "product_line", "channel"]), unique=True, max_size=3)):
        keys = [f"{dim[0]}{i}" for i in range(draw(st.integers(1, 5)))]
        if draw(st.booleans()):
            split[dim] = {k: draw(st.integers(2, 20)) for k in keys}
        else:  # percentages with a rest entry
            pcts = draw(st.lists(st.integers(0, 100 // len(keys)), min_size=len(keys) - 1, max_size=len(keys) - 1))
            split[dim] = {**{k: f"{p}%" for k, p in zip(keys, pcts)}, keys[-1]: "rest"}
    regions = [k for k, v in split.get("region", {}).items() if v != "0%"]
    n_reps = draw(st.integers(len(regions) if regions else 0, 8))
    span = (last - first).days
    reps = []
    for i in range(n_reps):
        rep: dict = {"id": f"r{i}", "name": f"Rep {i}", "weight": str(draw(st.sampled_from([1, 0.5, 1.2, 2, 3])))}
        if regions and (i < len(regions) or draw(st.integers(0, 9)) > 0):
            rep["region"] = regions[i] if i < len(regions) else draw(st.sampled_from(regions))
        if draw(st.integers(0, 2)) == 0:
            rep["start"] = (first + dt.timedelta(days=draw(st.integers(0, span)))).isoformat()
        if draw(st.integers(0, 5)) == 0:
            rep["end"] = (dt.date.fromisoformat(rep.get("start", first.isoformat()))
                          + dt.timedelta(days=draw(st.integers(0, span)))).isoformat()
            assume(rep["end"] <= last.isoformat())
        reps.append(rep)
    ramp = [f"{p}%" for p in draw(st.lists(st.integers(0, 100), max_size=4))]
    budget: dict = {"items": {f"item{i}": draw(st.integers(2, 9)) for i in range(draw(st.integers(1, 4)))}}
    if draw(st.booleans()):
        budget["expense_ratio"] = f"{draw(st.integers(0, 30))}%"
    else:
        budget["total"] = draw(st.integers(0, 10**5)) * unit
    return {
        "plan": {"title": "P", "period": {"start": f"{start[0]}-{start[1]:02d}", "months": n}},
        "targets": {"revenue": total, "rounding": unit, "phasing": phasing, "calendar": calendar, "split": split},
        "team": {"reps": reps, "ramp": ramp, "ramp_policy": draw(st.sampled_from(["redistribute", "gap"]))},
        "budget": budget,
    }


def _sums(rows) -> list[int]:
    return [sum(col) for col in zip(*rows)]


@SETTINGS
@given(overrides=plans())
def it_adds_up_at_every_level(make_plan, plan_from, overrides) -> None:
    """Quarters, months, days, thirds, weeks, splits, reps, gap and budget all add up to their parents."""
    data = make_plan()
    for key in ("plan", "targets", "team", "budget"):
        data[key] = overrides[key]
    owners = [r["id"] for r in data["team"]["reps"]] or [None]
    for i, c in enumerate(data["crm"]["customers"]):
        c["owner"] = owners[i % len(owners)]
    plan = plan_from(data)
    d = decompose(plan)
    total, unit = d.total, d.unit
    months = [m.amount for m in d.months]
    assert total == plan.targets.revenue
    # time
    assert sum(d.revenue.quarters) == total and tuple(months) == d.revenue.months
    for q in d.quarters:
        assert sum(months[i] for i in q.months) == q.amount == d.revenue.quarters[q.index]
    for m in d.months:
        assert sum(day.amount for day in m.days) == m.amount
        assert sum(m.thirds) == m.amount
        assert all(day.date.year == m.year and day.date.month == m.month for day in m.days)
    assert sum(w.amount for w in d.weeks) == total
    for w in d.weeks:
        assert sum(p.amount for p in w.parts) == w.amount
    for i, m in enumerate(d.months):
        assert sum(p.amount for w in d.weeks for p in w.parts if p.month == i) == m.amount
        assert sum(p.days for w in d.weeks for p in w.parts if p.month == i) == len(m.days)
    # splits
    for s in d.splits.values():
        assert sum(s.totals.values()) == total
        assert _sums(s.by_month.values()) == months
        assert _sums(s.by_quarter.values()) == list(d.revenue.quarters)
        for k, row in s.by_month.items():
            assert sum(row) == s.totals[k] and sum(s.by_quarter[k]) == s.totals[k]
    # reps and the gap
    if d.reps:
        for r in d.reps:
            assert sum(r.months) == r.total and sum(r.quarters) == r.total
            assert all(a == 0 for a, f in zip(r.months, r.ramp) if f == 0)
        assert [a + g for a, g in zip(_sums(r.months for r in d.reps), d.unassigned)] == months
        assert all(g >= 0 for g in d.unassigned)
        if "region" in d.splits and all(r.region for r in d.reps):
            short = [0] * len(months)
            for region, row in d.splits["region"].by_month.items():
                carried = _sums([r.months for r in d.reps if r.region == region] or [[0] * len(months)])
                assert all(c <= a for c, a in zip(carried, row))
                short = [s + a - c for s, a, c in zip(short, row, carried)]
            assert short == list(d.unassigned)
    else:
        assert not any(d.unassigned)
    _activities_are_the_need_rounded_once(plan, d)
    _rep_days_add_up(d)
    # budget
    b = d.budget
    assert sum(b.items.values()) == b.total and sum(b.months) == b.total
    assert _sums(b.item_months.values()) == list(b.months)
    for k, row in b.item_months.items():
        assert sum(row) == b.items[k]
    if d.reps:
        assert sum(b.reps.values()) == b.total
    # whole units
    if total % unit == 0:
        amounts = [*d.revenue.quarters, *months, *(day.amount for m in d.months for day in m.days),
                   *(t for m in d.months for t in m.thirds), *(w.amount for w in d.weeks),
                   *(p.amount for w in d.weeks for p in w.parts), *d.unassigned,
                   *(v for s in d.splits.values() for row in s.by_month.values() for v in row),
                   *(v for r in d.reps for v in r.months), *(r.full_quota for r in d.reps)]
        assert all(a % unit == 0 for a in amounts)
        if b.total % unit == 0:
            assert all(v % unit == 0 for row in b.item_months.values() for v in row)
            assert all(v % unit == 0 for v in b.reps.values())


FIELDS = ("deals", "opportunities", "visits", "calls")


def _total(acts, k: str) -> int:
    return sum(getattr(a, k) for a in acts)


def _activities_are_the_need_rounded_once(plan, d) -> None:
    """Team and rep activity totals are the period's need rounded up once; months add up to it."""
    pairs = [(d.team_activities, d.total)] + [(r.activities, r.total) for r in d.reps]
    for acts, amount in pairs:
        need = activities(amount, plan.funnel)
        assert [_total(acts, k) for k in FIELDS] == [getattr(need, k) for k in FIELDS]


def _rep_days_add_up(d) -> None:
    """A rep's days add up to his months, his daily activities to the month's, no worked week empty."""
    for r in d.reps:
        days = rep_days(d, r)
        for amount, ds, acts, per_day in zip(r.months, days, r.activities, rep_daily_activities(r, days)):
            assert sum(x.amount for x in ds) == amount
            if ds:
                assert all(_total(per_day, k) == getattr(acts, k) for k in FIELDS)
            weeks: dict = {}
            for x in ds:
                weeks[x.date.isocalendar()[:2]] = weeks.get(x.date.isocalendar()[:2], 0) + x.amount
            if amount % d.unit == 0 and amount // d.unit >= len(weeks):
                assert all(weeks.values())


weights = st.lists(st.one_of(st.integers(0, 1000), st.fractions(min_value=0, max_value=100)), min_size=1,
                   max_size=20)


@settings(max_examples=500, deadline=None)
@given(total=st.integers(0, 10**12), ws=weights, unit=st.sampled_from(UNITS + [7, 3]))
def it_splits_by_largest_remainder_exactly(total, ws, unit) -> None:
    """Parts sum to the total, are whole units (but one odd part), and each is within a unit of its quota."""
    parts = largest_remainder(total, ws, unit)
    assert len(parts) == len(ws) and sum(parts) == total
    units, odd = divmod(total, unit)
    fr = [F(w) for w in ws]
    wsum = sum(fr) or len(fr)
    fr = fr if sum(fr) else [F(1)] * len(fr)
    off = [p % unit for p in parts]
    assert sum(1 for o in off if o) <= 1 and sum(off) == odd
    for p, w in zip(parts, fr):
        quota = units * w / wsum
        whole = (p - (p % unit)) // unit
        assert quota - 1 < whole < quota + 1
        assert p >= 0


@settings(max_examples=300, deadline=None)
@given(st.data())
def it_rounds_any_consistent_matrix(data) -> None:
    """Random exact matrices with integer row and column sums round cell-wise to floor or ceiling."""
    rows = data.draw(st.integers(1, 8))
    cols = data.draw(st.integers(1, 8))
    col_totals = data.draw(st.lists(st.integers(0, 50), min_size=cols, max_size=cols))
    w = data.draw(st.lists(st.integers(1, 20), min_size=rows, max_size=rows))
    exact = [[F(c * wi, sum(w)) for c in col_totals] for wi in w]
    row_totals = list(largest_remainder(sum(col_totals), [sum(r) for r in exact]))
    cells = round_matrix(exact, row_totals, col_totals)
    assert [sum(r) for r in cells] == row_totals
    assert [sum(c) for c in zip(*cells)] == col_totals
    for r, er in zip(cells, exact):
        for v, e in zip(r, er):
            assert e - 1 < v < e + 1


@settings(max_examples=300, deadline=None)
@given(st.data())
def it_rounds_a_matrix_of_any_shape_within_one_unit_of_each_cell(data) -> None:
    """Cells of any exact values (not one column's weights repeated: every row its own shape, some
    zero) with integer column sums and row totals by largest remainder: rows and columns add up
    exactly, each cell is within one unit of its exact value, a cell of exact value 0 stays 0."""
    rows, cols = data.draw(st.integers(1, 30)), data.draw(st.integers(1, 6))
    cell = st.builds(F, st.integers(0, 12), st.sampled_from([1, 2, 3, 4, 5, 7]))
    exact = [data.draw(st.lists(cell, min_size=cols, max_size=cols)) for _ in range(rows)]
    exact.append([-sum(c) % 1 for c in zip(*exact)])   # a last row that makes every column whole
    col_totals = [int(sum(c)) for c in zip(*exact)]
    row_totals = list(largest_remainder(sum(col_totals), [sum(r) for r in exact]))
    cells = round_matrix(exact, row_totals, col_totals)
    assert [sum(r) for r in cells] == row_totals
    assert [sum(c) for c in zip(*cells)] == col_totals
    assert all(abs(v - e) <= 1 and (v == 0 or e > 0) for r, er in zip(cells, exact) for v, e in zip(r, er))


@settings(max_examples=200, deadline=None)
@given(st.data())
def it_crosses_ramping_reps_with_months_rows_and_columns_adding_up(data) -> None:
    """A group's rep x month table as rep_grid builds it (weight x ramp factor, 0 before the start,
    the shortfall in a gap row): months and reps add up exactly, each rep's total and each rep x
    quarter is within one unit of its exact share. A month cell may be more than one unit off
    (the quarter is fixed first) but less than two."""
    n = data.draw(st.sampled_from([3, 6, 12]))
    amounts = data.draw(st.lists(st.integers(0, 80), min_size=n, max_size=n))
    weights = []
    for _ in range(data.draw(st.integers(1, 25))):
        weight, start = F(data.draw(st.integers(1, 20)), 10), data.draw(st.integers(0, n - 1))
        ramp = [F(1, 4), F(1, 2), F(3, 4)][:data.draw(st.integers(0, 3))]
        weights.append([weight * f for f in ([F(0)] * start + ramp + [F(1)] * n)[:n]])
    full = sum(max(w) for w in weights)
    weights.append([full - sum(w[j] for w in weights) for j in range(n)])
    grid = cross(amounts, weights, 1)
    exact = [[a * w[j] / sum(r[j] for r in weights) for j, a in enumerate(amounts)] for w in weights]
    assert [sum(c) for c in zip(*grid)] == amounts
    for row, er in zip(grid, exact):
        assert abs(sum(row) - sum(er)) < 1
        assert all(abs(q - e) <= 1 for q, e in zip(quarters_of(row), quarters_of(er)))
        assert all(abs(v - e) < 2 for v, e in zip(row, er))


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(overrides=plans(), locale=st.sampled_from(["en", "es", "zh-CN"]))
def it_shows_tables_that_add_up_as_displayed(make_plan, plan_from, overrides, locale) -> None:
    """Over random plans, every table of the plan and of every rep: shown rows sum to the shown total."""
    from fixtures.shown import mismatches
    from plangen.present.context import Ctx, build_context
    from plangen.present.ctx.rep import rep_context
    data = make_plan()
    for key in ("plan", "targets", "team", "budget"):
        data[key] = overrides[key]
    data["plan"]["locale"] = locale
    data.pop("crm")
    plan = plan_from(data)
    d = decompose(plan)
    c = Ctx(plan, d)
    tables = list(build_context(plan, d)["tables"].items())
    tables += [(f"{r.id}:{k}", t) for r in d.reps for k, t in rep_context(c, r)["tables"].items()]
    bad = [m for where, t in tables for m in mismatches(locale, c.L["growth"], where, t)]
    assert not bad, "\n".join(bad)
