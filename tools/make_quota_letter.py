"""Generate samples/quota-letter.docx: the quota letter the README renders with `plangen render`.

A Word file on plangen's base.docx with Jinja tags (docs/templates.md, level 3), in Chinese for the Chinese
sample. Run: python tools/make_quota_letter.py [OUT.docx]
"""
from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

ROOT = Path(__file__).resolve().parent.parent
ROWS = ("{%tr for q in rep_quarters %}", "{{ q.label }}", "{{ q.target }}", "{{ q.share }}", "{%tr endfor %}")


def letter() -> docx.Document:
    """The letter: greeting, the rep's target, a row per quarter, the commitment, signatures."""
    d = docx.Document(str(ROOT / "templates" / "base.docx"))  # plangen's look, East Asian fonts, no stylesWithEffects
    d.styles["Normal"].font.size = Pt(11)
    d.sections[0].header.paragraphs[0].text = "{{ plan.organization }} · {{ plan.title }}"
    d.sections[0].footer.paragraphs[0].text = "{{ plan.owner }} · {{ plan.issued }}"  # base's is "Page x of y" in English
    d.add_paragraph("{{ plan.period }}{% if plan.is_year %}年{% endif %}销售目标确认函", style="Title")
    d.add_paragraph("{{ rep.name }}（{{ rep.region }}）：")
    p = d.add_paragraph("您在{{ plan.period }}{% if plan.is_year %}年{% endif %}的销售目标为 ")
    p.add_run("{{ rep.targets.period }}元").bold = True
    p.add_run("，占团队目标的 {{ rep.targets.share }}，按季度分解如下：")
    _quarter_table(d)
    d.add_paragraph("{{ rep.commitment }}").paragraph_format.space_before = Pt(12)
    d.add_paragraph("销售代表签字：__________    销售经理（{{ plan.owner }}）签字：__________")
    d.add_paragraph("日期：{{ plan.issued }}")
    return d


def _quarter_table(d: docx.Document) -> None:
    """Header row, the loop's opening row, the repeated row, the closing row."""
    table = d.add_table(rows=4, cols=3)
    table.style = "Plan Table"
    for cell, text in zip(table.rows[0].cells, ("季度", "目标（{{ plan.unit }}）", "占比")):
        cell.text = text
    table.rows[1].cells[0].text = ROWS[0]
    for cell, text in zip(table.rows[2].cells, ROWS[1:4]):
        cell.text = text
    for row in (table.rows[0], table.rows[2]):
        for cell in row.cells[1:]:
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    table.rows[3].cells[0].text = ROWS[4]


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "samples" / "quota-letter.docx"
    letter().save(out)
    print(f"wrote {out}")
