"""The progress report as a Word document: base .docx + outlines/progress.yaml + text/<locale>/progress.j2."""
from __future__ import annotations

from typing import Any

from plangen.render.docx.blocks import open_document, save
from plangen.render.docx.outline import OutlineWriter
from ..locales import locale as plan_locale
from plangen.render.ooxml.fonts import ensure_locale_fonts, localize_page_footer
from ..render.template_set import TemplateSet


def render_report_docx(ctx: dict[str, Any], templates: TemplateSet | None = None) -> bytes:
    """The progress report (.docx bytes) for a report context, laid out by the progress outline."""
    templates = templates or TemplateSet()
    doc = open_document(templates.bytes("base.docx"))
    ensure_locale_fonts(doc, plan_locale(ctx["locale"]))
    localize_page_footer(doc, ctx["locale"])
    doc.core_properties.title = ctx["title"]
    doc.core_properties.language = ctx["locale"]
    OutlineWriter(doc, ctx, templates, "progress", dict(ctx["tables"])).run()
    return save(doc)
