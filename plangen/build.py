"""`plangen build` as a library: the annual plan (.docx, and the deck .pptx when available) and the rep plans."""
from __future__ import annotations

from pathlib import Path

from .decompose import Decomposition
from .model import Plan
from .batch import safe_name
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


def plan_documents(plan: Plan, d: Decomposition, plan_file: str | None, out_dir: str | Path,
                   templates: Path | None, force: bool = False) -> list[Path]:
    """Write the annual plan .docx (and .pptx when the deck renderer exists); refuse to overwrite."""
    from .render.context import build_context
    from .render.docx_plan import render_plan_docx
    from .render.template_set import TemplateSet
    ts = TemplateSet(templates)
    stem = Path(out_dir) / output_stem(plan, plan_file)
    outputs = [(stem.parent / f"{stem.name}.docx", render_plan_docx)]
    deck = _deck_renderer()
    if deck:
        outputs.append((stem.parent / f"{stem.name}.pptx", deck))
    existing = [p for p, _ in outputs if p.exists()]
    if existing and not force:
        raise WriteRefused(f"{existing[0]}: already exists (use --force to replace it)")
    ctx = build_context(plan, d)
    rendered = [(path, render(ctx, ts)) for path, render in outputs]  # all documents first: no lone .docx
    return [write_atomic(path, data, overwrite=force) for path, data in rendered]


def _deck_renderer():
    """plangen.render.pptx_deck.render_deck if installed, else None."""
    try:
        from .render.pptx_deck import render_deck
    except ImportError:
        return None
    return render_deck
