"""Rows of a .csv or .xlsx file someone exported, read honestly: the one reader of actuals and rosters.

A csv's encoding is detected, never guessed (a byte-order mark, else UTF-8, else simplified Chinese
GB2312; anything else is refused with a hint to save as UTF-8), its delimiter sniffed among , ; and
tab. A workbook passes the package guard (plangen.packages) before openpyxl opens it, its stale
dimensions are reset and a formula without a saved value is refused at its cell. Every problem is
a ReadProblem with its line; the callers (model.roster, track.actuals) locate it in their own terms.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from .packages import PackageProblem, check_package


class ReadProblem(ValueError):
    """A roster or actuals file that cannot be read, at a line of it."""

    def __init__(self, message: str, line: int = 1):
        super().__init__(message)
        self.line = line


MAX_FILE_BYTES = 200 * 1024 * 1024  # a roster or actuals file on disk (a workbook's parts: plangen.packages' limits)


def check_size(path: Path, what: str = "file") -> None:
    """Refuse a file too large to read into memory, before reading it (OSError if it cannot be read)."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ReadProblem(f"the {what} is {size:,} bytes; expected at most {MAX_FILE_BYTES:,}")


WORKBOOKS = (".xlsx", ".xlsm")


def read_rows(path: Path, what: str = "file") -> list[tuple[int, list[object]]]:
    """The rows of a workbook (by its suffix) or else a csv, numbered from 1, after the size limit."""
    check_size(path, what)
    return xlsx_rows(path) if path.suffix.lower() in WORKBOOKS else csv_rows(path.read_bytes())


def csv_rows(data: bytes) -> list[tuple[int, list[object]]]:
    """CSV rows numbered from 1 (UTF-8, UTF-16 or UTF-32 by their BOM, UTF-8, Chinese GB2312; , ; or tab)."""
    text = csv_text(data)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        return [(i, list(r)) for i, r in enumerate(reader, start=1)]
    except csv.Error as e:  # a field over 131,072 characters, a NUL byte...
        raise ReadProblem(f"line {reader.line_num}: {e}; expected a csv",
                          reader.line_num) from None


_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))  # UTF-32's FF FE 00 00 before UTF-16's FF FE
_CHINESE = re.compile(r"[^\x00-\x7f\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def csv_text(data: bytes) -> str:
    """The text of a csv, its encoding detected honestly: a BOM, else UTF-8, else GB2312 Chinese; else refused."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as e:
                raise ReadProblem(f"the file starts with a {encoding} mark but is not {encoding} text "
                                  f"(byte {e.start}); save it again as UTF-8") from None
    if b"\x00" in data[:4096]:
        raise ReadProblem("the file looks like UTF-16 without a byte-order mark (it holds NUL bytes); "
                          "save it as UTF-8 (Excel: CSV UTF-8)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        utf8_error = e
    try:  # GB2312 (the common simplified Chinese of GBK/GB18030 exports): Latin-1 seldom reads as it
        text = data.decode("gb2312")
    except UnicodeDecodeError:
        text = None
    if text is None or _CHINESE.search(text):
        raise ReadProblem(f"the file is not UTF-8 (byte {utf8_error.start} is 0x{data[utf8_error.start]:02x}) "
                          "and does not read as Chinese GB2312 text either (Latin-1 or another encoding?); "
                          "save it as UTF-8 (Excel: CSV UTF-8)", data.count(b"\n", 0, utf8_error.start) + 1)
    return text


def xlsx_rows(path: Path) -> list[tuple[int, list[object]]]:
    """The first sheet's rows numbered from 1, as values (not formulas), after the Office-file guard."""
    from openpyxl import load_workbook
    data = path.read_bytes()
    try:
        check_package(data, "xlsx", str(path))
    except PackageProblem as e:
        raise ReadProblem(e.message) from None
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            ws = wb.worksheets[0]
            ws.reset_dimensions()  # read-only mode trusts a stale <dimension ref="A1:B2"/> and drops rows
            rows = [(i, list(r)) for i, r in enumerate(ws.iter_rows(values_only=True), start=1)]
        finally:
            wb.close()
        if any(c is None for _, r in rows for c in r):
            _no_unsaved_formulas(data, rows)
        return rows
    except ReadProblem:
        raise
    except _DAMAGED as e:  # parts that pass the guard but not openpyxl: a damaged workbook, not a bug
        raise ReadProblem(f"damaged Excel workbook ({type(e).__name__}: {e}); open and save it again in Excel"
                          ) from None


def _no_unsaved_formulas(data: bytes, rows: list[tuple[int, list[object]]]) -> None:
    """An empty value that is a formula without a saved result (not saved by Excel) is refused at its cell."""
    from openpyxl import load_workbook
    wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        ws = wb.worksheets[0]
        ws.reset_dimensions()
        for (i, values), formulas in zip(rows, ws.iter_rows(values_only=True)):
            for col, (value, formula) in enumerate(zip(values, formulas), start=1):
                if value is None and isinstance(formula, str) and formula.startswith("="):
                    raise ReadProblem(f"row {i}, column {col}: the cell holds the formula {formula[:40]} without "
                                      "a saved value (the file was not saved by Excel); open and save it in "
                                      "Excel, or paste the values", i)
    finally:
        wb.close()


def _damaged() -> tuple[type[Exception], ...]:
    """What openpyxl raises for a damaged workbook."""
    import zipfile
    import zlib
    from lxml import etree
    from xml.etree.ElementTree import ParseError
    return (zipfile.BadZipFile, zlib.error, etree.XMLSyntaxError, ParseError, KeyError, IndexError, TypeError,
            ValueError, EOFError, AttributeError)


_DAMAGED = _damaged()
