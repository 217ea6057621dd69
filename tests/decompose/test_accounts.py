"""Targets per key customer (outlet) with product items, inside the owner's target (seed 000, step 4)."""
from __future__ import annotations

import pytest

from plangen.decompose import decompose
from plangen.model import PlanError
from plangen.present.context import Ctx, build_context, notice_text
from plangen.present.ctx.rep import rep_context


def _customers(**acme):
    return [{"name": "Acme", "revenue_last_year": "1.5M", "owner": "r1", **acme},
            {"name": "Globex", "revenue_last_year": "400k", "owner": "r2"}]


def _plan(make_plan, plan_from, **acme):
    return plan_from(make_plan(**{"crm.customers": _customers(**acme),
                                  "targets.split": {"product_line": {"A": "60%", "B": "rest"}}}))


def it_adds_up_by_month_and_product_item(make_plan, plan_from):
    """Acme 1.2M owned by Ann (6M a year, 20/25/30/25%): months follow Ann's months, so Q1 = 20% = 240k;
    products A 60% = 720k, B 40% = 480k; every month's products add up to Acme's month."""
    d = decompose(_plan(make_plan, plan_from, target="1.2M"))
    [a] = d.accounts
    assert a.total == sum(a.months) == 1_200_000
    assert sum(a.months[:3]) == 240_000
    assert {k: sum(v) for k, v in a.products.items()} == {"A": 720_000, "B": 480_000}
    for j, m in enumerate(a.months):
        assert sum(v[j] for v in a.products.values()) == m


def it_uses_the_customers_own_product_items(make_plan, plan_from):
    """Acme 1.2M, products A 25% / B rest: 300k and 900k."""
    d = decompose(_plan(make_plan, plan_from, target="1.2M", products={"A": "25%", "B": "rest"}))
    assert {k: sum(v) for k, v in d.accounts[0].products.items()} == {"A": 300_000, "B": 900_000}


def it_shows_the_reps_key_customers_and_his_other_business(make_plan, plan_from):
    """Ann's 6M: Acme 1.2M (20.0%), other customers 4.8M (80.0%), total 6M."""
    plan = _plan(make_plan, plan_from, target="1.2M")
    d = decompose(plan)
    table = rep_context(Ctx(plan, d), d.rep("r1"))["tables"]["rep_accounts"]
    assert [list(row[:3]) for row in table.rows] == [["Acme", "1,200,000", "20.0%"],
                                               ["Other customers", "4,800,000", "80.0%"]]
    assert table.rows[0][3] == "A $720,000, B $480,000"
    assert table.total[:3] == ("Total", "6,000,000", "100%")


def it_lists_the_key_customers_in_the_annual_plan(make_plan, plan_from):
    plan = _plan(make_plan, plan_from, target="1.2M")
    ctx = build_context(plan, decompose(plan))
    assert ctx["tables"]["accounts"].rows[0][:3] == ("Acme", "Ann", "1,200,000")
    assert "rep_accounts" not in rep_context(Ctx(plan, decompose(plan)), decompose(plan).rep("r2"))["tables"]


def it_warns_when_key_customers_exceed_the_reps_target(make_plan, plan_from):
    plan = _plan(make_plan, plan_from, target="7M")
    d = decompose(plan)
    [n] = [n for n in d.notices if n.code == "accounts_above_target"]
    assert notice_text(Ctx(plan, d), n) == ("The key-customer targets of Ann add up to $7,000,000, above the "
                                            "rep's target of $6,000,000: lower them or raise the rep's share")


@pytest.mark.parametrize("acme, expected", [
    ({"target": "1M", "owner": None}, "crm.customers[0].target: customer 'Acme' has a target but no owner; "
     "expected an owner (a rep id) who carries it"),
    ({"products": {"A": "50%", "B": "rest"}}, "crm.customers[0].products: customer 'Acme' has product items but "
     "no target; expected a target"),
    ({"target": "1M", "products": {"A": "50%", "Z": "rest"}}, "crm.customers[0].products.Z: product 'Z' is not in "
     "targets.split.product_line; expected one of A, B"),
])
def it_refuses_key_customer_targets_it_cannot_place(make_plan, plan_from, acme, expected):
    with pytest.raises(PlanError) as e:
        _plan(make_plan, plan_from, **acme)
    assert any(str(p).split(": ", 1)[1] == expected for p in e.value.problems), e.value.format()
