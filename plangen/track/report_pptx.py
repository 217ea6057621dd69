"""The progress report as a short deck on the base .pptx: cover, big number, charts, tables, next steps."""
from __future__ import annotations

from dataclasses import replace
from io import BytesIO
from typing import Any

from pptx import Presentation
from pptx.util import Inches

from plangen.present.charts import ChartSpec
from plangen.render.pptx.contrast import Palette
from plangen.render.pptx.deck import Layouts, add_slide, drop_slides, ea_fonts, geometry
from plangen.render.pptx.number import add_slide_number
from plangen.render.pptx.outline import chunk_paras
from plangen.render.pptx.slides import Geometry, SlideSpec
from plangen.render.pptx.tables import pieces
from plangen.render.pptx.text import Para
from ..render.template_set import TemplateSet


def render_report_pptx(ctx: dict[str, Any], templates: TemplateSet | None = None) -> bytes:
    """The progress deck (.pptx bytes) for a report context; every slide after the cover numbered."""
    prs = Presentation(BytesIO((templates or TemplateSet()).bytes("base.pptx")))
    layouts = Layouts(prs)
    drop_slides(prs)
    geo, fonts, palette = geometry(prs, layouts), ea_fonts(prs, ctx["locale"], layouts.master), Palette(layouts.master)
    for spec in slides(ctx, geo):
        slide = add_slide(prs, layouts.get(spec.layout), geo, spec, ctx["locale"], fonts, palette)
        if spec.kind != "title":
            add_slide_number(slide, len(prs.slides), geo, ctx["locale"])
    out = BytesIO()
    prs.save(out)
    return out.getvalue()


def slides(ctx: dict[str, Any], geo: Geometry) -> list[SlideSpec]:
    """Cover, where we stand, the forecast, the months, the quarters, the reps, gap and actions, units, the need.

    Each slide's notes say what that slide needs (its headline, the definition it uses), never the same twice.
    """
    L, tables, charts, heads, method = ctx["L"], ctx["tables"], ctx["charts"], ctx["headlines"], ctx["method"]
    out = [SlideSpec("title", "Title Slide", ctx["title"], "", {"subtitle": f"{ctx['plan_title']}\n{ctx['as_of']}"}),
           big_number(ctx)]
    if "track_cumulative" in charts:
        out.append(chart_slide(charts["track_cumulative"].title, charts["track_cumulative"],
                               "\n".join([*heads[1:3], method["forecast"], method["trend"], method["run_rate"]])))
    if "track_months" in charts:
        out.append(chart_slide(charts["track_months"].title, charts["track_months"], ""))
    out += table_slides(tables["track_quarters"].title, tables["track_quarters"], geo, "", L["continued"])
    if "track_weeks" in tables:
        out += table_slides(tables["track_weeks"].title, tables["track_weeks"], geo, "", L["continued"])
    if "track_reps" in tables:
        out += table_slides(tables["track_reps"].title, tables["track_reps"], geo,
                            "\n".join([ctx["behind"], method["behind"]]), L["continued"])
    if "track_reps" in charts:
        out.append(chart_slide(charts["track_reps"].title, charts["track_reps"], ctx["behind"]))
    if ctx["actions"]:
        out += bullet_slides(L["track_gap_actions"], ctx["actions"], geo, method.get("activities", ""))
    if "track_gap" in tables:
        out += table_slides(tables["track_gap"].title, tables["track_gap"], geo, method["needed"], L["continued"])
    for key in ("track_region", "track_product_line", "track_customer_type"):
        if key in tables:
            out += table_slides(tables[key].title, tables[key], geo, "", L["continued"])
    if "track_remaining" in tables:
        out += table_slides(tables["track_remaining"].title, tables["track_remaining"], geo, heads[-1],
                            L["continued"])
    return out


def chart_slide(title: str, chart: ChartSpec, notes: str) -> SlideSpec:
    """A chart slide; the chart drops its own title when the slide title already says it."""
    return SlideSpec("chart", "Title Only", title, notes, {"chart": replace(chart, title="") if chart.title == title
                                                           else chart})


def big_number(ctx: dict[str, Any]) -> SlideSpec:
    """Actual to date as the big number, attainment vs plan to date, four supporting facts; a short title."""
    facts, L = ctx["facts"], ctx["L"]
    by_label = dict(facts)
    cards = [(k, by_label[k]) for k in (L["target"], L["time_elapsed"], L["forecast_plan_weighted"]) if k in by_label]
    cards += [ctx["next_need"]] if ctx["next_need"] else []
    data = {"value": by_label[L["actual_to_date"]],
            "caption": f"{L['attainment_to_date']} {by_label[L['attainment_to_date']]}",
            "context": ctx["headlines"][1] if len(ctx["headlines"]) > 1 else "", "facts": cards}
    return SlideSpec("big_number", "Title Only", L["track_summary"],
                     "\n".join([ctx["headlines"][0], ctx["behind"], ctx["method"]["elapsed"]]), data)


def table_slides(title: str, table, geo: Geometry, notes: str, cont: str) -> list[SlideSpec]:
    """A table cut into the pieces that fit a slide; later pieces say they continue (the notes stay on the first)."""
    x, y, cx, cy = geo.content
    parts = pieces(table, cx, cy - Inches(0.45))
    return [SlideSpec("table", "Title Only", title if i == 0 else f"{title} {cont}", notes if i == 0 else "",
                      {"table": p})
            for i, p in enumerate(parts)]


def bullet_slides(title: str, lines: list[str], geo: Geometry, notes: str) -> list[SlideSpec]:
    """Lines as bullets, six at most per slide, at a size that fits."""
    box = geo.content
    return [SlideSpec("bullets", "Title and Content", title, notes, {"paras": chunk, "size": size})
            for chunk, size in chunk_paras([Para(t) for t in lines], box[2], box[3])]
