"""What `plangen track` does, so that the CLI stays thin: plan + actuals file -> report files."""
from __future__ import annotations

from pathlib import Path

from ..decompose import decompose
from ..model.errors import PlanError, Problem
from ..model.schema import Plan
from ..model.values import ValueProblem, parse_month
from .actuals import read_actuals
from .progress import Progress, track
from ..render.fmt import Formatter
from .render import render_report


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
                    ) -> tuple[list[tuple[str, bytes]], Progress]:
    """The report files (name, bytes) for a plan and its actuals, and the progress they show."""
    d = decompose(plan)
    progress = track(plan, d, read_actuals(actuals_file, plan), month_of(plan, as_of))
    stem = Path(plan_file).stem
    files = render_report(plan, d, progress)
    return [(f"{stem}-progress.{ext}", data) for ext, data in files.items()], progress


def summary_line(p: Progress, plan: Plan) -> str:
    """One line for the terminal: attainment against time, run-rate, reps behind (amounts as the plan shows them)."""
    f = Formatter.for_plan(plan.plan.locale, plan.plan.currency, plan.plan.display_unit)
    t = p.total
    att = f"{float(t.attainment):.1%}" if t.attainment is not None else "-"
    behind = ", ".join(r.key for r in p.behind) or "none"
    return (f"  {f.money(t.actual)} of {f.money(t.target)} ({att}) with {float(p.elapsed):.0%} of the time "
            f"elapsed; run-rate {f.money(t.run_rate)}; behind plan: {behind}")
