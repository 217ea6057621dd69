"""Native, editable PowerPoint charts (embedded workbook) from a ChartSpec."""

from __future__ import annotations

from lxml import etree
from pptx.shapes.graphfrm import GraphicFrame
from pptx.slide import Slide
from pptx.util import Length

from plangen.present.charts import ChartSpec, chart_data, chart_type, prepare, style_chart

SLIDE_FONT_PT = 12  # never below 12 pt on a slide


def add_chart(slide: Slide, spec: ChartSpec, x: Length | int, y: Length | int,
              cx: Length | int, cy: Length | int, font_pt: float = SLIDE_FONT_PT) -> GraphicFrame:
    """Add `spec` to `slide` as a native chart at (x, y) sized (cx, cy), styled for the theme."""
    spec = prepare(spec)
    frame = slide.shapes.add_chart(chart_type(spec), x, y, cx, cy, chart_data(spec))
    frame.name = f"Chart {frame.shape_id}: {spec.title}" if spec.title else f"Chart {frame.shape_id}"
    root = frame.chart_part._element
    style_chart(root, spec, font_pt)
    etree.cleanup_namespaces(root)
    return frame
