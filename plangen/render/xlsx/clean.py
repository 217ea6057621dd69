"""Workbook clean-up after openpyxl: what Excel would otherwise repair."""
from __future__ import annotations

import io
import zipfile

from lxml import etree

FONT_ORDER = ("b", "i", "strike", "condense", "extend", "outline", "shadow", "u", "vertAlign", "sz", "color",
              "name", "family", "charset", "scheme")


def font_order(data: bytes) -> bytes:
    """The workbook with each styles.xml font's children in schema order (openpyxl writes another)."""
    src, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info)
            if info.filename == "xl/styles.xml":
                blob = _sorted_fonts(blob)
            dst.writestr(info, blob)
    return out.getvalue()


def _sorted_fonts(blob: bytes) -> bytes:
    """styles.xml with every font's children sorted by FONT_ORDER."""
    root = etree.fromstring(blob)
    rank = {name: i for i, name in enumerate(FONT_ORDER)}
    for font in root.iter("{*}font"):
        font[:] = sorted(font, key=lambda e: rank.get(etree.QName(e).localname, len(FONT_ORDER)))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
