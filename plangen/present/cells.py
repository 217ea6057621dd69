"""Spreadsheet cell escaping, the one home for it: text a user wrote is never run as a formula.

A label such as `=1+1` or `=HYPERLINK(...)` (a region, a rep, a customer) is data. In .xlsx it
is stored as a string cell (openpyxl would otherwise store it as a formula); in csv a text
beginning with = + - @ tab or carriage return gets a leading apostrophe (the OWASP rule), so
Excel and LibreOffice show it instead of computing it. Numbers stay numbers.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:   # openpyxl loads only when a workbook is written, not for every csv or build
    from openpyxl.cell.cell import Cell

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text(cell: "Cell") -> "Cell":
    """Mark a cell holding a str as a string cell, never a formula (openpyxl guesses one from '=')."""
    if isinstance(cell.value, str):
        cell.data_type = "s"
    return cell


def csv_text(text: str) -> str:
    """A csv field that no spreadsheet runs as a formula: `'` before a formula-like text, numbers kept."""
    if text.startswith(FORMULA_STARTS) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    """Whether a field is a plain number such as -1200 or -0.25 (negative amounts are not formulas)."""
    try:
        float(text)
    except ValueError:
        return False
    return text.strip() == text
