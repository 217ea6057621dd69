"""The cover's date comes from the plan or the caller, never from the clock inside render."""
import datetime as dt

import pytest

from plangen.decompose import decompose
from plangen.present.context import build_context


@pytest.mark.parametrize("plan_date, issued, shown", [
    ("2026-12-01", None, "1 Dec 2026"),
    ("2026-12-01", dt.date(2027, 3, 4), "1 Dec 2026"),
    (None, dt.date(2027, 3, 4), "4 Mar 2027"),
    (None, None, ""),
])
def it_dates_the_cover_from_plan_date_else_the_date_passed_in(make_plan, plan_from, plan_date, issued, shown):
    """plan.date wins; else the caller's date (the CLI passes today); else no date line at all."""
    data = make_plan(**({"plan.date": plan_date} if plan_date else {}))
    plan = plan_from(data)
    assert build_context(plan, decompose(plan), issued)["plan"]["issued"] == shown
