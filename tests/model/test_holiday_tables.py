"""plangen.holiday_tables: one country's holidays with only that country's module loaded."""
from __future__ import annotations

import subprocess
import sys

import holidays
import pytest

from plangen.holiday_tables import country_holidays


@pytest.mark.parametrize("code", ["CN", "CHN", "US", "ES", "MX", "TW", "AS"])
def it_gives_the_same_table_as_the_library(code):
    """AS (American Samoa) imports the United States' module: it goes the library's own way."""
    ours, theirs = country_holidays(code, years=[2027]), holidays.country_holidays(code, years=[2027])
    assert (type(ours).__name__, dict(ours), ours.subdivisions) == (type(theirs).__name__, dict(theirs), theirs.subdivisions)


def it_refuses_a_code_without_data_as_the_library_does():
    with pytest.raises(NotImplementedError):
        country_holidays("XX")


def it_loads_chinas_module_without_every_other_country():
    script = ("import sys\nfrom plangen.holiday_tables import country_holidays\n"
              "t = country_holidays('CN', years=[2027], language='zh_CN')\n"
              "print(t.get('2027-10-01'), 'holidays.countries' in sys.modules, 'holidays.countries.spain' in sys.modules)\n")
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert r.stdout == "国庆节 False False\n"
