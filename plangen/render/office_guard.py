"""Checks of user-supplied Office files before they are opened: a real, sane .docx or .pptx.

A template a company hands us may be anything: a renamed PDF, a damaged download, a deck
given where a document is expected, or a zip bomb. Each gives one clear OfficeFileProblem
(exit 2) naming the file, never a traceback from deep inside a zip or XML library.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .jinja import TemplateProblem

MAX_ENTRIES = 2_000                   # a large real deck has a few hundred parts
MAX_TOTAL = 300 * 1024 * 1024         # uncompressed bytes of all parts together
MAX_PART = 100 * 1024 * 1024          # uncompressed bytes of one part
MAX_RATIO = 200                       # uncompressed/compressed of one large part
RATIO_FLOOR = 1024 * 1024             # parts smaller than this may compress as they like
XML_HEAD = 4096                       # bytes of each XML part searched for a DTD


@dataclass(frozen=True)
class Kind:
    """What a kind of Office file must contain."""

    label: str
    main_part: str
    content_types: tuple[str, ...]


WORD = Kind("Word document (.docx)", "word/document.xml", (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"))
POWERPOINT = Kind("PowerPoint deck (.pptx)", "ppt/presentation.xml", (
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"))
KINDS = {"docx": WORD, "pptx": POWERPOINT}


class OfficeFileProblem(TemplateProblem):
    """A user's .docx/.pptx that cannot be used: not a zip, wrong kind, missing parts, too big."""


def kind_of(path: str | Path) -> str:
    """'docx' or 'pptx' from a file name; an OfficeFileProblem for anything else."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in KINDS:
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
    """Raise OfficeFileProblem unless `data` is a sane Office file of `kind` ('docx' or 'pptx')."""
    want = KINDS[kind]
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise OfficeFileProblem(f"not a {want.label}: the file is not a zip package "
                                "(save it from Word/PowerPoint as .docx/.pptx)", name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
            _check_sizes(infos, name)
            names = {i.filename for i in infos}
            _check_kind(z, names, want, name)
            _check_xml(z, infos, name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError) as e:
        raise OfficeFileProblem(f"damaged {want.label}: {e}", name) from None


def _check_sizes(infos: list[zipfile.ZipInfo], name: str) -> None:
    """Refuse zip bombs: too many parts, or parts that expand far beyond any real document."""
    if len(infos) > MAX_ENTRIES:
        raise OfficeFileProblem(f"refused: {len(infos)} parts in the package (at most {MAX_ENTRIES}); "
                                "this is not an ordinary Office file", name)
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL:
        raise OfficeFileProblem(f"refused: the package expands to {total // 2**20} MB "
                                f"(at most {MAX_TOTAL // 2**20} MB)", name)
    for i in infos:
        ratio = i.file_size / max(i.compress_size, 1)
        if i.file_size > MAX_PART or (i.file_size > RATIO_FLOOR and ratio > MAX_RATIO):
            raise OfficeFileProblem(f"refused: part {i.filename} expands to {i.file_size // 2**20} MB "
                                    f"({ratio:.0f}x its stored size); this looks like a zip bomb", name)


def _check_kind(z: zipfile.ZipFile, names: set[str], want: Kind, name: str) -> None:
    """The package is an Office file of the wanted kind, with its main part."""
    if "[Content_Types].xml" not in names:
        raise OfficeFileProblem(f"not a {want.label}: [Content_Types].xml is missing", name)
    types = z.read("[Content_Types].xml").decode("utf-8", "replace")
    other = next((k for k in KINDS.values() if k is not want and k.main_part in names), None)
    if want.main_part not in names:
        found = f"; it looks like a {other.label}" if other else ""
        raise OfficeFileProblem(f"not a {want.label}: part {want.main_part} is missing{found}", name)
    if not any(t in types for t in want.content_types):
        raise OfficeFileProblem(f"not a {want.label}: [Content_Types].xml does not declare "
                                f"{want.main_part} as the main part", name)
    if "_rels/.rels" not in names:
        raise OfficeFileProblem(f"damaged {want.label}: part _rels/.rels is missing", name)


def _check_xml(z: zipfile.ZipFile, infos: list[zipfile.ZipInfo], name: str) -> None:
    """No XML part declares a DTD (Office never does; entity expansion attacks need one)."""
    for i in infos:
        if not i.filename.endswith((".xml", ".rels")):
            continue
        with z.open(i) as f:
            head = f.read(XML_HEAD)
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            raise OfficeFileProblem(f"refused: part {i.filename} declares a DTD or entities, "
                                    "which Office files never do", name)
