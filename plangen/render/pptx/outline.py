"""The deck outline (templates/outlines/deck.yaml) resolved against the render context: which slides,
in which order, with which titles, notes and data; long tables and lists cut into continuation slides."""
from __future__ import annotations

import fnmatch
import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from pptx.util import Inches

from plangen.present.charts import prepare
from plangen.present.context import SECTION_KEYS
from plangen.render.jinja import TemplateProblem, environment, explain, macros
from plangen.render.pptx.combo import Group, Leaf, place, resolve
from plangen.render.pptx.slides import Geometry, SlideSpec
from plangen.render.pptx.tables import pieces
from plangen.render.pptx.text import Para, height_pt, parse_lines
from plangen.render.template_set import TemplateSet

KINDS = ("title", "agenda", "section", "big_number", "chart", "table", "bullets", "two_content",
         "combo", "risk_matrix", "closing")
DEFAULT_LAYOUT = {"title": "Title Slide", "closing": "Title Slide", "section": "Section Header",
                  "agenda": "Title Only", "big_number": "Title Only", "chart": "Title Only",
                  "table": "Title Only", "bullets": "Title and Content", "two_content": "Two Content", "combo": "Title Only",
                  "risk_matrix": "Title Only"}
MAX_BULLETS = 6
BULLET_SIZES = (20, 18, 16)
COMBO_SIZES = (18, 16, 14, 12)  # bullets beside a table or chart, as small as its tables
COMBO_BULLETS = 9
MAX_BARS = 15  # a bar chart with more categories continues on the next slide
LEVELS = ("low", "medium", "high")


_RUN_ON = re.compile(r"(?<=[a-záéíóúñü%)\]][.!?])(?=[A-ZÁÉÍÓÚÑ¿¡])")


def sentences_apart(text: str) -> str:
    """A space between two sentences of notes that Jinja's trim_blocks ran together ("director.Then")."""
    return _RUN_ON.sub(" ", text)


class Outline:
    """Turns the outline's entries into SlideSpecs for one context."""

    def __init__(self, ctx: Mapping[str, Any], templates: TemplateSet, geo: Geometry):
        self.ctx, self.L, self.geo = ctx, ctx["L"], geo
        self.path = templates.text(ctx["plan"]["locale"], "deck")
        self.module = macros(self.path, ctx, templates.jinja_dir)
        self.env = environment(templates.jinja_dir)
        self.file = str(templates.path("outlines/deck.yaml"))
        self.entries = templates.outline("deck")
        self.agenda: list[dict[str, str]] = []

    def slides(self) -> list[SlideSpec]:
        """Every slide of the deck in order; sections without slides are left out (and off the agenda)."""
        sections = {s["key"]: s for s in self.ctx["sections"]}
        out: list[SlideSpec] = []
        for n, entry in enumerate(self.entries, start=1):
            if not isinstance(entry, dict):
                raise TemplateProblem(f"slide {n}: expected a mapping, found {entry!r}", self.file)
            if "section" in entry:
                out += self.section(entry, sections, n)
            else:
                out += self.entry(entry, n)
        return [self.agenda_notes(spec) if spec.kind == "agenda" else spec for spec in out]

    def agenda_notes(self, spec: SlideSpec) -> SlideSpec:
        """The agenda's notes, written once the sections that made it into the deck are known."""
        name = next((e.get("notes") for e in self.entries if isinstance(e, dict) and e.get("kind") == "agenda"), None)
        return replace(spec, notes=self.text(name, agenda=self.agenda)) if name else spec

    def section(self, entry: dict, sections: Mapping[str, dict], n: int) -> list[SlideSpec]:
        """A divider and the section's slides, or nothing when the section has no data or no slides."""
        sec = sections.get(entry["section"]) or self.unnumbered(entry)
        if sec is None or not self.when(entry, n):
            return []
        inner = [s for i, e in enumerate(entry.get("slides") or [], start=1) for s in self.entry(e, f"{n}.{i}")]
        if not inner:
            return []
        sec = {**sec, "no": f"{len(self.agenda) + 1:02d}"}   # every section shown, numbered in order
        self.agenda.append(sec)
        divider = SlideSpec("section", entry.get("layout", DEFAULT_LAYOUT["section"]), sec["title"],
                            data={"no": sec["no"]})
        return [divider, *inner]

    def unnumbered(self, entry: dict) -> dict[str, str] | None:
        """A section outside the seven of the context (budget, tasks), titled by `title:`; None without data."""
        key = str(entry["section"])
        if key in SECTION_KEYS or not self.ctx.get(key):
            return None
        name = str(entry.get("title", key))
        title = self.text(name) if hasattr(self.module, name) else self.L.get(name, name)
        return {"no": "", "key": key, "title": title}

    def entry(self, e: Any, n: Any) -> list[SlideSpec]:
        """The slides of one outline entry (none when its `when` is false or its data is missing)."""
        if not isinstance(e, dict) or e.get("kind") not in KINDS or e.get("kind") == "section":
            raise TemplateProblem(f"slide {n}: 'kind' must be one of {', '.join(k for k in KINDS if k != 'section')}"
                                  f" (found {e.get('kind') if isinstance(e, dict) else e!r})", self.file)
        if not self.when(e, n):
            return []
        return getattr(self, f"k_{e['kind']}")(e, e.get("layout", DEFAULT_LAYOUT[e["kind"]]))

    # -- helpers ----------------------------------------------------------------------------

    def when(self, e: dict, n: Any) -> bool:
        """The entry's `when:` expression, evaluated against the context (true when absent)."""
        expr = e.get("when")
        if expr is None:
            return True
        try:
            return bool(self.env.compile_expression(str(expr))(**self.ctx))
        except Exception as err:  # noqa: BLE001
            raise TemplateProblem(f"slide {n}: when: {expr!r}: {explain(err, self.file, self.ctx).message}",
                                  self.file) from None

    def text(self, name: str | None, **kw: Any) -> str:
        """The output of macro `name` of the locale's deck.j2 ('' when no macro is named)."""
        if not name:
            return ""
        macro = getattr(self.module, name, None)
        if macro is None:
            raise TemplateProblem(f"no macro {name!r} in {self.path}", self.path)
        try:
            return str(macro(**kw)).strip()
        except Exception as err:  # noqa: BLE001
            raise explain(err, self.path, self.ctx) from None

    def cont(self, title: str) -> str:
        """A continuation slide's title: "季度目标（续）" / "Quarterly targets (cont.)"."""
        mark = self.L["continued"]
        return f"{title}{mark}" if mark.startswith("（") else f"{title} {mark}"

    def items(self, pattern: str, store: Mapping[str, Any]) -> list[tuple[str, dict | None]]:
        """Keys of `store` matching `pattern` (a name, or a glob like split_*) with the item for macros."""
        if "*" not in pattern:
            return [(pattern, None)] if pattern in store else []
        head, tail = pattern.split("*", 1)
        return [(k, {"key": k, "name": k[len(head):len(k) - len(tail) or None]})
                for k in store if fnmatch.fnmatchcase(k, pattern)]

    def texts(self, e: dict, item: dict | None, default_title: str = "") -> tuple[str, str]:
        """Title and notes of an entry, for one expanded item when the entry names a glob."""
        kw = {"item": item} if item is not None else {}
        return self.text(e.get("title"), **kw) or default_title, sentences_apart(self.text(e.get("notes"), **kw))

    def paras(self, name: str | None, item: dict | None = None) -> list[Para]:
        """A macro's lines as paragraphs."""
        return parse_lines(self.text(name, **({"item": item} if item is not None else {})))

    # -- slide kinds --------------------------------------------------------------------------

    def k_title(self, e: dict, layout: str) -> list[SlideSpec]:
        """The cover."""
        return [SlideSpec("title", layout, self.text(e.get("title", "cover_title")),
                          data={"subtitle": self.text(e.get("subtitle", "cover_subtitle"))})]

    def k_closing(self, e: dict, layout: str) -> list[SlideSpec]:
        """The closing slide."""
        return [SlideSpec("closing", layout, self.text(e.get("title", "closing_title")),
                          data={"subtitle": self.text(e.get("subtitle", "closing_subtitle"))})]

    def k_agenda(self, e: dict, layout: str) -> list[SlideSpec]:
        """The agenda; its sections are filled in as the sections resolve."""
        return [SlideSpec("agenda", layout, self.text(e.get("title", "agenda_title")), "", {"sections": self.agenda})]

    def k_big_number(self, e: dict, layout: str) -> list[SlideSpec]:
        """The headline number with growth, context and facts."""
        value = self.text(e.get("value"))
        if not value:
            return []
        facts = [tuple(line.split("|", 1)) for line in self.text(e.get("facts")).splitlines() if "|" in line]
        data = {"value": value, "caption": self.text(e.get("caption")), "context": self.text(e.get("context")),
                "facts": [(a.strip(), b.strip()) for a, b in facts]}
        title, notes = self.texts(e, None)
        return [SlideSpec("big_number", layout, title, notes, data)]

    def k_chart(self, e: dict, layout: str) -> list[SlideSpec]:
        """One chart per matching key; long bar charts continue on the next slide."""
        out = []
        for key, item in self.items(str(e.get("chart", "")), self.ctx["charts"]):
            chart = self.ctx["charts"][key]
            title, notes = self.texts(e, item, chart.title)
            for i, part in enumerate(bar_pieces(chart)):
                out.append(SlideSpec("chart", layout, self.cont(title) if i else title, notes, {"chart": part}))
        return out

    def k_table(self, e: dict, layout: str) -> list[SlideSpec]:
        """One table per matching key, cut into the pieces that fit a slide."""
        out = []
        x, y, cx, cy = self.geo.content
        for key, item in self.items(str(e.get("table", "")), self.ctx["tables"]):
            table = self.ctx["tables"][key]
            if not table.rows:
                continue
            title, notes = self.texts(e, item, table.title)
            limit = int(e.get("rows", 10))
            for i, piece in enumerate(pieces(table, cx, cy - Inches(0.45), limit)):
                out.append(SlideSpec("table", layout, self.cont(title) if i else title, notes, {"table": piece}))
        return out

    def k_bullets(self, e: dict, layout: str) -> list[SlideSpec]:
        """Bullets from a macro, six at most per slide."""
        paras = self.paras(e.get("text"))
        if not paras:
            return []
        title, notes = self.texts(e, None)
        return self.bullet_slides(layout, title, notes, paras, self.geo.content)

    def bullet_slides(self, layout: str, title: str, notes: str, paras: list[Para], box, first: bool = True
                      ) -> list[SlideSpec]:
        """Paragraphs cut into slides that hold them at a readable size."""
        out = []
        for i, (chunk, size) in enumerate(chunk_paras(paras, box[2], box[3])):
            t = self.cont(title) if i or not first else title
            out.append(SlideSpec("bullets", layout, t, notes, {"paras": chunk, "size": size}))
        return out

    def k_two_content(self, e: dict, layout: str) -> list[SlideSpec]:
        """A chart, table or text on the left and text on the right (one slide per matching key, at most `max`)."""
        if "chart" in e or "table" in e:
            store = self.ctx["charts"] if "chart" in e else self.ctx["tables"]
            found = self.items(str(e.get("chart") or e.get("table")), store)[:int(e.get("max", 99))]
            return [s for key, item in found
                    for s in self.two(e, layout, item, {("chart" if "chart" in e else "table"): store[key]})]
        return self.two(e, layout, None, {"left": self.paras(e.get("left_text"))})

    def two(self, e: dict, layout: str, item: dict | None, left: dict) -> list[SlideSpec]:
        """One two-content slide; what does not fit continues on bullet slides."""
        default = left.get("chart").title if "chart" in left else (left["table"].title if "table" in left else "")
        title, notes = self.texts(e, item, default)
        paras, half = self.paras(e.get("text"), item), self.geo.halves[1]
        if "table" in left:
            parts = pieces(left["table"], half[2], half[3] - Inches(0.45))
            if len(parts) > 1:
                return self.k_table({**e, "table": left["table"].key}, "Title Only") + \
                    self.bullet_slides("Title and Content", title, notes, paras, self.geo.content)
        if "left" in left and not left["left"]:
            return self.bullet_slides("Title and Content", title, notes, paras, self.geo.content) if paras else []
        right = chunk_paras(paras, half[2], half[3]) if paras else [([], BULLET_SIZES[0])]
        lefts = chunk_paras(left["left"], half[2], half[3]) if "left" in left else [([], BULLET_SIZES[0])]
        if "left" in left:
            left = {"left": lefts[0][0]}
        first = SlideSpec("two_content", layout, title, notes,
                          {**left, "paras": right[0][0], "size": min(right[0][1], lefts[0][1])})
        rest = [p for chunk, _ in lefts[1:] + right[1:] for p in chunk]
        more = self.bullet_slides("Title and Content", title, notes, rest, self.geo.content, first=False) if rest else []
        return [first, *more]

    def k_combo(self, e: dict, layout: str) -> list[SlideSpec]:
        """Related parts on one slide (side by side or stacked); what does not fit is split group by group."""
        root = resolve({"arrange": e.get("arrange", "side"), "parts": e.get("parts") or [],
                        "weights": e.get("weights")}, self.part)
        if root is None:
            return []
        title, notes = self.texts(e, None)
        out = self.combo_slides(root, layout, title, notes)
        return [replace(s, title=self.cont(title) if i else title) for i, s in enumerate(out)]

    def combo_slides(self, node: Leaf | Group, layout: str, title: str, notes: str) -> list[SlideSpec]:
        """One slide when `node` fits; else each of its parts in turn; a lone part as its own kind of slide."""
        placed = place(node, self.geo.content, fitting_size)
        if placed is not None and (isinstance(node, Group) or node.kind != "text"):
            blocks = [(leaf.kind, leaf.value, box, size) for leaf, box, size in placed]
            return [SlideSpec("combo", layout, title, notes, {"blocks": blocks})]
        if isinstance(node, Group):
            return [s for part in node.parts for s in self.combo_slides(part, layout, title, notes)]
        return self.alone(node, title, notes)

    def part(self, kind: str, name: str) -> Any:
        """A combo part's data: the table (with rows), the chart, or the macro's paragraphs."""
        if kind == "text":
            return self.paras(name)
        store = self.ctx["tables"] if kind == "table" else self.ctx["charts"]
        found = store.get(name)
        return found if found is not None and (kind == "chart" or found.rows) else None

    def alone(self, leaf: Leaf, title: str, notes: str) -> list[SlideSpec]:
        """A combo part on slides of its own (it did not fit beside the others)."""
        if leaf.kind == "text":
            return self.bullet_slides("Title and Content", title, notes, leaf.value, self.geo.content)
        slides = getattr(self, f"k_{leaf.kind}")({"kind": leaf.kind, leaf.kind: leaf.name}, "Title Only")
        return [replace(s, notes=notes) for s in slides]

    def k_risk_matrix(self, e: dict, layout: str) -> list[SlideSpec]:
        """The probability x impact grid with each risk in its cell."""
        mon = self.ctx.get("monitoring") or {}
        risks = mon.get("risks") or []
        if not risks:
            return []
        cells: dict[tuple[str, str], list[str]] = {}
        for r in risks:
            cells.setdefault((r["probability"], r["impact"]), []).append(r["risk"])
        data = {"cells": {k: cap(v) for k, v in cells.items()},
                "levels": {lvl: self.L[f"level_{lvl}"] for lvl in LEVELS},
                "corner": f"{self.L['probability']} ↓  {self.L['impact']} →", "note": self.text(e.get("note"))}
        title, notes = self.texts(e, None, self.L["risk"])
        return [SlideSpec("risk_matrix", layout, title, notes, data)]


def cap(names: list[str], limit: int = 4) -> list[str]:
    """At most `limit` names in a matrix cell; the rest counted as "+N" (all are in the notes)."""
    return names if len(names) <= limit else names[:limit - 1] + [f"+{len(names) - limit + 1}"]


def chunk_paras(paras: list[Para], width: int, height: int) -> list[tuple[list[Para], float]]:
    """Paragraphs in slide-sized chunks (six bullets at most, sub-headings aside), with the size each fits at."""
    chunks: list[list[Para]] = [[]]
    for p in paras:
        trial = chunks[-1] + [p]
        bullets = sum(1 for x in trial if not x.heading)
        if chunks[-1] and (bullets > MAX_BULLETS or height_pt(trial, width, BULLET_SIZES[-1]) * 12700 > height):
            moved = [chunks[-1].pop()] if chunks[-1][-1].heading and len(chunks[-1]) > 1 else []
            chunks.append(moved + [p])
        else:
            chunks[-1] = trial
    return [(c, next((s for s in BULLET_SIZES if height_pt(c, width, s) * 12700 <= height), BULLET_SIZES[-1]))
            for c in chunks]


def fitting_size(paras: list[Para], width: int, height: int) -> float | None:
    """The largest of COMBO_SIZES at which `paras` fit one box beside other parts, or None."""
    if sum(1 for p in paras if not p.heading) > COMBO_BULLETS:
        return None
    return next((s for s in COMBO_SIZES if height_pt(paras, width, s) * 12700 <= height), None)


def bar_pieces(chart) -> list:
    """A bar chart with many categories as several charts of at most MAX_BARS bars (sorted first)."""
    if chart.kind != "bar" or len(chart.categories) <= MAX_BARS:
        return [chart]
    chart = prepare(chart)
    n = len(chart.categories)
    size = -(-n // -(-n // MAX_BARS))
    return [replace(chart, sort=False, categories=chart.categories[i:i + size],
                    series=tuple(replace(s, values=s.values[i:i + size]) for s in chart.series))
            for i in range(0, n, size)]
