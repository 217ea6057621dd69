"""Rosters from files: team.reps_file and crm.customers_file, every problem located in the roster."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from plangen.cli import cli
from plangen.model import PlanError, load


def _plan_with(tmp_path: Path, make_plan, to_yaml_text, reps_csv: str | None = None,
               customers_csv: str | None = None, **overrides) -> Path:
    """A plan file in tmp_path whose reps (and customers) come from CSV files beside it."""
    if reps_csv is not None:
        (tmp_path / "reps.csv").write_text(reps_csv, encoding="utf-8")
        overrides["team.reps"] = make_plan.DELETE
        overrides["team.reps_file"] = "reps.csv"
    if customers_csv is not None:
        (tmp_path / "customers.csv").write_text(customers_csv, encoding="utf-8")
        overrides["crm.customers"] = make_plan.DELETE
        overrides["crm.customers_file"] = "customers.csv"
    path = tmp_path / "plan.yaml"
    path.write_text(to_yaml_text(make_plan(**overrides)), encoding="utf-8")
    return path


def _problems(path: Path) -> list[str]:
    with pytest.raises(PlanError) as e:
        load(path)
    return [str(p) for p in e.value.problems]


class DescribeRepsFromCsv:
    def it_reads_one_rep_a_row_with_dates_and_weights(self, tmp_path, make_plan, to_yaml_text):
        path = _plan_with(tmp_path, make_plan, to_yaml_text,
                          "id,name,weight,start\nr1,Ann,2,\nr2,Bob,1,2027-04-01\n")
        reps = load(path).team.reps
        assert [(r.id, r.name, float(r.weight), r.start) for r in reps] == [
            ("r1", "Ann", 2.0, None), ("r2", "Bob", 1.0, dt.date(2027, 4, 1))]

    @pytest.mark.parametrize("header", ["工号,姓名,入职日期", "código,nombre,alta", "Employee ID,Full Name,Hire Date"])
    def it_reads_headers_in_every_locale(self, tmp_path, make_plan, to_yaml_text, header):
        path = _plan_with(tmp_path, make_plan, to_yaml_text, f"{header}\nr1,Ann,\nr2,Bob,2027-05-03\n")
        assert [r.start for r in load(path).team.reps] == [None, dt.date(2027, 5, 3)]

    def it_reads_semicolon_separated_exports_with_a_bom(self, tmp_path, make_plan, to_yaml_text):
        path = _plan_with(tmp_path, make_plan, to_yaml_text, "\ufeffid;name\nr1;Ann\nr2;Bob\n")
        assert [r.name for r in load(path).team.reps] == ["Ann", "Bob"]

    def it_skips_blank_rows(self, tmp_path, make_plan, to_yaml_text):
        path = _plan_with(tmp_path, make_plan, to_yaml_text, "id,name\nr1,Ann\n,\n\nr2,Bob\n")
        assert [r.id for r in load(path).team.reps] == ["r1", "r2"]


@pytest.mark.parametrize("roster, expected", [
    ("id,name,start\nr1,Ann,\nr2,Bob,2027-13-01\n",
     "reps.csv:3:3: team.reps[1].start: expected an ISO date such as 2027-06-10, found '2027-13-01'"),
    ("id,name\nr1,Ann\nr2,Bob\nr1,Cy\n",
     "reps.csv:4:1: team.reps[2].id: duplicate rep id 'r1' (also team.reps[0]); expected unique ids"),
    ("id,name,nmae\nr1,Ann,x\nr2,Bob,y\n",
     "reps.csv:1:3: team.reps: unknown column 'nmae'; expected one of id, name, region, weight, start, end, "
     "title, manager, proposed (did you mean 'name'?)"),
    ("id,region\nr1,x\n",
     "reps.csv:1:1: team.reps: missing column 'name'; expected columns id, name, region, weight, start, end, "
     "title, manager, proposed (id and name required)"),
])
def it_locates_each_bad_roster_row_in_the_roster_file(tmp_path, make_plan, to_yaml_text, roster, expected):
    problems = _problems(_plan_with(tmp_path, make_plan, to_yaml_text, roster))
    assert f"{tmp_path / expected}" in problems


def it_locates_an_unknown_region_in_the_roster(tmp_path, make_plan, to_yaml_text):
    path = _plan_with(tmp_path, make_plan, to_yaml_text, "id,name,region\nr1,Ann,North\nr2,Bob,Nowhere\n",
                      **{"targets.split": {"region": {"North": "60%", "South": "rest"}}})
    problems = _problems(path)
    assert any(p.startswith(f"{tmp_path / 'reps.csv'}:3:3: team.reps[1].region: region 'Nowhere'") for p in problems)


def it_refuses_reps_and_reps_file_together(tmp_path, make_plan, to_yaml_text):
    (tmp_path / "reps.csv").write_text("id,name\nr1,Ann\n", encoding="utf-8")
    path = tmp_path / "plan.yaml"
    path.write_text(to_yaml_text(make_plan(**{"team.reps_file": "reps.csv"})), encoding="utf-8")
    [problem] = _problems(path)
    assert problem.endswith("team.reps_file: expected either team.reps or team.reps_file, found both")


def it_names_a_missing_roster_file_at_its_key(tmp_path, make_plan, to_yaml_text):
    path = tmp_path / "plan.yaml"
    path.write_text(to_yaml_text(make_plan(**{"team.reps": make_plan.DELETE, "team.reps_file": "nope.csv"})),
                    encoding="utf-8")
    [problem] = _problems(path)
    assert problem.startswith(f"{path}:") and "team.reps_file: cannot read the roster file" in problem


def it_refuses_a_text_file_named_xlsx(tmp_path, make_plan, to_yaml_text):
    (tmp_path / "reps.xlsx").write_text("id,name\n", encoding="utf-8")
    path = tmp_path / "plan.yaml"
    path.write_text(to_yaml_text(make_plan(**{"team.reps": make_plan.DELETE, "team.reps_file": "reps.xlsx"})),
                    encoding="utf-8")
    [problem] = _problems(path)
    assert "not an Excel workbook (.xlsx): the file is not a zip package" in problem
    assert problem.startswith(str(tmp_path / "reps.xlsx:1:1"))


def _roster_plan(tmp_path: Path, make_plan, to_yaml_text, name: str, data: bytes) -> Path:
    """A plan whose reps come from the file `name` holding `data`."""
    (tmp_path / name).write_bytes(data)
    path = tmp_path / "plan.yaml"
    path.write_text(to_yaml_text(make_plan(**{"team.reps": make_plan.DELETE, "team.reps_file": name})),
                    encoding="utf-8")
    return path


def it_refuses_a_roster_workbook_whose_directory_lies_about_its_size(tmp_path, make_plan, to_yaml_text):
    """Shared strings declared small but 200 MB inside (a zip bomb that lies): refused at the file, not expanded."""
    from fixtures.lying_zip import lying, with_big_part
    book = openpyxl.Workbook()
    book.active.append(["id", "name"])
    book.active.append(["r1", "Ann"])
    book.save(tmp_path / "plain.xlsx")
    bomb = lying(with_big_part((tmp_path / "plain.xlsx").read_bytes(), "xl/sharedStrings.xml", 200 * 2**20, b"a"),
                 "xl/sharedStrings.xml", 60_000)
    import tracemalloc
    path = _roster_plan(tmp_path, make_plan, to_yaml_text, "reps.xlsx", bomb)
    tracemalloc.start()
    try:
        [problem] = _problems(path)
        peak_mb = tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()
    assert problem.startswith(str(tmp_path / "reps.xlsx:1:1")) and "Bad CRC" in problem and peak_mb < 20


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
def it_reads_a_roster_exported_in_the_encodings_it_can_tell_apart(tmp_path, make_plan, to_yaml_text, encoding):
    """A Chinese HR export (工号,姓名 in GB18030, or UTF-16/UTF-8 with their marks) gives the same two reps."""
    data = "工号,姓名\nr1,张伟\nr2,李娜\n".encode(encoding)
    plan = load(_roster_plan(tmp_path, make_plan, to_yaml_text, "reps.csv", data))
    assert [(r.id, r.name) for r in plan.team.reps] == [("r1", "张伟"), ("r2", "李娜")]


def it_refuses_a_roster_over_200_mib_before_reading_it(tmp_path, make_plan, to_yaml_text):
    """201 MiB (sparse) against 200 x 1,048,576 = 209,715,200 bytes: refused at line 1 (the limit actuals now share)."""
    path = _roster_plan(tmp_path, make_plan, to_yaml_text, "reps.csv", b"")
    with open(tmp_path / "reps.csv", "wb") as f:
        f.truncate(201 * 1024 * 1024)
    [problem] = _problems(path)
    assert problem == (f"{tmp_path / 'reps.csv'}:1:1: team.reps_file: the roster file is 210,763,776 bytes; "
                       "expected at most 209,715,200")


def it_refuses_a_latin1_roster_as_ambiguous_at_its_line(tmp_path, make_plan, to_yaml_text):
    """Latin-1 'Müller' on line 3 reads neither as UTF-8 nor as Chinese: refused there, with the hint."""
    data = "id,name\nr1,Ann\nr2,Müller\n".encode("latin-1")
    [problem] = _problems(_roster_plan(tmp_path, make_plan, to_yaml_text, "reps.csv", data))
    assert problem.startswith(str(tmp_path / "reps.csv:3:1")) and "save it as UTF-8" in problem


def it_reads_an_xlsx_roster_with_real_dates_and_a_stale_dimension(tmp_path, make_plan, to_yaml_text):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["ID", "Name", "Start"], ["r1", "Ann", None], ["r2", "Bob", dt.datetime(2027, 6, 1)]):
        sheet.append(row)
    book.save(tmp_path / "reps.xlsx")
    path = tmp_path / "plan.yaml"
    path.write_text(to_yaml_text(make_plan(**{"team.reps": make_plan.DELETE, "team.reps_file": "reps.xlsx"})),
                    encoding="utf-8")
    assert [(r.id, r.start) for r in load(path).team.reps] == [("r1", None), ("r2", dt.date(2027, 6, 1))]


def it_reads_customers_from_a_file_with_owners_checked(tmp_path, make_plan, to_yaml_text):
    path = _plan_with(tmp_path, make_plan, to_yaml_text, customers_csv=(
        "客户名称,去年销售额,负责人\nAcme,1.5M,r1\nGlobex,400k,r9\n"))
    problems = _problems(path)
    assert any(p.startswith(f"{tmp_path / 'customers.csv'}:3:3: crm.customers[1].owner: owner 'r9'")
               for p in problems)


def it_builds_the_documents_from_a_roster_plan(tmp_path, make_plan, to_yaml_text):
    path = _plan_with(tmp_path, make_plan, to_yaml_text, "id,name\nr1,Ann\nr2,Bob\n")
    result = CliRunner().invoke(cli, ["decompose", str(path), "--by", "rep"])
    assert result.exit_code == 0, result.output
    assert "Ann" in result.output and "Bob" in result.output


def it_exits_2_on_a_bad_roster_row_from_the_cli(tmp_path, make_plan, to_yaml_text):
    path = _plan_with(tmp_path, make_plan, to_yaml_text, "id,name,start\nr1,Ann,\nr2,Bob,soon\n")
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 2
    assert f"{tmp_path / 'reps.csv'}:3:3: team.reps[1].start" in result.output
