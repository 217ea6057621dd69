"""Word tables from present.values.Table, written as XML in one pass.

Header row repeats on every page (w:tblHeader), numbers are right-aligned, the total row is
bold, rows do not split across pages. Column widths follow the width of their contents.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from lxml import etree

from docx.oxml.ns import nsdecls

from plangen.render.docx.blocks import display_width, el, escape, run, run_xml, style_id
from plangen.present.values import Table

MIN_COL, MAX_COL = 4, 40          # display columns a column is given at least / at most
TWIPS_PER_COLUMN = 120            # 9.5 pt text: one display column (half an East Asian character)
COMPACT_COLUMNS = 10              # wider tables get narrower cell margins
KEEP_ROWS = 8                    # tables up to this many rows are kept on one page
NBSP = "\u00a0"
_UNIT = re.compile(r"^(.*?)\s*([（(][^（()）]*[)）])$")   # "Target (k USD)", "目标（万元）"


def table_xml(t: Table, width: int, style: str = "Plan Table") -> str:
    """A w:tbl for `t` spanning `width` twips, as XML text: header row, body rows, bold total row.

    Written as one XML string (every text escaped), parsed once into a document (thousands of rows
    stay cheap) or spliced into the saved part as it is (render.docx.base.Slots).
    """
    compact = is_compact(t, width)
    widths = column_widths(t, width, compact)
    keeps = row_keeps(t)
    heads = [header_lines(h, w) for h, w in zip(t.columns, widths)]
    parts = [f'<w:tbl {nsdecls("w")}>', _tbl_pr(style, sum(widths), t.total is not None, compact), "<w:tblGrid>",
             *(f'<w:gridCol w:w="{w}"/>' for w in widths), "</w:tblGrid>",
             _row(heads, t.numeric, widths, header=True)]
    parts += [_row(r, t.numeric, widths, keep=keep) for r, keep in zip(t.rows, keeps[1:])]
    if t.total:
        parts.append(_row(t.total, t.numeric, widths, bold=True))
    parts.append("</w:tbl>")
    return "".join(parts)


def is_compact(t: Table, width: int) -> bool:
    """Narrow cell margins for wide tables and for tables whose words would not fit otherwise."""
    return len(t.columns) > COMPACT_COLUMNS or sum(wanted_columns(t)[1]) * TWIPS_PER_COLUMN > width


def header_lines(text: str, width: int) -> str:
    """A header whose unit would not fit beside its label goes on a line of its own, unbroken:
    "目标\n（万元）", "Target\n(k\u00a0USD)"; a header that fits stays as it is."""
    m = _UNIT.match(text)
    if not m or not m.group(1) or (display_width(text) + 2) * TWIPS_PER_COLUMN <= width:
        return text
    return m.group(1) + "\n" + m.group(2).replace(" ", NBSP)


def _tbl_pr(style: str, width: int, total: bool, compact: bool) -> str:
    margins = ('<w:tblCellMar><w:left w:w="40" w:type="dxa"/><w:right w:w="40" w:type="dxa"/></w:tblCellMar>'
               if compact else "")
    look = ('w:val="04E0" w:firstRow="1" w:lastRow="1"' if total else 'w:val="04A0" w:firstRow="1" w:lastRow="0"')
    return (f'<w:tblPr><w:tblStyle w:val="{escape(style_id(style))}"/><w:tblW w:w="{width}" w:type="dxa"/>'
            f'<w:tblLayout w:type="fixed"/>{margins}<w:tblLook {look} w:firstColumn="0" w:lastColumn="0" '
            'w:noHBand="0" w:noVBand="1"/></w:tblPr>')


def row_keeps(t: Table) -> list[bool]:
    """For the header, each body row and the total row: whether it stays on the page of the row after it
    (the Word rows' keepNext, which the page model follows too)."""
    whole, last, total = len(t.rows) <= KEEP_ROWS, len(t.rows) - 1, t.total is not None
    return [True, *(_keeps_next(i, last, whole, total) for i in range(len(t.rows))), *([False] if total else [])]


def _keeps_next(i: int, last: int, whole: bool, total: bool) -> bool:
    """Whether body row i stays with the next: all of a short table; else the first two rows (no lone
    first row under the header at a page foot) and the last ones (no lone row above the total)."""
    if i == last:
        return total and (whole or last > 0)
    return whole or i < 2 or i >= last - 1


def _row(cells: Sequence[str], numeric: Sequence[bool], widths: Sequence[int], header: bool = False,
         bold: bool = False, keep: bool = False) -> str:
    """One w:tr: rows never split; header rows repeat on every page; numbers align right."""
    pr = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if header else "<w:trPr><w:cantSplit/></w:trPr>"
    keep_next = "<w:keepNext/>" if header or keep else ""
    bold = bold or header
    return f'<w:tr>{pr}{"".join(_cell(text, num, w, keep_next, bold) for text, num, w in zip(cells, numeric, widths))}</w:tr>'


@lru_cache(maxsize=16384)   # a batch writes the same cells (months, dashes, figures) again and again
def _cell(text: str, numeric: bool, width: int, keep_next: str, bold: bool) -> str:
    """One w:tc: its width, alignment (numbers right) and text."""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr><w:p><w:pPr>{keep_next}'
            f'<w:jc w:val="{"right" if numeric else "left"}"/></w:pPr>{run_xml(text, bold)}</w:p></w:tc>')


def column_widths(t: Table, width: int, compact: bool = False) -> list[int]:
    """Twips per column: each gets what its longest word needs, the rest goes where text is longest.

    A table of few narrow columns is not stretched to the full width.
    """
    want, least, natural = wanted_columns(t)
    if compact:
        want, least = [w - 1 for w in want], [m - 1 for m in least]
    width = table_width(natural, width)
    unit = width / max(sum(want), 1)
    if sum(want) * TWIPS_PER_COLUMN > width:
        spare = width / TWIPS_PER_COLUMN - sum(least)
        grow = sum(w - m for w, m in zip(want, least)) or 1
        want = [m + max(spare, 0) * (w - m) / grow for w, m in zip(want, least)] if spare > 0 else least
        unit = width / sum(want)
    out = [int(w * unit) for w in want]
    out[-1] += width - sum(out)
    return out


_LAID_OUT: list[tuple[Table, tuple]] = []   # the last table measured: writing it asks four times


def wanted_columns(t: Table) -> tuple[list[int], list[int], int]:
    """Display columns each column would like (widest cell or header, capped), needs (longest word),
    and the sum of what they would like uncapped (treat as read-only: the last table's is kept)."""
    if _LAID_OUT and _LAID_OUT[0][0] is t:
        return _LAID_OUT[0][1]
    _LAID_OUT[:] = [(t, _measure(t))]
    return _LAID_OUT[0][1]


def _measure(t: Table) -> tuple[list[int], list[int], int]:
    """wanted_columns, measured."""
    rows = [*t.rows, *([t.total] if t.total else [])]
    want, least, natural = [], [], 0
    for i, head in enumerate(t.columns):
        cells = [r[i] for r in rows if i < len(r)]
        full = max([display_width(c) + 2 for c in cells] or [0])
        words = full if t.numeric[i] else max([_word_need(c) for c in cells] or [0])
        head_need = _header_need(head)
        least.append(max(MIN_COL, min(MAX_COL, max(words, _header_least(head)))))
        want.append(max(least[-1], min(MAX_COL, max(full, head_need))))
        natural += max(least[-1], full, head_need)
    return want, least, natural


@lru_cache(maxsize=8192)   # the same cells in every rep plan
def _word_need(text: str) -> int:
    """Columns the longest unbreakable word of `text` needs (East Asian text breaks anywhere)."""
    widths = [min(display_width(w), 8) if display_width(w) > len(w) else display_width(w)
              for w in text.split()] or [0]
    return max(widths) + 3


def table_width(columns: int, full: int) -> int:
    """The table's width: the full text width, or less for a table of few narrow columns."""
    natural = columns * TWIPS_PER_COLUMN
    return full if natural * 1.6 >= full else max(full // 2, int(natural * 1.6))


def _header_least(text: str) -> int:
    """Columns a header needs at least: its longest word, and its unit unbroken on a line of its own."""
    m = _UNIT.match(text)
    if not m or not m.group(1):
        return _word_need(text)
    return max(_word_need(m.group(1)), display_width(m.group(2)) + 3)


def _header_need(text: str) -> int:
    """Columns a header needs when it may wrap: its longest word, or half of a long East Asian one."""
    words = text.split() or [""]
    widest = max(display_width(w) for w in words)
    if len(words) == 1 and widest > len(text):
        return max(-(-widest // 2) + 1, min(widest + 2, 6))
    return widest + 2


def fold(t: Table, groups: int) -> Table:
    """A long narrow table set side by side in `groups` column groups (weeks 1-13 | 14-26 | ...)."""
    n = -(-len(t.rows) // groups)
    if groups < 2 or n < 2:
        return t
    parts = [t.rows[i:i + n] for i in range(0, len(t.rows), n)]
    blank = ("",) * len(t.columns)
    rows = tuple(sum((p[i] if i < len(p) else blank for p in parts), ()) for i in range(n))
    total = None
    if t.total:
        total = blank * (len(parts) - 1) + t.total
    return Table(t.key, t.title, t.columns * len(parts), rows, t.numeric * len(parts), total, t.note)



def signature_xml(parties: Sequence[str], lines: Sequence[str], width: int) -> str:
    """A borderless table as XML text: one column per party (name), then a ruled line per label
    (signature, date). Parsed into the body, or spliced as it is (render.docx.base.Slots)."""
    cols = max(1, len(parties))
    label_w, line_w = width // cols * 2 // 7, width // cols * 5 // 7
    grid = f'<w:gridCol w:w="{label_w}"/><w:gridCol w:w="{line_w}"/>' * cols
    rows = [_sign_row([("", p) for p in parties], (label_w, line_w), ruled=False)]
    rows += [_sign_row([(label, "")] * cols, (label_w, line_w), ruled=True, last=i == len(lines) - 1)
             for i, label in enumerate(lines)]
    return (f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{width}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
            f'</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')


def _sign_row(cells: Sequence[tuple[str, str]], widths: tuple[int, int], ruled: bool, last: bool = False) -> str:
    """A row of the signature table that does not split: a ruled label and line per party, or the names."""
    tcs = [_sign_cell(label, widths[0], 1, False, last) + _sign_cell(text, widths[1], 1, True, last) if ruled
           else _sign_cell(text, sum(widths), 2, False, last) for label, text in cells]
    return f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="440"/></w:trPr>{"".join(tcs)}</w:tr>'


def _sign_cell(text: str, width: int, span: int, ruled: bool, last: bool) -> str:
    """A cell of the signature table: optional ruled bottom line, text aligned at the bottom."""
    span_xml = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    rule = '<w:tcBorders><w:bottom w:val="single" w:sz="6" w:space="0" w:color="595959"/></w:tcBorders>' if ruled else ""
    keep = "" if last else "<w:pPr><w:keepNext/></w:pPr>"
    inner = keep + run_xml(text)
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span_xml}{rule}<w:vAlign w:val="bottom"/></w:tcPr>'
            f'{f"<w:p>{inner}</w:p>" if inner else "<w:p/>"}</w:tc>')
