"""The page model behind the TOC's page numbers: worked examples in points (Latin metrics, A4 body 700 pt)."""
from __future__ import annotations

from types import SimpleNamespace

from plangen.render.docx.pages import EMU_PER_PT, LATIN, PageEstimate
from plangen.present.values import Table

WIDTH, HEIGHT = 453 * EMU_PER_PT, 700 * EMU_PER_PT


def table(rows: int, total: bool = False) -> Table:
    return Table("t", "T", ("Month", "Target"), tuple((f"M{i}", "100") for i in range(rows)), (False, True),
                 ("Total", "100") if total else None)


def test_a_short_table_that_does_not_fit_moves_to_the_next_page_with_its_heading_and_introduction():
    """At 600 pt a heading 2 (6 + 24.9) and a line (21.3) reach 652.2; caption 29.5 + 6 rows of 19.6
    = 147.1 do not fit in 700, so all of it starts page 2: the heading at its top, without its 6 pt before."""
    est = PageEstimate(WIDTH, HEIGHT)
    est.line = 600.0
    ref = SimpleNamespace(level=2, page=0)
    est.heading(ref, 2)
    est.paragraph("One line of introduction.", None)
    est.caption()
    est.table(table(5), [4000, 5000])
    assert (ref.page, est.page) == (2, 2)
    assert round(est.line, 1) == round(24.9 + 21.3 + 29.5 + 6 * 19.6 + 2.0, 1)


def test_a_heading_with_no_room_for_a_line_under_it_starts_the_next_page():
    """At 660 pt a heading 1 needs 12 + 31.4 and a line of 15.3 under it: 718.7 > 700."""
    est = PageEstimate(WIDTH, HEIGHT)
    est.line = 660.0
    ref = SimpleNamespace(level=1, page=0)
    est.heading(ref, 1)
    assert (ref.page, est.line) == (2, LATIN.heading[0])


def test_a_heading_at_the_foot_stays_when_one_line_fits_under_it():
    """At 650 pt a heading 2 (6 + 24.9) ends at 680.9; a line of text (15.3) still fits under it, 696.2 <= 700,
    though a paragraph with its 6 pt spacing after (21.3) would not: the spacing after is not needed at the
    foot of a page. LibreOffice keeps such a heading with its one line (zh seed-000's 6.4, a bullet)."""
    est = PageEstimate(WIDTH, HEIGHT)
    est.line = 650.0
    ref = SimpleNamespace(level=2, page=0)
    est.heading(ref, 2)
    assert (ref.page, round(est.line, 1)) == (1, 680.9)


def test_the_last_two_rows_of_a_long_table_move_to_the_next_page_with_its_total():
    """The Word rows before the total keep with the next (no lone total). 12 months and a total at 410 pt:
    caption 29.5 + header and months 1-3 (4 x 19.6) reach 517.9, months 4-10 (7 x 19.6) 655.1; months 11
    and 12 with the total (58.8) would end at 713.9, past 700 + the 4 pt a last row may hang below, so the
    three start page 2 under a repeated header: 19.6 + 58.8 + 2 = 80.4. Row by row, month 11 (674.7)
    would have stayed on page 1."""
    est = PageEstimate(WIDTH, HEIGHT)
    est.line = 410.0
    est.caption()
    est.table(table(12, total=True), [4000, 5000])
    assert (est.page, round(est.line, 1)) == (2, 80.4)


def test_a_table_whose_last_row_hangs_up_to_4_pt_below_the_body_stays():
    """LibreOffice lets a row's 2 pt bottom margin and 2 pt spacing after hang below the body (en half-year's
    tier table ended at 702.9 of 700.2): at 548 pt a caption (29.5) and 6 rows (117.6) end at 695.1 + 2;
    at 553 pt 700.1 + 2 still stays, at 558 pt (705.1 > 704) the table moves."""
    for start, page in ((548.0, 1), (553.0, 1), (558.0, 2)):
        est = PageEstimate(WIDTH, HEIGHT)
        est.line = start
        est.caption()
        est.table(table(5), [4000, 5000])
        assert est.page == page


def test_a_long_table_repeats_its_header_on_the_page_it_continues_on():
    """Caption 29.5 and header 19.6 leave 650.9 pt: 33 rows of 19.6 (646.8); the other 7 go to page 2
    under a repeated header, which ends at 19.6 + 7 * 19.6 + 2 = 158.8."""
    est = PageEstimate(WIDTH, HEIGHT)
    est.caption()
    est.table(table(40), [4000, 5000])
    on_first = int((700 - 29.5 - 19.6) // 19.6)
    assert est.page == 2
    assert round(est.line, 1) == round(19.6 + (40 - on_first) * 19.6 + 2.0, 1)


def test_a_heading_right_under_a_heading_moves_with_its_own_height_and_no_spacing_before():
    """At 476.2 pt a heading 1 (12 + 31.4 with its 8 pt after), a heading 2 under it (24.9 + 4: of its 12 pt
    before only what exceeds the 8 pt after above) and two lines (36.6) reach 585.1; a chart of 184.25 + 3
    + caption 25.1 does not fit, so all of it starts page 2: 31.4 + 28.9 + 36.6 = 96.9, and the chart ends
    at 96.9 + 212.35 = 309.25."""
    est = PageEstimate(WIDTH, HEIGHT)
    est.line = 476.2
    h1, h2 = SimpleNamespace(level=1, page=0), SimpleNamespace(level=2, page=0)
    est.heading(h1, 1)
    est.heading(h2, 2)
    est.paragraph("The plan splits the target by quarter and month, then by rep and region. " * 2, None)
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


def test_a_cell_wraps_whole_words_at_the_width_dejavu_sans_gives_them():
    """A 1,915-twip column less 200 padding is 85.75 pt, less the 0.5 pt border 85.25. "Spreadsheets" is
    64.9 pt (6.83 em of 9.5 pt), with " and" 85.74: too wide, so "and" starts line 2; "and in-house" is
    61.5 and " tools" would make it 87.4, so "tools" takes line 3 (LibreOffice shows the same three lines).
    The row is 19.6 + 2 x 11.1 = 41.8 under a 19.6 header: the table ends at 19.6 + 41.8 + 2 = 63.4."""
    est = PageEstimate(WIDTH, HEIGHT)
    t = Table("c", "C", ("Competitor", "Type"), (("Spreadsheets and in-house tools", "Substitute"),), (False, False))
    est.table(t, [1915, 4000])
    assert round(est.line, 1) == 63.4


def test_a_chinese_line_leaves_a_quarter_em_where_figures_meet_characters():
    """zh seed-000's collection paragraph (94 characters, 10.5 pt, 453.5 pt wide): without the spacing
    its first line would end at 449.5 pt with "款"; five ideograph-figure meetings add 5 x 2.6 pt, so
    "款" goes to line 2 and "收。" to line 3, as LibreOffice breaks it: 3 x 18.9 + 6 = 62.7 pt."""
    est = PageEstimate(WIDTH, HEIGHT, cjk=True)
    est.paragraph("回款目标10,448万元，为销售目标的104.5%。回款条件：当月60%、次月40%；上年应收账款800万元在前"
                  "2个月收回；最后几个月的销售中有352万元到期末尚未到回款期，计入期末应收。", None)
    assert round(est.line, 1) == 62.7
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
