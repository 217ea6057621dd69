"""Working days of the plan period: holiday library, make-up working days, company corrections."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..holiday_tables import country_holidays
from ..locales import locale
from ..model.schema import Calendar

if TYPE_CHECKING:
    import holidays

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class WorkCalendar:
    """Which days of the period count, and how sure the holiday data is."""

    country: str | None
    days: tuple[dt.date, ...]          # every day that carries target, in order
    holidays: tuple[tuple[dt.date, str], ...]
    makeup_workdays: tuple[dt.date, ...]
    estimated_years: tuple[int, ...]   # years whose official data (e.g. China's 调休) is not out yet
    basis: str                         # working_days | all_days

    @property
    def estimated(self) -> bool:
        """True when a year of the period uses estimated holiday data."""
        return bool(self.estimated_years)


def _official_until(table: holidays.HolidayBase) -> int | None:
    """The last year with officially announced make-up working days (China publishes them yearly).

    Only countries that move days off to weekends have such data: a one-off special holiday
    (the US in 1815, Germany in 2017) does not make later years estimates.
    """
    special = getattr(table, "special_public_holidays", None) or {}
    years = [y for y, days in special.items() if any(_is_substitution(d) for d in _entries(days))]
    return max(years) if years else None


def _entries(days: object) -> list:
    """The day entries of one year of special holidays (one tuple, or a tuple of tuples)."""
    if isinstance(days, tuple) and days and not isinstance(days[0], tuple):
        return [days]
    return list(days) if isinstance(days, (tuple, list)) else []


def _is_substitution(entry: object) -> bool:
    """(month, day, from_month, from_day): a day off whose hours are worked on a weekend day."""
    return isinstance(entry, tuple) and len(entry) == 4 and all(isinstance(x, int) for x in entry)


def build_calendar(cal: Calendar, first: dt.date, last: dt.date, language: str | None = None) -> WorkCalendar:
    """The working days from `first` to `last` for a plan's calendar settings."""
    years = list(range(first.year, last.year + 1))
    table = _table(cal, years, language)
    official = _official_until(table) if table is not None else None
    estimated = tuple(y for y in years if official is not None and y > official)
    makeup = set(getattr(table, "weekend_workdays", ()) or ()) | set(cal.extra_workdays)
    off = set(cal.extra_holidays)
    weekdays = {WEEKDAYS.index(d) for d in cal.working_days}
    days, hol = [], []
    for d in _each_day(first, last):
        name = table.get(d) if table is not None else None
        if name or d in off:
            hol.append((d, name or "company holiday"))
        if cal.daily_basis == "all_days" or _works(d, weekdays, name, off, makeup):
            days.append(d)
    made = tuple(sorted(d for d in makeup if first <= d <= last and d.weekday() not in weekdays))
    return WorkCalendar(cal.country, tuple(days), tuple(hol), made, estimated, cal.daily_basis)


def _works(d: dt.date, weekdays: set[int], holiday: str | None, off: set, makeup: set) -> bool:
    if d in off:
        return False
    if d in makeup:
        return True
    return d.weekday() in weekdays and not holiday


def _table(cal: Calendar, years: list[int], language: str | None) -> holidays.HolidayBase | None:
    """The holiday table of the country, with names in the plan's language where the data has it."""
    if not cal.country:
        return None
    table = country_holidays(cal.country, subdiv=cal.subdivision, years=years)
    lang = _language(table, language)
    if lang:
        table = country_holidays(cal.country, subdiv=cal.subdivision, years=years, language=lang)
    return table


def _language(table: holidays.HolidayBase, language: str | None) -> str | None:
    """The holiday library's language code closest to a plan locale (zh-CN -> zh_CN)."""
    supported = getattr(table, "supported_languages", ()) or ()
    if not language:
        return None
    for cand in locale(language).holiday_languages:
        if cand in supported:
            return cand
    return None


def _each_day(first: dt.date, last: dt.date):
    d = first
    while d <= last:
        yield d
        d += dt.timedelta(days=1)
