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


def test_a_heading_right_under_a_heading_moves_with_its_own_height_and_no_spacing_before():
    """At 476.2 pt a heading 1 (12 + 35.4), a heading 2 under it (24.9, its 6 pt before held in the
    heading above) and two lines (36.6) reach 585.1; a chart of 184.25 + 3 + caption 25.1 does not fit,
    so all of it starts page 2: 35.4 + 24.9 + 36.6 = 96.9, and the chart ends at 96.9 + 212.35 = 309.25."""
    est = PageEstimate(WIDTH, HEIGHT)
    est.line = 476.2
    h1, h2 = SimpleNamespace(level=1, page=0), SimpleNamespace(level=2, page=0)
    est.heading(h1, 1)
    est.heading(h2, 2)
    est.paragraph("x" * 150, None)
    assert round(est.line, 1) == 585.1
    est.chart(round(184.25 * EMU_PER_PT))
    assert (h1.page, h2.page, est.page) == (2, 2, 2)
    assert round(est.line, 2) == 309.25


def test_a_toc_just_over_a_page_is_single_spaced_to_fit_on_one():
    """10 level-1 and 28 level-2 entries: 35.4 + 10 x 21.3 + 28 x 18.3 + 2 x 21.3 (field end, page break)
    = 803.0 > 700 at the base's spacing; single-spaced 35.4 + 10 x 15.3 + 28 x 12.25 + 42.6 = 574.0 fits.
    With 40 more level-2 entries not even single spacing fits (1,064.0): the TOC keeps its spacing."""
    est = PageEstimate(WIDTH, HEIGHT)
    levels = [1] * 10 + [2] * 28
    assert (est.toc_pages(levels), est.toc_pages(levels, compact=True), est.toc_compact(levels)) == (2, 1, True)
    assert not est.toc_compact(levels + [2] * 40)
    assert not est.toc_compact([1] * 5)


def it_estimates_pages_only_for_an_outline_with_a_toc() -> None:
    """The page model serves the TOC's page numbers: the annual outline (a toc block) has one, the rep
    outline (none) writes without it, also when a toc sits inside a cover or a section's blocks."""
    from plangen.render.docx.outline import has_toc, outline
    from plangen.render.template_set import TemplateSet
    ts = TemplateSet()
    assert has_toc(outline(ts, "document")) and not has_toc(outline(ts, "rep"))
    assert has_toc([{"cover": [{"toc": {}}]}]) and has_toc([{"section": "x", "blocks": [{"toc": True}]}])
    assert not has_toc([{"text": "toc"}, {"section": "toc", "blocks": []}])
