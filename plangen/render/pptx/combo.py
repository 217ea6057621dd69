"""Dense slides: a `combo` outline entry puts two or three related parts (tables, charts, bullets) on one
slide, side by side or stacked, nested as the outline says; what does not fit goes to slides of its own."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from pptx.util import Inches

from plangen.render.pptx.tables import pieces
from plangen.render.pptx.text import Para

Box = tuple[int, int, int, int]
Arrange = Literal["side", "stack"]
GAP = Inches(0.3)
TABLE_NOTE = Inches(0.4)  # the note line under a table (pptx_slides.NOTE_H)
MIN_CHART_H = Inches(2.45)  # a chart of 2 inches and its note line
MAX_ROWS = 14  # a combo's table holds a year of months and its total


@dataclass(frozen=True)
class Leaf:
    """One part of a combo slide: a table, a chart or bullet paragraphs, with the key or macro it came from."""

    kind: Literal["table", "chart", "text"]
    value: Any
    name: str


@dataclass(frozen=True)
class Group:
    """Parts side by side or stacked; `weights` share the room (equal by default)."""

    arrange: Arrange
    parts: tuple[Leaf | Group, ...]
    weights: tuple[float, ...]


def resolve(part: Any, find: Callable[[str, str], Any]) -> Leaf | Group | None:
    """An outline part (`{table: k}`, `{chart: k}`, `{text: macro}` or `{arrange, parts}`) with its data;
    None when its data is missing, a group of one part becomes that part."""
    if not isinstance(part, dict):
        return None
    if "parts" in part:
        found = [(resolve(p, find), w) for p, w in zip(part["parts"], part.get("weights") or [1] * len(part["parts"]))]
        kept = [(p, w) for p, w in found if p is not None]
        if len(kept) <= 1:
            return kept[0][0] if kept else None
        return Group(part.get("arrange", "side"), tuple(p for p, _ in kept), tuple(float(w) for _, w in kept))
    kind = next((k for k in ("table", "chart", "text") if k in part), None)
    value = find(kind, str(part[kind])) if kind else None
    return Leaf(kind, value, str(part[kind])) if value else None


def split(box: Box, arrange: Arrange, weights: tuple[float, ...]) -> list[Box]:
    """`box` cut into parts by `weights`, side by side or stacked, GAP apart."""
    x, y, cx, cy = box
    room = (cx if arrange == "side" else cy) - GAP * (len(weights) - 1)
    out, at = [], 0
    for w in weights:
        size = int(room * w / sum(weights))
        out.append((x + at, y, size, cy) if arrange == "side" else (x, y + at, cx, size))
        at += size + GAP
    return out


def place(node: Leaf | Group, box: Box, fits_text: Callable[[list[Para], int, int], float | None]
          ) -> list[tuple[Leaf, Box, float]] | None:
    """Every leaf with its box and text size, or None when a part does not fit its box."""
    if isinstance(node, Group):
        out: list[tuple[Leaf, Box, float]] = []
        for part, sub in zip(node.parts, split(box, node.arrange, node.weights)):
            placed = place(part, sub, fits_text)
            if placed is None:
                return None
            out += placed
        return out
    if node.kind == "table":
        ok = len(pieces(node.value, box[2], box[3] - TABLE_NOTE, limit=MAX_ROWS, compact=True)) == 1
        return [(node, box, 0.0)] if ok else None
    if node.kind == "chart":
        return [(node, box, 0.0)] if box[3] >= MIN_CHART_H else None
    size = fits_text(node.value, box[2], box[3])
    return None if size is None else [(node, box, size)]

