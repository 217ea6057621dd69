"""What `plangen track` does, so that the CLI stays thin: plan + actuals file -> report files."""
from __future__ import annotations

import re
from pathlib import Path

from ..decompose import decompose
from ..model.errors import PlanError, Problem
from ..model.schema import Plan
from ..model.values import ValueProblem, parse_date, parse_month
from ..render.template_set import TemplateSet
from plangen.present.tables import finished_text
from .actuals import read_actuals
from .progress import last_day, track
from .render import render_files, report_context


def month_of(plan: Plan, text: str | None) -> int | None:
    """The period index of an --as-of month (2027-09 or 9) or date (the last month closed by it), or None.

    PlanError when it lies outside the period, or a date closes no month of it.
    """
    if text is None:
        return None
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text.strip()):
        return closed_month(plan, text.strip())
    months = plan.plan.period.month_list()
    try:
        year, month = parse_month(int(text) if text.strip().isdigit() else text)
    except ValueProblem as e:
        raise PlanError([Problem(str(e), ("--as-of",))]) from None
    hits = [i for i, (y, m) in enumerate(months) if m == month and (not year or y == year)]
    if len(hits) != 1:
        raise PlanError([Problem(f"expected one month of the plan period, found {text!r}", ("--as-of",))])
    return hits[0]


def closed_month(plan: Plan, text: str) -> int:
    """The last period month that has ended by the date: 2027-09-30 -> September, 2027-09-29 -> August."""
    try:
        day = parse_date(text)
    except ValueProblem as e:
        raise PlanError([Problem(str(e), ("--as-of",))]) from None
    ended = [i for i, (y, m) in enumerate(plan.plan.period.month_list()) if day >= last_day(y, m)]
    if not ended:
        first = plan.plan.period.month_list()[0]
        raise PlanError([Problem(f"expected a date that closes a month of the plan period (the earliest is "
                                 f"{last_day(*first)}), found {text!r}", ("--as-of",))])
    return ended[-1]


def progress_report(plan: Plan, plan_file: str, actuals_file: str, as_of: str | None = None,
                    templates: Path | None = None) -> tuple[list[tuple[str, bytes]], str]:
    """The report files (name, bytes) for a plan and its actuals, and the terminal's summary line."""
    d = decompose(plan)
    progress = track(plan, d, read_actuals(actuals_file, plan), month_of(plan, as_of))
    stem = Path(plan_file).stem
    ts = TemplateSet(templates)
    ctx = report_context(plan, d, progress, ts.labels(plan.plan.locale))
    files = render_files(plan, d, progress, ctx, ts)
    return [(f"{stem}-progress.{ext}", data) for ext, data in files.items()], terminal_text(ctx)


def terminal_text(ctx: dict) -> str:
    """The summary line, and the last closed period's appraisal as a table when the plan has incentives."""
    table = ctx["tables"].get("track_appraisal")
    return f"  {ctx['summary']}" + (f"\n{finished_text(table).rstrip()}" if table else "")
