"""`plangen templates adopt COMPANY-FILE`: a template folder made from a company's Word or PowerPoint file.

The folder holds plangen's defaults (outlines, texts, labels, the other base file) and the company
file as base.docx or base.pptx: a Word file with plangen's styles mapped onto the company's or
added in its fonts (render.docx.adapt); a deck with its sample slides removed and a layout of each
type the deck outline needs (a missing one is a copy of its nearest fallback, in the company's
master). Every mapping made is reported, one sentence each.
"""
from __future__ import annotations

import copy
import io
import warnings
from pathlib import Path

from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.parts.slide import SlideLayoutPart

from plangen.render.docx.adapt import adapt_docx
from .render.jinja import default_dir
from plangen.render.ooxml.convert import as_document
from plangen.render.ooxml.guard import OfficeFileProblem, check_office
from plangen.render.pptx.deck import drop_slides, geometry
from plangen.render.pptx.layouts import FALLBACKS, TYPES, Layouts
from plangen.render.pptx.slides import placeholder

SUFFIXES = {".docx": "docx", ".dotx": "docx", ".pptx": "pptx", ".potx": "pptx"}
R_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
R_ID = f"{R_NS}id"


def adopt(company: str | Path, dest: str | Path, overwrite: bool = False) -> list[str]:
    """Write a template folder for `company` into `dest`; the report of every mapping made."""
    from .templates_cmd import export
    company, dest = Path(company), Path(dest)
    kind = SUFFIXES.get(company.suffix.lower())
    if kind is None:
        raise OfficeFileProblem("expected a .docx, .dotx, .pptx or .potx file", str(company))
    data = company.read_bytes()
    check_office(data, kind, str(company))
    base, report = (adopt_docx if kind == "docx" else adopt_pptx)(as_document(data))
    export(dest, overwrite)
    (dest / f"base.{kind}").write_bytes(base)
    return report


def adopt_docx(data: bytes) -> tuple[bytes, list[str]]:
    """The adapted Word base and what was mapped or added."""
    out, adoption = adapt_docx(data, (default_dir() / "base.docx").read_bytes())
    return out, adoption.lines() or ["every style plangen uses is in the file under its own name"]


def adopt_pptx(data: bytes) -> tuple[bytes, list[str]]:
    """The deck base (sample slides removed, missing layouts added) and the layout of each of plangen's."""
    prs = Presentation(io.BytesIO(data))
    layouts = Layouts(prs)
    drop_slides(prs)
    report = [f"master {layouts.master.name or '1'!r} is used"] if len(prs.slide_masters) > 1 else []
    for name, kind in TYPES.items():
        report.append(_layout_line(prs, layouts, name, kind))
    report += fit_placeholders(prs, layouts)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue(), report


def _layout_line(prs, layouts: Layouts, name: str, kind: str) -> str:
    """Map or add plangen's layout `name`; the sentence saying which."""
    found = layouts.find(name)
    if found is not None:
        how = "" if found.name == name else f" (type {kind})"
        return f"layout {name!r} -> {found.name!r}{how}"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        source = next((layouts.find(o) for o in FALLBACKS[name] if layouts.find(o) is not None), layouts.first)
    added = add_layout(prs, layouts.master, source, name, kind)
    layouts.by_name[name] = layouts.by_type[kind] = added
    return f"layout {name!r} added to the master as a copy of {source.name!r} (the file had none of type {kind})"


def fit_placeholders(prs, layouts: Layouts) -> list[str]:
    """Content placeholders too small for a chart are given the area plangen would draw in instead."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        geo = geometry(prs, layouts)
    small = " ".join(str(w.message) for w in caught)
    out = []
    for name, boxes in (("Title and Content", (geo.content,)), ("Two Content", geo.halves)):
        layout = layouts.find(name)
        if layout is None or f"layout {layout.name!r}" not in small:
            continue
        for idx, box in enumerate(boxes, start=1):
            holder = placeholder(layout, idx)
            if holder is not None:
                holder.left, holder.top, holder.width, holder.height = box
        out.append(f"layout {layout.name!r}: its content placeholder was too small for charts; it now takes "
                   f"the area under the title ({box[2] / 360000:.1f} × {box[3] / 360000:.1f} cm)")
    return out


def add_layout(prs, master, source, name: str, kind: str):
    """A copy of layout `source` named `name` of type `kind`, added to `master`."""
    package = master.part.package
    partname = package.next_partname("/ppt/slideLayouts/slideLayout%d.xml")
    element = copy.deepcopy(source._element)
    element.cSld.set("name", name)
    element.set("type", kind)
    part = SlideLayoutPart(PackURI(str(partname)), source.part.content_type, package, element)
    renamed = {rid: part.relate_to(rel.target_part, rel.reltype)
               for rid, rel in source.part.rels.items() if not rel.is_external}
    for node in element.iter():
        for attr, value in node.attrib.items():
            if attr.startswith(R_NS) and value in renamed:
                node.set(attr, renamed[value])
    rid = master.part.relate_to(part, RT.SLIDE_LAYOUT)
    new_id = _next_layout_id(prs)
    entry = master._element.get_or_add_sldLayoutIdLst()._add_sldLayoutId()
    entry.set("id", str(new_id))
    entry.set(R_ID, rid)
    return master.slide_layouts[len(master.slide_layouts) - 1]


def _next_layout_id(prs) -> int:
    """An id above every master's and layout's (the format wants them unique and >= 2^31)."""
    ids = [int(e.get("id")) for e in prs.part._element.iter() if e.tag.endswith(("sldMasterId", "sldLayoutId")) and e.get("id")]
    for master in prs.slide_masters:
        ids += [int(e.get("id")) for e in master._element.iter() if e.tag.endswith("sldLayoutId") and e.get("id")]
    return max([2147483648, *ids]) + 1
