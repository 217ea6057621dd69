"""Headline claims chosen from the data: a sentence that says "continues the trend" or "4 reps share
the target" is only printed when the figures bear it out; otherwise the sentence that is true is.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any

from plangen.decompose.growth import same_months
from plangen.present.ctx.base import Ctx

TREND_BAND = Fraction(5, 100)  # growth within 5 points of last year's "continues the trend"


def add_claims(c: Ctx, ctx: dict[str, Any]) -> None:
    """ctx['claims']: the trend of the target against history and who carries the target."""
    ctx["claims"] = {"trend": trend(c), "reps": reps(c)}


def trend_kind(growth: Fraction | None, previous: Fraction | None) -> str | None:
    """down, up (no earlier year), reversal, continues, faster or slower: the claim the growth supports."""
    if growth is None:
        return None
    if growth <= 0:
        return "down"
    if previous is None:
        return "up"
    if previous <= 0:
        return "reversal"
    if abs(growth - previous) <= TREND_BAND:
        return "continues"
    return "faster" if growth > previous else "slower"


def previous_growth(c: Ctx) -> Fraction | None:
    """Last year's growth on the year before, over the period's months (None without both years)."""
    last, before = same_months(c.plan, 1), same_months(c.plan, 2)
    if not last or not before or sum(before) <= 0:
        return None
    return Fraction(sum(last), sum(before)) - 1


def trend(c: Ctx) -> str:
    """The history slide's title: the claim the target's growth and last year's growth support."""
    g, p = c.d.growth.implied, previous_growth(c)
    kind = trend_kind(g, p)
    if kind is None:
        return ""
    return c.L[f"claim_trend_{kind}"].format(period=_period(c), growth=c.f.percent(abs(g), 1),
                                             previous=c.f.percent(abs(p), 1) if p is not None else "")


def _period(c: Ctx) -> str:
    """The period as a title names it: 2027年 in Chinese for a calendar year, else the period's name."""
    p = c.plan.plan
    year = p.period.months == 12 and p.period.start[1] == 1
    return c.period_name() + (c.loc.year_suffix if year else "")


def reps(c: Ctx) -> str:
    """The team slide's title: N reps share the target, or share part of it when some has no rep."""
    d = c.d
    if not d.reps:
        return ""
    carried = sum(r.total for r in d.reps)
    key = "claim_reps_share" if carried == d.total else "claim_reps_share_part"
    key += "_one" if len(d.reps) == 1 else ""
    return c.L[key].format(count=len(d.reps), total=c.f.headline(d.total), carried=c.f.headline(carried))
