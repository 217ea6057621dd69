"""Write a Word document from an outline (templates/outlines/*.yaml) and a locale's text macros.

The outline holds the structure, the text template the sentences, the base .docx the look;
this module only walks the blocks (docs/outlines.md describes them).
"""
from __future__ import annotations

from dataclasses import dataclass, field as dc_field, replace
from functools import lru_cache
from typing import Any

from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph
from lxml import etree

from plangen.render import jinja
from plangen.render.docx.base import Slots
from plangen.render.docx.blocks import (append, body, caption, caption_xml, heading, keep_with_next, page_break,
                                        para, plain_numbering, set_header_text, text_para_xml)
from plangen.render.docx.chart import add_chart
from plangen.render.docx.lang import update_fields_on_open
from plangen.render.docx.pages import NoEstimate, PageEstimate
from plangen.render.docx.table import column_widths, fold, is_compact, signature_xml, table_xml
from plangen.render.docx.text import paragraphs
from plangen.locales import locale as plan_locale
from plangen.render.docx.toc import TocEntry, compact_toc_styles, heading_numbers, mark_headings, toc_paragraphs
from plangen.render.ooxml.fonts import localize_page_footer
from plangen.render.template_set import TemplateSet

DATA_KINDS = ("table", "chart", "each")  # blocks a section's text introduces
KINDS = ("section", "cover", "toc", "heading", "text", "table", "chart", "page_break", "commitment", "each")
SEQ = {"Table": "table_caption", "Figure": "figure_caption"}


def outline(templates: TemplateSet, name: str) -> list:
    """An outline, read again only when its file changes (treat as read-only)."""
    return _outline(templates, name, templates.path(f"outlines/{name}.yaml").stat().st_mtime_ns)


@lru_cache(maxsize=32)
def _outline(templates: TemplateSet, name: str, mtime: int) -> list:
    return templates.outline(name)


def has_toc(items: list) -> bool:
    """Whether an outline has a `toc` block anywhere (the page estimate serves only its page numbers)."""
    return any(isinstance(b, dict) and ("toc" in b or any(has_toc(v) for v in b.values() if isinstance(v, list)))
               for b in items or [])


@dataclass
class HeadingRef:
    """A heading written so far: its paragraph, level, numbering and text (for the TOC)."""

    p: etree._Element
    level: int
    numbered: bool
    text: str
    page: int


@dataclass
class OutlineWriter:
    """Walks outline blocks, appending Word content to `doc`."""

    doc: Document
    scope: dict[str, Any]
    templates: TemplateSet
    kind: str
    tables: dict[str, Any]
    headings: list[HeadingRef] = dc_field(default_factory=list)
    counts: dict[str, int] = dc_field(default_factory=lambda: {"Table": 0, "Figure": 0})
    toc: etree._Element | None = None
    numbered: bool = True
    plain_id: int | None = None
    slots: Slots | None = None   # tables, captions and notes kept as XML text until the document is zipped

    def run(self) -> None:
        """Write the outline's blocks, then the TOC, header and footer."""
        self.blocks(self.items, 1)
        self.finish()

    def __post_init__(self) -> None:
        self.L = self.scope["L"]
        self.text_path = self.templates.text(self.scope["plan"]["locale"], self.kind)
        self.macros = jinja.macros(self.text_path, self.scope, self.templates.jinja_dir)
        self.outline_path = f"outlines/{self.kind if self.kind != 'document' else 'document'}.yaml"
        self.body = body(self.doc)   # python-docx looks the body up anew on every access
        self.sections = list(self.doc.sections)   # found once, while the body is short: python-docx searches all of it
        sec = self.sections[0]
        self.width_emu = sec.page_width - sec.left_margin - sec.right_margin
        self.items = outline(self.templates, self.kind)
        self.pages = NoEstimate() if not has_toc(self.items) else PageEstimate(
            self.width_emu, sec.page_height - sec.top_margin - sec.bottom_margin,
            cjk=plan_locale(self.scope["plan"]["locale"]).east_asian)

    # -- walking ---------------------------------------------------------------------------

    def blocks(self, items: list, level: int) -> bool:
        """Write `items`; True when any of them produced content."""
        produced = False
        for b in items or []:
            produced = self.block(b, level) or produced
        return produced

    def section_blocks(self, items: list, level: int) -> bool:
        """Write a section's blocks; True when it has content. A section with tables or charts has
        content only when one of them came out: its text only introduces them."""
        produced = has_data = shown = False
        for b in items or []:
            out = self.block(b, level)
            produced = produced or out
            if isinstance(b, dict) and any(k in b for k in DATA_KINDS):
                has_data, shown = True, shown or out
        return shown if has_data else produced

    def block(self, b: Any, level: int) -> bool:
        """Write one block unless its `when:` is false."""
        if not isinstance(b, dict):
            raise jinja.TemplateProblem(f"a block must be a mapping, found {b!r}", self.outline_path)
        kinds = [k for k in KINDS if k in b]
        if len(kinds) != 1:
            raise jinja.TemplateProblem(f"a block needs exactly one of {', '.join(KINDS)}: {b!r}", self.outline_path)
        if "when" in b and not self.when(b["when"]):
            return False
        return getattr(self, f"_{kinds[0]}")(b, level)

    def when(self, expr: str) -> bool:
        """Evaluate a `when:` Jinja expression in the render scope."""
        try:
            env = jinja.environment(self.templates.jinja_dir)
            return bool(jinja.expression(env, str(expr), undefined_to_none=False)(**self.scope))
        except Exception as e:  # noqa: BLE001 - any failure is the outline's problem
            raise jinja.TemplateProblem(f"when: {expr!r}: {e}", self.outline_path) from None

    def add(self, node: etree._Element) -> etree._Element:
        """Append a block element to the body."""
        return append(self.body, node)

    def add_xml(self, xml: str) -> None:
        """Append a block written as XML text (with its namespace declaration): held as text by `slots`,
        else parsed into the body."""
        self.add(parse_xml(xml) if self.slots is None else self.slots.hold(xml))

    def mark(self) -> int:
        """The number of blocks written so far (w:sectPr not counted), for undoing a section."""
        b = self.body
        return len(b) - (1 if len(b) and b[-1].tag == qn("w:sectPr") else 0)

    def undo(self, mark: int) -> None:
        """Remove everything written after `mark` (a section that came out empty)."""
        b = self.body
        for node in list(b)[mark:self.mark()]:
            b.remove(node)
        self.headings = [h for h in self.headings if h.p.getparent() is not None]
        self.pages.undo()

    # -- words -----------------------------------------------------------------------------

    def macro(self, name: str) -> str:
        """The output of a text macro."""
        return jinja.call(self.macros, str(name), self.scope, self.text_path)

    def title(self, key: str) -> str:
        """A title: the text macro `key` if the text template has one, else the label `key`."""
        if hasattr(self.macros, key):
            return self.macro(key)
        if key in self.L:
            return self.L[key]
        raise jinja.TemplateProblem(f"title {key!r} is neither a macro of {self.text_path} nor a label",
                                    self.outline_path)

    # -- blocks ----------------------------------------------------------------------------

    def _section(self, b: dict, level: int) -> bool:
        key = str(b["section"])
        if key in self.scope and not self.scope[key]:
            return False
        mark, outer = self.mark(), self.numbered
        self.pages.save()
        self.numbered = outer and b.get("numbered", True)
        self.write_heading(self.title(b.get("title", key)), level, b.get("new_page", False))
        produced = self.section_blocks(b.get("blocks", []), level + 1)
        self.numbered = outer
        if not produced:
            self.undo(mark)
        else:
            self.pages.drop()
        return produced

    def write_heading(self, text: str, level: int, new_page: bool = False) -> None:
        """A heading at `level` (1-3), remembered for the TOC."""
        if not self.numbered and self.plain_id is None:
            self.plain_id = plain_numbering(self.doc)
        p = heading(text, level, None if self.numbered else self.plain_id)
        if new_page:
            p.find(qn("w:pPr")).insert(1, etree.Element(qn("w:pageBreakBefore")))
            self.pages.new_page()
        ref = HeadingRef(self.add(p), level, self.numbered, text, self.pages.page)
        self.pages.heading(ref, level)
        self.headings.append(ref)

    def _heading(self, b: dict, level: int) -> bool:
        self.write_heading(self.title(b["heading"]), int(b.get("level", level)))
        return False

    def _text(self, b: dict, level: int) -> bool:
        out = self.macro(b["text"])
        parts = paragraphs(out, self.scope["plan"]["locale"])
        for style, text in parts:
            self.add(para(b.get("style") or style, text, keep_next=b.get("keep_next", False)))
            self.pages.paragraph(text, style)
        return bool(parts)

    def _table(self, b: dict, level: int) -> bool:
        t = self.tables.get(str(b["table"]))
        if t is None or not t.rows:
            return False
        if b.get("fold"):
            t = fold(t, int(b["fold"]))
        keep_with_next(self.body)
        if b.get("caption", True):
            self.write_caption("Table", t.title)
        width = int(self.width_emu / 635)
        self.add_xml(table_xml(t, width, b.get("style", "Plan Table")))
        if self.pages.estimating:
            compact = is_compact(t, width)
            self.pages.table(t, column_widths(t, width, compact), compact)
        if t.note and b.get("note", True) and not self.unit_in_header(t):
            self.add(para("Note", t.note) if self.slots is None else self.slots.hold(text_para_xml("Note", t.note)))
            self.pages.note()
        return True

    def unit_in_header(self, t) -> bool:
        """Whether a table's note only repeats the unit its headers already show."""
        unit = self.scope["plan"]["unit"]
        return t.note == self.L["unit_note"].format(unit=unit) and any(unit in c for c in t.columns)

    def write_caption(self, seq: str, title: str) -> None:
        """A numbered table or figure caption."""
        self.counts[seq] += 1
        args = (self.L[SEQ[seq]], seq, self.counts[seq], title, "center" if seq == "Figure" else None)
        self.add(caption(*args) if self.slots is None else self.slots.hold(caption_xml(*args)))
        if seq == "Table":
            self.pages.caption()

    def _chart(self, b: dict, level: int) -> bool:
        spec = self.scope["charts"].get(str(b["chart"]))
        if spec is None:
            return False
        pie = spec.kind == "pie"
        width = Cm(float(b["width"])) if "width" in b else (int(self.width_emu * 0.7) if pie else self.width_emu)
        height = Cm(float(b.get("height", 6.0 if pie else 6.5)))
        keep_with_next(self.body)
        p = self.add(para("Figure", keep_next=True))
        shape = add_chart(Paragraph(p, self.doc._body), replace(spec, title=""), int(width), int(height))
        shape._inline.docPr.set("descr", spec.title)
        self.pages.chart(height)
        if b.get("caption", True):
            self.write_caption("Figure", spec.title)
        return True

    def _page_break(self, b: dict, level: int) -> bool:
        self.add(page_break())
        self.pages.new_page()
        return False

    def _each(self, b: dict, level: int) -> bool:
        """The blocks once per table key matching a prefix (`each: split_`), `$key` replaced."""
        prefix = str(b["each"])
        produced = False
        for key in [k for k in self.tables if k.startswith(prefix)]:
            items = [{k: (key if v == "$key" else v) for k, v in item.items()} for item in b.get("blocks", [])]
            produced = self.blocks(items, level) or produced
        return produced

    def _cover(self, b: dict, level: int) -> bool:
        """The cover's blocks on a first page without header or footer, then a page break."""
        self.sections[0].different_first_page_header_footer = True
        self.blocks(b["cover"], level)
        self._page_break(b, level)
        return False

    def _toc(self, b: dict, level: int) -> bool:
        """A TOC heading and a placeholder that `finish` fills with the entries."""
        spec = b["toc"] if isinstance(b["toc"], dict) else {}
        self.add(para("TOC Heading", self.title(spec.get("title", "contents"))))
        self.toc = self.add(para())
        self.toc_levels = int(spec.get("levels", 2))
        self.pages.lines(self.pages.m.toc[0])
        return False

    def _commitment(self, b: dict, level: int) -> bool:
        """The commitment: heading, statement, parties and signature lines, kept on one page."""
        spec = b["commitment"] if isinstance(b["commitment"], dict) else {}
        self.write_heading(self.title(spec.get("title", "commitment_title")), level)
        for style, text in paragraphs(self.macro(spec.get("text", "commitment")), self.scope["plan"]["locale"]):
            self.add(para(style, text, keep_next=True))
        parties = [line.strip() for line in self.macro(spec.get("parties", "commitment_parties")).splitlines()
                   if line.strip()]
        self.add_xml(signature_xml(parties, [self.L["signature"], self.L["date"]], int(self.width_emu / 635)))
        self.add(para())
        return True

    # -- the end ---------------------------------------------------------------------------

    def finish(self) -> None:
        """Fill the TOC, the running header and the footer words."""
        if self.toc is not None:
            self.fill_toc()
        set_header_text(self.sections[0], self.macro("running_header"))
        localize_page_footer(self.doc, self.scope["plan"]["locale"], self.sections)

    def fill_toc(self) -> None:
        """Replace the TOC placeholder by entries for headings up to the TOC's levels."""
        shown = [h for h in self.headings if h.level <= self.toc_levels]
        numbers = heading_numbers([(h.level, h.numbered) for h in self.headings])
        number_of = {id(h): n for h, n in zip(self.headings, numbers)}
        anchors = mark_headings([h.p for h in shown])
        levels = [h.level for h in shown]
        compact = self.pages.toc_compact(levels)
        if compact:
            compact_toc_styles(self.doc)
        extra = self.pages.toc_pages(levels, compact) - 1
        entries = [TocEntry(h.level, number_of[id(h)], h.text, h.page + extra, a)
                   for h, a in zip(shown, anchors)]
        for p in toc_paragraphs(entries, self.toc_levels):
            self.toc.addprevious(p)
        self.toc.getparent().remove(self.toc)
        update_fields_on_open(self.doc)
