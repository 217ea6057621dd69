"""Incentives (seed 000, step 7): attainment bands -> reward or penalty, checked, and the month-end appraisal."""
from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path

import pytest

from plangen.decompose import decompose
from plangen.decompose.incentives import appraise, band_of, threshold
from plangen.model import PlanError
from plangen.track import read_actuals, track

RULES = {"basis": "month", "rules": [
    {"from": "120%", "bonus": 5000, "rate": "10%", "of": "excess"},
    {"from": "100%", "rate": "2%"},
    {"from": "80%", "note": "no reward"},
    {"below": "80%", "penalty": 1000, "note": "talk with the manager"},
]}


@pytest.fixture
def plan(make_plan, plan_from):
    """12M over 12 equal months (1M each); Ann (r1) and Bob (r2) carry 500k a month each."""
    return plan_from(make_plan({"targets.phasing": {"method": "equal", "quarters": None}, "incentives": RULES}))


def _problems(make_plan, plan_from, incentives) -> list[str]:
    with pytest.raises(PlanError) as e:
        plan_from(make_plan(incentives=incentives))
    return [str(p).split(": ", 1)[1] for p in e.value.problems]


@pytest.mark.parametrize("incentives, expected", [
    ({"basis": "week", "rules": [{"from": "100%", "bonus": 1}]},
     "incentives.basis: expected 'month' or 'quarter', found 'week'"),
    ({"rules": []}, "incentives.rules: expected at least one band such as {from: 100%, bonus: 2000}, found none"),
    ({"rules": [{"bonus": 100}]},
     "incentives.rules[0]: expected from (the attainment the band starts at) or below, found neither"),
    ({"rules": [{"from": "100%"}]}, "incentives.rules[0]: expected at least one of bonus, rate, penalty or note, found none"),
    ({"rules": [{"from": "100%", "bonus": -500}]}, "incentives.rules[0].bonus: expected an amount of 0 or more, found -500"),
    ({"rules": [{"below": "80%", "penalty": -1}]}, "incentives.rules[0].penalty: expected an amount of 0 or more, found -1"),
    ({"rules": [{"from": "100%", "rate": "120%"}]}, "incentives.rules[0].rate: expected a rate from 0% to 100%, found 120%"),
    ({"rules": [{"from": "100%", "bonus": 1, "penalty": 1}]},
     "incentives.rules[0].penalty: expected either a reward (bonus, rate) or a penalty in a band, found both"),
    ({"rules": [{"from": "100%", "bonus": 1, "of": "excess"}]},
     "incentives.rules[0].of: of says what the rate applies to; expected a rate with of: excess, found none"),
    ({"rules": [{"from": "80%", "rate": "5%", "of": "excess"}]},
     "incentives.rules[0].of: the excess over the target starts at 100% of it; expected from: 100% or more with "
     "of: excess, found from: 80%"),
    ({"rules": [{"from": "100%", "below": "90%", "bonus": 1}]},
     "incentives.rules[0].below: expected below above from (100%), found 90%"),
    ({"rules": [{"from": "100%", "bonus": 1}, {"from": "120%", "bonus": 2}]},
     "incentives.rules[1].from: expected the bands highest first, each starting below the one before "
     "(rules[0] from 100%), found from: 120%"),
    ({"rules": [{"from": "100%", "bonus": 1}, {"from": "100%", "bonus": 2}]},
     "incentives.rules[1].from: expected the bands highest first, each starting below the one before "
     "(rules[0] from 100%), found from: 100%"),
    ({"rules": [{"from": "100%", "bonus": 1}, {"from": "80%", "below": "110%", "note": "ok"}]},
     "incentives.rules[1].below: overlaps rules[0]: attainment from 100% to 110% would be in both; "
     "expected below: 100% (or leave below out)"),
    ({"rules": [{"from": "100%", "bonus": 1}, {"below": "80%", "penalty": 1}]},
     "incentives.rules[1].below: leaves a gap: attainment from 80% to 100% is in no band; expected below: 100%, "
     "or a band from: 80% for that range"),
    ({"rules": [{"below": "80%", "penalty": 1}, {"from": "50%", "note": "x"}]},
     "incentives.rules[1]: rules[0] has no from, so it holds everything below 80% and must be the last band; "
     "expected the bands highest first"),
    ({"rules": [{"form": "100%", "bonus": 1}]},
     "incentives.rules[0].form: unknown key 'form'; did you mean 'from'?"),
])
def it_refuses_bands_it_cannot_apply(make_plan, plan_from, incentives, expected):
    shown = _problems(make_plan, plan_from, incentives)
    assert any(s.startswith(expected) for s in shown), shown


def it_collects_every_band_problem_and_locates_it(make_plan, plan_from):
    with pytest.raises(PlanError) as e:
        plan_from(make_plan(incentives={"rules": [{"from": "100%", "bonus": -1}, {"from": "120%", "bonus": 1}]}))
    text = e.value.format()
    assert re.search(r"^test\.yaml:\d+:\d+: incentives\.rules\[0\]\.bonus: ", text, re.M)
    assert re.search(r"^test\.yaml:\d+:\d+: incentives\.rules\[1\]\.from: ", text, re.M)


def it_reads_the_seed_s_bands(plan):
    """from 120% (bonus + rate of the excess), from 100% (rate of sales), from 80% (a note), below 80% (penalty)."""
    rules = plan.incentives.rules
    assert [r.at_least for r in rules] == [Fraction(6, 5), Fraction(1), Fraction(4, 5), None]
    assert (rules[0].base, rules[1].base, rules[3].below) == ("excess", "sales", Fraction(4, 5))


@pytest.mark.parametrize("actual, band, reward, penalty", [
    (125, 0, 5000 + 3, 0),      # 125% >= 120%: 5,000 + 10% x (125 - 100) = 5,002.5 -> 5,003 (half up)
    (120, 0, 5000 + 2, 0),      # exactly 120% is the top band: 5,000 + 10% x 20 = 5,002
    (119, 1, 2, 0),             # 119%: 2% x 119 = 2.38 -> 2
    (100, 1, 2, 0),             # 100%: 2% x 100 = 2
    (99, 2, 0, 0),              # 99%: the note band, nothing paid
    (80, 2, 0, 0),              # exactly 80% is not below 80%
    (79, 3, 0, 1000),           # 79%: penalty 1,000
    (-5, 3, 0, 1000),           # a credit note month: below 80%
])
def it_appraises_a_target_of_100_by_hand(plan, actual, band, reward, penalty):
    a = appraise(plan.incentives, 100, actual)
    assert (a.band.index, a.reward, a.penalty) == (band, reward, penalty)


def it_gives_nothing_without_a_target_or_outside_every_band(make_plan, plan_from, plan):
    assert appraise(plan.incentives, 0, 500).band is None
    capped = plan_from(make_plan(incentives={"rules": [{"from": "100%", "below": "150%", "bonus": 10}]}))
    assert band_of(capped.incentives, Fraction(3, 2)) is None and band_of(capped.incentives, Fraction(9, 10)) is None
    assert appraise(capped.incentives, 100, 160).reward == 0


def it_names_the_sales_each_band_starts_at():
    """A target of 333,333: 120% is 399,999.6 -> 400,000 (rounded up: 399,999 would be below 120%)."""
    from plangen.decompose.incentives import Band
    assert threshold(Band(0, Fraction(6, 5), None, None), 333_333) == 400_000
    assert threshold(Band(3, None, Fraction(4, 5), None), 333_333) is None


ACTUALS = """month,rep,amount
2027-01,r1,625000
2027-01,r2,390000
2027-02,r1,500000
2027-02,r2,450000
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "actuals.csv"
    path.write_text(text, encoding="utf-8")
    return path


def it_appraises_each_rep_for_every_closed_month(plan, tmp_path):
    """Targets 500,000 a month each. January: Ann 625,000 = 125% -> 5,000 + 10% x 125,000 = 17,500;
    Bob 390,000 = 78% -> penalty 1,000. February: Ann 100% -> 2% x 500,000 = 10,000; Bob 90% -> note band."""
    p = track(plan, decompose(plan), read_actuals(write(tmp_path, ACTUALS), plan))
    assert [a.months for a in p.appraisals] == [(0,), (1,)]
    jan, feb = p.appraisals
    assert [(x.label, x.result.attainment, x.result.band.index, x.result.reward, x.result.penalty) for x in jan.lines] \
        == [("Ann", Fraction(5, 4), 0, 17_500, 0), ("Bob", Fraction(39, 50), 3, 0, 1_000)]
    assert [(x.result.band.index, x.result.reward) for x in feb.lines] == [(1, 10_000), (2, 0)]
    assert (jan.reward, jan.penalty, feb.reward) == (17_500, 1_000, 10_000)


def it_appraises_quarters_only_once_they_are_closed(make_plan, plan_from, tmp_path):
    """basis: quarter, actuals to February: no quarter is closed, nothing appraised; to March: Q1
    (Ann 1.5M target; 625k + 500k + 600k = 1.725M = 115% -> 2% x 1,725,000 = 34,500)."""
    rules = {**RULES, "basis": "quarter"}
    plan = plan_from(make_plan({"targets.phasing": {"method": "equal", "quarters": None}, "incentives": rules}))
    assert track(plan, decompose(plan), read_actuals(write(tmp_path, ACTUALS), plan)).appraisals == ()
    more = ACTUALS + "2027-03,r1,600000\n2027-03,r2,500000\n"
    (q1,) = track(plan, decompose(plan), read_actuals(write(tmp_path, more), plan)).appraisals
    assert (q1.months, q1.lines[0].result.target, q1.lines[0].result.reward) == ((0, 1, 2), 1_500_000, 34_500)


def it_appraises_nothing_without_incentives(make_plan, plan_from, tmp_path):
    plain = plan_from(make_plan())
    assert track(plain, decompose(plain), read_actuals(write(tmp_path, ACTUALS), plain)).appraisals == ()
