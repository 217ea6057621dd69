"""Localised numbers, amounts, dates and period names for tables, Word and PowerPoint.

Babel (CLDR) supplies every pattern, symbol and name; this module only picks them.
Amounts arrive as exact ints in currency units and are rounded exactly, half away
from zero, at the display precision of the plan's `display_unit`:

| unit | factor | decimals shown                     | zh-CN      | en      | es        |
|------|--------|------------------------------------|------------|---------|-----------|
| 万   | 10^4   | 0                                  | 2,000万    | 2,000万 | 2.000 万  |
| 亿   | 10^8   | up to 2, trailing zeros stripped   | 1.25亿     | 1.25亿  | 1,25 亿   |
| k    | 10^3   | 0                                  | 2,000k     | 2,000k  | 2.000 k   |
| M    | 10^6   | exactly 1                          | 20.0M      | 20.0M   | 20,0 M    |
| none | 1      | 0                                  | 20,000,000 | ...     | 2.000.000 |

The unit symbol is the plan's `display_unit` as written; the gap between number and
symbol is the one in the locale's CLDR compact pattern of the same magnitude
(none in zh-CN and en, a no-break space in es).

Headlines (cover, summaries, slide titles) say an amount in the reader's magnitude instead,
whatever the display unit: `Formatter.headline` gives 1亿元, $3.85M, 6,8 M€, $18.5 M (es-MX).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date as Date
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

from babel import Locale
from babel.lists import format_list
from babel.dates import format_date, format_skeleton, get_month_names, get_quarter_names
from babel.numbers import (
    format_decimal,
    format_percent,
    get_currency_name,
    get_currency_symbol,
    get_decimal_symbol,
    get_group_symbol,
    get_minus_sign_symbol,
)

from plangen.decompose.allocate import largest_remainder
from plangen.locales import Locale as PlanLocale
from plangen.locales import locale as plan_locale
from plangen.present.labels import Labels, labels

Real = int | float | Decimal | Fraction


@dataclass(frozen=True)
class DisplayUnit:
    """A display unit: its symbol, size in currency units and decimals shown."""

    symbol: str
    factor: int
    min_frac: int
    max_frac: int

    @property
    def quantum(self) -> int:
        """The smallest displayed step, in currency units."""
        return self.factor // 10**self.max_frac


_UNITS: dict[str, DisplayUnit] = {
    "万": DisplayUnit("万", 10**4, 0, 0),
    "亿": DisplayUnit("亿", 10**8, 0, 2),
    "萬": DisplayUnit("萬", 10**4, 0, 0),   # the same units in Traditional characters (zh-TW)
    "億": DisplayUnit("億", 10**8, 0, 2),
    "k": DisplayUnit("k", 10**3, 0, 0),
    "M": DisplayUnit("M", 10**6, 1, 1),
    "": DisplayUnit("", 1, 0, 0),
}

# CLDR has no "元" for CNY (its zh symbol is "¥"); Chinese plans write amounts as 万元.
_YUAN = "元"


@lru_cache(maxsize=None)
def _babel(babel_id: str) -> Locale:
    """The Babel locale for an id such as "zh_Hans_CN"."""
    return Locale.parse(babel_id)


def _half_away(x: Fraction) -> int:
    """`x` rounded to an integer, halves away from zero."""
    q, r = divmod(abs(x.numerator), x.denominator)
    n = q + (2 * r >= x.denominator)
    return -n if x < 0 else n


def signed_parts(values: Sequence[int], shown_total: int, q: int) -> list[int]:
    """Parts of any sign in whole quanta `q` adding up to `shown_total` quanta: floors, then the
    spare quanta to the largest fractional parts (earlier first on ties)."""
    floors = [v // q for v in values]
    spare = shown_total - sum(floors)
    order = sorted(range(len(values)), key=lambda i: (-(values[i] - floors[i] * q), i))
    bump = set(order[:max(0, spare)])
    return [(f + (i in bump)) * q for i, f in enumerate(floors)]


def _exact(x: Real) -> Fraction:
    """`x` as an exact fraction (floats via their shortest decimal form)."""
    return Fraction(str(x)) if isinstance(x, float) else Fraction(x)


def _rounded(x: Fraction, digits: int) -> Decimal:
    """`x` rounded half away from zero to `digits` decimals, never negative zero."""
    return Decimal(_half_away(x * 10**digits)).scaleb(-digits)


def _ratio_digits(value: int, factor: int, digits: int) -> int:
    """`value / factor` rounded half away from zero to `digits` decimals, counted in 10**-digits."""
    q, r = divmod(abs(value) * 10**digits, factor)
    n = q + (2 * r >= factor)
    return -n if value < 0 else n


def _rounded_ratio(value: int, factor: int, digits: int) -> Decimal:
    """`value / factor` rounded half away from zero to `digits` decimals, in integers (as _rounded)."""
    return Decimal(_ratio_digits(value, factor, digits)).scaleb(-digits)


def _with_fraction(pattern: str, min_frac: int, max_frac: int) -> str:
    """A CLDR number pattern with its fraction part set to min..max digits."""
    frac = ("." + "0" * min_frac + "#" * (max_frac - min_frac)) if max_frac else ""
    return re.sub(r"([#,]*0+)(\.[0#]+)?", lambda m: m.group(1) + frac, pattern, count=1)


@lru_cache(maxsize=None)
def _plain_symbols(babel_id: str) -> tuple[str, str, str] | None:
    """(group, decimal, minus) when the locale's decimal pattern is plain `#,##0.###` (threes, no
    affixes but the minus), so a rounded number can be written without Babel; else None."""
    loc = _babel(babel_id)
    p = loc.decimal_formats[None]
    if p.grouping != (3, 3) or p.prefix != ("", "-") or p.suffix != ("", "") or p.int_prec[0] != 1:
        return None
    return get_group_symbol(loc), get_decimal_symbol(loc), get_minus_sign_symbol(loc)


def _plain_decimal(value: Decimal, min_frac: int, max_frac: int, symbols: tuple[str, str, str]) -> str | None:
    """What Babel writes for a number already rounded to `max_frac` decimals, in integer arithmetic
    (a table's 400 figures cost Babel's pattern machinery 400 times); None when not rounded yet."""
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int) or exponent < -max_frac:
        return None
    return _plain_digits(int(value.scaleb(max_frac)), min_frac, max_frac, symbols)


@lru_cache(maxsize=16384)
def _plain_digits(n: int, min_frac: int, max_frac: int, symbols: tuple[str, str, str]) -> str:
    """_plain_decimal of `n` * 10**-max_frac, once per value: a batch's tables show the same rounded
    figures again and again."""
    group, point, minus = symbols
    whole, frac = divmod(abs(n), 10**max_frac)
    digits = f"{frac:0{max_frac}d}".rstrip("0").ljust(min_frac, "0") if max_frac else ""
    text = f"{whole:,}".replace(",", group) + (point + digits if digits else "")
    return minus + text if n < 0 else text


@lru_cache(maxsize=256)
def _money_affixes(babel_id: str, currency: str, yuan: bool, negative: bool) -> tuple[str, str]:
    """Prefix and suffix around an amount, with the locale's minus sign and currency symbol (once per
    locale, currency and sign: Babel looks them up for every amount otherwise)."""
    loc = _babel(babel_id)
    if yuan:
        prefix, suffix = ("-" if negative else ""), _YUAN
    else:
        pattern = loc.currency_formats["standard"]
        prefix, suffix = pattern.prefix[negative], pattern.suffix[negative]
    minus, symbol = get_minus_sign_symbol(loc), get_currency_symbol(currency, loc)
    return prefix.replace("-", minus).replace("¤", symbol), suffix.replace("-", minus).replace("¤", symbol)


@lru_cache(maxsize=256)
def _join(babel_id: str, words: tuple[str, ...]) -> str:
    """Babel's list of `words`, once per list: every rep of a region who carries for ramping colleagues
    names the same colleagues (at 100,000 reps, some 1,400 of them; Babel joins them pairwise)."""
    return format_list(list(words), locale=_babel(babel_id))


@lru_cache(maxsize=4096)
def _percent(babel_id: str, shown: str, digits: int) -> str:
    """Babel's percentage of `shown` (a rounded ratio's exact text, so -0 and 0 stay apart), once per value."""
    loc = _babel(babel_id)
    return format_percent(Decimal(shown), format=_with_fraction(loc.percent_formats[None].pattern, digits, digits),
                          locale=loc)


@lru_cache(maxsize=64)
def _month_names(babel_id: str) -> dict[int, str]:
    """The locale's abbreviated month names, once per locale (a rep plan names some 50 months)."""
    return dict(get_month_names("abbreviated", "format", locale=_babel(babel_id)))


@lru_cache(maxsize=4096)
def _rate(f: "Formatter", x: Real) -> str:
    """Formatter.rate, once per formatter and value (its Fractions cost more than the rest of a table row)."""
    q = _exact(x)
    tenths = _rounded(q, 1)
    return f.number(q, 1 if abs(q) < 10 and tenths != tenths.to_integral_value() else 0)


def _unit_gap(babel_id: str, factor: int) -> str:
    """The space CLDR's short compact pattern puts between number and symbol at `factor`."""
    if factor == 1:
        return ""
    pattern = _babel(babel_id).compact_decimal_formats["short"]["other"][str(factor)]
    suffix = pattern.suffix[0]
    return suffix[: len(suffix) - len(suffix.lstrip())]


def _unit_for(display_unit: str | None) -> DisplayUnit:
    """The display unit named in a plan (None or "none" for plain currency units)."""
    key = "" if display_unit is None or display_unit.lower() == "none" else display_unit
    try:
        return _UNITS[key]
    except KeyError:
        raise ValueError(f"unknown display_unit {display_unit!r}; expected one of 万, 亿, 萬, 億, k, M, none") from None


@dataclass(frozen=True)
class Formatter:
    """Formats numbers, amounts, dates and period names for one plan's locale and unit."""

    locale: str
    currency: str
    unit: DisplayUnit
    words: Labels | None = field(default=None, compare=False)  # a company's labels; else plangen's

    @classmethod
    def for_plan(cls, locale: str, currency: str, display_unit: str | None, words: Labels | None = None) -> Formatter:
        """The formatter for a plan's `locale`, `currency` and `display_unit` (and labels, if not plangen's)."""
        plan_locale(locale)
        return cls(locale, currency.upper(), _unit_for(display_unit), words)

    @property
    def L(self) -> Labels:
        """The labels headers, weeks and month thirds are worded with."""
        return self.words or labels(self.locale)

    # -- helpers --------------------------------------------------------------------------

    @property
    def _spec(self) -> PlanLocale:
        """This locale's choices of Babel data (the registry in plangen.locales)."""
        return plan_locale(self.locale)

    @property
    def _loc(self) -> Locale:
        """This locale's Babel locale."""
        return _babel(self._spec.babel_id)

    def _decimal(self, value: Decimal, min_frac: int, max_frac: int) -> str:
        """A rounded decimal in the locale's decimal pattern with the given fraction digits."""
        symbols = _plain_symbols(self._spec.babel_id)
        text = _plain_decimal(value, min_frac, max_frac, symbols) if symbols else None
        if text is not None:
            return text
        pattern = _with_fraction(self._loc.decimal_formats[None].pattern, min_frac, max_frac)
        return format_decimal(value, format=pattern, locale=self._loc)

    def _shown(self, value: int) -> Decimal:
        """`value` in display units, rounded to display precision."""
        return _rounded_ratio(value, self.unit.factor, self.unit.max_frac)

    def _shown_text(self, value: int) -> str:
        """`value` in display units at display precision, without the unit: in integers when the
        locale's pattern is plain (_plain_digits), else through _decimal."""
        u, symbols = self.unit, _plain_symbols(self._spec.babel_id)
        if symbols:
            return _plain_digits(_ratio_digits(value, u.factor, u.max_frac), u.min_frac, u.max_frac, symbols)
        return self._decimal(self._shown(value), u.min_frac, u.max_frac)

    def _with_unit(self, value: int) -> str:
        """An amount at display precision followed by the unit symbol."""
        text = self._shown_text(value)
        if not self.unit.symbol:
            return text
        return text + _unit_gap(self._spec.babel_id, self.unit.factor) + self.unit.symbol

    def _yuan(self) -> bool:
        """Whether amounts are written with 元 (CNY in zh-CN, TWD in zh-TW)."""
        return self.currency == self._spec.home_currency

    def _money_affixes(self, negative: bool) -> tuple[str, str]:
        """Prefix and suffix around an amount: the locale's currency pattern, or 元."""
        return _money_affixes(self._spec.babel_id, self.currency, self._yuan(), negative)

    # -- amounts --------------------------------------------------------------------------

    def precise_for(self, smallest: int) -> Formatter:
        """This formatter with enough decimals that rounding moves `smallest` by at most ~10% (at most 3).

        design.md: when the display unit is coarser than the amounts, show enough decimals
        (a 3.9M half year in M shows its months as 0.48, not 0.5; 0.8M stays 0.8).
        """
        u = self.unit
        if smallest <= 0 or u.factor == 1:
            return self
        digits = u.max_frac
        while digits < 3 and Fraction(smallest, u.factor) * 10**digits < 5:
            digits += 1
        if digits == u.max_frac:
            return self
        unit = replace(u, min_frac=digits if u.min_frac else 0, max_frac=digits)
        return replace(self, unit=unit)

    def amount(self, value: int) -> str:
        """An amount in the display unit: "2,000万", "1.25亿", "20.0M", "20,0 M", "2.000.000"."""
        return self._with_unit(value)

    def figure(self, value: int) -> str:
        """An amount in the display unit without its symbol, for a table whose header names the unit."""
        return self._shown_text(value)

    def money(self, value: int) -> str:
        """An amount with its currency: "2,000万元" (zh-CN CNY), "$20.0M" (en), "20,0 M €" (es).

        zh-CN writes CNY as 元 after the unit (CLDR has only ¥); every other case places
        Babel's currency symbol where the locale's currency pattern puts it
        ("US$2,000万", "CN¥20.0M", "20,0 M US$").
        """
        negative = _ratio_digits(value, self.unit.factor, self.unit.max_frac) < 0
        prefix, suffix = self._money_affixes(negative)
        return prefix + self._with_unit(abs(value)) + suffix

    def headline(self, value: int) -> str:
        """An amount as a headline says it: "1亿元", "1.25亿元", "$3.85M", "6,8 M€", "$18.5 M" (es-MX).

        From 1亿 (zh) or a million (others) up: CLDR's short compact form at three significant digits
        (never fewer than the whole part), trailing zeros dropped, with the currency as `money` places it;
        smaller amounts as `money` (5,000万元, $850k). Detail tables keep the display unit.
        """
        compact = self._compact(abs(value))
        if compact is None:
            return self.money(value)
        prefix, suffix = self._money_affixes(value < 0)
        if self._spec.headline_glue:
            suffix = suffix.lstrip()
        return prefix + compact + suffix

    def _compact(self, value: int) -> str | None:
        """`value` (>= 0) in CLDR's short compact pattern ("1.25亿", "3.85M", "6,8 M"); None below 1亿 / 1M."""
        if value < (10**8 if self._spec.east_asian else 10**6):
            return None
        formats = self._loc.compact_decimal_formats["short"]["other"]
        magnitude = max(int(k) for k in formats if int(k) <= value)
        pattern = formats[str(magnitude)]
        divisor = magnitude // 10 ** (pattern.pattern.count("0") - 1)
        whole = len(str(value // divisor))
        digits = max(0, 3 - whole)
        text = self._decimal(_rounded(Fraction(value, divisor), digits), 0, digits)
        return pattern.prefix[0] + text + pattern.suffix[0]

    def scaled(self, value: int) -> float:
        """`value` in display units at display precision, for chart data (20000000 -> 2000.0 in 万)."""
        return float(self._shown(value))

    def excel_format(self) -> str:
        """An Excel number format showing chart labels as the tables do.

        Excel codes use "," and "." whatever the locale; the viewer's regional settings
        pick the separators shown, so es labels show a decimal comma only on es systems.
        亿 uses General so that 1.2 and 1.25 show as written (chart data comes from `scaled`).
        """
        u = self.unit
        number = "General" if u.min_frac != u.max_frac else _with_fraction("#,##0", u.min_frac, u.max_frac)
        if not u.symbol:
            return number
        return f'{number}"{_unit_gap(self._spec.babel_id, u.factor)}{u.symbol}"'

    def unit_label(self) -> str:
        """The unit for table headers: "万元", "万美元", "k USD", "M EUR", "USD"."""
        if self._spec.east_asian:
            return self.unit.symbol + self.currency_label()
        return f"{self.unit.symbol} {self.currency}".strip()

    def currency_label(self) -> str:
        """The currency alone, for prices in whole currency units: "元", "美元", "USD"."""
        if not self._spec.east_asian:
            return self.currency
        return _YUAN if self._yuan() else get_currency_name(self.currency, locale=self._loc)

    def header(self, label: str, unit: str | None = None) -> str:
        """A column header with the unit: "目标（万元）", "Target (k USD)", "单价（元）" (unit="元")."""
        return self.L["with_unit"].format(label=label, unit=unit or self.unit_label())

    def display_values(self, values: Sequence[int], total: int) -> list[int]:
        """Parts re-apportioned at display precision so they add up to the displayed `total`.

        Uses the largest-remainder method over the parts as weights. Parts of mixed sign
        (a forecast's differences) are floored and the shown total's spare quanta go to the
        largest fractional parts.
        """
        q = self.unit.quantum
        sign = -1 if sum(values) < 0 else 1
        weights = [sign * v for v in values]
        if any(w < 0 for w in weights) or sum(weights) == 0:
            return signed_parts(values, _half_away(Fraction(total, q)), q)
        shown_total = _half_away(Fraction(sign * total, q)) * q
        return [sign * p for p in largest_remainder(shown_total, weights, q)]

    def display_shares(self, values: Sequence[int | Fraction], digits: int = 1) -> list[str]:
        """Each value's share of their sum, shown so that the shares add up to 100% as displayed."""
        total = sum(values)
        if not total or any(v < 0 for v in values):
            return [self.percent(Fraction(v) / total if total else 0, digits) for v in values]
        scale = 10 ** (digits + 2)
        return [self.percent_of(p, scale, digits) for p in largest_remainder(scale, list(values))]

    def display_parts(self, values: Sequence[int], total: int) -> list[str]:
        """The parts of `total` as shown in a table: they add up to `amount(total)` (the total row)."""
        return [self.amount(v) for v in self.display_values(values, total)]

    def display_figures(self, values: Sequence[int], total: int) -> list[str]:
        """Like display_parts, without the unit symbol (the table header carries it)."""
        return [self.figure(v) for v in self.display_values(values, total)]

    # -- plain numbers ----------------------------------------------------------------------

    def number(self, x: Real, digits: int = 0) -> str:
        """A number with grouping and exactly `digits` decimals: "1,234.5" / "1.234,5"."""
        return self._decimal(_rounded(_exact(x), digits), digits, digits)

    def percent(self, x: Real, digits: int = 0) -> str:
        """A ratio as a percentage: 0.2 -> "20%" (zh-CN, en), "20 %" (es, no-break space)."""
        return _percent(self._spec.babel_id, str(_rounded(_exact(x) * 100, digits).scaleb(-2)), digits)

    def percent_of(self, part: int, whole: int, digits: int = 0) -> str:
        """percent(part / whole) for whole numbers (whole > 0), rounded in integers: no Fraction per share."""
        return _percent(self._spec.babel_id, str(_rounded_ratio(100 * part, whole, digits).scaleb(-2)), digits)

    def join(self, words: Sequence[str]) -> str:
        """Words as the locale lists them: "A、B和C", "A, B and C", "A, B y C"."""
        return _join(self._spec.babel_id, tuple(words)) if words else ""

    def join_few(self, words: Sequence[str], few: int = 3) -> str:
        """Words as the locale lists them, a longer list as its first `few` and the count of the others
        ("A, B, C and 12 more"): a sentence over a big team stays a sentence."""
        if len(words) <= few + 1:
            return self.join(words)
        return self.join([*words[:few], self.L["more_people"].format(n=self.count(len(words) - few))])

    def rate(self, x: Real) -> str:
        """A count per day, week or month: one decimal only below 10 and when it shows ("3.5", "2", "12", "1,764")."""
        return _rate(self, x)

    def count(self, n: int) -> str:
        """A whole count with the locale's grouping: "1,234" / "1.234"."""
        if not isinstance(n, int):
            return format_decimal(n, locale=self._loc)
        symbols = _plain_symbols(self._spec.babel_id)
        return _plain_digits(n * 1000, 0, 3, symbols) if symbols else self._decimal(Decimal(n), 0, 3)

    def plural(self, n: int) -> str:
        """The locale's plural category of a count: "one" or "other" (zh-CN: always "other")."""
        return self._loc.plural_form(n)


    # -- dates and periods ------------------------------------------------------------------

    def date(self, d: Date) -> str:
        """A date: "2027年6月10日", "10 Jun 2027", "10 jun 2027"."""
        return format_date(d, self._spec.date_format, locale=self._loc)

    def month(self, year: int, month: int) -> str:
        """A month of a year: "2027年7月", "Jul 2027", "jul 2027"."""
        return format_skeleton("yMMM", Date(year, month, 1), locale=self._loc)

    def month_short(self, month: int) -> str:
        """A month name for table columns: "7月", "Jul", "jul"."""
        return _month_names(self._spec.babel_id)[month]

    def quarter(self, q: int) -> str:
        """A quarter for table columns: "Q1" (zh-CN, en), "T1" (es)."""
        babel_id, width = self._spec.quarter_short
        return get_quarter_names(width, locale=_babel(babel_id))[q]

    def quarter_long(self, q: int) -> str:
        """A quarter for titles: "第一季度", "Q1", "1.er trimestre"."""
        babel_id, width = self._spec.quarter_long
        return get_quarter_names(width, locale=_babel(babel_id))[q]

    def week(self, iso_year: int, iso_week: int) -> str:
        """An ISO week for table columns: "第23周", "W23", "S23" (two digits in en/es)."""
        return self.L["week_short"].format(year=iso_year, week=iso_week)

    def week_long(self, iso_year: int, iso_week: int) -> str:
        """An ISO week with its ISO year: "2027年第23周", "2027-W23", "2027-S23"."""
        return self.L["week_long"].format(year=iso_year, week=iso_week)

    def third(self, i: int) -> str:
        """A third of a month, i in 1..3: 上旬/中旬/下旬, early/mid/late, primera/segunda/tercera decena."""
        if i not in (1, 2, 3):
            raise ValueError(f"a month has thirds 1..3, not {i}")
        return self.L[f"third_{i}"]
