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
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from plangen.render.docx.blocks import display_width
from plangen.render.docx.table import header_lines
from plangen.present.values import Table

EMU_PER_PT = 12700
CELL_PT_PER_COLUMN = 4.9           # 9.5 pt table text: one display column (half an East Asian character)
BODY_PT_PER_COLUMN = 5.25          # 10.5 pt body text
_CJK = re.compile("[\u3000-\u9fff\uff00-\uffef]")


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


LATIN = Metrics(21.3, 15.3, 19.6, 11.1, (35.4, 24.9, 22.0), (12.0, 6.0, 5.0), 29.5, 25.1, 17.0,
                (35.4, 21.3, 18.3), (35.4, 15.3, 12.25))
CJK = Metrics(24.9, 18.9, 22.1, 13.6, (40.4, 28.9, 26.0), (12.0, 6.6, 5.0), 32.8, 28.3, 19.0,
              (39.7, 24.8, 21.9), (39.7, 18.1, 15.1))


@lru_cache(maxsize=8192)   # the same cells in every rep plan
def _wrapped(text: str, width_twips: int) -> int:
    """Lines a cell's text takes in a column `width_twips` wide (less its padding)."""
    columns = max(1, int((width_twips - 200) / 20 / CELL_PT_PER_COLUMN))
    return sum(max(1, math.ceil(display_width(part) / columns)) for part in text.split("\n"))


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
        self.columns = width_emu / EMU_PER_PT / BODY_PT_PER_COLUMN
        self._saved: list[tuple[int, float]] = []
        self.broken = False                               # the page began at a page break
        self.held = 0.0                                   # a table caption, kept with its table
        self.tail: list[tuple[float, Any]] = []           # (points, heading ref or None) kept with next

    def save(self) -> None:
        """Remember the position (undone when a section comes out empty)."""
        self._saved.append((self.page, self.line))

    def undo(self) -> None:
        """Go back to the last saved position."""
        if self._saved:
            self.page, self.line = self._saved.pop()
            self.tail = []

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
        self.tail, self.broken = [], True

    def lines(self, n: float, keep: bool = False) -> None:
        """`n` points; a block that does not fit (`keep`) moves to the next page with its tail."""
        if self.line + n > self.per_page and (keep or self.line + self.m.wrap > self.per_page):
            self._move(n if keep else self.per_page)
            if n > self.per_page:
                self.page += int(n // self.per_page)
                n = n % self.per_page
        self.line += n

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
        if self.tail and self.tail[-1][1] is None:
            self.tail = []                      # a paragraph before a heading is not kept with it
        advance = self._heading_advance(i)
        if self.line + advance + self.m.line > self.per_page:
            self._move(self.m.heading[i] + self.m.line)
            advance = self._heading_advance(i)
        self.line += advance
        ref.page = self.page
        self.tail.append((advance if self.tail else self.m.heading[i] + self.m.before[i], ref))

    def _heading_advance(self, i: int) -> float:
        """A heading's height here: right under a heading its spacing before is held in the one above,
        at the top of a page it shows only after a page break."""
        if self.line == 0:
            return self.m.heading[i] + (self.m.before[i] + 6.0 if self.broken else 0.0)
        return self.m.heading[i] + (0.0 if self.tail else self.m.before[i])

    def paragraph(self, text: str, style: str | None) -> None:
        """A paragraph of text wrapped at the body width; kept with the next block after a heading."""
        indent = 4 if style else 0
        count = max(1, math.ceil(display_width(text) / (self.columns - indent)))
        n = self.m.wrap * count + (0 if style else self.m.line - self.m.wrap)
        self.lines(n)
        if not self.tail or self.tail[-1][1] is None:
            self.tail = []
        self.tail.append((n, None))

    def note(self) -> None:
        """The small note under a table."""
        self.lines(self.m.note)
        self.tail = []

    def table(self, t: Table, widths: list[int], keep: bool) -> None:
        """A table whose rows grow when a cell wraps; a kept table moves whole to the next page; the
        header row repeats on each page a long table continues on."""
        heads = tuple(header_lines(h, w) for h, w in zip(t.columns, widths))
        rows = [heads, *t.rows, *([t.total] if t.total else [])]
        heights = [self._row(r, widths) for r in rows]
        held, self.held = self.held, 0.0
        first = len(heights) if keep else min(4, len(heights))   # header + 3 rows kept together
        self.lines(held + sum(heights[:first]), keep=True)
        self.tail = []
        for h in heights[first:]:
            page = self.page
            self.lines(h, keep=True)
            if self.page != page:
                self.line += heights[0]
        self.line += 2.0                       # with a heading's 6 pt before: its 12 pt spacing

    def _row(self, cells, widths: list[int]) -> float:
        """A row's height: its tallest cell, in the script its text is in."""
        tall = self.m is CJK and any(_CJK.search(c) for c in cells)
        row, wrap = (CJK.row, CJK.row_wrap) if tall else (LATIN.row, LATIN.row_wrap)
        return row + wrap * (max(_wrapped(c, w) for c, w in zip(cells, widths)) - 1)

    def caption(self) -> None:
        """A table caption, held to go with the table below it."""
        self.held = self.m.table_caption

    def chart(self, height_emu: int) -> None:
        """A chart of the given height with its caption below."""
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
    def table(self, t: Table, widths: list[int], keep: bool) -> None: """Not counted."""
    def caption(self) -> None: """Not counted."""
    def chart(self, height_emu: int) -> None: """Not counted."""
