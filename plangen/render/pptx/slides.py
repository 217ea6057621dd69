"""Slide builders, one per slide kind of the deck outline; each fills a slide made from a named layout."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from plangen.render.pptx.chart import add_chart
from plangen.render.pptx.tables import add_table
from plangen.render.pptx.text import GREY, Para, add_box, fill_bullets, fit_size, set_text

Box = tuple[int, int, int, int]
NOTE_H = Inches(0.4)


@dataclass
class Geometry:
    """Where things go: the title box, the content area and its two halves (from the base's layouts)."""

    width: int
    height: int
    title: Box
    content: Box
    halves: tuple[Box, Box]


@dataclass
class SlideSpec:
    """One slide to draw: kind, layout name, title, speaker notes and what it shows."""

    kind: str
    layout: str
    title: str = ""
    notes: str = ""
    data: dict[str, Any] = field(default_factory=dict)


def title_shape(slide, geo: Geometry, text: str):
    """Put `text` in the slide's title placeholder, or in a text box at the title position."""
    shape = slide.shapes.title
    if shape is None:
        return add_box(slide.shapes, geo.title, text, 28, "Title", bold=True, anchor=MSO_ANCHOR.BOTTOM)
    shape.text_frame.text = text
    box = (shape.left, shape.top, shape.width, shape.height) if shape.width else geo.title
    size = fit_size(text, box[2], box[3], (28, 26, 24, 22, 20))
    if size < 28:
        set_text(shape.text_frame, text, size)
    return shape


def placeholder(slide, idx: int):
    """The slide's placeholder with `idx`, or None."""
    for shape in slide.placeholders:
        if shape.placeholder_format.idx == idx:
            return shape
    return None


def box_of(shape, default: Box) -> Box:
    """A shape's (x, y, cx, cy), or `default` when it inherits no position."""
    if shape is None or not shape.width:
        return default
    return (shape.left, shape.top, shape.width, shape.height)


def note_line(slide, box: Box, text: str) -> None:
    """The unit/source note under a chart or table, 12 pt grey."""
    if text:
        add_box(slide.shapes, box, text, 12, "Note", color=GREY)


# --- builders --------------------------------------------------------------------------


def build_cover(slide, geo: Geometry, spec: SlideSpec) -> None:
    """Title slide and closing slide: title and an optional subtitle."""
    title = slide.shapes.title
    if title is None:
        add_box(slide.shapes, geo.title, spec.title, 40, "Title", bold=True)
    else:
        title.text_frame.text = spec.title
    sub = spec.data.get("subtitle", "")
    holder = placeholder(slide, 1)
    if sub and holder is not None:
        set_text(holder.text_frame, sub)
    elif sub:
        add_box(slide.shapes, _below(geo.title, geo, Inches(1.2)), sub, 20, "Subtitle", color=GREY)


def build_section(slide, geo: Geometry, spec: SlideSpec) -> None:
    """Section divider: the section number in the body placeholder, the name as title."""
    number = spec.data["no"]
    holder = placeholder(slide, 1)
    if slide.shapes.title is None:
        add_box(slide.shapes, geo.title, spec.title, 36, "Title", bold=True)
    else:
        slide.shapes.title.text_frame.text = spec.title
    if holder is not None:
        holder.text_frame.text = number
    elif number:
        add_box(slide.shapes, _above(geo), number, 60, "Section Number", bold=True,
                color=MSO_THEME_COLOR.ACCENT_1, anchor=MSO_ANCHOR.BOTTOM)


def build_agenda(slide, geo: Geometry, spec: SlideSpec) -> None:
    """The sections as numbered items in one or two columns."""
    title_shape(slide, geo, spec.title)
    items = spec.data["sections"]
    x, y, cx, cy = geo.content
    cols = 1 if len(items) <= 4 else 2
    per_col = -(-len(items) // cols)
    row_h = min(Inches(1.0), cy // max(per_col, 1))
    col_w = cx // cols
    for i, sec in enumerate(items):
        col, row = divmod(i, per_col)
        left, top = x + col * col_w, y + row * row_h
        tag = sec["no"] or sec["key"]
        if sec["no"]:
            add_box(slide.shapes, (left, top, Inches(1.1), row_h), sec["no"], 32, f"Agenda Number {tag}",
                    bold=True, color=MSO_THEME_COLOR.ACCENT_1, anchor=MSO_ANCHOR.MIDDLE)
        add_box(slide.shapes, (left + Inches(1.1), top, col_w - Inches(1.3), row_h), sec["title"], 22,
                f"Agenda Item {tag}", anchor=MSO_ANCHOR.MIDDLE)


def build_big_number(slide, geo: Geometry, spec: SlideSpec) -> None:
    """The headline number, its growth, one line of context and a row of supporting facts."""
    title_shape(slide, geo, spec.title)
    d = spec.data
    x, y, cx, cy = geo.content
    number_h = Inches(1.5)
    size = fit_size(d["value"], cx, number_h, (88, 72, 60, 48))
    add_box(slide.shapes, (x, y + Inches(0.2), cx, number_h), d["value"], size, "Big Number", bold=True,
            color=MSO_THEME_COLOR.ACCENT_1, anchor=MSO_ANCHOR.BOTTOM)
    top = y + Inches(0.2) + number_h + Inches(0.1)
    if d.get("caption"):
        add_box(slide.shapes, (x, top, cx, Inches(0.6)), d["caption"], 28, "Growth", bold=True)
        top += Inches(0.65)
    if d.get("context"):
        add_box(slide.shapes, (x, top, cx, Inches(0.9)), d["context"], 18, "Context", color=GREY)
    facts = d.get("facts", [])
    if facts:
        fact_cards(slide, facts, (x, y + cy - Inches(1.3), cx, Inches(1.2)))


def fact_cards(slide, facts: list[tuple[str, str]], box: Box) -> None:
    """Up to four label/value cards side by side on a light background."""
    facts = facts[:4]
    x, y, cx, cy = box
    gap = Inches(0.25)
    w = min((cx - gap * (len(facts) - 1)) // len(facts), (cx - 2 * gap) // 3)
    for i, (label, value) in enumerate(facts):
        left = x + i * (w + gap)
        card = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Emu(left), Emu(y), Emu(w), Emu(cy))
        card.name = f"Fact {i + 1}"
        card.fill.solid()
        card.fill.fore_color.theme_color = MSO_THEME_COLOR.BACKGROUND_2
        card.line.fill.background()
        style = card._element.find("{http://schemas.openxmlformats.org/presentationml/2006/main}style")
        if style is not None:
            card._element.remove(style)
        frame = card.text_frame
        frame.word_wrap = True
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        set_text(frame, f"{label}\n{value}", 14, align=PP_ALIGN.LEFT, color=GREY)
        frame.paragraphs[1].runs[0].font.size = Pt(fit_size(value, w, Inches(0.6), (24, 20, 16, 14)))
        frame.paragraphs[1].runs[0].font.bold = True
        frame.paragraphs[1].runs[0].font.color.theme_color = MSO_THEME_COLOR.TEXT_2


def build_chart(slide, geo: Geometry, spec: SlideSpec) -> None:
    """A native chart filling the content area, its note underneath."""
    title_shape(slide, geo, spec.title)
    chart_in(slide, spec.data["chart"], geo.content)


def chart_in(slide, chart, box: Box) -> None:
    """A chart with its note line at the bottom of `box`."""
    x, y, cx, cy = box
    add_chart(slide, chart, x, y, cx, cy - NOTE_H, font_pt=12)
    note_line(slide, (x, y + cy - NOTE_H, cx, NOTE_H), chart.note)


def build_table(slide, geo: Geometry, spec: SlideSpec) -> None:
    """One slide-sized piece of a table, its note under it."""
    title_shape(slide, geo, spec.title)
    table_in(slide, spec.data["table"], geo.content)


def table_in(slide, table, box: Box, compact: bool = False) -> None:
    """A table at the top of `box`, its note at the bottom (where chart notes go)."""
    x, y, cx, cy = box
    add_table(slide.shapes, table, (x, y, cx, cy - NOTE_H), f"Table: {table.key}", compact)
    note_line(slide, (x, y + cy - NOTE_H, cx, NOTE_H), table.note)


def build_bullets(slide, geo: Geometry, spec: SlideSpec) -> None:
    """Bullets in the body placeholder (or a text box where the layout has none)."""
    title_shape(slide, geo, spec.title)
    text_in(slide, 1, spec.data["paras"], spec.data["size"], geo.content)


def text_in(slide, idx: int, paras: list[Para], size: float, default: Box) -> None:
    """Bullet paragraphs in placeholder `idx`, or in a text box at `default`."""
    holder, plain = placeholder(slide, idx), False
    if holder is None:
        holder, plain = slide.shapes.add_textbox(*(Emu(v) for v in default)), True
        holder.name = "Text"
        holder.text_frame.word_wrap = True
    fill_bullets(holder.text_frame, paras, size, marks=plain)


def build_two_content(slide, geo: Geometry, spec: SlideSpec) -> None:
    """Left: a chart, a table or text; right: text."""
    title_shape(slide, geo, spec.title)
    d = spec.data
    left, right = (box_of(placeholder(slide, i), geo.halves[i - 1]) for i in (1, 2))
    if "chart" in d:
        chart_in(slide, d["chart"], left)
    elif "table" in d:
        table_in(slide, d["table"], left)
    else:
        text_in(slide, 1, d["left"], d["size"], left)
    text_in(slide, 2, d["paras"], d["size"], right)


def build_risk_matrix(slide, geo: Geometry, spec: SlideSpec) -> None:
    """Probability (rows, high on top) x impact (columns): each risk in its cell, cells by severity."""
    title_shape(slide, geo, spec.title)
    d = spec.data
    x, y, cx, cy = geo.content
    levels = ("low", "medium", "high")
    head_w, head_h = Inches(2.2), Inches(0.55)
    cell_w, cell_h = (cx - head_w) // 3, (cy - head_h - NOTE_H) // 3
    frame = slide.shapes.add_table(4, 4, Emu(x), Emu(y), Emu(cx), Emu(head_h + 3 * cell_h))
    frame.name = "Risk Matrix"
    grid = frame.table
    grid._tbl.tblPr.set("firstRow", "0")
    grid._tbl.tblPr.set("bandRow", "0")
    grid.columns[0].width = Emu(head_w)
    for i in range(1, 4):
        grid.columns[i].width = Emu(cell_w)
        grid.rows[i].height = Emu(cell_h)
    grid.rows[0].height = Emu(head_h)
    _matrix_cell(grid.cell(0, 0), d["corner"], "head")
    for j, lvl in enumerate(levels, start=1):
        _matrix_cell(grid.cell(0, j), d["levels"][lvl], "head")
    for i, p in enumerate(reversed(levels), start=1):
        _matrix_cell(grid.cell(i, 0), d["levels"][p], "head")
        for j, imp in enumerate(levels, start=1):
            names = d["cells"].get((p, imp), [])
            _matrix_cell(grid.cell(i, j), "\n".join(names), _severity(p, imp))
    note_line(slide, (x, y + head_h + 3 * cell_h + Inches(0.05), cx, NOTE_H), d.get("note", ""))


def _severity(p: str, i: str) -> str:
    """low / medium / high severity of a probability-impact cell."""
    score = {"low": 1, "medium": 2, "high": 3}
    s = score[p] + score[i]
    return "high" if s >= 5 else ("medium" if s == 4 else "low")


def _matrix_cell(cell, text: str, kind: str) -> None:
    """A risk matrix cell: header in accent, risk cells tinted by severity."""
    cell.margin_left = cell.margin_right = Pt(6)
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE
    set_text(cell.text_frame, text, 14 if kind == "head" or text.count("\n") < 3 else 12, bold=kind == "head",
             color=MSO_THEME_COLOR.BACKGROUND_1 if kind in ("head", "high") else None,
             align=PP_ALIGN.CENTER)
    cell.text_frame.word_wrap = True
    cell.fill.solid()
    if kind == "head":
        cell.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
    elif kind == "high":
        cell.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_2
    elif kind == "medium":
        cell.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_2
        cell.fill.fore_color.brightness = 0.6
    else:
        cell.fill.fore_color.theme_color = MSO_THEME_COLOR.BACKGROUND_2


def _below(box: Box, geo: Geometry, h: int) -> Box:
    """A box of height `h` right under `box`."""
    return (box[0], box[1] + box[3] + Inches(0.2), box[2], h)


def _above(geo: Geometry) -> Box:
    """Where a section number goes when the layout has no body placeholder."""
    return (geo.title[0], geo.title[1] + Inches(1.2), geo.title[2], Inches(1.5))


def build_combo(slide, geo: Geometry, spec: SlideSpec) -> None:
    """Related parts on one slide, each in the box the outline's arrangement gave it."""
    title_shape(slide, geo, spec.title)
    for kind, value, box, size in spec.data["blocks"]:
        if kind == "table":
            table_in(slide, value, box, compact=True)
        elif kind == "chart":
            chart_in(slide, value, box)
        else:
            text_in(slide, -1, value, size, box)


BUILDERS: dict[str, Callable[[Any, Geometry, SlideSpec], None]] = {
    "title": build_cover, "closing": build_cover, "section": build_section, "agenda": build_agenda,
    "big_number": build_big_number, "chart": build_chart, "table": build_table, "bullets": build_bullets,
    "two_content": build_two_content, "combo": build_combo, "risk_matrix": build_risk_matrix,
}


def remove_empty_placeholders(slide) -> None:
    """Remove every placeholder left without text (unused placeholders show prompt text)."""
    for shape in list(slide.placeholders):
        if shape.has_text_frame and not shape.text_frame.text.strip():
            shape.element.getparent().remove(shape.element)


