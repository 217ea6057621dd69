"""The render context: every value a template or renderer shows, formatted for the plan's locale.

build_context(plan, d) gives a plain mapping of sections, tables (present.values.Table) and
charts (present.charts.ChartSpec); rep_context adds one rep's plan. Renderers draw; they
compute nothing.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from plangen.decompose.result import Decomposition
from plangen.model.schema import Plan
from plangen.present.ctx import (claims as ctx_claims, forecast as ctx_forecast, review as ctx_review,
                                 sections as ctx_sections, targets as ctx_targets)  # one module per part of the document
from plangen.present.ctx.base import Ctx, notice_text, smallest_month  # noqa: F401 - part of this module's API
from plangen.present.labels import Labels

SECTION_KEYS = ("targets", "market", "product", "sales", "team", "crm", "monitoring")


def build_context(plan: Plan, d: Decomposition, issued: dt.date | None = None,
                  words: Labels | None = None) -> dict[str, Any]:
    """The whole plan, ready to render; the cover's date is plan.date, else `issued` (none if neither);
    `words`: the labels (a template folder's, TemplateSet.labels), else plangen's."""
    c = Ctx(plan, d, words)
    ctx: dict[str, Any] = {"L": c.L, "plan": _header(c, issued), "tables": {}, "charts": {}}
    ctx["targets"] = ctx_targets.targets(c, ctx["tables"], ctx["charts"])
    ctx.update(ctx_sections.sections(c, ctx["tables"], ctx["charts"]))
    ctx_forecast.add_forecast(c, ctx)
    ctx_review.add_review(c, ctx)
    ctx_claims.add_claims(c, ctx)
    ctx["sections"] = _numbered(c, ctx)
    return ctx


def _header(c: Ctx, issued: dt.date | None) -> dict[str, Any]:
    """Title, organisation, owner, period and date."""
    p = c.plan.plan
    first, last = p.period.first_day, p.period.last_day
    return {"title": p.title, "organization": p.organization, "owner": p.owner, "period": c.period_name(),
            "start": c.f.date(first), "end": c.f.date(last), "year": first.year, "months": p.period.months,
            "locale": p.locale, "currency": p.currency, "unit": c.f.unit_label(),
            "date": c.f.date(p.date) if p.date else "", "is_year": p.period.months == 12,
            "all_days": c.d.calendar.basis == "all_days",
            "issued": c.f.date(p.date or issued) if p.date or issued else ""}


def _numbered(c: Ctx, ctx: Mapping[str, Any]) -> list[dict[str, str]]:
    """The seven sections, numbered 01..07; a section without data is left out, numbers kept."""
    out = []
    for i, key in enumerate(SECTION_KEYS, start=1):
        if ctx.get(key):
            out.append({"no": f"{i:02d}", "key": key, "title": c.L[f"section_{i}"]})
    return out


