"""The Word documents as LibreOffice lays them out: expected numbers on the page, rep plans of 2-4 pages,
every TOC page number where its heading lands."""
from __future__ import annotations

import re
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from plangen.decompose import decompose
from plangen.model import load
from plangen.present.context import Ctx, build_context
from plangen.present.ctx.rep import rep_context
from plangen.render.docx.plan import render_plan_docx
from plangen.render.docx.rep import render_rep_docx
from plangen.render.template_set import TemplateSet

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                                reason="LibreOffice or poppler-utils not installed")


def to_pdf(path: Path) -> list[str]:
    """Convert with a private LibreOffice profile; the text of each page."""
    profile = path.parent / f"lo-{uuid.uuid4().hex}"
    subprocess.run(["timeout", "-k", "10", "120", "soffice", f"-env:UserInstallation=file://{profile}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(path.parent), str(path)],
                   capture_output=True, check=True)
    text = subprocess.run(["pdftotext", "-layout", str(path.with_suffix(".pdf")), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


@pytest.fixture(scope="module")
def sample():
    plan = load(ROOT / "samples" / "zh-annual-plan.yaml")
    d = decompose(plan)
    return plan, d, build_context(plan, d)


@pytest.fixture(scope="module")
def plan_pages(sample, tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "plan.docx"
    path.write_bytes(render_plan_docx(sample[2], TemplateSet()))
    return to_pdf(path)


@pytest.fixture(scope="module")
def rep_pages(sample, tmp_path_factory):
    plan, d, ctx = sample
    path = tmp_path_factory.mktemp("pdf") / "rep.docx"
    path.write_bytes(render_rep_docx(ctx, rep_context(Ctx(plan, d), d.reps[0]), TemplateSet()))
    return to_pdf(path)


def test_annual_plan_pdf_shows_the_targets_and_page_x_of_y(plan_pages):
    text = re.sub(r"(?<=\d) (?=[亿万元])", "", "\n".join(plan_pages))  # pdftotext spaces digits from CJK
    assert "1亿元" in text and "10,000万元" not in text and "2,000万" in text and "3,000万" in text and "8,333万" in text
    assert "销售经理明年工作计划" in plan_pages[0]
    assert f"共 {len(plan_pages)} 页" in plan_pages[-1]
    assert re.search(r"2\.2\s+竞争对手分析", text)
    assert "{{" not in text and "{%" not in text


TOC_ENTRY = re.compile(r"^\s*(\S.*?)\s*\.{4,}\s*(\d+)\s*$", re.M)
SAMPLES = ["zh-annual-plan.yaml", "es-regional-plan.yaml", "en-half-year-plan.yaml", "es-MX-quarter-plan.yaml"]


def toc_and_headings(pages: list[str]) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """The TOC's (entry, page number) and, for each entry in order, the page its heading line is on."""
    toc, last = [], 0
    for i, page in enumerate(pages[:6]):
        found = [(m.group(1), int(m.group(2))) for m in TOC_ENTRY.finditer(page)]
        toc, last = (toc + found, i) if found else (toc, last)
    squeeze = lambda s: re.sub(r"\s+", "", s)  # noqa: E731 - pdftotext spaces CJK from digits
    landed, start = [], last + 1
    for text, _ in toc:
        start = next(i for i in range(start, len(pages))
                     if any(squeeze(line) == squeeze(text) for line in pages[i].splitlines()))
        landed.append((text, start + 1))
    return toc, landed


TOC_KNOWN_OFF = {"es-MX-quarter-plan.yaml": "the page model puts 5.2 one page late (10, LibreOffice 9): section 5.1's "
                 "rep bar chart and its table are estimated taller than they land; issue 13 item 4 names it as not done"}


@pytest.mark.parametrize("sample_file", [pytest.param(s, marks=pytest.mark.xfail(reason=TOC_KNOWN_OFF[s], strict=True))
                                         if s in TOC_KNOWN_OFF else s for s in SAMPLES])
def test_every_toc_page_number_is_the_page_its_heading_lands_on(sample_file, tmp_path):
    plan = load(ROOT / "samples" / sample_file)
    path = tmp_path / "plan.docx"
    path.write_bytes(render_plan_docx(build_context(plan, decompose(plan)), TemplateSet()))
    toc, landed = toc_and_headings(to_pdf(path))
    assert len(toc) > 20
    assert toc == landed


def test_rep_plan_pdf_has_two_to_four_pages_and_the_rep_numbers(rep_pages):
    assert 2 <= len(rep_pages) <= 4
    first = re.sub(r"(?<=\d) (?=[万元年])", "", rep_pages[0])
    assert "张伟" in first and "2027年个人销售计划" in first and "2,182万" in first
    last = rep_pages[-1]
    assert "目标承诺" in last and "王经理" in last and "签名" in last
