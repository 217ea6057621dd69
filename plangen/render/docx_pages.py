"""A rough page model, so the table of contents opens with page numbers close to the real ones.

Word and LibreOffice recompute them when the TOC is updated; until then these estimates show.
Its unit is a one-line body paragraph with its spacing (measured in LibreOffice with the default
base: 28 to an A4 page); blocks that do not split move whole to the next page.
"""
from __future__ import annotations

import math
from typing import Any

from .docx_blocks import display_width
from .values import Table

LINE_PT = 25.0                     # a one-line paragraph with its spacing after
EMU_PER_PT = 12700
WRAP = 0.76                        # each further line of a paragraph or bullet
HEADING_LINES = {1: 1.9, 2: 1.5, 3: 1.3}
ROW_LINES, ROW_WRAP = 0.93, 0.55   # a table row, and each further line of a wrapped cell
CAPTION_LINES = 1.4
CHART_CAPTION_LINES = 1.0            # a chart's caption below it (zh sample: 19 of 34 TOC pages exact, 15 with 1.4)
CELL_PT_PER_COLUMN = 4.9           # 9.5 pt table text: one display column (half an East Asian character)


def _wrapped(text: str, width_twips: int) -> int:
    """Lines a cell's text takes in a column `width_twips` wide (less its padding)."""
    columns = max(1, int((width_twips - 200) / 20 / CELL_PT_PER_COLUMN))
    return max(1, math.ceil(display_width(text) / columns))


class PageEstimate:
    """Tracks the page and line the next block starts on.

    Headings and the paragraph introducing a table or chart are kept with it (keepNext), so they
    are remembered as the `tail`: when the block moves to the next page, they move along.
    """

    def __init__(self, width_emu: int, height_emu: int):
        self.page, self.line = 1, 0.0
        self.per_page = height_emu / EMU_PER_PT / LINE_PT
        self.columns = width_emu / EMU_PER_PT / 5.25      # display columns of body text per line
        self._saved: list[tuple[int, float]] = []
        self.held = 0.0                                   # a table caption, kept with its table
        self.tail: list[tuple[float, Any]] = []           # (lines, heading ref or None) kept with next

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

    def pages_for(self, lines: float) -> int:
        """How many pages `lines` lines take."""
        return max(1, math.ceil(lines / self.per_page))

    def new_page(self) -> None:
        """A page break."""
        if self.line > 0:
            self.page, self.line = self.page + 1, 0.0
        self.tail = []

    def lines(self, n: float, keep: bool = False) -> None:
        """`n` lines; a block that does not fit (`keep`) moves to the next page with its tail."""
        if self.line + n > self.per_page and (keep or self.line + 1 > self.per_page):
            moved = sum(lines for lines, _ in self.tail) if keep else 0.0
            moved = moved if moved + n <= self.per_page else 0.0
            refs = [ref for _, ref in self.tail if ref is not None] if moved else []
            self.new_page()
            for ref in refs:
                ref.page = self.page
            self.line = moved
            if n > self.per_page:
                self.page += int(n // self.per_page)
                n = n % self.per_page
        self.line += n

    def heading(self, ref: Any, level: int) -> None:
        """A heading (`ref.page` is set, and moved with what follows)."""
        n = HEADING_LINES.get(level, 2.0)
        if self.line + n + 1 > self.per_page:
            self.new_page()
        self.line += n
        ref.page = self.page
        self.tail.append((n, ref))

    def paragraph(self, text: str, style: str | None) -> None:
        """A paragraph of text wrapped at the body width; kept with the next block after a heading."""
        indent = 4 if style else 0
        n = (0 if style else 1 - WRAP) + WRAP * max(1, math.ceil(display_width(text) / (self.columns - indent)))
        self.lines(n)
        if not self.tail or self.tail[-1][1] is None:
            self.tail = []
        self.tail.append((n, None))

    def table(self, t: Table, widths: list[int], keep: bool) -> None:
        """A table whose rows grow when a cell wraps; a kept table moves whole to the next page."""
        rows = [t.columns, *t.rows, *([t.total] if t.total else [])]
        heights = [ROW_LINES + ROW_WRAP * (max(_wrapped(c, w) for c, w in zip(r, widths)) - 1) for r in rows]
        held, self.held = self.held, 0.0
        first = len(heights) if keep else min(2, len(heights))
        self.lines(held + sum(heights[:first]) + (0.3 if keep else 0), keep=True)
        self.tail = []
        for h in heights[first:]:
            self.lines(h, keep=True)
        if not keep:
            self.lines(0.3)

    def caption(self) -> None:
        """A table caption, held to go with the table below it."""
        self.held = CAPTION_LINES

    def chart(self, height_emu: int) -> None:
        """A chart of the given height with its caption below."""
        self.lines(height_emu / EMU_PER_PT / LINE_PT + 0.3 + CHART_CAPTION_LINES, keep=True)
        self.tail = []
