"""plangen track with weekly actuals: a week column, weeks split over months by the weekly plan, weeks tracked."""
from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from plangen.decompose import decompose
from plangen.model import PlanError
from plangen.track import read_actuals, track
from plangen.track.progress import monthly


@pytest.fixture
def daily(make_plan, plan_from):
    """12M over 12 equal months, every day a working day, no rounding: a day carries 1M / days of its month."""
    return plan_from(make_plan({"targets.phasing": {"method": "equal"}, "targets.phasing.quarters": make_plan.DELETE,
                                "targets.rounding": 1,
                                "targets.calendar": {"working_days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]}}))


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "weekly.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_week_that_straddles_two_months_is_split_by_the_weekly_plan(daily, tmp_path):
    """2027-W13 runs Mon 29 Mar - Sun 4 Apr: 3 March days at 1M/31, 4 April days at 1M/30.

    100,000 sold that week: March gets 100,000 x (3/31) / (3/31 + 4/30) = 42,056, April the rest 57,944.
    """
    d = decompose(daily)
    a = read_actuals(write(tmp_path, "week,amount\n2027-W13,100000\n"), daily)
    p = track(daily, d, a, as_of=3)
    march = round(100_000 * Fraction(3, 31) / (Fraction(3, 31) + Fraction(4, 30)))
    assert march == 42_056
    assert abs(p.months[2].actual - march) <= 1 and p.months[2].actual + p.months[3].actual == 100_000


def test_weekly_actuals_count_only_the_months_their_last_week_closes(daily, tmp_path):
    """Weeks 2027-W01 to W05 (4 Jan - 7 Feb): January is closed by 7 Feb, February is not; 1 month elapsed.

    2026-W53 holds 1-3 Jan 2027 and has no row: January's actual is W01-W04 plus W05's none = 4 weeks.
    """
    text = "week,amount\n" + "".join(f"W{w:02d},70000\n" for w in range(1, 6))
    p = track(daily, decompose(daily), read_actuals(write(tmp_path, text), daily))
    assert p.months_elapsed == 1 and p.months[0].actual == 4 * 70_000
    assert [w.iso_week for w in p.weeks if w.actual is not None] == [53, 1, 2, 3, 4, 5]
    assert p.weeks[1].cum_actual == 70_000 and p.weeks[5].cum_actual == 350_000


def test_weekly_progress_compares_each_week_with_its_plan(daily, tmp_path):
    """W01 (4-10 Jan) plans 7 days x 1M/31 = 225,806; a row of exactly that is 100% of the week."""
    d = decompose(daily)
    w01 = next(w for w in d.weeks if (w.iso_year, w.iso_week) == (2027, 1))
    p = track(daily, d, read_actuals(write(tmp_path, f"week,amount\n2027-W01,{w01.amount}\n"), daily))
    assert abs(w01.amount - 225_806) <= 1
    week = next(w for w in p.weeks if w.iso_week == 1)
    assert (week.plan, week.actual) == (w01.amount, w01.amount)


@pytest.mark.parametrize("cell, message", [
    ("2028-W02", "week: week 2028-W02 is outside the plan period 2027-01 – 2027-12"),
    ("W99", "week: week W99 is outside the plan period 2027-01 – 2027-12"),
    ("next", "week: expected an ISO week such as 2027-W14 or 14, found 'next'"),
    ("", "week: expected an ISO week such as 2027-W14 or 14, found an empty cell"),
])
def test_a_bad_week_names_row_and_column(daily, tmp_path, cell, message):
    path = write(tmp_path, f"amount,week\n5,{cell}\n")
    with pytest.raises(PlanError) as e:
        read_actuals(path, daily)
    assert [str(p) for p in e.value.problems] == [f"{path}:2:2: {message}"]


def it_puts_a_new_reps_week_in_the_month_he_starts(make_plan, plan_from, tmp_path):
    """2027-W13 runs Mon 29 Mar - Sun 4 Apr. Ann starts on 1 April: her 60,000 that week go to April, none to
    March (the team's plan would put 3 days of 7 there); Bob, there all year, splits as the team's days do.
    The team's months are the sum of the reps', so they add up."""
    plan = plan_from(make_plan({"targets.phasing": {"method": "equal"}, "targets.phasing.quarters": make_plan.DELETE,
                                "targets.rounding": 1, "team.reps": [{"id": "ann", "name": "Ann", "start": "2027-04-01"},
                                                                     {"id": "bob", "name": "Bob"}],
                                "crm": make_plan.DELETE,
                                "targets.calendar": {"working_days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]}}))
    a = read_actuals(write(tmp_path, "week,rep,amount\n2027-W13,ann,60000\n2027-W13,bob,70000\n"), plan)
    d = decompose(plan)
    ann, bob, team = monthly(d, a, rep="ann"), monthly(d, a, rep="bob"), monthly(d, a)
    assert ann[2:4] == (0, 60_000)
    assert bob[2] + bob[3] == 70_000 and 25_000 < bob[2] < 35_000
    assert team == tuple(x + y for x, y in zip(ann, bob))
