"""A table of contents whose field result is already filled: numbered entries with page numbers."""
from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from plangen.render.docx.blocks import bookmark, el, field, para, run

TOC_STYLES = {1: "TOC 1", 2: "TOC 2", 3: "TOC 3"}


@dataclass(frozen=True)
class TocEntry:
    """One line of the TOC."""

    level: int
    number: str
    text: str
    page: int
    anchor: str


def heading_numbers(levels: list[tuple[int, bool]]) -> list[str]:
    """Outline numbers ("1", "1.2") for headings given as (level, numbered), as Word numbers them."""
    counters = [0, 0, 0]
    out = []
    for level, numbered in levels:
        if not numbered:
            out.append("")
            continue
        i = min(level, 3) - 1
        counters[i] += 1
        counters[i + 1:] = [0] * (2 - i)
        out.append(".".join(str(c) for c in counters[:i + 1]))
    return out


def mark_headings(paragraphs: list[etree._Element], first_id: int = 100) -> list[str]:
    """Bookmark each heading paragraph (_Toc…); return the bookmark names."""
    names = []
    for i, p in enumerate(paragraphs):
        name = f"_Toc{first_id + i:08d}"
        bookmark(p, name, first_id + i)
        names.append(name)
    return names


def toc_paragraphs(entries: list[TocEntry], levels: int) -> list[etree._Element]:
    """The TOC field: its instruction in the first entry, each entry a hyperlink with a PAGEREF."""
    out = []
    for i, e in enumerate(entries):
        p = para(TOC_STYLES.get(e.level, "TOC 2"))
        if i == 0:
            begin_toc(p, levels)
        link = el("w:hyperlink", p, anchor=e.anchor, history="1")
        run(link, f"{e.number}  {e.text}" if e.number else e.text)
        run(link, "\t")
        field(link, f"PAGEREF {e.anchor} \\h", str(e.page))
        out.append(p)
    end = para()
    el("w:fldChar", el("w:r", end), fldCharType="end")
    if not out:
        begin_toc(end, levels)
    out.append(end)
    return out


def begin_toc(p: etree._Element, levels: int) -> None:
    """The TOC field's begin, instruction and separate runs."""
    el("w:fldChar", el("w:r", p), fldCharType="begin")
    instr = el("w:instrText", el("w:r", p))
    instr.text = f' TOC \\o "1-{levels}" \\h \\z \\u '
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    el("w:fldChar", el("w:r", p), fldCharType="separate")
