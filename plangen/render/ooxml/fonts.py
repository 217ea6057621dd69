"""Font and locale-text helpers for Word and PowerPoint: East Asian fonts, localised footers."""

from __future__ import annotations

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.text.run import Run
from lxml import etree

from plangen.locales import Locale
from plangen.locales import locale as plan_locale

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
HEADING_STYLES = ("Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "TOC Heading",
                  "Cover Title", "Cover Subtitle", "Big Number")
# a:rPr children after a:ea in schema order
_AFTER_EA = {f"{{{A_NS}}}{t}" for t in ("cs", "sym", "hlinkClick", "hlinkMouseOver", "rtl",
                                         "extLst")}


def set_run_fonts(run: Run, latin: str | None, east_asia: str | None) -> None:
    """Set a python-docx run's Latin (ascii/hAnsi) and East Asian fonts."""
    rfonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    if latin:
        rfonts.set(qn("w:ascii"), latin)
        rfonts.set(qn("w:hAnsi"), latin)
    if east_asia:
        rfonts.set(qn("w:eastAsia"), east_asia)
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme"):
            rfonts.attrib.pop(qn(attr), None)


def has_east_asian(rfonts) -> bool:
    """Whether a w:rFonts names an explicit East Asian font.

    A theme reference (w:eastAsiaTheme) may point at an empty theme font, so it does not
    count; adding w:eastAsia beside it is harmless because Word prefers the theme reference.
    """
    return rfonts is not None and bool(rfonts.get(qn("w:eastAsia")))


def ensure_east_asian_docx(document: Document, body: str = "SimSun",
                           heading: str = "Microsoft YaHei", lang: str = "zh-CN") -> bool:
    """Give a base without East Asian fonts `body`/`heading` fonts; leave one that has them.

    Returns True when anything was changed.
    """
    rpr = default_rpr(document.styles.element)
    if has_east_asian(rpr.find(qn("w:rFonts"))):
        return False
    child_first(rpr, "w:rFonts").set(qn("w:eastAsia"), body)
    set_east_asian_lang(rpr, lang)
    for style in document.styles:
        if style.name in HEADING_STYLES:
            srpr = style.element.get_or_add_rPr()
            if not has_east_asian(srpr.rFonts):
                srpr.get_or_add_rFonts().set(qn("w:eastAsia"), heading)
    return True


def child_first(parent: etree._Element, tag: str) -> etree._Element:
    """The `tag` child of `parent`, created as its first child when missing."""
    node = parent.find(qn(tag))
    if node is None:
        node = OxmlElement(tag)
        parent.insert(0, node)
    return node


def default_rpr(styles: etree._Element) -> etree._Element:
    """w:docDefaults/w:rPrDefault/w:rPr of a styles part, created when missing."""
    return child_first(child_first(child_first(styles, "w:docDefaults"), "w:rPrDefault"), "w:rPr")


def set_east_asian_lang(rpr, lang: str = "zh-CN") -> None:
    """Set w:lang/@w:eastAsia of a w:rPr."""
    lang_of(rpr).set(qn("w:eastAsia"), lang)


def lang_of(rpr) -> etree._Element:
    """The w:lang of a w:rPr, created in schema order when missing."""
    node = rpr.find(qn("w:lang"))
    if node is None:
        node = OxmlElement("w:lang")
        later = [c for c in rpr if c.tag in (qn("w:eastAsianLayout"), qn("w:specVanish"),
                                              qn("w:oMath"))]
        later[0].addprevious(node) if later else rpr.append(node)
    return node


def set_pptx_ea(target, typeface: str) -> None:
    """Add <a:ea typeface> to a python-pptx run, or to every run and paragraph end of a text frame."""
    if hasattr(target, "paragraphs"):
        for para in target.paragraphs:
            for run in para.runs:
                set_pptx_ea(run, typeface)
            set_rpr_ea(para._p.get_or_add_endParaRPr(), typeface)
        return
    set_rpr_ea(target._r.get_or_add_rPr(), typeface)


def set_rpr_ea(rpr: etree._Element, typeface: str) -> None:
    """Set the a:ea child of an a:rPr/a:defRPr/a:endParaRPr in schema order."""
    ea = rpr.find(f"{{{A_NS}}}ea")
    if ea is None:
        ea = etree.Element(f"{{{A_NS}}}ea")
        later = [child for child in rpr if child.tag in _AFTER_EA]
        later[0].addprevious(ea) if later else rpr.append(ea)
    ea.set("typeface", typeface)


DEFAULT_EA_FONTS = ("SimSun", "Microsoft YaHei")  # plangen's base.docx (Simplified Chinese)


def ensure_locale_fonts(document: Document, loc: Locale) -> None:
    """The document's language tag from the plan's locale; a CJK locale's East Asian fonts.

    A base without East Asian fonts gets the locale's; plangen's own (Simplified Chinese) fonts
    become the locale's (zh-TW: PMingLiU, Microsoft JhengHei); a company's own fonts stay.
    """
    rpr = default_rpr(document.styles.element)
    if not loc.east_asian:
        lang_of(rpr).set(qn("w:val"), loc.office_lang)
        return
    if not ensure_east_asian_docx(document, *loc.fonts, lang=loc.office_lang):
        set_east_asian_lang(rpr, loc.office_lang)
        swap = dict(zip(DEFAULT_EA_FONTS, loc.fonts))
        for rfonts in document.styles.element.iter(qn("w:rFonts")):
            if rfonts.get(qn("w:eastAsia")) in swap:
                rfonts.set(qn("w:eastAsia"), swap[rfonts.get(qn("w:eastAsia"))])


def localize_page_footer(document: Document, locale: str, sections: list[Section] | None = None) -> bool:
    """Rewrite the words around PAGE and NUMPAGES in every footer ("Page X of Y" per locale).

    A footer paragraph qualifies when it has exactly two fields (PAGE then NUMPAGES);
    others are left alone. Returns True when a footer was rewritten. `sections`: the document's,
    when the caller has them (python-docx finds them by searching the whole body).
    """
    words = plan_locale(locale).footer_words
    done = False
    for section in document.sections if sections is None else sections:
        for footer in (section.footer, section.first_page_footer, section.even_page_footer):
            if footer.is_linked_to_previous:
                continue
            for para in footer.paragraphs:
                done = rewrite_page_words(para._p, words) or done
    return done


def rewrite_page_words(p: etree._Element, words: tuple[str, str, str]) -> bool:
    """Put `words` (before, between, after) around the two fields of footer paragraph `p`."""
    segments = literal_runs(p)
    if segments is None or any(text and not seg for seg, text in zip(segments, words)):
        return False
    for segment, text in zip(segments, words):
        for run in segment[1:]:
            run.getparent().remove(run)
        if segment:
            set_run_text(segment[0], text)
    return True


def literal_runs(p: etree._Element) -> list[list[etree._Element]] | None:
    """Plain-text runs before, between and after the PAGE and NUMPAGES fields, or None."""
    segments: list[list[etree._Element]] = [[]]
    depth, codes = 0, []
    for r in p.iter(qn("w:r")):
        kind = fld_char(r)
        if kind == "begin":
            depth += 1
        elif kind == "end":
            depth -= 1
            segments.append([])
        elif depth == 0 and kind is None:
            segments[-1].append(r)
        if depth and r.find(qn("w:instrText")) is not None:
            codes.append(r.find(qn("w:instrText")).text.split()[0].upper())
    return segments if [c for c in codes if c] == ["PAGE", "NUMPAGES"] else None


def fld_char(r: etree._Element) -> str | None:
    """The w:fldCharType of a run's w:fldChar, if any."""
    node = r.find(qn("w:fldChar"))
    return None if node is None else node.get(qn("w:fldCharType"))


def set_run_text(r: etree._Element, text: str) -> None:
    """Replace a w:r's text, keeping leading/trailing spaces."""
    for t in r.findall(qn("w:t")):
        r.remove(t)
    t = OxmlElement("w:t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    r.append(t)
