"""Checks of user-supplied Office files before they are opened: a real, sane .docx, .pptx or .xlsx.

A template a company hands us, or an actuals workbook, may be anything: a renamed PDF, a damaged
download, a deck given where a document is expected, or a zip bomb that lies about its sizes.
Every part is decompressed once with a running byte cap; XML parts must be UTF-8 without a DTD;
templates (whose parts pass into our outputs) may hold no macros, no `../` part names and no
relationship to an outside file or server. Each gives one clear OfficeFileProblem (exit 2)
naming the file, never a traceback from deep inside a zip or XML library. docs/security.md.
"""
from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

from lxml import etree

from plangen.packages import KINDS, PackageProblem, check_package
from plangen.render.jinja import TemplateProblem



class OfficeFileProblem(TemplateProblem):
    """A user's .docx/.pptx that cannot be used: not a zip, wrong kind, missing parts, too big."""


def kind_of(path: str | Path) -> str:
    """'docx' or 'pptx' from a file name; an OfficeFileProblem for anything else."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in ("docx", "pptx"):
        raise OfficeFileProblem("expected a .docx or .pptx template", str(path))
    return suffix


def read_checked(path: str | Path, kind: str | None = None) -> bytes:
    """The bytes of a user's Office file after every check (kind from the suffix if not given)."""
    kind = kind or kind_of(path)
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise OfficeFileProblem(f"cannot read: {e.strerror or e}", str(path)) from None
    check_office(data, kind, str(path))
    return data


def check_office(data: bytes, kind: str, name: str) -> None:
    """Raise OfficeFileProblem unless `data` is a sane Office file of `kind` ('docx', 'pptx' or 'xlsx')."""
    key = (hashlib.sha256(data).digest(), kind)
    if key in _CHECKED:
        return
    try:
        infos, rels = check_package(data, kind, name)
    except PackageProblem as e:
        raise OfficeFileProblem(e.message, e.name) from None
    if kind != "xlsx":  # a template passes its parts into our outputs; actuals are only read
        _check_passed_on(infos, rels, name)
    _CHECKED[key] = True


_CHECKED: dict[tuple[bytes, str], bool] = {}  # files already checked in this process (per-rep renders)


def _check_passed_on(infos: list[zipfile.ZipInfo], rels: dict[str, bytes], name: str) -> None:
    """A template's parts go into our outputs: no macros, no relationship to a file or server outside."""
    macros = next((i.filename for i in infos if i.filename.lower().endswith("vbaproject.bin")), None)
    if macros:
        raise OfficeFileProblem(f"refused: the template holds macros ({macros}); plangen writes documents "
                                "without macros: save the template as a macro-free .docx/.pptx", name)
    for part, blob in rels.items():
        for target, kind in _external_targets(blob):
            if not kind.endswith("/hyperlink"):
                raise OfficeFileProblem(f"refused: {part} links {kind.rsplit('/', 1)[-1]} to the outside "
                                        f"file or address {target!r}; a template must be self-contained "
                                        "(remove the attached template or linked object)", name)


def _external_targets(blob: bytes) -> list[tuple[str, str]]:
    """(target, type) of each relationship with TargetMode="External" (DTDs were refused before)."""
    try:
        root = etree.fromstring(blob, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return []  # a damaged .rels is python-docx's/python-pptx's to report
    return [(r.get("Target", ""), r.get("Type", "")) for r in root if r.get("TargetMode") == "External"]


