"""One country's table of the `holidays` library, loading that country's module only.

`holidays.country_holidays("CN")` imports the package `holidays.countries`, whose __init__ imports
all of its ~250 country modules (0.04 s of CPU, a tenth of a sample build) to give one. The library's
registry names the module of each country code, and most country modules import only the library's
shared parts: this loads that one file as `holidays.countries.<module>`, where the library's own lazy
loader finds it later. A country whose module needs the package (or a registry without the code)
goes the library's own way, with the same table.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any


def country_holidays(country: str, **options: Any):
    """holidays.country_holidays(country, **options), importing only the country's module."""
    import holidays
    entity = _entity(country)
    if entity is None:
        return holidays.country_holidays(country, **options)
    return entity(**options)


def _entity(country: str):
    """The country's holiday class from its module alone, or None to leave it to the library."""
    from holidays.registry import COUNTRIES
    module = next((m for m, names in COUNTRIES.items() if country in names), None)
    if module is None:
        return None
    name = f"holidays.countries.{module}"
    loaded = sys.modules.get(name) or _load(name, module)
    return getattr(loaded, country, None) if loaded is not None else None


def _load(name: str, module: str):
    """Execute holidays/countries/<module>.py as `name` without the package's __init__; None if it needs it."""
    import holidays
    path = Path(holidays.__file__).parent / "countries" / f"{module}.py"
    if not path.is_file() or "holidays.countries" in path.read_text(encoding="utf-8"):
        return None
    spec = importlib.util.spec_from_file_location(name, path)
    loaded = importlib.util.module_from_spec(spec)
    sys.modules[name] = loaded
    try:
        spec.loader.exec_module(loaded)
    except BaseException:
        del sys.modules[name]
        raise
    return loaded
