"""render.docx.base: rep plans from one prepared base share nothing and equal python-docx's own save."""
import io
import zipfile
from pathlib import Path

import pytest

from plangen.decompose import decompose
from plangen.model import load
from plangen.present.context import Ctx, build_context
from plangen.present.ctx.rep import rep_context
from plangen.render.docx.blocks import open_document, save
from plangen.render.docx.outline import OutlineWriter
from plangen.render.docx.plan import prepare
from plangen.render.docx.rep import render_rep_docx
from plangen.render.template_set import TemplateSet

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "samples").glob("*-plan.yaml"))


def _parts(data: bytes, workbook: bool = False) -> dict:
    """Each member's bytes; an embedded workbook's members, but its properties (xlsxwriter's clock)."""
    out: dict = {}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        for n in z.namelist():
            if workbook and n == "docProps/core.xml":
                continue
            out[n] = _parts(z.read(n), True) if n.endswith(".xlsx") else z.read(n)
    return out


def _python_docx_rep(ctx, rep, ts) -> bytes:
    """The rep plan the plain way: open the base, prepare it, write the outline, python-docx's save."""
    doc = open_document(ts.bytes("base.docx"))
    prepare(doc, ctx["plan"], rep["name"])
    scope = {**ctx, "rep": rep, "charts": {**ctx["charts"], **rep["charts"]}}
    OutlineWriter(doc, scope, ts, "rep", {**ctx["tables"], **rep["tables"]}).run()
    return save(doc)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def it_writes_every_part_of_a_rep_plan_byte_for_byte_as_python_docx_saves_it(sample):
    """Each sample's reps in turn from one prepared base (so each is written after another one):
    the same part names, and every part (XML, .rels, chart, workbook) the same bytes."""
    plan = load(str(sample))
    d, ts = decompose(plan), TemplateSet()
    ctx, c = build_context(plan, d), Ctx(plan, d)
    for r in d.reps[:4]:
        rep = rep_context(c, r)
        assert _parts(render_rep_docx(ctx, rep, ts)) == _parts(_python_docx_rep(ctx, rep, ts))


def it_reads_a_company_base_again_after_the_file_changes(tmp_path):
    """A long-running process (a server, a notebook) sees a base.docx that was replaced."""
    import os
    folder = TemplateSet(tmp_path)
    (tmp_path / "base.docx").write_bytes(b"one")
    assert folder.path("base.docx").read_bytes() == b"one"
    from plangen.render.template_set import _read
    assert _read(str(tmp_path / "base.docx")) == b"one"
    (tmp_path / "base.docx").write_bytes(b"two!")
    os.utime(tmp_path / "base.docx", ns=(1, 1))
    assert _read(str(tmp_path / "base.docx")) == b"two!"


def it_writes_the_same_rep_plans_from_threads_as_one_after_another():
    """Eight threads writing the zh sample's reps (a server's requests) get the documents a single
    thread gets: the prepared base is one live document, taken in turns."""
    from concurrent.futures import ThreadPoolExecutor
    plan = load(str(SAMPLES[-1]))
    d, ts = decompose(plan), TemplateSet()
    ctx, c = build_context(plan, d), Ctx(plan, d)
    reps = [rep_context(c, r) for r in d.reps] * 4
    alone = [_parts(render_rep_docx(ctx, r, ts)) for r in reps]
    with ThreadPoolExecutor(8) as pool:
        together = list(pool.map(lambda r: _parts(render_rep_docx(ctx, r, ts)), reps))
    assert together == alone


def it_splices_a_held_table_as_the_parsed_one_is_saved():
    """A table with hostile text (& < > quotes, a no-break space, CR LF and a lone CR, a tab, 华东):
    the document holding its placeholder, filled on saving, is the bytes of the one it was parsed into."""
    from docx import Document
    from docx.oxml import parse_xml
    from plangen.render.docx.base import Slots
    from plangen.render.docx.table import table_xml
    from plangen.present.values import Table
    t = Table("t", "T", ("Name", "目标（万元）"), (("A&B <Ltd> \"x\" 'y'", "1\u00a0200"), ("a\r\nb\rc\td", "华东")),
              (False, True), ("Total", "1\u00a0200"))
    parsed, held, slots = Document(), Document(), Slots()
    parsed.element.body.append(parse_xml(table_xml(t, 9000)))
    held.element.body.append(slots.hold(table_xml(t, 9000)))
    assert slots.fill(held.part.blob) == parsed.part.blob


@pytest.mark.parametrize("label,seq,n,title,jc", [
    ("表 {n}", "Table", 3, "季度 A&B <x>\r y\tz\nq", None),   # escaping, a carriage return, tab and break
    ("Figure {n}:", "Figure", 1, "", "center"),
    ("{n}", "Table", 2, "", None),                             # no text before or after: an empty run
])
def it_writes_a_caption_as_text_as_lxml_serializes_the_element(label: str, seq: str, n: int, title: str,
                                                               jc: str | None) -> None:
    """caption_xml is byte for byte etree.tostring(caption(...)) without the namespace declaration
    (Slots splices it into the body, which declares w:), so a rep plan's document.xml is unchanged."""
    from docx.oxml.ns import nsdecls
    from lxml import etree

    from plangen.render.docx.blocks import caption, caption_xml, para, text_para_xml
    element = etree.tostring(caption(label, seq, n, title, jc), encoding="unicode").replace(f" {nsdecls('w')}", "")
    assert caption_xml(label, seq, n, title, jc) == element
    note = etree.tostring(para("Note", title), encoding="unicode").replace(f" {nsdecls('w')}", "")
    assert text_para_xml("Note", title) == note


@pytest.mark.parametrize("parties,lines", [(["张伟 A&B <x>", "经理"], ["签名", "日期"]), (["Ann"], ["Signature"]),
                                           ([], ["a", "b", "c"])])
def it_writes_the_signature_table_as_lxml_serializes_it(parties: list[str], lines: list[str]) -> None:
    """signature_xml is already in lxml's serialization (empty paragraphs as <w:p/>, escaped names): spliced
    as text (rep plans) it is the same bytes as parsed into the body (the annual plan)."""
    from docx.oxml import parse_xml
    from lxml import etree

    from plangen.render.docx.table import signature_xml
    xml = signature_xml(parties, lines, 9070)
    assert etree.tostring(parse_xml(xml), encoding="unicode") == xml
