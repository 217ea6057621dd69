"""Native, editable Word charts: a chart part with its embedded workbook, placed inline."""

from __future__ import annotations

from functools import partial

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.shape import InlineShape
from docx.text.paragraph import Paragraph
from lxml import etree

from plangen.render.docx.chart_fill import chart_blobs
from plangen.present.charts import C_NS, CHART_URI, R_NS, ChartSpec, chart_space, prepare, workbook_blob

CHART_CT = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
XLSX_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
DOC_FONT_PT = 9


def add_chart(target: Document | Paragraph, spec: ChartSpec, width: int, height: int,
              font_pt: float = DOC_FONT_PT) -> InlineShape:
    """Insert `spec` as a native chart (width x height EMU) at the end of a paragraph or document."""
    paragraph = target.add_paragraph() if isinstance(target, Document) else target
    doc_part = paragraph.part
    chart_part = new_chart_part(doc_part.package, prepare(spec), font_pt)
    rid = doc_part.relate_to(chart_part, RT.CHART)
    inline = inline_xml(rid, next_docpr_id(doc_part), spec.title, width, height)
    drawing = OxmlElement("w:drawing")
    drawing.append(parse_xml(etree.tostring(inline)))
    paragraph.add_run()._r.append(drawing)
    return InlineShape(drawing[0])


def new_chart_part(package, spec: ChartSpec, font_pt: float) -> Part:
    """A chart part (styled XML) related to a new embedded .xlsx part holding its data."""
    xlsx = Part(package.next_partname("/word/embeddings/Microsoft_Excel_Worksheet%d.xlsx"), XLSX_CT, b"", package)
    part = Part(PackURI(package.next_partname("/word/charts/chart%d.xml")), CHART_CT, b"", package)
    rid = part.relate_to(xlsx, RT.PACKAGE)
    part._blob, xlsx._blob = chart_blobs(spec, partial(chart_files, font_pt=font_pt, rid=rid), (font_pt, rid))
    return part


def chart_files(spec: ChartSpec, font_pt: float, rid: str) -> tuple[bytes, bytes]:
    """The chart part's XML (its data in relationship `rid`) and the workbook, from python-pptx."""
    root = chart_space(spec, font_pt)
    external = etree.SubElement(root, f"{{{C_NS}}}externalData")
    external.set(f"{{{R_NS}}}id", rid)
    etree.SubElement(external, f"{{{C_NS}}}autoUpdate", val="0")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), workbook_blob(spec)


def next_docpr_id(doc_part) -> int:
    """One more than the largest id used in the document, its headers and its footers."""
    parts = [doc_part] + [r.target_part for r in doc_part.rels.values()
                          if not r.is_external and r.reltype in (RT.HEADER, RT.FOOTER)]
    ids = [int(v) for p in parts for v in p.element.xpath("//@id") if str(v).isdigit()]
    return max(ids, default=0) + 1


def inline_xml(rid: str, shape_id: int, title: str, width: int, height: int) -> etree._Element:
    """A wp:inline holding a c:chart reference to relationship `rid`."""
    nsmap = {"wp": WP_NS, "a": A_NS, "c": C_NS, "r": R_NS}
    inline = etree.Element(f"{{{WP_NS}}}inline", nsmap=nsmap,
                           distT="0", distB="0", distL="0", distR="0")
    etree.SubElement(inline, f"{{{WP_NS}}}extent", cx=str(int(width)), cy=str(int(height)))
    etree.SubElement(inline, f"{{{WP_NS}}}effectExtent", l="0", t="0", r="0", b="0")
    etree.SubElement(inline, f"{{{WP_NS}}}docPr", id=str(shape_id), name=f"Chart {shape_id}",
                     descr=title)
    etree.SubElement(inline, f"{{{WP_NS}}}cNvGraphicFramePr")
    graphic = etree.SubElement(inline, f"{{{A_NS}}}graphic")
    data = etree.SubElement(graphic, f"{{{A_NS}}}graphicData", uri=CHART_URI)
    etree.SubElement(data, f"{{{C_NS}}}chart").set(f"{{{R_NS}}}id", rid)
    return inline
