"""Top-down, then bottom-up (issue 18.1): proposals against the allocation, the gap, and the agreed numbers."""
from __future__ import annotations

import io
import json

import docx
import pytest

from plangen.decompose import decompose
from plangen.decompose.proposals import agree, respread
from plangen.model import PlanError
from plangen.model.schema import Reconcile
from plangen.present.context import Ctx, build_context
from plangen.present.ctx.rep import rep_context
from plangen.render.docx.rep import render_rep_docx
from plangen.render.jsonout import document
from plangen.render.template_set import TemplateSet
from plangen.review import review

# 10M over Ann (weight 1.5) and Bob (1): 6M / 4M top-down; they propose 5M / 3M
TWO = {"targets.revenue": "10M", "team.reps.0.weight": 1.5, "team.reps.0.proposed": "5M",
       "team.reps.1.proposed": "3M"}


def _plan(make_plan, plan_from, rule=None, **overrides):
    return plan_from(make_plan(**{**TWO, **({"team.reconcile": rule} if rule else {}), **overrides}))


def _agreed(d):
    return [r.agreed for r in d.proposals.reps]


def it_shows_the_gap_and_keeps_top_down_by_default(make_plan, plan_from):
    """Gap per rep 5M - 6M = -1M and 3M - 4M = -1M, -2M in all; the default rule keeps 6M / 4M."""
    d = decompose(_plan(make_plan, plan_from))
    p = d.proposals
    assert (p.rule, [r.top_down for r in p.reps], [r.gap for r in p.reps]) == ("top_down", [6_000_000, 4_000_000],
                                                                               [-1_000_000, -1_000_000])
    assert (p.proposed, p.proposers_top_down, p.gap) == (8_000_000, 10_000_000, -2_000_000)
    assert _agreed(d) == [r.total for r in d.reps] == [6_000_000, 4_000_000]


def it_scales_the_proposals_to_the_target(make_plan, plan_from):
    """10M x 5/8 = 6.25M and 10M x 3/8 = 3.75M."""
    d = decompose(_plan(make_plan, plan_from, {"rule": "scale"}))
    assert _agreed(d) == [r.total for r in d.reps] == [6_250_000, 3_750_000]


def it_blends_top_down_and_scaled_proposals(make_plan, plan_from):
    """w = 50%: 0.5 x 6M + 0.5 x 6.25M = 6.125M; 0.5 x 4M + 0.5 x 3.75M = 3.875M (exact at rounding 1,000)."""
    d = decompose(_plan(make_plan, plan_from, {"rule": "blend", "weight": "50%"}))
    assert _agreed(d) == [6_125_000, 3_875_000]


def it_rounds_a_blend_to_the_unit_and_keeps_the_total():
    """1,000万 over 600万 / 400万, proposals 500万 / 300万, w = 50%: 612.5万 / 387.5万 exact; in whole 万 the
    tie of two .5 remainders goes to the earlier rep: 613万 / 387万, still 1,000万."""
    rule = Reconcile(rule="blend", weight="50%")
    assert agree(rule, [6_000_000, 4_000_000], [5_000_000, 3_000_000], 10_000) == (6_130_000, 3_870_000)
    assert agree(rule, [6_000_000, 4_000_000], [5_000_000, 3_000_000], 1) == (6_125_000, 3_875_000)


def it_moves_the_months_with_the_agreed_number_and_keeps_every_month(make_plan, plan_from):
    """Under scale Ann's months add up to 6.25M, and Ann + Bob is still each month's team target."""
    d = decompose(_plan(make_plan, plan_from, {"rule": "scale"}))
    assert [sum(r.months) for r in d.reps] == [6_250_000, 3_750_000]
    assert [a + b for a, b in zip(d.reps[0].months, d.reps[1].months)] == [m.amount for m in d.months]
    top = decompose(_plan(make_plan, plan_from))
    assert sum(a.deals for a in d.reps[0].activities) > sum(a.deals for a in top.reps[0].activities)


def it_gives_up_target_by_own_months_and_takes_it_by_what_is_freed():
    """Giver [60, 40] (100) -> 80: his own months x 4/5 = [48, 32], freeing [12, 8]; the only taker [30, 30]
    (60) -> 80 receives them: [42, 38]. Columns keep 90 and 70."""
    assert respread([[60, 40], [30, 30]], [80, 80], 1) == [[48, 32], [42, 38]]


def it_keeps_top_down_for_reps_without_a_proposal_or_at_ramp(make_plan, plan_from):
    """Bob proposes nothing; Cy starts in April (ramps): both keep their top-down numbers, and Ann, the only
    rep left under the rule, keeps hers."""
    plan = _plan(make_plan, plan_from, {"rule": "scale"}, **{"team.reps": [
        {"id": "r1", "name": "Ann", "weight": 1.5, "proposed": "5M"}, {"id": "r2", "name": "Bob"},
        {"id": "r3", "name": "Cy", "start": "2027-04-01", "proposed": "1M"}]})
    d = decompose(plan)
    assert [r.basis for r in d.proposals.reps] == ["alone", "no_proposal", "ramp"]
    assert _agreed(d) == [r.top_down for r in d.proposals.reps]


def it_changes_nothing_without_proposals(make_plan, plan_from):
    d = decompose(plan_from(make_plan()))
    assert d.proposals is None and document(plan_from(make_plan()), d)["proposals"] is None


def it_writes_the_proposals_to_the_json(make_plan, plan_from):
    plan = _plan(make_plan, plan_from, {"rule": "scale"})
    doc = json.loads(json.dumps(document(plan, decompose(plan))))
    assert doc["proposals"]["gap"] == -2_000_000 and doc["proposals"]["reps"][0] == {
        "id": "r1", "top_down": 6_000_000, "proposed": 5_000_000, "gap": -1_000_000, "agreed": 6_250_000,
        "basis": "rule"}
    assert doc["reps"][0]["total"] == 6_250_000


@pytest.mark.parametrize("overrides, expected", [
    ({"team.reps.0.proposed": "-5M"}, "team.reps[0].proposed: expected an amount above 0, found -5,000,000"),
    ({"team.reps.1.proposed": 0}, "team.reps[1].proposed: expected an amount above 0, found 0"),
    ({"team.reconcile": {"rule": "scale", "weight": "50%"}},
     "team.reconcile.weight: rule: scale uses no weight; expected rule: blend with weight, or no weight"),
    ({"team.reconcile": {"weight": "50%"}},
     "team.reconcile.weight: rule: top_down uses no weight; expected rule: blend with weight, or no weight"),
    ({"team.reconcile": {"rule": "blend"}},
     "team.reconcile.rule: rule: blend needs a weight (the top-down number's share, such as 50%); found none"),
    ({"team.reconcile": {"rule": "blend", "weight": "150%"}},
     "team.reconcile.weight: expected a share from 0% to 100% of the top-down number, found 150%"),
    ({"team.reconcile": {"rule": "blend", "weight": "-10%"}},
     "team.reconcile.weight: expected a share from 0% to 100% of the top-down number, found -10%"),
    ({"team.reps.0.proposed": "DELETE", "team.reps.1.proposed": "DELETE",
      "team.reconcile": {"rule": "scale"}},
     "team.reconcile.rule: rule: scale reconciles the reps' proposals; expected team.reps[].proposed on at "
     "least one rep, found none"),
    ({"team.reconcile": {"rule": "average"}}, "team.reconcile.rule: "),
])
def it_refuses_proposals_it_cannot_use(make_plan, plan_from, overrides, expected):
    overrides = {k: make_plan.DELETE if v == "DELETE" else v for k, v in overrides.items()}
    with pytest.raises(PlanError) as e:
        plan_from(make_plan(**{**TWO, **overrides}))
    shown = [str(p).split(": ", 1)[1] for p in e.value.problems]
    assert any(s.startswith(expected) for s in shown), e.value.format()


def it_locates_a_proposal_error_in_the_file(make_plan, plan_from):
    with pytest.raises(PlanError) as e:
        plan_from(make_plan(**{**TWO, "team.reps.0.proposed": "-5M"}))
    assert e.value.format().startswith("test.yaml:") and "team.reps[0].proposed: " in e.value.format()


def _texts(plan, index=0):
    d = decompose(plan)
    ctx = build_context(plan, d)
    data = render_rep_docx(ctx, rep_context(Ctx(plan, d), d.reps[index]), TemplateSet())
    return ctx, "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def it_shows_the_three_numbers_in_the_rep_plan(make_plan, plan_from):
    """Ann: top-down 6M, proposed 5M, agreed 6.125M (blend), in the explanation and the commitment."""
    _, text = _texts(_plan(make_plan, plan_from, {"rule": "blend", "weight": "50%"}))
    assert ("The top-down allocation gave you $6,000,000; you proposed $5,000,000, $1,000,000 below it. The team's "
            "rule takes 50% of the top-down number and 50% of your proposal scaled to the top-down total: your "
            "agreed target is $6,125,000.") in text
    assert "I proposed $5,000,000 as my number for 2027, and my manager and I have agreed on $6,125,000." in text
    assert "Your target is your full quota" not in text


@pytest.mark.parametrize("locale, expected", [
    ("zh-CN", "本人提报US$5,000,000，经与上级沟通，确定目标为US$6,125,000。本人承诺在2027年度完成个人销售目标US$6,125,000"),
    ("es", "Propuse 5.000.000\u00a0US$ como mi cifra para 2027 y he acordado con mi responsable 6.125.000\u00a0US$."),
])
def it_writes_the_commitment_in_every_locale(make_plan, plan_from, locale, expected):
    _, text = _texts(_plan(make_plan, plan_from, {"rule": "blend", "weight": "50%"}, **{"plan.locale": locale}))
    assert expected in text


def it_puts_the_table_in_the_annual_plan_adding_up(make_plan, plan_from):
    """Ann's row: 6M top-down, 5M proposed, -1M gap, 6.25M agreed; totals 10M, 8M, -2M, 10M (USD)."""
    ctx, _ = _texts(_plan(make_plan, plan_from, {"rule": "scale"}))
    t = ctx["tables"]["proposals"]
    assert t.rows[0][1:] == ("6,000,000", "5,000,000", "-1,000,000", "6,250,000")
    assert t.total[1:] == ("10,000,000", "8,000,000", "-2,000,000", "10,000,000")
    p = ctx["team"]["proposals"]
    assert (p["rule"], p["direction"], p["gap"].value, p["count"]) == ("scale", "below", 2_000_000, 2)


def it_leaves_the_table_out_without_proposals(make_plan, plan_from):
    plan = plan_from(make_plan())
    ctx = build_context(plan, decompose(plan))
    assert "proposals" not in ctx["tables"] and ctx["team"]["proposals"] is None


def it_warns_when_the_proposals_fall_far_short(make_plan, plan_from):
    """8M of 10M is 80%, below review.proposals_min 90%; at 75% it passes."""
    plan = _plan(make_plan, plan_from)
    codes = [f.code for f in review(plan, decompose(plan)).findings]
    assert "team.proposals_short" in codes
    ok = _plan(make_plan, plan_from, **{"review.proposals_min": "75%"})
    assert "team.proposals_short" not in [f.code for f in review(ok, decompose(ok)).findings]


@pytest.mark.parametrize("header", ["proposed", "提报目标", "提報目標", "Proposal", "propuesta"])
def it_reads_proposals_from_a_roster(tmp_path, make_plan, to_yaml_text, header):
    """The `proposed` column under its own name or a locale's word; an empty cell is no proposal."""
    from plangen.model import load
    (tmp_path / "reps.csv").write_text(f"id,name,{header}\nr1,Ann,5M\nr2,Bob,\n", encoding="utf-8")
    path = tmp_path / "plan.yaml"
    path.write_text(to_yaml_text(make_plan(**{"team.reps": make_plan.DELETE, "team.reps_file": "reps.csv"})),
                    encoding="utf-8")
    assert [r.proposed for r in load(path).team.reps] == [5_000_000, None]
