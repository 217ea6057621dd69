"""Incentives in words: each band and its reward or penalty, the annual plan's rules table, a rep's own bands.

The band arithmetic lives in decompose.incentives; here it is only said, in the plan's locale.
"""
from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

from plangen.decompose.incentives import Band, appraisal_periods, appraise, bands, threshold
from plangen.decompose.result import RepTarget
from plangen.model.schema import IncentiveBand
from plangen.present.ctx.base import Ctx
from plangen.present.ctx.rep_own import DASH
from plangen.present.values import Table


def band_pct(c: Ctx, x: Fraction) -> str:
    """A band bound as a percentage: 120%, or 97.5% when it has a decimal."""
    return c.f.percent(x, 0 if (x * 100).denominator == 1 else 1)


def capital(text: str) -> str:
    """A table cell or point that starts a sentence: its first letter upper case (Chinese has none)."""
    return text[:1].upper() + text[1:]


def band_label(c: Ctx, band: Band) -> str:
    """120% or more / 80% to under 100% / under 80%."""
    if band.low is None:
        return c.L["incentive_band_below"].format(high=band_pct(c, band.high))
    if band.high is None:
        return c.L["incentive_band_from"].format(low=band_pct(c, band.low))
    return c.L["incentive_band_range"].format(low=band_pct(c, band.low), high=band_pct(c, band.high))


def amount(c: Ctx, value: int) -> str:
    """A reward or penalty with its currency, precise enough to show it (5,000元 is 0.5万元)."""
    return c.for_amounts(value).f.money(value)


def reward_text(c: Ctx, rule: IncentiveBand) -> str:
    """What a band pays: bonus of ¥5,000 plus 10% of sales above target; empty when nothing."""
    parts = [c.L["incentive_bonus"].format(amount=amount(c, rule.bonus))] if rule.bonus is not None else []
    if rule.rate is not None:
        parts.append(c.L[f"incentive_rate_{rule.base}"].format(rate=band_pct(c, rule.rate)))
    return c.L["incentive_plus"].join(parts)


def penalty_text(c: Ctx, rule: IncentiveBand) -> str:
    """What a band deducts: penalty of ¥1,000; empty when nothing."""
    return c.L["incentive_penalty"].format(amount=amount(c, rule.penalty)) if rule.penalty is not None else ""


def note_text(c: Ctx, rule: IncentiveBand) -> str:
    """A band's note in one line."""
    return c.loc.clause_sep.join(rule.note)


def covers_all(c: Ctx) -> bool:
    """Whether every attainment falls in some band (top band open, lowest without `from`)."""
    found = bands(c.plan.incentives)
    return found[0].high is None and found[-1].low is None


def rules_table(c: Ctx) -> Table:
    """The bands, highest first: attainment, reward, penalty, note."""
    L, basis = c.L, c.plan.incentives.basis
    rows = [[capital(x) for x in (band_label(c, b), reward_text(c, b.rule), penalty_text(c, b.rule),
                                  note_text(c, b.rule))] for b in bands(c.plan.incentives)]
    cols = [L[f"incentive_attainment_{basis}"], L["action_reward"], L["action_penalty"], L["incentive_note"]]
    return c.table("incentives", L["table_incentives"], cols, rows, [False] * 4)


def plan_incentives(c: Ctx, tables: dict) -> dict[str, Any] | None:
    """The annual plan's incentive rules: the sentence and the table; None without incentives."""
    if c.plan.incentives is None:
        return None
    tables["incentives"] = rules_table(c)
    basis = c.plan.incentives.basis
    intro = c.L[f"incentive_rules_{basis}"] + ("" if covers_all(c) else c.L["incentive_outside"])
    return {"basis": basis, "intro": intro}


def period_label(c: Ctx, index: int, months: tuple[int, ...], row: bool = False) -> str:
    """An appraisal period: a month (a row label when `row`) or a quarter."""
    if c.plan.incentives.basis == "quarter":
        return c.quarter_label(index)
    return c.month_row(months[0]) if row else c.month_label(months[0])


def rep_incentives(c: Ctx, rep: RepTarget, tables: dict) -> dict[str, Any] | None:
    """A rep's bands in money: his largest period's target at each band, and every period's thresholds."""
    if c.plan.incentives is None:
        return None
    periods = appraisal_periods(c.plan.incentives, c.d)
    targets = [sum(rep.months[i] for i in months) for months in periods]
    if not any(targets):
        return None
    top = max(range(len(periods)), key=lambda i: (targets[i], -i))
    tables["rep_incentive_periods"] = threshold_table(c, periods, targets)
    intro = c.L[f"rep_incentive_intro_{c.plan.incentives.basis}"].format(
        period=period_label(c, top, periods[top]), target=amount(c, targets[top]))
    return {"intro": intro, "bands": [band_line(c, b, targets[top]) for b in bands(c.plan.incentives)]}


def band_line(c: Ctx, band: Band, target: int) -> str:
    """One band for a target: the sales it starts at (or stays under) and what it gives there."""
    L, rule = c.L, band.rule
    said = [x for x in (reward_text(c, rule), penalty_text(c, rule), note_text(c, rule)) if x]
    sales = threshold(band, target)
    if sales is None:
        return L["rep_incentive_below"].format(pct=band_pct(c, band.high), sales=amount(c, math.ceil(band.high * target)),
                                               outcome=c.loc.clause_sep.join(said))
    earned = appraise(c.plan.incentives, target, sales).reward
    if earned:
        said.append(L["rep_incentive_earn"].format(sales=amount(c, sales), amount=amount(c, earned)))
    return L["rep_incentive_from"].format(pct=band_pct(c, band.low), sales=amount(c, sales),
                                          outcome=c.loc.clause_sep.join(said))


def threshold_table(c: Ctx, periods: tuple[tuple[int, ...], ...], targets: list[int]) -> Table:
    """Per period: the rep's target and the sales from which each band with a `from` applies."""
    L, basis = c.L, c.plan.incentives.basis
    starting = [b for b in bands(c.plan.incentives) if b.low is not None]
    rows = [[period_label(c, i, months, row=True), *([c.fig(t), *[c.fig(threshold(b, t)) for b in starting]]
                                                     if t else [DASH] * (1 + len(starting)))]
            for i, (months, t) in enumerate(zip(periods, targets))]
    cols = [L[basis], c.head("target"), *[L["rep_incentive_column"].format(pct=band_pct(c, b.low)) for b in starting]]
    return c.table("rep_incentive_periods", L[f"table_rep_incentive_{basis}"], cols, rows,
                   [False] + [True] * (1 + len(starting)), None, c.unit_note())
