"""A base .docx parsed once per process; each document starts from its own deep copy of it.

Opening a .docx (unzip, parse styles, numbering, theme...) costs about as much as copying the
parsed package, and a batch makes a thousand rep plans from one base. Each document gets its
own copy of every part, so two documents never share (and never overwrite) each other's XML.
"""
from __future__ import annotations

import copy

from docx.document import Document

from .docx_blocks import open_document

_BASES: dict[bytes, Document] = {}   # pristine: only ever copied, never handed out or changed
_MAX_BASES = 8


def fresh_document(data: bytes) -> Document:
    """A new document of its own from base bytes, parsing them only the first time in this process."""
    base = _BASES.get(data)
    if base is None:
        if len(_BASES) >= _MAX_BASES:
            _BASES.pop(next(iter(_BASES)))
        base = _BASES[data] = open_document(data)
    return copy.deepcopy(base)
