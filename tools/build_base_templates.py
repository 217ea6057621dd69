"""Generate templates/base.docx and templates/base.pptx, plangen's default company look.

All styling lives in these two files; renderers refer only to style and layout names, so a
company can replace them with its own. Run: python tools/build_base_templates.py [OUTDIR]
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import docx
import pptx
from docx.opc.constants import RELATIONSHIP_TYPE as DRT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm
from docx.enum.style import WD_STYLE_TYPE
from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as PRT
from pptx.util import Emu, Inches

from plangen.locales import locale as plan_locale

ROOT = Path(__file__).resolve().parent.parent
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
THEME_NAME = "plangen"
COLORS = {  # theme colour scheme shared by the Word and PowerPoint bases
    "dk2": "1F2A44", "lt2": "EEF1F5", "accent1": "1F5FAF", "accent2": "E8833A",
    "accent3": "7F7F7F", "accent4": "2E9E8F", "accent5": "6B5BA8", "accent6": "C9A227",
    "hlink": "1F5FAF", "folHlink": "6B5BA8",
}
LATIN_BODY, LATIN_HEAD = "Calibri", "Calibri"
EA_BODY, EA_HEAD = "SimSun", "Microsoft YaHei"
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
FIXED_TIME = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


# --- theme (both files) ------------------------------------------------------------------


def a(tag: str) -> str:
    """Clark name of a DrawingML tag."""
    return f"{{{A_NS}}}{tag}"


def restyle_theme(blob: bytes, ea_major: str, ea_minor: str) -> bytes:
    """Theme XML with plangen's colours and fonts (Latin and East Asian)."""
    theme = etree.fromstring(blob)
    theme.set("name", THEME_NAME)
    scheme = theme.find(f"{a('themeElements')}/{a('clrScheme')}")
    scheme.set("name", THEME_NAME)
    for name, rgb in COLORS.items():
        slot = scheme.find(a(name))
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, a("srgbClr"), val=rgb)
    fonts = theme.find(f"{a('themeElements')}/{a('fontScheme')}")
    fonts.set("name", THEME_NAME)
    for kind, latin, ea in (("majorFont", LATIN_HEAD, ea_major), ("minorFont", LATIN_BODY, ea_minor)):
        group = fonts.find(a(kind))
        group.find(a("latin")).set("typeface", latin)
        group.find(a("ea")).set("typeface", ea)
        for font in group.findall(a("font")):
            if font.get("script") == "Hans":
                font.set("typeface", ea)
    return etree.tostring(theme, xml_declaration=True, encoding="UTF-8", standalone=True)


# --- base.docx ---------------------------------------------------------------------------


def build_docx(path: Path) -> None:
    """Write the Word base: A4, styles, heading numbering, header and page-x-of-y footer."""
    document = docx.Document()
    drop_docx_extras(document)
    theme = document.part.part_related_by(DRT.THEME)
    theme._blob = restyle_theme(theme.blob, EA_HEAD, EA_BODY)
    setup_page(document.sections[0])
    set_doc_defaults(document)
    add_heading_numbering(document)
    define_paragraph_styles(document)
    define_plan_table(document)
    setup_header_footer(document.sections[0])
    set_core_properties(document.core_properties)
    document.save(str(path))


def drop_docx_extras(document) -> None:
    """Remove stylesWithEffects (openxml-audit: out of step with styles.xml) and the thumbnail."""
    for part, reltype in ((document.part, STYLES_WITH_EFFECTS),
                          (document.part.package, DRT.THUMBNAIL)):
        for rid, rel in list(part.rels.items()):
            if rel.reltype == reltype:
                part.rels.pop(rid)


def setup_page(section) -> None:
    """A4 portrait with 2.5 cm margins."""
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2.5)
    section.left_margin = section.right_margin = Cm(2.5)
    section.header_distance = section.footer_distance = Cm(1.25)


def set_doc_defaults(document) -> None:
    """Body fonts (Latin and East Asian), 10.5 pt, zh-CN East Asian language, spacing."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    defaults.getparent().replace(defaults, parse_xml(
        f'<w:docDefaults {nsdecls("w")}><w:rPrDefault><w:rPr>'
        f'{rfonts_xml(LATIN_BODY, EA_BODY)}{TEXT}<w:sz w:val="21"/>'
        '<w:szCs w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="300" w:lineRule="auto"/>'
        '</w:pPr></w:pPrDefault></w:docDefaults>'))


def rfonts_xml(latin: str, east_asia: str) -> str:
    """A w:rFonts element with explicit Latin, East Asian and complex-script fonts."""
    return (f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east_asia}" '
            f'w:cs="{latin}"/>')


HEADING_NUMBERING = (  # (level, text, indent twips) for Heading 1..3
    (0, "%1", 432), (1, "%1.%2", 578), (2, "%1.%2.%3", 720),
)


def add_heading_numbering(document) -> int:
    """Add a 1 / 1.1 / 1.1.1 multilevel list linked to Heading 1..3; return its numId."""
    numbering = document.part.numbering_part.element
    abstract_id = 1 + max(int(x) for x in numbering.xpath("./w:abstractNum/@w:abstractNumId"))
    num_id = 1 + max(int(x) for x in numbering.xpath("./w:num/@w:numId"))
    levels = "".join(heading_level_xml(*level) for level in HEADING_NUMBERING)
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        '<w:nsid w:val="5A1E0C01"/><w:multiLevelType w:val="multilevel"/>'
        f'<w:tmpl w:val="5A1E0C02"/>{levels}</w:abstractNum>')
    numbering.xpath("./w:num")[0].addprevious(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                               f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'))
    return num_id


def heading_level_xml(level: int, text: str, indent: int) -> str:
    """One w:lvl of the heading list, tied to its Heading style."""
    return (f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            f'<w:pStyle w:val="Heading{level + 1}"/><w:lvlText w:val="{text}"/>'
            '<w:lvlJc w:val="left"/><w:pPr>'
            f'<w:ind w:left="{indent}" w:hanging="{indent}"/></w:pPr></w:lvl>')


# name: (based on, pPr inner XML, rPr inner XML); sizes in half-points, spacing in twips
HEAD_FONTS = rfonts_xml(LATIN_HEAD, EA_HEAD)
TEXT = '<w:color w:val="262626"/>'
DARK = f'<w:color w:val="{COLORS["dk2"]}" w:themeColor="text2"/>'
GREY = '<w:color w:val="595959"/>'
ACCENT = f'<w:color w:val="{COLORS["accent1"]}" w:themeColor="accent1"/>'
PARAGRAPH_STYLES = {
    "Normal": (None, "", ""),
    "Title": ("Normal", '<w:spacing w:before="0" w:after="240" w:line="240" w:lineRule="auto"/>',
              f'{HEAD_FONTS}<w:b/>{DARK}<w:kern w:val="28"/><w:sz w:val="52"/><w:szCs w:val="52"/>'),
    "Subtitle": ("Normal", '<w:spacing w:after="240"/>',
                 f'{HEAD_FONTS}{GREY}<w:sz w:val="28"/><w:szCs w:val="28"/>'),
    "Heading 1": ("Normal", '<w:keepNext/><w:keepLines/><w:numPr><w:ilvl w:val="0"/>'
                  '<w:numId w:val="{num}"/></w:numPr><w:spacing w:before="360" w:after="160"/>'
                  '<w:outlineLvl w:val="0"/>',
                  f'{HEAD_FONTS}<w:b/><w:bCs/>{DARK}<w:sz w:val="32"/><w:szCs w:val="32"/>'),
    "Heading 2": ("Normal", '<w:keepNext/><w:keepLines/><w:numPr><w:ilvl w:val="1"/>'
                  '<w:numId w:val="{num}"/></w:numPr><w:spacing w:before="240" w:after="120"/>'
                  '<w:outlineLvl w:val="1"/>',
                  f'{HEAD_FONTS}<w:b/><w:bCs/>{DARK}<w:sz w:val="26"/><w:szCs w:val="26"/>'),
    "Heading 3": ("Normal", '<w:keepNext/><w:keepLines/><w:numPr><w:ilvl w:val="2"/>'
                  '<w:numId w:val="{num}"/></w:numPr><w:spacing w:before="200" w:after="80"/>'
                  '<w:outlineLvl w:val="2"/>',
                  f'{HEAD_FONTS}<w:b/><w:bCs/>{DARK}<w:sz w:val="22"/><w:szCs w:val="22"/>'),
    "TOC Heading": ("Normal", '<w:keepNext/><w:spacing w:before="0" w:after="240"/>'
                    '<w:outlineLvl w:val="9"/>',
                    f'{HEAD_FONTS}<w:b/>{DARK}<w:sz w:val="32"/><w:szCs w:val="32"/>'),
    "TOC 1": ("Normal", '<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9060"/></w:tabs>'
              '<w:spacing w:before="120" w:after="60"/>', "<w:b/>"),
    "TOC 2": ("Normal", '<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9060"/></w:tabs>'
              '<w:spacing w:after="60"/><w:ind w:left="420"/>', ""),
    "Caption": ("Normal", '<w:keepLines/><w:spacing w:before="60" w:after="240"/>',
                f'{HEAD_FONTS}{GREY}<w:sz w:val="18"/><w:szCs w:val="18"/>'),
    "Header": ("Normal", '<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="BFBFBF"/>'
               '</w:pBdr><w:tabs><w:tab w:val="right" w:pos="9070"/></w:tabs>'
               '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
               f'{GREY}<w:sz w:val="18"/><w:szCs w:val="18"/>'),
    "Footer": ("Normal", '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>',
               f'{GREY}<w:sz w:val="18"/><w:szCs w:val="18"/>'),
    "Cover Title": ("Title", f'<w:pBdr><w:bottom w:val="single" w:sz="18" w:space="12" '
                    f'w:color="{COLORS["accent1"]}" w:themeColor="accent1"/></w:pBdr>'
                    '<w:spacing w:before="3600" w:after="360"/>',
                    f'{HEAD_FONTS}<w:b/>{DARK}<w:sz w:val="60"/><w:szCs w:val="60"/>'),
    "Cover Subtitle": ("Subtitle", '<w:spacing w:after="120"/>',
                       f'{HEAD_FONTS}{GREY}<w:sz w:val="28"/><w:szCs w:val="28"/>'),
    "Big Number": ("Normal", '<w:keepNext/><w:spacing w:before="120" w:after="60" w:line="240" '
                   'w:lineRule="auto"/>',
                   f'{HEAD_FONTS}<w:b/>{ACCENT}<w:sz w:val="72"/><w:szCs w:val="72"/>'),
    "Figure": ("Normal", '<w:keepNext/><w:spacing w:before="120" w:after="0" w:line="240" '
               'w:lineRule="auto"/><w:jc w:val="center"/>', ""),
    "Note": ("Normal", '<w:spacing w:after="120"/>', f'{GREY}<w:sz w:val="16"/><w:szCs w:val="16"/>'),
}


def define_paragraph_styles(document) -> None:
    """Create or reset every house paragraph style from PARAGRAPH_STYLES."""
    num_id = document.part.numbering_part.element.xpath("./w:num/@w:numId")[-1]
    for name, (based_on, ppr, rpr) in PARAGRAPH_STYLES.items():
        style = get_or_add_style(document, name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles[based_on] if based_on else None
        reset_props(style.element, ppr.replace("{num}", num_id), rpr)
        style.quick_style = True
        style.hidden = style.unhide_when_used = False
        if name.startswith("Heading") or name == "TOC Heading":
            style.element.remove_all("w:link")
        if name.startswith("Heading"):
            style.next_paragraph_style = document.styles["Normal"]


def get_or_add_style(document, name: str, kind):
    """The named style, created when the base lacks it."""
    try:
        return document.styles[name]
    except KeyError:
        return document.styles.add_style(name, kind)


def reset_props(style_el, ppr: str, rpr: str) -> None:
    """Replace a style's w:pPr and w:rPr with the given inner XML."""
    for tag in ("w:pPr", "w:rPr", "w:rsid"):
        style_el.remove_all(tag)
    for tag, inner in (("w:pPr", ppr), ("w:rPr", rpr)):
        if inner:
            style_el.append(parse_xml(f'<{tag} {nsdecls("w")}>{inner}</{tag}>'))


def define_plan_table(document) -> None:
    """Table style "Plan Table": accent header row, thin borders, light banding, bold total."""
    style = get_or_add_style(document, "Plan Table", WD_STYLE_TYPE.TABLE)
    style.base_style = document.styles["Normal Table"]
    style.quick_style = True
    for tag in ("w:pPr", "w:rPr", "w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr"):
        style.element.remove_all(tag)
    for xml in plan_table_xml():
        style.element.append(parse_xml(xml))


def plan_table_xml() -> list[str]:
    """The pPr/rPr/tblPr/tcPr/tblStylePr children of the Plan Table style."""
    w = nsdecls("w")
    line = 'w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"'
    borders = "".join(f"<w:{s} {line}/>" for s in ("top", "left", "bottom", "right",
                                                    "insideH", "insideV"))
    accent = COLORS["accent1"]
    return [
        f'<w:pPr {w}><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>',
        f'<w:rPr {w}><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr>',
        f'<w:tblPr {w}><w:tblStyleRowBandSize w:val="1"/><w:tblStyleColBandSize w:val="1"/>'
        f'<w:tblBorders>{borders}</w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/>'
        '<w:left w:w="100" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/>'
        '<w:right w:w="100" w:type="dxa"/></w:tblCellMar></w:tblPr>',
        f'<w:tcPr {w}><w:vAlign w:val="center"/></w:tcPr>',
        f'<w:tblStylePr {w} w:type="firstRow"><w:rPr><w:b/><w:bCs/><w:color w:val="FFFFFF"/></w:rPr>'
        '<w:tblPr/><w:trPr><w:tblHeader/></w:trPr><w:tcPr>'
        f'<w:shd w:val="clear" w:color="auto" w:fill="{accent}" w:themeFill="accent1"/></w:tcPr>'
        '</w:tblStylePr>',
        f'<w:tblStylePr {w} w:type="lastRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tblPr/><w:tcPr>'
        '<w:tcBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="595959"/></w:tcBorders>'
        '</w:tcPr></w:tblStylePr>',
        f'<w:tblStylePr {w} w:type="band1Horz"><w:tblPr/><w:tcPr>'
        '<w:shd w:val="clear" w:color="auto" w:fill="F2F4F7"/></w:tcPr></w:tblStylePr>',
    ]


def setup_header_footer(section) -> None:
    """An empty Header paragraph to fill, and a centred "Page X of Y" footer."""
    header = section.header
    header.is_linked_to_previous = False
    header.paragraphs[0].style = "Header"
    footer = section.footer
    footer.is_linked_to_previous = False
    para = footer.paragraphs[0]
    para.style = "Footer"
    before, between, after = plan_locale("en").footer_words
    para.add_run(before)
    add_field(para, "PAGE", "1")
    para.add_run(between)
    add_field(para, "NUMPAGES", "1")
    para.add_run(after)


def add_field(paragraph, code: str, cached: str) -> None:
    """Append a complex field (begin, instruction, separate, cached result, end)."""
    for kind, text in (("begin", None), (None, f" {code} "), ("separate", None),
                       ("result", cached), ("end", None)):
        run = paragraph.add_run()
        if kind in ("begin", "separate", "end"):
            run._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="{kind}"/>'))
        elif kind is None:
            instr = OxmlElement("w:instrText")
            instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text


def set_core_properties(props) -> None:
    """Neutral, reproducible document properties."""
    props.author = props.last_modified_by = "plangen"
    props.title = props.subject = props.keywords = props.comments = ""
    props.created = props.modified = FIXED_TIME
    props.revision = 1


# --- base.pptx ---------------------------------------------------------------------------

KEEP_LAYOUTS = ("Title Slide", "Section Header", "Title and Content", "Two Content",
                "Title Only", "Blank", "Comparison")
SLIDE_W, SLIDE_H = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.6)
CONTENT_W = SLIDE_W - 2 * MARGIN
TITLE_BOX = (MARGIN, Inches(0.35), CONTENT_W, Inches(0.95))
BODY_TOP, BODY_H = Inches(1.6), Inches(5.05)
GAP = Inches(0.4)
HALF_W = (CONTENT_W - GAP) // 2
FOOTER_Y, FOOTER_H = Inches(6.95), Inches(0.35)
FOOTER_BOXES = {  # placeholder type -> (x, width, alignment)
    "ftr": (MARGIN, Inches(8.0), "l"),
    "dt": (MARGIN + Inches(8.2), Inches(2.2), "r"),
    "sldNum": (SLIDE_W - MARGIN - Inches(1.6), Inches(1.6), "r"),
}
COVER_X, COVER_W = Inches(1.0), Inches(11.3)


def build_pptx(path: Path) -> None:
    """Write the PowerPoint base: 16:9, theme, master look and seven named layouts."""
    prs = pptx.Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    master = prs.slide_master
    theme = master.part.part_related_by(PRT.THEME)
    theme._blob = restyle_theme(theme.blob, EA_HEAD, EA_HEAD)
    for layout in list(master.slide_layouts):
        if layout.name not in KEEP_LAYOUTS:
            master.slide_layouts.remove(layout)
    style_master(master)
    for layout in master.slide_layouts:
        LAYOUT_BUILDERS[layout.name](layout)
        place_footers(layout)
    set_core_properties(prs.core_properties)
    prs.save(str(path))


def ph_type(shape) -> str:
    """The XML placeholder type of a shape ("body" when unspecified)."""
    return shape.element.ph.get("type", "body") if shape.element.ph is not None else ""


def place(shape, box) -> None:
    """Position a shape at (x, y, w, h)."""
    shape.left, shape.top, shape.width, shape.height = (Emu(int(v)) for v in box)


def style_master(master) -> None:
    """Master: title top-left, body below, footers, accent rule, text sizes >= 12 pt."""
    for shape in master.placeholders:
        kind = ph_type(shape)
        if kind == "title":
            place(shape, TITLE_BOX)
            set_anchor(shape, "b")
        elif kind == "body":
            place(shape, (MARGIN, BODY_TOP, CONTENT_W, BODY_H))
    place_footers(master)
    add_title_rule(master.shapes)
    set_text_styles(master.element)


def place_footers(owner) -> None:
    """Date, footer and slide-number placeholders along the bottom edge, grey (the number at 12 pt)."""
    for shape in owner.placeholders:
        box = FOOTER_BOXES.get(ph_type(shape))
        if box:
            place(shape, (box[0], FOOTER_Y, box[1], FOOTER_H))
            size = 12 if ph_type(shape) == "sldNum" else 10
            set_lvl1(shape, size=size, color=("tx1", 65000, 35000), align=box[2], bold=False)
            set_anchor(shape, "ctr")


def add_title_rule(shapes) -> None:
    """A thin grey rule under the title with a short accent segment at its left."""
    y = TITLE_BOX[1] + TITLE_BOX[3] + Inches(0.08)
    add_rect(shapes, (MARGIN, y, CONTENT_W, Emu(9525)), ("bg1", 75000), "Title Rule")
    add_rect(shapes, (MARGIN, y - Emu(19050), Inches(1.2), Emu(47625)), ("accent1", None),
             "Accent Bar")


def add_rect(shapes, box, color, name: str) -> etree._Element:
    """Append a borderless rectangle filled with a theme colour (name, lumMod) to a shape tree."""
    tree = shapes._spTree
    shape_id = 1 + max(int(x) for x in tree.xpath("//p:cNvPr/@id"))
    sp = etree.SubElement(tree, f"{{{P_NS}}}sp")
    nv = etree.SubElement(sp, f"{{{P_NS}}}nvSpPr")
    etree.SubElement(nv, f"{{{P_NS}}}cNvPr", id=str(shape_id), name=name)
    etree.SubElement(nv, f"{{{P_NS}}}cNvSpPr")
    etree.SubElement(nv, f"{{{P_NS}}}nvPr")
    sppr = etree.SubElement(sp, f"{{{P_NS}}}spPr")
    xfrm = etree.SubElement(sppr, a("xfrm"))
    etree.SubElement(xfrm, a("off"), x=str(int(box[0])), y=str(int(box[1])))
    etree.SubElement(xfrm, a("ext"), cx=str(int(box[2])), cy=str(int(box[3])))
    etree.SubElement(etree.SubElement(sppr, a("prstGeom"), prst="rect"), a("avLst"))
    sppr.append(fill_xml(*color))
    etree.SubElement(etree.SubElement(sppr, a("ln")), a("noFill"))
    return sp


def fill_xml(color: str, lum_mod: int | None, lum_off: int | None = None) -> etree._Element:
    """An a:solidFill with a scheme colour."""
    fill = etree.Element(a("solidFill"))
    clr = etree.SubElement(fill, a("schemeClr"), val=color)
    if lum_mod:
        etree.SubElement(clr, a("lumMod"), val=str(lum_mod))
    if lum_off:
        etree.SubElement(clr, a("lumOff"), val=str(lum_off))
    return fill


def set_anchor(shape, anchor: str) -> None:
    """Vertical anchoring of a shape's text (t, ctr, b)."""
    body = shape.element.find(f"{{{P_NS}}}txBody")
    body.find(a("bodyPr")).set("anchor", anchor)


def set_lvl1(shape, size: float, color=None, align: str | None = None, bold: bool | None = None,
             bullet: bool = False) -> None:
    """Level-1 paragraph look of a placeholder via its a:lstStyle."""
    body = shape.element.find(f"{{{P_NS}}}txBody")
    lst = body.find(a("lstStyle"))
    for child in list(lst):
        lst.remove(child)
    lvl = etree.SubElement(lst, a("lvl1pPr"), marL="0", indent="0")
    if align:
        lvl.set("algn", align)
    if not bullet:
        etree.SubElement(lvl, a("buNone"))
    rpr = etree.SubElement(lvl, a("defRPr"), sz=str(int(size * 100)))
    if bold is not None:
        rpr.set("b", "1" if bold else "0")
    if color:
        rpr.append(fill_xml(*color))


TEXT_SIZES = {"titleStyle": (28,), "bodyStyle": (20, 18, 16, 14, 14, 14, 14, 14, 14)}


def set_text_styles(master_el) -> None:
    """Master text styles: bold left title, body 20/18/16/14 pt, theme fonts, dark text."""
    styles = master_el.find(f"{{{P_NS}}}txStyles")
    for kind, sizes in TEXT_SIZES.items():
        group = styles.find(f"{{{P_NS}}}{kind}")
        for i, lvl in enumerate(x for x in group if x.tag.endswith("pPr")):
            rpr = lvl.find(a("defRPr"))
            rpr.set("sz", str(sizes[min(i, len(sizes) - 1)] * 100))
            recolor(rpr, ("tx2", None) if kind == "titleStyle" else ("tx1", 85000, 15000))
            if kind == "titleStyle":
                lvl.set("algn", "l")
                rpr.set("b", "1")
            else:
                lvl.find(a("spcBef")).find(a("spcPct")).set("val", "30000")


def recolor(rpr, color) -> None:
    """Replace the fill of a run-properties element with a theme colour."""
    old = rpr.find(a("solidFill"))
    new = fill_xml(*color)
    if old is not None:
        old.getparent().replace(old, new)
    else:
        rpr.insert(0, new)


# placeholder type -> (top, height, anchor, size pt, colour, bold), in inches
COVER_LOOK = {
    "ctrTitle": (2.0, 1.8, "b", 40, ("tx2", None), True),
    "subTitle": (4.15, 1.2, "t", 20, ("tx1", 65000, 35000), False),
}
SECTION_LOOK = {
    "title": (3.7, 1.3, "t", 36, ("tx2", None), True),
    "body": (1.9, 1.55, "b", 66, ("accent1", None), True),  # the section number "01"
}


def layout_title_slide(layout) -> None:
    """Cover: accent band at the left, big title, subtitle, no master decoration."""
    style_cover_like(layout, COVER_LOOK, bar_top=3.95)


def layout_section(layout) -> None:
    """Divider: big accent section number ("01") in the body placeholder above the title."""
    style_cover_like(layout, SECTION_LOOK, bar_top=3.55)


def style_cover_like(layout, looks: dict, bar_top: float) -> None:
    """Place and style placeholders per `looks`; add the accent band and the accent bar."""
    layout.element.set("showMasterSp", "0")
    for shape in layout.placeholders:
        look = looks.get(ph_type(shape))
        if look:
            top, height, anchor, size, color, bold = look
            place(shape, (COVER_X, Inches(top), COVER_W, Inches(height)))
            set_anchor(shape, anchor)
            set_lvl1(shape, size, color, "l", bold)
    add_rect(layout.shapes, (0, 0, Inches(0.3), SLIDE_H), ("accent1", None), "Accent Band")
    add_rect(layout.shapes, (COVER_X, Inches(bar_top), Inches(1.2), Inches(0.06)),
             ("accent1", None), "Accent Bar")


def layout_title_and_content(layout) -> None:
    """Title at the master position, one content area."""
    for shape in layout.placeholders:
        kind = ph_type(shape)
        if kind == "title":
            place(shape, TITLE_BOX)
        elif shape.placeholder_format.idx == 1:
            place(shape, (MARGIN, BODY_TOP, CONTENT_W, BODY_H))


def layout_two_content(layout) -> None:
    """Title and two equal columns."""
    for shape in layout.placeholders:
        idx = shape.placeholder_format.idx
        if ph_type(shape) == "title":
            place(shape, TITLE_BOX)
        elif idx in (1, 2):
            x = MARGIN + (idx - 1) * (HALF_W + GAP)
            place(shape, (x, BODY_TOP, HALF_W, BODY_H))


def layout_comparison(layout) -> None:
    """Title, two column headings (idx 1, 3) and two content areas (idx 2, 4)."""
    head_h = Inches(0.55)
    for shape in layout.placeholders:
        idx = shape.placeholder_format.idx
        if ph_type(shape) == "title":
            place(shape, TITLE_BOX)
        elif idx in (1, 2, 3, 4):
            x = MARGIN + (idx > 2) * (HALF_W + GAP)
            heading = idx in (1, 3)
            top = BODY_TOP if heading else BODY_TOP + head_h + Inches(0.1)
            place(shape, (x, top, HALF_W, head_h if heading else BODY_H - head_h - Inches(0.1)))
            if heading:
                set_anchor(shape, "b")
                set_lvl1(shape, 18, ("accent1", None), "l", True)


def layout_title_only(layout) -> None:
    """Title only, free area below for charts and tables."""
    for shape in layout.placeholders:
        if ph_type(shape) == "title":
            place(shape, TITLE_BOX)


def layout_blank(layout) -> None:
    """Nothing but the footers (no title rule), for big-number and custom slides."""
    layout.element.set("showMasterSp", "0")


LAYOUT_BUILDERS = {
    "Title Slide": layout_title_slide, "Section Header": layout_section,
    "Title and Content": layout_title_and_content, "Two Content": layout_two_content,
    "Comparison": layout_comparison, "Title Only": layout_title_only, "Blank": layout_blank,
}


def main(argv: list[str]) -> int:
    """Build both base files into OUTDIR (default: templates/)."""
    out = Path(argv[0]) if argv else ROOT / "templates"
    out.mkdir(parents=True, exist_ok=True)
    build_docx(out / "base.docx")
    build_pptx(out / "base.pptx")
    print(f"wrote {out / 'base.docx'} and {out / 'base.pptx'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
