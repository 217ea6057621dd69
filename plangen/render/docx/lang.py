"""Word document settings that follow the plan: language tags (spell-checking, hyphenation, fonts)
and refreshing the fields (the TOC's page numbers) when Word opens the file."""
from __future__ import annotations

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from plangen.locales import locale as plan_locale
from plangen.render.ooxml.fonts import default_rpr, set_east_asian_lang

# w:settings children that come after w:updateFields, in schema order
_AFTER_UPDATE = ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
                 "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
                 "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType",
                 "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")


def language_tags(locale: str) -> tuple[str, str]:
    """(Latin text, East Asian text) language tags from the locale registry: "es" -> ("es-ES", "zh-CN")."""
    loc = plan_locale(locale)
    if loc.east_asian:
        return "en-US", loc.office_lang      # Chinese plans: Latin runs (numbers, codes) as English
    return loc.office_lang, "zh-CN"


def set_document_language(doc: Document, locale: str) -> None:
    """Tag the default run properties and the theme fonts with the plan's languages."""
    latin, east_asian = language_tags(locale)
    rpr = default_rpr(doc.styles.element)
    set_east_asian_lang(rpr, east_asian)
    rpr.find(qn("w:lang")).set(qn("w:val"), latin)
    theme = doc.settings.element.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), latin)
        theme.set(qn("w:eastAsia"), east_asian)


def update_fields_on_open(doc: Document) -> None:
    """w:updateFields: Word recomputes the TOC and page references when the file is opened."""
    settings = doc.settings.element
    if settings.find(qn("w:updateFields")) is not None:
        return
    node = OxmlElement("w:updateFields")
    node.set(qn("w:val"), "true")
    later = [c for c in settings if c.tag in {qn(f"w:{t}") for t in _AFTER_UPDATE}]
    later[0].addprevious(node) if later else settings.append(node)
