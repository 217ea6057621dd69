"""The Word documents as LibreOffice lays them out: expected numbers on the page, rep plans of 2-4 pages,
every TOC page number where its heading lands."""
from __future__ import annotations

import re
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from docx.oxml.ns import qn
from lxml import etree

from plangen.decompose import decompose
from plangen.model import load
from plangen.present.context import Ctx, build_context
from plangen.present.ctx.rep import rep_context
from plangen.render.docx.blocks import open_document
from plangen.render.docx.plan import render_plan_docx
from plangen.render.docx.rep import render_rep_docx
from plangen.render.template_set import TemplateSet

ROOT = Path(__file__).resolve().parents[2]

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
SAMPLES = ["zh-annual-plan.yaml", "es-regional-plan.yaml", "en-half-year-plan.yaml", "es-MX-quarter-plan.yaml",
           "en-history-target-plan.yaml", "zh-seed-000-plan.yaml"]


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


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    """A sample's Word plan (rep None) or rep plan (index), rendered and converted once per module:
    (docx bytes, text of each page)."""
    cache: dict[tuple[str, int | None], tuple[bytes, list[str]]] = {}

    def convert(sample_file: str, rep: int | None = None) -> tuple[bytes, list[str]]:
        if (sample_file, rep) not in cache:
            plan = load(ROOT / "samples" / sample_file)
            d = decompose(plan)
            ctx = build_context(plan, d)
            data = (render_plan_docx(ctx, TemplateSet()) if rep is None else
                    render_rep_docx(ctx, rep_context(Ctx(plan, d), d.reps[rep]), TemplateSet()))
            path = tmp_path_factory.mktemp("pdf") / "doc.docx"
            path.write_bytes(data)
            cache[sample_file, rep] = data, to_pdf(path)
        return cache[sample_file, rep]
    return convert


@pytest.mark.parametrize("sample_file", SAMPLES)
def test_every_toc_page_number_is_the_page_its_heading_lands_on(sample_file, converted):
    toc, landed = toc_and_headings(converted(sample_file)[1])
    assert len(toc) >= 10
    assert toc == landed


@pytest.mark.parametrize("sample_file", SAMPLES[:4])
def test_a_toc_a_few_entries_over_a_page_is_single_spaced_onto_one(sample_file, converted):
    """The reader samples' 38-39 entries spill 3-6 entries onto a near-empty page at the base's spacing;
    single-spaced they all stand on page 2 and the plan starts on page 3."""
    pages = converted(sample_file)[1]
    assert [i for i, page in enumerate(pages[:6]) if TOC_ENTRY.search(page)] == [1]
    assert toc_and_headings(pages)[0][0][1] == 3


def test_a_value_label_of_the_reps_short_month_chart_stays_on_one_line(converted):
    """The es-MX rep's chart of three months, 3.2 cm high: LibreOffice wrapped "2,007 k" as "2,007" over "k"."""
    pages = converted("es-MX-quarter-plan.yaml", 0)[1]
    assert re.search(r"\d,\d{3}\s?k", pages[0])
    assert not any(line.strip() == "k" for line in pages[0].splitlines())


def squeeze(text: str) -> str:
    """Text without whitespace: pdftotext spaces CJK from digits and wraps lines where Word does."""
    return re.sub(r"\s+", "", text)


def text_of(node: etree._Element) -> str:
    """The text of a Word paragraph, cell or table."""
    return "".join(t.text or "" for t in node.iter(qn("w:t")))


def style_of(node: etree._Element) -> str | None:
    """A paragraph's style id."""
    style = node.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return None if style is None else style.get(qn("w:val"))


def captioned_tables(data: bytes) -> list[tuple[str, str]]:
    """(caption, the start of the first body row's first cell) of every table right under a caption."""
    blocks = list(open_document(data).element.body)
    out = []
    for before, node in zip(blocks, blocks[1:]):
        if node.tag == qn("w:tbl") and style_of(before) == "Caption":
            row = next(r for r in node.iter(qn("w:tr")) if r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None)
            out.append((text_of(before), text_of(row.find(qn("w:tc"))).split()[0][:4]))
    return out


def page_after(pages: list[str], line: str) -> tuple[int, str]:
    """The page holding a line (squeezed) and the squeezed text after it on that page."""
    for i, page in enumerate(pages):
        lines = [squeeze(x) for x in page.splitlines()]
        if squeeze(line) in lines:
            return i, "".join(lines[lines.index(squeeze(line)) + 1:])
    raise AssertionError(f"{line!r} is on no page")


DOCUMENTS = [(s, None) for s in SAMPLES] + [(s, i) for s in SAMPLES for i in (0, -1)]


@pytest.mark.parametrize("sample_file,rep", DOCUMENTS)
def test_a_table_caption_is_on_the_page_of_the_tables_first_row(sample_file, rep, converted):
    data, pages = converted(sample_file, rep)
    pairs = captioned_tables(data)
    assert pairs
    for caption, first_cell in pairs:
        page, after = page_after(pages, caption)
        assert squeeze(first_cell) in after, f"page {page + 1}: {caption!r} without its first row {first_cell!r}"


@pytest.mark.parametrize("sample_file,rep", [(s, i) for s in SAMPLES for i in (0, -1)])
def test_the_signature_lines_are_on_the_page_of_the_paragraph_before_them(sample_file, rep, converted):
    data, pages = converted(sample_file, rep)
    blocks = list(open_document(data).element.body)
    sign = max(i for i, b in enumerate(blocks) if b.tag == qn("w:tbl"))
    statement = squeeze(text_of(blocks[sign - 1]))[-12:]
    page = max(i for i, p in enumerate(pages) if statement in squeeze(p))
    after = squeeze(pages[page]).rsplit(statement, 1)[1]
    cells = [squeeze(text_of(c)) for c in blocks[sign].iter(qn("w:tc"))]
    assert all(c in after for c in cells if c), f"page {page + 1}: the signature block is not under {statement!r}"


def test_rep_plan_pdf_has_two_to_four_pages_and_the_rep_numbers(rep_pages):
    assert 2 <= len(rep_pages) <= 4
    first = re.sub(r"(?<=\d) (?=[万元年])", "", rep_pages[0])
    assert "张伟" in first and "2027年个人销售计划" in first and "2,182万" in first
    last = rep_pages[-1]
    assert "目标承诺" in last and "王经理" in last and "签名" in last
