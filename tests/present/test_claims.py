"""Headline claims check themselves: each is chosen from the data, and plans built to contradict a
claim get the sentence that is true for them instead."""
from __future__ import annotations

import io
from fractions import Fraction as F

import pytest
from pptx import Presentation

from plangen.decompose import decompose
from plangen.model import load
from plangen.present.context import build_context
from plangen.present.ctx.claims import trend_kind
from plangen.render.pptx.deck import render_deck
from plangen.render.template_set import TemplateSet

P = F(1, 100)


@pytest.mark.parametrize("growth, previous, kind", [
    (F(20, 100), F(18, 100), "continues"),   # 2 points apart: within 5
    (F(20, 100), F(15, 100), "continues"),   # exactly 5 points: still the trend
    (F(20, 100), F(10, 100), "faster"),
    (F(5, 100), F(15, 100), "slower"),
    (F(10, 100), F(-3, 100), "reversal"),
    (F(10, 100), None, "up"),
    (F(-4, 100), F(10, 100), "down"),
    (F(0), F(10, 100), "down"),
    (None, None, None),
])
def it_picks_the_trend_claim_the_figures_support(growth, previous, kind) -> None:
    assert trend_kind(growth, previous) == kind


def _claims(plan):
    return build_context(plan, decompose(plan))["claims"]


@pytest.mark.parametrize("sample, trend, reps", [
    ("zh-annual-plan.yaml", "2027年目标增速快于去年：增长20.0%（去年增长15.0%）", "5名销售代表分担1亿元目标"),
    ("en-half-year-plan.yaml", "The H2 2027 target is up 24.6% on last year", "7 reps carry $3.54M of the $3.85M target"),
    ("es-regional-plan.yaml", "El objetivo 2027 crece más que el año anterior: +13,2\xa0%, tras +8,2\xa0%",
     "7 comerciales se reparten el objetivo de 6,8\xa0M€"),
])
def it_states_what_each_samples_figures_show(samples_dir, sample, trend, reps) -> None:
    """zh: 1亿 / 8,333万 = +20.0% after 8,333万 / 7,246万 = +15.0% (5.0 points: faster by a hair);
    en: no 2025 history, so no trend claim; 313k of the ramp is a gap (gap policy);
    es: 6,8M / 6.005k = +13.2% after 6.005k / 5.550k = +8.2%. The amounts are headlines (Formatter.headline):
    10,000万 = 1亿元, $3,537k = $3.54M, 6.800 k€ = 6,8 M€."""
    c = _claims(load(samples_dir / sample))
    assert (c["trend"], c["reps"]) == (trend, reps)


def it_does_not_claim_the_trend_for_a_plan_that_slows_down(make_plan, plan_from) -> None:
    """History 10M then 12M a month (120M, 144M: +20%); a 151.2M target is +5%: slower, not "continues"."""
    plan = plan_from(make_plan(**{"targets.revenue": "151.2M", "history": {"monthly": {
        2025: ["10M"] * 12, 2026: ["12M"] * 12}}}))
    assert _claims(plan)["trend"] == "The 2027 target grows more slowly than last year: up 5.0%, after 20.0%"


def it_says_when_the_reps_carry_only_part_of_the_target(make_plan, plan_from) -> None:
    """Bob from April, gap policy: 1.95M of 12M has no rep, so the reps carry 10.05M of it
    (a headline: three significant digits, $10.1M)."""
    plan = plan_from(make_plan(**{"team.ramp_policy": "gap", "team.reps.1.start": "2027-04-01"}))
    assert _claims(plan)["reps"] == "2 reps carry $10.1M of the $12M target"


def it_titles_the_deck_slides_with_the_claims(zh_lone_starter, plan_from) -> None:
    """刘洋 alone in 华北 (2,500万): Q1 has nobody (500万) and nobody carries his ramp in Apr-Jun (312万),
    so 812万 stays on the gap row and the reps carry 9,188万 of 1亿 (a headline: 10,000万元 reads 1亿元)."""
    plan = plan_from(zh_lone_starter)
    ctx = build_context(plan, decompose(plan))
    titles = [s.shapes.title.text for s in Presentation(io.BytesIO(render_deck(ctx, TemplateSet()))).slides
              if s.shapes.title is not None]
    assert ctx["claims"]["trend"] in titles and "4名销售代表承担1亿元目标中的9,188万元" in titles


def it_names_no_peak_when_months_or_quarters_tie(make_plan, plan_from) -> None:
    """Equal months: 1M each, no peak month and no quarter 'carries the most'; the sample's Q3 (30%) does."""
    plan = plan_from(make_plan(**{"targets.phasing": {"quarters": None, "method": "equal"}}))
    targets = build_context(plan, decompose(plan))["targets"]
    assert targets["peak_month"] is None and targets["headline"] == ""
    plan = plan_from(make_plan())
    assert build_context(plan, decompose(plan))["targets"]["headline"] == "Q3 carries 30% of the year"
