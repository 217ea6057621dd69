"""Word building blocks: paragraphs, headings, captions, tables, the TOC and page furniture.

Everything is written as plain WordprocessingML under the document body, so that a table of
hundreds of rows costs one pass (no Table.cell() lookups). Text goes through `clean`, and lxml
escapes it: a customer called `A&B <Ltd>` stays text.
"""
from __future__ import annotations

import io
import re
from functools import lru_cache

import docx
from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from lxml import etree
from rich.cells import cell_len


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
TEXT_WIDTH_TWIPS = 9070            # A4 with 2.5 cm margins; recomputed from the section
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def open_document(data: bytes) -> Document:
    """A python-docx Document read from the bytes of a .docx."""
    return docx.Document(io.BytesIO(data))


def save(doc: Document) -> bytes:
    """The document as .docx bytes."""
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def clean(text: object) -> str:
    """Text safe for XML: control characters (other than tab and newline) removed."""
    return _INVALID_XML.sub("", str(text))


def el(tag: str, parent: etree._Element | None = None, **attrs: str) -> etree._Element:
    """A w: element (w:-prefixed attributes), appended to `parent` when given."""
    node = OxmlElement(tag) if parent is None else etree.SubElement(parent, qn(tag))
    for k, v in attrs.items():
        node.set(qn(f"w:{k}"), str(v))
    return node


_SECT_PR = qn("w:sectPr")


def body(doc: Document) -> etree._Element:
    """The w:body, where new blocks go (before the final w:sectPr)."""
    return doc.element.body


def append(b: etree._Element, node: etree._Element) -> etree._Element:
    """Add a block element at the end of the body `b`, keeping w:sectPr last."""
    last = b[-1] if len(b) else None
    if last is not None and last.tag == _SECT_PR:
        last.addprevious(node)
    else:
        b.append(node)
    return node


def run(p: etree._Element, text: str, bold: bool = False) -> etree._Element:
    """A w:r with text (tabs and line breaks become w:tab / w:br) appended to `p`."""
    r = el("w:r", p)
    if bold:
        el("w:b", el("w:rPr", r))
    for i, line in enumerate(clean(text).split("\n")):
        if i:
            el("w:br", r)
        for j, part in enumerate(line.split("\t")):
            if j:
                el("w:tab", r)
            if part:
                t = el("w:t", r)
                t.text = part
                t.set(XML_SPACE, "preserve")
    return r


def escape(text: object) -> str:
    """Text for an XML string: cleaned, with &, < and > escaped."""
    return clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@lru_cache(maxsize=8192)   # a batch writes the same cells (months, dashes, headers) again and again
def run_xml(text: str, bold: bool = False) -> str:
    """A w:r as an XML string (tabs and line breaks become w:tab / w:br); '' for no text."""
    if not text:
        return ""
    inner = []
    for i, line in enumerate(str(text).split("\n")):
        if i:
            inner.append("<w:br/>")
        for j, part in enumerate(line.split("\t")):
            if j:
                inner.append("<w:tab/>")
            if part:
                inner.append(f'<w:t xml:space="preserve">{escape(part)}</w:t>')
    return f'<w:r>{"<w:rPr><w:b/></w:rPr>" if bold else ""}{"".join(inner)}</w:r>'


def para(style: str | None = None, text: str = "", *, jc: str | None = None, keep_next: bool = False,
         bold: bool = False, page_break_before: bool = False) -> etree._Element:
    """A w:p with a style, alignment and one run of text."""
    p = el("w:p")
    ppr = el("w:pPr", p)
    if style:
        el("w:pStyle", ppr, val=style_id(style))
    if keep_next:
        el("w:keepNext", ppr)
    if page_break_before:
        el("w:pageBreakBefore", ppr)
    if jc:
        el("w:jc", ppr, val=jc)
    if not len(ppr):
        p.remove(ppr)
    if text:
        run(p, text, bold)
    return p


def style_id(name: str) -> str:
    """The style id Word derives from a style name ("Heading 1" -> "Heading1")."""
    return _STYLE_IDS.get(name, name.replace(" ", ""))


_STYLE_IDS = {"Plan Table": "PlanTable", "Table Grid": "TableGrid"}


def page_break() -> etree._Element:
    """A paragraph holding only a page break."""
    p = el("w:p")
    el("w:br", el("w:r", p), type="page")
    return p


def field(p: etree._Element, code: str, result: str) -> None:
    """Append a complex field with its cached result (what shows before any update)."""
    el("w:fldChar", el("w:r", p), fldCharType="begin")
    instr = el("w:instrText", el("w:r", p))
    instr.text = f" {code} "
    instr.set(XML_SPACE, "preserve")
    el("w:fldChar", el("w:r", p), fldCharType="separate")
    run(p, result)
    el("w:fldChar", el("w:r", p), fldCharType="end")


def caption(label: str, seq: str, n: int, title: str, jc: str | None = None) -> etree._Element:
    """A numbered caption: "表 1 季度目标" with the number as a SEQ field (Table/Figure)."""
    p = para("Caption", keep_next=seq == "Table", jc=jc)
    before, _, after = label.partition("{n}")
    if before:
        run(p, before)
    field(p, f"SEQ {seq} \\* ARABIC", str(n))
    run(p, f"{after} {title}" if title else after)
    return p


def caption_xml(label: str, seq: str, n: int, title: str, jc: str | None = None) -> str:
    """`caption` as the XML string lxml writes for it (render.docx.base.Slots keeps it as text)."""
    before, _, after = label.partition("{n}")
    runs = [_text_run_xml(before)] if before else []
    runs += ['<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
             f'<w:r><w:instrText xml:space="preserve"> SEQ {seq} \\* ARABIC </w:instrText></w:r>',
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', _text_run_xml(str(n)),
             '<w:r><w:fldChar w:fldCharType="end"/></w:r>', _text_run_xml(f"{after} {title}" if title else after)]
    return para_xml("Caption", "".join(runs), keep_next=seq == "Table", jc=jc)


def para_xml(style: str | None, runs: str, *, keep_next: bool = False, jc: str | None = None) -> str:
    """`para`'s paragraph as an XML string around the runs' XML (`text_para_xml` for one run of text)."""
    ppr = (f'<w:pStyle w:val="{escape(style_id(style))}"/>' if style else "") + ("<w:keepNext/>" if keep_next else "")
    ppr += f'<w:jc w:val="{jc}"/>' if jc else ""
    return f'<w:p>{f"<w:pPr>{ppr}</w:pPr>" if ppr else ""}{runs}</w:p>'


def text_para_xml(style: str | None, text: str) -> str:
    """`para(style, text)` as an XML string."""
    return para_xml(style, _text_run_xml(text) if text else "")


def _text_run_xml(text: str) -> str:
    """`run`'s w:r as lxml writes it: `<w:r/>` for no text, a carriage return as &#13;."""
    return run_xml(text).replace("\r", "&#13;") if text else "<w:r/>"


def bookmark(p: etree._Element, name: str, ident: int) -> None:
    """Wrap the runs of paragraph `p` in a bookmark (the target of a TOC entry)."""
    start = el("w:bookmarkStart", id=str(ident), name=name)
    ppr = p.find(qn("w:pPr"))
    (ppr.addnext(start) if ppr is not None else p.insert(0, start))
    el("w:bookmarkEnd", p, id=str(ident))


def heading(text: str, level: int, no_number_id: int | None = None) -> etree._Element:
    """A Heading 1..3 paragraph; with `no_number_id` (see `plain_numbering`) it shows no number."""
    p = para(f"Heading {min(level, 3)}", text)
    if no_number_id is not None:
        num = el("w:numPr")
        el("w:ilvl", num, val=str(min(level, 3) - 1))
        el("w:numId", num, val=str(no_number_id))
        p.find(qn("w:pPr")).append(num)
        el("w:ind", p.find(qn("w:pPr")), left="0", firstLine="0")
    return p


def plain_numbering(doc: Document) -> int:
    """The id of a list that shows no number (for unnumbered headings), added to the numbering part."""
    numbering = doc.part.numbering_part.element
    abstract_id = 1 + max((int(x) for x in numbering.xpath("./w:abstractNum/@w:abstractNumId")), default=0)
    num_id = 1 + max((int(x) for x in numbering.xpath("./w:num/@w:numId")), default=0)
    abstract = el("w:abstractNum", abstractNumId=str(abstract_id))
    el("w:multiLevelType", abstract, val="multilevel")
    for i in range(3):
        lvl = el("w:lvl", abstract, ilvl=str(i))
        el("w:numFmt", lvl, val="none")
        el("w:lvlText", lvl, val="")
        el("w:lvlJc", lvl, val="left")
        el("w:ind", el("w:pPr", lvl), left="0", hanging="0")
    nums = numbering.findall(qn("w:num"))
    (nums[0].addprevious(abstract) if nums else numbering.append(abstract))
    el("w:abstractNumId", el("w:num", numbering, numId=str(num_id)), val=str(abstract_id))
    return num_id


@lru_cache(maxsize=8192)   # a batch writes the same cells (months, dashes, headers) again and again
def display_width(text: str) -> int:
    """Columns a text takes: East Asian wide characters count twice, zero-width ones not at all (rich's cell_len);
    printable ASCII (most figures) one each, without the lookup."""
    return len(text) if text.isascii() and text.isprintable() else cell_len(text)


def set_header_text(section: Section, text: str) -> None:
    """Put `text` in the first paragraph of the section's running header; the company's pictures and fields stay."""
    header = section.header
    p = header.paragraphs[0]._p if header.paragraphs else header._element.add_p()
    for r in p.findall(qn("w:r")):
        if not any(r.find(tag) is not None for tag in KEPT_IN_HEADER):
            p.remove(r)
    if text:
        run(p, text)


KEPT_IN_HEADER = (*(qn(t) for t in ("w:drawing", "w:pict", "w:object", "w:fldChar", "w:instrText")),
                  "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent")


def keep_with_next(b: etree._Element) -> None:
    """Keep the last body paragraph (a table's or chart's introduction) on the page of what follows."""
    last = b[-2] if len(b) > 1 and b[-1].tag == qn("w:sectPr") else (b[-1] if len(b) else None)
    if last is None or last.tag != qn("w:p"):
        return
    ppr = last.find(qn("w:pPr"))
    pstyle = ppr.find(qn("w:pStyle")) if ppr is not None else None
    if pstyle is not None and pstyle.get(qn("w:val")) not in ("ListBullet", "ListNumber"):
        return  # a caption, note or heading is not an introduction
    if ppr is None:
        ppr = el("w:pPr")
        last.insert(0, ppr)
    if ppr.find(qn("w:keepNext")) is None:
        pstyle = ppr.find(qn("w:pStyle"))
        node = el("w:keepNext")
        (pstyle.addnext(node) if pstyle is not None else ppr.insert(0, node))
