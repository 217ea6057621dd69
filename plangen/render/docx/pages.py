"""A page model, so the table of contents opens with the page numbers LibreOffice and Word show.

Word refreshes them on open (w:updateFields); LibreOffice shows these estimates as they are.
Heights are in points, measured in LibreOffice with the default base (A4, 2.5 cm margins): a
Chinese line is taller than a Latin one (Noto Sans CJK against Carlito), so each script has its
own metrics. Blocks that do not split move whole to the next page, with the heading and the
introduction kept with them; a long table repeats its header row on every page it continues on.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from plangen.render.docx.blocks import display_width
from plangen.render.docx.table import header_lines, row_keeps
from plangen.present.values import Table

EMU_PER_PT = 12700
BODY_PT, CELL_PT = 10.5, 9.5       # body and table text; an East Asian character is as wide
AUTOSPACE_EM = 0.25                # between an ideograph and a Latin word (w:autoSpaceDE)
WIDEST_EM = 1.1                    # no character is wider: a text this short fits without measuring it
FOOT_PT = 1.0                      # how far the last line on a page may hang below the body (_line_fits)
ROW_FOOT_PT = 4.0                  # a table's last row may hang its cells' 2 pt bottom margin and 2 pt spacing
                                   # after below the body (en half-year's tier table ends at 702.9 of 700.2)
INDENT_PT = 21.0                   # a bullet's text from the margin
BORDER_PT = 0.5                    # a cell's borders (0.5 pt): a word that just fills the padded width wraps
HEADING_BEFORE = (18.0, 12.0, 10.0)  # the base's Heading 1-3 spacing before and after (the metrics' heading
HEADING_AFTER = (8.0, 6.0, 4.0)      # heights hold the spacing after, their before the excess over 6 pt)
CELL_PADDING = (200, 80)           # twips left and right of a cell's text: the base's, a compact table's
_CJK = re.compile("[\u3000-\u9fff\uff00-\uffef]")
# Advances of ASCII 32-126 in 1/100 em, regular and bold, of DejaVu Sans: LibreOffice shows it for the base's
# Calibri when neither Calibri nor Carlito is installed (measured with PIL's ImageFont.getlength).
_ASCII_EM = {bold: tuple(int(w) / 100 for w in table.split()) for bold, table in {
    False: "32 40 46 84 64 95 78 27 39 39 50 84 32 36 32 34 64 64 64 64 64 64 64 64 64 64 34 34 84 84 84 53 100 "
           "68 69 70 77 63 58 77 75 29 29 66 56 86 75 79 60 79 69 63 61 73 68 99 69 61 69 39 34 39 84 50 50 61 63 "
           "55 63 62 35 63 63 28 28 58 28 97 63 61 63 63 41 52 39 63 59 82 59 59 52 64 34 64 84",
    True: "35 46 52 84 70 100 87 31 46 46 52 84 38 42 38 37 70 70 70 70 70 70 70 70 70 70 40 40 84 84 84 58 100 "
          "77 76 73 83 68 68 82 84 37 37 77 64 100 84 85 73 85 77 72 68 81 77 110 77 72 73 46 37 46 84 50 50 67 72 "
          "59 72 68 44 72 71 34 34 67 34 104 71 69 72 72 49 60 48 71 65 92 65 65 58 71 37 71 84"}.items()}
_IDEOGRAPH = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")
_WORD = re.compile("[\u3000-\u9fff\uff00-\uffef]|[^\\s\u3000-\u9fff\uff00-\uffef]+")


@dataclass(frozen=True)
class Metrics:
    """Advances (points) of the blocks of the base document in one script."""

    line: float            # a one-line body paragraph with its spacing after
    wrap: float            # each further line of a paragraph (and each line of a bullet)
    row: float             # a one-line table row
    row_wrap: float        # each further line of a wrapped cell
    heading: tuple[float, float, float]   # Heading 1-3, from its line to the next block's
    before: tuple[float, float, float]    # their spacing before, dropped at the top of a page
    table_caption: float   # a table caption down to the table's header row
    figure_caption: float  # a figure caption down to the next block
    note: float            # a table's note line
    toc: tuple[float, float, float]       # the TOC heading, a level-1 entry, a level-2 entry
    toc_compact: tuple[float, float, float]   # the same, single-spaced (docx_toc.compact_toc_styles)


LATIN = Metrics(21.3, 15.3, 19.6, 11.1, (31.4, 24.9, 22.0), (12.0, 6.0, 5.0), 29.5, 25.1, 17.0,
                (35.4, 21.3, 18.3), (35.4, 15.3, 12.25))
CJK = Metrics(24.9, 18.9, 22.1, 13.6, (36.4, 28.9, 26.0), (12.0, 6.6, 5.0), 32.8, 28.3, 19.0,
              (39.7, 24.8, 21.9), (39.7, 18.1, 15.1))


@lru_cache(maxsize=8192)   # the same cells in every rep plan
def _wrapped(text: str, width_twips: int, padding: int, bold: bool) -> int:
    """Lines a cell's text takes in a column `width_twips` wide less its `padding` (twips) and borders."""
    width = max(1.0, (width_twips - padding) / 20 - BORDER_PT)
    return sum(_lines(part, width, CELL_PT, bold) for part in text.split("\n"))


def _lines(text: str, width: float, size: float, bold: bool = False) -> int:
    """Lines of a paragraph in `size` pt type `width` points wide: words wrap whole (each CJK character is
    a word), a word wider than the line breaks inside; a CJK character and a Latin word side by side get
    a quarter em between them (the base's autoSpaceDE, which LibreOffice follows)."""
    if len(text) * WIDEST_EM * size <= width:
        return 1
    lines, used, last = 1, 0.0, ""
    for m in _WORD.finditer(text):
        word = m.group()
        extent = _em(word, bold) * size
        if m.start() and text[m.start() - 1].isspace():
            space = _ASCII_EM[bold][0] * size if used else 0.0
        else:
            space = AUTOSPACE_EM * size if used and _autospaced(last, word) else 0.0
        if used and used + space + extent > width:
            lines, used, space = lines + 1, 0.0, 0.0
        used, last = used + space + extent, word
        while used > width:
            lines, used = lines + 1, used - width
    return lines


def _autospaced(before: str, word: str) -> bool:
    """Whether an ideograph meets a Latin letter or figure between these two neighbouring words."""
    pair = before[-1:] + word[:1]
    return len(pair) == 2 and bool(_IDEOGRAPH.match(pair[0]) and pair[1].isascii() and pair[1].isalnum()
                                   or _IDEOGRAPH.match(pair[1]) and pair[0].isascii() and pair[0].isalnum())


@lru_cache(maxsize=8192)
def _em(word: str, bold: bool) -> float:
    """A word's width in ems: DejaVu Sans's advances for Latin letters (accents on their letter), a full em
    for an East Asian character."""
    table, em = _ASCII_EM[bold], 0.0
    for ch in word:
        code = ord(unicodedata.normalize("NFD", ch)[0]) if ord(ch) > 126 else ord(ch)
        em += table[code - 32] if 32 <= code <= 126 else 1.0 if display_width(ch) == 2 else 0.6
    return em


def _kept_together(heights: list[float], keeps: list[bool]) -> list[float]:
    """The heights of the runs of rows that stay on one page: a row kept with the next joins its run."""
    runs, run = [], 0.0
    for h, keep in zip(heights, keeps):
        run += h
        if not keep:
            runs, run = runs + [run], 0.0
    return runs + ([run] if run else [])


class PageEstimate:
    """Tracks the page and the height (points) used on it where the next block starts.

    Headings and the paragraph introducing a table or chart are kept with it (keepNext), so they
    are remembered as the `tail`: when the block moves to the next page, they move along.
    """

    estimating = True

    def __init__(self, width_emu: int, height_emu: int, cjk: bool = False):
        self.m = CJK if cjk else LATIN
        self.page, self.line = 1, 0.0
        self.per_page = height_emu / EMU_PER_PT
        self.width = width_emu / EMU_PER_PT
        self._saved: list[tuple[int, float]] = []
        self.broken = False                               # the page began at a page break
        self.held = 0.0                                   # a table caption, kept with its table
        self.tail: list[tuple[float, Any]] = []           # (points, heading ref or None) kept with next
        self.list_style: str | None = None                # the list whose items were the last blocks

    def save(self) -> None:
        """Remember the position (undone when a section comes out empty)."""
        self._saved.append((self.page, self.line))

    def undo(self) -> None:
        """Go back to the last saved position."""
        if self._saved:
            self.page, self.line = self._saved.pop()
            self.tail, self.list_style = [], None

    def drop(self) -> None:
        """Forget the last saved position (the section had content)."""
        if self._saved:
            self._saved.pop()

    def toc_pages(self, levels: list[int], compact: bool = False) -> int:
        """How many pages a TOC with entries at these levels takes (`compact`: single-spaced), with the
        paragraph closing its field and the page break after it (a break on a page of its own adds one)."""
        head, first, other = self.m.toc_compact if compact else self.m.toc
        height = head + sum(first if lv == 1 else other for lv in levels) + 2 * self.m.line
        return max(1, math.ceil(height / self.per_page))

    def toc_compact(self, levels: list[int]) -> bool:
        """Whether the TOC is single-spaced: it would spill onto a second, near-empty page and fits on one so."""
        return self.toc_pages(levels) > 1 and self.toc_pages(levels, compact=True) == 1

    def new_page(self) -> None:
        """A page break."""
        if self.line > 0:
            self.page, self.line = self.page + 1, 0.0
        self.tail, self.broken, self.list_style = [], True, None

    def lines(self, n: float, keep: bool = False, foot: float = 0.0) -> None:
        """`n` points; a block that does not fit (`keep`; its last `foot` points may hang below the body)
        moves to the next page with its tail."""
        if self.line + n > self.per_page + foot and (keep or not self._line_fits(self.line)):
            self._move(n if keep else self.per_page)
            if n > self.per_page:
                self.page += int(n // self.per_page)
                n = n % self.per_page
        self.line += n

    def _line_fits(self, at: float) -> bool:
        """Whether a line of text starting `at` points down still stands on this page: LibreOffice lets
        the last line hang up to a point below the body (a bullet ending at 700.8 and one at 701.0 of 700.2)."""
        return at + self.m.wrap <= self.per_page + FOOT_PT

    def _move(self, n: float) -> None:
        """Start a new page, taking the tail along when it fits there with the `n` points after it."""
        moved = self._tail_height()
        moved = moved if moved + n <= self.per_page else 0.0
        tail = self.tail if moved else []
        self.new_page()
        self.broken = False
        for _, ref in tail:
            if ref is not None:
                ref.page = self.page
        self.line, self.tail = moved, tail

    def _tail_height(self) -> float:
        """The kept-with-next blocks' height at the top of a page (a heading's spacing before dropped)."""
        if not self.tail:
            return 0.0
        ref = self.tail[0][1]
        drop = self.m.before[min(ref.level, 3) - 1] if ref is not None else 0.0
        return sum(h for h, _ in self.tail) - drop

    def heading(self, ref: Any, level: int) -> None:
        """A heading (`ref.page` is set, and moved with what follows); a heading and the headings
        just above it move to the next page when no line of text fits under it."""
        i = min(level, 3) - 1
        self._end_list()
        if self.tail and self.tail[-1][1] is None:
            self.tail = []                      # a paragraph before a heading is not kept with it
        advance = self._heading_advance(i)
        if not self._line_fits(self.line + advance):
            self._move(self.m.heading[i] + self.m.line)
            advance = self._heading_advance(i)
        self.line += advance
        ref.page = self.page
        self.tail.append((advance if self.tail else self.m.heading[i] + self.m.before[i], ref))

    def _heading_advance(self, i: int) -> float:
        """A heading's height here: right under a heading only the part of its spacing before that exceeds
        the one above's spacing after (LibreOffice keeps the larger of the two), at the top of a page its
        spacing before shows only after a page break."""
        if self.line == 0:
            return self.m.heading[i] + (self.m.before[i] + 6.0 if self.broken else 0.0)
        if self.tail and self.tail[-1][1] is not None:
            above = min(self.tail[-1][1].level, 3) - 1
            return self.m.heading[i] + max(0.0, HEADING_BEFORE[i] - HEADING_AFTER[above])
        return self.m.heading[i] + (0.0 if self.tail else self.m.before[i])

    def paragraph(self, text: str, style: str | None) -> None:
        """A paragraph of text wrapped at the body width; kept with the next block after a heading."""
        self._end_list(style)
        count = _lines(text, self.width - (INDENT_PT if style else 0.0), BODY_PT)
        n = self.m.wrap * count + (0 if style else self.m.line - self.m.wrap)
        self.lines(n)
        if not self.tail or self.tail[-1][1] is None:
            self.tail = []
        self.tail.append((n, None))

    def _end_list(self, style: str | None = None) -> None:
        """The spacing after a list's last item (its items have none between them), once a block other
        than its next item follows; `style` is the list the next block is an item of."""
        if self.list_style and style != self.list_style:
            self.line += self.m.line - self.m.wrap
        self.list_style = style

    def note(self) -> None:
        """The small note under a table."""
        self.lines(self.m.note)
        self.tail = []

    def table(self, t: Table, widths: list[int], compact: bool = False) -> None:
        """A table whose rows grow when a cell wraps. Rows kept with the next (`row_keeps`: a short table
        whole, else the header with the first rows and the last rows with the total) move to the next
        page together; the header row repeats on each page a long table continues on."""
        heads = tuple(header_lines(h, w) for h, w in zip(t.columns, widths))
        self._end_list()
        padding = CELL_PADDING[compact]
        heights = [self._row(heads, widths, padding, True), *(self._row(r, widths, padding) for r in t.rows),
                   *([self._row(t.total, widths, padding, True)] if t.total else [])]
        groups = _kept_together(heights, row_keeps(t))
        held, self.held = self.held, 0.0
        self.lines(held + groups[0], keep=True, foot=ROW_FOOT_PT)
        self.tail = []
        for h in groups[1:]:
            page = self.page
            self.lines(h, keep=True, foot=ROW_FOOT_PT)
            if self.page != page:
                self.line += heights[0]
        self.line += 2.0                       # with a heading's 6 pt before: its 12 pt spacing

    def _row(self, cells, widths: list[int], padding: int, bold: bool = False) -> float:
        """A row's height: its tallest cell, in the script its text is in."""
        tall = self.m is CJK and any(_CJK.search(c) for c in cells)
        row, wrap = (CJK.row, CJK.row_wrap) if tall else (LATIN.row, LATIN.row_wrap)
        return row + wrap * (max(_wrapped(c, w, padding, bold) for c, w in zip(cells, widths)) - 1)

    def caption(self) -> None:
        """A table caption, held to go with the table below it."""
        self._end_list()
        self.held = self.m.table_caption

    def chart(self, height_emu: int) -> None:
        """A chart of the given height with its caption below."""
        self._end_list()
        self.lines(height_emu / EMU_PER_PT + 3.0 + self.m.figure_caption, keep=True)
        self.tail = []


class NoEstimate:
    """PageEstimate's place in a document without a TOC: no page numbers to write, so none are
    estimated (a rep plan spent more on its page model than on its Jinja)."""

    estimating, page = False, 1

    def save(self) -> None: """Nothing to remember."""
    def undo(self) -> None: """Nothing to undo."""
    def drop(self) -> None: """Nothing to forget."""
    def new_page(self) -> None: """Not counted."""
    def lines(self, n: float, keep: bool = False) -> None: """Not counted."""
    def heading(self, ref: Any, level: int) -> None: """Not counted."""
    def paragraph(self, text: str, style: str | None) -> None: """Not counted."""
    def note(self) -> None: """Not counted."""
    def table(self, t: Table, widths: list[int], compact: bool = False) -> None: """Not counted."""
    def caption(self) -> None: """Not counted."""
    def chart(self, height_emu: int) -> None: """Not counted."""
