"""Top-down vs proposals: the team's table and sentence, and one rep's proposal, agreed number and commitment."""
from __future__ import annotations

from fractions import Fraction
from typing import Any, Literal

from plangen.decompose.result import Proposals, RepTarget
from plangen.present.ctx.base import Ctx
from plangen.present.values import Table

DASH = "—"   # a rep who made no proposal
Direction = Literal["below", "above", "equal"]


def team_proposals(c: Ctx, tables: dict) -> dict[str, Any] | None:
    """The annual plan's paragraph and table on the reps' proposals; None when nobody proposed."""
    p = c.d.proposals
    if p is None:
        return None
    tables["proposals"] = proposals_table(c, p)
    bases = [r.basis for r in p.reps]
    return {**_rule(c, p), "proposed": c.money(p.proposed), "top_down": c.money(p.proposers_top_down),
            "gap": c.money(abs(p.gap)), "direction": _direction(p.gap),
            "ratio": c.share(Fraction(p.proposed, p.proposers_top_down or 1), 1),
            "count": len(p.proposers), "reps": len(p.reps), "without": bases.count("no_proposal"),
            "ramping": bases.count("ramp"), "moved": any(r.agreed != r.top_down for r in p.reps),
            **_alone(c, p)}


def _alone(c: Ctx, p: Proposals) -> dict[str, Any]:
    """The reps who are the only one of their group under the rule (they keep its target), and how many."""
    names = [r.name for r, x in zip(c.d.reps, p.reps) if x.basis == "alone"] if p.rule != "top_down" else []
    return {"alone": c.f.join(names), "alone_n": len(names)}


def _rule(c: Ctx, p: Proposals) -> dict[str, Any]:
    """The rule, its blend shares, and whether it works region by region."""
    w = p.weight
    return {"rule": p.rule, "weight": c.share(w) if w is not None else None,
            "rest": c.share(1 - w) if w is not None else None,
            "by_region": any(r.region for r in c.d.reps) and "region" in c.d.splits}


def _direction(gap: int) -> Direction:
    return "below" if gap < 0 else "above" if gap > 0 else "equal"


def proposals_table(c: Ctx, p: Proposals) -> Table:
    """Rep, top-down, proposed, gap, agreed; every column adds up to its total as displayed."""
    L, names = c.L, [r.name for r in c.d.reps]
    top = c.amounts([r.top_down for r in p.reps], sum(r.top_down for r in p.reps))
    agreed = c.amounts([r.agreed for r in p.reps], sum(r.agreed for r in p.reps))
    asked = _column(c, [r.proposed for r in p.reps], p.proposed)
    gaps = _column(c, [r.gap for r in p.reps], p.gap)
    rows = [list(x) for x in zip(names, top, asked, gaps, agreed)]
    total = [L["total"], c.fig(sum(r.top_down for r in p.reps)), c.fig(p.proposed), c.fig(p.gap),
             c.fig(sum(r.agreed for r in p.reps))]
    cols = [L["rep"], c.head("top_down"), c.head("proposed"), c.head("proposal_gap"), c.head("agreed")]
    return c.table("proposals", L["title_proposals"], cols, rows, [False, True, True, True, True], total,
                   c.unit_note())


def _column(c: Ctx, values: list[int | None], total: int) -> list[str]:
    """A column where some reps have no value (a dash): the others add up to the total as displayed."""
    shown = iter(c.amounts([v for v in values if v is not None], total))
    return [DASH if v is None else next(shown) for v in values]


def rep_proposal(c: Ctx, rep: RepTarget) -> dict[str, Any] | None:
    """One rep's proposal, his top-down and agreed numbers and why; None when he made no proposal."""
    p, mine = c.d.proposals, c.team.proposals.get(rep.id)
    if mine is None or mine.proposed is None:
        return None
    return {**_rule(c, p), "proposed": c.money(mine.proposed), "top_down": c.money(mine.top_down),
            "agreed": c.money(mine.agreed), "gap": c.money(abs(mine.gap)), "direction": _direction(mine.gap),
            "basis": mine.basis, "moved": mine.agreed != mine.top_down}
