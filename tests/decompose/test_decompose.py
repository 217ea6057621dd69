"""The decomposition, behaviour by behaviour, with hand-computed numbers."""
from __future__ import annotations

import datetime as dt
from fractions import Fraction as F

import holidays
import pytest

from plangen.decompose import decompose
from plangen.decompose.funnel import activities, daily, period_activities
from plangen.model import load
from plangen.model.schema import Funnel

EQUAL = {"method": "equal", "quarters": None}


@pytest.fixture(scope="module")
def zh(samples_dir):
    """The Chinese sample plan and its decomposition."""
    plan = load(samples_dir / "zh-annual-plan.yaml")
    return plan, decompose(plan)


@pytest.fixture
def build(make_plan, plan_from):
    """Overrides -> decomposition of the base plan with those overrides."""
    def run(**overrides):
        return decompose(plan_from(make_plan(**overrides)))
    run.DELETE = make_plan.DELETE  # type: ignore[attr-defined]
    return run


def _zh_history(samples_dir) -> dict:
    import yaml
    return yaml.safe_load((samples_dir / "zh-annual-plan.yaml").read_text(encoding="utf-8"))["history"]


# --- time -------------------------------------------------------------------------------------

def it_phases_the_chinese_sample_into_exact_quarters(zh) -> None:
    """1亿 at 20/25/30/25% is 2000万 / 2500万 / 3000万 / 2500万, and the months add up to them."""
    _, d = zh
    assert d.revenue.quarters == (20_000_000, 25_000_000, 30_000_000, 25_000_000)
    assert [q.amount for q in d.quarters] == [20_000_000, 25_000_000, 30_000_000, 25_000_000]
    assert [q.key for q in d.quarters] == ["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"]
    for q in d.quarters:
        assert sum(d.months[i].amount for i in q.months) == q.amount
    assert all(m.amount % 10_000 == 0 for m in d.months)


def it_spreads_months_inside_a_quarter_by_working_days(build) -> None:
    """Q1 2027 (no holidays): Jan 21, Feb 20, Mar 23 working days share 2.4M."""
    d = build()
    assert [m.working_days for m in d.months[:3]] == [21, 20, 23]
    # 2,400,000 x 21/64 = 787,500; x 20/64 = 750,000; x 23/64 = 862,500 -> 1000-units, ties to the earlier
    assert [m.amount for m in d.months[:3]] == [788_000, 750_000, 862_000]


def it_splits_a_week_that_straddles_two_months(build) -> None:
    """ISO week 2027-W13 (Mon 29 Mar - Sun 4 Apr) keeps 3 March days and 2 April days."""
    d = build(**{"targets.phasing": EQUAL})
    week = next(w for w in d.weeks if w.key == "2027-W13")
    assert (week.start, week.end) == (dt.date(2027, 3, 29), dt.date(2027, 4, 4))
    # March: 1,000 units over week parts of 5,5,5,5,3 days -> quotas 217.39 x4 and 130.43; floors give
    #   998, the two spare units go to the largest remainders .43 (W13) then .39 (W09): 218,217,217,217,131
    # April: parts of 2,5,5,5,5 days -> 90.91 and 227.27 x4; floors 998, spares to .91 (W13) and W14: 91
    assert [(p.month, p.days, p.amount) for p in week.parts] == [(2, 3, 131_000), (3, 2, 91_000)]
    assert week.amount == 222_000


def _week_sums(days) -> list[int]:
    """Day amounts summed by ISO week, in date order."""
    from itertools import groupby
    return [sum(x.amount for x in g) for _, g in groupby(days, key=lambda x: x.date.isocalendar()[:2])]


def it_gives_a_rounded_rep_month_to_each_of_its_weeks(build) -> None:
    """80,000 with rounding 10,000 over four 5-day weeks: 8 units / 4 weeks = 20,000 a week, none empty."""
    from plangen.decompose.timeline import spread_days
    days = [dt.date(2027, 2, 1) + dt.timedelta(days=i) for i in range(28) if (dt.date(2027, 2, 1) + dt.timedelta(days=i)).weekday() < 5]
    weeks = _week_sums(spread_days(80_000, days, 10_000))
    assert weeks == [20_000, 20_000, 20_000, 20_000]


@pytest.mark.parametrize("amount, expected", [
    (50_000, [20_000, 10_000, 10_000, 10_000]),   # 5 units over 4 equal weeks: 2,1,1,1 (tie to the earliest)
    (40_000, [10_000, 10_000, 10_000, 10_000]),   # exactly one unit a week: no empty week
    (70_000, [20_000, 20_000, 20_000, 10_000]),   # equal weeks differ by at most one unit
])
def it_keeps_equal_weeks_within_one_unit(amount, expected) -> None:
    """Four 5-day weeks of February 2027 at rounding 10,000."""
    from plangen.decompose.timeline import spread_days
    days = [dt.date(2027, 2, 1) + dt.timedelta(days=i) for i in range(28) if (dt.date(2027, 2, 1) + dt.timedelta(days=i)).weekday() < 5]
    assert _week_sums(spread_days(amount, days, 10_000)) == expected


def it_gives_a_120wan_month_of_30_days_4wan_a_day_on_all_days(build) -> None:
    """120万 over June's 30 calendar days is 4万 a day, 40万 in each third."""
    d = build(**{"plan.period": {"start": "2027-06", "months": 1}, "targets.revenue": "120万",
                 "targets.phasing": build.DELETE, "targets.calendar.daily_basis": "all_days", "targets.rounding": 1})
    (june,) = d.months
    assert len(june.days) == 30 and {day.amount for day in june.days} == {40_000}
    assert june.thirds == (400_000, 400_000, 400_000)


def it_puts_day_21_to_31_in_the_late_third(build) -> None:
    """A 31-day month on all days: 10 / 10 / 11 days in 上旬 / 中旬 / 下旬."""
    d = build(**{"plan.period": {"start": "2027-07", "months": 1}, "targets.revenue": 310_000,
                 "targets.phasing": build.DELETE, "targets.calendar.daily_basis": "all_days"})
    assert d.months[0].thirds == (100_000, 100_000, 110_000)


def it_counts_chinas_makeup_workdays(build) -> None:
    """2026 (official data): Saturday 14 Feb is a make-up working day; Tuesday 17 Feb (Spring Festival) is off."""
    official = holidays.country_holidays("CN", years=2026)
    saturday, festival = dt.date(2026, 2, 14), dt.date(2026, 2, 17)
    assert saturday in official.weekend_workdays and saturday.weekday() == 5
    assert festival in official and festival.weekday() == 1
    d = build(**{"plan.period": 2026, "targets.calendar.country": "CN"})
    assert saturday in d.calendar.days and festival not in d.calendar.days
    assert saturday in d.calendar.makeup_workdays
    assert d.months[1].working_days == 16  # 20 weekdays - 6 holiday weekdays + 2 make-up Saturdays
    assert not d.calendar.estimated
    assert "calendar_estimated" not in [n.code for n in d.notices]


def it_marks_the_calendar_as_estimated(zh) -> None:
    """China has not published 2027's make-up days in the holiday data: the result says so."""
    _, d = zh
    assert d.calendar.estimated and d.calendar.estimated_years == (2027,)
    notice = next(n for n in d.notices if n.code == "calendar_estimated")
    assert notice.values["years"] == "2027" and notice.path == ("targets", "calendar")


def it_applies_the_plans_own_holidays_and_workdays(zh) -> None:
    """extra_holidays takes a Thursday off; extra_workdays makes a Saturday count."""
    _, d = zh
    assert dt.date(2027, 2, 11) not in d.calendar.days
    assert dt.date(2027, 2, 20) in d.calendar.days
    assert any(day == dt.date(2027, 2, 11) for day, _ in d.calendar.holidays)


def it_phases_a_half_year_plan(build) -> None:
    """Jul-Dec 2027 at 10/15/15/20/20/20% of 6M; quarters keep their calendar labels."""
    d = build(**{"plan.period": {"start": "2027-07", "months": 6}, "targets.revenue": "6M",
                 "targets.phasing": {"quarters": ["40%", "60%"],
                                     "months": ["10%", "15%", "15%", "20%", "20%", "20%"]}})
    assert d.revenue.months == (600_000, 900_000, 900_000, 1_200_000, 1_200_000, 1_200_000)
    assert d.revenue.quarters == (2_400_000, 3_600_000)
    assert [q.key for q in d.quarters] == ["2027-Q3", "2027-Q4"]
    assert [m.key for m in d.months] == ["2027-07", "2027-08", "2027-09", "2027-10", "2027-11", "2027-12"]


def it_numbers_quarters_of_an_unaligned_period_from_its_start(build) -> None:
    """A period from August has quarters Aug-Oct and Nov-Jan, labelled 1 and 2."""
    d = build(**{"plan.period": {"start": "2027-08", "months": 6}, "targets.phasing": {"quarters": [2, 2]}})
    assert [q.months for q in d.quarters] == [(0, 1, 2), (3, 4, 5)]
    assert [q.key for q in d.quarters] == ["2027-Q1", "2027-Q2"] and d.months[-1].key == "2028-01"
    assert d.revenue.quarters == (6_000_000, 6_000_000)


def it_phases_over_working_days_when_asked(build) -> None:
    """method: working_days gives each month its share of the period's working days."""
    d = build(**{"targets.phasing": {"method": "working_days", "quarters": build.DELETE}, "targets.revenue": 261_000})
    assert sum(m.working_days for m in d.months) == 261
    assert [m.amount for m in d.months] == [m.working_days * 1000 for m in d.months]


def it_keeps_odd_amounts_exact_with_a_rounding_unit(build) -> None:
    """A total that is not a multiple of the unit still adds up; only one part carries the odd amount."""
    d = build(**{"targets.revenue": 12_345_678})
    assert sum(d.revenue.quarters) == 12_345_678 and sum(d.revenue.months) == 12_345_678
    assert sum(1 for m in d.revenue.months if m % 1000) == 1


# --- history -----------------------------------------------------------------------------------

def it_phases_from_history_seasonality(build) -> None:
    """A flat year and a year whose second half doubles: H1 months 5/72, H2 months 7/72 of 7.2M."""
    d = build(**{"targets.revenue": "7.2M", "targets.phasing": {"from_history": True, "quarters": build.DELETE},
                 "history": {"monthly": {2025: [100] * 12, 2026: [1] * 6 + [2] * 6}}})
    assert d.phasing == "history"
    assert d.revenue.months == (500_000,) * 6 + (700_000,) * 6
    assert d.revenue.quarters == (1_500_000, 1_500_000, 2_100_000, 2_100_000)


def it_keeps_given_quarters_and_takes_months_from_history(build) -> None:
    """quarters 20/25/30/25% with from_history: quarters as given, months by seasonality inside each.

    History: every year 1,1,2 in each quarter (so the third month is half of its quarter).
    12M: Q1 2.4M -> 600k, 600k, 1.2M; Q3 3.6M -> 900k, 900k, 1.8M.
    """
    d = build(**{"targets.phasing": {"from_history": True}, "history": {"monthly": {2026: [1, 1, 2] * 4}}})
    assert d.revenue.quarters == (2_400_000, 3_000_000, 3_600_000, 3_000_000)
    assert d.revenue.months[:3] == (600_000, 600_000, 1_200_000) and d.revenue.months[6:9] == (900_000, 900_000, 1_800_000)


@pytest.mark.parametrize("phasing, key, message", [
    ({"method": "equal"}, "quarters", "method: equal sets every month's share, so quarters would be ignored; "
     "expected either method: equal or quarters, not both"),
    ({"method": "working_days", "quarters": None, "months": [1] * 12}, "months",
     "method: working_days sets every month's share, so months would be ignored; expected either "
     "method: working_days or months, not both"),
    ({"from_history": True, "quarters": None, "months": [1] * 12}, "months",
     "history seasonality sets the months, so months would be ignored; expected quarters (months within each "
     "quarter by history) or months without from_history"),
    ({"method": "explicit", "from_history": True}, "from_history",
     "method: explicit uses the quarters and months given, so from_history would be ignored; expected "
     "method: history or from_history, not both"),
])
def it_refuses_phasing_keys_it_would_ignore(make_plan, plan_from, phasing, key, message) -> None:
    """No phasing key is silently dropped: the error names the key and which one wins."""
    from plangen.model.errors import PlanError
    data = make_plan(**{"targets.phasing": phasing, "history": {"monthly": {2026: [1] * 12}}})
    with pytest.raises(PlanError) as e:
        plan_from(data)
    assert f"targets.phasing.{key}: {message}" in str(e.value)


def it_computes_the_target_from_history(build, samples_dir) -> None:
    """Last year 8333万 x (1 + (12% + 18%) / 2) = 9582.95万 -> 9583万 in 10,000 units."""
    history = _zh_history(samples_dir)
    d = build(**{"history": history, "targets.revenue": {"method": "history"}, "targets.rounding": 10_000})
    assert d.total == 95_830_000
    assert d.growth.method == "history"
    assert d.growth.method_detail["base"] == 83_330_000 and d.growth.method_detail["growth"] == F(3, 20)
    assert sum(d.revenue.quarters) == 95_830_000


def it_computes_the_target_from_a_weighted_three_year_average(build, samples_dir) -> None:
    """(6470万/6 + 7246万/3 + 8333万/2) x 1.15 = 8809.19万 -> 8809万."""
    history = _zh_history(samples_dir)
    d = build(**{"history": history, "targets.revenue": {"method": "history", "base": "average_3y"},
                 "targets.rounding": 10_000})
    assert d.growth.method_detail["years"] == {2024: 64_700_000, 2025: 72_460_000, 2026: 83_330_000}
    assert d.growth.method_detail["base"] == 76_601_667
    assert d.total == 88_090_000
    # implied growth against 2026 is 5.7%, below the industry's 12%
    assert "growth_below_industry" in [n.code for n in d.notices]


def it_warns_when_growth_is_above_benchmark(zh) -> None:
    """1亿 over last year's 8333万 is 20.0% growth, above the benchmark's 18%."""
    _, d = zh
    assert d.growth.last_year == 83_330_000 and d.growth.implied == F(1667, 8333)
    notice = next(n for n in d.notices if n.code == "growth_above_benchmark")
    assert notice.values["benchmark"] == F(9, 50)
    assert "growth_off_history" not in [n.code for n in d.notices]  # stated 20% matches


def it_warns_when_the_stated_growth_is_off_history(build) -> None:
    """Stating 30% growth while the target equals last year (0%) is flagged."""
    d = build(**{"targets.revenue": "12M", "targets.growth": "30%", "history": {"monthly": {2026: [1_000_000] * 12}}})
    assert d.growth.implied == F(0)
    assert "growth_off_history" in [n.code for n in d.notices]


# --- dimensions and reps -------------------------------------------------------------------------

def it_splits_each_dimension_exactly(zh) -> None:
    """Product lines 50/30/20% of 1亿, crossed with quarters and months."""
    _, d = zh
    lines = d.splits["product_line"]
    assert dict(lines.totals) == {"A系列": 50_000_000, "B系列": 30_000_000, "C系列": 20_000_000}
    for j, q in enumerate(d.revenue.quarters):
        assert sum(v[j] for v in lines.by_quarter.values()) == q
    for j, m in enumerate(d.revenue.months):
        assert sum(v[j] for v in d.splits["region"].by_month.values()) == m


REGIONS_35 = {"region": {"East": "40%", "South": "35%", "North": "rest"}}


def it_keeps_a_35_percent_region_of_a_2000wan_quarter_at_700wan(build) -> None:
    """1亿 with quarters 20/25/30/25% at rounding 1万: Q1 is 2,000万, South's 35% of it is 700万 exactly.

    Q1's months are not round (by working days 21/20/23 of 64: 656.25万, 625万, 718.75万), but
    the quarter is rounded first: 35% x 2,000 = 700 units, a whole number, so it is kept; likewise
    East's 40% of Q3's 3,000万 is 1,200万, and each month cell is the floor or ceiling of its share.
    """
    reps = [{"id": k, "name": k, "region": k} for k in ("East", "South", "North")]
    d = build(**{"targets.revenue": "100M", "targets.rounding": 10_000, "targets.split": REGIONS_35,
                 "team.reps": reps, "crm": build.DELETE})
    s = d.splits["region"]
    assert d.revenue.quarters[0] == 20_000_000
    assert s.by_quarter["South"][0] == 7_000_000 and s.by_quarter["East"][2] == 12_000_000
    assert dict(s.totals) == {"East": 40_000_000, "South": 35_000_000, "North": 25_000_000}
    for k, share in (("East", F(40, 100)), ("South", F(35, 100)), ("North", F(25, 100))):
        for got, month in zip(s.by_month[k], d.revenue.months):
            assert abs(got - month * share) < 10_000


def it_gives_identical_reps_equal_amounts_in_every_quarter_and_month(build) -> None:
    """Three weight-1 reps share 1.47M a quarter: 490k each exactly, and months differ by at most one unit."""
    reps = [{"id": f"r{i}", "name": f"Rep {i}"} for i in range(3)]
    d = build(**{"targets.revenue": "5.88M", "targets.phasing.quarters": ["25%"] * 4, "targets.rounding": 10_000,
                 "team.reps": reps, "team.ramp": [], "crm": build.DELETE})
    assert all(r.quarters == (1_470_000 // 3,) * 4 for r in d.reps)
    for j in range(12):
        month = [r.months[j] for r in d.reps]
        assert max(month) - min(month) <= 10_000


def it_splits_a_region_by_rep_weight(zh) -> None:
    """华东 (4000万) for 张伟 (1.2) and 李娜 (1): 2182万 and 1818万."""
    _, d = zh
    assert (d.rep("r01").total, d.rep("r02").total) == (21_820_000, 18_180_000)
    assert d.rep("r03").total == 35_000_000


def it_leaves_a_region_with_nobody_yet_as_unassigned(zh_lone_starter, plan_from) -> None:
    """华北's only rep starts in April at 25/50/75%: Q1 and the 75/50/25% he does not carry are a gap."""
    d = decompose(plan_from(zh_lone_starter))
    north, r04 = d.splits["region"].by_month["华北"], d.rep("r04")
    assert d.unassigned[:3] == north[:3] and not any(d.unassigned[6:])
    assert [g + m for g, m in zip(d.unassigned, r04.months)] == list(north)
    assert r04.months[6:] == north[6:] and r04.full_quota == 25_000_000
    notice = next(n for n in d.notices if n.code == "rep_uncarried")
    assert notice.values["name"] == "刘洋" and notice.values["amount"] == sum(d.unassigned)


def it_ramps_a_rep_who_starts_in_april(build) -> None:
    """Ramp 25/50/75%, equal 1M months, Ann and Bob weight 1: a full share is 500k a month.

    Bob carries 25/50/75% of 500k in April-June = 125k, 250k, 375k; Ann, at full quota, carries
    her 500k plus what Bob does not: 1M in Jan-Mar, then 875k, 750k, 625k. Ann carries
    3 x 500k + 375k + 250k + 125k = 2,250k of Bob's share; nothing goes to the gap.
    """
    d = build(**{"targets.phasing": EQUAL, "team.reps.1.start": "2027-04-01"})
    ann, bob = d.reps
    assert bob.ramp[:7] == (0, 0, 0, F(1, 4), F(1, 2), F(3, 4), 1)
    assert bob.months == (0, 0, 0, 125_000, 250_000, 375_000) + (500_000,) * 6
    assert ann.months == (1_000_000,) * 3 + (875_000, 750_000, 625_000) + (500_000,) * 6
    assert (ann.carried, bob.carried) == (2_250_000, 0)
    assert bob.ramping and not ann.ramping
    assert bob.full_quota == ann.full_quota == 6_000_000
    assert d.unassigned == (0,) * 12 and d.ramp_policy == "redistribute"


def it_puts_the_ramp_of_a_rep_alone_in_his_region_on_the_gap_row(build) -> None:
    """Regions A and B 50/50 of equal 1M months; Bob alone in B starts 1 April with ramp [50%].

    B's April is 500k: Bob carries 50% = 250k, nobody in B is at full quota, so 250k goes to the
    gap (with B's 3 x 500k before April: 1,750k), and a notice names Bob and the amount.
    """
    d = build(**{"targets.phasing": EQUAL, "targets.split": {"region": {"A": "50%", "B": "50%"}},
                 "team.reps": [{"id": "r1", "name": "Ann", "region": "A"},
                               {"id": "r2", "name": "Bob", "region": "B", "start": "2027-04-01"}],
                 "team.ramp": ["50%"]})
    bob = d.rep("r2")
    assert bob.months[3] == 250_000 and d.unassigned[3] == 250_000 and bob.months[4] == 500_000
    assert sum(d.unassigned) == 1_750_000 and bob.ramp[3] == F(1, 2)
    notice = next(n for n in d.notices if n.code == "rep_uncarried")
    assert (notice.values["name"], notice.values["amount"]) == ("Bob", 1_750_000)


def it_continues_the_ramp_of_a_rep_hired_before_the_period(build) -> None:
    """Hired 10 June 2027, ramp 25/50/75%, half year from July: July is his 2nd month (50%), August 75%."""
    d = build(**{"plan.period": {"start": "2027-07", "months": 6}, "targets.phasing": {"method": "equal", "quarters": build.DELETE},
                 "targets.revenue": "6M", "team.reps.1.start": "2027-06-10"})
    assert d.reps[1].ramp == (F(1, 2), F(3, 4), 1, 1, 1, 1)


def it_shows_the_ramp_shortfall_as_a_gap_under_the_gap_policy(build) -> None:
    """Under ramp_policy: gap Ann keeps 500k a month; Bob's unramped part and his months before April are a gap."""
    d = build(**{"targets.phasing": EQUAL, "team.reps.1.start": "2027-04-01", "team.ramp_policy": "gap"})
    ann, bob = d.reps
    assert ann.months == (500_000,) * 12
    assert bob.months == (0, 0, 0, 125_000, 250_000, 375_000) + (500_000,) * 6
    assert d.unassigned == (500_000, 500_000, 500_000, 375_000, 250_000, 125_000) + (0,) * 6
    notice = next(n for n in d.notices if n.code == "unassigned")
    assert notice.values["amount"] == 2_250_000


def it_prorates_a_rep_who_starts_mid_month(build) -> None:
    """Starting on 16 April 2027 (11 of 22 working days) at 25% ramp: a factor of 1/8 in April."""
    d = build(**{"targets.phasing": EQUAL, "team.reps.1.start": "2027-04-16", "team.ramp_policy": "gap"})
    assert d.reps[1].ramp[3] == F(1, 8)
    assert d.reps[1].months[3] == 63_000  # 1/16 of 1M = 62.5 units: the tie goes to the rep, before the gap row


# --- activities, customers, budget ------------------------------------------------------------

def it_rounds_activities_up(build) -> None:
    """1.01M at 50k a deal is 20.2 deals: 21 deals, 84 opportunities, 252 visits, 1008 calls."""
    f = Funnel(average_deal="50k", win_rate="25%", visits_per_opportunity=3, calls_per_visit=4)
    a = activities(1_010_000, f)
    assert (a.deals, a.opportunities, a.visits, a.calls) == (21, 84, 252, 1008)
    assert activities(1_000_000, f) == type(a)(20, 80, 240, 960)
    assert activities(0, f) == type(a)(0, 0, 0, 0) and activities(1, None) == type(a)(0, 0, 0, 0)


def it_gives_each_rep_activities_per_month(build) -> None:
    """Bob's 3,750k (125k, 250k, 375k, then 500k) at 50k a deal: 75 deals, 300 opportunities, 3,600 calls.

    Spread by his month amounts: deals 2.5, 5, 7.5, 10 ... -> 3, 5, 7, 10 (the spare deal to the
    earlier tie); calls 120, 240, 360, 480. The team's 12M is 240 deals, 20 a month.
    """
    d = build(**{"targets.phasing": EQUAL, "team.reps.1.start": "2027-04-01"})
    bob = d.reps[1]
    assert [(a.deals, a.calls) for a in bob.activities[3:7]] == [(3, 120), (5, 240), (7, 360), (10, 480)]
    assert sum(a.deals for a in bob.activities) == 75 and bob.activities[0].deals == 0
    assert d.team_activities[0].deals == 20


FUNNEL_600K = {"average_deal": "40k", "win_rate": "30%", "visits_per_opportunity": 3, "calls_per_visit": 5}


def it_rounds_the_funnel_once_for_the_year(build) -> None:
    """600,000 a year, 40,000 a deal, 30% win, 3 visits an opportunity, 5 calls a visit.

    600,000 / 40,000 = 15 deals; 15 / 30% = 50 opportunities; x 3 = 150 visits; x 5 = 750 calls.
    Over 12 equal months: 15/12 = 1.25 deals -> 2,2,2 then 1 x 9; 50/12 -> 5,5 then 4 x 10;
    150/12 = 12.5 -> 13 x 6 then 12 x 6; 750/12 = 62.5 -> 63 x 6 then 62 x 6.
    """
    d = build(**{"targets.revenue": 600_000, "targets.phasing": EQUAL, "funnel": FUNNEL_600K,
                 "team.reps": [{"id": "r1", "name": "Ann"}], "crm": build.DELETE})
    for acts in (d.team_activities, d.reps[0].activities):
        assert [sum(getattr(a, k) for a in acts) for k in ("deals", "opportunities", "visits", "calls")] == \
            [15, 50, 150, 750]
        assert [a.deals for a in acts] == [2, 2, 2] + [1] * 9
        assert [a.opportunities for a in acts] == [5, 5] + [4] * 10
        assert [a.visits for a in acts] == [13] * 6 + [12] * 6
        assert [a.calls for a in acts] == [63] * 6 + [62] * 6


@pytest.mark.parametrize("revenue, deal, win, deals, opportunities", [
    (700_000, "50k", "40%", 14, 35),      # 700k / 50k = 14 deals; 14 / 40% = 35 (monthly rounding asked 24 and 60)
    (1_000_000, "500k", "40%", 2, 5),     # 2 deals; 2 / 40% = 5 (monthly rounding asked 12)
])
def it_asks_for_the_deals_the_year_needs(build, revenue, deal, win, deals, opportunities) -> None:
    """A year's funnel is rounded up once, not once per month."""
    d = build(**{"targets.revenue": revenue, "targets.rounding": 1000, "targets.phasing": EQUAL,
                 "funnel.average_deal": deal, "funnel.win_rate": win, "team.reps": [{"id": "r1", "name": "Ann"}],
                 "crm": build.DELETE})
    acts = d.reps[0].activities
    assert (sum(a.deals for a in acts), sum(a.opportunities for a in acts)) == (deals, opportunities)


def it_spreads_a_months_calls_over_its_days_by_week(build) -> None:
    """63 calls over February 2027's four 5-day weeks: 16,16,16,15 a week, each day 3 or 4, adding up."""
    from plangen.decompose.result import Activities
    days = [dt.date(2027, 2, 1) + dt.timedelta(days=i) for i in range(28)]
    days = [x for x in days if x.weekday() < 5]
    per_day = daily(Activities(2, 5, 13, 63), days)
    weeks = [sum(a.calls for a in per_day[i:i + 5]) for i in range(0, 20, 5)]
    assert weeks == [16, 16, 16, 15] and {a.calls for a in per_day} == {3, 4}
    assert sum(a.visits for a in per_day) == 13 and sum(a.deals for a in per_day) == 2


def it_bounds_a_months_activities_per_day_as_the_days_hold_them() -> None:
    """February 2027's 63 calls: each day 3 or 4 (above); 13 visits over its four 5-day weeks
    (4, 3, 3, 3 a week) give days of 0 or 1. Random months and starts: the bounds are the days' own."""
    import random
    from plangen.decompose.funnel import daily_bounds
    from plangen.decompose.result import Activities
    feb = [x for x in (dt.date(2027, 2, 1) + dt.timedelta(days=i) for i in range(28)) if x.weekday() < 5]
    assert daily_bounds(Activities(2, 5, 13, 63), feb, "calls") == (3, 4)
    assert daily_bounds(Activities(2, 5, 13, 63), feb, "visits") == (0, 1)
    assert daily_bounds(Activities(2, 5, 13, 63), [], "calls") == (0, 0)
    rng = random.Random(17)
    for _ in range(300):
        start = dt.date(2027, rng.randint(1, 12), 1) + dt.timedelta(days=rng.randint(0, 20))
        days = [start + dt.timedelta(days=i) for i in range(rng.randint(1, 31)) if rng.random() < 0.8]
        month = Activities(*(rng.randint(0, 400) for _ in range(4)))
        per_day = daily(month, days)
        for key in ("deals", "visits", "calls"):
            values = [getattr(a, key) for a in per_day] or [0]
            assert daily_bounds(month, days, key) == (min(values), max(values))


def it_tiers_customers_by_last_years_revenue(build) -> None:
    """1.5M is VIP, exactly 300k is Tier 1, 100k and no revenue are Other; an explicit tier wins."""
    d = build(**{"crm.customers": [
        {"name": "Acme", "revenue_last_year": "1.5M", "owner": "r1"},
        {"name": "Edge", "revenue_last_year": "300k", "owner": "r2"},
        {"name": "Small", "revenue_last_year": "100k"},
        {"name": "New"},
        {"name": "Pet", "revenue_last_year": "10k", "tier": "VIP", "owner": "r2"}]})
    assert [(c.name, c.tier) for c in d.customers] == [
        ("Acme", "VIP"), ("Edge", "Tier 1"), ("Small", "Other"), ("New", "Other"), ("Pet", "VIP")]


def it_visits_tier_one_every_two_months(build) -> None:
    """VIP monthly, Tier 1 every two months, Other twice a year; a rep's visits are her customers' visits."""
    d = build()
    acme, globex = d.customers
    assert acme.visits == (1,) * 12
    assert globex.visits == (1, 0) * 6
    d = build(**{"crm.customers": [{"name": "Far", "owner": "r2"}, {"name": "Globex", "revenue_last_year": "400k",
                                                                      "owner": "r2"}]})
    assert d.customers[0].visits == (1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0)
    assert d.reps[1].visits == (2, 0, 1, 0, 1, 0, 2, 0, 1, 0, 1, 0)
    assert d.reps[0].visits == (0,) * 12


def it_accepts_a_half_year_whose_reps_and_office_opening_come_before_it(build) -> None:
    """Jul-Dec 2027: a rep hired in May and a task due in June are valid; the task is noticed as preparation."""
    d = build(**{"plan.period": {"start": "2027-07", "months": 6}, "targets.phasing": {"method": "equal", "quarters": build.DELETE},
                 "team.reps.1.start": "2027-05-17", "tasks.0.due": "2027-06-30"})
    notice = next(n for n in d.notices if n.code == "preparation")
    assert dict(notice.values) == {"what": "Open an office", "date": "2027-06-30"} and notice.path == ("tasks", 0, "due")
    assert d.reps[1].ramp == (F(3, 4), 1, 1, 1, 1, 1)  # May 25%, June 50%, July his third month


def it_plans_visits_only_from_the_owners_start(build) -> None:
    """Bob starts 2 August: his Tier 1 customer (every 2 months) is visited Aug, Oct, Dec, never in Jan or Jul."""
    d = build(**{"team.reps.1.start": "2027-08-02"})
    assert d.customers[1].visits == (0,) * 7 + (1, 0, 1, 0, 1)
    assert d.reps[1].visits == d.customers[1].visits


def it_visits_weekly_customers_four_or_five_times_a_month(build) -> None:
    """Weekly is 52/12 visits a month: 52 a year, each month 4 or 5."""
    d = build(**{"crm.tiers": [{"name": "Key", "visit_every": "weekly"}]})
    visits = d.customers[0].visits
    assert sum(visits) == 52 and set(visits) == {4, 5}


def it_budgets_a_share_of_revenue_by_item_month_and_rep(build) -> None:
    """8% of 12M is 960k: travel 480k, events 288k, training the rest; months and reps add up."""
    d = build(**{"targets.phasing": EQUAL})
    b = d.budget
    assert (b.total, b.basis, b.ratio) == (960_000, "ratio", F(2, 25))
    assert dict(b.items) == {"travel": 480_000, "events": 288_000, "training": 192_000}
    assert b.months == (80_000,) * 12
    assert dict(b.reps) == {"r1": 480_000, "r2": 480_000}
    assert d.reps[0].budget == 480_000


def it_budgets_a_given_total(build) -> None:
    """budget.total is used as written."""
    d = build(**{"budget": build.DELETE, "budget.total": "500k", "budget.items": {"a": 3, "b": 1}})
    assert (d.budget.total, d.budget.basis, dict(d.budget.items)) == (500_000, "total", {"a": 375_000, "b": 125_000})


def it_phases_other_metrics_like_revenue(zh) -> None:
    """Stretch, profit and the new-customer range follow the revenue phasing."""
    _, d = zh
    assert d.metrics["stretch"].quarters == (24_000_000, 30_000_000, 36_000_000, 30_000_000)
    assert d.metrics["profit"].total == 15_000_000
    assert sum(d.metrics["new_customers"].months) == 20 and sum(d.metrics["new_customers_stretch"].months) == 25


def it_works_without_team_crm_or_budget(build) -> None:
    """A bare plan decomposes: no reps, no customers, no budget, the months still add up."""
    d = build(**{"team": build.DELETE, "crm": build.DELETE, "budget": build.DELETE, "funnel": build.DELETE})
    assert d.reps == () and d.customers == () and d.budget is None
    assert sum(d.revenue.months) == 12_000_000 and d.team_activities[0].deals == 0


def it_is_deterministic_and_frozen(zh, samples_dir) -> None:
    """The same plan gives the same result; the result cannot be changed."""
    plan, d = zh
    assert decompose(plan) == d
    with pytest.raises(Exception):
        d.splits["region"]["华东"] = 0  # type: ignore[index]


def it_does_not_call_a_calendar_without_make_up_days_an_estimate(build) -> None:
    """The US and Germany move no days off to weekends: a one-off holiday of 1815 or 2017 makes no estimate."""
    for country in ("US", "DE", "ES"):
        d = build(**{"targets.calendar.country": country})
        assert not d.calendar.estimated, country
        assert "calendar_estimated" not in [n.code for n in d.notices]


def it_gives_each_rep_his_share_of_units_and_new_customers(build) -> None:
    """24 new customers over 2 equal reps of equal 1M months: 2 a month, 1 each; units 1,200 -> 50 each a month."""
    d = build(**{"targets.phasing": EQUAL, "targets.new_customers": 24, "targets.units": 1200})
    for r in d.reps:
        assert r.metrics["new_customers"] == (1,) * 12 and r.metrics["units"] == (50,) * 12
