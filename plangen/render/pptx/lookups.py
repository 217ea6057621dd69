"""python-pptx's lookups without their walks: the same answers, found once instead of on every call.

A deck of 28 slides asks thousands of times whether a shape is a placeholder (python-pptx compiles the
XPath `./*[1]/p:nvPr/p:ph` anew for each ask) and, for every notes slide, chart and workbook part it
adds, walks every relationship of the package to find the next free part name.
"""
from __future__ import annotations

from lxml import etree
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import _nsmap
from pptx.oxml.shapes.shared import BaseShapeElement

_PH = etree.XPath("./*[1]/p:nvPr/p:ph", namespaces=_nsmap)


def _ph(self):
    """The `p:ph` descendant element if there is one, None otherwise (python-pptx's, XPath compiled once)."""
    found = _PH(self)
    return found[0] if found else None


BaseShapeElement.ph = property(_ph)


class PartNames:
    """A package's next_partname from the names it holds, read once and kept as parts are added.

    Gives what python-pptx's own gives (from one more than the count of names under the template's
    prefix downward, the first free one) as long as every part added after it is asked for (or
    `add`ed, such as the slides, which take their names from their count) and none is dropped.
    """

    def __init__(self, package) -> None:
        self.names = {str(p.partname) for p in package.iter_parts()}

    def __call__(self, tmpl: str) -> PackURI:
        """The next free part name of `tmpl` ('/ppt/charts/chart%d.xml'), taken."""
        prefix = tmpl[: (tmpl % 42).find("42")]
        taken = sum(1 for n in self.names if n.startswith(prefix))
        name = next(tmpl % n for n in range(taken + 1, 0, -1) if tmpl % n not in self.names)
        self.add(name)
        return PackURI(name)

    def add(self, name: str) -> None:
        """A part added under a name found elsewhere (a slide's)."""
        self.names.add(str(name))
