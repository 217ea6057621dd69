"""The plan's notes for the annual plan's appendix and the deck's speaker notes: notices and review findings.

The body of the documents shows the plan; what plangen assumed (an estimated holiday calendar) and
what the review found go to the appendix (编制说明 / Notes on this plan / Notas sobre el plan).
"""
from __future__ import annotations

from typing import Any

from plangen.decompose.result import Notice
from plangen.decompose.timeline import phasing_method
from plangen.model.errors import format_path
from plangen.present.ctx.base import Ctx, notice_text


def add_review(c: Ctx, ctx: dict[str, Any]) -> None:
    """ctx['notices'] (those true for this plan) and ctx['review'] (summary and every finding as a sentence)."""
    from plangen.review import review
    from plangen.review.messages import SEVERITY
    from plangen.review.text import Writer
    r, w = review(c.plan, c.d), Writer(c.plan, c.d)
    ctx["notices"] = [notice_text(c, n) for n in c.d.notices if applies(c, n)]
    ctx["review"] = {"summary": w.summary(r), "findings": [
        {"level": f.severity, "severity": SEVERITY[c.loc.wording_id][f.severity], "path": format_path(f.path),
         "text": w.sentence(f)} for f in r.findings]}


def applies(c: Ctx, n: Notice) -> bool:
    """A notice is printed when it bears on the documents' figures: the calendar estimate only when working days shape them."""
    return n.code != "calendar_estimated" or daily_figures_use_working_days(c)


def daily_figures_use_working_days(c: Ctx) -> bool:
    """True when daily targets are spread over working days, or months are phased by their working days."""
    t = c.plan.targets
    by_days = phasing_method(c.plan) == "working_days" or (phasing_method(c.plan) == "explicit" and t.phasing.months is None)
    return t.calendar.daily_basis == "working_days" or by_days
