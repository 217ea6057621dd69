"""Every sample plan validates and decomposes, with every level adding up exactly."""
from __future__ import annotations

from pathlib import Path

import pytest

from plangen.decompose import decompose
from plangen.model import load

SAMPLE_FILES = sorted((Path(__file__).resolve().parents[2] / "samples").glob("*.yaml"))
SECTIONS = ("plan", "targets", "history", "market", "product_strategy", "sales_strategy", "team", "funnel",
            "crm", "budget", "monitoring", "tasks")
COMPLETE = ("zh-annual-plan.yaml", "es-regional-plan.yaml", "en-half-year-plan.yaml")


def _columns(rows) -> list[int]:
    return [sum(c) for c in zip(*rows)]


def it_has_the_three_complete_samples() -> None:
    """Chinese annual, Spanish regional and English half-year plans."""
    assert {f.name for f in SAMPLE_FILES} >= set(COMPLETE)


@pytest.mark.parametrize("name", COMPLETE)
def it_fills_every_section_of_the_complete_samples(samples_dir, name: str) -> None:
    """The showcase samples are complete plans: every section is present."""
    plan = load(samples_dir / name)
    for section in SECTIONS:
        assert getattr(plan, section), f"{name} has no {section}"


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=[f.stem for f in SAMPLE_FILES])
def it_decomposes_every_sample_exactly(path: Path) -> None:
    """Quarters, months, days, thirds, weeks, splits, reps + gap and budget add up to their parents."""
    plan = load(path)
    d = decompose(plan)
    unit, months = d.unit, list(d.revenue.months)
    assert sum(d.revenue.quarters) == d.total
    assert d.total == plan.targets.revenue or not isinstance(plan.targets.revenue, int)
    assert [sum(months[i] for i in q.months) for q in d.quarters] == list(d.revenue.quarters)
    for m in d.months:
        assert sum(day.amount for day in m.days) == sum(m.thirds) == m.amount
    assert sum(w.amount for w in d.weeks) == d.total
    for s in d.splits.values():
        assert sum(s.totals.values()) == d.total and _columns(s.by_month.values()) == months
    assert [a + g for a, g in zip(_columns(r.months for r in d.reps), d.unassigned)] == months
    assert all(sum(r.months) == r.total for r in d.reps)
    b = d.budget
    if b is not None:
        assert sum(b.items.values()) == sum(b.months) == b.total
        assert _columns(b.item_months.values()) == list(b.months)
        assert sum(b.reps.values()) == (b.total if d.reps else 0)
    if d.total % unit == 0:
        assert all(v % unit == 0 for v in [*months, *(x.amount for m in d.months for x in m.days),
                                           *(v for r in d.reps for v in r.months)])


def it_decomposes_the_spanish_plan_by_region(samples_dir) -> None:
    """6,8M: Madrid 40%, Cataluña 35%, Andalucía the rest; VIP monthly, Nivel 1 every two months."""
    d = decompose(load(samples_dir / "es-regional-plan.yaml"))
    assert dict(d.splits["region"].totals) == {"Madrid": 2_720_000, "Cataluña": 2_380_000, "Andalucía": 1_700_000}
    tiers = {c.name: (c.tier, c.visits) for c in d.customers}
    assert tiers["Talleres Castellana"] == ("VIP", (1,) * 12)
    assert tiers["Construcciones Henares"] == ("Nivel 1", (1, 0) * 6)
    assert d.budget.total == 408_000  # 6% of 6,8M
    assert not d.calendar.estimated and d.notices == ()


def it_decomposes_the_english_half_year_plan(samples_dir) -> None:
    """Jul-Dec 2027: Q3 42% and Q4 58% of 3.85M; three of seven reps ramp; the ramp shortfall is a gap."""
    plan = load(samples_dir / "en-half-year-plan.yaml")
    d = decompose(plan)
    assert plan.plan.period.months == 6 and [q.key for q in d.quarters] == ["2027-Q3", "2027-Q4"]
    assert d.revenue.quarters == (1_617_000, 2_233_000)
    assert len(d.reps) == 7 and sum(r.ramping for r in d.reps) == 3
    assert d.ramp_policy == "gap" and sum(d.unassigned) > 0
    assert [n.code for n in d.notices] == ["unassigned"]
