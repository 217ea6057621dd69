"""The month-end appraisal in the progress report: the last closed period's table and its points, by band."""
from __future__ import annotations

from fractions import Fraction
from typing import Any

from plangen.decompose.incentives import Band, bands
from plangen.present.ctx.base import Ctx
from plangen.present.ctx.incentives import band_label, capital, period_label
from plangen.present.ctx.rep_own import DASH
from plangen.present.values import Table
from plangen.track.appraisal import LineAppraisal, PeriodAppraisal
from plangen.track.progress import Progress


def appraisal_context(c: Ctx, p: Progress, tables: dict) -> dict[str, Any] | None:
    """The last closed period: title, points and table (tables["track_appraisal"]); None when none is closed."""
    if not p.appraisals:
        return None
    last = p.appraisals[-1]
    title = c.L[f"track_appraisal_{c.plan.incentives.basis}"].format(period=period_name(c, p, last))
    tables["track_appraisal"] = appraisal_table(c, last, title)
    return {"title": title, "points": appraisal_points(c, p, last)}


def period_name(c: Ctx, p: Progress, period: PeriodAppraisal) -> str:
    """The appraised period in words: 2027年3月, Q1."""
    return period_label(c, len(p.appraisals) - 1, period.months)


def attained(c: Ctx, x: LineAppraisal) -> str:
    """An attainment with one decimal, empty without a target."""
    a = x.result.attainment
    return c.f.percent(a, 1) if a is not None else ""


def appraisal_table(c: Ctx, period: PeriodAppraisal, title: str) -> Table:
    """Every line: target, actual, attainment, band, reward, penalty (the band's note is in its point)."""
    L, lines = c.L, period.lines
    target, actual = (c.amounts([getattr(x.result, k) for x in lines], sum(getattr(x.result, k) for x in lines))
                      for k in ("target", "actual"))
    cr = money_ctx(c, period)
    rewards = cr.amounts([x.result.reward for x in lines], period.reward)
    penalties = cr.amounts([x.result.penalty for x in lines], period.penalty)
    rows = [[x.label, t, a, attained(c, x), capital(band_label(c, x.result.band)) if x.result.band else DASH, r, n]
            for x, t, a, r, n in zip(lines, target, actual, rewards, penalties)]
    cols = [L["rep"], c.head("target"), c.head("actual"), L["achievement"], L["track_appraisal_band"],
            c.head("action_reward"), c.head("action_penalty")]
    return c.table("track_appraisal", title, cols, rows, [False, True, True, True, False, True, True],
                   total_cells(c, cr, period), c.unit_note())


def total_cells(c: Ctx, cr: Ctx, period: PeriodAppraisal) -> list[str]:
    """The total row: targets, actuals, their ratio, rewards and penalties (as `cr` shows them)."""
    target, actual = (sum(getattr(x.result, k) for x in period.lines) for k in ("target", "actual"))
    shown = c.f.percent(Fraction(actual, target), 1) if target else ""
    return [c.L["total"], c.fig(target), c.fig(actual), shown, "", cr.fig(period.reward), cr.fig(period.penalty)]


def money_ctx(c: Ctx, period: PeriodAppraisal) -> Ctx:
    """The context that shows the period's smallest reward or penalty, for the table and the points alike."""
    return c.for_amounts(min((v for x in period.lines for v in (x.result.reward, x.result.penalty) if v > 0),
                             default=0))


def appraisal_points(c: Ctx, p: Progress, period: PeriodAppraisal) -> list[str]:
    """One point per band that holds someone (with its rewards or penalties), then who is in no band."""
    L, out = c.L, []
    for band in bands(c.plan.incentives):
        held = [x for x in period.lines if x.result.band is not None and x.result.band.index == band.index]
        if held:
            out.append(band_point(c, money_ctx(c, period), band, held))
    outside = [x for x in period.lines if x.result.band is None and x.result.target > 0]
    if outside:
        out.append(L["track_appraisal_outside"].format(names=names(c, outside)))
    idle = [x.label for x in period.lines if not x.result.target]
    if idle:
        out.append(L["track_appraisal_no_target"].format(period=period_name(c, p, period), names=c.f.join(idle)))
    return [capital(x) for x in out]


def names(c: Ctx, lines: list[LineAppraisal]) -> str:
    """Names with their attainment: 张伟 125.0%、李娜 121.3%."""
    return c.f.join([f"{x.label} {attained(c, x)}" for x in lines])


def band_point(c: Ctx, cr: Ctx, band: Band, held: list[LineAppraisal]) -> str:
    """A band's reps, what the band gives them in total (amounts as `cr` shows them in the table), its note."""
    reward, penalty = sum(x.result.reward for x in held), sum(x.result.penalty for x in held)
    words = {"band": band_label(c, band), "names": names(c, held)}
    if reward:
        said = c.L["track_appraisal_band_reward"].format(amount=cr.f.money(reward), **words)
    elif penalty:
        said = c.L["track_appraisal_band_penalty"].format(amount=cr.f.money(penalty), **words)
    else:
        said = c.L["track_appraisal_band_plain"].format(**words)
    return c.loc.clause_sep.join([said, *band.rule.note])
