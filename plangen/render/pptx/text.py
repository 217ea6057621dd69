"""Text on slides: paragraphs and runs, size estimates that keep text inside its box, fonts per locale."""
from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Pt

from plangen.locales import locale as plan_locale

from plangen.render.ooxml.fonts import set_rpr_ea

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")
MIN_PT = 12  # never below 12 pt on a slide
LINE = 1.4  # line height as a multiple of the font size (CJK fonts run tall)
EMU_PER_PT = 12700
GREY = "grey"  # a colour token for style_para: text colour lightened


@dataclass(frozen=True)
class Para:
    """One paragraph: text, indent level, bold, and whether it is a sub-heading (no bullet)."""

    text: str
    level: int = 0
    heading: bool = False


def parse_lines(text: str) -> list[Para]:
    """Macro output as paragraphs: one per line; '# ' starts a sub-heading, leading spaces indent."""
    out = []
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip(" "))
        body = line.strip()
        if body.startswith("# "):
            out.append(Para(body[2:].strip(), 0, True))
        else:
            out.append(Para(body[2:].strip() if body.startswith("- ") else body, min(indent // 2, 2)))
    return out


def em_width(text: str) -> float:
    """Estimated width of `text` in ems: wide (CJK) characters 1, others about half."""
    width, wide_before = 0.0, None
    for ch in text:
        wide = unicodedata.east_asian_width(ch) in ("W", "F")
        if wide_before is not None and wide != wide_before and not ch.isspace():
            width += 0.25  # renderers add a little space between CJK and Latin text
        wide_before = wide
        if wide:
            width += 1.0
        elif ch.isupper() or ch in "mwMW@%":
            width += 0.72
        elif ch in " .,;:'!|il()":
            width += 0.32
        else:
            width += 0.6
    return width


def lines_needed(text: str, width_emu: int, size_pt: float) -> int:
    """How many lines `text` takes at `size_pt` in a box `width_emu` wide (paragraph breaks count)."""
    per_line = max(1.0, width_emu / EMU_PER_PT / size_pt)
    return sum(max(1, math.ceil(em_width(part) * 1.06 / per_line)) for part in text.split("\n"))


def height_pt(paras: Sequence[Para], width_emu: int, size_pt: float) -> float:
    """Estimated height of bullet paragraphs (with the space before each) in points."""
    total = 0.0
    for p in paras:
        indent = (p.level + 1) * 0.45 * 72 * EMU_PER_PT
        total += lines_needed(p.text, int(width_emu - indent), size_pt) * size_pt * LINE + size_pt * 0.35
    return total


def fit_size(text: str, width_emu: int, height_emu: int, sizes: Sequence[float], bold: bool = True) -> float:
    """The largest of `sizes` at which `text` fits the box on one line, else on as many lines as fit
    (the smallest size when nothing fits); bold text is reckoned a tenth wider."""
    widen = 1.1 if bold else 1.0
    room = height_emu / EMU_PER_PT - 8
    for max_lines in (1, 2, 3):
        for size in sizes:
            lines = lines_needed(text, int((width_emu - Pt(14)) / widen), size)
            if lines <= max_lines and lines * size * LINE <= room:
                return size
    return sizes[-1]


def set_text(frame, text: str, size: float | None = None, bold: bool | None = None,
             color: MSO_THEME_COLOR | str | None = None, align: PP_ALIGN | None = None) -> None:
    """Replace a text frame's text (lines become paragraphs) with an optional look."""
    lines = text.split("\n") or [""]
    frame.text = lines[0]
    for line in lines[1:]:
        frame.add_paragraph().text = line
    for para in frame.paragraphs:
        style_para(para, size, bold, color, align)


def style_para(para, size: float | None = None, bold: bool | None = None,
               color: MSO_THEME_COLOR | str | None = None, align: PP_ALIGN | None = None) -> None:
    """Apply size, bold, theme colour (GREY: a lighter text colour) and alignment to a paragraph."""
    if align is not None:
        para.alignment = align
    for run in para.runs:
        font = run.font
        if size is not None:
            font.size = Pt(max(size, MIN_PT))
        if bold is not None:
            font.bold = bold
        if color is not None:
            font.color.theme_color = MSO_THEME_COLOR.TEXT_1 if color == GREY else color
            if color == GREY:
                font.color.brightness = 0.35


def add_box(shapes, box: tuple[int, int, int, int], text: str, size: float, name: str,
            bold: bool = False, color: MSO_THEME_COLOR | str | None = None, align: PP_ALIGN = PP_ALIGN.LEFT,
            anchor: MSO_ANCHOR = MSO_ANCHOR.TOP, wrap: bool = True):
    """A text box at `box` (x, y, cx, cy) with one look for all its text."""
    shape = shapes.add_textbox(*(Emu(int(v)) for v in box))
    shape.name = name
    frame = shape.text_frame
    frame.word_wrap = wrap
    frame.vertical_anchor = anchor
    set_text(frame, text, size, bold, color, align)
    return shape


def fill_bullets(frame, paras: Sequence[Para], size: float, marks: bool = False) -> None:
    """Fill a body placeholder with bullet paragraphs; sub-headings are bold and unbulleted;
    `marks`: draw the bullets (a plain text box has none of its own)."""
    frame.text = ""
    for i, p in enumerate(paras):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        para.text = p.text
        para.level = p.level
        style_para(para, size - 2 * p.level, True if p.heading else None,
                   MSO_THEME_COLOR.ACCENT_1 if p.heading else None)
        if p.heading:
            no_bullet(para)
        elif marks:
            bullet_mark(para, p.level, size)


def bullet_mark(para, level: int, size: float) -> None:
    """A "•" bullet with a hanging indent, for a paragraph in a plain text box."""
    ppr = para._p.get_or_add_pPr()
    indent = int(Pt(size) * 0.9)
    ppr.set("marL", str(indent * (level + 1)))
    ppr.set("indent", str(-indent))
    etree.SubElement(ppr, f"{{{A_NS}}}buFont", typeface="Arial")
    etree.SubElement(ppr, f"{{{A_NS}}}buChar", char="•")


def no_bullet(para) -> None:
    """Remove the bullet (and its hanging indent) of one paragraph."""
    ppr = para._p.get_or_add_pPr()
    ppr.set("marL", "0")
    ppr.set("indent", "0")
    for old in ppr.findall(f"{{{A_NS}}}buNone"):
        ppr.remove(old)
    etree.SubElement(ppr, f"{{{A_NS}}}buNone")


def finish_runs(root: etree._Element, locale: str, ea_font: tuple[str, str]) -> None:
    """Every run gets the locale's language; runs with CJK text get an East Asian font."""
    loc = plan_locale(locale)
    for r in root.iter(f"{{{A_NS}}}r"):
        rpr = r.find(f"{{{A_NS}}}rPr")
        if rpr is None:
            rpr = etree.Element(f"{{{A_NS}}}rPr")
            r.insert(0, rpr)
        rpr.set("lang", loc.office_lang)
        t = r.find(f"{{{A_NS}}}t")
        if loc.east_asian or (t is not None and t.text and CJK.search(t.text)):
            set_rpr_ea(rpr, ea_font[1] if _in_title(r) else ea_font[0])


def _in_title(r: etree._Element) -> bool:
    """Whether a run sits in a title placeholder."""
    for anc in r.iterancestors(f"{{{P_NS}}}sp"):
        ph = anc.find(f"{{{P_NS}}}nvSpPr/{{{P_NS}}}nvPr/{{{P_NS}}}ph")
        return ph is not None and ph.get("type") in ("title", "ctrTitle")
    return False
