"""`plangen build` as a library: the annual plan (.docx, and the deck .pptx when available) and the rep plans."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from .decompose import Decomposition
from .model import Plan
from .batch import safe_name
from .bulk import loading_modules
from .writer import WriteRefused, write_atomic


def template_dir(plan: Plan, plan_file: str | None, option: str | None) -> Path | None:
    """The company template folder: --templates, else plan.templates (relative to the plan file)."""
    if option:
        return Path(option)
    if plan.plan.templates:
        base = Path(plan_file).parent if plan_file else Path(".")
        return base / plan.plan.templates
    return None


def output_stem(plan: Plan, plan_file: str | None) -> str:
    """The annual plan's file name stem: the plan title, else the plan file's stem."""
    fallback = Path(plan_file).stem if plan_file else "plan"
    return safe_name(plan.plan.title or fallback, safe_name(fallback))


def plan_document_paths(plan: Plan, plan_file: str | None, out_dir: str | Path) -> list[Path]:
    """Where the annual plan goes: OUT/<stem>.docx, and OUT/<stem>.pptx when the deck renderer exists."""
    stem = Path(out_dir) / output_stem(plan, plan_file)
    suffixes = (".docx", ".pptx") if _deck_renderer() else (".docx",)
    return [stem.with_name(stem.name + s) for s in suffixes]


def plan_documents(plan: Plan, d: Decomposition, plan_file: str | None, out_dir: str | Path,
                   templates: Path | None, force: bool = False, issued: dt.date | None = None) -> list[Path]:
    """Write the annual plan .docx (and .pptx when the deck renderer exists); refuse to overwrite.

    The cover's date is plan.date, else `issued` (the CLI passes today), else none.
    """
    with loading_modules():
        from plangen.present.context import build_context
        from plangen.render.docx.plan import render_plan_docx
        from .render.template_set import TemplateSet
        deck = _deck_renderer()
    ts = TemplateSet(templates)
    renderers = [render_plan_docx] + ([deck] if deck else [])
    outputs = list(zip(plan_document_paths(plan, plan_file, out_dir), renderers))
    existing = [p for p, _ in outputs if p.exists()]
    if existing and not force:
        raise WriteRefused(f"{existing[0]}: already exists (use --force to replace it)")
    ctx = build_context(plan, d, issued, ts.labels(plan.plan.locale))
    rendered = [(path, render(ctx, ts)) for path, render in outputs]  # all documents first: no lone .docx
    return [write_atomic(path, data, overwrite=force) for path, data in rendered]


def _deck_renderer():
    """plangen.render.pptx.deck.render_deck if installed, else None."""
    try:
        from plangen.render.pptx.deck import render_deck
    except ImportError:
        return None
    return render_deck
