"""The section registry (plangen.present.sections): one home for a section's key, title and figures."""
from __future__ import annotations

from importlib.resources import files

import pytest
import yaml

from plangen.decompose import decompose
from plangen.present.context import build_context
from plangen.present.labels import LOCALES, labels, override_problems, overridden
from plangen.present.sections import KEYS, SECTIONS


def outline_sections(name: str) -> list[str]:
    """The `section:` keys at the top of templates/outlines/<name>.yaml, in order."""
    entries = yaml.safe_load((files("plangen.templates") / "outlines" / f"{name}.yaml").read_text(encoding="utf-8"))
    return [e["section"] for e in entries if isinstance(e, dict) and "section" in e]


@pytest.mark.parametrize("locale", LOCALES)
def it_has_a_title_for_every_section_in_every_locale(locale):
    L = labels(locale)
    assert all(L[s.title].strip() for s in SECTIONS)


@pytest.mark.parametrize("outline", ["document", "deck"])
def it_finds_every_registered_section_in_the_outlines_in_registry_order(outline):
    """The outlines place the registered sections in the registry's order (the deck also shows others, e.g. none)."""
    placed = [k for k in outline_sections(outline) if k in KEYS]
    assert placed == list(KEYS)


def it_numbers_only_the_sections_that_have_data_one_after_another(plan_from, make_plan):
    """A bare plan has targets and team (reps) only: they are 01 and 02, not 01 and 05."""
    plan = plan_from(make_plan())
    ctx = build_context(plan, decompose(plan))
    shown = ctx["sections"]
    assert [s["key"] for s in shown] == [k for k in KEYS if ctx.get(k)]
    assert [s["no"] for s in shown] == [f"{i:02d}" for i in range(1, len(shown) + 1)]
    assert shown[0] == {"no": "01", "key": "targets", "title": "Sales targets"}


def it_reads_a_company_label_file_that_still_numbers_its_sections():
    """`section_2` (the name before sections had names) sets `section_market`, with no problem reported."""
    base = labels("en")
    assert override_problems(base, {"section_2": "Our market"}) == {}
    assert overridden(base, {"section_2": "Our market"})["section_market"] == "Our market"
    assert base["section_2"] == base["section_market"] == "Market analysis"
