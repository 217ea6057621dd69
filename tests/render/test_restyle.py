"""Level 1: another base.docx/base.pptx restyles every output and changes nothing else."""
from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.shared import Pt, RGBColor
from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Emu, Inches

from fixtures.company import png
from plangen.decompose import decompose
from plangen.model import load
from plangen.present.context import build_context
from plangen.render.docx.plan import render_plan_docx
from plangen.render.jinja import default_dir
from plangen.render.pptx.deck import render_deck
from plangen.render.template_set import TemplateSet

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
CORP_FONT, CORP_HEAD, CORP_RGB = "Liberation Serif", "Liberation Mono", "8B0000"
FOUR_THREE = (Inches(10), Inches(7.5))


def corporate_docx(path: Path) -> None:
    """The default base with the company's fonts and colours."""
    doc = docx.Document(str(default_dir() / "base.docx"))
    for name, font in (("Normal", CORP_FONT), ("Heading 1", CORP_HEAD), ("Heading 2", CORP_HEAD)):
        style = doc.styles[name]
        style.font.name = font
        style.font.color.rgb = RGBColor.from_string(CORP_RGB)
    doc.styles["Normal"].font.size = Pt(11)
    doc.save(str(path))


def corporate_pptx(path: Path) -> None:
    """The default base at 4:3, with another theme colour and font and a logo on the master."""
    prs = Presentation(str(default_dir() / "base.pptx"))
    scale = FOUR_THREE[0] / prs.slide_width
    prs.slide_width, prs.slide_height = FOUR_THREE
    master = prs.slide_masters[0]
    for owner in (master, *master.slide_layouts):
        for shape in owner.shapes:
            if shape.left is not None and shape.width is not None:
                shape.left, shape.width = Emu(int(shape.left * scale)), Emu(int(shape.width * scale))
    add_logo(prs, master)
    theme = master.part.part_related_by(RT.THEME)
    root = etree.fromstring(theme.blob)
    root.find(f".//{{{A}}}accent1/{{{A}}}srgbClr").set("val", CORP_RGB)
    for latin in root.findall(f".//{{{A}}}fontScheme/*/{{{A}}}latin"):
        latin.set("typeface", CORP_FONT)
    theme._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    prs.save(str(path))


def add_logo(prs, master) -> None:
    """A picture on the slide master (python-pptx adds pictures to slides only: add, then move)."""
    slide = prs.slides.add_slide(master.slide_layouts[0])
    pic = slide.shapes.add_picture(io.BytesIO(png()), Inches(8.9), Inches(0.2), Inches(0.8), Inches(0.8))
    blip = pic._element.find(f".//{{{A}}}blip")
    rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
    blip.set(rel, master.part.relate_to(slide.part.related_part(blip.get(rel)), RT.IMAGE))
    master.shapes._spTree.append(pic._element)
    ids = prs.slides._sldIdLst
    prs.part.drop_rel(ids[-1].rId)
    ids.remove(ids[-1])


@pytest.fixture(scope="module")
def outputs(tmp_path_factory, samples_dir):
    """The Word plan and the deck of the zh sample with the default and the corporate bases."""
    corp = tmp_path_factory.mktemp("corp")
    corporate_docx(corp / "base.docx")
    corporate_pptx(corp / "base.pptx")
    plan = load(samples_dir / "zh-annual-plan.yaml")
    ctx = build_context(plan, decompose(plan))
    default, company = TemplateSet(None), TemplateSet(corp)
    return {"docx": (render_plan_docx(ctx, default), render_plan_docx(ctx, company)),
            "pptx": (render_deck(ctx, default), render_deck(ctx, company))}


def _headings(doc) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]


def it_restyles_the_word_plan_and_keeps_every_section(outputs) -> None:
    before, after = (docx.Document(io.BytesIO(b)) for b in outputs["docx"])
    assert _headings(after) == _headings(before) and len(_headings(after)) > 10
    assert [p.text for p in after.paragraphs] == [p.text for p in before.paragraphs]
    assert len(after.tables) == len(before.tables)
    normal, h1 = after.styles["Normal"], after.styles["Heading 1"]
    assert normal.font.name == CORP_FONT and str(normal.font.color.rgb) == CORP_RGB
    assert h1.font.name == CORP_HEAD and str(h1.font.color.rgb) == CORP_RGB
    assert before.styles["Normal"].font.name != CORP_FONT


def _firsts(prs) -> list:
    """The slides that are not continuations: a narrower page may continue a dense slide on the next one."""
    return [s for s in prs.slides if s.shapes.title is None or not s.shapes.title.text.endswith(("（续）", "(cont.)"))]


def _titles(prs) -> list[str]:
    return [s.shapes.title.text if s.shapes.title is not None else "" for s in _firsts(prs)]


def it_restyles_the_deck_at_4_3_with_the_logo_and_keeps_every_slide(outputs) -> None:
    """Every slide of the wide deck is in the 4:3 one, in order; only continuations may be added."""
    before, after = (Presentation(io.BytesIO(b)) for b in outputs["pptx"])
    assert (after.slide_width, after.slide_height) == FOUR_THREE
    assert (before.slide_width, before.slide_height) != FOUR_THREE
    assert _titles(after) == _titles(before) and len(after.slides) > 15
    assert [len(s.notes_slide.notes_text_frame.text) if s.has_notes_slide else 0 for s in _firsts(after)] == \
           [len(s.notes_slide.notes_text_frame.text) if s.has_notes_slide else 0 for s in _firsts(before)]
    assert any(sh.shape_type == 13 for sh in after.slide_masters[0].shapes)  # the logo picture
    theme = after.slide_masters[0].part.part_related_by(RT.THEME).blob.decode("utf-8")
    assert CORP_RGB in theme and CORP_FONT in theme


def it_keeps_every_slide_on_the_narrower_page(outputs) -> None:
    """Shapes the renderer places stay inside a 4:3 slide."""
    after = Presentation(io.BytesIO(outputs["pptx"][1]))
    for n, slide in enumerate(after.slides, start=1):
        for shape in slide.shapes:
            if shape.left is not None and shape.width is not None:
                assert shape.left + shape.width <= after.slide_width + Inches(0.05), (n, shape.name)


def it_refuses_a_company_base_that_is_not_an_office_file(tmp_path, samples_dir) -> None:
    from click.testing import CliRunner
    from plangen.cli import cli
    (tmp_path / "corp").mkdir()
    (tmp_path / "corp" / "base.docx").write_bytes(b"PK\x03\x04 not really")
    result = CliRunner().invoke(cli, ["build", str(samples_dir / "zh-annual-plan.yaml"), "--templates",
                                      str(tmp_path / "corp"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2 and "base.docx: not a Word document" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "out").exists()
