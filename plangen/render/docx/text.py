"""Turn a text macro's output into Word paragraphs: "- " lines are bullets, blank lines separate."""
from __future__ import annotations

import unicodedata

BULLET = "List Bullet"
NUMBERED = "List Number"


def paragraphs(text: str, locale: str = "en") -> list[tuple[str | None, str]]:
    """(style, text) pairs: bullets for "- " lines, numbered items for "# " lines, else body text."""
    out: list[tuple[str | None, str]] = []
    lines: list[str] = []
    for raw in text.splitlines() + [""]:
        line = raw.strip()
        style = BULLET if line.startswith("- ") else NUMBERED if line.startswith("# ") else None
        if style or not line:
            if lines:
                out.append((None, join_lines(lines)))
                lines = []
            if style:
                out.append((style, line[2:].strip()))
        else:
            lines.append(line)
    return [(s, t) for s, t in out if t]


def join_lines(lines: list[str]) -> str:
    """Lines of one paragraph joined: no space between East Asian characters, else one space."""
    out = lines[0]
    for line in lines[1:]:
        out += line if _wide(out[-1]) or _wide(line[0]) else " " + line
    return out


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"
