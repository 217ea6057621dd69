"""The workbook embedded in a chart (its "Edit data" sheet), written directly as SpreadsheetML.

The cells python-pptx's CategoryWorkbookWriter puts there (categories down column A from row 2, each
series' name in row 1 and its values below, in the chart's number format), without building an
xlsxwriter Workbook per chart: a deck and a plan embed fourteen of them.
"""
from __future__ import annotations

import zipfile
from collections.abc import Sequence
from io import BytesIO
from xml.sax.saxutils import escape, quoteattr

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_PARTS = {
    "[Content_Types].xml": (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_CT}.worksheet+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/></Types>'),
    "_rels/.rels": (
        f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" Type="{_DOC_RELS}/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>'),
    "xl/workbook.xml": (
        f'<workbook xmlns="{_MAIN}" xmlns:r="{_DOC_RELS}"><sheets>'
        '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": (
        f'<Relationships xmlns="{_RELS}">'
        f'<Relationship Id="rId1" Type="{_DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_DOC_RELS}/styles" Target="styles.xml"/></Relationships>'),
}
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def category_workbook(categories: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]],
                      number_format: str) -> bytes:
    """The .xlsx of a category chart: categories in A2.., series names in row 1 from B, values below."""
    parts = {**_PARTS, "xl/styles.xml": _styles(number_format),
             "xl/worksheets/sheet1.xml": _sheet(categories, series)}
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in parts.items():
            z.writestr(name, _DECL + xml)
    return out.getvalue()


def _styles(number_format: str) -> str:
    """Two cell formats: General (0) and the chart's number format (1)."""
    return (f'<styleSheet xmlns="{_MAIN}"><numFmts count="1"><numFmt numFmtId="164" '
            f'formatCode={quoteattr(number_format)}/></numFmts>'
            '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill>'
            '<fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
            '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def _sheet(categories: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]]) -> str:
    """The sheet's rows: the header row of series names, then a category and its values per row."""
    cols = [_column(k + 1) for k in range(len(series) + 1)]
    head = "".join(_text(f"{c}1", name) for c, (name, _) in zip(cols[1:], series))
    rows = [f'<row r="1">{head}</row>']
    for r, category in enumerate(categories, start=2):
        values = "".join(_number(f"{c}{r}", s[1][r - 2]) for c, s in zip(cols[1:], series) if r - 2 < len(s[1]))
        rows.append(f'<row r="{r}">{_text(f"A{r}", category)}{values}</row>')
    return (f'<worksheet xmlns="{_MAIN}"><cols><col min="1" max="1" width="10.7109375" customWidth="1"/></cols>'
            f'<sheetData>{"".join(rows)}</sheetData></worksheet>')


def _text(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(str(text))}</t></is></c>'


def _number(ref: str, value: float | None) -> str:
    """A value cell in the chart's number format; a missing value (None) is an empty cell."""
    return "" if value is None else f'<c r="{ref}" s="1"><v>{float(value):.16G}</v></c>'


def _column(n: int) -> str:
    """The column letters of 1-based column n (1 -> A, 27 -> AA)."""
    out = ""
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(ord("A") + rem) + out
    return out
