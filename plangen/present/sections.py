"""The plan's sections, in order: one entry each, the one home of a section's key, title and figures.

A new section is an entry here (its builder in present/ctx/, taking (ctx, tables, charts)), its
blocks under `section: <key>` in templates/outlines/{document,deck}.yaml and its title label in
every templates/i18n/<locale>.yaml. The deck numbers the sections that have slides 01, 02, ...
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from plangen.present.ctx import sections as parts
from plangen.present.ctx import targets
from plangen.present.ctx.base import Ctx

Builder = Callable[[Ctx, dict, dict], Any]


@dataclass(frozen=True)
class Section:
    """One section: its context key (and outline `section:` name), its title's label, its builder."""

    key: str
    title: str
    build: Builder


SECTIONS: tuple[Section, ...] = (
    Section("targets", "section_targets", targets.targets),
    Section("market", "section_market", parts.market),
    Section("product", "section_product", parts.product),
    Section("sales", "section_sales", parts.sales),
    Section("team", "section_team", parts.team),
    Section("crm", "section_crm", parts.crm),
    Section("monitoring", "section_monitoring", parts.monitoring),
    Section("budget", "budget", parts.budget),
    Section("tasks", "task_breakdown", parts.tasks),
)
KEYS: tuple[str, ...] = tuple(s.key for s in SECTIONS)


def build_sections(c: Ctx, tables: dict, charts: dict) -> dict[str, Any]:
    """Every section's figures by key, in order; a section without data is None."""
    return {s.key: s.build(c, tables, charts) for s in SECTIONS}


def present_sections(c: Ctx, ctx: dict[str, Any]) -> list[dict[str, str]]:
    """The sections that have data, numbered 01, 02, ... in order, with their titles."""
    shown = [s for s in SECTIONS if ctx.get(s.key)]
    return [{"no": f"{i:02d}", "key": s.key, "title": c.L[s.title]} for i, s in enumerate(shown, start=1)]
