"""Native PowerPoint tables from present.values.Table: theme-coloured header, banded rows, bold total,
column widths by content, and the rows that fit one slide (the rest continue on the next)."""
from __future__ import annotations

from dataclasses import replace

from lxml import etree
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Pt

from plangen.render.pptx.text import A_NS, EMU_PER_PT, LINE, em_width, lines_needed
from plangen.present.values import Table

MAX_ROWS = 10  # at most ~10 body rows per slide
CELL_MARGIN = Pt(5)
PAD_PT = 9.0  # top + bottom cell margins and some air
COMPACT_PT = 12.0  # a table beside other parts of a slide
COMPACT_PAD_PT = 6.5


def table_size(table: Table) -> float:
    """Font size: 16 pt for a short narrow table, 14 pt for up to six columns and ten rows, else 12 pt."""
    cols = len(table.columns)
    if cols <= 5 and len(table.rows) <= 6:
        return 16
    return 14 if cols <= 6 and len(table.rows) <= 10 else 12


def natural_width(table: Table, size: float) -> int:
    """The width (EMU) the table's text wants at `size`, before wrapping."""
    return int(sum(_wants(table)) * size * EMU_PER_PT)


def table_width(table: Table, available: int) -> int:
    """The full content width (the slide's grid); a table of up to 3 columns at least 60% of it."""
    if len(table.columns) > 3:
        return available
    return max(int(available * 0.6), min(available, natural_width(table, table_size(table))))


def _wants(table: Table) -> list[float]:
    """Per column: the widest text in ems as lines_needed reckons it (bold header a tenth wider; long texts
    capped, to wrap), at least its longest word."""
    rows = _all_rows(table)
    want = [max(min(em_width(r[i]) * (1.1 if r is table.columns else 1.06), 22.0) for r in rows) + 1.6
            for i in range(len(table.columns))]
    return [max(w, f) for w, f in zip(want, _floors(table))]


def _floors(table: Table) -> list[float]:
    """Per column: the longest word in ems (bold header a tenth wider), which must never break."""
    return [max(_longest_word(r[i]) * (1.1 if r is table.columns else 1.0) for r in _all_rows(table)) + 1.6
            for i in range(len(table.columns))]


def _all_rows(table: Table) -> list[tuple[str, ...]]:
    """Header, body and total rows."""
    return [table.columns, *table.rows, *([table.total] if table.total else [])]


def _longest_word(text: str) -> float:
    """The width in ems of the longest word (text is never broken inside one), capped at 12."""
    return min(max((em_width(w) for w in text.split()), default=0.0), 12.0)


def column_widths(table: Table, total: int) -> list[int]:
    """Each column gets its longest word (never broken); what remains goes by what each column wants."""
    em = table_size(table) * EMU_PER_PT
    floors = [f * em for f in _floors(table)]
    wants = [max(w * em - f, 0.0) for w, f in zip(_wants(table), floors)]
    if sum(floors) >= total:
        widths = [int(total * f / sum(floors)) for f in floors]
    else:
        spare = total - sum(floors)
        weights = [max(w, f * 0.25) for w, f in zip(wants, floors)]
        widths = [int(f + spare * w / sum(weights)) for f, w in zip(floors, weights)]
    widths[-1] += total - sum(widths)
    return widths


def row_height_pt(cells, widths: list[int], size: float) -> float:
    """Estimated height of one row at `size` pt in columns of `widths` (at least 0.4 inch; rows at 12 pt closer)."""
    lines = max(lines_needed(text, w - 2 * CELL_MARGIN, size) for text, w in zip(cells, widths))
    if size <= COMPACT_PT:
        return max(lines * size * LINE + COMPACT_PAD_PT, 19.0)
    return max(lines * size * LINE + PAD_PT, 28.8)


def sized(table: Table, compact: bool) -> float:
    """The table's font size; 12 pt when it shares the slide with other parts (`compact`)."""
    return COMPACT_PT if compact else table_size(table)


def fitting_rows(table: Table, width: int, height: int, limit: int = MAX_ROWS, compact: bool = False) -> int:
    """How many body rows (from the first) fit in `height` under the header, at most `limit`."""
    size = sized(table, compact)
    window = replace(table, rows=table.rows[:limit])  # widths from the rows that can fit: linear in the table
    widths = column_widths(window, table_width(window, width))
    used = row_height_pt(table.columns, widths, size)
    if table.total:
        used += row_height_pt(table.total, widths, size)
    n = 0
    for row in table.rows[:limit]:
        used += row_height_pt(row, widths, size)
        if used > height / EMU_PER_PT and n:
            break
        n += 1
    return n


def pieces(table: Table, width: int, height: int, limit: int = MAX_ROWS, compact: bool = False) -> list[Table]:
    """The table cut into slide-sized pieces; the total row stays with the last piece."""
    out, rest = [], table
    while True:
        n = fitting_rows(rest, width, height, limit, compact)
        if n >= len(rest.rows):
            out.append(rest)
            return out
        out.append(replace(rest, rows=rest.rows[:n], total=None))
        rest = replace(rest, rows=rest.rows[n:])


def add_table(shapes, table: Table, box: tuple[int, int, int, int], name: str, compact: bool = False):
    """Draw `table` at box (x, y, cx, cy); the height is what its rows need, not the box's."""
    x, y, cx, _ = box
    size = sized(table, compact)
    cx = table_width(table, cx)
    widths = column_widths(table, cx)
    rows = [table.columns, *table.rows, *([table.total] if table.total else [])]
    heights = [Pt(row_height_pt(r, widths, size)) for r in rows]
    frame = shapes.add_table(len(rows), len(table.columns), Emu(x), Emu(y), Emu(cx), Emu(sum(heights)))
    frame.name = name
    grid = frame.table
    _plain(grid)
    for i, w in enumerate(widths):
        grid.columns[i].width = Emu(w)
    for r, (cells, h) in enumerate(zip(rows, heights)):
        grid.rows[r].height = Emu(h)
        kind = "head" if r == 0 else ("total" if table.total and r == len(rows) - 1 else "body")
        for c, text in enumerate(cells):
            _cell(grid.cell(r, c), text, size, kind, table.numeric[c], r)
    return frame


def _plain(grid) -> None:
    """No built-in table style flags: every cell is styled explicitly with theme colours."""
    tbl_pr = grid._tbl.tblPr
    for flag in ("firstRow", "bandRow"):
        tbl_pr.set(flag, "0")


def _cell(cell, text: str, size: float, kind: str, right: bool, row: int) -> None:
    """One cell: text, alignment, margins, fill and border by row kind (head, body, total)."""
    cell.margin_left = cell.margin_right = CELL_MARGIN
    cell.margin_top = cell.margin_bottom = Pt(3)
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE
    frame = cell.text_frame
    frame.word_wrap = True
    frame.text = text
    para = frame.paragraphs[0]
    para.alignment = PP_ALIGN.RIGHT if right else PP_ALIGN.LEFT
    for run in para.runs:
        run.font.size = Pt(size)
        run.font.bold = kind != "body"
        if kind == "head":
            run.font.color.theme_color = MSO_THEME_COLOR.BACKGROUND_1
    if kind == "head":
        cell.fill.solid()
        cell.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
    elif row % 2 == 0 or kind == "total":
        _scheme_fill(cell, "bg1", 95000)
    else:
        cell.fill.background()
    if kind == "total":
        _top_border(cell)


def _scheme_fill(cell, color: str, lum_mod: int) -> None:
    """A light theme-colour fill (a darkened background) on a cell."""
    cell.fill.solid()
    cell.fill.fore_color.theme_color = MSO_THEME_COLOR.BACKGROUND_1
    cell.fill.fore_color.brightness = -(100000 - lum_mod) / 100000


def _top_border(cell) -> None:
    """A 1.5 pt accent line above a total-row cell."""
    tc_pr = cell._tc.get_or_add_tcPr()
    ln = etree.Element(f"{{{A_NS}}}lnT", w="19050")
    fill = etree.SubElement(ln, f"{{{A_NS}}}solidFill")
    etree.SubElement(fill, f"{{{A_NS}}}schemeClr", val="accent1")
    tc_pr.insert(0, ln)
