"""Parsing the values people write: amounts, percentages, ranges, months, dates, frequencies, shares."""
from __future__ import annotations

import datetime as dt
from fractions import Fraction as F

import pytest

from plangen.model.shares import Share, normalise, parse_share, pct
from plangen.model.values import (ValueProblem, parse_amount, parse_date, parse_every, parse_month,
                                  parse_number, parse_percent, parse_range)


@pytest.mark.parametrize("text, expected", [
    ("1亿", 100_000_000), ("2000万", 20_000_000), ("3.5万", 35_000), ("1.2M", 1_200_000), ("500k", 500_000),
    ("7,000,000", 7_000_000), ("7.000.000", 7_000_000), ("1,5M", 1_500_000), ("¥2000万", 20_000_000),
    ("€1.2M", 1_200_000), ("$500k", 500_000), ("2000万元", 20_000_000), ("1.5亿", 150_000_000),
    ("3百万", 3_000_000), ("2bn", 2_000_000_000), (" 12 ", 12), (1200, 1200), (12.4, 12), (12.6, 13), (12.5, 13), ("2.5", 3), ("-5万", -50_000),
])
def it_parses_amounts(text, expected) -> None:
    """Suffixes, thousands separators, decimal commas and currency marks."""
    assert parse_amount(text) == expected


@pytest.mark.parametrize("bad", ["lots", "1,2,3", "万", "", None, True, [1], "12 apples"])
def it_refuses_what_is_not_an_amount(bad) -> None:
    """The message shows what was expected and what was found."""
    with pytest.raises(ValueProblem, match=r"^expected an amount such as 2000万, 1.2M or 500000, found "):
        parse_amount(bad)


@pytest.mark.parametrize("text, expected", [
    ("20%", F(1, 5)), ("0.2", F(1, 5)), (0.2, F(1, 5)), ("12.5%", F(1, 8)), ("20％", F(1, 5)), (1, F(1)),
    ("33.3%", F(333, 1000)),
])
def it_parses_percentages_exactly(text, expected) -> None:
    """Percentages become exact fractions, never floats."""
    assert parse_percent(text) == expected


@pytest.mark.parametrize("bad", ["x%", "twenty", None, False])
def it_refuses_what_is_not_a_percentage(bad) -> None:
    """The message says a percentage was expected."""
    with pytest.raises(ValueProblem, match="expected a percentage such as 20% or 0.2"):
        parse_percent(bad)


@pytest.mark.parametrize("text, expected", [
    ("20~25", (20, 25)), ("20-25", (20, 25)), ("20 ~ 25", (20, 25)), ("1000万~1200万", (10_000_000, 12_000_000)),
    (20, (20, 20)), ("20～25", (20, 25)),
])
def it_parses_ranges(text, expected) -> None:
    """Low = commitment, high = stretch; one value is both."""
    assert parse_range(text) == expected


def it_refuses_a_range_whose_low_is_above_its_high() -> None:
    """30~20 is an error, not a silent swap."""
    with pytest.raises(ValueProblem, match="low <= high"):
        parse_range("30~20")


@pytest.mark.parametrize("text, expected", [("2027-07", (2027, 7)), ("2027-7", (2027, 7)), (7, (0, 7)),
                                            (dt.date(2027, 3, 1), (2027, 3))])
def it_parses_months(text, expected) -> None:
    """A month is 1..12 or year-month."""
    assert parse_month(text) == expected


@pytest.mark.parametrize("bad", ["2027-13", 0, 13, "July"])
def it_refuses_bad_months(bad) -> None:
    """Month 13 does not exist."""
    with pytest.raises(ValueProblem, match="expected a month such as 2027-07 or 7"):
        parse_month(bad)


def it_parses_iso_dates() -> None:
    """Dates as text, as YAML dates and as datetimes."""
    assert parse_date("2027-06-10") == dt.date(2027, 6, 10)
    assert parse_date(dt.datetime(2027, 6, 10, 9, 30)) == dt.date(2027, 6, 10)
    with pytest.raises(ValueProblem, match="found '2027-02-30'"):
        parse_date("2027-02-30")


@pytest.mark.parametrize("text, per_month", [
    ("1 month", F(1)), ("2 months", F(1, 2)), ("monthly", F(1)), ("quarterly", F(1, 3)), ("3 months", F(1, 3)),
    ("weekly", F(52, 12)), ("2 weeks", F(26, 12)), ("yearly", F(1, 12)), ("每月", F(1)), ("6 months", F(1, 6)),
])
def it_turns_a_frequency_into_visits_per_month(text, per_month) -> None:
    """'2 months' is half a visit a month."""
    assert parse_every(text) == per_month


@pytest.mark.parametrize("bad", ["0 months", "sometimes", "2 fortnights"])
def it_refuses_bad_frequencies(bad) -> None:
    """Zero or unknown units are errors."""
    with pytest.raises(ValueProblem, match="expected a frequency"):
        parse_every(bad)


def it_parses_plain_numbers_exactly() -> None:
    """Weights like 1.2 are exact."""
    assert parse_number("1.2") == F(6, 5) and parse_number(3) == F(3)
    with pytest.raises(ValueProblem):
        parse_number("x")


def it_normalises_share_maps() -> None:
    """Percentages summing to 100%, a rest entry, weights."""
    assert normalise([parse_share("40%"), parse_share("35%"), parse_share("25%")]) == [F(2, 5), F(7, 20), F(1, 4)]
    assert normalise([parse_share("60%"), parse_share("rest")]) == [F(3, 5), F(2, 5)]
    assert normalise([parse_share("resto"), parse_share("30%")]) == [F(7, 10), F(3, 10)]
    assert normalise([parse_share(2), parse_share(1), parse_share(1)]) == [F(1, 2), F(1, 4), F(1, 4)]
    assert normalise([parse_share(0.5), parse_share(0.5)]) == [F(1, 2), F(1, 2)]
    assert normalise([parse_share(1), parse_share(1)]) == [F(1, 2), F(1, 2)]


def it_refuses_fractions_that_do_not_add_up_to_one() -> None:
    """0.4 + 0.35 + 0.2 is a mistyped 100%, not weights."""
    with pytest.raises(ValueProblem, match="sum to 95%"):
        normalise([parse_share(0.4), parse_share(0.35), parse_share(0.2)])


def it_explains_share_maps_that_do_not_add_up() -> None:
    """The message gives the sum found."""
    with pytest.raises(ValueProblem, match=r"^the shares sum to 90%, expected 100%$"):
        normalise([parse_share("40%"), parse_share("50%")])
    with pytest.raises(ValueProblem, match="at most one `rest` entry, found 2"):
        normalise([parse_share("rest"), parse_share("rest")])
    with pytest.raises(ValueProblem, match="share of 0 or more"):
        parse_share("-5%")
    assert parse_share("rest") == Share("rest")


def it_shows_percentages_without_spurious_decimals() -> None:
    """20% not 20.0%; 33.33% for a third."""
    assert pct(F(1, 5)) == "20%" and pct(F(1, 3)) == "33.33%" and pct(F(1, 40)) == "2.5%"


@pytest.mark.parametrize("text, locale, message", [
    ("2.400M", "es", "'2.400M' reads 2.400M with a decimal point or 2400M with a thousands point; "
     "expected an amount that reads one way: write 2.400M or 2400M"),
    ("1,500", "es", "'1,500' reads 1.500 with a decimal comma or 1500 with a thousands comma; "
     "expected an amount that reads one way: write 1.500 or 1500"),
    ("1,5M", "en", "'1,5M' reads 1.5M with a decimal comma or 15M with a thousands comma; "
     "expected an amount that reads one way: write 1.5M or 15M"),
    ("1,5M", "zh-CN", "'1,5M' reads 1.5M with a decimal comma or 15M with a thousands comma; "
     "expected an amount that reads one way: write 1.5M or 15M"),
])
def it_refuses_an_amount_whose_reading_depends_on_the_decimal_separator(text, locale, message) -> None:
    """Under es, 2.400M means 2,400M to a Spanish reader and 2.4M to plangen's old reading: say both."""
    with pytest.raises(ValueProblem) as e:
        parse_amount(text, locale)
    assert str(e.value) == message


@pytest.mark.parametrize("text, locale, amount", [
    ("1,5M", "es", 1_500_000), ("2.4M", "es", 2_400_000), ("7.000.000", "es", 7_000_000),
    ("2.400M", "en", 2_400_000), ("1,500", "en", 1_500), ("500,000", "zh-CN", 500_000), ("2400M", "es", 2_400_000_000),
])
def it_reads_amounts_that_read_one_way_in_the_plans_locale(text, locale, amount) -> None:
    assert parse_amount(text, locale) == amount


@pytest.mark.parametrize("overrides, expected", [
    ({"plan.locale": "es", "market": {"capacity": "2.400M"}},
     "market.capacity: '2.400M' reads 2.400M with a decimal point or 2400M with a thousands point"),
    ({"product_strategy": {"lines": [{"name": "A", "margin": 300}]}},
     "product_strategy.lines[0].margin: expected a margin from 0% to 100% of the price, found 30000%; for an "
     "amount a unit, give the line's price and the margin as a share of it (price: 1000, margin: 30%)"),
])
def it_locates_amounts_that_read_two_ways_and_margins_above_100_percent(make_plan, plan_from, overrides, expected):
    """The plan's locale decides the separator; the error has file:line:column and the key path."""
    from plangen.model.errors import PlanError
    with pytest.raises(PlanError) as e:
        plan_from(make_plan(**overrides))
    assert expected in str(e.value) and "test.yaml:" in str(e.value)
