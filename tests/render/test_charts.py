"""Native Word and PowerPoint charts from a ChartSpec."""

import io
from pathlib import Path

import docx
import openpyxl
import pptx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.enum.shape import WD_INLINE_SHAPE
from docx.shared import Cm
from lxml import etree
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches

from plangen.render.docx import chart as docx_chart
from plangen.render.pptx import chart as pptx_chart
from plangen.present.charts import ChartSpec, Series, chart_space, prepare

ROOT = Path(__file__).resolve().parents[2]
NS = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"}
HOSTILE = ("A&B <Ltd>", "\"O'Brien\"", "华东")
QUARTERS = ("Q1", "Q2", "Q3", "Q4")
COLUMN = ChartSpec("column", "季度目标（万元）", QUARTERS,
                   (Series("2026", (2200, 2470, 2640, 2760), "history"),
                    Series("2027", (2000, 2500, 3000, 2500)),
                    Series("冲刺", (2400, 3000, 3600, 3000), "stretch")), '#,##0"万"')
SHARES = ChartSpec("bar", "Share", HOSTILE, (Series("A&B <plan>", (10, 50, 40)),), sort=True)


def chart_parts(document):
    """The chart parts related from a python-docx document, in relationship order."""
    rels = document.part.rels.values()
    return [r.target_part for r in rels if r.reltype == RT.CHART]


def cached(root, path: str) -> list[str]:
    """Cached point values under an XPath of a chart XML."""
    return root.xpath(path + "//c:pt/c:v/text()", namespaces=NS)


@pytest.fixture
def word_file(tmp_path) -> Path:
    """A docx from the base with two charts and Chinese and English text."""
    document = docx.Document(ROOT / "templates/base.docx")
    document.add_paragraph("销售目标 Sales targets")
    docx_chart.add_chart(document, COLUMN, Cm(15), Cm(7))
    docx_chart.add_chart(document.add_paragraph(style="Figure"), SHARES, Cm(15), Cm(6))
    document.add_picture(io.BytesIO(png_bytes()), width=Cm(1))
    path = tmp_path / "charts.docx"
    document.save(path)
    return path


def png_bytes() -> bytes:
    """A tiny PNG, to mix python-docx pictures with charts."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


def it_embeds_a_native_column_chart_in_a_docx(word_file):
    document = docx.Document(word_file)
    part = chart_parts(document)[0]
    assert part.content_type == "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
    root = etree.fromstring(part.blob)
    assert root.xpath("//c:barChart/c:barDir/@val", namespaces=NS) == ["col"]
    assert cached(root, "//c:ser[1]/c:cat") == list(QUARTERS)
    assert [float(v) for v in cached(root, "//c:ser[2]/c:val")] == [2000, 2500, 3000, 2500]
    assert document.inline_shapes[0].type == WD_INLINE_SHAPE.CHART


def it_embeds_the_chart_data_as_a_workbook(word_file):
    part = chart_parts(docx.Document(word_file))[0]
    root = etree.fromstring(part.blob)
    rid = root.xpath("//c:externalData/@r:id", namespaces=NS)[0]
    xlsx = part.rels[rid].target_part
    assert xlsx.content_type.endswith("spreadsheetml.sheet")
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.blob)).active
    assert [c.value for c in sheet[1]][1:] == ["2026", "2027", "冲刺"]
    assert [sheet.cell(r, 3).value for r in range(2, 6)] == [2000, 2500, 3000, 2500]


def it_gives_every_drawing_a_unique_docpr_id(word_file):
    document = docx.Document(word_file)
    ids = document.element.body.xpath("//wp:docPr/@id")
    assert len(ids) == 3 and len(set(ids)) == 3
    assert len(chart_parts(document)) == 2


def it_escapes_hostile_names_in_word_charts(word_file):
    root = etree.fromstring(chart_parts(docx.Document(word_file))[1].blob)
    assert set(cached(root, "//c:cat")) == set(HOSTILE)
    assert cached(root, "//c:tx") == ["A&B <plan>"]


def it_sorts_bar_charts_largest_first_from_the_top(word_file):
    root = etree.fromstring(chart_parts(docx.Document(word_file))[1].blob)
    assert cached(root, "//c:cat") == ["\"O'Brien\"", "华东", "A&B <Ltd>"]
    assert root.xpath("//c:catAx/c:scaling/c:orientation/@val", namespaces=NS) == ["maxMin"]


def it_writes_a_word_file_that_passes_openxml_audit(word_file, audit):
    assert audit(word_file) == ""


@pytest.fixture
def deck(tmp_path):
    """A deck from the base with a column chart on a Title Only slide."""
    prs = pptx.Presentation(ROOT / "templates/base.pptx")
    layout = next(x for x in prs.slide_layouts if x.name == "Title Only")
    slide = prs.slides.add_slide(layout)
    frame = pptx_chart.add_chart(slide, COLUMN, Inches(0.6), Inches(1.6), Inches(12), Inches(5))
    pptx_chart.add_chart(prs.slides.add_slide(layout), SHARES, 0, 0, Inches(6), Inches(4))
    path = tmp_path / "charts.pptx"
    prs.save(path)
    return path, frame


def it_adds_a_native_editable_chart_to_a_slide(deck):
    path, _ = deck
    chart = pptx.Presentation(path).slides[0].shapes[-1].chart
    assert chart.chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    assert list(chart.plots[0].categories) == list(QUARTERS)
    assert [s.values for s in chart.series][1] == (2000, 2500, 3000, 2500)
    assert chart.part.chart_workbook.xlsx_part is not None


def it_escapes_hostile_names_in_slide_charts(deck):
    path, _ = deck
    chart = pptx.Presentation(path).slides[1].shapes[-1].chart
    assert set(chart.plots[0].categories) == set(HOSTILE)
    assert chart.series[0].name == "A&B <plan>"


def it_writes_a_deck_that_passes_openxml_audit(deck, audit):
    assert audit(deck[0]) == ""


def it_colours_series_by_role_with_theme_colours():
    root = chart_space(prepare(COLUMN))
    fills = root.xpath("//c:ser/c:spPr/a:solidFill/a:schemeClr/@val", namespaces=NS)
    assert fills == ["bg1", "accent1", "accent2"]


def it_labels_data_in_the_display_number_format():
    root = chart_space(prepare(COLUMN))
    formats = root.xpath("//c:dLbls/c:numFmt/@formatCode", namespaces=NS)
    assert formats and set(formats) == {'#,##0"万"'}
    assert root.xpath("//c:dLbls/c:showVal/@val", namespaces=NS) == ["1"]


def it_uses_positive_axis_ids_with_light_or_no_gridlines_and_no_3d():
    root = chart_space(prepare(COLUMN))
    ids = root.xpath("//c:axId/@val | //c:crossAx/@val", namespaces=NS)
    assert ids and all(int(i) > 0 for i in ids)
    assert not root.xpath("//c:view3D | //c:bar3DChart", namespaces=NS)
    widths = root.xpath("//c:majorGridlines/c:spPr/a:ln/@w", namespaces=NS)
    assert all(int(w) <= 6350 for w in widths)


def it_puts_the_legend_at_the_bottom_only_for_several_series():
    assert chart_space(prepare(COLUMN)).xpath("//c:legend/c:legendPos/@val", namespaces=NS) == ["b"]
    assert not chart_space(prepare(SHARES)).xpath("//c:legend", namespaces=NS)


def it_draws_a_pie_with_one_colour_per_slice():
    pie = ChartSpec("pie", "Mix", ("A", "B", "C"), (Series("s", (5, 3, 2)),))
    root = chart_space(prepare(pie))
    assert root.xpath("//c:pieChart/c:varyColors/@val", namespaces=NS) == ["1"]
    assert len(root.xpath("//c:dPt", namespaces=NS)) == 3


def it_draws_lines_with_history_in_grey():
    line = ChartSpec("line", "Trend", ("Jan", "Feb"),
                     (Series("2026", (1, 2), "history"), Series("2027", (2, 3))))
    root = chart_space(prepare(line))
    colours = root.xpath("//c:ser/c:spPr/a:ln/a:solidFill/a:schemeClr/@val", namespaces=NS)
    assert colours == ["bg1", "accent1"]


@pytest.mark.parametrize("spec", [
    ChartSpec("column", "t", ("a", "b"), (Series("s", (1,)),)),
    ChartSpec("radar", "t", ("a",), (Series("s", (1,)),)),
    ChartSpec("column", "t", ("a",), (Series("s", (1,), "budget"),)),
    ChartSpec("pie", "t", ("a",), (Series("s", (1,)), Series("t", (2,)))),
])
def it_rejects_specs_it_cannot_draw(spec):
    with pytest.raises(ValueError):
        prepare(spec)
