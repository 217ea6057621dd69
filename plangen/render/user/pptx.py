"""A company's own .pptx with Jinja tags: every slide and its notes rendered in plangen's sandbox.

Each slide part is prepared as docxtpl prepares Word XML: a paragraph holding a tag has its runs
merged into the first run (whose formatting it keeps); a table row holding `{%tr ... %}` and a
paragraph holding `{%p ... %}` become that bare block tag, so the rows or paragraphs between
repeat per item. Then the whole part renders as one template, one paragraph per line.
"""
from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Mapping
from typing import Any

from lxml import etree

from plangen.render.jinja import TemplateProblem
from plangen.render.jinja_limits import checked_size, time_limit
from plangen.render.ooxml.guard import OfficeFileProblem, check_office
from plangen.render.user.docx import located, user_environment

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HAS_TAG = re.compile(r"\{\{|\{%|\{#")
BLOCK = re.compile(r"^\s*\{%\s*(tr|p)\s+(.*?)\s*%\}\s*$", re.DOTALL)
MARK = "plangen-block"
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def a(tag: str) -> str:
    """Clark name of a DrawingML tag."""
    return f"{{{A}}}{tag}"


def render_user_pptx(data: bytes, context: Mapping[str, Any], name: str) -> bytes:
    """A user's .pptx rendered with `context`: every slide and every notes page."""
    check_office(data, "pptx", name)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        labels = part_labels(zin)
        for info in zin.infolist():
            blob = zin.read(info)
            if info.filename in labels:
                blob = render_part(blob, context, name, labels[info.filename])
            zout.writestr(info, blob)
    return out.getvalue()


def part_labels(z: zipfile.ZipFile) -> dict[str, str]:
    """Slide and notes parts in presentation order: {'ppt/slides/slide3.xml': 'slide 1', ...}."""
    order = _slide_order(z)
    out = {}
    for n, part in enumerate(order, start=1):
        out[part] = f"slide {n}"
        notes = _related(z, part, "/notesSlide")
        if notes:
            out[notes] = f"notes of slide {n}"
    return out


def _slide_order(z: zipfile.ZipFile) -> list[str]:
    """The slide parts as the presentation lists them."""
    try:
        pres = etree.fromstring(z.read("ppt/presentation.xml"), PARSER)
        rels = _rels(z, "ppt/presentation.xml")
    except (KeyError, etree.XMLSyntaxError) as e:
        raise OfficeFileProblem(f"damaged PowerPoint deck: {e}") from None
    ids = pres.findall(f"{{{P}}}sldIdLst/{{{P}}}sldId")
    return [rels[i.get(f"{{{R}}}id")] for i in ids if i.get(f"{{{R}}}id") in rels]


def _rels(z: zipfile.ZipFile, part: str) -> dict[str, str]:
    """A part's relationship ids mapped to target part names."""
    folder, _, file = part.rpartition("/")
    try:
        root = etree.fromstring(z.read(f"{folder}/_rels/{file}.rels"), PARSER)
    except KeyError:
        return {}
    out = {}
    for rel in root:
        if rel.get("TargetMode") != "External":
            out[rel.get("Id")] = _join(folder, rel.get("Target", ""))
    return out


def _join(folder: str, target: str) -> str:
    """A relationship target resolved against the folder of its source part."""
    parts = [] if target.startswith("/") else folder.split("/")
    for piece in target.lstrip("/").split("/"):
        if piece == "..":
            parts = parts[:-1]
        elif piece and piece != ".":
            parts.append(piece)
    return "/".join(parts)


def _related(z: zipfile.ZipFile, part: str, type_suffix: str) -> str | None:
    """The first part related to `part` by a relationship type ending in `type_suffix`."""
    folder, _, file = part.rpartition("/")
    try:
        root = etree.fromstring(z.read(f"{folder}/_rels/{file}.rels"), PARSER)
    except KeyError:
        return None
    for rel in root:
        if rel.get("Type", "").endswith(type_suffix):
            return _join(folder, rel.get("Target", ""))
    return None


def render_part(blob: bytes, context: Mapping[str, Any], name: str, where: str) -> bytes:
    """One slide or notes part rendered; a part without tags is returned unchanged."""
    if not HAS_TAG.search(blob.decode("utf-8", "replace")):
        return blob
    try:
        root = etree.fromstring(blob, PARSER)
    except etree.XMLSyntaxError as e:
        raise OfficeFileProblem(f"{where}: damaged part ({e})", name) from None
    source = prepare(root)
    try:
        with time_limit(f"{name} ({where})"):
            text = checked_size(user_environment().from_string(source).render(dict(context)), name)
        done = etree.fromstring(text.encode("utf-8"), PARSER)
    except TemplateProblem:
        raise
    except Exception as e:  # noqa: BLE001 - every failure of a user template is reported, located
        raise located(e, name, where, source, context) from None
    finish(done)
    return etree.tostring(done, xml_declaration=True, encoding="UTF-8", standalone=True)


def prepare(root: etree._Element) -> str:
    """The part as Jinja source: runs merged, block rows and paragraphs bare, one paragraph a line."""
    for p in root.iter(a("p")):
        merge_runs(p)
    for row in list(root.iter(a("tr"))):
        _to_block(row, "tr")
    for p in list(root.iter(a("p"))):
        _to_block(p, "p")
    xml = etree.tostring(root, encoding="unicode")
    xml = re.sub(rf"<{MARK}>(.*?)</{MARK}>", lambda m: "{%" + m.group(1) + "%}", xml, flags=re.DOTALL)
    xml = re.sub(r"\{[{%#].*?[}%#]\}", _clean_tag, xml, flags=re.DOTALL)
    return re.sub(r"(<a:(?:p|tr)[ >/])", r"\n\1", xml)


def _clean_tag(m: re.Match) -> str:
    """A tag as Jinja reads it: XML entities and typographic quotes undone."""
    return html.unescape(m.group(0)).translate(QUOTES)


def paragraph_text(p: etree._Element) -> str:
    """The visible text of a paragraph: runs, fields, and line breaks as newlines."""
    out = []
    for child in p:
        if child.tag in (a("r"), a("fld")):
            out.append("".join(t.text or "" for t in child.iter(a("t"))))
        elif child.tag == a("br"):
            out.append("\n")
    return "".join(out)


def merge_runs(p: etree._Element) -> None:
    """A paragraph with a tag keeps one run (the first, with its formatting) holding all its text."""
    text = paragraph_text(p)
    runs = [c for c in p if c.tag in (a("r"), a("fld"), a("br"))]
    first = next((c for c in runs if c.tag == a("r")), None)
    if not HAS_TAG.search(text) or first is None:
        return
    first.find(a("t")).text = text
    for c in runs:
        if c is not first:
            p.remove(c)


def _to_block(el: etree._Element, kind: str) -> None:
    """A row or paragraph whose whole text is `{%tr X %}` / `{%p X %}` becomes the bare tag `{% X %}`."""
    text = "".join(paragraph_text(p) for p in el.iter(a("p"))) if kind == "tr" else paragraph_text(el)
    m = BLOCK.match(text)
    if not m or m.group(1) != kind or el.getparent() is None:
        return
    mark = etree.Element(MARK)
    mark.text = f" {m.group(2)} "
    mark.tail = el.tail
    el.getparent().replace(el, mark)


def finish(root: etree._Element) -> None:
    """After rendering: newlines become line breaks; table frames fit their rows."""
    for t in list(root.iter(a("t"))):
        if t.text and "\n" in t.text:
            _split_lines(t)
    for frame in root.iter(f"{{{P}}}graphicFrame"):
        _fit_table(frame)
    for body in root.iter(a("txBody"), f"{{{P}}}txBody"):
        if body.find(a("p")) is None:
            body.append(etree.Element(a("p")))  # a loop over no items leaves a text body empty


def _split_lines(t: etree._Element) -> None:
    """A run whose text holds newlines becomes runs with <a:br/> between (same formatting)."""
    run = t.getparent()
    if run.tag != a("r"):
        return
    lines = t.text.split("\n")
    t.text = lines[0]
    at = run
    for line in lines[1:]:
        br = etree.Element(a("br"))
        props = run.find(a("rPr"))
        if props is not None:
            br.append(_copy(props))
        nxt = _copy(run)
        nxt.find(a("t")).text = line
        at.addnext(br)
        br.addnext(nxt)
        at = nxt


def _copy(el: etree._Element) -> etree._Element:
    return etree.fromstring(etree.tostring(el), PARSER)


def _fit_table(frame: etree._Element) -> None:
    """A table frame as tall as its rows (rows repeated by {%tr %} make it grow)."""
    rows = frame.findall(f".//{a('tbl')}/{a('tr')}")
    ext = frame.find(f"{{{P}}}xfrm/{a('ext')}")
    if rows and ext is not None:
        ext.set("cy", str(sum(int(r.get("h", "0")) for r in rows)))
