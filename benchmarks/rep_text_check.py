"""Every paragraph's and table cell's text of every rep plan, to prove a faster writer changed no word.

`dump OUT.json` renders the rep plans of every sample (samples/*-plan.yaml) and of the 1,000-rep
benchmark plan and writes, per document, the text of each body paragraph in order (table cells
included, one entry per cell paragraph), of the running header and of the footer.
`compare BEFORE.json AFTER.json` prints the first differences and exits 1 when there are any.
Run: .venv/bin/python benchmarks/rep_text_check.py dump /tmp/before.json
"""
from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))
from decompose_bench import build_plan  # noqa: E402 - the 1,000-rep benchmark plan

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ROOT = Path(__file__).resolve().parent.parent


def docx_text(data: bytes) -> list[str]:
    """The text of each paragraph of the body, headers and footers, in order ("part: text")."""
    out = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = sorted(n for n in z.namelist() if n.startswith("word/") and n.endswith(".xml")
                       and n.split("/")[-1].startswith(("document", "header", "footer")))
        for name in names:
            root = etree.fromstring(z.read(name))
            out += [f"{name}: {_para(p)}" for p in root.iter(f"{W}p")]
    return out


def _para(p: etree._Element) -> str:
    """A paragraph's text: w:t text, tabs as \\t, breaks as \\n."""
    parts = []
    for node in p.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}instrText"):
        parts.append({f"{W}tab": "\t", f"{W}br": "\n"}.get(node.tag, node.text or ""))
    return "".join(parts)


def plans() -> list[tuple[str, object]]:
    """(name, plan) for every sample and the 1,000-rep benchmark plan."""
    from plangen.model import load
    out = [(p.name, load(str(p))) for p in sorted((ROOT / "samples").glob("*-plan.yaml"))]
    return out + [("bench-1000", build_plan(1000, 3000))]


def dump(path: str) -> None:
    """Write every rep plan's text as JSON: {plan: {rep id: [paragraphs]}}."""
    from plangen.decompose import decompose
    from plangen.present.context import Ctx, build_context
    from plangen.present.ctx.rep import rep_context
    from plangen.render.docx.rep import render_rep_docx
    from plangen.render.template_set import TemplateSet
    ts, out = TemplateSet(), {}
    for name, plan in plans():
        d = decompose(plan)
        ctx, c = build_context(plan, d), Ctx(plan, d)
        out[name] = {r.id: docx_text(render_rep_docx(ctx, rep_context(c, r), ts)) for r in d.reps}
    Path(path).write_text(json.dumps(out, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"{sum(len(v) for v in out.values())} rep plans of {len(out)} plans -> {path}")


def compare(before: str, after: str) -> int:
    """Print differences between two dumps; 0 when every document's text is the same."""
    a, b = (json.loads(Path(p).read_text(encoding="utf-8")) for p in (before, after))
    diffs = [(plan, rep) for plan in a.keys() | b.keys() for rep in a.get(plan, {}).keys() | b.get(plan, {}).keys()
             if a.get(plan, {}).get(rep) != b.get(plan, {}).get(rep)]
    for plan, rep in diffs[:5]:
        print(f"differs: {plan} rep {rep}")
    docs = sum(len(v) for v in a.values())
    print(f"{docs} rep plans compared, {len(diffs)} differ")
    return 1 if diffs else 0


if __name__ == "__main__":
    if sys.argv[1] == "dump":
        dump(sys.argv[2])
    else:
        sys.exit(compare(sys.argv[2], sys.argv[3]))
