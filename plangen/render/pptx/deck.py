"""The PowerPoint deck: the outline's slides drawn on the base deck's named layouts.

render_deck(ctx, templates) is pure: context and templates in, .pptx bytes out. Layouts are found
by name or type on one master (pptx_layouts); a missing one falls back to a similar one with a DeckWarning.
"""
from __future__ import annotations

from io import BytesIO
from typing import Any

from lxml import etree
from pptx import Presentation
from pptx.util import Inches

from plangen.locales import locale as plan_locale
from plangen.render.pptx.contrast import Palette, fix_slide
from plangen.render.pptx.layouts import DeckWarning, Layouts
from plangen.render.pptx.number import add_slide_number
from plangen.render.pptx.outline import Outline
from plangen.render.pptx.slides import BUILDERS, Geometry, SlideSpec, box_of, placeholder, remove_empty_placeholders
from plangen.render.pptx.text import A_NS, finish_runs, set_text
from plangen.render.template_set import TemplateSet

__all__ = ["DeckWarning", "Layouts", "render_deck", "geometry", "add_slide", "drop_slides", "ea_fonts"]


def render_deck(ctx: dict[str, Any], templates: TemplateSet) -> bytes:
    """The deck for a render context, on the template set's base.pptx."""
    prs = Presentation(BytesIO(templates.bytes("base.pptx")))
    layouts = Layouts(prs)
    drop_slides(prs)
    geo = geometry(prs, layouts)
    specs = Outline(ctx, templates, geo).slides()
    fonts = ea_fonts(prs, ctx["plan"]["locale"], layouts.master)
    palette = Palette(layouts.master, warn=templates.is_company("base.pptx"))
    for spec in specs:
        slide = add_slide(prs, layouts.get(spec.layout), geo, spec, ctx["plan"]["locale"], fonts, palette)
        if spec.kind != "title":
            add_slide_number(slide, len(prs.slides), geo, ctx["plan"]["locale"])
    out = BytesIO()
    prs.save(out)
    return out.getvalue()


def add_slide(prs, layout, geo: Geometry, spec: SlideSpec, locale: str, fonts: tuple[str, str],
              palette: Palette | None = None):
    """One slide: built by its kind, colours that do not read on the background replaced, unused
    placeholders removed, notes, fonts and language set."""
    slide = prs.slides.add_slide(layout)
    BUILDERS[spec.kind](slide, geo, spec)
    fix_slide(slide, palette or Palette(layout.slide_master))
    if spec.kind not in COVER_KINDS:
        keep_title_clear(slide, geo)
    remove_empty_placeholders(slide)
    finish_runs(slide._element, locale, fonts)
    if spec.notes:
        notes = slide.notes_slide
        set_text(notes.notes_text_frame, spec.notes)
        finish_runs(notes._element, locale, fonts)
    return slide


COVER_KINDS = ("title", "closing", "section")


def keep_title_clear(slide, geo: Geometry) -> None:
    """A layout whose title sits inside the content area (mid-slide) gets its title moved above it."""
    title = slide.shapes.title
    if title is None or not title.height:
        return
    top, bottom = title.top, title.top + title.height
    if bottom > geo.content[1] + Inches(0.1) and top < geo.content[1] + geo.content[3]:
        title.left, title.top, title.width, title.height = geo.title


def drop_slides(prs) -> None:
    """Remove sample slides a company base may carry (masters and layouts stay)."""
    ids = prs.slides._sldIdLst
    for sld in list(ids):
        prs.part.drop_rel(sld.rId)
        ids.remove(sld)


def geometry(prs, layouts: Layouts | None = None) -> Geometry:
    """Title box, content area and halves from the base's layouts (or a default grid); a content
    placeholder too small to hold a chart is replaced by the area under the title, with a warning."""
    w, h = prs.slide_width, prs.slide_height
    layouts = layouts or Layouts(prs)
    margin = int(w * 0.045)
    title = (margin, int(h * 0.047), w - 2 * margin, int(h * 0.127))
    tc, two = layouts.find("Title and Content"), layouts.find("Two Content")
    if tc is not None and tc.placeholders:
        title = box_of(_title_of(tc), title)
    top = title[1] + title[3] + Inches(0.3)
    area = (title[0], top, title[2], int(h * 0.89) - top)
    content = fitted(box_of(placeholder(tc, 1) if tc is not None else None, area), area, tc, layouts)
    half_w = (content[2] - Inches(0.4)) // 2
    halves = (content[0], content[1], half_w, content[3]), (content[0] + content[2] - half_w, content[1], half_w,
                                                            content[3])
    if two is not None:
        halves = (fitted(box_of(placeholder(two, 1), halves[0]), halves[0], two, layouts),
                  fitted(box_of(placeholder(two, 2), halves[1]), halves[1], two, layouts))
    return Geometry(w, h, title, content, halves)


MIN_CONTENT = (Inches(2.5), Inches(2))  # width, height a chart, a table or a risk matrix needs


def fitted(box, area, layout, layouts: Layouts):
    """`box` when it is large enough to draw in, else `area` (a DeckWarning names the layout)."""
    if box[2] >= MIN_CONTENT[0] and box[3] >= MIN_CONTENT[1] or area[2] <= 0 or area[3] <= 0:
        return box
    layouts.warn(f"the content placeholder of layout {layout.name!r} is {box[2] / 360000:.1f} × "
                 f"{box[3] / 360000:.1f} cm, too small for charts and tables; plangen uses the area under "
                 "the title instead", f"small:{layout.name}")
    return area


def _title_of(layout):
    """A layout's title placeholder, or None."""
    for shape in layout.placeholders:
        if shape.placeholder_format.type is not None and shape.placeholder_format.idx == 0:
            return shape
    return None


def ea_fonts(prs, locale: str, master=None) -> tuple[str, str]:
    """East Asian typefaces for body and titles: the theme's (+mn-ea/+mj-ea) when it names one, else the locale's."""
    theme = _theme(master or prs.slide_master)
    fonts = []
    body, heading = plan_locale(locale).fonts
    for kind, ref, fallback in (("minorFont", "+mn-ea", body), ("majorFont", "+mj-ea", heading)):
        node = theme.find(f".//{{{A_NS}}}{kind}/{{{A_NS}}}ea") if theme is not None else None
        fonts.append(ref if node is not None and node.get("typeface") else fallback)
    return fonts[0], fonts[1]


def _theme(master) -> etree._Element | None:
    """A master's theme XML."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    try:
        return etree.fromstring(master.part.part_related_by(RT.THEME).blob)
    except (KeyError, etree.XMLSyntaxError):
        return None
