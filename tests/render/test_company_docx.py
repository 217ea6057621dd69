"""Company Word files as base.docx (issue 14): what other people's Word saves works and keeps its look."""
from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from plangen.decompose import decompose
from plangen.model import load
from plangen.present.context import build_context
from plangen.render.docx.adapt import adapt_docx
from plangen.render.docx.plan import render_plan_docx
from plangen.render.jinja import default_dir
from plangen.render.template_set import TemplateSet
from fixtures.company import (GERMAN_IDS, NUMBERED_IDS, as_template, company_docx, header_pictures,
                                    xml_of)
from office_audit import audit_errors


@pytest.fixture(scope="module")
def ctx(samples_dir):
    plan = load(samples_dir / "en-half-year-plan.yaml")
    return build_context(plan, decompose(plan))


def plan_on(tmp_path: Path, ctx, data: bytes, name: str = "base.docx") -> tuple[bytes, docx.document.Document]:
    """The annual plan rendered on a company base file (the folder holds only that file)."""
    (tmp_path / name).write_bytes(data)
    out = render_plan_docx(ctx, TemplateSet(tmp_path))
    return out, docx.Document(io.BytesIO(out))


def heading_styles(doc) -> set[str]:
    """The style names of the numbered headings and TOC lines of a document."""
    return {p.style.name for p in doc.paragraphs if p.style.name.startswith(("Heading", "TOC"))}


def numbered(doc, style: str) -> bool:
    """The style's numPr points at a list that exists in the numbering part."""
    num = doc.styles[style].element.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    ids = doc.part.numbering_part.element.xpath("./w:num/@w:numId")
    return num is not None and num.get(qn("w:val")) in ids


def it_builds_on_a_base_without_a_numbering_part_and_numbers_the_headings(tmp_path, ctx) -> None:
    """Word writes numbering.xml only once a list was used: plangen adds it with its heading list."""
    _, doc = plan_on(tmp_path, ctx, company_docx(numbering=False))
    assert numbered(doc, "Heading 1") and numbered(doc, "Heading 2")
    assert {"Heading 1", "Heading 2", "TOC 1"} <= heading_styles(doc)


@pytest.mark.parametrize("ids", [GERMAN_IDS, NUMBERED_IDS], ids=["german-berschrift1", "ids-1-2-3"])
def it_finds_styles_by_their_built_in_name_whatever_their_id(tmp_path, ctx, ids) -> None:
    """German Word saves "heading 1" as id berschrift1, some files as 1: found by w:name, not by id."""
    data = company_docx(ids=ids, numbering=False)
    assert "Heading1" not in xml_of(data, "word/styles.xml").xpath("//@*[local-name()='styleId']")
    _, doc = plan_on(tmp_path, ctx, data)
    assert {"Heading 1", "Heading 2", "TOC 1"} <= heading_styles(doc)
    assert numbered(doc, "Heading 1")


def it_keeps_the_company_logo_in_the_header_beside_the_running_header(tmp_path, ctx) -> None:
    """The header's picture run stays; the running header text is added after it."""
    _, doc = plan_on(tmp_path, ctx, company_docx(header_picture=True))
    assert header_pictures(doc) == 1
    assert doc.sections[0].header.paragraphs[0].text.endswith(ctx["plan"]["title"])


def it_removes_the_base_files_own_body_text(tmp_path, ctx) -> None:
    """A company file's sample text does not end up above the cover."""
    _, doc = plan_on(tmp_path, ctx, company_docx(body="Lorem ipsum of the company file"))
    assert all("Lorem ipsum" not in p.text for p in doc.paragraphs)


@pytest.mark.parametrize("name", ["base.docx", "base.dotx"])
def it_reads_a_word_template_dotx_as_base(tmp_path, ctx, name) -> None:
    """A .dotx (template content type) is read as a document, dropped in as base.docx or base.dotx."""
    out, doc = plan_on(tmp_path, ctx, as_template(company_docx(numbering=False), "docx"), name)
    assert b"template.main+xml" not in xml_of_types(out)
    assert "Heading 1" in heading_styles(doc)


def xml_of_types(data: bytes) -> bytes:
    import zipfile
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("[Content_Types].xml")


def it_adds_plangens_missing_styles_in_the_companys_fonts_and_reports_every_change() -> None:
    """Cover Title and Plan Table do not exist in a plain Word file: copied, Latin font from the company theme."""
    data, report = adapt_docx(company_docx(ids=GERMAN_IDS, numbering=False, body="x"),
                              (default_dir() / "base.docx").read_bytes())
    doc = docx.Document(io.BytesIO(data))
    fonts = doc.styles["Cover Title"].element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    assert fonts.get(qn("w:asciiTheme")) == "majorHAnsi" and fonts.get(qn("w:ascii")) is None
    lines = report.lines()
    assert "style 'Heading 1': the file's id 'berschrift1' is used as 'Heading1'" in lines
    assert "style 'Cover Title' added from plangen's base" in lines
    assert "numbering part added (the file had none)" in lines
    assert "1 paragraphs/tables of the file's own body text removed" in lines


def it_writes_a_plan_word_opens_cleanly_on_a_base_with_every_property(tmp_path, ctx) -> None:
    """German ids, no numbering, a header logo and body text together: openxml-audit finds nothing."""
    out, _ = plan_on(tmp_path, ctx, company_docx(ids=GERMAN_IDS, numbering=False, header_picture=True, body="x"))
    (tmp_path / "plan.docx").write_bytes(out)
    assert audit_errors(tmp_path / "plan.docx") == ""
