"""Zip packages from outside (Office files, workbooks) checked before any library opens them.

A file a user hands us may be anything: a renamed PDF, a damaged download, a deck where a workbook
is expected, or a zip bomb that lies about its sizes. `check_package` decompresses every part once
with a running byte cap, refuses XML parts that are not UTF-8 or that declare a DTD, part names that
climb out of the package, and packages of the wrong kind, each as one PackageProblem naming the
file. It is the lowest layer, so the model (rosters), render (templates) and track (actuals) share it;
each turns a PackageProblem into its own located error. docs/security.md.
"""
from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass

from .errors import EXIT_INVALID, PlangenError

MAX_ENTRIES = 2_000                   # a large real deck has a few hundred parts
MAX_TOTAL = 300 * 1024 * 1024         # uncompressed bytes of all parts together
MAX_PART = 100 * 1024 * 1024          # uncompressed bytes of one part
MAX_RATIO = 200                       # uncompressed/compressed of one large part
RATIO_FLOOR = 1024 * 1024             # parts smaller than this may compress as they like
CHUNK = 1024 * 1024                   # bytes decompressed at a time
MAX_RELS = 10 * 1024 * 1024           # bytes of a relationships part (or [Content_Types].xml) kept to parse


class PackageProblem(PlangenError):
    """A package that cannot be used: not a zip, wrong kind, missing parts, too big, a DTD inside."""

    exit_code = EXIT_INVALID

    def __init__(self, message: str, name: str = ""):
        self.message, self.name = message, name
        super().__init__(f"{name}: {message}" if name else message)


def check_package(data: bytes, kind: str, name: str) -> tuple[list[zipfile.ZipInfo], dict[str, bytes]]:
    """The parts' infos and the relationship parts' bytes of a sane package of `kind` ('docx', 'pptx', 'xlsx')."""
    want = KINDS[kind]
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise PackageProblem(f"not {want.a_label}: the file is not a zip package "
                             f"(save it from {want.app} as {want.suffix})", name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
            _check_sizes(infos, name)
            _check_names(infos, name)
            _check_kind(z, {i.filename for i in infos}, want, name)
            return infos, _read_parts(z, infos, name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, zlib.error) as e:
        raise PackageProblem(f"damaged {want.label}: {e}", name) from None


@dataclass(frozen=True)
class Kind:
    """What a kind of Office file must contain."""

    label: str
    main_part: str
    content_types: tuple[str, ...]
    app: str = "Word/PowerPoint"
    suffix: str = ".docx/.pptx"

    @property
    def a_label(self) -> str:
        """The label with its article: 'a Word document (.docx)', 'an Excel workbook (.xlsx)'."""
        return ("an " if self.label[0] in "AEIOU" else "a ") + self.label


WORD = Kind("Word document (.docx)", "word/document.xml", (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"))
POWERPOINT = Kind("PowerPoint deck (.pptx)", "ppt/presentation.xml", (
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"))
EXCEL = Kind("Excel workbook (.xlsx)", "xl/workbook.xml", (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml"), "Excel", ".xlsx")
KINDS = {"docx": WORD, "pptx": POWERPOINT, "xlsx": EXCEL}


def _check_sizes(infos: list[zipfile.ZipInfo], name: str) -> None:
    """Refuse zip bombs by what the package declares: too many parts, or parts far beyond any real document."""
    if len(infos) > MAX_ENTRIES:
        raise PackageProblem(f"refused: {len(infos)} parts in the package (at most {MAX_ENTRIES}); "
                                "this is not an ordinary Office file", name)
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL:
        raise PackageProblem(f"refused: the package expands to {total // 2**20} MB "
                                f"(at most {MAX_TOTAL // 2**20} MB)", name)
    for i in infos:
        ratio = i.file_size / max(i.compress_size, 1)
        if i.file_size > MAX_PART or (i.file_size > RATIO_FLOOR and ratio > MAX_RATIO):
            raise PackageProblem(f"refused: part {i.filename} expands to {i.file_size // 2**20} MB "
                                    f"({ratio:.0f}x its stored size); this looks like a zip bomb", name)


def _check_names(infos: list[zipfile.ZipInfo], name: str) -> None:
    """No part name climbs out of the package (`../`), is absolute or uses backslashes."""
    for i in infos:
        parts = i.filename.replace("\\", "/").split("/")
        if i.filename.startswith("/") or "\\" in i.filename or ".." in parts:
            raise PackageProblem(f"refused: part name {i.filename!r} points outside the package "
                                    "(Office never writes such names)", name)


def _read_parts(z: zipfile.ZipFile, infos: list[zipfile.ZipInfo], name: str) -> dict[str, bytes]:
    """Decompress every part with a running byte cap (declared sizes may lie); XML parts have no DTD.

    Returns the relationship parts' bytes, for the external-target check.
    """
    total, rels = 0, {}
    for i in infos:
        xml = i.filename.endswith((".xml", ".rels"))
        scan = _XmlScan(i.filename, name) if xml else None
        kept = bytearray()
        with z.open(i) as f:
            while chunk := f.read(CHUNK):
                total += len(chunk)
                if total > MAX_TOTAL or f.tell() > MAX_PART:
                    raise PackageProblem(f"refused: part {i.filename} expands beyond what its package "
                                            f"declares (over {MAX_PART // 2**20} MB, or "
                                            f"{MAX_TOTAL // 2**20} MB in all); this is a zip bomb", name)
                if scan:
                    scan.feed(chunk)
                if i.filename.endswith(".rels") and len(kept) < MAX_RELS:
                    kept += chunk
        if i.filename.endswith(".rels"):
            rels[i.filename] = bytes(kept)
    return rels


class _XmlScan:
    """Streams one XML part: UTF-8 only (Office writes nothing else), no DTD or entity anywhere in it."""

    def __init__(self, part: str, name: str):
        self.part, self.name, self.tail, self.first = part, name, b"", True

    def feed(self, chunk: bytes) -> None:
        """Check the next bytes of the part (a DTD split across two chunks is found too)."""
        if self.first:
            self.first = False
            head = chunk.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
            if head and not head.startswith(b"<"):
                raise PackageProblem(f"refused: part {self.part} is not UTF-8 XML (UTF-16 or another "
                                        "encoding); Office files are written in UTF-8", self.name)
        window = self.tail + chunk
        if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
            raise PackageProblem(f"refused: part {self.part} declares a DTD or entities, "
                                    "which Office files never do", self.name)
        self.tail = window[-16:]


def _check_kind(z: zipfile.ZipFile, names: set[str], want: Kind, name: str) -> None:
    """The package is an Office file of the wanted kind, with its main part."""
    if "[Content_Types].xml" not in names:
        raise PackageProblem(f"not {want.a_label}: [Content_Types].xml is missing", name)
    types = _small(z, "[Content_Types].xml").decode("utf-8", "replace")
    other = next((k for k in KINDS.values() if k is not want and k.main_part in names), None)
    if want.main_part not in names:
        found = f"; it looks like a {other.label}" if other else ""
        raise PackageProblem(f"not {want.a_label}: part {want.main_part} is missing{found}", name)
    if not any(t in types for t in want.content_types):
        raise PackageProblem(f"not {want.a_label}: [Content_Types].xml does not declare "
                                f"{want.main_part} as the main part", name)
    if "_rels/.rels" not in names:
        raise PackageProblem(f"damaged {want.label}: part _rels/.rels is missing", name)


def _small(z: zipfile.ZipFile, part: str) -> bytes:
    """A part read in chunks up to MAX_RELS bytes (its declared size may lie)."""
    with z.open(part) as f:
        return f.read(MAX_RELS)
