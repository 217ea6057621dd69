"""The decks of the shipped samples as a director receives them: at most 30 slides, the executive summary
first, every section numbered with the agenda matching the dividers, notes that say what to tell the room."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from pptx import Presentation

from plangen.decompose import decompose
from plangen.model import load
from plangen.present.context import build_context
from plangen.render.pptx.deck import render_deck
from plangen.render.template_set import TemplateSet

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ["zh-annual-plan", "es-regional-plan", "en-half-year-plan", "zh-seed-000-plan"]
SUMMARY = {"zh-CN": "执行摘要", "es": "Resumen ejecutivo", "en": "Executive summary"}


@pytest.fixture(scope="module", params=SAMPLES)
def deck(request):
    plan = load(ROOT / "samples" / f"{request.param}.yaml")
    ctx = build_context(plan, decompose(plan))
    return plan.plan.locale, Presentation(io.BytesIO(render_deck(ctx, TemplateSet())))


def it_fits_in_thirty_slides_with_the_executive_summary_first(deck):
    locale, prs = deck
    assert len(prs.slides) <= 30
    assert prs.slides[1].shapes.title.text.startswith(SUMMARY[locale])


def it_numbers_every_section_on_its_divider_as_on_the_agenda(deck):
    _, prs = deck
    agenda = [s.text_frame.text for s in prs.slides[2].shapes if s.name.startswith("Agenda Number")]
    dividers = [ph.text_frame.text for s in prs.slides if s.slide_layout.name == "Section Header"
                for ph in s.placeholders if ph.placeholder_format.idx == 1]
    assert agenda == dividers == [f"{i:02d}" for i in range(1, len(dividers) + 1)]
    assert len(dividers) == 9  # the seven sections, budget and tasks


def it_keeps_speaker_notes_to_what_is_said_not_tables_read_out(deck):
    """A note of more than six lines is a table or a list read out (the old month notes had 13)."""
    _, prs = deck
    long = [(i, s.notes_slide.notes_text_frame.text) for i, s in enumerate(prs.slides, 1)
            if s.has_notes_slide and s.notes_slide.notes_text_frame.text.count("\n") >= 6]
    assert long == []
