"""One rep's plan as a Word document: base .docx + outlines/rep.yaml + text/<locale>/rep.j2."""
from __future__ import annotations

from functools import partial
from typing import Any

from plangen.render.docx.base import Slots, prepared_base
from plangen.render.docx.outline import OutlineWriter
from plangen.render.docx.plan import prepare_locale, set_properties
from plangen.render.template_set import TemplateSet


def render_rep_docx(ctx: dict[str, Any], rep: dict[str, Any], templates: TemplateSet) -> bytes:
    """A rep's plan (.docx bytes): the plan context plus the rep's own values (ctx_rep.rep_context).

    The base is opened and prepared for the locale once per process (render.docx.base)."""
    locale = ctx["plan"]["locale"]
    base = prepared_base(templates.bytes("base.docx"), locale, partial(prepare_locale, locale=locale))
    scope = {**ctx, "rep": rep, "charts": {**ctx["charts"], **rep["charts"]}}
    with base.lock:   # the prepared base is one live document: threads take turns
        doc = base.fresh()
        set_properties(doc, ctx["plan"], rep["name"])
        slots = Slots()
        OutlineWriter(doc, scope, templates, "rep", {**ctx["tables"], **rep["tables"]}, slots=slots).run()
        return base.save(slots)
