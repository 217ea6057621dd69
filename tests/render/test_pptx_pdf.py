"""The deck as LibreOffice renders it: one PDF page per slide, the quarter numbers readable as text."""
from __future__ import annotations

import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from pptx import Presentation

from plangen.decompose import decompose
from plangen.model import load
from plangen.present.context import build_context
from plangen.render.pptx.deck import render_deck
from plangen.render.template_set import TemplateSet

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                                reason="LibreOffice or poppler-utils not installed")


def to_pdf(pptx: Path, outdir: Path) -> Path:
    """Convert with a private LibreOffice profile (parallel runs must not share one)."""
    profile = outdir / f"lo-{uuid.uuid4().hex}"
    subprocess.run(["timeout", "-k", "10", "120", "soffice", f"-env:UserInstallation=file://{profile}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(outdir), str(pptx)],
                   capture_output=True, check=True)
    return outdir / (pptx.stem + ".pdf")


def pdf_pages(pdf: Path) -> int:
    """The page count pdfinfo reports (pdftotext's form feeds otherwise)."""
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))
    return pdf_text(pdf).count("\f")


def pdf_text(pdf: Path) -> str:
    """The PDF's text."""
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> tuple[Path, Path]:
    """The zh sample deck and its PDF."""
    out = tmp_path_factory.mktemp("deck-pdf")
    plan = load(ROOT / "samples" / "zh-annual-plan.yaml")
    deck = out / "zh-deck.pptx"
    deck.write_bytes(render_deck(build_context(plan, decompose(plan)), TemplateSet()))
    return deck, to_pdf(deck, out)


def test_pdf_has_one_page_per_slide(rendered):
    deck, pdf = rendered
    assert pdf_pages(pdf) == len(Presentation(str(deck)).slides)


def test_pdf_text_shows_the_quarter_targets(rendered):
    text = pdf_text(rendered[1]).replace(" ", "")
    for amount in ("2,000万", "2,500万", "3,000万"):
        assert amount in text
    assert "第三季度承担全年30%的任务" in text
