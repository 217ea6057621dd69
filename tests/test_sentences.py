"""Every sentence the documents print must be right for the plan it is printed for: the Word plan, a rep
plan and the deck (slides and notes) rendered over edge plans in every locale, checked against rules."""
from __future__ import annotations

import io
import re

import docx
import pytest
from pptx import Presentation

from plangen.decompose import decompose
from plangen.render.context import Ctx, build_context
from plangen.render.ctx_rep import rep_context
from plangen.render.docx_plan import render_plan_docx
from plangen.render.docx_rep import render_rep_docx
from plangen.render.pptx_deck import render_deck
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
    "last year known": {"history.monthly.2026": ["900k"] * 12},
}
NOT_A_YEAR = ("half year", "quarter", "one month")
CURRENCY = {"en": "USD", "es": "EUR", "zh-CN": "CNY"}
RULES = {
    "doubled punctuation": re.compile(r"[.,;:，。；：、]\s*[.,;:，。；：、]|(?<!\.)\.\.(?!\.)"),
    "one with a plural": re.compile(r"(?<![\d.,])1 (?:\w+ )?(visitas|visits|clientes|customers|reps|comerciales|tareas|tasks)\b"),
    "empty list join": re.compile(r",\s*,|、、|\(\s*\)|（\s*）"),
    "an input echoed": re.compile(r"计划填写|the plan states|el plan indica", re.I),
}
YEAR_WORDS = {"en": re.compile(r"\b(year|annual|yearly)\b", re.I), "es": re.compile(r"\b(año|anual)\b", re.I),
              "zh-CN": re.compile("全年|年度")}
ABOUT_LAST_YEAR = re.compile(r"last year|año pasado|año anterior|去年|上年|annual revenue|facturación anual", re.I)


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
    return out


@pytest.mark.parametrize("locale", ["en", "es", "zh-CN"])
def test_every_sentence_of_every_document_keeps_the_rules_over_edge_plans(locale, make_plan, plan_from):
    found = []
    for edge, overrides in EDGES.items():
        overrides = {k: make_plan.DELETE if v == "DELETE" else v for k, v in overrides.items()}
        plan = plan_from(make_plan(**{"plan.locale": locale, "plan.currency": CURRENCY[locale], **overrides}))
        found += [(edge, rule, text) for text in printed(plan) for rule in broken(text, locale, edge)]
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
    ("较去年增长 20%", "zh-CN", "quarter", []),
    ("Tiers follow last year's revenue", "en", "quarter", []),
    ("11 visitas, 21 clientes, 1.5 days", "es", "no ramp", []),
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


def _plan_and_d(plan):
    return plan, decompose(plan)
