"""Slide numbers: the layout's slide-number placeholder with a live field, or a small text box in the
same place on every slide when the base has none."""
from __future__ import annotations

from lxml import etree
from pptx.enum.text import PP_ALIGN
from pptx.util import Inches

from plangen.render.pptx.slides import Box, Geometry
from plangen.locales import locale as plan_locale
from plangen.render.pptx.text import A_NS, GREY, P_NS, add_box

FIELD_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"  # used when the base has no slidenum field to copy
NUMBER_PT = 12


def add_slide_number(slide, number: int, geo: Geometry, locale: str) -> None:
    """Show `number` on the slide: in the layout's slide-number placeholder, else in a text box."""
    lang = plan_locale(locale).office_lang
    holder = number_holder(slide.slide_layout)
    if holder is not None:
        slide.shapes.clone_placeholder(holder)
        shape = slide.shapes[-1]
        body = etree.SubElement(shape.element, f"{{{P_NS}}}txBody")
        etree.SubElement(body, f"{{{A_NS}}}bodyPr")
        etree.SubElement(body, f"{{{A_NS}}}lstStyle")
        para = etree.SubElement(body, f"{{{A_NS}}}p")
        para.append(number_field(number, lang, field_id(holder)))
        return
    box = master_box(slide.slide_layout) or default_box(geo)
    shape = add_box(slide.shapes, box, "", NUMBER_PT, "Slide Number", color=GREY, align=PP_ALIGN.RIGHT)
    para = shape.text_frame.paragraphs[0]._p
    para.insert(0 if para.find(f"{{{A_NS}}}pPr") is None else 1, number_field(number, lang, FIELD_ID, NUMBER_PT))


def number_field(number: int, lang: str, fid: str, size: int | None = None) -> etree._Element:
    """An a:fld of type slidenum showing `number` (PowerPoint and LibreOffice keep it current)."""
    fld = etree.Element(f"{{{A_NS}}}fld", id=fid, type="slidenum")
    rpr = etree.SubElement(fld, f"{{{A_NS}}}rPr", lang=lang)
    if size is not None:
        rpr.set("sz", str(size * 100))
        fill = etree.SubElement(rpr, f"{{{A_NS}}}solidFill")
        clr = etree.SubElement(fill, f"{{{A_NS}}}schemeClr", val="tx1")
        etree.SubElement(clr, f"{{{A_NS}}}lumMod", val="65000")
        etree.SubElement(clr, f"{{{A_NS}}}lumOff", val="35000")
    etree.SubElement(fld, f"{{{A_NS}}}t").text = str(number)
    return fld


def number_holder(owner):
    """The slide-number placeholder of a layout (or master), or None."""
    for shape in owner.placeholders:
        ph = shape.element.ph
        if ph is not None and ph.get("type") == "sldNum":
            return shape
    return None


def field_id(holder) -> str:
    """The id of the slidenum field in a base placeholder (so every slide shares it), else ours."""
    fld = holder.element.find(f".//{{{A_NS}}}fld[@type='slidenum']")
    return fld.get("id") if fld is not None and fld.get("id") else FIELD_ID


def master_box(layout) -> Box | None:
    """Where the master puts its slide number, when the layout has none of its own."""
    holder = number_holder(layout.slide_master)
    if holder is None or not holder.width:
        return None
    return (holder.left, holder.top, holder.width, holder.height)


def default_box(geo: Geometry) -> Box:
    """Bottom right, aligned with the content area's right edge."""
    x, _, cx, _ = geo.content
    w, h = Inches(1.6), Inches(0.35)
    return (x + cx - w, int(geo.height * 0.927), w, h)
