"""The plangen command line: validate, decompose, init, schema; exit codes and what is written."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from plangen import cli as cli_module
from plangen.cli import cli
from plangen.model import load
from plangen.present.labels import LOCALES
from plangen.present.starter import starter_text
from plangen.writer import WriteRefused, write_atomic

INVALID = {"targets.revenue": "lots", "targets.bogus": 1}


@pytest.fixture
def run():
    """`run(*args)` -> the CliRunner result (stdout and stderr kept apart)."""
    def go(*args: str):
        return CliRunner().invoke(cli, [str(a) for a in args])
    return go


@pytest.fixture
def sample(samples_dir) -> Path:
    """The Chinese sample plan."""
    return samples_dir / "zh-annual-plan.yaml"


@pytest.fixture
def write_plan(tmp_path, make_plan, to_yaml_text):
    """`write_plan(name="plan.yaml", **overrides)` -> path of a plan file built from the test base plan."""
    def go(name: str = "plan.yaml", overrides: dict | None = None, **kw) -> Path:
        path = tmp_path / name
        path.write_text(to_yaml_text(make_plan(overrides, **kw)), encoding="utf-8")
        return path
    return go


def _no_traceback(result) -> None:
    """Neither output stream shows a Python traceback, and no exception escaped."""
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


# -- decompose: table --------------------------------------------------------------------------

def it_prints_quarters_in_wan(run, sample):
    result = run("decompose", sample, "--by", "quarter")
    assert result.exit_code == 0, result.output
    for shown in ("2,000万", "2,500万", "3,000万", "10,000万", "目标（万元）", "合计"):
        assert shown in result.stdout


def it_defaults_to_quarters_as_a_table(run, sample):
    assert run("decompose", sample).stdout == run("decompose", sample, "--by", "quarter", "--format", "table").stdout


@pytest.mark.parametrize("view, shown", [
    ("month", "2027年7月"), ("week", "2027年第23周"), ("day", "2027年6月10日"), ("third", "中旬"),
    ("rep", "刘洋"), ("budget", "差旅"), ("region", "华东"), ("product_line", "A系列"),
    ("customer_type", "大客户")])
def it_prints_every_view(run, sample, view, shown):
    result = run("decompose", sample, "--by", view)
    assert result.exit_code == 0, result.output
    assert shown in result.stdout and "合计" in result.stdout


@pytest.mark.parametrize("has_budget, views", [
    (True, "quarter, month, week, day, third, rep, budget\n"),
    (False, "quarter, month, week, day, third, rep\n"),
], ids=["with-a-budget", "without-a-budget"])
def it_lists_only_the_views_the_plan_has_for_an_unknown_view(run, write_plan, make_plan, has_budget, views):
    """--by nonsense names the views this plan has: no budget view for a plan without a budget section.

    The fuzz run found `decompose --by budget` refused ("the plan has no budget section") while the
    unknown-view message still offered budget.
    """
    plan = write_plan() if has_budget else write_plan(budget=make_plan.DELETE)
    result = run("decompose", plan, "--by", "nonsense")
    assert result.exit_code == 2
    assert result.output.endswith(f"unknown view 'nonsense'; expected one of {views}")


@pytest.fixture
def lone_starter(tmp_path, zh_lone_starter, to_yaml_text) -> Path:
    """The zh sample with 华北's only rep starting in April, as a file."""
    path = tmp_path / "lone.yaml"
    path.write_text(to_yaml_text(zh_lone_starter), encoding="utf-8")
    return path


def it_shows_rep_ramp_start_and_a_gap_row(run, lone_starter):
    """The gap row is labelled as in the Word plan and as the warning calls it ("见缺口行")."""
    out = run("decompose", lone_starter, "--by", "rep").stdout
    late = next(line for line in out.splitlines() if "刘洋" in line)
    assert "2027年4月1日" in late and "25% / 50% / 75%" in late
    gap = next(line for line in out.splitlines() if "缺口（未分配）" in line)
    assert "500万" in gap


def it_shows_a_dimension_by_quarter(run, sample):
    out = run("decompose", sample, "--by", "region").stdout
    east = next(line for line in out.splitlines() if "华东" in line)
    assert re.findall(r"[\d,]+万", east) == ["800万", "1,000万", "1,200万", "1,000万", "4,000万"]


def it_shows_parts_that_add_up_to_the_shown_total(run, write_plan):
    plan = write_plan(**{"plan.display_unit": "M", "targets.revenue": 1_000_000, "targets.rounding": 1,
                         "targets.phasing": {"quarters": None, "method": "equal"}})
    out = run("decompose", plan, "--by", "month").stdout
    shown = [re.findall(r"(\d+\.\d+)M", line)[0] for line in out.splitlines() if re.search(r"\d+\.\d+M", line)]
    *months, total = [float(x) for x in shown]   # each line's first amount: the target
    assert len(months) == 12 and total == 1.0
    assert len(shown[0]) == 4  # 0.08: enough decimals for the smallest month (design.md)
    assert round(sum(months), 2) == total


def it_prints_english_and_spanish_units(run, write_plan):
    en = run("decompose", write_plan(**{"plan.display_unit": "k"})).stdout
    assert "Target (k USD)" in en and "2,400k" in en
    es = run("decompose", write_plan(**{"plan.locale": "es", "plan.currency": "EUR", "plan.display_unit": "M"}))
    assert "Objetivo (M EUR)" in es.stdout and "2,4\u00a0M" in es.stdout


# -- decompose: csv, json, files ---------------------------------------------------------------

def it_writes_csv_with_exact_integers_and_machine_headers(run, sample):
    rows = list(csv.DictReader(io.StringIO(run("decompose", sample, "--format", "csv").stdout)))
    assert [r["quarter"] for r in rows] == ["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"]
    assert [int(r["amount"]) for r in rows] == [20000000, 25000000, 30000000, 25000000]
    assert rows[0]["share"] == "0.2"


def it_writes_rep_csv_with_ids_names_and_the_gap(run, lone_starter):
    rows = list(csv.DictReader(io.StringIO(run("decompose", lone_starter, "--by", "rep", "--format", "csv").stdout)))
    assert [r["rep"] for r in rows] == ["r01", "r02", "r03", "r04", "unassigned"]
    assert rows[3]["name"] == "刘洋" and rows[3]["start"] == "2027-04-01" and rows[3]["ramp"] == "0.25;0.5;0.75"
    assert sum(int(r["total"]) for r in rows) == 100_000_000


def it_prints_json_with_exact_quarters_whatever_the_view(run, sample):
    result = run("decompose", sample, "--format", "json", "--by", "rep")
    doc = json.loads(result.stdout)
    assert [q["amount"] for q in doc["quarters"]] == [20000000, 25000000, 30000000, 25000000]


def it_adds_the_reps_days_to_the_json_only_when_asked(run, sample):
    """--rep-days: reps[].days along the document's days; refused with a table (it has no rep days)."""
    doc = json.loads(run("decompose", sample, "--format", "json", "--rep-days").stdout)
    assert all(len(r["days"]) == len(doc["days"]) for r in doc["reps"])
    assert "days" not in json.loads(run("decompose", sample, "--format", "json").stdout)["reps"][0]
    refused = run("decompose", sample, "--rep-days")
    assert refused.exit_code == 2 and "--rep-days adds the reps' days to the JSON document" in refused.output


def it_infers_the_format_from_the_output_suffix(run, sample, tmp_path):
    out = tmp_path / "q.json"
    result = run("decompose", sample, "-o", out)
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["total"] == 100_000_000
    assert result.stdout == ""


def it_writes_a_plain_text_table_to_a_file(run, sample, tmp_path):
    out = tmp_path / "q.txt"
    run("decompose", sample, "-o", out)
    text = out.read_text(encoding="utf-8")
    assert "2,000万" in text and "\x1b[" not in text


def it_replaces_an_existing_output_file(run, sample, tmp_path):
    out = tmp_path / "q.csv"
    out.write_text("old", encoding="utf-8")
    assert run("decompose", sample, "-o", out).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("quarter,")


def it_refuses_to_write_over_the_plan_itself(run, write_plan):
    plan = write_plan()
    before = plan.read_bytes()
    result = run("decompose", plan, "--format", "csv", "-o", plan)
    assert result.exit_code == 2 and "plan file itself" in result.stderr
    assert plan.read_bytes() == before


def it_requires_an_output_file_for_xlsx(run, sample):
    result = run("decompose", sample, "--format", "xlsx")
    assert result.exit_code == 2 and "-o" in result.stderr


def it_rejects_an_unknown_view_naming_the_choices(run, sample, tmp_path):
    out = tmp_path / "x.csv"
    result = run("decompose", sample, "--by", "planet", "-o", out)
    assert result.exit_code == 2
    assert "region" in result.stderr and "quarter" in result.stderr
    assert not out.exists()


# -- invalid plans -----------------------------------------------------------------------------

def it_reports_every_problem_with_file_line_col_and_exits_2(run, write_plan):
    plan = write_plan("bad.yaml", INVALID)
    result = run("validate", plan)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert all(re.match(rf"{re.escape(str(plan))}:\d+:\d+: targets\.", line) for line in lines)
    assert "lots" in result.stderr and "bogus" in result.stderr
    _no_traceback(result)


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "xlsx"])
def it_writes_nothing_for_an_invalid_plan(run, write_plan, tmp_path, fmt):
    plan = write_plan("bad.yaml", INVALID)
    out = tmp_path / f"out.{fmt}"
    result = run("decompose", plan, "--format", fmt, "-o", out)
    assert result.exit_code == 2
    assert re.search(r"bad\.yaml:\d+:\d+: targets\.revenue:", result.stderr)
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["bad.yaml"]
    _no_traceback(result)


def it_reports_a_missing_file_as_invalid(run, tmp_path):
    result = run("validate", tmp_path / "nope.yaml")
    assert result.exit_code == 2 and "nope.yaml:1:1" in result.stderr


def it_reports_yaml_syntax_errors_with_their_place(run, tmp_path):
    plan = tmp_path / "broken.yaml"
    plan.write_text("plan:\n  title: [unclosed\n", encoding="utf-8")
    result = run("decompose", plan)
    assert result.exit_code == 2 and re.search(r"broken\.yaml:\d+:\d+:", result.stderr)
    _no_traceback(result)


def it_turns_unexpected_errors_into_one_line_and_exit_1(run, sample, monkeypatch):
    def boom(plan):
        raise RuntimeError("kaput")
    monkeypatch.setattr(cli_module, "decompose", boom)
    result = run("decompose", sample)
    assert result.exit_code == 1
    assert "internal error" in result.stderr and "kaput" in result.stderr
    _no_traceback(result)


# -- validate ----------------------------------------------------------------------------------

def it_validates_a_plan_and_lists_its_notices_as_warnings(run, sample):
    result = run("validate", sample)
    assert result.exit_code == 0
    assert f"✓ {sample}: valid" in result.stdout
    assert re.search(r"zh-annual-plan\.yaml:\d+:\d+: warning: targets\.calendar: 2027年节假日.*预估", result.stderr)
    assert "warning: targets.revenue: 目标隐含增长率20.0%高于行业标杆18.0%" in result.stderr  # in the plan's language


def it_checks_every_file_and_exits_2_if_any_is_invalid(run, sample, write_plan):
    bad = write_plan("bad.yaml", INVALID)
    result = run("validate", sample, bad, write_plan("good.yaml"))
    assert result.exit_code == 2
    assert result.stdout.count(": valid") == 2
    assert "bad.yaml:" in result.stderr


# -- init --------------------------------------------------------------------------------------

@pytest.mark.parametrize("locale", LOCALES)
def it_writes_a_starter_plan_that_validates(run, tmp_path, locale):
    result = run("init", tmp_path / "new", "--locale", locale)
    assert result.exit_code == 0, result.output
    path = tmp_path / "new" / "plan.yaml"
    assert load(path).plan.locale == locale
    assert run("validate", path).exit_code == 0
    assert run("decompose", path, "--by", "rep").exit_code == 0
    assert run("review", path, "--strict").exit_code == 0   # a starter a director would not reject on sight


@pytest.mark.parametrize("locale", LOCALES)
def it_shows_every_plan_section_in_the_starter(locale):
    text = starter_text(locale, 2030)
    for section in ("plan", "targets", "history", "market", "product_strategy", "sales_strategy", "team",
                    "funnel", "crm", "budget", "monitoring", "tasks"):
        assert re.search(rf"^{section}:", text, re.M), section
    assert "{{" not in text and "2030-06-10" in text and "2029:" in text
    assert text.count("#") > 20


def it_refuses_to_overwrite_an_existing_plan(run, tmp_path):
    (tmp_path / "plan.yaml").write_text("mine", encoding="utf-8")
    result = run("init", tmp_path)
    assert result.exit_code == 1 and "already exists" in result.stderr
    assert (tmp_path / "plan.yaml").read_text(encoding="utf-8") == "mine"
    assert run("init", tmp_path, "--force").exit_code == 0
    assert (tmp_path / "plan.yaml").read_text(encoding="utf-8") != "mine"


# -- schema ------------------------------------------------------------------------------------

def it_prints_the_plan_json_schema(run):
    result = run("schema")
    schema = json.loads(result.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["title"] == "plangen plan file"
    assert {"plan", "targets", "team", "budget"} <= set(schema["properties"])


# -- writer ------------------------------------------------------------------------------------

def it_writes_atomically_and_refuses_to_replace_without_overwrite(tmp_path):
    target = tmp_path / "sub" / "f.txt"
    write_atomic(target, "one")
    with pytest.raises(WriteRefused):
        write_atomic(target, "two")
    write_atomic(target, b"three", overwrite=True)
    assert target.read_text(encoding="utf-8") == "three"
    assert [p.name for p in target.parent.iterdir()] == ["f.txt"]
