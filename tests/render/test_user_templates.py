"""A company's own .docx/.pptx: tags split across runs, table rows per item, per rep, sandboxed, checked."""
from __future__ import annotations

import io

import docx
import pytest
from pptx import Presentation

from fixtures.office import docx_with, pptx_with, quota_docx, quota_pptx, replace_entry, zip_of
from plangen.decompose import decompose
from plangen.model import load
from plangen.present.ctx.user import rep_contexts, user_context
from plangen.render.jinja import TemplateProblem
from plangen.render.ooxml.guard import OfficeFileProblem, check_office
from plangen.render.user.docx import render_user_docx
from plangen.render.user.pptx import render_user_pptx
from plangen.templates_cmd import render_file


@pytest.fixture(scope="module")
def zh(samples_dir):
    """The Chinese sample plan and its decomposition."""
    plan = load(samples_dir / "zh-annual-plan.yaml")
    return plan, decompose(plan)


@pytest.fixture(scope="module")
def reps(zh):
    """(rep id, user context) per rep of the sample."""
    return rep_contexts(*zh)


def _docx_texts(data: bytes) -> tuple[list[str], list[list[str]], str, str]:
    d = docx.Document(io.BytesIO(data))
    rows = [[c.text for c in r.cells] for r in d.tables[0].rows]
    s = d.sections[0]
    return [p.text for p in d.paragraphs], rows, s.header.paragraphs[0].text, s.footer.paragraphs[0].text


def it_renders_a_word_letter_once_per_rep_with_split_tags(reps) -> None:
    for rep_id, ctx in reps:
        paras, rows, header, footer = _docx_texts(render_user_docx(quota_docx(), ctx, "quota.docx"))
        rep = ctx["rep"]
        assert f"Dear {rep['name']}," in paras
        assert f"your target for 2027 is {rep['targets']['period']} ({rep['targets']['share']} of the team)." in paras
        assert rows[0] == ["月份", "目标", "工作日天数"]
        assert len(rows) == 1 + 12
        assert rows[1] == [ctx["rep_months"][0]["label"], str(ctx["rep_months"][0]["target"]),
                           str(ctx["rep_months"][0]["working_days"])]
        assert header == "华东事业部 · 销售经理明年工作计划"
        assert footer == f"王经理 – {rep_id}"
        assert not any("{" in p for p in paras)


def it_keeps_the_first_runs_formatting_in_word(reps) -> None:
    d = docx.Document(io.BytesIO(render_user_docx(quota_docx(), reps[0][1], "quota.docx")))
    dear = next(p for p in d.paragraphs if p.text.startswith("Dear"))
    assert dear.runs[0].text.startswith("Dear 张伟")


def it_shows_the_rep_numbers_exactly(reps) -> None:
    """The month rows add up to the rep's target as printed."""
    _, ctx = reps[0]
    assert sum(int(m["target"]) for m in ctx["rep_months"]) == int(ctx["rep"]["targets"]["period"])


def _pptx(data: bytes):
    return Presentation(io.BytesIO(data))


def it_renders_a_deck_once_per_rep_with_a_table_row_per_month(reps) -> None:
    for rep_id, ctx in reps:
        prs = _pptx(render_user_pptx(quota_pptx(), ctx, "quota.pptx"))
        slide = prs.slides[0]
        assert slide.shapes.title.text == f"Quota · {ctx['rep']['name']}"
        table = next(s for s in slide.shapes if s.has_table)
        rows = [[c.text for c in r.cells] for r in table.table.rows]
        assert rows[0] == ["月份", "目标", "工作日天数"]
        assert [r[0] for r in rows[1:]] == [m["label"] for m in ctx["rep_months"]]
        assert [r[1] for r in rows[1:]] == [str(m["target"]) for m in ctx["rep_months"]]
        assert table.height == sum(r.height for r in table.table.rows)
        group = next(s for s in slide.shapes if s.shape_type == 6)
        assert group.shapes[0].text_frame.text == rep_id
        assert slide.notes_slide.notes_text_frame.text == ctx["rep"]["commitment"]
        body = [p.text for p in prs.slides[1].placeholders[1].text_frame.paragraphs]
        assert body == ([f"{c['name']} ({c['tier']}): {c['visits']}" for c in ctx["rep_customers"]] or [""])


def it_keeps_the_first_runs_formatting_in_powerpoint(reps) -> None:
    slide = _pptx(render_user_pptx(quota_pptx(), reps[0][1], "quota.pptx")).slides[0]
    title = slide.shapes.title.text_frame.paragraphs[0]
    assert len(title.runs) == 1 and title.runs[0].font.bold
    box = next(s for s in slide.shapes if s.has_text_frame and "2027" in s.text_frame.text)
    run = box.text_frame.paragraphs[0].runs[0]
    assert run.font.size.pt == 24 and str(run.font.color.rgb) == "C00000"


def it_escapes_values_and_keeps_line_breaks(zh) -> None:
    ctx = {**user_context(*zh), "odd": "a < b & c\nsecond line"}
    prs = _pptx(render_user_pptx(pptx_with("{{ odd }}"), ctx, "x.pptx"))
    assert prs.slides[0].shapes.title.text_frame.text == "a < b & c\vsecond line"
    d = docx.Document(io.BytesIO(render_user_docx(docx_with("{{ odd }}"), ctx, "x.docx")))
    assert "a < b & c" in d.paragraphs[0].text


def it_renders_through_render_file_once_per_rep(samples_dir, tmp_path) -> None:
    (tmp_path / "quota.docx").write_bytes(quota_docx())
    out = render_file(tmp_path / "quota.docx", samples_dir / "zh-annual-plan.yaml", per_rep=True)
    assert [n for n, _ in out] == ["quota-r01.docx", "quota-r02.docx", "quota-r03.docx", "quota-r04.docx",
                                    "quota-r05.docx"]
    (tmp_path / "deck.pptx").write_bytes(quota_pptx())
    with pytest.raises(TemplateProblem, match="rep"):
        render_file(tmp_path / "deck.pptx", samples_dir / "zh-annual-plan.yaml", per_rep=False)


@pytest.mark.parametrize("render,make,name,where", [
    (render_user_docx, docx_with, "letter.docx", "word/document.xml"),
    (render_user_pptx, pptx_with, "deck.pptx", "slide 2"),
])
def it_names_the_file_place_and_nearest_names_of_an_unknown_value(zh, render, make, name, where) -> None:
    ctx = user_context(*zh, "r01")
    with pytest.raises(TemplateProblem) as e:
        render(make("fine", "Dear {{ rep.nmae }}"), ctx, name)
    text = str(e.value)
    assert text.startswith(f"{name}: {where}, paragraph “Dear {{{{ rep.nmae }}}}”")
    assert "'nmae'" in text and "did you mean 'name'" in text


@pytest.mark.parametrize("render,make,name", [
    (render_user_docx, docx_with, "letter.docx"), (render_user_pptx, pptx_with, "deck.pptx")])
@pytest.mark.parametrize("tag,words", [
    ("{{ ''.__class__.__mro__ }}", "refused: access to attribute '__class__'"),
    ("{{ rep.__init__.__globals__ }}", "refused"),
    ("{% include '/etc/passwd' %}", "refused: a template in a document cannot read files"),
    ("{% import 'text/zh-CN/document.j2' as t %}", "cannot read files"),
    ("{{ cycler.__init__.__globals__.os }}", "refused"),
])
def it_refuses_hostile_templates_with_a_clear_error(zh, render, make, name, tag, words) -> None:
    with pytest.raises(TemplateProblem) as e:
        render(make(tag), user_context(*zh, "r01"), name)
    assert words in str(e.value) and str(e.value).startswith(name)
    assert "Traceback" not in str(e.value)


@pytest.mark.parametrize("render,make,name", [
    (render_user_docx, docx_with, "letter.docx"), (render_user_pptx, pptx_with, "deck.pptx")])
def it_reports_a_syntax_error_with_its_paragraph(zh, render, make, name) -> None:
    with pytest.raises(TemplateProblem, match=r"paragraph “Hi \{\{ rep.name \}”: syntax error"):
        render(make("ok", "Hi {{ rep.name }"), user_context(*zh, "r01"), name)


# -- checks of the files themselves ------------------------------------------------------------

def _bomb() -> bytes:
    """A .docx-shaped zip with one part that expands to 200 MB."""
    base = docx_with("x")
    return replace_entry(base, "word/media/big.bin", b"\0" * (200 * 1024 * 1024))


@pytest.mark.parametrize("make,kind,words", [
    (lambda: b"%PDF-1.7 not a zip", "docx", "not a zip package"),
    (lambda: zip_of({"hello.txt": b"hi"}), "docx", "[Content_Types].xml is missing"),
    (lambda: pptx_with("x"), "docx", "it looks like a PowerPoint deck"),
    (lambda: docx_with("x"), "pptx", "it looks like a Word document"),
    (lambda: replace_entry(docx_with("x"), "word/document.xml", None), "docx", "word/document.xml is missing"),
    (lambda: replace_entry(docx_with("x"), "_rels/.rels", None), "docx", "_rels/.rels is missing"),
    (lambda: zip_of({f"p{i}.xml": b"<a/>" for i in range(2500)}), "docx", "2500 parts"),
    (_bomb, "docx", "zip bomb"),
    (lambda: replace_entry(docx_with("x"), "word/document.xml",
                           b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><d>&a;</d>'), "docx", "DTD"),
    (lambda: docx_with("x")[:-200], "docx", "not a zip package"),
])
def it_refuses_bad_office_files_clearly(make, kind, words) -> None:
    with pytest.raises(OfficeFileProblem) as e:
        check_office(make(), kind, f"t.{kind}")
    assert words in str(e.value) and str(e.value).startswith(f"t.{kind}: ")
    assert e.value.exit_code == 2


def it_accepts_real_office_files() -> None:
    check_office(quota_docx(), "docx", "q.docx")
    check_office(quota_pptx(), "pptx", "q.pptx")


def it_refuses_a_file_that_is_not_docx_or_pptx(tmp_path, samples_dir) -> None:
    (tmp_path / "letter.doc").write_bytes(b"old")
    with pytest.raises(OfficeFileProblem, match="expected a .docx or .pptx"):
        render_file(tmp_path / "letter.doc", samples_dir / "zh-annual-plan.yaml")
