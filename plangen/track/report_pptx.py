"""The progress report as a short deck on the base .pptx: cover, big number, charts, tables, next steps."""
from __future__ import annotations

from dataclasses import replace
from io import BytesIO
from typing import Any

from pptx import Presentation
from pptx.util import Inches

from ..render.charts import ChartSpec
from ..render.pptx_contrast import Palette
from ..render.pptx_deck import Layouts, add_slide, drop_slides, ea_fonts, geometry
from ..render.pptx_outline import chunk_paras
from ..render.pptx_slides import Geometry, SlideSpec
from ..render.pptx_tables import pieces
from ..render.pptx_text import Para
from ..render.template_set import TemplateSet


def render_report_pptx(ctx: dict[str, Any], templates: TemplateSet | None = None) -> bytes:
    """The progress deck (.pptx bytes) for a report context."""
    prs = Presentation(BytesIO((templates or TemplateSet()).bytes("base.pptx")))
    layouts = Layouts(prs)
    drop_slides(prs)
    geo, fonts, palette = geometry(prs, layouts), ea_fonts(prs, layouts.master), Palette(layouts.master)
    for spec in slides(ctx, geo):
        add_slide(prs, layouts.get(spec.layout), geo, spec, ctx["locale"], fonts, palette)
    out = BytesIO()
    prs.save(out)
    return out.getvalue()


def slides(ctx: dict[str, Any], geo: Geometry) -> list[SlideSpec]:
    """Cover, where we stand, the trend, the quarters, the reps, each dimension, what is needed."""
    L, tables, charts = ctx["L"], ctx["tables"], ctx["charts"]
    heads = ctx["headlines"]
    notes = "\n".join(ctx["method"])
    out = [SlideSpec("title", "Title Slide", ctx["title"], "", {"subtitle": f"{ctx['plan_title']}\n{ctx['as_of']}"}),
           big_number(ctx)]
    for key in ("track_cumulative", "track_months"):
        if key in charts:
            title = heads[1] if key == "track_cumulative" and len(heads) > 1 else charts[key].title
            out.append(chart_slide(title, charts[key], notes))
    out += table_slides(tables["track_quarters"].title, tables["track_quarters"], geo, notes, L["continued"])
    if "track_reps" in tables:
        out += table_slides(ctx["behind"], tables["track_reps"], geo, notes, L["continued"])
    if "track_reps" in charts:
        out.append(chart_slide(charts["track_reps"].title, charts["track_reps"], ctx["behind"]))
    for key in ("track_region", "track_product_line", "track_customer_type"):
        if key in tables:
            out += table_slides(tables[key].title, tables[key], geo, "", L["continued"])
    out += bullet_slides(L["needed_per_month"] if len(heads) > 2 else L["track_summary"],
                         [*heads[1:], ctx["behind"]], geo, notes)
    return out


def chart_slide(title: str, chart: ChartSpec, notes: str) -> SlideSpec:
    """A chart slide; the chart drops its own title when the slide title already says it."""
    return SlideSpec("chart", "Title Only", title, notes, {"chart": replace(chart, title="") if chart.title == title
                                                           else chart})


def big_number(ctx: dict[str, Any]) -> SlideSpec:
    """Actual to date as the big number, attainment against time, four supporting facts."""
    facts = dict(ctx["facts"])
    L = ctx["L"]
    cards = [(k, facts[k]) for k in (L["target"], L["time_elapsed"], L["run_rate"], L["needed_per_month"])
             if k in facts]
    data = {"value": facts[L["actual_to_date"]],
            "caption": f"{L['attainment_period']} {facts[L['attainment_period']]}",
            "context": ctx["headlines"][1] if len(ctx["headlines"]) > 1 else "", "facts": cards}
    return SlideSpec("big_number", "Title Only", ctx["headlines"][0], "\n".join(ctx["headlines"]), data)


def table_slides(title: str, table, geo: Geometry, notes: str, cont: str) -> list[SlideSpec]:
    """A table cut into the pieces that fit a slide; later pieces say they continue."""
    x, y, cx, cy = geo.content
    parts = pieces(table, cx, cy - Inches(0.45))
    return [SlideSpec("table", "Title Only", title if i == 0 else f"{title} {cont}", notes, {"table": p})
            for i, p in enumerate(parts)]


def bullet_slides(title: str, lines: list[str], geo: Geometry, notes: str) -> list[SlideSpec]:
    """Lines as bullets, six at most per slide, at a size that fits."""
    box = geo.content
    return [SlideSpec("bullets", "Title and Content", title, notes, {"paras": chunk, "size": size})
            for chunk, size in chunk_paras([Para(t) for t in lines], box[2], box[3])]
