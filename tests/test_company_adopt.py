"""`plangen templates adopt` (issue 14): a template folder from a company file, every mapping reported."""
from __future__ import annotations

import io

import docx
import pytest
from click.testing import CliRunner
from pptx import Presentation

from fixtures.company import GERMAN_IDS, GERMAN_LAYOUTS, as_template, company_docx, company_pptx
from plangen.adopt import adopt
from plangen.cli import cli
from plangen.templates_cmd import Note, check


def it_adopts_a_german_word_file_with_every_mapping_reported(tmp_path) -> None:
    """Styles found under their German ids are renamed, the missing ones added, numbering added."""
    (tmp_path / "firma.docx").write_bytes(company_docx(ids=GERMAN_IDS, numbering=False, header_picture=True))
    report = adopt(tmp_path / "firma.docx", tmp_path / "look")
    assert report[:2] == ["style 'Normal': the file's id 'Standard' is used as 'Normal'",
                          "style 'Title': the file's id 'Titel' is used as 'Title'"]
    assert "numbering part added (the file had none)" in report
    doc = docx.Document(str(tmp_path / "look" / "base.docx"))
    assert doc.styles["Heading 1"].style_id == "Heading1" and "Cover Title" in {s.name for s in doc.styles}
    assert (tmp_path / "look" / "outlines" / "deck.yaml").is_file()


def it_adopts_a_potx_with_translated_layouts_and_adds_a_missing_one(tmp_path) -> None:
    """German names map by type; a deck without a section layout gets one copied from the title layout."""
    prs = Presentation(io.BytesIO(company_pptx(names=GERMAN_LAYOUTS)))
    layouts = prs.slide_masters[0].slide_layouts
    layouts.remove(next(x for x in layouts if x.name == "Abschnittsüberschrift"))
    out = io.BytesIO()
    prs.save(out)
    (tmp_path / "firma.potx").write_bytes(as_template(out.getvalue(), "pptx"))
    report = adopt(tmp_path / "firma.potx", tmp_path / "look")
    assert report[:2] == ["layout 'Title Slide' -> 'Titelfolie' (type title)",
                          "layout 'Section Header' added to the master as a copy of 'Titelfolie' "
                          "(the file had none of type secHead)"]
    names = {x.name for x in Presentation(str(tmp_path / "look" / "base.pptx")).slide_layouts}
    assert "Section Header" in names


def it_checks_clean_after_adopting(tmp_path) -> None:
    """`templates check` on an adopted folder finds no problem (contrast fallbacks are warnings only)."""
    (tmp_path / "firma.docx").write_bytes(company_docx(ids=GERMAN_IDS, numbering=False))
    adopt(tmp_path / "firma.docx", tmp_path / "look")
    (tmp_path / "firma.pptx").write_bytes(company_pptx(names=GERMAN_LAYOUTS, content_height=731520))
    adopt(tmp_path / "firma.pptx", tmp_path / "deck")
    (tmp_path / "look" / "base.pptx").write_bytes((tmp_path / "deck" / "base.pptx").read_bytes())
    assert [p for p in check(tmp_path / "look") if not isinstance(p, Note)] == []


def it_adopts_from_the_command_line_and_refuses_other_files(tmp_path) -> None:
    (tmp_path / "firma.docx").write_bytes(company_docx(numbering=False))
    done = CliRunner().invoke(cli, ["templates", "adopt", str(tmp_path / "firma.docx")])
    assert done.exit_code == 0, done.output
    assert f"✓ wrote {tmp_path / 'firma-templates'} from {tmp_path / 'firma.docx'}" in done.output
    assert "  numbering part added (the file had none)" in done.output
    (tmp_path / "notes.txt").write_text("x")
    done = CliRunner().invoke(cli, ["templates", "adopt", str(tmp_path / "notes.txt")])
    assert done.exit_code == 2 and "expected a .docx, .dotx, .pptx or .potx file" in done.output
