"""Hostile inputs (issue 15): each defect of the attack run as a behaviour that held it off.

Every test here failed before its fix; the issue's numbers are in the section headings.
"""
from __future__ import annotations

import csv
import os
import io
import zipfile

import openpyxl
import pytest
import yaml
from click.testing import CliRunner

from plangen.cli import cli
from plangen.decompose import decompose
from plangen.present import tables
from plangen.present.context import build_context
from plangen.present.cells import csv_text
from plangen.render.xlsx.workbook import to_bytes

HYPERLINK = '=HYPERLINK("http://x","y")'


@pytest.fixture
def formula_plan(make_plan, plan_from):
    """A plan whose region and rep are named like formulas."""
    return plan_from(make_plan(**{"targets.split": {"region": {"=1+1": "50%", "South": "rest"}},
                                  "team.reps": [{"id": "+r1", "name": HYPERLINK, "region": "=1+1"},
                                                {"id": "r2", "name": "Bob", "region": "South"}],
                                  "crm.customers": []}))


# -- 1. formula injection -----------------------------------------------------------------------

def it_stores_formula_like_labels_in_the_workbook_as_text(formula_plan):
    """`=1+1` as a region and `=HYPERLINK(..)` as a rep are string cells; the SUM totals stay formulas."""
    wb = openpyxl.load_workbook(io.BytesIO(to_bytes(formula_plan, decompose(formula_plan))))
    assert (wb["region"]["A2"].value, wb["region"]["A2"].data_type) == ("=1+1", "s")
    labels = {c.value: c.data_type for row in wb["reps"].iter_rows(max_col=2) for c in row}
    assert labels[HYPERLINK] == "s" and labels["=1+1"] == "s"
    last = wb["region"].max_row
    assert wb["region"][f"B{last}"].data_type == "f" and wb["region"][f"B{last}"].value.startswith("=SUM(")


def it_prefixes_formula_like_csv_fields_with_an_apostrophe(formula_plan):
    """The OWASP rule: a field starting with = + - @ tab or CR gets a leading ' ; numbers do not."""
    d = decompose(formula_plan)
    fmt = tables.formatter(formula_plan)
    rows = list(csv.reader(io.StringIO(tables.to_csv(tables.view("region", formula_plan, d, fmt)))))
    assert rows[1][0] == "'=1+1"


@pytest.mark.parametrize("field, written", [
    ("=1+1", "'=1+1"), ("+A1", "'+A1"), ("+1", "+1"), ("@A1", "'@A1"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("-x", "'-x"),
    ("-1200", "-1200"), ("-0.25", "-0.25"), ("South", "South"), ("", ""),
])
def it_escapes_exactly_the_formula_like_csv_fields(field, written):
    assert csv_text(field) == written


def it_keeps_formula_like_labels_text_in_the_progress_workbook(formula_plan, tmp_path):
    """The track workbook: the rep named =HYPERLINK(..) and the region =1+1 are string cells."""
    from plangen.track import read_actuals, track
    from plangen.track.report_xlsx import render_report_xlsx
    actuals = tmp_path / "a.csv"
    actuals.write_text("month,rep,region,amount\n2027-01,r2,South,1000\n", encoding="utf-8")
    d = decompose(formula_plan)
    data = render_report_xlsx(formula_plan, d, track(formula_plan, d, read_actuals(actuals, formula_plan)))
    wb = openpyxl.load_workbook(io.BytesIO(data))
    found = {c.value: c.data_type for ws in wb for c in ws["A"]}
    assert found[HYPERLINK] == "s" and found["=1+1"] == "s"


# -- 2. the deck of a big team: a summary, linear in the team ---------------------------------

def _deck(plan):
    """The deck of a plan, opened with python-pptx."""
    from pptx import Presentation
    from plangen.present.context import build_context
    from plangen.render.pptx.deck import render_deck
    from plangen.render.template_set import TemplateSet
    return Presentation(io.BytesIO(render_deck(build_context(plan, decompose(plan)), TemplateSet())))


def _team_plan(make_plan, plan_from, n: int, customers: int = 0):
    """n reps of weights 1..n over regions North/South (odd/even), `customers` customers of r1."""
    reps = [{"id": f"r{i}", "name": f"Rep {i}", "weight": i, "region": "North" if i % 2 else "South"}
            for i in range(1, n + 1)]
    crm = [{"name": f"C{i}", "revenue_last_year": f"{i}k", "owner": "r1"} for i in range(1, customers + 1)]
    return plan_from(make_plan(**{"targets.split": {"region": {"North": "50%", "South": "rest"}},
                                  "team.reps": reps, "team.ramp": [], "crm.customers": crm}))


def _notes(prs) -> list[str]:
    return [s.notes_slide.notes_text_frame.text for s in prs.slides if s.has_notes_slide]


def it_summarises_a_team_of_46_reps_by_its_largest_and_smallest_targets(make_plan, plan_from):
    """46 reps of weights 1..46: the largest ten are Rep 46..37, the smallest Rep 10..1; no note lists them all."""
    prs = _deck(_team_plan(make_plan, plan_from, 46))
    bars = {s.shapes.title.text: [str(c) for c in sh.chart.plots[0].categories]
            for s in prs.slides for sh in s.shapes if sh.has_chart and s.shapes.title}
    assert sorted(bars["The 10 largest rep targets"]) == sorted(f"Rep {i}" for i in range(37, 47))
    assert sorted(bars["The 10 smallest rep targets"]) == sorted(f"Rep {i}" for i in range(1, 11))
    assert not any("Rep 20" in n for n in _notes(prs))
    assert any("46 reps' targets" in n and "--format xlsx" in n for n in _notes(prs))


def it_charts_a_big_teams_largest_and_smallest_targets_in_the_word_plan_and_lists_everyone(make_plan, plan_from):
    """46 reps: the Word plan's team section charts the 10 largest and 10 smallest (not 46 bars, nor
    5,000 for a big sales force: python-pptx's chart data indexes categories in quadratic time); its
    table still has a row for each of the 46."""
    import docx
    from plangen.render.docx.plan import render_plan_docx
    from plangen.render.template_set import TemplateSet
    plan = _team_plan(make_plan, plan_from, 46)
    d = decompose(plan)
    doc = docx.Document(io.BytesIO(render_plan_docx(build_context(plan, d), TemplateSet())))
    from lxml import etree
    charts = [etree.fromstring(p.blob) for p in doc.part.package.parts if "/charts/chart" in p.partname]
    c = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
    reps = [len(ch.findall(f".//{c}cat//{c}pt")) for ch in charts if b"Rep " in etree.tostring(ch)]
    assert sorted(reps) == [10, 10]
    assert any(sum(1 for r in t.rows if r.cells[0].text.startswith("Rep ")) == 46 for t in doc.tables)


def it_shows_every_rep_of_a_team_of_45(make_plan, plan_from):
    """At 45 reps the deck still charts everyone (three slides of 15 bars)."""
    prs = _deck(_team_plan(make_plan, plan_from, 45))
    names = {str(c) for s in prs.slides for sh in s.shapes if sh.has_chart for c in sh.chart.plots[0].categories}
    assert {f"Rep {i}" for i in range(1, 46)} <= names


def it_counts_a_big_team_by_region_and_adds_up(make_plan, plan_from):
    """46 reps, 23 odd (North) and 23 even (South), 6M each half: the region table's rows add up to 12M."""
    prs = _deck(_team_plan(make_plan, plan_from, 46))
    table = next(sh.table for s in prs.slides for sh in s.shapes if sh.has_table and s.shapes.title.text ==
                 "46 reps by region")
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert [r[:3] for r in rows[1:]] == [["North", "23", "6,000,000"], ["South", "23", "6,000,000"],
                                         ["Total", "46", "12,000,000"]]


def it_shows_the_ten_largest_of_31_customers_and_points_to_the_word_plan(make_plan, plan_from):
    """31 customers of 1k..31k last year: the slide shows C31..C22; the notes say all 31 are in the Word plan."""
    prs = _deck(_team_plan(make_plan, plan_from, 2, customers=31))
    slide = next(s for s in prs.slides if s.shapes.title and s.shapes.title.text.startswith("The 10 largest of 31"))
    table = next(sh.table for sh in slide.shapes if sh.has_table)
    assert [r.cells[0].text for r in list(table.rows)[1:]] == [f"C{i}" for i in range(31, 21, -1)]
    assert "All 31 customers" in slide.notes_slide.notes_text_frame.text


def it_cuts_a_long_table_into_pieces_scanning_each_row_a_bounded_number_of_times(monkeypatch):
    """5,000 rows in pieces of 10: widths are measured on a window of 10 rows, not on all remaining rows."""
    from plangen.render.pptx import tables as pptx_tables
    from plangen.present.values import Table
    scanned = []
    real = pptx_tables._all_rows
    monkeypatch.setattr(pptx_tables, "_all_rows", lambda t: scanned.append(len(t.rows)) or real(t))
    table = Table("t", "T", ("Name", "Amount"), tuple((f"Customer {i}", f"{i:,}") for i in range(5000)),
                  (False, True))
    parts = pptx_tables.pieces(table, 8_000_000, 4_000_000)
    assert sum(len(p.rows) for p in parts) == 5000
    assert sum(scanned) < 50 * 5000


# -- 3. zip bombs that lie about their size; 15. what a template may pass into our outputs ------

def _base(name: str) -> bytes:
    from plangen.render.template_set import TemplateSet
    return TemplateSet().bytes(name)


def _peak_of(fn) -> float:
    """MB allocated at the peak while fn() runs (its exception, an OfficeFileProblem, is returned)."""
    import tracemalloc
    tracemalloc.start()
    try:
        fn()
    except Exception as e:  # noqa: BLE001
        return tracemalloc.get_traced_memory()[1] / 2**20, e
    finally:
        tracemalloc.stop()
    return 0.0, None


def it_refuses_a_docx_whose_directory_lies_about_a_200_mb_part_without_expanding_it():
    """word/document.xml declared as 60,000 bytes but 200 MB inside: refused, peak under 20 MB."""
    from fixtures.lying_zip import lying, with_big_part
    from plangen.render.ooxml.guard import OfficeFileProblem, check_office
    bomb = lying(with_big_part(_base("base.docx"), "word/document.xml", 200 * 2**20, b"<w:p/>"),
                 "word/document.xml", 60_000)
    peak, error = _peak_of(lambda: check_office(bomb, "docx", "bomb.docx"))
    assert isinstance(error, OfficeFileProblem) and "bomb.docx: " in str(error) and peak < 20


def it_refuses_an_actuals_workbook_with_a_huge_shared_string(plan_from, make_plan, tmp_path):
    """A 1 MB .xlsx whose shared strings expand to 200 MB: exit 2 located at the file, peak under 20 MB."""
    from fixtures.lying_zip import with_big_part
    from plangen.model import PlanError
    from plangen.track import read_actuals
    path = tmp_path / "a.xlsx"
    path.write_bytes(with_big_part(_actuals_xlsx([["month", "amount"], ["2027-01", 5]]),
                                   "xl/sharedStrings.xml", 200 * 2**20, b"a"))
    peak, error = _peak_of(lambda: read_actuals(path, plan_from(make_plan())))
    assert isinstance(error, PlanError) and "zip bomb" in error.format() and peak < 20


def _actuals_xlsx(rows: list[list[object]], dimension: str | None = None) -> bytes:
    """An actuals workbook of these rows (openpyxl), optionally with a stale <dimension ref>."""
    wb = openpyxl.Workbook()
    for r in rows:
        wb.active.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    if dimension is None:
        return buf.getvalue()
    from fixtures.office import replace_entry
    sheet = zipfile.ZipFile(buf).read("xl/worksheets/sheet1.xml")
    import re
    return replace_entry(buf.getvalue(), "xl/worksheets/sheet1.xml",
                         re.sub(rb'<dimension ref="[^"]*"/>', f'<dimension ref="{dimension}"/>'.encode(), sheet))


def it_reads_every_actuals_row_despite_a_stale_dimension(plan_from, make_plan, tmp_path):
    """Three months of 1,000 under a stale <dimension ref="A1:B2"/>: all three count (3,000, not 1,000)."""
    from plangen.track import read_actuals
    path = tmp_path / "a.xlsx"
    path.write_bytes(_actuals_xlsx([["month", "amount"], ["2027-01", 1000], ["2027-02", 1000], ["2027-03", 1000]],
                                   dimension="A1:B2"))
    actuals = read_actuals(path, plan_from(make_plan()))
    assert sum(r.amount for r in actuals.rows) == 3000


def _docx_with_part(name: str, blob: bytes, rels: bytes | None = None) -> bytes:
    from fixtures.office import replace_entry
    data = replace_entry(_base("base.docx"), name, blob)
    return replace_entry(data, "word/_rels/settings.xml.rels", rels) if rels else data


ATTACHED = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.'
            b'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            b'openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" '
            b'Target="file:///etc/passwd" TargetMode="External"/></Relationships>')
DTD_LATE = b'<?xml version="1.0"?><!--' + b"x" * 5000 + b'--><!DOCTYPE d [<!ENTITY a "aaaa">]><d>&a;</d>'


@pytest.mark.parametrize("part, blob, rels, words", [
    ("word/document.xml", DTD_LATE, None, "declares a DTD"),
    ("word/document.xml", '<?xml version="1.0" encoding="UTF-16"?><d/>'.encode("utf-16"), None, "not UTF-8 XML"),
    ("word/vbaProject.bin", b"\xd0\xcf\x11\xe0macros", None, "holds macros"),
    ("../../evil.txt", b"x", None, "points outside the package"),
    ("word/settings.xml", None, ATTACHED, "file:///etc/passwd"),
], ids=["dtd-after-5kb-comment", "utf16", "macros", "dotdot-member", "attached-template"])
def it_refuses_what_a_template_would_pass_into_outputs(part, blob, rels, words):
    from plangen.render.ooxml.guard import OfficeFileProblem, check_office
    data = _docx_with_part(part, blob if blob is not None else _part(_base("base.docx"), part), rels)
    with pytest.raises(OfficeFileProblem, match=words):
        check_office(data, "docx", "t.docx")


def _part(data: bytes, name: str) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read(name)


def it_keeps_hyperlinks_of_a_template():
    """An external hyperlink (a company web site in the footer) is fine: only other outside links are refused."""
    from plangen.render.ooxml.guard import check_office
    link = ATTACHED.replace(b"attachedTemplate", b"hyperlink").replace(b"file:///etc/passwd", b"https://example.com")
    check_office(_docx_with_part("word/settings.xml", _part(_base("base.docx"), "word/settings.xml"), link), "docx",
                 "t.docx")


# -- 4. per-rep file names; 11. all documents rendered before any is written; 12. names cut once --

NASTY_IDS = ["a/b", "a?b", "a b", "A_B", "x" * 300]


def it_names_per_rep_letters_uniquely_and_safely(make_plan, tmp_path, to_yaml_text):
    """Reps a/b, a?b, a b, A_B and a 300-character id: five letters, five names, none lost, none too long."""
    from fixtures.office import docx_with
    (tmp_path / "letter.docx").write_bytes(docx_with("Dear {{ rep.name }}"))
    reps = [{"id": rep_id, "name": f"Rep {i}"} for i, rep_id in enumerate(NASTY_IDS)]
    (tmp_path / "p.yaml").write_text(to_yaml_text(make_plan(**{"team.reps": reps, "crm.customers": []})),
                                     encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["render", str(tmp_path / "letter.docx"), str(tmp_path / "p.yaml"),
                                      "--per-rep", "-o", str(out), "--force"])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 5 and len({n.lower() for n in names}) == 5
    assert "letter-a_b.docx" in names and "letter-a_b-2.docx" in names
    assert all(len(n.encode()) <= 130 for n in names)


def it_writes_no_letter_when_one_already_exists_without_force(make_plan, tmp_path, to_yaml_text):
    """The second of two letters exists: nothing is written (not the first letter alone), exit 1."""
    from fixtures.office import docx_with
    (tmp_path / "letter.docx").write_bytes(docx_with("Dear {{ rep.name }}"))
    (tmp_path / "p.yaml").write_text(to_yaml_text(make_plan()), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "letter-r2.docx").write_bytes(b"old")
    result = CliRunner().invoke(cli, ["render", str(tmp_path / "letter.docx"), str(tmp_path / "p.yaml"),
                                      "--per-rep", "-o", str(out)])
    assert result.exit_code == 1 and "already exist" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["letter-r2.docx"]


def it_writes_no_lone_word_plan_when_the_deck_fails(make_plan, plan_from, tmp_path, monkeypatch):
    """The deck fails (memory, a template timeout): the .docx is not written either, so a rerun needs no --force."""
    from plangen.build import plan_documents
    from plangen.render.pptx import deck as pptx_deck
    plan = plan_from(make_plan())

    def broken(ctx, ts):
        raise MemoryError("deck")
    monkeypatch.setattr(pptx_deck, "render_deck", broken)
    with pytest.raises(MemoryError):
        plan_documents(plan, decompose(plan), None, tmp_path, None)
    assert list(tmp_path.iterdir()) == []


def it_names_the_file_when_the_disk_is_full(tmp_path, monkeypatch):
    """ENOSPC while writing: the error names the file, and no temporary file is left."""
    import os
    from plangen.writer import write_atomic

    def full(fd):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match=r"plan\.docx: cannot write: No space left on device"):
        write_atomic(tmp_path / "plan.docx", b"x")
    assert list(tmp_path.iterdir()) == []


def it_cuts_a_200000_character_name_once_to_120_bytes():
    """200,000 CJK characters (3 bytes each): the name keeps the first 40 (120 bytes), whole characters only."""
    from plangen.batch import safe_name
    assert safe_name("销" * 200_000) == "销" * 40
    assert safe_name("a" * 119 + "销") == "a" * 119


# -- 5. includes that link outside the folder; 6. templates that loop, power and pad ------------

def _macro_folder(tmp_path, body: str):
    """A template folder whose text/en/t.j2 holds one macro `m` with this body."""
    folder = tmp_path / "tf"
    (folder / "text" / "en").mkdir(parents=True)
    (folder / "text" / "en" / "t.j2").write_text("{% macro m() %}" + body + "{% endmacro %}", encoding="utf-8")
    return folder


def _call(folder, context=None):
    from plangen.render import jinja
    module = jinja.macros("text/en/t.j2", context or {}, folder)
    return jinja.call(module, "m", context or {}, "text/en/t.j2")


def it_refuses_an_include_that_links_to_a_file_outside_the_folder(tmp_path):
    """tf/link -> /etc/passwd and {% include 'link' %}: refused, the file's text never appears."""
    from plangen.render.jinja import TemplateProblem
    folder = _macro_folder(tmp_path, "{% include 'link' %}")
    (folder / "link").symlink_to("/etc/passwd")
    with pytest.raises(TemplateProblem, match="outside the template folder") as e:
        _call(folder)
    assert "root:" not in str(e.value)


def it_still_includes_a_file_of_the_folder(tmp_path):
    folder = _macro_folder(tmp_path, "{% include 'part.j2' %}")
    (folder / "part.j2").write_text("hello", encoding="utf-8")
    assert _call(folder) == "hello"


@pytest.mark.parametrize("body, words", [
    ("{{ 10 ** 100000 }}", "too large a number"),
    ("{{ 'a' * 10**9 }}", "repeating a value"),
    ("{{ [1] * 10**9 }}", "repeating a value"),
    ("{{ 'a'.center(10**9) }}", "an argument of 1,000,000,000"),
    ("{{ 'a'|center(10**9) }}", "an argument of 1,000,000,000"),
    ("{{ '%0999999999d' % 1 }}", "format width"),
    ("{{ '{:>999999999}'.format(1) }}", "format width"),
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", "past 1,000,000 items"),
], ids=["power", "text-repeat", "list-repeat", "center-method", "center-filter", "percent-width",
        "format-width", "nested-ranges"])
def it_refuses_a_template_that_would_take_gigabytes_or_hours(tmp_path, body, words):
    from plangen.render.jinja import TemplateProblem
    with pytest.raises(TemplateProblem, match=words):
        _call(_macro_folder(tmp_path, body))


def it_stops_a_render_that_runs_past_its_time_limit(tmp_path, monkeypatch):
    """Two nested loops over 5 million characters (10^13 steps): stopped after the limit, naming the template."""
    from plangen.render import jinja_limits
    from plangen.render.jinja import TemplateProblem
    monkeypatch.setattr(jinja_limits, "TEMPLATE_SECONDS", 1)
    folder = _macro_folder(tmp_path, "{% set s = 'a' * 5000000 %}{% for x in s %}{% for y in s %}{% endfor %}"
                                     "{% endfor %}")
    with pytest.raises(TemplateProblem, match=r"text/en/t\.j2.*longer than 1 seconds"):
        _call(folder)


def it_refuses_a_users_docx_whose_output_passes_ten_million_characters(tmp_path, make_plan, plan_from):
    """A loop writing 3 x 9,000,000 = 27,000,000 characters into a user's .docx: refused past 10,000,000.

    Each piece is under the repetition bound; before, the whole 27 MB was rendered and written (60 pieces:
    1.7 GB until the 20-second limit), though docs/security.md named the output bound for every render.
    """
    import docx as python_docx
    from plangen.present.ctx.user import user_context
    from plangen.render.jinja import TemplateProblem
    from plangen.render.user.docx import render_user_docx
    d = python_docx.Document()
    d.add_paragraph("{% for i in range(3) %}{{ 'a' * 9000000 }}{% endfor %}")
    buf = io.BytesIO()
    d.save(buf)
    plan = plan_from(make_plan())
    with pytest.raises(TemplateProblem, match=r"big\.docx.*output is more than 10,000,000 characters"):
        render_user_docx(buf.getvalue(), user_context(plan, decompose(plan)), "big.docx")


def it_keeps_ordinary_arithmetic_and_loops(tmp_path):
    """2 ** 10, '-' * 3, a range of 10 and a percent format still work."""
    body = "{{ 2 ** 10 }} {{ '-' * 3 }} {% for i in range(3) %}{{ i }}{% endfor %} {{ '%05.1f' % 2.5 }}"
    assert _call(_macro_folder(tmp_path, body)) == "1024 --- 012 002.5"


# -- 7. an alias bomb in a company outline -------------------------------------------------------

def _alias_bomb(levels: int = 6) -> str:
    """YAML whose aliases expand to 10**levels values from a few hundred bytes."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, levels)]
    return "\n".join(lines) + f"\nblocks: [*a{levels - 1}]\n"


def it_refuses_an_alias_bomb_in_a_company_outline(tmp_path):
    """A 10**6-value alias bomb as outlines/document.yaml: refused at the plan loader's 100,000 cap, with its line."""
    from plangen.render.jinja import TemplateProblem
    from plangen.render.template_set import TemplateSet
    (tmp_path / "outlines").mkdir()
    (tmp_path / "outlines" / "document.yaml").write_text(_alias_bomb(), encoding="utf-8")
    with pytest.raises(TemplateProblem, match=r"document\.yaml:\d+:\d+: .*alias bomb"):
        TemplateSet(tmp_path).outline("document")


def it_refuses_an_outline_that_links_outside_the_folder(tmp_path):
    from plangen.render.jinja import TemplateProblem
    from plangen.render.template_set import TemplateSet
    (tmp_path / "outlines").mkdir()
    (tmp_path / "outlines" / "document.yaml").symlink_to("/etc/passwd")
    with pytest.raises(TemplateProblem, match="outside the template folder"):
        TemplateSet(tmp_path).outline("document")


# -- 9. error lists have a cap ------------------------------------------------------------------

def it_lists_the_first_200_of_5000_unknown_keys_and_counts_the_rest(make_plan, to_yaml_text):
    """5,000 unknown keys under plan: 200 lines with file:line:col, then '... and 4,800 more problems'."""
    from plangen.model import PlanError, loads
    data = make_plan()
    data["plan"].update({f"junk{i}": 1 for i in range(5000)})
    with pytest.raises(PlanError) as e:
        loads(to_yaml_text(data), "big.yaml")
    lines = e.value.format().splitlines()
    assert len(lines) == 201 and lines[0].startswith("big.yaml:") and "unknown key" in lines[0]
    assert lines[-1] == "... and 4,800 more problems (the first 200 are listed)"


def it_lists_the_first_200_of_3000_bad_actuals_rows(make_plan, plan_from, tmp_path):
    """3,000 rows with a bad month: 200 located lines and '... and 2,800 more problems'."""
    from plangen.model import PlanError
    from plangen.track import read_actuals
    path = tmp_path / "a.csv"
    path.write_text("month,amount\n" + "2099-13,5\n" * 3000, encoding="utf-8")
    with pytest.raises(PlanError) as e:
        read_actuals(path, plan_from(make_plan()))
    lines = e.value.format().splitlines()
    assert len(lines) == 201 and lines[0].startswith(f"{path}:2:")
    assert lines[-1] == "... and 2,800 more problems (the first 200 are listed)"


# -- 13. workers end when their parent is killed ------------------------------------------------

def it_ends_the_rep_workers_when_the_parent_is_killed(make_plan, tmp_path, to_yaml_text):
    """`reps --jobs 2` whose parent dies by SIGKILL after the first plan: both workers are gone within seconds."""
    import subprocess
    import sys
    import time
    reps = [{"id": f"r{i}", "name": f"Rep {i}"} for i in range(40)]
    (tmp_path / "p.yaml").write_text(to_yaml_text(make_plan(**{"team.reps": reps, "crm.customers": []})),
                                     encoding="utf-8")
    script = ("import multiprocessing, os, signal, sys\nfrom plangen.batch import render_reps\n"
              "from plangen.decompose import decompose\nfrom plangen.model import load\n"
              "plan = load(sys.argv[1])\n"
              "def done(path):\n    print(*[p.pid for p in multiprocessing.active_children()], flush=True)\n"
              "    os.kill(os.getpid(), signal.SIGKILL)\n"
              "render_reps(plan, decompose(plan), sys.argv[2], jobs=2, on_done=done)\n")
    with open(tmp_path / "pids", "w") as pids:  # a file, not a pipe: orphaned workers would hold a pipe open
        subprocess.run([sys.executable, "-c", script, str(tmp_path / "p.yaml"), str(tmp_path / "out")],
                       stdout=pids, stderr=subprocess.DEVNULL, timeout=120)
    workers = [int(p) for p in (tmp_path / "pids").read_text().split()]
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(_alive(p) for p in workers):
        time.sleep(0.2)
    alive = [p for p in workers if _alive(p)]
    for p in alive:  # do not leave them behind when the test fails
        os.kill(p, 9)
    assert workers and not alive


def _alive(pid: int) -> bool:
    """Whether `pid` runs (a zombie waiting for its reaper counts as ended)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            return "\nState:\tZ" not in f.read()
    except FileNotFoundError:
        return False


# -- 14. actuals files: input problems are exit 2 with a place, encodings detected honestly --------

def _actuals_problem(tmp_path, name: str, data: bytes, plan) -> str:
    """The located message read_actuals gives for this file (a PlanError, never another exception)."""
    from plangen.model import PlanError
    from plangen.track import read_actuals
    (tmp_path / name).write_bytes(data)
    with pytest.raises(PlanError) as e:
        read_actuals(tmp_path / name, plan)
    return e.value.format()


@pytest.mark.parametrize("name", ["a.csv", "a.xlsx"])
def it_refuses_an_actuals_file_over_200_mib_before_reading_it(tmp_path, make_plan, plan_from, name):
    """A 201 MiB actuals file (sparse: no disk used) is exit 2 at line 1 with both sizes, not read into memory.

    200 MiB = 200 x 1,048,576 = 209,715,200 bytes, the rosters' limit; before, actuals had none (the
    whole file was read, then refused for its NUL bytes or its zip directory).
    """
    from plangen.model import PlanError
    from plangen.track import read_actuals
    with open(tmp_path / name, "wb") as f:
        f.truncate(201 * 1024 * 1024)
    with pytest.raises(PlanError) as e:
        read_actuals(tmp_path / name, plan_from(make_plan()))
    assert e.value.format().endswith(f"{name}:1:1: (top level): cannot read the actuals file: the file is "
                                     "210,763,776 bytes; expected at most 209,715,200")


def _with_dtd(data: bytes) -> bytes:
    from fixtures.office import replace_entry
    strings = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    return replace_entry(data, "xl/worksheets/sheet1.xml",
                         b'<!DOCTYPE s [<!ENTITY a "aaaa">]>' + strings)


@pytest.mark.parametrize("name, data, words", [
    ("a.xlsx", b"month,amount\n2027-01,5\n", "a.xlsx:1:1: (top level): cannot read the actuals file: not an Excel workbook"),
    ("a.xlsx", None, "declares a DTD"),
    ("a.csv", b"month,amount\n2027-01,\"" + b"9" * 200_000 + b"\"\n", "a.csv:2:1:"),
    ("a.csv", "month,amount\n2027-01,5\n".encode("utf-16-le"), "UTF-16 without a byte-order mark"),
    ("a.csv", "month,rep,amount\n2027-01,Müller,5\n".encode("latin-1"), "Latin-1 or another encoding"),
], ids=["text-named-xlsx", "dtd-in-a-sheet", "huge-field", "utf16-no-bom", "latin1"])
def it_refuses_unreadable_actuals_with_a_place(tmp_path, make_plan, plan_from, name, data, words):
    if data is None:
        data = _with_dtd(_actuals_xlsx([["month", "amount"], ["2027-01", 5]]))
    assert words in _actuals_problem(tmp_path, name, data, plan_from(make_plan()))


TABLE = "月份,金额\n2027-01,5000\n"


@pytest.mark.parametrize("data", [
    TABLE.encode("utf-16"), TABLE.encode("utf-8-sig"), TABLE.encode("gb18030"),
    TABLE.encode("utf-32"), b"\x00\x00\xfe\xff" + TABLE.encode("utf-32-be"),
], ids=["utf-16", "utf-8-sig", "gb18030", "utf-32-le", "utf-32-be"])
def it_reads_actuals_in_the_encodings_it_can_tell_apart(tmp_path, make_plan, plan_from, data):
    """UTF-16, UTF-8 and UTF-32 (either byte order) with their BOMs, and Chinese GB18030: 月份/金额, 5,000 in January.

    UTF-32's little-endian mark FF FE 00 00 starts with UTF-16's FF FE: read as UTF-16 it was a csv of NULs
    ("new-line character seen in unquoted field"; found by the fuzz run).
    """
    from plangen.track import read_actuals
    (tmp_path / "a.csv").write_bytes(data)
    assert [r.amount for r in read_actuals(tmp_path / "a.csv", plan_from(make_plan())).rows] == [5000]


# -- 16. a template folder's i18n labels ------------------------------------------------------------

def _label_folder(tmp_path, text: str, locale: str = "en"):
    """A template folder holding only i18n/<locale>.yaml."""
    folder = tmp_path / "tf"
    (folder / "i18n").mkdir(parents=True)
    (folder / "i18n" / f"{locale}.yaml").write_text(text, encoding="utf-8")
    return folder


def _docx_text(path) -> str:
    import docx
    d = docx.Document(str(path))
    return "\n".join([p.text for p in d.paragraphs] + [c.text for t in d.tables for r in t.rows for c in r.cells])


def it_words_the_documents_with_a_template_folders_own_labels(tmp_path, make_plan, plan_from):
    """i18n/en.yaml with total: 'Grand total': the Word plan's, the deck's and a rep plan's total rows say it."""
    from pptx import Presentation
    from plangen.batch import RepRenderer
    from plangen.build import plan_documents
    folder = _label_folder(tmp_path, 'total: "Grand total"\n')
    plan = plan_from(make_plan())
    d = decompose(plan)
    word, deck = plan_documents(plan, d, "p.yaml", tmp_path / "out", folder)
    RepRenderer.build(plan, d, str(folder)).write(0, str(tmp_path / "rep.docx"), True)
    cells = [c.text for slide in Presentation(str(deck)).slides for shape in slide.shapes if shape.has_table
             for r in shape.table.rows for c in r.cells]
    for text in (_docx_text(word), _docx_text(tmp_path / "rep.docx"), "\n".join(cells)):
        assert "Grand total" in text and "\nTotal\n" not in f"\n{text}\n"


def it_words_the_progress_report_with_a_template_folders_own_labels(tmp_path, make_plan, plan_from):
    """The same folder restyles `track`: its report's total rows say 'Grand total'."""
    from plangen.track.command import progress_report
    folder = _label_folder(tmp_path, 'total: "Grand total"\n')
    (tmp_path / "p.yaml").write_text(yaml.safe_dump(make_plan(), allow_unicode=True), encoding="utf-8")
    (tmp_path / "a.csv").write_text("month,amount\n2027-01,500000\n", encoding="utf-8")
    files, _ = progress_report(plan_from(make_plan()), str(tmp_path / "p.yaml"), str(tmp_path / "a.csv"),
                               templates=folder)
    (tmp_path / "r.docx").write_bytes(dict(files)["p-progress.docx"])
    assert "Grand total" in _docx_text(tmp_path / "r.docx")


@pytest.mark.parametrize("text, message", [
    ('totl: "Grand total"\n', "tf/i18n/en.yaml:1: unknown label 'totl' (plangen's labels are the keys of its own "
                               "i18n/en.yaml)"),
    ("total: 5\n", "tf/i18n/en.yaml:1: label 'total': expected text, found int"),
    ('with_unit: "{label}"\n', "tf/i18n/en.yaml:1: label 'with_unit': expected {label}, {unit} as in plangen's "
                               "label '{label} ({unit})', found '{label}'"),
    ('a: x\nb: y\n', "tf/i18n/en.yaml:1: unknown label 'a' (plangen's labels are the keys of its own "
                       "i18n/en.yaml) (and 1 more)"),
    ("- total\n", "tf/i18n/en.yaml:1: expected a mapping of label keys to text"),
    ("phrases:\n  informe: reporte\n", "tf/i18n/en.yaml:1: unknown label 'phrases' (a template folder's i18n "
                                         "file lists labels, key: text, as `plangen templates export` writes them; "
                                         "a country variant's phrases are plangen's own)"),
])
def it_refuses_a_label_plangen_cannot_use_with_its_file_and_line(tmp_path, make_plan, text, message):
    """`build --templates` exits 2 with the file and line; `templates check` reports the same line."""
    from plangen.templates_cmd import check_i18n
    folder = _label_folder(tmp_path, text)
    (tmp_path / "p.yaml").write_text(yaml.safe_dump(make_plan(), allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "p.yaml"), "-o", str(tmp_path / "out"),
                                      "--templates", str(folder)])
    assert result.exit_code == 2 and message in result.output.replace(str(tmp_path) + "/", "")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    assert [str(p).replace(str(tmp_path) + "/", "") for p in check_i18n(folder)] == [message]


def it_words_a_country_variants_documents_with_an_exported_and_edited_label_file(tmp_path, samples_dir):
    """`templates export`, then total: "Gran total" in i18n/es-MX.yaml: the es-MX sample's Word plan says it.

    Before, the exported es-MX.yaml (plangen's phrases/labels/starter maps) was refused by build and
    listed by `templates check` as an unknown label 'phrases'.
    """
    from plangen.templates_cmd import check_i18n, export
    folder = tmp_path / "tf"
    export(folder)
    assert check_i18n(folder) == []
    own = folder / "i18n" / "es-MX.yaml"
    own.write_text(own.read_text(encoding="utf-8").replace("total: Total\n", "total: Gran total\n"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(samples_dir / "es-MX-quarter-plan.yaml"), "-o", str(tmp_path / "out"),
                                      "--templates", str(folder)])
    assert result.exit_code == 0, result.output
    assert "Gran total" in _docx_text(next((tmp_path / "out").glob("*.docx")))


def it_names_an_i18n_file_of_no_locale(tmp_path):
    """i18n/fr.yaml: plangen has no fr; check says which locales it has."""
    from plangen.templates_cmd import check_i18n
    problems = [str(p) for p in check_i18n(_label_folder(tmp_path, "total: Total\n", locale="fr"))]
    assert len(problems) == 1 and "no locale 'fr'" in problems[0]


def it_refuses_an_actuals_formula_without_a_saved_value(tmp_path, make_plan, plan_from):
    """=SUM(B2:B3) written by a script (no cached value) is not read as an empty cell: exit 2 at row 4."""
    text = _actuals_problem(tmp_path, "a.xlsx", _actuals_xlsx([["month", "amount"], ["2027-01", 5], ["2027-02", 6],
                                                               ["2027-03", "=SUM(B2:B3)"]]), plan_from(make_plan()))
    assert "a.xlsx:4:1:" in text and "=SUM(B2:B3) without a saved value" in text
