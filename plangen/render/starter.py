"""Starter plans for `plangen init`: templates/starters/<locale>.yaml with the plan year filled in."""
from __future__ import annotations

import datetime as dt
import re
from importlib.resources import files

from plangen.render.labels import LOCALES

_YEAR = re.compile(r"\{\{year(?:([+-])(\d+))?\}\}")
FILE_NAME = "plan.yaml"


def next_year(today: dt.date) -> int:
    """The year a plan written on `today` is usually for."""
    return today.year + 1


def starter_text(locale: str, year: int) -> str:
    """The commented starter plan in `locale` for `year`."""
    if locale not in LOCALES:
        raise ValueError(f"unknown locale {locale!r}; expected one of {', '.join(LOCALES)}")
    text = (files("plangen.templates") / "starters" / f"{locale}.yaml").read_text(encoding="utf-8")
    return fill_year(text, year)


def fill_year(text: str, year: int) -> str:
    """Replace {{year}}, {{year-1}}, {{year+1}} ... with years counted from `year`."""
    def one(m: re.Match) -> str:
        offset = int(m.group(2) or 0)
        return str(year - offset if m.group(1) == "-" else year + offset)
    return _YEAR.sub(one, text)
