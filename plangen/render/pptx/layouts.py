"""The base deck's layouts found by name, else by their type, on the master the company uses.

PowerPoint translates layout names (German "Titelfolie", French "Diapositive de titre", Chinese
"标题幻灯片") but not a layout's type (`p:sldLayout/@type`: title, obj, secHead, ...). A layout is
looked up by its name, then by the type of that name, then by a documented fallback's name and
type. Only one master is used: the one called by the plan (`master=`), else the one the file's
own slides use most, else the first.
"""
from __future__ import annotations

import warnings
from collections import Counter

TYPES = {"Title Slide": "title", "Section Header": "secHead", "Title and Content": "obj",
         "Two Content": "twoObj", "Comparison": "twoTxTwoObj", "Title Only": "titleOnly", "Blank": "blank"}
FALLBACKS = {
    "Title Slide": ("Section Header", "Title Only", "Title and Content"),
    "Section Header": ("Title Slide", "Title Only", "Title and Content"),
    "Title and Content": ("Title Only", "Two Content", "Blank"),
    "Two Content": ("Comparison", "Title and Content", "Title Only"),
    "Comparison": ("Two Content", "Title and Content", "Title Only"),
    "Title Only": ("Title and Content", "Blank"),
    "Blank": ("Title Only", "Title and Content"),
}


class DeckWarning(UserWarning):
    """Something in the base deck or outline was replaced by a fallback."""


def layout_type(layout) -> str:
    """A layout's type (`cust` when the file gives none, as the format says)."""
    return layout._element.get("type") or "cust"


def choose_master(prs, name: str | None = None):
    """The master called `name`, else the one most of the file's slides use, else the first."""
    masters = list(prs.slide_masters)
    if name:
        named = [m for m in masters if master_name(m) == name]
        if named:
            return named[0]
    used = Counter(id(s.slide_layout.slide_master.part) for s in prs.slides)
    if used:
        top = used.most_common(1)[0][0]
        return next(m for m in masters if id(m.part) == top)
    return masters[0]


def master_name(master) -> str:
    """A master's name (its cSld name, else the name of its theme)."""
    return master._element.cSld.get("name") or ""


class Layouts:
    """The chosen master's layouts by name and by type, with documented fallbacks."""

    def __init__(self, prs, master=None):
        self.master = master or choose_master(prs)
        self.by_name: dict[str, object] = {}
        self.by_type: dict[str, object] = {}
        for layout in self.master.slide_layouts:
            self.by_name.setdefault(layout.name, layout)
            self.by_type.setdefault(layout_type(layout), layout)
        self.first = self.master.slide_layouts[0]
        self.warned: set[str] = set()

    def find(self, name: str):
        """The layout called `name` or of the type of that name, else None (no warning)."""
        if name in self.by_name:
            return self.by_name[name]
        return self.by_type.get(TYPES.get(name, ""))

    def get(self, name: str):
        """The layout for `name`, else its first available fallback (warned once per name)."""
        found = self.find(name)
        if found is not None:
            return found
        for other in FALLBACKS.get(name, ()):
            found = self.find(other)
            if found is not None:
                self.warn(f"the base deck has no layout {name!r}; using {found.name!r}", name)
                return found
        self.warn(f"the base deck has no layout {name!r}; using {self.first.name!r}", name)
        return self.first

    def warn(self, message: str, key: str) -> None:
        """Warn once per missing layout."""
        if key not in self.warned:
            self.warned.add(key)
            warnings.warn(message, DeckWarning, stacklevel=3)
