"""A chart's XML and embedded workbook from a template made once per chart shape: only the values change.

A batch of rep plans draws the same chart (categories, series, number format) with each rep's
values. Building it through python-pptx and xlsxwriter costs about 3 ms a document. Instead the
chart is built once per shape by the same code with stand-in values (large unique numbers of the
real values' signs, where the real values have a point) and cut at them; each document then only
writes its values as python-pptx (the float's repr) and xlsxwriter (`%.16G`) write them. The
bytes are those of the direct path (tests/render/test_chart_fill.py), but for the workbook's
clock (docProps/core.xml keeps the time its template was made) and the workbook's zip framing.
"""
from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace

from plangen.present.charts import ChartSpec
from plangen.render.docx.zip import Entry, ZipOut, compressed

STAND_IN = 7777777770000000   # + the value's position + 1: 16 digits, exact as a float
SHEET = "xl/worksheets/sheet1.xml"
Build = Callable[[ChartSpec], tuple[bytes, bytes]]   # spec -> (chart XML, workbook .xlsx)
_TEMPLATES: dict[tuple, "ChartTemplate | object | None"] = {}   # None: seen once
_UNCUT = object()   # a shape whose stand-ins were not all found: always built directly
_MAX_TEMPLATES = 64


@dataclass(frozen=True)
class Cut:
    """Bytes cut where values go: pieces[0], value holes[0], pieces[1], value holes[1], ..."""

    pieces: tuple[bytes, ...]
    holes: tuple[int, ...]

    def fill(self, texts: list[bytes]) -> bytes:
        """The bytes with value texts[i] in each hole i."""
        out = [self.pieces[0]]
        for i, piece in zip(self.holes, self.pieces[1:]):
            out += [texts[i], piece]
        return b"".join(out)


def cut(data: bytes, stand_ins: dict[bytes, int]) -> Cut | None:
    """`data` cut at each stand-in text (-> its value's position); None unless each occurs exactly once."""
    pattern = re.compile(b"|".join(re.escape(s) for s in sorted(stand_ins, key=len, reverse=True)))
    found = pattern.findall(data)
    if sorted(found) != sorted(stand_ins):
        return None
    return Cut(tuple(pattern.split(data)), tuple(stand_ins[s] for s in found))


@dataclass(frozen=True)
class ChartTemplate:
    """One chart shape: its XML cut at the values, and its workbook's members (the sheet cut)."""

    xml: Cut
    members: tuple[Entry | Cut, ...]

    def render(self, values: list[float | None]) -> tuple[bytes, bytes]:
        """(chart XML, workbook) for the flat values of the spec's series."""
        chart = [b"" if v is None else repr(float(v)).encode() for v in values]
        sheet = [b"" if v is None else f"{float(v):.16G}".encode() for v in values]
        out = ZipOut()
        for m in self.members:
            out.entry(m) if isinstance(m, Entry) else out.add(SHEET, m.fill(sheet))
        return self.xml.fill(chart), out.close()


def flat_values(spec: ChartSpec) -> list[float | None]:
    """Every series' values, one after another."""
    return [v for s in spec.series for v in s.values]


def shape(spec: ChartSpec) -> ChartSpec:
    """The spec with each value replaced by what the drawing depends on: no point, negative or not."""
    def mask(v: float | None) -> str:
        return "none" if v is None else "neg" if v < 0 else "pos"
    return replace(spec, series=tuple(replace(s, values=tuple(mask(v) for v in s.values)) for s in spec.series))


def stand_in_spec(spec: ChartSpec) -> ChartSpec:
    """The spec with each value replaced by its stand-in (same sign, no point where there is none)."""
    position = iter(range(1, 10 ** 6))
    def stand_in(v: float | None) -> float | None:
        n = next(position)
        return None if v is None else float(-(STAND_IN + n) if v < 0 else STAND_IN + n)
    return replace(spec, series=tuple(replace(s, values=tuple(stand_in(v) for v in s.values)) for s in spec.series))


def make_template(spec: ChartSpec, build: Build) -> ChartTemplate | None:
    """The template of the spec's shape, from `build` on stand-ins; None when the values are not all found."""
    probe = stand_in_spec(spec)
    xml, workbook = build(probe)
    values = flat_values(probe)
    chart = cut(xml, {repr(v).encode(): i for i, v in enumerate(values) if v is not None})
    sheet_stand_ins = {f"{v:.16G}".encode(): i for i, v in enumerate(values) if v is not None}
    members: list[Entry | Cut] = []
    with zipfile.ZipFile(io.BytesIO(workbook)) as z:
        for name in z.namelist():
            raw = z.read(name)
            members.append(cut(raw, sheet_stand_ins) if name == SHEET else compressed(name, raw))
    if chart is None or None in members or not any(isinstance(m, Cut) for m in members):
        return None
    return ChartTemplate(chart, tuple(members))


def chart_blobs(spec: ChartSpec, build: Build, key: tuple = ()) -> tuple[bytes, bytes]:
    """(chart XML, workbook) of a prepared spec; `key`: whatever else `build` depends on.

    A shape seen once is built directly (an annual plan's charts are each drawn once); from its
    second chart on, from its template. Sorted charts, whose order the values set, always directly."""
    if spec.sort or not any(v is not None for v in flat_values(spec)):
        return build(spec)
    k = (shape(spec), key)
    if k not in _TEMPLATES:
        if len(_TEMPLATES) >= _MAX_TEMPLATES:
            _TEMPLATES.pop(next(iter(_TEMPLATES)))
        _TEMPLATES[k] = None
        return build(spec)
    template = _TEMPLATES[k] = _TEMPLATES[k] or make_template(spec, build) or _UNCUT
    return template.render(flat_values(spec)) if template is not _UNCUT else build(spec)
