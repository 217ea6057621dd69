"""What `plangen track` does, so that the CLI stays thin: plan + actuals file -> report files."""
from __future__ import annotations

from pathlib import Path

from ..decompose import decompose
from ..model.errors import PlanError, Problem
from ..model.schema import Plan
from ..model.values import ValueProblem, parse_month
from .actuals import read_actuals
from .progress import track
from .render import render_files, report_context


def month_of(plan: Plan, text: str | None) -> int | None:
    """The period index of an --as-of month (2027-09 or 9), or None; PlanError when outside the period."""
    if text is None:
        return None
    months = plan.plan.period.month_list()
    try:
        year, month = parse_month(int(text) if text.strip().isdigit() else text)
    except ValueProblem as e:
        raise PlanError([Problem(str(e), ("--as-of",))]) from None
    hits = [i for i, (y, m) in enumerate(months) if m == month and (not year or y == year)]
    if len(hits) != 1:
        raise PlanError([Problem(f"expected one month of the plan period, found {text!r}", ("--as-of",))])
    return hits[0]


def progress_report(plan: Plan, plan_file: str, actuals_file: str, as_of: str | None = None
                    ) -> tuple[list[tuple[str, bytes]], str]:
    """The report files (name, bytes) for a plan and its actuals, and the terminal's summary line."""
    d = decompose(plan)
    progress = track(plan, d, read_actuals(actuals_file, plan), month_of(plan, as_of))
    stem = Path(plan_file).stem
    ctx = report_context(plan, d, progress)
    files = render_files(plan, d, progress, ctx)
    return [(f"{stem}-progress.{ext}", data) for ext, data in files.items()], f"  {ctx['summary']}"
