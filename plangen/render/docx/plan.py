"""The annual plan as a Word document: base .docx + outlines/document.yaml + text/<locale>/document.j2."""
from __future__ import annotations

from typing import Any

from docx.document import Document

from plangen.render.docx.blocks import open_document, save
from plangen.render.docx.lang import language_tags, set_document_language
from plangen.render.docx.outline import OutlineWriter
from plangen.locales import locale as plan_locale
from plangen.render.ooxml.fonts import ensure_locale_fonts
from plangen.render.template_set import TemplateSet


def render_plan_docx(ctx: dict[str, Any], templates: TemplateSet) -> bytes:
    """The annual plan (.docx bytes) for a render context."""
    doc = open_document(templates.bytes("base.docx"))
    prepare(doc, ctx["plan"])
    writer = OutlineWriter(doc, ctx, templates, "document", dict(ctx["tables"]))
    writer.run()
    return save(doc)


def prepare(doc: Document, plan: dict[str, Any], subject: str = "") -> None:
    """East Asian fonts from the locale, language tags from the locale and the document properties."""
    prepare_locale(doc, plan["locale"])
    set_properties(doc, plan, subject)


def prepare_locale(doc: Document, locale: str) -> None:
    """What a base needs for a locale, the same for every document: East Asian fonts, language tags."""
    ensure_locale_fonts(doc, plan_locale(locale))
    set_document_language(doc, locale)


def set_properties(doc: Document, plan: dict[str, Any], subject: str = "") -> None:
    """The document properties: title, author, subject and language."""
    props = doc.core_properties
    props.title, props.author = _prop(plan["title"]), _prop(plan["owner"] or "plangen")
    props.subject = _prop(subject)
    latin, east_asian = language_tags(plan["locale"])
    props.language = east_asian if plan_locale(plan["locale"]).east_asian else latin


def _prop(text: str) -> str:
    """A core property value: the package format allows at most 255 characters."""
    return text if len(text) <= 255 else text[:254] + "…"
