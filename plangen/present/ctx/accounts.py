"""Key-customer targets in the documents: the team's named accounts, and each rep's with his other business."""
from __future__ import annotations

from fractions import Fraction
from typing import Any

from plangen.decompose.result import RepTarget
from plangen.present.ctx.base import Ctx


def accounts(c: Ctx, tables: dict) -> dict[str, Any] | None:
    """The annual plan's table of key-customer targets by owner and product item."""
    named = c.d.accounts
    if not named:
        return None
    L, names = c.L, {r.id: r.name for r in c.d.reps}
    total = sum(a.total for a in named)
    shown = c.amounts([a.total for a in named], total)
    rows = [[a.name, names.get(a.owner, a.owner or ""), s, product_items(c, a)] for a, s in zip(named, shown)]
    tables["accounts"] = c.table("accounts", L["title_accounts"], [L["customer"], L["owner"], c.head("target"),
                                 L["product_items"]], rows, [False, False, True, False],
                                 [L["total"], "", c.fig(total), ""])
    return {"count": len(named), "total": c.money(total), "share": c.share(Fraction(total, c.d.total or 1), 1)}


def rep_accounts(c: Ctx, rep: RepTarget):
    """One rep's key customers and his other business, adding up to his target."""
    named = c.team.accounts.get(rep.id)
    if not named:
        return None
    L = c.L
    amounts = [a.total for a in named] + [rep.total - sum(a.total for a in named)]
    shown = c.amounts(amounts, rep.total)
    rows = [[a.name, s, c.f.percent_of(a.total, rep.total or 1, 1), product_items(c, a)]
            for a, s in zip(named, shown)]
    rows.append([L["other_business"], shown[-1], c.f.percent_of(amounts[-1], rep.total or 1, 1), ""])
    return c.table("rep_accounts", L["title_accounts"], [L["customer"], c.head("target"), L["share"],
                   L["product_items"]], rows, [False, True, True, False],
                   [L["total"], c.fig(rep.total), "100%", ""])


def product_items(c: Ctx, account) -> str:
    """ "A系列 50万、B系列 30万" : each product item's target in the display unit."""
    parts = [f"{name} {c.f.money(sum(months))}" for name, months in account.products.items()]
    return c.loc.list_sep.join(parts)
