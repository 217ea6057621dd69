"""The page model behind the TOC's page numbers: worked examples in points (Latin metrics, A4 body 700 pt)."""
from __future__ import annotations

from types import SimpleNamespace

from plangen.render.docx.pages import EMU_PER_PT, LATIN, PageEstimate
from plangen.present.values import Table

WIDTH, HEIGHT = 453 * EMU_PER_PT, 700 * EMU_PER_PT


def table(rows: int) -> Table:
    return Table("t", "T", ("Month", "Target"), tuple((f"M{i}", "100") for i in range(rows)), (False, True))


def test_a_short_table_that_does_not_fit_moves_to_the_next_page_with_its_heading_and_introduction():
    """At 600 pt a heading 2 (6 + 24.9) and a line (21.3) reach 652.2; caption 29.5 + 6 rows of 19.6
    = 147.1 do not fit in 700, so all of it starts page 2: the heading at its top, without its 6 pt before."""
    est = PageEstimate(WIDTH, HEIGHT)
    est.line = 600.0
    ref = SimpleNamespace(level=2, page=0)
    est.heading(ref, 2)
    est.paragraph("One line of introduction.", None)
    est.caption()
    est.table(table(5), [4000, 5000], keep=True)
    assert (ref.page, est.page) == (2, 2)
    assert round(est.line, 1) == round(24.9 + 21.3 + 29.5 + 6 * 19.6 + 2.0, 1)


def test_a_heading_with_no_room_for_a_line_under_it_starts_the_next_page():
    """At 650 pt a heading 1 needs 12 + 35.4 and a line of 21.3 under it: 718.7 > 700."""
    est = PageEstimate(WIDTH, HEIGHT)
    est.line = 650.0
    ref = SimpleNamespace(level=1, page=0)
    est.heading(ref, 1)
    assert (ref.page, est.line) == (2, LATIN.heading[0])


def test_a_long_table_repeats_its_header_on_the_page_it_continues_on():
    """Caption 29.5 and header 19.6 leave 650.9 pt: 33 rows of 19.6 (646.8); the other 7 go to page 2
    under a repeated header, which ends at 19.6 + 7 * 19.6 + 2 = 158.8."""
    est = PageEstimate(WIDTH, HEIGHT)
    est.caption()
    est.table(table(40), [4000, 5000], keep=False)
    on_first = int((700 - 29.5 - 19.6) // 19.6)
    assert est.page == 2
    assert round(est.line, 1) == round(19.6 + (40 - on_first) * 19.6 + 2.0, 1)
