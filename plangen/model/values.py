"""Parsing of the values people write: amounts with 万/亿/k/M, percentages, ranges, months."""
from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction

from ..errors import EXIT_INVALID, PlangenError
from ..locales import LOCALES

SUFFIXES = {
    "亿": 10**8, "万": 10**4, "千": 10**3, "百万": 10**6, "千万": 10**7,
    "億": 10**8, "萬": 10**4, "百萬": 10**6, "千萬": 10**7,   # Traditional characters (zh-TW)
    "k": 10**3, "K": 10**3, "m": 10**6, "M": 10**6, "mm": 10**6, "MM": 10**6,
    "b": 10**9, "B": 10**9, "bn": 10**9, "w": 10**4, "W": 10**4,
}
CURRENCY_MARKS = "¥￥$€元"
MAX_AMOUNT = 10**18   # larger amounts are typing mistakes, and lose precision in JSON and Excel
MAX_DIGITS = 18       # numbers (weights, percentages) between 1e-18 and 1e18 in size
_NUMBER = re.compile(r"^([+-]?\d+(?:[.,]\d+)*)\s*(百万|千万|百萬|千萬|亿|万|億|萬|千|mm|MM|bn|[kKmMbBwW])?$")


class ValueProblem(PlangenError, ValueError):
    """A value that does not parse; the message says what was expected and what was found."""

    exit_code = EXIT_INVALID


def _decimal(text: str) -> Decimal:
    """A decimal number with optional thousands separators (7,000,000 or 3.5)."""
    if re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?", text):
        text = text.replace(",", "")
    elif re.fullmatch(r"[+-]?\d{1,3}(\.\d{3}){2,}(,\d+)?", text):  # 7.000.000 (es)
        text = text.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"[+-]?\d+,\d{1,2}", text):  # 1,5 (decimal comma)
        text = text.replace(",", ".")
    elif "," in text:
        raise InvalidOperation(text)
    return Decimal(text)


def found(value: object) -> str:
    """How a found value is shown in a message (long values shortened, so a message stays one line)."""
    if value is None:
        return "nothing (an empty value)"
    shown = repr(value[:1000]) if isinstance(value, str) and len(value) > 1000 else repr(value)
    if len(shown) > 80:
        shown = shown[:60] + f"... ({len(shown):,} characters)"
    return shown if isinstance(value, str) else f"{shown} ({type(value).__name__})"


def _sized(number: Decimal, value: object, what: str) -> Decimal:
    """`number` when it is finite and of sensible size; a ValueProblem naming `what` otherwise."""
    if not number.is_finite():
        raise ValueProblem(f"expected {what}, found {found(value)}")
    if number and not -MAX_DIGITS <= number.adjusted() <= MAX_DIGITS:
        raise ValueProblem(f"expected a number from 1e-{MAX_DIGITS} to 1e{MAX_DIGITS} in size, "
                           f"found {found(value)}")
    return number


def parse_amount(value: object, locale: str | None = None) -> int:
    """An amount in whole currency units from 1亿, 2000万, 3.5万, 1.2M, 500k, 7,000,000 or a number.

    With the plan's `locale`, a number whose reading depends on the decimal separator (2.400M
    under es, 1,5M under en) is refused with both readings.
    """
    if isinstance(value, bool) or value is None:
        raise ValueProblem(f"expected an amount such as 2000万, 1.2M or 500000, found {found(value)}")
    if isinstance(value, int):
        return _bounded(value, value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueProblem(f"expected an amount such as 2000万, 1.2M or 500000, found {found(value)}")
        return _bounded(_whole(Decimal(str(value)), value), value)
    text = str(value).strip().strip(CURRENCY_MARKS).strip().replace(" ", "")
    m = _NUMBER.match(text)
    try:
        if not m:
            raise InvalidOperation(text)
        _unambiguous(m.group(1), m.group(2) or "", locale, value)
        number = _decimal(m.group(1)) * SUFFIXES.get(m.group(2) or "", 1)
    except InvalidOperation:
        raise ValueProblem(f"expected an amount such as 2000万, 1.2M or 500000, found {found(value)}") from None
    return _bounded(_whole(number, value), value)


def _unambiguous(number: str, suffix: str, locale: str | None, value: object) -> None:
    """Refuse 2.400 / 1,500 under es and es-ES (decimal comma) and 1,5 under en, es-MX and zh-CN (decimal point)."""
    comma = locale in LOCALES and LOCALES[locale].dot_groups_thousands
    pattern = r"[+-]?\d{1,3}[.,]\d{3}" if comma else r"[+-]?\d+,\d{1,2}"
    if locale is None or not re.fullmatch(pattern, number):
        return
    sep = "comma" if "," in number else "point"
    as_decimal = number.replace(",", ".") + suffix
    as_thousands = number.replace(",", "").replace(".", "") + suffix
    raise ValueProblem(f"{found(value)} reads {as_decimal} with a decimal {sep} or {as_thousands} with a "
                       f"thousands {sep}; expected an amount that reads one way: write {as_decimal} or {as_thousands}")


def _whole(number: Decimal, value: object) -> int:
    """A decimal amount rounded half up to whole units; sizes that would be slow to convert are refused."""
    if number and number.adjusted() > MAX_DIGITS + 1:
        raise ValueProblem(f"expected an amount of at most {MAX_AMOUNT:,}, found {found(value)}")
    return int(number.to_integral_value(ROUND_HALF_UP))


def _bounded(amount: int, value: object) -> int:
    """The amount when its size is at most MAX_AMOUNT."""
    if abs(amount) > MAX_AMOUNT:
        raise ValueProblem(f"expected an amount of at most {MAX_AMOUNT:,}, found {found(value)}")
    return amount


def parse_percent(value: object) -> Fraction:
    """A share as an exact fraction from '20%' or 0.2."""
    if isinstance(value, bool) or value is None:
        raise ValueProblem(f"expected a percentage such as 20% or 0.2, found {found(value)}")
    what = "a percentage such as 20% or 0.2"
    text = str(value).strip().replace(" ", "").replace("％", "%")
    try:
        if text.endswith("%"):
            return Fraction(str(_sized(Decimal(text[:-1]), value, what))) / 100
        return Fraction(str(_sized(Decimal(text), value, what)))
    except ValueProblem:
        raise
    except (InvalidOperation, ValueError):
        raise ValueProblem(f"expected a percentage such as 20% or 0.2, found {found(value)}") from None


def parse_number(value: object) -> Fraction:
    """A plain non-amount number (a weight, a ratio) as an exact fraction."""
    if isinstance(value, bool) or value is None:
        raise ValueProblem(f"expected a number, found {found(value)}")
    try:
        return Fraction(str(_sized(Decimal(str(value).strip()), value, "a number")))
    except ValueProblem:
        raise
    except (InvalidOperation, ValueError):
        raise ValueProblem(f"expected a number, found {found(value)}") from None


def parse_range(value: object, parse=parse_amount) -> tuple[int, int]:
    """A range `20~25` or `20-25` (low = commitment, high = stretch), or one value."""
    if isinstance(value, str):
        parts = re.split(r"\s*(?:~|～|(?<=\d)\s*-\s*(?=\d)|至|to)\s*", value.strip())
        if len(parts) == 2:
            low, high = parse(parts[0]), parse(parts[1])
            if low > high:
                raise ValueProblem(f"expected a range low~high with low <= high, found {found(value)}")
            return low, high
    one = parse(value)
    return one, one


def parse_month(value: object) -> tuple[int, int | None]:
    """A month as (year, month) from '2027-07' or a bare 1..12 (year None)."""
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 12:
        return (0, value)
    if isinstance(value, dt.date):
        return (value.year, value.month)
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", str(value).strip())
    if m and 1 <= int(m.group(2)) <= 12:
        return (int(m.group(1)), int(m.group(2)))
    raise ValueProblem(f"expected a month such as 2027-07 or 7, found {found(value)}")


def parse_date(value: object) -> dt.date:
    """An ISO date (2027-06-10)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueProblem(f"expected an ISO date such as 2027-06-10, found {found(value)}") from None


_EVERY = re.compile(r"^(\d+)?\s*(day|week|month|quarter|year)s?$")
_EVERY_WORDS = {
    "daily": (1, "day"), "weekly": (1, "week"), "biweekly": (2, "week"), "monthly": (1, "month"),
    "bimonthly": (2, "month"), "quarterly": (1, "quarter"), "yearly": (1, "year"), "annually": (1, "year"),
    "每天": (1, "day"), "每周": (1, "week"), "每月": (1, "month"), "每季度": (1, "quarter"), "每年": (1, "year"),
}


def parse_every(value: object) -> Fraction:
    """A visit frequency ('1 month', '2 weeks', 'quarterly') as visits per month."""
    text = str(value).strip().lower()
    n, unit = _EVERY_WORDS.get(text, (None, None))
    if unit is None:
        m = _EVERY.match(text)
        if not m or (m.group(1) and int(m.group(1)) == 0):
            raise ValueProblem(f"expected a frequency such as '1 month', '2 weeks' or 'quarterly', found {found(value)}")
        n, unit = int(m.group(1) or 1), m.group(2)
    per_month = {"day": Fraction(365, 12) * Fraction(5, 7), "week": Fraction(52, 12), "month": Fraction(1),
                 "quarter": Fraction(1, 3), "year": Fraction(1, 12)}[unit]
    return per_month / n
