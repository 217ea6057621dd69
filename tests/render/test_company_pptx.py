"""Company PowerPoint files as base.pptx (issue 14): translated layouts, short placeholders, .potx."""
from __future__ import annotations

import io
import warnings

import pytest
from pptx import Presentation

from fixtures.company import CHINESE_LAYOUTS, GERMAN_LAYOUTS, as_template, company_pptx
from office_audit import audit_errors
from plangen.decompose import decompose
from plangen.model import load
from plangen.present.context import build_context
from plangen.render.pptx.deck import DeckWarning, render_deck
from plangen.render.template_set import TemplateSet


@pytest.fixture(scope="module")
def ctx(samples_dir):
    plan = load(samples_dir / "zh-annual-plan.yaml")
    return build_context(plan, decompose(plan))


def deck_on(tmp_path, ctx, data: bytes, name: str = "base.pptx"):
    """The deck rendered on a company base file, with the DeckWarnings it gave."""
    (tmp_path / name).write_bytes(data)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = render_deck(ctx, TemplateSet(tmp_path))
    (tmp_path / "deck.pptx").write_bytes(out)
    return Presentation(io.BytesIO(out)), [str(w.message) for w in caught if issubclass(w.category, DeckWarning)]


def kinds_by_layout(prs) -> dict[str, str]:
    """The layout of the first slide, the agenda (3rd, after the executive summary), the first divider (4th)."""
    return {"cover": prs.slides[0].slide_layout.name, "agenda": prs.slides[2].slide_layout.name,
            "divider": prs.slides[3].slide_layout.name}


@pytest.mark.parametrize("names", [GERMAN_LAYOUTS, CHINESE_LAYOUTS], ids=["german", "chinese"])
def it_finds_translated_layouts_by_their_type(tmp_path, ctx, names) -> None:
    """'Titelfolie' / '标题幻灯片' is type title: the cover goes there, without a warning."""
    prs, warned = deck_on(tmp_path, ctx, company_pptx(names=names))
    assert kinds_by_layout(prs) == {"cover": names["Title Slide"], "agenda": names["Title Only"],
                                    "divider": names["Section Header"]}
    assert {s.slide_layout.name for s in prs.slides} <= set(names.values())
    assert [w for w in warned if "layout" in w] == []


def it_fits_charts_under_the_title_when_the_content_placeholder_is_under_an_inch(tmp_path, ctx) -> None:
    """A 0.8-inch content placeholder: charts and the risk matrix use the area under the title, one warning."""
    prs, warned = deck_on(tmp_path, ctx, company_pptx(content_height=731520))
    assert [w for w in warned if "layout" in w] == ["the content placeholder of layout 'Title and Content' is 22.9 × 2.0 cm, too small for "
                      "charts and tables; plangen uses the area under the title instead"]
    frames = [s for slide in prs.slides for s in slide.shapes if s.has_chart]
    assert frames and all(f.height > 914400 * 2 for f in frames)
    assert audit_errors(tmp_path / "deck.pptx") == ""


@pytest.mark.parametrize("name", ["base.pptx", "base.potx"])
def it_reads_a_powerpoint_template_potx_as_base(tmp_path, ctx, name) -> None:
    """What IT hands out (.potx) is read as a deck, dropped in as base.pptx or base.potx."""
    prs, _ = deck_on(tmp_path, ctx, as_template(company_pptx(names=GERMAN_LAYOUTS), "pptx"), name)
    assert prs.slides[0].slide_layout.name == "Titelfolie"
    assert audit_errors(tmp_path / "deck.pptx") == ""


def it_drops_the_company_files_sample_slides(tmp_path, ctx) -> None:
    prs, _ = deck_on(tmp_path, ctx, company_pptx(sample_slide=True))
    assert all(s.shapes.title is None or s.shapes.title.text != "Company sample slide" for s in prs.slides)


def chart_colours(prs, palette) -> tuple[list[str], list[str]]:
    """(series fills, chart text colours) of every chart of the deck, as RRGGBB."""
    from plangen.render.pptx.contrast import TEXT_PROPS, _is_series_fill
    fills, texts = [], []
    for slide in prs.slides:
        for shape in slide.shapes:
            if not shape.has_chart:
                continue
            for fill in shape.chart_part._element.iter(f"{{{A}}}solidFill"):
                rgb = palette.resolve(fill[0])
                if fill.getparent().tag in TEXT_PROPS:
                    texts.append(rgb)
                elif _is_series_fill(fill.getparent()):
                    fills.append(rgb)
    return fills, texts


A = "http://schemas.openxmlformats.org/drawingml/2006/main"


@pytest.mark.parametrize("options,background,named", [
    ({"background": "111111", "dark": True}, "111111", "theme colour bg1"),
    ({"accent1": "F2F2F2"}, "FFFFFF", "theme colour accent1"),
], ids=["dark-first-master", "pale-accent"])
def it_keeps_charts_and_text_readable_on_the_company_background(tmp_path, ctx, options, background, named) -> None:
    """Bars and lines reach 3:1 against the background, chart text 4.5:1 (WCAG); the swap is warned."""
    from plangen.render.pptx.contrast import Palette, contrast
    prs, warned = deck_on(tmp_path, ctx, company_pptx(**options))
    palette = Palette(prs.slide_masters[0])
    assert palette.background == background
    fills, texts = chart_colours(prs, palette)
    assert fills and min(contrast(f, background) for f in fills) >= 3
    assert texts and min(contrast(t, background) for t in texts) >= 4.5
    assert any(named in w and f"against the background #{background}" in w for w in warned)
    assert audit_errors(tmp_path / "deck.pptx") == ""


def it_makes_a_pale_accent_big_number_readable(tmp_path, ctx) -> None:
    """The big number is accent1 text: #F2F2F2 on white (1.1:1) becomes a darker grey that reads (>= 4.5:1)."""
    from plangen.render.pptx.contrast import Palette, contrast
    prs, _ = deck_on(tmp_path, ctx, company_pptx(accent1="F2F2F2"))
    palette = Palette(prs.slide_masters[0])
    big = max((s for s in prs.slides[1].shapes if s.has_text_frame and s.text_frame.text),
              key=lambda s: max(((r.font.size or 0) for p in s.text_frame.paragraphs for r in p.runs), default=0))
    fill = big._element.find(f".//{{{A}}}rPr/{{{A}}}solidFill")
    assert contrast(palette.resolve(fill[0]), "FFFFFF") >= 4.5


def it_adjusts_plangens_own_deck_quietly(ctx) -> None:
    """plangen's base reads as it is designed; colours it adjusts are not the company's business to hear of."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        render_deck(ctx, TemplateSet(None))
    assert [w for w in caught if issubclass(w.category, DeckWarning)] == []
