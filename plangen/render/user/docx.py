"""A company's own .docx with Jinja tags, rendered by docxtpl in plangen's sandboxed environment.

Tags may be split by Word across runs, and may sit in body text, tables (`{%tr for %}` rows),
headers and footers. Errors name the file, the part and paragraph, and the nearest names.
The sandbox helpers here (user_environment, located) serve user_pptx too.
"""
from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import jinja2
from docxtpl import DocxTemplate
from jinja2.sandbox import SecurityError
from lxml import etree

from plangen.render.jinja import TemplateProblem, environment, explain
from plangen.render.jinja_limits import time_limit
from plangen.render.ooxml.guard import check_office

TAG = re.compile(r"<[^>]+>")


class _NoFiles(jinja2.BaseLoader):
    """User documents may not include or import files."""

    def get_source(self, environment: jinja2.Environment, template: str) -> Any:
        """Refuse every file."""
        raise SecurityError(f"a template in a document cannot read files ({template!r})")


@lru_cache(maxsize=1)
def user_environment() -> jinja2.Environment:
    """plangen's sandboxed, strict environment, escaping values for XML and reading no files."""
    return environment(None).overlay(autoescape=True, loader=_NoFiles())


def line_text(source: str, line: int | None) -> str:
    """The visible text of one line of a part's XML (one paragraph per line)."""
    lines = source.splitlines()
    if not line or line > len(lines):
        return ""
    text = html.unescape(TAG.sub("", lines[line - 1])).strip()
    return text if len(text) <= 80 else text[:77] + "..."


def located(e: Exception, name: str, where: str, source: str, context: Mapping[str, Any]) -> TemplateProblem:
    """A TemplateProblem naming the file, the place in it and the paragraph's text."""
    if isinstance(e, etree.XMLSyntaxError):
        return TemplateProblem(f"{where}: the rendered part is not valid XML ({e}); check that every "
                               "{%p %} / {%tr %} block opens and closes in the same kind of place, and that "
                               "no value is printed with |safe", name)
    p = explain(e, "<part>", context)
    text = line_text(source, p.line)
    at = f"{where}, paragraph “{text}”" if text else where
    return TemplateProblem(f"{at}: {p.message}", name)


class _Template(DocxTemplate):
    """docxtpl remembering the part it renders, for located errors."""

    source, part_name = "", ""

    def render_xml_part(self, src_xml, part, context, jinja_env=None):
        """Remember the source as docxtpl numbers its lines, then render."""
        self.source = re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml)
        self.part_name = str(getattr(part, "partname", "")).lstrip("/")
        return super().render_xml_part(src_xml, part, context, jinja_env)

    def fix_tables(self, xml):
        """Parse the rendered body strictly first: docxtpl's recovering parse drops everything after a
        stray '<' or a block closed in another cell, silently."""
        etree.fromstring(xml.encode("utf-8") if isinstance(xml, str) else xml)
        tree = super().fix_tables(xml)
        for cell in tree.iter(W_TC):
            if cell.find(W_P) is None:  # a {%p %} line was the cell's only paragraph: Word needs one
                etree.SubElement(cell, W_P)
        return tree


UNSUPPORTED = (
    (re.compile(r"\{\{-?r\s"), "{{r ...}} is docxtpl's tag for RichText objects, which plangen's values are not; "
     "write {{ name }}"),
    (re.compile(r"\{\{-?p\s"), "{{p ...}} is docxtpl's tag for paragraph objects, which plangen's values are "
     "not; write {{ name }}"),
    (re.compile(r"InlineImage"), "InlineImage needs pictures, which plangen does not supply; put the picture "
     "in the document itself"),
)
PARTS = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml")
W_T = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"
W_P = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"
W_TC = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tc"


def refuse_unsupported(data: bytes, name: str) -> None:
    """A TemplateProblem naming the part and paragraph of the first docxtpl tag plangen cannot fill."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for part in sorted(n for n in z.namelist() if PARTS.fullmatch(n)):
            for p in etree.fromstring(z.read(part)).iter(W_P):
                text = "".join(t.text or "" for t in p.iter(W_T))
                for pattern, message in UNSUPPORTED:
                    if pattern.search(text):
                        shown = text if len(text) <= 80 else text[:77] + "..."
                        raise TemplateProblem(f"{part}, paragraph “{shown}”: {message}", name)


def render_user_docx(data: bytes, context: Mapping[str, Any], name: str) -> bytes:
    """A user's .docx rendered with `context` (data already checked by office_guard)."""
    check_office(data, "docx", name)
    refuse_unsupported(data, name)
    tpl = _Template(io.BytesIO(data))
    try:
        with time_limit(name):
            tpl.render(dict(context), jinja_env=user_environment())
    except TemplateProblem:
        raise
    except Exception as e:  # noqa: BLE001 - every failure of a user template is reported, located
        raise located(e, name, tpl.part_name or "word/document.xml", tpl.source, context) from None
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()
