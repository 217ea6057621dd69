"""render.docx.chart_fill: a chart from its shape's template is the chart python-pptx and xlsxwriter write."""
import io
import zipfile
from functools import partial
from pathlib import Path

import pytest

from plangen.decompose import decompose
from plangen.model import load
from plangen.render.docx.chart_fill import Cut, chart_blobs, cut, make_template, shape
from plangen.present.charts import ChartSpec, Series, prepare
from plangen.present.context import Ctx
from plangen.present.ctx.rep_own import months_chart
from plangen.render.docx.chart import chart_files

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "samples").glob("*-plan.yaml"))
MONTHS = ("Jan", "Feb", "Mar", "Apr")
BUILD = partial(chart_files, font_pt=9, rid="rId1")
SPECS = {
    "one series, a month without a point": ChartSpec("column", "", MONTHS, (Series("A&B <t>", (1.5, None, 300, 0)),),
                                                     '#,##0"k"'),
    "negative values and three series": ChartSpec("column", "Q", MONTHS, (
        Series("2026", (-2.25, 2470, 2640, 2760), "history"), Series("2027", (2000, 2500, 1e-7, 2500)),
        Series("stretch", (2400, 3000, 3600, 1e16), "stretch"))),
    "a line that starts late": ChartSpec("line", "L", MONTHS, (Series("plan", (None, None, 12.125, 13)),)),
    "a pie": ChartSpec("pie", "P", ("a", "b", "c"), (Series("s", (1, 2, 3)),)),
}


def _members(workbook: bytes) -> dict[str, bytes]:
    """A workbook's members but its properties (xlsxwriter's clock)."""
    with zipfile.ZipFile(io.BytesIO(workbook)) as z:
        assert z.testzip() is None
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


def _same(spec: ChartSpec) -> None:
    """The template's chart XML and workbook equal the direct ones."""
    template = make_template(spec, BUILD)
    assert template is not None
    xml, workbook = template.render([v for s in spec.series for v in s.values])
    direct_xml, direct_workbook = BUILD(spec)
    assert xml == direct_xml
    assert _members(workbook) == _members(direct_workbook)


@pytest.mark.parametrize("spec", SPECS.values(), ids=SPECS.keys())
def it_fills_a_chart_template_with_the_bytes_python_pptx_writes(spec):
    _same(prepare(spec))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def it_draws_every_reps_months_chart_of_a_sample_as_python_pptx_does(sample):
    """Each rep's chart from one template per shape (late starters have months without a bar)."""
    plan = load(str(sample))
    d = decompose(plan)
    c = Ctx(plan, d)
    for rep in d.reps:
        _same(prepare(months_chart(c.for_amounts(min((x for x in rep.months if x > 0), default=0)), rep)))


def it_cuts_bytes_at_each_stand_in_and_fills_them_in_order():
    """b"a<7>b<8>c" cut at 7 (value 0) and 8 (value 1), filled with "x", "y": b"a<x>b<y>c"."""
    c = cut(b"a<7>b<8>c", {b"7": 0, b"8": 1})
    assert c == Cut((b"a<", b">b<", b">c"), (0, 1))
    assert c.fill([b"x", b"y"]) == b"a<x>b<y>c"


def it_gives_no_cut_when_a_stand_in_is_missing_or_repeated():
    assert cut(b"a7b", {b"7": 0, b"8": 1}) is None
    assert cut(b"a7b7", {b"7": 0}) is None


def it_builds_a_shape_seen_once_directly_and_a_second_one_from_its_template():
    """Two charts of one shape (same signs and gaps): the second from the template, same bytes."""
    calls = []
    def build(spec):
        calls.append(spec)
        return BUILD(spec)
    first = ChartSpec("column", "twice", MONTHS, (Series("t", (1, 2, None, 4)),))
    second = ChartSpec("column", "twice", MONTHS, (Series("t", (5, 6, None, 8)),))
    assert shape(first) == shape(second)
    chart_blobs(first, build, ("test",))
    xml, _ = chart_blobs(second, build, ("test",))
    assert xml == BUILD(second)[0]
    assert [s.series[0].values[0] for s in calls] == [1, 7777777770000001.0]   # the direct build, then the stand-ins'
