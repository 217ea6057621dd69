"""The progress report as a Word document on the base .docx: headline, summary, charts, tables."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from docx.document import Document
from docx.shared import Cm
from docx.text.paragraph import Paragraph

from ..render.charts import ChartSpec
from ..render.docx_blocks import append, caption, heading, open_document, para, save, set_header_text
from ..render.docx_chart import add_chart
from ..render.docx_table import table_xml
from ..locales import locale as plan_locale
from ..render.fonts import ensure_locale_fonts, localize_page_footer
from ..render.template_set import TemplateSet
from ..render.values import Table

EMU_PER_TWIP = 635


class ReportWriter:
    """Appends numbered tables and figures to a document."""

    def __init__(self, doc: Document, ctx: dict[str, Any]):
        self.doc, self.ctx, self.L = doc, ctx, ctx["L"]
        section = doc.sections[0]
        self.width = int(section.page_width - section.left_margin - section.right_margin)
        self.counts = {"Table": 0, "Figure": 0}

    def text(self, text: str, style: str | None = None) -> None:
        """One paragraph."""
        append(self.doc, para(style, text))

    def heading(self, text: str) -> None:
        """A level-1 heading."""
        append(self.doc, heading(text, 1))

    def caption(self, seq: str, title: str) -> None:
        """A numbered caption for a table or figure."""
        self.counts[seq] += 1
        key = "table_caption" if seq == "Table" else "figure_caption"
        append(self.doc, caption(self.L[key], seq, self.counts[seq], title))

    def table(self, t: Table | None) -> None:
        """A captioned table with its note."""
        if t is None or not t.rows:
            return
        self.caption("Table", t.title)
        append(self.doc, table_xml(t, self.width // EMU_PER_TWIP))
        if t.note and not self.unit_in_header(t):
            self.text(t.note, "Note")

    def unit_in_header(self, t: Table) -> bool:
        """Whether the table's note only repeats the unit its headers show."""
        return t.note == self.ctx["unit_note"] and any(self.ctx["unit"] in col for col in t.columns)

    def chart(self, spec: ChartSpec | None, height_cm: float = 7.5) -> None:
        """A native chart with its caption under it."""
        if spec is None:
            return
        p = Paragraph(append(self.doc, para("Figure")), self.doc._body)
        p.paragraph_format.keep_with_next = True
        add_chart(p, replace(spec, title=""), self.width, int(Cm(height_cm)))
        self.caption("Figure", spec.title)
        if spec.note:
            self.text(spec.note, "Note")


def render_report_docx(ctx: dict[str, Any], templates: TemplateSet | None = None) -> bytes:
    """The progress report (.docx bytes) for a report context."""
    doc = open_document((templates or TemplateSet()).bytes("base.docx"))
    ensure_locale_fonts(doc, plan_locale(ctx["locale"]))
    localize_page_footer(doc, ctx["locale"])
    set_header_text(doc, " · ".join(x for x in (ctx["organization"], ctx["plan_title"], ctx["title"]) if x))
    doc.core_properties.title = ctx["title"]
    doc.core_properties.language = ctx["locale"]
    write_body(ReportWriter(doc, ctx))
    return save(doc)


def write_body(w: ReportWriter) -> None:
    """Title, summary, time, reps, dimensions, remaining months, definitions."""
    ctx, L, tables, charts = w.ctx, w.L, w.ctx["tables"], w.ctx["charts"]
    w.text(ctx["title"], "Title")
    w.text(f"{ctx['plan_title']} — {ctx['as_of']}", "Subtitle")
    w.heading(L["track_summary"])
    for line in ctx["headlines"]:
        w.text(line, "List Bullet")
    w.text(ctx["behind"], "List Bullet")
    w.table(tables["track_summary"])
    w.chart(charts.get("track_cumulative"))
    w.heading(L["table_track_months"])
    w.chart(charts.get("track_months"))
    w.table(tables["track_months"])
    w.table(tables["track_quarters"])
    if "track_reps" in tables:
        w.heading(L["table_track_reps"])
        w.text(ctx["behind"])
        w.table(tables["track_reps"])
        w.chart(charts.get("track_reps"), 6.5)
    for key in ("track_region", "track_product_line", "track_customer_type"):
        if key in tables:
            w.heading(tables[key].title)
            w.table(tables[key])
    if "track_remaining" in tables:
        w.heading(L["needed_per_month"])
        w.table(tables["track_remaining"])
    w.heading(L["notes"])
    for line in ctx["method"]:
        w.text(line, "List Bullet")
