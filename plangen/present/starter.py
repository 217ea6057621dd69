"""Starter plans for `plangen init`: templates/starters/<locale>.yaml with the plan year filled in.

A country variant (es-MX) starts from its parent's starter with the changes of its wording file
(present.wording: `starter` replacements, then its phrases). {{locales}} lists the registry's locales.
"""
from __future__ import annotations

import datetime as dt
import re
from importlib.resources import files

from plangen.locales import locale as plan_locale
from plangen.present.labels import LOCALES
from plangen.present.wording import wording

_YEAR = re.compile(r"\{\{year(?:([+-])(\d+))?\}\}")
FILE_NAME = "plan.yaml"


def next_year(today: dt.date) -> int:
    """The year a plan written on `today` is usually for."""
    return today.year + 1


def starter_text(locale: str, year: int) -> str:
    """The commented starter plan in `locale` for `year`."""
    if locale not in LOCALES:
        raise ValueError(f"unknown locale {locale!r}; expected one of {', '.join(LOCALES)}")
    return fill_year(_starter(locale).replace("{{locales}}", " | ".join(LOCALES)), year)


def _starter(locale: str) -> str:
    """The locale's starter text, a variant's made from its parent's."""
    parent = plan_locale(locale).wording_id
    text = (files("plangen.templates") / "starters" / f"{parent}.yaml").read_text(encoding="utf-8")
    w = wording(locale)
    for old, new in w.starter.items():
        if old not in text:
            raise ValueError(f"i18n/{locale}.yaml: starter text {old!r} is not in starters/{parent}.yaml")
        text = text.replace(old, new)
    return w.reword_template(text)


def fill_year(text: str, year: int) -> str:
    """Replace {{year}}, {{year-1}}, {{year+1}} ... with years counted from `year`."""
    def one(m: re.Match) -> str:
        offset = int(m.group(2) or 0)
        return str(year - offset if m.group(1) == "-" else year + offset)
    return _YEAR.sub(one, text)
