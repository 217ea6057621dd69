"""render.docx_base: documents made from one base share nothing."""
from docx import Document

from plangen.render.docx_base import fresh_document
from plangen.render.docx_blocks import save
from plangen.render.template_set import TemplateSet


def _texts(data: bytes) -> list[str]:
    from io import BytesIO
    return [p.text for p in Document(BytesIO(data)).paragraphs]


def it_keeps_a_first_document_intact_after_a_second_is_made_from_the_same_base():
    """Make document 1 and add FIRST, make document 2 and add SECOND, save 1: it holds FIRST only."""
    base = TemplateSet().bytes("base.docx")
    first = fresh_document(base)
    first.add_paragraph("FIRST")
    second = fresh_document(base)
    second.add_paragraph("SECOND")
    texts = _texts(save(first))
    assert "FIRST" in texts and "SECOND" not in texts
    assert "SECOND" in _texts(save(second)) and "FIRST" not in _texts(save(second))


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
