"""Renderer-neutral chart specs and the styled DrawingML chart XML both renderers embed.

python-pptx writes the chart XML and the embedded workbook; this module post-processes
the XML with lxml: theme colours by series role, data labels in the display unit, light
axes, legend at the bottom, and positive axis ids (python-pptx's negative ones are invalid).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from lxml import etree
from pptx.chart.data import CategoryChartData
from pptx.chart.xmlwriter import ChartXmlWriter
from pptx.enum.chart import XL_CHART_TYPE

C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CHART_URI = C_NS
NSMAP = {"c": C_NS, "a": A_NS, "r": R_NS}
KINDS = ("column", "bar", "line", "pie")
PIE_SLICES = 3   # more shares than this read better as bars sorted by size
ROLES = ("plan", "stretch", "history", "other", "behind", "on_track")
STATUS_RGB = {"behind": "C0392B", "on_track": "2E8B57"}  # red and green: status reads the same in every theme
OTHER_ACCENTS = ("accent3", "accent4", "accent5", "accent6")
PIE_ACCENTS = ("accent1", "accent2", "accent3", "accent4", "accent5", "accent6")
HISTORY_GREYS = (58000, 48000, 38000)  # bg1 darkened, most recent first: >= 3:1 on white (WCAG graphics)

_CHART_TYPES = {
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
    "pie": XL_CHART_TYPE.PIE,
}

# Schema order of the children we touch (CT_* sequences of the chart schema).
_ORDER = {
    "chartSpace": "date1904 lang roundedCorners AlternateContent style clrMapOvr pivotSource "
    "protection chart spPr txPr externalData printSettings userShapes extLst",
    "chart": "title autoTitleDeleted pivotFmts view3D floor sideWall backWall plotArea legend "
    "plotVisOnly dispBlanksAs showDLblsOverMax extLst",
    "ser": "idx order tx spPr invertIfNegative pictureOptions marker explosion dPt dLbls "
    "trendline errBars cat val smooth shape extLst",
    "barChart": "barDir grouping varyColors ser dLbls gapWidth overlap serLines axId extLst",
    "lineChart": "grouping varyColors ser dLbls dropLines hiLowLines upDownBars marker smooth "
    "axId extLst",
    "pieChart": "varyColors ser dLbls firstSliceAng extLst",
    "catAx": "axId scaling delete axPos majorGridlines minorGridlines title numFmt "
    "majorTickMark minorTickMark tickLblPos spPr txPr crossAx crosses crossesAt auto lblAlgn "
    "lblOffset tickLblSkip tickMarkSkip noMultiLvlLbl extLst",
    "valAx": "axId scaling delete axPos majorGridlines minorGridlines title numFmt "
    "majorTickMark minorTickMark tickLblPos spPr txPr crossAx crosses crossesAt crossBetween "
    "majorUnit minorUnit dispUnits extLst",
    "scaling": "logBase orientation max min extLst",
    "legend": "legendPos legendEntry layout overlay spPr txPr extLst",
}


@dataclass(frozen=True)
class Series:
    """One data series; `role` picks its theme colour: plan | stretch | history | other."""

    name: str
    values: tuple[float | None, ...]  # None: no point (a line that starts or stops inside the categories)
    role: str = "plan"
    labels: bool | None = None  # data labels: None lets `wants_labels` decide
    point_roles: tuple[str, ...] = ()  # a role (colour) per point, e.g. behind / on_track per rep
    line: bool = False  # in a column chart: drawn as a line over the columns (a 100% reference)
    dashed: bool = False  # a dashed line (a forecast)
    label_pos: str | None = None  # line data labels: "t" above (default) or "b" below the points


@dataclass(frozen=True)
class ChartSpec:
    """What to chart, independent of Word or PowerPoint."""

    kind: str  # "column" | "bar" | "line" | "pie"
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    number_format: str = "#,##0"  # Excel format for data labels and axis, e.g. '#,##0"万"'
    note: str = ""  # source/unit note, shown under the chart by the renderer
    sort: bool = False  # bar charts: largest first (by the first series)


def c(tag: str) -> str:
    """Clark name of a chart-namespace tag."""
    return f"{{{C_NS}}}{tag}"


def a(tag: str) -> str:
    """Clark name of a DrawingML-namespace tag."""
    return f"{{{A_NS}}}{tag}"


def validate(spec: ChartSpec) -> None:
    """Raise ValueError when the spec cannot be drawn."""
    if spec.kind not in KINDS:
        raise ValueError(f"chart kind {spec.kind!r} is not one of {KINDS}")
    if not spec.series:
        raise ValueError("a chart needs at least one series")
    for s in spec.series:
        for role in (s.role, *s.point_roles):
            if role not in ROLES:
                raise ValueError(f"series {s.name!r}: role {role!r} is not one of {ROLES}")
        if s.line and spec.kind != "column":
            raise ValueError(f"series {s.name!r}: only a column chart draws a series as a line")
        if len(s.values) != len(spec.categories):
            raise ValueError(f"series {s.name!r} has {len(s.values)} values for "
                             f"{len(spec.categories)} categories")
    if spec.kind == "pie" and len(spec.series) != 1:
        raise ValueError("a pie chart takes exactly one series")


def prepare(spec: ChartSpec) -> ChartSpec:
    """Validate the spec and apply the requested sort (largest first by the first series)."""
    validate(spec)
    if not spec.sort:
        return spec
    order = sorted(range(len(spec.categories)), key=lambda i: -spec.series[0].values[i])
    series = tuple(replace(s, values=tuple(s.values[i] for i in order),
                           point_roles=tuple(s.point_roles[i] for i in order) if s.point_roles else ())
                   for s in spec.series)
    return replace(spec, categories=tuple(spec.categories[i] for i in order), series=series)


def chart_type(spec: ChartSpec) -> XL_CHART_TYPE:
    """The python-pptx chart type for the spec's kind."""
    return _CHART_TYPES[spec.kind]


def chart_data(spec: ChartSpec) -> CategoryChartData:
    """python-pptx chart data (categories, series, number format) for the spec."""
    data = CategoryChartData(number_format=spec.number_format)
    data.categories = list(spec.categories)
    for s in spec.series:
        data.add_series(s.name, [None if v is None else float(v) for v in s.values])
    return data


def workbook_blob(spec: ChartSpec) -> bytes:
    """The embedded .xlsx holding the chart's data."""
    return chart_data(spec).xlsx_blob


def chart_space(spec: ChartSpec, font_pt: float = 10) -> etree._Element:
    """A styled c:chartSpace element for the (prepared) spec."""
    xml = ChartXmlWriter(chart_type(spec), chart_data(spec)).xml
    root = etree.fromstring(xml.encode("utf-8"))
    style_chart(root, spec, font_pt)
    return root


# --- generic XML helpers -------------------------------------------------------------


def put(parent: etree._Element, child: etree._Element) -> etree._Element:
    """Insert `child` in schema order, replacing a same-named child (not for repeatables)."""
    name = etree.QName(child).localname
    order = _ORDER[etree.QName(parent).localname].split()
    for old in parent.findall(child.tag):
        parent.remove(old)
    later = set(order[order.index(name) + 1:])
    for i, sib in enumerate(parent):
        if isinstance(sib.tag, str) and etree.QName(sib).localname in later:
            parent.insert(i, child)
            return child
    parent.append(child)
    return child


def el(tag: str, val: object | None = None, **attrs: str) -> etree._Element:
    """A new element, with `val` as its val attribute when given."""
    node = etree.Element(tag, nsmap=NSMAP)
    if val is not None:
        node.set("val", str(val))
    for k, v in attrs.items():
        node.set(k, v)
    return node


def scheme_fill(color: str, lum_mod: int | None = None, lum_off: int | None = None,
                tag: str = "solidFill") -> etree._Element:
    """An a:solidFill with a theme colour, optionally darkened/lightened."""
    fill = el(a(tag))
    clr = etree.SubElement(fill, a("schemeClr"), val=color)
    if lum_mod is not None:
        etree.SubElement(clr, a("lumMod"), val=str(lum_mod))
    if lum_off is not None:
        etree.SubElement(clr, a("lumOff"), val=str(lum_off))
    return fill


def rgb_fill(hex_rgb: str) -> etree._Element:
    """An a:solidFill with a fixed colour (status colours that must not follow the theme)."""
    fill = el(a("solidFill"))
    etree.SubElement(fill, a("srgbClr"), val=hex_rgb)
    return fill


def line_props(fill: etree._Element | None, width: int = 9525) -> etree._Element:
    """An a:ln of `width` EMU with the given fill (no line when None)."""
    ln = el(a("ln"), w=str(width))
    ln.append(fill if fill is not None else el(a("noFill")))
    return ln


def sp_pr(fill: etree._Element | None = None, ln: etree._Element | None = None) -> etree._Element:
    """A c:spPr with an optional fill and line."""
    node = el(c("spPr"))
    for part in (fill, ln):
        if part is not None:
            node.append(part)
    return node


def text_props(font_pt: float, bold: bool = False) -> etree._Element:
    """A c:txPr: theme minor fonts (latin and East Asian), dark grey, `font_pt` points."""
    tx = el(c("txPr"))
    etree.SubElement(tx, a("bodyPr"))
    etree.SubElement(tx, a("lstStyle"))
    p = etree.SubElement(tx, a("p"))
    ppr = etree.SubElement(p, a("pPr"))
    ppr.append(run_props(a("defRPr"), font_pt, bold))
    etree.SubElement(p, a("endParaRPr"), lang="en-US")
    return tx


def run_props(tag: str, font_pt: float, bold: bool = False) -> etree._Element:
    """Run properties (a:defRPr / a:rPr) with theme fonts and a dark grey fill."""
    rpr = el(tag, sz=str(int(round(font_pt * 100))), b="1" if bold else "0")
    rpr.append(scheme_fill("tx1", 75000, 25000))
    for kind, face in (("latin", "+mn-lt"), ("ea", "+mn-ea"), ("cs", "+mn-cs")):
        etree.SubElement(rpr, a(kind), typeface=face)
    return rpr


# --- styling ---------------------------------------------------------------------------


def style_chart(root: etree._Element, spec: ChartSpec, font_pt: float = 10) -> None:
    """Post-process python-pptx chart XML in place for the house look."""
    fix_axis_ids(root)
    put(root, el(c("roundedCorners"), 0))
    chart = root.find(c("chart"))
    set_title(chart, spec.title, font_pt)
    plot = chart.find(c("plotArea"))
    style_series(plot, spec, font_pt)
    style_axes(plot, spec, font_pt)
    set_legend(chart, spec, font_pt)
    put(chart, el(c("plotVisOnly"), 1))
    put(root, sp_pr(el(a("noFill")), line_props(None)))
    put(root, text_props(font_pt))
    etree.cleanup_namespaces(root, keep_ns_prefixes=["c", "a", "r"])


def fix_axis_ids(root: etree._Element) -> None:
    """Renumber axis ids to positive values (python-pptx writes negative ones)."""
    mapping: dict[str, str] = {}
    for node in root.iter(c("axId"), c("crossAx")):
        old = node.get("val")
        mapping.setdefault(old, str(500000001 + len(mapping)))
        node.set("val", mapping[old])


def set_title(chart: etree._Element, title: str, font_pt: float) -> None:
    """Give the chart a rich-text title, or mark the title deleted when empty."""
    for old in chart.findall(c("title")):
        chart.remove(old)
    put(chart, el(c("autoTitleDeleted"), 0 if title else 1))
    if not title:
        return
    node = put(chart, el(c("title")))
    rich = etree.SubElement(etree.SubElement(node, c("tx")), c("rich"))
    etree.SubElement(rich, a("bodyPr"))
    etree.SubElement(rich, a("lstStyle"))
    p = etree.SubElement(rich, a("p"))
    etree.SubElement(p, a("pPr")).append(run_props(a("defRPr"), font_pt + 1, bold=True))
    r = etree.SubElement(p, a("r"))
    r.append(run_props(a("rPr"), font_pt + 1, bold=True))
    etree.SubElement(r, a("t")).text = title
    etree.SubElement(node, c("overlay"), val="0")


def role_fill(spec: ChartSpec, index: int, role: str) -> etree._Element:
    """The fill of a role: status roles in fixed colours, the others by `series_fill`."""
    if role in STATUS_RGB:
        return rgb_fill(STATUS_RGB[role])
    return series_fill(replace(spec, series=(*spec.series[:index], replace(spec.series[index], role=role),
                                             *spec.series[index + 1:])), index)


def series_fill(spec: ChartSpec, index: int) -> etree._Element:
    """The theme fill for series `index` by its role."""
    s = spec.series[index]
    if s.role in STATUS_RGB:
        return rgb_fill(STATUS_RGB[s.role])
    if s.role == "plan":
        return scheme_fill("accent1")
    if s.role == "stretch":
        return scheme_fill("accent2")
    if s.role == "history":
        older = [t for t in spec.series[index + 1:] if t.role == "history"]
        return scheme_fill("bg1", HISTORY_GREYS[min(len(older), len(HISTORY_GREYS) - 1)])
    others = [t for t in spec.series[:index] if t.role == "other"]
    return scheme_fill(OTHER_ACCENTS[len(others) % len(OTHER_ACCENTS)])


def style_series(plot: etree._Element, spec: ChartSpec, font_pt: float) -> None:
    """Colour each series by role and give it data labels in the spec's number format."""
    group = next(g for g in plot if etree.QName(g).localname.endswith("Chart"))
    for i, ser in enumerate(group.findall(c("ser"))):
        if spec.kind == "pie":
            style_pie_series(ser, spec, font_pt)
            continue
        if spec.kind == "line":
            style_line_series(ser, series_fill(spec, i), spec.series[i].dashed)
        else:
            put(ser, sp_pr(series_fill(spec, i)))
            put(ser, el(c("invertIfNegative"), 0))
            point_fills(ser, spec, i)
        if wants_labels(spec, i):
            put(ser, data_labels(spec, font_pt, position=spec.series[i].label_pos))
    style_group(group, spec)
    lines_over_columns(plot, group, spec)


def point_fills(ser: etree._Element, spec: ChartSpec, index: int) -> None:
    """A c:dPt per point that has its own role (a rep's bar coloured by status)."""
    anchor = ser.find(c("dLbls"))
    anchor = anchor if anchor is not None else ser.find(c("cat"))
    for i, role in enumerate(spec.series[index].point_roles):
        dpt = el(c("dPt"))
        dpt.append(el(c("idx"), i))
        dpt.append(el(c("invertIfNegative"), 0))
        dpt.append(el(c("bubble3D"), 0))
        dpt.append(sp_pr(role_fill(spec, index, role)))
        anchor.addprevious(dpt)


def lines_over_columns(plot: etree._Element, group: etree._Element, spec: ChartSpec) -> None:
    """Move the series marked `line` from a column chart into a line chart on the same axes."""
    moved = [ser for ser, s in zip(group.findall(c("ser")), spec.series) if s.line]
    if not moved:
        return
    line = el(c("lineChart"))
    line.append(el(c("grouping"), "standard"))
    line.append(el(c("varyColors"), 0))
    for ser, s in zip(moved, [s for s in spec.series if s.line]):
        for tag in ("invertIfNegative", "dPt", "shape"):
            for old in ser.findall(c(tag)):
                ser.remove(old)
        style_line_series(ser, series_fill(spec, spec.series.index(s)), s.dashed, marker=False)
        line.append(ser)
    line.append(el(c("marker"), 1))
    for ax in group.findall(c("axId")):
        line.append(el(c("axId"), ax.get("val")))
    group.addnext(line)


def style_line_series(ser: etree._Element, fill: etree._Element, dashed: bool = False, marker: bool = True) -> None:
    """A 2.25 pt line with round markers in the series colour (dashed for a forecast; no markers for a reference)."""
    ln = line_props(fill, 28575)
    if dashed:
        etree.SubElement(ln, a("prstDash"), val="dash")
    put(ser, sp_pr(ln=ln))
    node = put(ser, el(c("marker")))
    etree.SubElement(node, c("symbol"), val="circle" if marker else "none")
    if marker:
        etree.SubElement(node, c("size"), val="5")
        node.append(sp_pr(etree.fromstring(etree.tostring(fill)), line_props(None)))
    put(ser, el(c("smooth"), 0))


def wants_labels(spec: ChartSpec, index: int) -> bool:
    """Label a lone series; with several, label only the plan series (else the first); a series may say."""
    if spec.series[index].labels is not None:
        return spec.series[index].labels
    if len(spec.series) == 1:
        return True
    roles = [s.role for s in spec.series]
    first = roles.index("plan") if "plan" in roles else 0
    return spec.series[index].role == "plan" if "plan" in roles else index == first


def data_labels(spec: ChartSpec, font_pt: float, percent: bool = False, position: str | None = None
                ) -> etree._Element:
    """c:dLbls showing values (or category and percent for pies)."""
    fmt = "0%" if percent else spec.number_format
    lbls = el(c("dLbls"))
    lbls.append(el(c("numFmt"), formatCode=fmt, sourceLinked="0"))
    lbls.append(sp_pr(el(a("noFill")), line_props(None)))
    # 12 month labels side by side in a Word chart; slides keep 12 pt (design.md: never below 12 pt)
    crowded = spec.kind in ("column", "line") and len(spec.categories) >= 10 and font_pt - 1.5 >= 7
    lbls.append(text_props(font_pt - 1.5 if crowded and font_pt < 12 else font_pt))
    position = position or {"column": "outEnd", "bar": "outEnd", "line": "t", "pie": "outEnd"}[spec.kind]
    lbls.append(el(c("dLblPos"), position))
    flags = {"showLegendKey": 0, "showVal": int(not percent), "showCatName": int(percent),
             "showSerName": 0, "showPercent": int(percent), "showBubbleSize": 0}
    for name, value in flags.items():
        lbls.append(el(c(name), value))
    if percent:
        lbls.append(el(c("separator")))
        lbls[-1].text = "\n"
        lbls.append(el(c("showLeaderLines"), 1))
    return lbls


def style_pie_series(ser: etree._Element, spec: ChartSpec, font_pt: float) -> None:
    """Pie slices in accent colours with white borders, labelled with name and share."""
    put(ser, sp_pr(ln=line_props(scheme_fill("bg1"), 19050)))
    for old in ser.findall(c("dPt")):
        ser.remove(old)
    anchor = ser.find(c("cat"))
    for i in range(len(spec.categories)):
        dpt = el(c("dPt"))
        dpt.append(el(c("idx"), i))
        dpt.append(el(c("bubble3D"), 0))
        dpt.append(sp_pr(scheme_fill(PIE_ACCENTS[i % 6]), line_props(scheme_fill("bg1"), 19050)))
        anchor.addprevious(dpt)
    put(ser, data_labels(spec, font_pt, percent=True))


def style_group(group: etree._Element, spec: ChartSpec) -> None:
    """Chart-group settings: no colour variation, moderate gaps between bars."""
    put(group, el(c("varyColors"), int(spec.kind == "pie")))
    if spec.kind in ("column", "bar"):
        put(group, el(c("gapWidth"), 60 if len(spec.series) == 1 else 80))
        if len(spec.series) > 1:
            put(group, el(c("overlap"), -10))
    if spec.kind == "pie":
        put(group, el(c("firstSliceAng"), 0))


def style_axes(plot: etree._Element, spec: ChartSpec, font_pt: float) -> None:
    """Light category axis; value axis from zero (unless a value is negative), hidden when every bar is
    labelled, else a light grid."""
    cat_ax, val_ax = plot.find(c("catAx")), plot.find(c("valAx"))
    if cat_ax is None or val_ax is None:
        return
    style_axis(cat_ax, font_pt, spec.number_format)
    style_axis(val_ax, font_pt, spec.number_format)
    if not any(v is not None and v < 0 for s in spec.series for v in s.values):
        put(val_ax.find(c("scaling")), el(c("min"), 0))   # bars read against zero, not 15,500k
    if spec.kind == "bar":
        put(cat_ax.find(c("scaling")), el(c("orientation"), "maxMin"))
    if spec.kind in ("column", "bar") and len(spec.series) == 1:
        put(val_ax, el(c("delete"), 1))
        for grid in val_ax.findall(c("majorGridlines")):
            val_ax.remove(grid)
    else:
        grid = put(val_ax, el(c("majorGridlines")))
        grid.append(sp_pr(ln=line_props(scheme_fill("bg1", 85000), 6350)))
        put(val_ax, el(c("crossBetween"), "between"))


def style_axis(ax: etree._Element, font_pt: float, number_format: str) -> None:
    """Common axis look: no tick marks, thin light line, theme text."""
    is_val = etree.QName(ax).localname == "valAx"
    put(ax.find(c("scaling")), el(c("orientation"), "minMax"))
    put(ax, el(c("delete"), 0))
    if is_val:
        put(ax, el(c("numFmt"), formatCode=number_format, sourceLinked="0"))
    put(ax, el(c("majorTickMark"), "none"))
    put(ax, el(c("minorTickMark"), "none"))
    put(ax, el(c("tickLblPos"), "nextTo"))
    line = None if is_val else scheme_fill("bg1", 75000)
    put(ax, sp_pr(el(a("noFill")), line_props(line, 9525)))
    put(ax, text_props(font_pt))


def set_legend(chart: etree._Element, spec: ChartSpec, font_pt: float) -> None:
    """Legend at the bottom when there is more than one series, else none."""
    for old in chart.findall(c("legend")):
        chart.remove(old)
    if len(spec.series) < 2 or spec.kind == "pie":
        return
    legend = put(chart, el(c("legend")))
    legend.append(el(c("legendPos"), "b"))
    legend.append(el(c("overlay"), 0))
    legend.append(text_props(font_pt))
