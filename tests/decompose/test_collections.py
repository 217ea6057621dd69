"""Collections (回款): the period's sales collected by payment terms, plus last year's receivables."""
from __future__ import annotations

import io
import json
from fractions import Fraction

import docx
import pytest

from plangen.decompose import decompose
from plangen.decompose.collections import collected
from plangen.model import PlanError
from plangen.present.context import build_context
from plangen.render.docx.plan import render_plan_docx
from plangen.render.jsonout import document
from plangen.render.template_set import TemplateSet

F = Fraction


def it_collects_each_months_sales_by_the_terms():
    """Sales 100, 200, 300; terms 60% / 40%; 50 carried over in month 1:
    month 1: 60 + 50 = 110; month 2: 40 + 120 = 160; month 3: 80 + 180 = 260;
    closing: 40% of 300 = 120; 110 + 160 + 260 = 530 = 600 + 50 - 120."""
    months, old, closing = collected([100, 200, 300], [F(3, 5), F(2, 5)], 50, [F(1)], 10)
    assert (months, old, closing) == ((110, 160, 260), (50, 0, 0), 120)


def it_rounds_each_months_parts_to_add_up_to_its_sales():
    """Sales 70 in units of 10 with terms 1/3 each: 7 units -> 3, 2, 2 (largest remainder, ties first):
    30 in the month, 20 and 20 after; nothing lost."""
    months, _, closing = collected([70, 0, 0], [F(1, 3)] * 3, 0, [F(1)], 10)
    assert months == (30, 20, 20) and closing == 0


def it_phases_carried_receivables_over_the_first_months():
    """500 carried, terms 70% / 30%: 350 in month 1, 150 in month 2."""
    assert collected([0, 0, 0], [F(1)], 500, [F(7, 10), F(3, 10)], 10)[1] == (350, 150, 0)


def _plan(make_plan, plan_from, **collections):
    return plan_from(make_plan(**{"targets.collections": collections}))


def it_adds_up_for_the_team_and_every_rep(make_plan, plan_from):
    d = decompose(_plan(make_plan, plan_from, terms=["50%", "30%", "20%"], carried_over="400k"))
    c = d.collections
    assert c.total == d.total + 400_000 - c.closing
    for j in range(len(d.months)):
        assert c.months[j] == sum(v[j] for v in c.reps.values()) + c.unassigned[j]
    for r in d.reps:
        assert sum(c.reps[r.id]) <= r.total + 400_000


@pytest.mark.parametrize("collections, expected", [
    ({"terms": ["60%", "30%"]}, "targets.collections.terms: the collection terms sum to 90%, expected 100%"),
    ({"terms": ["100%"], "carried_over": "-5k"}, "targets.collections.carried_over: expected an amount of 0 or "
     "more, found -5,000"),
    ({"terms": ["5%"] * 20}, "targets.collections.terms: expected at most 12 terms (a month's sales collected "
     "within a year), found 20"),
    ({"terms": ["100%"], "carried_terms": ["10%"] * 10 + ["0%"] * 3},
     "targets.collections.carried_terms: expected at most 12 terms (the months of the period), found 13"),
    ({"carried_over": "5k"}, "targets.collections.terms: "),
])
def it_refuses_terms_it_cannot_use(make_plan, plan_from, collections, expected):
    with pytest.raises(PlanError) as e:
        _plan(make_plan, plan_from, **collections)
    assert any(str(p).split(": ", 1)[1].startswith(expected) for p in e.value.problems), e.value.format()


def it_writes_collections_to_the_json(make_plan, plan_from):
    d = decompose(plan := _plan(make_plan, plan_from, terms=["60%", "40%"]))
    out = json.loads(json.dumps(document(plan, d)))["collections"]
    assert out["total"] == sum(out["months"]) == d.total - out["closing"]


def _collection_sentence(plan) -> str:
    doc = docx.Document(io.BytesIO(render_plan_docx(build_context(plan, decompose(plan)), TemplateSet())))
    [text] = [p.text for p in doc.paragraphs if p.text.startswith(("The collection target", "回款目标",
                                                                   "El objetivo de cobros"))]
    return text


@pytest.mark.parametrize("locale, collections, expected", [
    ("en", {"terms": ["100%"]}, "The collection target is $12,000,000, 100.0% of the sales target. Customers pay in "
     "the month of sale."),
    ("en", {"terms": ["50%", "30%", "20%"], "carried_over": "1.2M"}, "Customers pay 50% in the month of sale, "
     "30% the month after and 20% 2 months after; last year's receivables of $1,200,000 come in during the first month; "),
    ("zh-CN", {"terms": ["60%", "40%"]}, "回款条件：当月60%、次月40%；"),
    ("es", {"terms": ["60%", "40%"], "carried_over": "300k", "carried_terms": ["50%", "50%"]},
     "Los clientes pagan el 60\u00a0% en el mes de la venta y el 40\u00a0% al mes siguiente; las cuentas por "
     "cobrar del año anterior, 300.000\u00a0US$, se cobran en los 2 primeros meses; "),
])
def it_says_how_the_collection_target_comes_about(make_plan, plan_from, locale, collections, expected):
    plan = plan_from(make_plan(**{"targets.collections": collections, "plan.locale": locale}))
    assert expected in _collection_sentence(plan)


def it_leaves_the_collections_section_out_without_collections(make_plan, plan_from):
    plan = plan_from(make_plan())
    doc = docx.Document(io.BytesIO(render_plan_docx(build_context(plan, decompose(plan)), TemplateSet())))
    assert not [p for p in doc.paragraphs if p.text in ("Collections",) or p.text.startswith("The collection")]
