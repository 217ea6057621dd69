"""A company's .docx made usable as a base: the parts and styles plangen writes with are added or mapped.

Word files written by others lack `word/numbering.xml` until a list was used, and name style ids
in the language of the Word that saved them ("heading 1" is `berschrift1` in German, `Titre1` in
French, `1` in some files). The built-in name (`w:name`) is English in every language, so styles
are found by it (or by an alias) and their ids renamed to the ids plangen writes; styles the base
lacks are copied from plangen's base in the company's fonts (theme colours kept). The base's own
body text is removed: the documents are written from the outline alone.
"""
from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.parts.numbering import NumberingPart
from lxml import etree

from plangen.render.docx.blocks import W_NS, open_document, save

NEEDED = ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "TOC Heading", "TOC 1",
          "TOC 2", "Caption", "Header", "Footer", "Cover Title", "Cover Subtitle", "Big Number",
          "Figure", "Note", "Plan Table", "List Bullet", "List Number")
HEADING_LIKE = ("Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "TOC Heading", "Cover Title",
                "Cover Subtitle", "Big Number")
STYLE_REFS = ("w:pStyle", "w:rStyle", "w:tblStyle", "w:basedOn", "w:next", "w:link", "w:numStyleLink",
              "w:styleLink")
NUMBERING_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"


@dataclass
class Adoption:
    """What adapting a base did, one line per mapping or addition (the report of `templates adopt`)."""

    mapped: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    numbered: list[str] = field(default_factory=list)
    numbering_added: bool = False
    body_removed: int = 0

    def lines(self) -> list[str]:
        """The report, one sentence per change."""
        out = [f"style {m}" for m in self.mapped] + [f"style {a!r} added from plangen's base" for a in self.added]
        out += [f"style {n!r}: plangen's numbering attached" for n in self.numbered]
        if self.numbering_added:
            out.append("numbering part added (the file had none)")
        if self.body_removed:
            out.append(f"{self.body_removed} paragraphs/tables of the file's own body text removed")
        return out


def adapt_docx(data: bytes, defaults: bytes) -> tuple[bytes, Adoption]:
    """A company base (bytes) with plangen's styles mapped or added, numbering present, body emptied."""
    doc, report = open_document(data), Adoption()
    ref = open_document(defaults)
    report.numbering_added = ensure_numbering(doc)
    drop_styles_with_effects(doc)
    drop_dangling_lists(doc)
    map_style_ids(doc, _style_ids(ref), report)
    add_missing_styles(doc, ref, report)
    attach_numbering(doc, ref, report)
    report.body_removed = clear_body(doc)
    return save(doc), report


def missing_styles(data: bytes) -> list[str]:
    """The styles plangen writes with that a Word file lacks (by built-in name or alias, any id)."""
    doc = open_document(data)
    return [name for name in NEEDED if _find(doc, name) is None]


@lru_cache(maxsize=8)
def adapted(data: bytes, defaults: bytes) -> bytes:
    """`adapt_docx` once per process and base (the report is only wanted by `templates adopt`)."""
    return adapt_docx(data, defaults)[0]


def _xp(node: etree._Element, path: str) -> list:
    """An XPath with the w: prefix, on python-docx's or plain lxml elements."""
    return etree.XPath(path, namespaces={"w": W_NS})(node)


# -- numbering ------------------------------------------------------------------------------

def ensure_numbering(doc: Document) -> bool:
    """Add an empty numbering part when the file has none (Word writes it only once a list was used)."""
    try:
        doc.part.numbering_part
        return False
    except NotImplementedError:
        pass
    element = parse_xml(f'<w:numbering xmlns:w="{W_NS}"/>')
    part = NumberingPart(PackURI("/word/numbering.xml"), NUMBERING_CT, element, doc.part.package)
    doc.part.relate_to(part, RT.NUMBERING)
    return True


def drop_styles_with_effects(doc: Document) -> None:
    """Drop Word 2010's copy of the styles (stylesWithEffects.xml): optional, and stale once styles change."""
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            doc.part.drop_rel(rid)


def drop_dangling_lists(doc: Document) -> None:
    """Remove list references to lists the numbering part lacks (Word would repair the file)."""
    have = set(_xp(doc.part.numbering_part.element, "./w:num/@w:numId")) | {"0"}
    for root in _word_xml(doc):
        for num in _xp(root, ".//w:numPr[w:numId]"):
            if num.find(qn("w:numId")).get(qn("w:val")) not in have:
                num.getparent().remove(num)


def _word_xml(doc: Document) -> Iterator[etree._Element]:
    """The root of every XML part of the document, also those python-docx keeps as bytes (stylesWithEffects);
    changes to the latter are written back when the caller resumes."""
    for part in list(doc.part.package.iter_parts()):
        if isinstance(part, XmlPart):
            yield part.element
        elif part.content_type.endswith("+xml") and part.partname.startswith("/word/"):
            root = etree.fromstring(part.blob)
            yield root
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def attach_numbering(doc: Document, ref: Document, report: Adoption) -> None:
    """Styles plangen numbers (headings, lists) get plangen's lists when the company's have none."""
    ours = {s.get(qn("w:styleId")): s for s in _styles(ref)}
    theirs = {s.get(qn("w:styleId")): s for s in _styles(doc)}
    imported: dict[str, str] = {}
    for name in NEEDED:
        sid = _id_of(ref, name)
        mine, their = ours[sid], theirs.get(sid)
        key = _num_id(mine)
        if key is None or their is None or (_num_id(their) is not None and name not in report.added):
            continue
        imported.setdefault(key, import_list(doc, ref, key))
        _set_num(their, mine, imported[key])
        if name not in report.added:
            report.numbered.append(name)


def _num_id(style: etree._Element) -> str | None:
    node = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    return node.get(qn("w:val")) if node is not None else None


def _set_num(style: etree._Element, mine: etree._Element, num_id: str) -> None:
    """Give `style` the numPr of plangen's style `mine`, pointing at list `num_id`."""
    ppr = style.find(qn("w:pPr"))
    if ppr is None:
        ppr = etree.SubElement(style, qn("w:pPr"))
        rpr = style.find(qn("w:rPr"))
        if rpr is not None:
            rpr.addprevious(ppr)
    old = ppr.find(qn("w:numPr"))
    if old is not None:
        ppr.remove(old)
    numpr = copy.deepcopy(mine.find(f"{qn('w:pPr')}/{qn('w:numPr')}"))
    numpr.find(qn("w:numId")).set(qn("w:val"), num_id)
    _insert_ppr_child(ppr, numpr)


_PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr")


def _insert_ppr_child(ppr: etree._Element, child: etree._Element) -> None:
    """Insert a w:numPr where the schema wants it (after pStyle..widowControl)."""
    before = [c for c in ppr if etree.QName(c).localname in _PPR_ORDER[:-1]]
    (before[-1].addnext(child) if before else ppr.insert(0, child))


def import_list(doc: Document, ref: Document, num_id: str) -> str:
    """Copy list `num_id` of plangen's base (its abstractNum too) into the document; its new numId."""
    src = ref.part.numbering_part.element
    dst = doc.part.numbering_part.element
    num = _xp(src, f"./w:num[@w:numId='{num_id}']")[0]
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = copy.deepcopy(_xp(src, f"./w:abstractNum[@w:abstractNumId='{abstract_id}']")[0])
    new_abstract = str(1 + max((int(x) for x in _xp(dst, "./w:abstractNum/@w:abstractNumId")), default=0))
    new_num = str(1 + max((int(x) for x in _xp(dst, "./w:num/@w:numId")), default=0))
    abstract.set(qn("w:abstractNumId"), new_abstract)
    for link in _xp(abstract, "./w:styleLink | ./w:numStyleLink | ./w:lvl/w:pStyle"):
        link.getparent().remove(link)
    nums = dst.findall(qn("w:num"))
    (nums[0].addprevious(abstract) if nums else dst.append(abstract))
    fresh = etree.SubElement(dst, qn("w:num"))
    fresh.set(qn("w:numId"), new_num)
    etree.SubElement(fresh, qn("w:abstractNumId")).set(qn("w:val"), new_abstract)
    return new_num


# -- styles ---------------------------------------------------------------------------------

def _styles(doc: Document) -> list[etree._Element]:
    return doc.styles.element.findall(qn("w:style"))


def _names(style: etree._Element) -> set[str]:
    """A style's name and aliases, lower-cased (built-in names are English in every language)."""
    name = style.find(qn("w:name"))
    out = {name.get(qn("w:val")).strip().lower()} if name is not None else set()
    aliases = style.find(qn("w:aliases"))
    if aliases is not None:
        out |= {a.strip().lower() for a in aliases.get(qn("w:val"), "").split(",") if a.strip()}
    return out


def _find(doc: Document, name: str) -> etree._Element | None:
    """The style called `name` (case-insensitive, aliases count), or None."""
    want = name.lower()
    return next((s for s in _styles(doc) if want in _names(s)), None)


def _id_of(ref: Document, name: str) -> str:
    return _find(ref, name).get(qn("w:styleId"))


def _style_ids(ref: Document) -> dict[str, str]:
    """plangen's style ids by style name."""
    return {name: _id_of(ref, name) for name in NEEDED}


def map_style_ids(doc: Document, ids: dict[str, str], report: Adoption) -> None:
    """Rename the ids of the company's styles to plangen's ids, everywhere the file refers to them."""
    renames: dict[str, str] = {}
    taken = {s.get(qn("w:styleId")) for s in _styles(doc)}
    for name, want in ids.items():
        style = _find(doc, name)
        have = style.get(qn("w:styleId")) if style is not None else None
        if have is None or have == want:
            continue
        if want in taken:
            clash = next(s for s in _styles(doc) if s.get(qn("w:styleId")) == want)
            renames[want] = _free_id(want, taken)
            clash.set(qn("w:styleId"), renames[want])
        renames[have] = want
        taken |= {want}
        style.set(qn("w:styleId"), want)
        report.mapped.append(f"{name!r}: the file's id {have!r} is used as {want!r}")
    if renames:
        _rename_refs(doc, renames)


def _free_id(base: str, taken: set[str]) -> str:
    n = 2
    while f"{base}{n}" in taken:
        n += 1
    taken.add(f"{base}{n}")
    return f"{base}{n}"


def _rename_refs(doc: Document, renames: dict[str, str]) -> None:
    """Every style reference in every XML part follows the renamed ids."""
    path = " | ".join(f".//{tag}" for tag in STYLE_REFS)
    for root in _word_xml(doc):
        for node in _xp(root, path):
            val = node.get(qn("w:val"))
            if val in renames:
                node.set(qn("w:val"), renames[val])


def add_missing_styles(doc: Document, ref: Document, report: Adoption) -> None:
    """Copy plangen's styles the company lacks, with their bases, in the company's fonts."""
    for name in NEEDED:
        if _find(doc, name) is None:
            _copy_style(doc, ref, _find(ref, name))
            report.added.append(name)


def _copy_style(doc: Document, ref: Document, style: etree._Element) -> None:
    """Append a copy of plangen's `style`, based on the company's style of the same name (copied if none)."""
    new = copy.deepcopy(style)
    based = new.find(qn("w:basedOn"))
    if based is not None:
        parent = next((s for s in _styles(ref) if s.get(qn("w:styleId")) == based.get(qn("w:val"))), None)
        theirs = _find(doc, _name(parent)) if parent is not None else None
        if parent is not None and theirs is None:
            _copy_style(doc, ref, parent)
        elif theirs is not None:
            based.set(qn("w:val"), theirs.get(qn("w:styleId")))
        else:
            new.remove(based)
    for tag in ("w:link", "w:rsid"):
        for node in new.findall(qn(tag)):
            new.remove(node)
    _company_fonts(new, _name(style) in HEADING_LIKE)
    doc.styles.element.append(new)


def _name(style: etree._Element) -> str:
    return style.find(qn("w:name")).get(qn("w:val"))


def _company_fonts(style: etree._Element, heading: bool) -> None:
    """Latin fonts from the company's theme (major for titles, minor for text); East Asian ones kept."""
    theme = "majorHAnsi" if heading else "minorHAnsi"
    for fonts in style.iter(qn("w:rFonts")):
        for attr in ("ascii", "hAnsi", "cs"):
            fonts.attrib.pop(qn(f"w:{attr}"), None)
        fonts.set(qn("w:asciiTheme"), theme)
        fonts.set(qn("w:hAnsiTheme"), theme)


# -- body -----------------------------------------------------------------------------------

def clear_body(doc: Document) -> int:
    """Remove the file's own body content (sample text, docxtpl tags); the last section's settings stay."""
    b = doc.element.body
    gone = [c for c in b if c.tag != qn("w:sectPr")]
    for c in gone:
        b.remove(c)
    return sum(1 for c in gone if c.tag in (qn("w:p"), qn("w:tbl")))
