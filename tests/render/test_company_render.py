"""`plangen render` with a company's Word file (issue 14): docxtpl habits refused, no text lost silently."""
from __future__ import annotations

import io

import docx
import pytest
from click.testing import CliRunner

from fixtures.office import docx_with
from plangen.cli import cli
from plangen.decompose import decompose
from plangen.model import load
from plangen.present.ctx.user import user_context
from plangen.render.jinja import TemplateProblem
from plangen.render.user.docx import render_user_docx


@pytest.fixture(scope="module")
def ctx(samples_dir):
    plan = load(samples_dir / "zh-annual-plan.yaml")
    return user_context(plan, decompose(plan))


@pytest.mark.parametrize("text,message", [
    ("Dear {{r plan.owner}}", "letter.docx: word/document.xml, paragraph “Dear {{r plan.owner}}”: {{r ...}} is "
     "docxtpl's tag for RichText objects, which plangen's values are not; write {{ name }}"),
    ("{{p plan.title}}", "letter.docx: word/document.xml, paragraph “{{p plan.title}}”: {{p ...}} is docxtpl's "
     "tag for paragraph objects, which plangen's values are not; write {{ name }}"),
    ("{{ InlineImage(tpl, 'logo.png') }}", "letter.docx: word/document.xml, paragraph “{{ InlineImage(tpl, "
     "'logo.png') }}”: InlineImage needs pictures, which plangen does not supply; put the picture in the "
     "document itself"),
])
def it_refuses_docxtpl_tags_plangen_cannot_fill_naming_the_paragraph(ctx, text, message) -> None:
    with pytest.raises(TemplateProblem) as e:
        render_user_docx(docx_with("fine", text), ctx, "letter.docx")
    assert str(e.value) == message


def it_keeps_loop_variables_called_p_or_r(ctx) -> None:
    """`{{ p }}` is a variable, not docxtpl's {{p tag."""
    out = render_user_docx(docx_with("{% for p in ['x', 'y'] %}{{ p }}{% endfor %}"), ctx, "letter.docx")
    assert docx.Document(io.BytesIO(out)).paragraphs[0].text == "xy"


def it_refuses_a_safe_value_that_is_not_xml_instead_of_cutting_the_text(ctx) -> None:
    """docxtpl re-parses with recover=True: `A <Ltd>` printed with |safe dropped everything after it."""
    data = docx_with("{{ name|safe }}", "the text after it")
    with pytest.raises(TemplateProblem, match="not valid XML.*no value is printed with \\|safe"):
        render_user_docx(data, {**ctx, "name": "A <Ltd>"}, "letter.docx")


def _block_into_cell(condition: str) -> bytes:
    """`{%p if %}` in the body, its `{%p endif %}` inside a table cell, text after the table."""
    doc = docx.Document()
    doc.add_paragraph(f"{{%p if {condition} %}}")
    doc.add_paragraph("inside")
    doc.add_table(rows=1, cols=1).cell(0, 0).text = "{%p endif %}"
    doc.add_paragraph("after the table")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def it_refuses_a_false_block_that_closes_inside_a_table_cell(ctx) -> None:
    """Dropping from the body into a cell leaves a cell open: refused, not cut off after the table."""
    with pytest.raises(TemplateProblem, match="not valid XML"):
        render_user_docx(_block_into_cell("plan.title == ''"), ctx, "letter.docx")


def it_gives_a_cell_emptied_by_a_true_block_its_paragraph(ctx) -> None:
    out = docx.Document(io.BytesIO(render_user_docx(_block_into_cell("true"), ctx, "letter.docx")))
    assert [p.text for p in out.paragraphs] == ["inside", "after the table"]
    assert len(out.tables[0].cell(0, 0).paragraphs) == 1


def it_exits_2_on_r_tags_with_the_paragraph_and_writes_nothing(tmp_path, samples_dir) -> None:
    (tmp_path / "letter.docx").write_bytes(docx_with("Dear {{r plan.owner}}"))
    done = CliRunner().invoke(cli, ["render", str(tmp_path / "letter.docx"), str(samples_dir / "zh-annual-plan.yaml"),
                                    "-o", str(tmp_path / "out")])
    assert done.exit_code == 2
    assert "paragraph “Dear {{r plan.owner}}”: {{r ...}} is docxtpl's tag" in done.output
    assert not (tmp_path / "out").exists()
