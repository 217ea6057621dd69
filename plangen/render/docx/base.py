"""A base .docx parsed and prepared once per process; each rep plan resets only the parts it writes.

Opening a .docx (unzip, parse styles, numbering, theme...) and saving it through python-docx
cost more than writing a rep plan's content. A batch makes thousands of documents from one base,
so `PreparedBase` opens it once, applies the locale's fonts and language once, and keeps:
- the parts a document writes (body, headers, footers, numbering, settings, properties) as
  pristine XML trees, copied for each document, with the body's relationships;
- every other part (styles, theme, fonts, pictures) deflated once, stored as is in each zip.
Parts a document adds (charts and their workbooks) are zipped fresh; a written member with the
bytes it had in the previous document (a footer, the numbering) keeps that document's entry, and
workbooks, zips themselves, are stored. The document is the same
python-docx `Document` the annual plan is written with: one writer (OutlineWriter), one package.
"""
from __future__ import annotations

import copy
import re
import threading
from collections.abc import Callable

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.packuri import PACKAGE_URI
from docx.opc.part import Part, XmlPart
from docx.opc.pkgwriter import _ContentTypesItem
from docx.oxml import OxmlElement
from docx.oxml.ns import nsdecls
from lxml import etree

from plangen.render.docx.blocks import open_document
from plangen.render.docx.chart import XLSX_CT
from plangen.render.docx.zip import Entry, ZipOut, compressed, stored

_SLOT = "plangen-slot"
_SLOTTED = re.compile(rb'<w:tbl plangen-slot="(\d+)"/>')
WRITTEN = {CT.WML_HEADER, CT.WML_FOOTER, CT.WML_NUMBERING, CT.WML_SETTINGS, CT.OPC_CORE_PROPERTIES}
_BASES: dict[tuple[bytes, str], "PreparedBase"] = {}
_MAX_BASES = 8


class PreparedBase:
    """One live document per (base, locale) in this process, reset before each document."""

    def __init__(self, data: bytes, prepare: Callable[[Document], None]) -> None:
        self.lock = threading.Lock()   # one document at a time: hold it from fresh() to save()
        self.doc = open_document(data)
        prepare(self.doc)
        self.doc.core_properties  # a base without properties gets its part now, not once per document
        self.package = self.doc.part.package
        parts = list(self.package.iter_parts())
        written = [p for p in parts if isinstance(p, XmlPart) and (p is self.doc.part or p.content_type in WRITTEN)]
        self.pristine = {p: copy.deepcopy(p._element) for p in written}
        self.rels = {p: (dict(p.rels), dict(p.rels.related_parts)) for p in written}
        self.stored = {p: _entries(p) for p in parts if p not in self.pristine}
        self.last: dict[str, tuple[bytes, Entry]] = {}   # each written member's bytes and entry in the last document
        self.pkg_rels = compressed(PACKAGE_URI.rels_uri.membername, _bytes(self.package.rels.xml))

    def fresh(self) -> Document:
        """The document reset to the prepared base: written parts parsed again, added parts dropped."""
        for part, element in self.pristine.items():
            part._element = copy.deepcopy(element)
            rels, targets = self.rels[part]
            part.rels.clear()
            part.rels.update(rels)
            part.rels.related_parts.clear()
            part.rels.related_parts.update(targets)
        return self.doc.part.document

    def save(self, slots: "Slots | None" = None) -> bytes:
        """The current document as .docx bytes: stored parts copied, the others deflated now; the body's
        placeholders filled from `slots`."""
        parts = list(self.package.iter_parts())
        out = ZipOut()
        out.entry(self.entry("[Content_Types].xml", _ContentTypesItem.from_parts(parts).blob))
        out.entry(self.pkg_rels)
        for part in parts:
            for e in self.stored.get(part) or self.entries(part, slots if part is self.doc.part else None):
                out.entry(e)
        return out.close()

    def entries(self, part: Part, slots: "Slots | None" = None) -> list[Entry]:
        """A written part (its placeholders filled from `slots`) and, when it has relationships, its .rels
        item, deflated (workbooks stored); a member with the bytes it had in the previous document is not
        compressed again."""
        blob = slots.fill(part.blob) if slots else part.blob
        out = [self.entry(part.partname.membername, blob, part.content_type == XLSX_CT)]
        if len(part.rels):
            out.append(self.entry(part.partname.rels_uri.membername, _bytes(part.rels.xml)))
        return out

    def entry(self, name: str, raw: bytes, store: bool = False) -> Entry:
        """The member `name` holding `raw`, from the previous document when it held the same bytes."""
        last = self.last.get(name)
        if last is None or last[0] != raw:
            last = self.last[name] = (raw, stored(name, raw) if store else compressed(name, raw))
        return last[1]


class Slots:
    """Tables, captions and notes kept as XML text until the document is saved: building them as
    elements (or parsing a table's XML) and serializing them again cost more than writing them. The
    body holds a placeholder per block (a w:tbl element, whatever it stands for: nothing looks into
    these blocks after they are written)."""

    def __init__(self) -> None:
        self.texts: list[bytes] = []

    def hold(self, xml: str) -> etree._Element:
        """A placeholder for the block `xml` (a w:tbl's own namespace declaration, as one parsed and moved
        into the body loses it on saving; line ends as a parser reads them)."""
        node = OxmlElement("w:tbl")
        node.set(_SLOT, str(len(self.texts)))
        text = xml.replace(f" {nsdecls('w')}", "", 1).replace("\r\n", "\n").replace("\r", "\n")
        self.texts.append(text.encode("utf-8"))
        return node

    def fill(self, blob: bytes) -> bytes:
        """A serialized part with each placeholder replaced by its table."""
        return _SLOTTED.sub(lambda m: self.texts[int(m[1])], blob)


def _entries(part: Part) -> list[Entry]:
    """A part and, when it has relationships, its .rels item, deflated."""
    out = [compressed(part.partname.membername, part.blob)]
    if len(part.rels):
        out.append(compressed(part.partname.rels_uri.membername, _bytes(part.rels.xml)))
    return out


def _bytes(xml: str | bytes) -> bytes:
    """Serialized XML as bytes (python-docx gives the .rels as either)."""
    return xml.encode("utf-8") if isinstance(xml, str) else xml


def prepared_base(data: bytes, locale: str, prepare: Callable[[Document], None]) -> PreparedBase:
    """This process's prepared base for `data` in `locale`, opened and prepared the first time only."""
    base = _BASES.get((data, locale))
    if base is None:
        if len(_BASES) >= _MAX_BASES:
            _BASES.pop(next(iter(_BASES)))
        base = _BASES[(data, locale)] = PreparedBase(data, prepare)
    return base
