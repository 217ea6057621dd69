"""One rep's plan as a Word document: base .docx + outlines/rep.yaml + text/<locale>/rep.j2."""
from __future__ import annotations

from typing import Any

from .docx_base import fresh_document
from .docx_blocks import save
from .docx_outline import OutlineWriter
from .docx_plan import prepare
from .template_set import TemplateSet


def render_rep_docx(ctx: dict[str, Any], rep: dict[str, Any], templates: TemplateSet) -> bytes:
    """A rep's plan (.docx bytes): the plan context plus the rep's own values (ctx_rep.rep_context)."""
    doc = fresh_document(templates.bytes("base.docx"))
    prepare(doc, ctx["plan"], rep["name"])
    scope = {**ctx, "rep": rep, "charts": {**ctx["charts"], **rep["charts"]}}
    writer = OutlineWriter(doc, scope, templates, "rep", {**ctx["tables"], **rep["tables"]})
    writer.run()
    return save(doc)
