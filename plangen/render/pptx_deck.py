"""The PowerPoint deck: the outline's slides drawn on the base deck's named layouts.

render_deck(ctx, templates) is pure: context and templates in, .pptx bytes out. A layout the base
lacks falls back to a similar one (FALLBACKS) with a DeckWarning.
"""
from __future__ import annotations

import warnings
from io import BytesIO
from typing import Any

from lxml import etree
from pptx import Presentation
from pptx.util import Inches

from ..locales import locale as plan_locale
from .pptx_number import add_slide_number
from .pptx_outline import Outline
from .pptx_slides import BUILDERS, Geometry, SlideSpec, box_of, placeholder, remove_empty_placeholders
from .pptx_text import A_NS, finish_runs, set_text
from .template_set import TemplateSet

FALLBACKS = {
    "Title Slide": ("Section Header", "Title Only", "Title and Content"),
    "Section Header": ("Title Slide", "Title Only", "Title and Content"),
    "Title and Content": ("Title Only", "Two Content", "Blank"),
    "Two Content": ("Comparison", "Title and Content", "Title Only"),
    "Comparison": ("Two Content", "Title and Content", "Title Only"),
    "Title Only": ("Title and Content", "Blank"),
    "Blank": ("Title Only", "Title and Content"),
}


class DeckWarning(UserWarning):
    """Something in the base deck or outline was replaced by a fallback."""


def render_deck(ctx: dict[str, Any], templates: TemplateSet) -> bytes:
    """The deck for a render context, on the template set's base.pptx."""
    prs = Presentation(BytesIO(templates.bytes("base.pptx")))
    drop_slides(prs)
    geo = geometry(prs)
    specs = Outline(ctx, templates, geo).slides()
    layouts = Layouts(prs)
    fonts = ea_fonts(prs, ctx["plan"]["locale"])
    for spec in specs:
        slide = add_slide(prs, layouts.get(spec.layout), geo, spec, ctx["plan"]["locale"], fonts)
        if spec.kind != "title":
            add_slide_number(slide, len(prs.slides), geo, ctx["plan"]["locale"])
    out = BytesIO()
    prs.save(out)
    return out.getvalue()


def add_slide(prs, layout, geo: Geometry, spec: SlideSpec, locale: str, fonts: tuple[str, str]):
    """One slide: built by its kind, unused placeholders removed, notes, fonts and language set."""
    slide = prs.slides.add_slide(layout)
    BUILDERS[spec.kind](slide, geo, spec)
    remove_empty_placeholders(slide)
    finish_runs(slide._element, locale, fonts)
    if spec.notes:
        notes = slide.notes_slide
        set_text(notes.notes_text_frame, spec.notes)
        finish_runs(notes._element, locale, fonts)
    return slide


class Layouts:
    """The base deck's layouts by name, with documented fallbacks."""

    def __init__(self, prs):
        self.by_name = {}
        for master in prs.slide_masters:
            for layout in master.slide_layouts:
                self.by_name.setdefault(layout.name, layout)
        self.first = prs.slide_layouts[0]
        self.warned: set[str] = set()

    def get(self, name: str):
        """The layout called `name`, else its first available fallback (warned once per name)."""
        if name in self.by_name:
            return self.by_name[name]
        for other in (*FALLBACKS.get(name, ()), *self.by_name):
            if other in self.by_name:
                self.warn(f"the base deck has no layout {name!r}; using {other!r}", name)
                return self.by_name[other]
        return self.first

    def warn(self, message: str, key: str) -> None:
        """Warn once per missing layout."""
        if key not in self.warned:
            self.warned.add(key)
            warnings.warn(message, DeckWarning, stacklevel=3)


def drop_slides(prs) -> None:
    """Remove sample slides a company base may carry (masters and layouts stay)."""
    ids = prs.slides._sldIdLst
    for sld in list(ids):
        prs.part.drop_rel(sld.rId)
        ids.remove(sld)


def geometry(prs) -> Geometry:
    """Title box, content area and halves from the base's layouts (or a 16:9 default grid)."""
    w, h = prs.slide_width, prs.slide_height
    layouts = {lay.name: lay for lay in prs.slide_layouts}
    margin = int(w * 0.045)
    title = (margin, int(h * 0.047), w - 2 * margin, int(h * 0.127))
    tc, two = layouts.get("Title and Content"), layouts.get("Two Content")
    if tc is not None and tc.placeholders:
        title = box_of(_title_of(tc), title)
    top = title[1] + title[3] + Inches(0.3)
    content = box_of(placeholder(tc, 1) if tc is not None else None, (title[0], top, title[2], int(h * 0.89) - top))
    half_w = (content[2] - Inches(0.4)) // 2
    halves = (content[0], content[1], half_w, content[3]), (content[0] + content[2] - half_w, content[1], half_w,
                                                            content[3])
    if two is not None:
        halves = box_of(placeholder(two, 1), halves[0]), box_of(placeholder(two, 2), halves[1])
    return Geometry(w, h, title, content, halves)


def _title_of(layout):
    """A layout's title placeholder, or None."""
    for shape in layout.placeholders:
        if shape.placeholder_format.type is not None and shape.placeholder_format.idx == 0:
            return shape
    return None


def ea_fonts(prs, locale: str) -> tuple[str, str]:
    """East Asian typefaces for body and titles: the theme's (+mn-ea/+mj-ea) when it names one, else the locale's."""
    theme = _theme(prs)
    fonts = []
    body, heading = plan_locale(locale).fonts
    for kind, ref, fallback in (("minorFont", "+mn-ea", body), ("majorFont", "+mj-ea", heading)):
        node = theme.find(f".//{{{A_NS}}}{kind}/{{{A_NS}}}ea") if theme is not None else None
        fonts.append(ref if node is not None and node.get("typeface") else fallback)
    return fonts[0], fonts[1]


def _theme(prs) -> etree._Element | None:
    """The first master's theme XML."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    try:
        return etree.fromstring(prs.slide_master.part.part_related_by(RT.THEME).blob)
    except (KeyError, etree.XMLSyntaxError):
        return None
