"""Every sentence the documents print must be right for the plan it is printed for: the Word plan, a rep
plan and the deck (slides and notes) rendered over edge plans in every locale, checked against rules."""
from __future__ import annotations

import io
import re

import docx
import pytest
from pptx import Presentation

from plangen.decompose import decompose
from plangen.present.context import Ctx, build_context
from plangen.present.ctx.rep import rep_context
from plangen.render.docx.plan import render_plan_docx
from plangen.render.docx.rep import render_rep_docx
from plangen.render.pptx.deck import render_deck
from plangen.render.template_set import TemplateSet

EDGES = {
    "no ramp": {"team.ramp": []},
    "one rep": {"team.reps": [{"id": "r1", "name": "Ann"}], "crm.customers.1.owner": "r1"},
    "half year": {"plan.period": {"start": "2027-07", "months": 6}, "targets.phasing": {"quarters": ["40%", "60%"]}},
    "quarter": {"plan.period": {"start": "2027-04", "months": 3}, "targets.phasing": "DELETE"},
    "one month": {"plan.period": {"start": "2027-04", "months": 1}, "targets.phasing": "DELETE"},
    "no customers": {"crm.customers": []},
    "no budget": {"budget": "DELETE"},
    "all months equal": {"targets.phasing": {"method": "equal", "quarters": None}},
    "no history": {"history": "DELETE"},
    "with history, half year": {"plan.period": {"start": "2027-07", "months": 6}, "targets.phasing": "DELETE",
                                "history.monthly.2026": [f"{n}k" for n in range(700, 1900, 100)]},
    "all_days basis": {"targets.calendar.daily_basis": "all_days"},
    "last year known": {"history.monthly.2026": ["900k"] * 12},
    "proposals, blend": {"team.reps.0.proposed": "7M", "team.reps.1.proposed": "4M",
                         "team.reconcile": {"rule": "blend", "weight": "30%"}},
    "one rep proposes": {"team.reps.1.proposed": "6M"},
    "one rep under scale": {"team.reps": [{"id": "r1", "name": "Ann", "proposed": "10M"}],
                            "crm.customers.1.owner": "r1", "team.reconcile": {"rule": "scale"}},
    "incentives": {"incentives": {"rules": [
        {"from": "120%", "bonus": 5000, "rate": "4%", "of": "excess", "note": "Star of the month"},
        {"from": "100%", "rate": "2%"}, {"from": "80%", "note": "No reward"}, {"below": "80%", "penalty": 1000}]}},
    "incentives by quarter, one capped band": {"plan.period": {"start": "2027-07", "months": 6},
                                               "targets.phasing": "DELETE", "incentives": {
        "basis": "quarter", "rules": [{"from": "100%", "below": "150%", "bonus": "1.5k"}]}},
}
# every edge plan also names its owner with a role and calls its top tier "VIP" + the locale's word for customer
COMMON = {"plan.owner": "Jo Smith (Regional Director)", "market.capacity": "200M"}
TIER = {"en": "VIP", "es": "VIP", "zh-CN": "VIP客户"}
NOT_A_YEAR = ("half year", "quarter", "one month", "with history, half year")
LOCALES = {"en": "en", "en-US": "en", "en-GB": "en", "es": "es", "es-ES": "es", "es-MX": "es", "zh-CN": "zh-CN",
           "zh-TW": "zh-CN"}   # each locale with the family whose rules it keeps
CURRENCY = {"en": "USD", "en-US": "USD", "en-GB": "GBP", "es": "EUR", "es-ES": "EUR", "es-MX": "MXN",
            "zh-CN": "CNY", "zh-TW": "TWD"}
RULES = {
    "doubled punctuation": re.compile(r"[.,;:，。；：、]\s*[.,;:，。；：、]|(?<!\.)\.\.(?!\.)"),
    "one with a plural": re.compile(r"(?<![\d.,])1 (?:\w+ )?(visitas|visits|clientes|customers|reps|comerciales|tareas|tasks)\b"),
    "empty list join": re.compile(r",\s*,|、、|\(\s*\)|（\s*）"),
    "doubled word": re.compile(r"(客户|客戶|customers?|clientes?)\s*\1", re.I),
    "a range from a date to itself": re.compile(r"(?<![\w–])(\w[^–:：]*?) – \1(?![\w])"),
    "an input echoed": re.compile(r"计划填写|the plan states|el plan indica", re.I),
    "sentences run together": re.compile(r"[a-záéíóúñ%)][.!?][A-ZÁÉÍÓÚ¿]"),
}
CJK = "\u4e00-\u9fff"
# a space between two ideographs, around an amount in 元 ("有 500万元 的目标"), or before a growth rate
STRAY_SPACE = re.compile(rf"[{CJK}] +[{CJK}]|[{CJK}] +[\d,.]+[万亿]?元|[\d,.]+[万亿]?元 +[{CJK}]|增长 +[\d-]")
NOT_ALL_DAYS = {"en": re.compile(r"working days?", re.I), "es": re.compile(r"d[ií]as (laborables|h[aá]biles)", re.I),
                "zh-CN": re.compile("工作日")}
PEAK = {"en": re.compile(r"\b(highest|peak)\b", re.I), "es": re.compile(r"\b(más alto|pico)\b", re.I),
        "zh-CN": re.compile("最高|高峰")}
YEAR_WORDS = {"en": re.compile(r"\b(year|annual|yearly)\b", re.I), "es": re.compile(r"\b(año|anual)\b", re.I),
              "zh-CN": re.compile("全年|年度")}
ABOUT_LAST_YEAR = re.compile(r"last year|año pasado|año anterior|去年|上年|annual revenue|facturación anual|"
                             r"recent years|each year|by year|últimos años|cada año|por año|历年|歷年", re.I)  # history


def printed(plan) -> list[str]:
    """Every paragraph of the Word plan and the last rep's plan, every line of the deck and its notes."""
    d = decompose(plan)
    ctx, ts = build_context(plan, d), TemplateSet()
    out = [p.text for p in docx.Document(io.BytesIO(render_plan_docx(ctx, ts))).paragraphs]
    if d.reps:
        rep = render_rep_docx(ctx, rep_context(Ctx(plan, d), d.reps[-1]), ts)
        out += [p.text for p in docx.Document(io.BytesIO(rep)).paragraphs]
    for slide in Presentation(io.BytesIO(render_deck(ctx, ts))).slides:
        out += [line for sh in slide.shapes if sh.has_text_frame for line in sh.text_frame.text.split("\n")]
        if slide.has_notes_slide:
            out += slide.notes_slide.notes_text_frame.text.split("\n")
    return [t for t in out if t.strip()]


def broken(text: str, locale: str, edge: str) -> list[str]:
    """The rules a printed sentence breaks."""
    out = [name for name, rule in RULES.items() if rule.search(text)]
    if edge in NOT_A_YEAR and YEAR_WORDS[locale].search(ABOUT_LAST_YEAR.sub("", text)):
        out.append("year word in a plan that is not a year")
    if locale == "zh-CN" and STRAY_SPACE.search(text):
        out.append("space inside Chinese")
    if edge == "all_days basis" and NOT_ALL_DAYS[locale].search(text):
        out.append("working days in a plan spread over calendar days")
    if edge == "all months equal" and PEAK[locale].search(text):
        out.append("a peak month when all months are equal")
    return out


@pytest.mark.parametrize("locale", list(LOCALES))
def test_every_sentence_of_every_document_keeps_the_rules_over_edge_plans(locale, make_plan, plan_from):
    found, family = [], LOCALES[locale]
    for edge, overrides in EDGES.items():
        overrides = {k: make_plan.DELETE if v == "DELETE" else v for k, v in overrides.items()}
        plan = plan_from(make_plan(**{"plan.locale": locale, "plan.currency": CURRENCY[locale],
                                      "crm.tiers.0.name": TIER[family], **COMMON, **overrides}))
        found += [(edge, rule, text) for text in printed(plan) for rule in broken(text, family, edge)]
    assert found == []


@pytest.mark.parametrize("text, locale, edge, rules", [
    ("se mide con periodicidad informe trimestral.. y", "es", "no ramp", ["doubled punctuation"]),
    ("sur peninsular. y zona.,", "es", "no ramp", ["doubled punctuation"]),
    ("con 1 visitas previstas", "es", "no ramp", ["one with a plural"]),
    ("1 planned visits", "en", "no ramp", ["one with a plural"]),
    ("with 1 visits", "en", "no ramp", ["one with a plural"]),
    ("canales directos , , y online", "es", "no ramp", ["doubled punctuation", "empty list join"]),
    ("VIP客户（）", "zh-CN", "no ramp", ["empty list join"]),
    ("6 planned visits over the year", "en", "half year", ["year word in a plan that is not a year"]),
    ("全年目标", "zh-CN", "one month", ["year word in a plan that is not a year"]),
    ("较去年增长20%", "zh-CN", "quarter", []),
    ("Tiers follow last year's revenue", "en", "quarter", []),
    ("11 visitas, 21 clientes, 1.5 days", "es", "no ramp", []),
    ("客户分3级管理，VIP客户客户每月一次拜访", "zh-CN", "no ramp", ["doubled word"]),
    ("计划期间：2027年4月 – 2027年4月", "zh-CN", "one month", ["a range from a date to itself"]),
    ("The sales target for Apr 2027 – Apr 2027 is $12M.", "en", "one month", ["a range from a date to itself"]),
    ("1 ene 2027 – 31 dic 2027", "es", "no ramp", []),
    ("有 500万元 的目标暂无销售代表承担", "zh-CN", "no ramp", ["space inside Chinese"]),
    ("较去年增长 29.0%", "zh-CN", "no ramp", ["space inside Chinese"]),
    ("表 3 每日目标", "zh-CN", "no ramp", []),
    ("月度目标同时给出工作日天数和日均目标", "zh-CN", "all_days basis", ["working days in a plan spread over calendar days"]),
    ("Daily target (USD) over calendar days", "en", "all_days basis", []),
    ("1月目标最高，达100万元", "zh-CN", "all months equal", ["a peak month when all months are equal"]),
    ("Peak month: Jan $80,000", "en", "all months equal", ["a peak month when all months are equal"]),
    ("Table 7 Sales by year", "en", "with history, half year", []),
])
def test_the_sentence_rules_catch_the_broken_sentences_readers_found(text, locale, edge, rules):
    assert broken(text, locale, edge) == rules


def test_a_team_where_nobody_ramps_is_not_told_new_reps_ramp_up(make_plan, plan_from):
    """No start dates: the method says how rep targets are set and nothing about a ramp."""
    method = build_context(*_plan_and_d(plan_from(make_plan())))["targets"]["method"]
    assert "Rep targets follow their weights within their region" in method
    assert not any("ramp" in line for line in method)


def test_when_all_months_are_equal_no_month_is_called_the_peak(make_plan, plan_from):
    """12,000k in 12 equal months of 1,000k: no month stands out, so the deck names none."""
    ctx = build_context(*_plan_and_d(plan_from(make_plan(**{"targets.phasing": {"method": "equal", "quarters": None}}))))
    assert ctx["targets"]["peak_month"] is None


BIG_TEAM_CARRIED = {"en": "Rep 05 ($29,000), Rep 12 ($22,000), Rep 18 ($18,000), and 17 more",
                    "es": "Rep 05 (29.000\u00a0€), Rep 12 (22.000\u00a0€), Rep 18 (18.000\u00a0€) y 17 más",
                    "es-MX": "Rep 05 ($29,000), Rep 12 ($22,000), Rep 18 ($18,000) y 17 más",
                    "zh-CN": "Rep 05（29,000元）、Rep 12（22,000元）、Rep 18（18,000元）和其他17人",
                    "zh-TW": "Rep 05（29,000元）、Rep 12（22,000元）、Rep 18（18,000元）和其他17人"}


@pytest.mark.parametrize("locale", list(BIG_TEAM_CARRIED))
def test_a_big_team_carrying_a_ramp_names_the_three_who_carry_most_and_counts_the_others(locale, make_plan,
                                                                                           plan_from):
    """20 colleagues carry what Nora (from July) does not: Rep 05 (weight 2), Rep 12 (1.5) and Rep 18 (1.2)
    carry most (29,000 / 22,000 / 18,000 against 15,000 for weight 1), so they are named; 20 - 3 = 17 counted."""
    weights = {5: 2, 12: 1.5, 18: 1.2}
    reps = [{"id": f"r{i:02d}", "name": f"Rep {i:02d}", **({"weight": weights[i]} if i in weights else {})}
            for i in range(1, 21)] + [{"id": "new", "name": "Nora", "start": "2027-07-01"}]
    currency = {"es": "EUR", "zh-CN": "CNY", "zh-TW": "TWD", "es-MX": "MXN"}.get(locale, "USD")
    plan = plan_from(make_plan(**{"plan.locale": locale, "plan.currency": currency, "team.reps": reps,
                                  "crm.customers": []}))
    method = build_context(*_plan_and_d(plan))["targets"]["method"]
    assert method[-1].endswith(BIG_TEAM_CARRIED[locale])


def _plan_and_d(plan):
    return plan, decompose(plan)


@pytest.mark.parametrize("period, share", [(2027, "6.0%"), ({"start": "2027-07", "months": 6}, "12.0%"),
                                           ({"start": "2027-04", "months": 3}, "24.0%")])
def test_a_shorter_plan_sets_its_target_against_a_years_market_annualised(period, share, make_plan, plan_from):
    """12M against a 200M market: 6% in a year; 12M in a half year is 24M a year, 12%; in a quarter 48M, 24%."""
    overrides = {"plan.period": period, "market.capacity": "200M", "targets.phasing": make_plan.DELETE}
    ctx = build_context(*_plan_and_d(plan_from(make_plan(**overrides))))
    assert str(ctx["market"]["share_of_capacity"]) == share


def test_a_rep_carrying_for_many_new_colleagues_names_three_and_counts_the_rest(make_plan, plan_from):
    """Ann, at full quota all year, carries what six colleagues who start in July do not: her plan names
    the first three and counts 6 - 3 = 3 others, instead of listing the whole team (at 100,000 reps a
    region's list ran to 1,400 names)."""
    from plangen.present.ctx.base import Ctx
    from plangen.present.ctx.rep import rep_context
    reps = [{"id": "ann", "name": "Ann"}] + [{"id": f"n{i}", "name": f"New {i}", "start": "2027-07-01"}
                                             for i in range(1, 7)]
    plan = plan_from(make_plan(**{"team.reps": reps, "crm.customers": []}))
    d = decompose(plan)
    story = rep_context(Ctx(plan, d), d.rep("ann"))["story"]
    assert story["carried_n"] == 6 and story["carried_for"] == "New 1, New 2, New 3, and 3 more"
