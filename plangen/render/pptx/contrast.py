"""Slide colours checked against the background they sit on (WCAG 2 contrast ratio).

plangen draws with theme colours (accent1 for the plan, bg1 shades for last year, tx1 for text),
which read well on plangen's own master. On a company's master they may not: a dark master
whose bg1 is black, or a pale accent1. Text needs a ratio of 4.5 to its background, graphics
(bars, lines, slices) 3; one DeckWarning per failing colour.

The background is the master's: a solid or gradient fill, or the colour of its background
reference; for a picture the master's title colour says what reads on it (the background is
taken to be the theme colour, dk1 or lt1, farthest from it). Layout backgrounds are not read.
A failing colour is replaced, on a dark background, by the same shade of the opposite mapping
(bg1 <-> tx1: last year's greys on a dark master), else by itself made darker or lighter until it reads; so series stay
apart and keep their hue. Warnings are given for a company's base (plangen's own is adjusted quietly).
"""
from __future__ import annotations

import colorsys
import copy
import warnings

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from plangen.render.pptx.layouts import DeckWarning

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
TEXT, GRAPHIC = 4.5, 3.0
TEXT_PROPS = {f"{{{A}}}{t}" for t in ("rPr", "defRPr", "endParaRPr")}
SCHEME = ("dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6",
          "hlink", "folHlink")


def luminance(rgb: str) -> float:
    """Relative luminance of an RRGGBB colour (WCAG 2)."""
    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = (int(rgb[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two RRGGBB colours (1 to 21)."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _lum(rgb: str, mod: float, off: float) -> str:
    """A colour with its HSL lightness scaled by `mod` and raised by `off` (DrawingML lumMod/lumOff)."""
    r, g, b = (int(rgb[i:i + 2], 16) / 255 for i in (0, 2, 4))
    h, light, s = colorsys.rgb_to_hls(r, g, b)
    light = min(1.0, max(0.0, light * mod + off))
    return "".join(f"{round(v * 255):02X}" for v in colorsys.hls_to_rgb(h, light, s))


class Palette:
    """A master's theme colours, the background slides get, and the fallbacks chosen so far."""

    def __init__(self, master, warn: bool = True):
        self.warn = warn
        self.colors = _scheme(master)
        for key, value in master._element.find(f"{{{P}}}clrMap").attrib.items():
            if value in self.colors:
                self.colors[key] = self.colors[value]
        self.background = background(master, self)
        self.fallbacks: dict[tuple[str, float, str], str] = {}

    def resolve(self, clr: etree._Element) -> str | None:
        """The RRGGBB of an a:srgbClr / a:schemeClr (with lumMod/lumOff), None for other colour kinds."""
        tag = etree.QName(clr).localname
        rgb = clr.get("val") if tag == "srgbClr" else self.colors.get(clr.get("val", "")) if tag == "schemeClr" else None
        if rgb is None or len(rgb) != 6:
            return None
        mod = clr.find(f"{{{A}}}lumMod")
        off = clr.find(f"{{{A}}}lumOff")
        if mod is None and off is None:
            return rgb.upper()
        return _lum(rgb, int(mod.get("val")) / 100000 if mod is not None else 1.0,
                    int(off.get("val")) / 100000 if off is not None else 0.0)

    def fallback(self, clr: etree._Element, need: float, on: str) -> str | None:
        """A colour reaching `need` against `on`: the same shade of the opposite mapping (bg1 <-> tx1),
        else the colour itself made darker (on a light background) or lighter (on a dark one)."""
        dark = luminance(on) <= 0.18
        swap = SWAPS.get(clr.get("val", "")) if dark and etree.QName(clr).localname == "schemeClr" else None
        if swap:
            other = copy.deepcopy(clr)
            other.set("val", swap)
            rgb = self.resolve(other)
            if rgb and contrast(rgb, on) >= need:
                return rgb
        return shifted(self.resolve(clr), need, on)


SWAPS = {"bg1": "tx1", "tx1": "bg1", "bg2": "tx2", "tx2": "bg2"}


def shifted(rgb: str, need: float, on: str) -> str:
    """`rgb` with its lightness moved away from `on` until the contrast reaches `need` (black/white at worst)."""
    r, g, b = (int(rgb[i:i + 2], 16) / 255 for i in (0, 2, 4))
    h, light, s = colorsys.rgb_to_hls(r, g, b)
    step = -0.02 if luminance(on) > 0.18 else 0.02
    while 0.0 <= light <= 1.0:
        out = "".join(f"{round(v * 255):02X}" for v in colorsys.hls_to_rgb(h, light, s))
        if contrast(out, on) >= need:
            return out
        light += step
    return "000000" if step < 0 else "FFFFFF"


def _scheme(master) -> dict[str, str]:
    """The theme's twelve colours (system colours by their last colour)."""
    try:
        theme = etree.fromstring(master.part.part_related_by(RT.THEME).blob)
    except (KeyError, etree.XMLSyntaxError):
        return {}
    out = {}
    scheme = theme.find(f".//{{{A}}}clrScheme")
    for name in SCHEME:
        slot = scheme.find(f"{{{A}}}{name}") if scheme is not None else None
        clr = slot[0] if slot is not None and len(slot) else None
        if clr is not None:
            out[name] = clr.get("lastClr") if etree.QName(clr).localname == "sysClr" else clr.get("val")
    return {k: v for k, v in out.items() if v}


def background(master, palette: Palette) -> str:
    """The master's background colour (see the module docstring); white when none can be read."""
    bg = master._element.find(f"{{{P}}}cSld/{{{P}}}bg")
    colours = [palette.resolve(c) for c in bg.iter(f"{{{A}}}srgbClr", f"{{{A}}}schemeClr")] if bg is not None else []
    colours = [c for c in colours if c]
    if bg is not None and bg.find(f".//{{{A}}}blipFill") is not None:
        return _behind_title(master, palette)
    if colours:
        return _mean(colours)
    return palette.colors.get("bg1", "FFFFFF")


def _behind_title(master, palette: Palette) -> str:
    """For a picture background: dk1 or lt1, whichever contrasts more with the master's title colour."""
    fill = master._element.find(f"{{{P}}}txStyles/{{{P}}}titleStyle/{{{A}}}lvl1pPr/{{{A}}}defRPr/{{{A}}}solidFill")
    title = palette.resolve(fill[0]) if fill is not None and len(fill) else None
    title = title or palette.colors.get("tx1", "000000")
    dark, light = palette.colors.get("dk1", "000000"), palette.colors.get("lt1", "FFFFFF")
    return dark if contrast(title, dark) >= contrast(title, light) else light


def _mean(colours: list[str]) -> str:
    """The average of RRGGBB colours (a gradient's stops)."""
    channels = [sum(int(c[i:i + 2], 16) for c in colours) // len(colours) for i in (0, 2, 4)]
    return "".join(f"{v:02X}" for v in channels)


def fix_slide(slide, palette: Palette) -> None:
    """Replace, on one slide, text and chart colours that do not read on the background."""
    for sp in slide.shapes._spTree.iter(f"{{{P}}}sp"):
        if sp.find(f"{{{P}}}spPr/{{{A}}}solidFill") is None:  # text on its own fill is the shape's business
            if sp.find(f"{{{P}}}nvSpPr/{{{P}}}cNvSpPr[@txBox='1']") is not None:
                _colour_plain_runs(sp)
            _fix_text(sp, palette, palette.background)
    for cell in slide.shapes._spTree.iter(f"{{{A}}}tc"):
        fill = cell.find(f"{{{A}}}tcPr/{{{A}}}solidFill")
        on = palette.resolve(fill[0]) if fill is not None and len(fill) else None
        if on:
            _fix_text(cell, palette, on)
    for shape in slide.shapes:
        if getattr(shape, "has_chart", False):
            _fix_chart(shape.chart_part._element, palette)


def _colour_plain_runs(sp: etree._Element) -> None:
    """Runs of a text box without a colour show the master's tx1: say so, so that it is checked too."""
    for rpr in sp.iter(f"{{{A}}}rPr"):
        if rpr.find(f"{{{A}}}solidFill") is None and rpr.find(f"{{{A}}}gradFill") is None:
            fill = etree.Element(f"{{{A}}}solidFill")
            etree.SubElement(fill, f"{{{A}}}schemeClr", val="tx1")
            ln = rpr.find(f"{{{A}}}ln")
            (ln.addnext(fill) if ln is not None else rpr.insert(0, fill))


def _fix_text(node: etree._Element, palette: Palette, on: str) -> None:
    for fill in node.iter(f"{{{A}}}solidFill"):
        if fill.getparent().tag in TEXT_PROPS:
            _fix(fill, palette, TEXT, on, "text")


def _fix_chart(root: etree._Element, palette: Palette) -> None:
    """Chart text against the slide background (charts have no fill of their own), bars and lines too."""
    on = palette.background
    for fill in root.iter(f"{{{A}}}solidFill"):
        parent = fill.getparent()
        if parent.tag in TEXT_PROPS:
            _fix(fill, palette, TEXT, on, "chart text")
        elif _is_series_fill(parent):
            _fix(fill, palette, GRAPHIC, on, "chart series")


def _is_series_fill(parent: etree._Element) -> bool:
    """A bar's or slice's fill (c:ser or c:dPt > c:spPr), or a line series' line; not slice borders."""
    owner = parent.getparent()
    if parent.tag == f"{{{C}}}spPr":
        return owner is not None and owner.tag in (f"{{{C}}}ser", f"{{{C}}}dPt")
    if parent.tag == f"{{{A}}}ln" and owner is not None:
        holder = owner.getparent()
        return holder is not None and holder.tag == f"{{{C}}}ser" and holder.getparent().tag == f"{{{C}}}lineChart"
    return False


def _fix(fill: etree._Element, palette: Palette, need: float, on: str, what: str) -> None:
    """Swap the colour of one a:solidFill for a fallback when it is below `need` against `on`."""
    if not len(fill):
        return
    rgb = palette.resolve(fill[0])
    if rgb is None or contrast(rgb, on) >= need:
        return
    key = (rgb, need, on)
    if key not in palette.fallbacks:
        palette.fallbacks[key] = palette.fallback(fill[0], need, on)
        if palette.warn:
            _warn(fill[0], rgb, on, need, palette.fallbacks[key], what)
    fill.remove(fill[0])
    etree.SubElement(fill, f"{{{A}}}srgbClr", val=palette.fallbacks[key])


def _warn(clr: etree._Element, rgb: str, on: str, need: float, instead: str, what: str) -> None:
    name = f"theme colour {clr.get('val')}" if etree.QName(clr).localname == "schemeClr" else "colour"
    warnings.warn(f"{what} in {name} (#{rgb}) has a contrast of {contrast(rgb, on):.1f}:1 against the background "
                  f"#{on} (at least {need:g}:1 is needed); plangen uses #{instead} instead", DeckWarning,
                  stacklevel=2)
