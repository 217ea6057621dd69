"""Localised formatting: exact strings per locale, and displayed parts that add up."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from babel.numbers import parse_decimal
from hypothesis import given
from hypothesis import strategies as st

from plangen.present.fmt import Formatter

NB = "\u00a0"  # CLDR's no-break space in es amounts and percentages
UNITS = ["万", "亿", "k", "M", None]
LOCALES = ["zh-CN", "en", "es"]
CURRENCY = {"zh-CN": "CNY", "en": "USD", "es": "EUR"}


def fmt(locale: str, unit: str | None = None, currency: str | None = None) -> Formatter:
    """A formatter for the locale with its usual currency unless given."""
    return Formatter.for_plan(locale, currency or CURRENCY[locale], unit)


@pytest.mark.parametrize(
    ("locale", "unit", "value", "expected"),
    [
        ("zh-CN", "万", 20_000_000, "2,000万"),
        ("zh-CN", "万", -20_000_000, "-2,000万"),
        ("zh-CN", "万", 0, "0万"),
        ("zh-CN", "万", 35_000, "4万"),
        ("zh-CN", "万", 25_000, "3万"),
        ("zh-CN", "万", -25_000, "-3万"),
        ("zh-CN", "万", -4_999, "0万"),
        ("zh-CN", "亿", 120_000_000, "1.2亿"),
        ("zh-CN", "亿", 125_000_000, "1.25亿"),
        ("zh-CN", "亿", 100_000_000, "1亿"),
        ("zh-CN", "亿", 123_456_789, "1.23亿"),
        ("zh-CN", "亿", 124_999_999, "1.25亿"),
        ("zh-CN", "亿", 20_000_000, "0.2亿"),
        ("zh-CN", "亿", -125_000_000, "-1.25亿"),
        ("zh-CN", "亿", 123_400_000_000, "1,234亿"),
        ("zh-CN", "亿", 0, "0亿"),
        ("zh-CN", None, 20_000_000, "20,000,000"),
        ("zh-CN", "none", -1, "-1"),
        ("en", "M", 20_000_000, "20.0M"),
        ("en", "M", 20_050_000, "20.1M"),
        ("en", "M", -20_050_000, "-20.1M"),
        ("en", "M", 1_234_567_890, "1,234.6M"),
        ("en", "M", 0, "0.0M"),
        ("en", "k", 2_000_000, "2,000k"),
        ("en", "k", 500, "1k"),
        ("en", "k", -499, "0k"),
        ("en", None, 7_000_000, "7,000,000"),
        ("es", "M", 20_000_000, f"20,0{NB}M"),
        ("es", "M", -1_250_000, f"-1,3{NB}M"),
        ("es", "k", 2_000_000, f"2.000{NB}k"),
        ("es", None, 2_000_000, "2.000.000"),
        ("es", None, 0, "0"),
    ],
)
def test_amount(locale: str, unit: str | None, value: int, expected: str) -> None:
    """Amounts in the display unit, rounded half away from zero."""
    assert fmt(locale, unit).amount(value) == expected


@pytest.mark.parametrize(
    ("locale", "currency", "unit", "value", "expected"),
    [
        ("zh-CN", "CNY", "万", 20_000_000, "2,000万元"),
        ("zh-CN", "CNY", "万", -20_000_000, "-2,000万元"),
        ("zh-CN", "CNY", "亿", 120_000_000, "1.2亿元"),
        ("zh-CN", "CNY", None, 20_000_000, "20,000,000元"),
        ("zh-CN", "USD", "万", 20_000_000, "US$2,000万"),
        ("en", "USD", "M", 20_000_000, "$20.0M"),
        ("en", "USD", "M", -20_000_000, "-$20.0M"),
        ("en", "CNY", "M", 20_000_000, "CN¥20.0M"),
        ("en", "EUR", "k", 2_000_000, "€2,000k"),
        ("es", "EUR", "M", 20_000_000, f"20,0{NB}M{NB}€"),
        ("es", "EUR", "M", -20_000_000, f"-20,0{NB}M{NB}€"),
        ("es", "USD", "M", 20_000_000, f"20,0{NB}M{NB}US$"),
        ("es", "EUR", None, 2_000_000, f"2.000.000{NB}€"),
        ("en", "USD", "M", -1, "$0.0M"),
    ],
)
def test_money(locale: str, currency: str, unit: str | None, value: int, expected: str) -> None:
    """Amounts with the currency as the locale writes it (元 for CNY in zh-CN)."""
    assert fmt(locale, unit, currency).money(value) == expected


@pytest.mark.parametrize(
    ("locale", "unit", "value", "expected"),
    [
        ("zh-CN", "万", 20_000_000, 2000.0),
        ("zh-CN", "亿", 125_000_000, 1.25),
        ("zh-CN", "亿", 123_456_789, 1.23),
        ("en", "M", 20_050_000, 20.1),
        ("en", "k", -2_000_499, -2000.0),
        ("es", None, 1234, 1234.0),
    ],
)
def test_scaled(locale: str, unit: str | None, value: int, expected: float) -> None:
    """Chart values are in display units at display precision."""
    assert fmt(locale, unit).scaled(value) == expected


@pytest.mark.parametrize(
    ("locale", "unit", "expected"),
    [
        ("zh-CN", "万", '#,##0"万"'),
        ("zh-CN", "亿", 'General"亿"'),
        ("zh-CN", None, "#,##0"),
        ("en", "M", '#,##0.0"M"'),
        ("en", "k", '#,##0"k"'),
        ("es", "M", f'#,##0.0"{NB}M"'),
        ("es", None, "#,##0"),
    ],
)
def test_excel_format(locale: str, unit: str | None, expected: str) -> None:
    """Excel number formats for chart data labels."""
    assert fmt(locale, unit).excel_format() == expected


@pytest.mark.parametrize(
    ("locale", "currency", "unit", "unit_label", "header"),
    [
        ("zh-CN", "CNY", "万", "万元", "目标（万元）"),
        ("zh-CN", "CNY", "亿", "亿元", "目标（亿元）"),
        ("zh-CN", "CNY", None, "元", "目标（元）"),
        ("zh-CN", "USD", "万", "万美元", "目标（万美元）"),
        ("en", "USD", "k", "k USD", "Target (k USD)"),
        ("en", "USD", None, "USD", "Target (USD)"),
        ("es", "EUR", "M", "M EUR", "Objetivo (M EUR)"),
    ],
)
def test_unit_label_and_header(locale: str, currency: str, unit: str | None, unit_label: str, header: str) -> None:
    """Table headers carry the unit, with full-width parentheses in Chinese."""
    f = fmt(locale, unit, currency)
    label = {"zh-CN": "目标", "en": "Target", "es": "Objetivo"}[locale]
    assert (f.unit_label(), f.header(label)) == (unit_label, header)


@pytest.mark.parametrize(
    ("locale", "x", "digits", "expected"),
    [
        ("en", 1234.5, 1, "1,234.5"),
        ("es", 1234.5, 1, "1.234,5"),
        ("zh-CN", 0.125, 2, "0.13"),
        ("en", -2.5, 0, "-3"),
        ("en", 1234, 0, "1,234"),
        ("es", Decimal("0.05"), 2, "0,05"),
    ],
)
def test_number(locale: str, x: float, digits: int, expected: str) -> None:
    """Plain numbers with exactly `digits` decimals."""
    assert fmt(locale).number(x, digits) == expected


@pytest.mark.parametrize(
    ("locale", "x", "digits", "expected"),
    [
        ("zh-CN", 0.2, 0, "20%"),
        ("en", 0.2, 0, "20%"),
        ("es", 0.2, 0, f"20{NB}%"),
        ("en", 0.1234, 1, "12.3%"),
        ("es", 0.125, 1, f"12,5{NB}%"),
        ("en", 0.005, 0, "1%"),
        ("en", -0.05, 0, "-5%"),
        ("zh-CN", 0, 0, "0%"),
        ("zh-CN", 1.2, 0, "120%"),
    ],
)
def test_percent(locale: str, x: float, digits: int, expected: str) -> None:
    """Percentages as Babel's locale data writes them."""
    assert fmt(locale).percent(x, digits) == expected


@pytest.mark.parametrize(
    ("locale", "n", "expected"),
    [
        ("zh-CN", 1234, "1,234"),
        ("en", 1_234_567, "1,234,567"),
        ("es", 1234, "1.234"),  # Babel 2.18 groups 4-digit numbers in es too
        ("es", 12345, "12.345"),
        ("es", -1234, "-1.234"),
        ("es", 0, "0"),
    ],
)
def test_count(locale: str, n: int, expected: str) -> None:
    """Counts with the locale's grouping."""
    assert fmt(locale).count(n) == expected


@pytest.mark.parametrize(
    ("locale", "words", "expected"),
    [
        ("en", ["A", "B", "C", "D"], "A, B, C, and D"),
        ("en", ["A", "B", "C", "D", "E"], "A, B, C, and 2 more"),
        ("es", ["A", "B", "C", "D", "E", "F"], "A, B, C y 3 más"),
        ("zh-CN", ["甲", "乙", "丙", "丁", "戊"], "甲、乙、丙和其他2人"),
        ("en", [], ""),
    ],
)
def test_join_few_names_three_and_counts_the_rest_when_naming_all_would_name_five_or_more(
        locale: str, words: list[str], expected: str) -> None:
    """Four names are listed; from five on, the first three and the count of the others."""
    assert fmt(locale).join_few(words) == expected


CALENDAR = {
    "zh-CN": {
        "date": "2027年6月10日", "month": "2027年7月", "month_short": "7月", "september": "9月",
        "quarter": "Q3", "quarter_long": "第三季度", "week": "第5周", "week23": "第23周",
        "week_long": "2027年第5周", "thirds": ["上旬", "中旬", "下旬"],
    },
    "en": {
        "date": "10 Jun 2027", "month": "Jul 2027", "month_short": "Jul", "september": "Sep",
        "quarter": "Q3", "quarter_long": "Q3", "week": "W05", "week23": "W23",
        "week_long": "2027-W05", "thirds": ["early", "mid", "late"],
    },
    "es": {
        "date": "10 jun 2027", "month": "jul 2027", "month_short": "jul", "september": "sept",
        "quarter": "T3", "quarter_long": "3.er trimestre", "week": "S05", "week23": "S23",
        "week_long": "2027-S05", "thirds": ["primera decena", "segunda decena", "tercera decena"],
    },
}


@pytest.mark.parametrize("locale", LOCALES)
def test_calendar_words(locale: str) -> None:
    """Dates, months, quarters, weeks and thirds of a month per locale."""
    f = fmt(locale)
    got = {
        "date": f.date(date(2027, 6, 10)), "month": f.month(2027, 7), "month_short": f.month_short(7),
        "september": f.month_short(9), "quarter": f.quarter(3), "quarter_long": f.quarter_long(3),
        "week": f.week(2027, 5), "week23": f.week(2027, 23), "week_long": f.week_long(2027, 5),
        "thirds": [f.third(i) for i in (1, 2, 3)],
    }
    assert got == CALENDAR[locale]


def test_quarter_one() -> None:
    """The first quarter's long names."""
    assert [fmt(loc).quarter_long(1) for loc in LOCALES] == ["第一季度", "Q1", "1.er trimestre"]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: Formatter.for_plan("fr", "EUR", "M"), "locale"),
        (lambda: Formatter.for_plan("en", "USD", "B"), "display_unit"),
        (lambda: fmt("en").third(4), "thirds"),
    ],
)
def test_errors(call, message: str) -> None:
    """Unknown locales, units and thirds are refused."""
    with pytest.raises(ValueError, match=message):
        call()


@pytest.mark.parametrize(
    ("locale", "unit", "values", "total", "expected"),
    [
        ("zh-CN", "万", [15_000, 15_000, 15_000], 45_000, ["2万", "2万", "1万"]),
        ("zh-CN", "万", [-15_000, -15_000, -15_000], -45_000, ["-2万", "-2万", "-1万"]),
        ("zh-CN", "亿", [33_333_333, 33_333_333, 33_333_334], 100_000_000, ["0.33亿", "0.33亿", "0.34亿"]),
        ("en", "M", [333_333, 333_333, 333_334], 1_000_000, ["0.3M", "0.3M", "0.4M"]),
        ("es", None, [1, 2, 3], 6, ["1", "2", "3"]),
        ("en", "k", [], 0, []),
        ("en", "k", [1_600, -600], 1_000, ["2k", "-1k"]),  # mixed signs: rounded one by one
    ],
)
def test_display_parts(locale: str, unit: str | None, values: list[int], total: int, expected: list[str]) -> None:
    """Parts re-apportioned at display precision add up to the shown total."""
    assert fmt(locale, unit).display_parts(values, total) == expected


def _parse(f: Formatter, text: str) -> Decimal:
    """A displayed amount read back as a number in display units."""
    number = text.replace(f.unit.symbol, "").strip(NB + " ") if f.unit.symbol else text
    babel_id = {"zh-CN": "zh_Hans_CN", "en": "en", "es": "es"}[f.locale]
    return parse_decimal(number, locale=babel_id)


@given(
    locale=st.sampled_from(LOCALES),
    unit=st.sampled_from(UNITS),
    parts=st.lists(st.integers(min_value=0, max_value=10**11), min_size=1, max_size=12),
    negative=st.booleans(),
)
def test_displayed_parts_add_up(locale: str, unit: str | None, parts: list[int], negative: bool) -> None:
    """For any non-negative (or non-positive) parts, the shown parts sum to the shown total."""
    values = [-p for p in parts] if negative else parts
    f = fmt(locale, unit)
    total = sum(values)
    shown = f.display_parts(values, total)
    assert sum(_parse(f, s) for s in shown) == _parse(f, f.amount(total))
    for v, d in zip(values, f.display_values(values, total)):
        assert abs(d - v) < 2 * f.unit.quantum


@pytest.mark.parametrize("babel_id", ["en", "es_ES", "zh_Hans_CN", "zh_Hant_TW"])
def test_it_writes_rounded_numbers_as_babel_does_without_babel(babel_id: str) -> None:
    """2,000 numbers per locale, whole and with up to 3 decimals, either sign: 1234567.5 with 0..3
    decimals is "1,234,567.5" (en) and "1.234.567,5" (es), the same text Babel's pattern gives."""
    import random
    from decimal import Decimal

    from babel.numbers import format_decimal

    from plangen.present.fmt import _babel, _plain_decimal, _plain_symbols, _with_fraction
    rng, loc, symbols = random.Random(17), _babel(babel_id), _plain_symbols(babel_id)
    assert symbols is not None
    for _ in range(2000):
        hi = rng.randint(0, 3)
        lo = rng.randint(0, hi)
        value = Decimal(rng.randint(-10**rng.randint(0, 12), 10**rng.randint(0, 12))).scaleb(-rng.randint(0, hi))
        pattern = _with_fraction(loc.decimal_formats[None].pattern, lo, hi)
        assert _plain_decimal(value, lo, hi, symbols) == format_decimal(value, format=pattern, locale=loc)


@pytest.mark.parametrize("value,factor,digits,shown", [
    (25_000, 10_000, 0, "3"), (-25_000, 10_000, 0, "-3"), (24_999, 10_000, 0, "2"),
    (125_000_000, 10**8, 2, "1.25"), (3_950_000, 10**6, 1, "4.0"), (0, 10**4, 0, "0"), (-4_999, 10**4, 0, "0"),
])
def test_it_rounds_an_amount_to_the_display_unit_half_away_from_zero_in_integers(value, factor, digits, shown):
    """2.5万 shows as 3万 and -2.5万 as -3万 (halves away from zero); 3.95M at 1 decimal is 4.0M;
    -0.4999万 is 0, never -0: the same as rounding the exact fraction."""
    from fractions import Fraction

    from plangen.present.fmt import _rounded, _rounded_ratio
    assert _rounded_ratio(value, factor, digits) == _rounded(Fraction(value, factor), digits)
    assert str(_rounded_ratio(value, factor, digits)) == shown


@pytest.mark.parametrize("locale", ["zh-CN", "en", "es", "zh-TW", "es-MX"])
def it_writes_a_whole_number_ratio_as_percent_writes_its_fraction(locale: str) -> None:
    """percent_of(p, q) == percent(Fraction(p, q)): 1/8 at 1 digit is 12.5%, 1/3 is 33.3%, 5/1000 at 0
    digits is 1% (0.5 rounds away from zero); and every p of 0..1,000 over 1,000 and 10,000, 0-2 digits."""
    from fractions import Fraction
    f = Formatter.for_plan(locale, "USD", None)
    assert f.percent_of(1, 8, 1) == f.percent(Fraction(1, 8), 1)
    assert f.percent_of(5, 1000, 0) == f.percent(Fraction(5, 1000), 0)
    for whole in (1000, 10000, 7):
        for part in range(0, 1001, 7):
            for digits in (0, 1, 2):
                assert f.percent_of(part, whole, digits) == f.percent(Fraction(part, whole), digits)


@pytest.mark.parametrize("locale,unit", [("zh-CN", "万"), ("en", "k"), ("es", "M"), ("zh-TW", "萬"), ("es-MX", None)])
def it_writes_amounts_and_counts_in_integers_as_babel_writes_their_decimals(locale: str, unit: str | None) -> None:
    """figure, amount, money and count by the integer path (_plain_digits, cached) equal Babel's
    format_decimal of the same rounded Decimal, at the unit's decimals and at 3 (precise_for): 12,345 in k
    at 1 decimal is 12.3 (12.345 rounds down); negatives, zero, halves and big values."""
    from decimal import Decimal

    from babel.numbers import format_decimal

    from plangen.present.fmt import _babel, _with_fraction
    plain = Formatter.for_plan(locale, "USD", unit)
    for f in (plain, plain.precise_for(1)):
        u, loc = f.unit, _babel(f._spec.babel_id)
        pattern = _with_fraction(loc.decimal_formats[None].pattern, u.min_frac, u.max_frac)
        whole = _with_fraction(loc.decimal_formats[None].pattern, 0, 3)
        for v in (0, 1, -1, 49, 50, 12_345, -12_345, 999_999, 10**12 + 5, -7 * 10**9, 123_456_789):
            assert f.figure(v) == format_decimal(f._shown(v), format=pattern, locale=loc)
            assert f.amount(v).startswith(f.figure(v))
            assert f.count(v) == format_decimal(Decimal(v), format=whole, locale=loc)
