"""The generated base.docx / base.pptx: styles, fonts, numbering, layouts, validity."""

import importlib.util
from pathlib import Path

import docx
import pptx
import pytest
from docx.oxml.ns import qn
from pptx.util import Inches

from plangen.render.ooxml.fonts import ensure_east_asian_docx, localize_page_footer, set_pptx_ea

ROOT = Path(__file__).resolve().parents[2]
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
DOCX_STYLES = ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "TOC Heading",
               "TOC 1", "TOC 2", "Caption", "List Bullet", "List Number", "Header", "Footer",
               "Plan Table", "Cover Title", "Cover Subtitle", "Big Number")
LAYOUTS = {"Title Slide", "Section Header", "Title and Content", "Two Content", "Title Only",
           "Blank", "Comparison"}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """Run tools/build_base_templates.py into a temporary folder."""
    spec = importlib.util.spec_from_file_location("build_base", ROOT / "tools/build_base_templates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path_factory.mktemp("base")
    module.main([str(out)])
    return out


@pytest.fixture(params=["built", "committed"])
def base_dir(request, built) -> Path:
    """Both the freshly built bases and the ones committed under templates/."""
    return built if request.param == "built" else ROOT / "templates"


def it_has_every_house_style_in_base_docx(base_dir):
    names = {s.name for s in docx.Document(base_dir / "base.docx").styles}
    assert set(DOCX_STYLES) <= names


def it_sets_east_asian_fonts_in_doc_defaults_and_heading_styles(base_dir):
    document = docx.Document(base_dir / "base.docx")
    rpr = document.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:rPr"))
    assert rpr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "SimSun"
    assert rpr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        rfonts = document.styles[name].element.rPr.rFonts
        assert rfonts.get(qn("w:eastAsia")) == "Microsoft YaHei"


def it_numbers_headings_1_to_1_1_1_through_numbering_xml(base_dir):
    document = docx.Document(base_dir / "base.docx")
    num_ids = {document.styles[f"Heading {i}"].element.pPr.numPr.numId.val for i in (1, 2, 3)}
    assert len(num_ids) == 1
    numbering = document.part.numbering_part.element
    abstract = numbering.num_having_numId(num_ids.pop()).abstractNumId.val
    levels = numbering.xpath(f'./w:abstractNum[@w:abstractNumId="{abstract}"]/w:lvl/w:lvlText/@w:val')
    assert levels[:3] == ["%1", "%1.%2", "%1.%2.%3"]


def it_is_a4_portrait_with_an_empty_body(base_dir):
    document = docx.Document(base_dir / "base.docx")
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert all(not p.text for p in document.paragraphs) and not document.tables


def it_has_a_header_paragraph_and_a_page_x_of_y_footer(base_dir):
    section = docx.Document(base_dir / "base.docx").sections[0]
    assert section.header.paragraphs[0].style.name == "Header"
    instr = [t.text.strip() for t in section.footer._element.iter(qn("w:instrText"))]
    assert instr == ["PAGE", "NUMPAGES"]


@pytest.mark.parametrize("locale, words", [("zh-CN", "第 1 页，共 1 页"), ("en", "Page 1 of 1"),
                                           ("es", "Página 1 de 1")])
def it_localises_the_footer_words_around_the_page_fields(built, locale, words):
    document = docx.Document(built / "base.docx")
    assert localize_page_footer(document, locale)
    assert document.sections[0].footer.paragraphs[0].text == words


def it_has_the_seven_named_16x9_layouts(base_dir):
    prs = pptx.Presentation(base_dir / "base.pptx")
    assert (prs.slide_width, prs.slide_height) == (Inches(13.333), Inches(7.5))
    assert {layout.name for layout in prs.slide_layouts} == LAYOUTS
    assert len(prs.slides) == 0


def it_keeps_every_placeholder_on_the_16x9_slide(base_dir):
    prs = pptx.Presentation(base_dir / "base.pptx")
    owners = [prs.slide_master, *prs.slide_layouts]
    for shape in (s for owner in owners for s in owner.placeholders):
        assert shape.left >= 0 and shape.left + shape.width <= prs.slide_width, shape.name
        assert shape.top >= 0 and shape.top + shape.height <= prs.slide_height, shape.name


def it_keeps_body_text_at_12pt_or_more(base_dir):
    master = pptx.Presentation(base_dir / "base.pptx").slide_master.element
    sizes = [int(s) for s in master.xpath(".//p:txStyles/p:bodyStyle//a:defRPr/@sz")]
    assert sizes and min(sizes) >= 1200


def it_sets_theme_accents_and_east_asian_theme_fonts(base_dir):
    from lxml import etree
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    master = pptx.Presentation(base_dir / "base.pptx").slide_master
    theme = etree.fromstring(master.part.part_related_by(RT.THEME).blob)
    assert theme.find(f".//{A}accent1/{A}srgbClr").get("val") == "1F5FAF"
    assert theme.find(f".//{A}majorFont/{A}ea").get("typeface") == "Microsoft YaHei"
    assert theme.find(f".//{A}minorFont/{A}latin").get("typeface")


@pytest.mark.parametrize("name", ["base.docx", "base.pptx"])
def it_passes_openxml_audit_with_zero_errors(base_dir, name, audit):
    assert audit(base_dir / name) == ""


def it_fills_in_east_asian_fonts_only_where_a_base_lacks_them(built):
    bare = docx.Document()
    assert ensure_east_asian_docx(bare, "SimSun", "SimHei")
    rpr = bare.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:rPr"))
    assert rpr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    company = docx.Document(built / "base.docx")
    assert not ensure_east_asian_docx(company, "KaiTi", "KaiTi")
    assert company.styles["Heading 1"].element.rPr.rFonts.get(qn("w:eastAsia")) == "Microsoft YaHei"


def it_adds_an_ea_typeface_to_pptx_runs():
    prs = pptx.Presentation()
    box = prs.slides.add_slide(prs.slide_layouts[6]).shapes.add_textbox(0, 0, 100, 100)
    box.text_frame.text = "华东"
    box.text_frame.paragraphs[0].runs[0].font.name = "Calibri"
    set_pptx_ea(box.text_frame, "Microsoft YaHei")
    rpr = box.text_frame.paragraphs[0].runs[0]._r.rPr
    assert [c.tag.split("}")[1] for c in rpr] == ["latin", "ea"]
    assert rpr.find(f"{A}ea").get("typeface") == "Microsoft YaHei"
