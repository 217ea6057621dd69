"""A base .docx parsed once per process and reused: each document starts from a copy of its XML.

Opening a .docx (unzip, parse styles, numbering, theme...) costs more than copying the parsed
XML trees, which matters when a batch makes a thousand rep plans. Not thread-safe (neither is
python-docx): use one per process.
"""
from __future__ import annotations

import copy

import docx.document
from docx.document import Document
from docx.opc.part import XmlPart

from .docx_blocks import open_document

_BASES: dict[bytes, "BaseDocument"] = {}


class BaseDocument:
    """A parsed base whose `fresh()` gives a document in the base's original state."""

    def __init__(self, data: bytes):
        self.doc = open_document(data)
        self.parts = list(self.doc.part.package.iter_parts())
        self.xml = [copy.deepcopy(p._element) if isinstance(p, XmlPart) else None for p in self.parts]
        self.rels = [set(p.rels) for p in self.parts]

    def fresh(self) -> Document:
        """The base as it was read: every XML part restored, relationships added since dropped."""
        for part, xml, rels in zip(self.parts, self.xml, self.rels):
            if xml is not None:
                part._element = copy.deepcopy(xml)
            for rid in [r for r in part.rels if r not in rels]:
                del part.rels[rid]
                part.rels.related_parts.pop(rid, None)
        return docx.document.Document(self.doc.part._element, self.doc.part)


def fresh_document(data: bytes) -> Document:
    """A new document from base bytes, parsing them only the first time in this process."""
    base = _BASES.get(data)
    if base is None:
        base = _BASES[data] = BaseDocument(data)
    return base.fresh()
