"""What users see for bad plans: file:line:col, the key path, what was expected and what was found."""
from __future__ import annotations

from pathlib import Path

import pytest

from plangen.model import PlanError, load, loads

HEAD = """\
plan:
  title: T
  period: 2027
targets:
  revenue: 100万
"""  # lines 1-5; every case below adds from line 6 on


def _bomb() -> str:
    """A billion-laughs document: nine levels of nine aliases each."""
    lines = ['  a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        lines.append(f"  a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return HEAD + "x:\n" + "\n".join(lines) + "\n"


CASES = [
    ("yaml_syntax_error", HEAD + "  rounding: 1\n   period: 2027\n", [
        "plan.yaml:7:10: (top level): YAML syntax error: mapping values are not allowed here"]),
    ("unclosed_flow_list", HEAD + "  rounding: [1, 2\n", [
        "plan.yaml:7:1: (top level): YAML syntax error: expected ',' or ']', but got '<stream end>'"]),
    ("unknown_key_did_you_mean", HEAD + "  revnue: 1\n", [
        "plan.yaml:6:3: targets.revnue: unknown key 'revnue'; did you mean 'revenue'? (expected one of: "
        "revenue, stretch, growth, profit, units, new_customers, phasing, calendar, split, rounding, collections, milestones, quarter_focus)"]),
    ("unknown_top_level_key", HEAD + "budgte: {total: 1}\n", [
        "plan.yaml:6:1: budgte: unknown key 'budgte'; did you mean 'budget'? (expected one of: plan, targets, "
        "history, market, product_strategy, sales_strategy, team, funnel, crm, budget, monitoring, tasks, review, incentives)"]),
    ("text_where_a_number_is_expected", HEAD.replace("100万", "lots"), [
        "plan.yaml:5:12: targets.revenue: expected an amount such as 2000万, 1.2M or 500000, found 'lots'"]),
    ("text_where_an_integer_is_expected", HEAD + "  rounding: ten\n", [
        "plan.yaml:6:13: targets.rounding: expected an integer, found 'ten'"]),
    ("list_where_a_mapping_is_expected", HEAD + "  phasing: [1, 2]\n", [
        "plan.yaml:6:12: targets.phasing: expected a mapping of keys to values, found [1, 2] (list)"]),
    ("share_map_not_summing_to_100", HEAD + "  split:\n    region: {A: 40%, B: 50%}\n", [
        "plan.yaml:7:13: targets.split.region: the shares sum to 90%, expected 100%"]),
    ("rest_with_others_over_100", HEAD + "  split:\n    region: {A: 60%, B: 50%, C: rest}\n", [
        "plan.yaml:7:13: targets.split.region: the shares other than `rest` sum to 110%, expected at most 100%"]),
    ("quarters_summing_to_95", HEAD + "  phasing:\n    quarters: [20%, 25%, 25%, 25%]\n", [
        "plan.yaml:7:15: targets.phasing.quarters: the quarters sum to 95%, expected 100%"]),
    ("months_disagreeing_with_quarters", HEAD + "  phasing:\n    quarters: [20%, 25%, 30%, 25%]\n"
     "    months: [5%, 6%, 7%, 8%, 8%, 9%, 10%, 10%, 10%, 8%, 8%, 11%]\n", [
        "plan.yaml:8:14: targets.phasing.months[0]: months 1-3 sum to 18%, but quarter 1 is 20% (2% short); "
        "expected the months of each quarter to sum to its quarter weight",
        "plan.yaml:8:53: targets.phasing.months[9]: months 10-12 sum to 27%, but quarter 4 is 25% (2% over); "
        "expected the months of each quarter to sum to its quarter weight"]),
    ("wrong_number_of_quarters", HEAD + "  phasing:\n    quarters: [50%, 50%]\n", [
        "plan.yaml:7:15: targets.phasing.quarters: expected 4 quarter weights for a 12-month period, found 2"]),
    ("customer_owned_by_a_missing_rep", HEAD + "team:\n  reps:\n    - {id: r01, name: A}\n"
     "crm:\n  customers:\n    - {name: X, owner: r1}\n", [
        "plan.yaml:11:24: crm.customers[0].owner: owner 'r1' is not a rep id in team.reps; "
        "expected one of r01 (did you mean 'r01'?)"]),
    ("duplicate_rep_ids", HEAD + "team:\n  reps:\n    - {id: r01, name: A}\n    - {id: r01, name: B}\n", [
        "plan.yaml:9:12: team.reps[1].id: duplicate rep id 'r01' (also team.reps[0]); expected unique ids"]),
    ("dates_outside_the_period", HEAD + "  calendar:\n    extra_holidays: [2026-12-31]\n"
     "team:\n  reps:\n    - {id: r01, name: A, start: 2028-01-01}\ntasks:\n  - {task: X, due: 2028-02-01}\n", [
        "plan.yaml:7:22: targets.calendar.extra_holidays[0]: date 2026-12-31 is outside the plan period; "
        "expected a date from 2027-01-01 to 2027-12-31",
        "plan.yaml:10:33: team.reps[0].start: start date 2028-01-01 is after the plan period; "
        "expected a date up to 2027-12-31 (a date before 2027-01-01 is preparation)",
        "plan.yaml:12:20: tasks[0].due: due date 2028-02-01 is after the plan period; "
        "expected a date up to 2027-12-31 (a date before 2027-01-01 is preparation)"]),
    ("dates_outside_a_half_year", "plan:\n  title: T\n  period: {start: 2027-07, months: 6}\n"
     "targets:\n  revenue: 1M\ntasks:\n  - {task: X, due: 2028-01-04}\n", [
        "plan.yaml:7:20: tasks[0].due: due date 2028-01-04 is after the plan period; "
        "expected a date up to 2027-12-31 (a date before 2027-07-01 is preparation)"]),
    ("negative_amounts", HEAD.replace("100万", "-100万") +
     "history:\n  monthly:\n    2026: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, -12]\n"
     "crm:\n  customers:\n    - {name: X, revenue_last_year: -5万}\n", [
        "plan.yaml:5:12: targets.revenue: expected a revenue target above 0, found -1000000",
        "plan.yaml:8:47: history.monthly[2026][11]: expected an amount of 0 or more, found -12",
        "plan.yaml:11:36: crm.customers[0].revenue_last_year: expected an amount of 0 or more, found -50000"]),
    ("python_object_tag_on_a_list", HEAD + "  rounding: !!python/object/apply:os.system ['echo hi']\n", [
        "plan.yaml:6:13: targets.rounding: unsupported YAML tag tag:yaml.org,2002:python/object/apply:os.system; "
        "expected a plain mapping or list"]),
    ("python_object_tag_on_a_mapping", HEAD + "  rounding: !!python/object:os.PathLike {a: 1}\n", [
        "plan.yaml:6:13: targets.rounding: unsupported YAML tag tag:yaml.org,2002:python/object:os.PathLike; "
        "expected a plain mapping or list"]),
    ("python_name_tag_on_a_scalar", HEAD + "  rounding: !!python/name:os.system\n", [
        "plan.yaml:6:13: targets.rounding: unsupported YAML tag tag:yaml.org,2002:python/name:os.system; "
        "expected plain values (could not determine a constructor for the tag "
        "'tag:yaml.org,2002:python/name:os.system')"]),
    ("invalid_date", HEAD + "tasks:\n  - {task: X, due: 2027-13-01}\n", [
        "plan.yaml:7:20: tasks[0].due: expected an ISO date such as 2027-06-10, found '2027-13-01'"]),
    ("invalid_month_in_period", "plan:\n  title: T\n  period: {start: 2027-13, months: 6}\ntargets:\n  revenue: 1M\n", [
        "plan.yaml:3:19: plan.period.start: expected a month such as 2027-07 or 7, found '2027-13'"]),
    ("missing_key", "plan:\n  period: 2027\ntargets:\n  revenue: 1M\n", [
        "plan.yaml:2:3: plan.title: missing key 'title'; expected it here"]),
    ("not_a_mapping", "- a\n- b\n", [
        "plan.yaml:1:1: (top level): expected a mapping with keys plan, targets, ..., found ['a', 'b'] (list)"]),
    ("many_problems_in_file_order", HEAD.replace("100万", "abc") + "  rounding: zero\n"
     "team:\n  reps:\n    - {id: r01, nme: A}\n", [
        "plan.yaml:5:12: targets.revenue: expected an amount such as 2000万, 1.2M or 500000, found 'abc'",
        "plan.yaml:6:13: targets.rounding: expected an integer, found 'zero'",
        "plan.yaml:9:7: team.reps[0].name: missing key 'name'; expected it here",
        "plan.yaml:9:17: team.reps[0].nme: unknown key 'nme'; did you mean 'name'? "
        "(expected one of: id, name, region, weight, start, end, title, manager, proposed)"]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_plan_message(text: str, expected: list[str]) -> None:
    """Each bad plan gives exactly these lines, in file order."""
    with pytest.raises(PlanError) as info:
        loads(text, "plan.yaml")
    assert info.value.format().splitlines() == expected
    assert str(info.value) == "\n".join(expected)


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_every_problem_has_a_location(text: str, expected: list[str]) -> None:
    """Problems carry a Location with line and column (never a bare message)."""
    with pytest.raises(PlanError) as info:
        loads(text, "plan.yaml")
    for p in info.value.problems:
        assert p.location is not None and p.location.file == "plan.yaml"
        assert p.location.line >= 1 and p.location.column >= 1


def it_reports_the_months_quarter_and_difference_as_data() -> None:
    """The month/quarter mismatch names months 1-3, quarter 1 and the 2% difference, at months[0]."""
    with pytest.raises(PlanError) as info:
        loads(dict((c[0], c[1]) for c in CASES)["months_disagreeing_with_quarters"], "plan.yaml")
    first = info.value.problems[0]
    assert first.path == ("targets", "phasing", "months", 0)
    assert (first.location.line, first.location.column) == (8, 14)
    for words in ("months 1-3", "quarter 1", "2% short"):
        assert words in first.message


def it_refuses_a_non_utf8_file(tmp_path: Path) -> None:
    """A GBK file is an error at 1:1 naming the first bad byte."""
    f = tmp_path / "gbk.yaml"
    f.write_bytes(f"plan:\n  title: 计划\n  period: 2027\ntargets:\n  revenue: 1\n".encode("gbk"))
    with pytest.raises(PlanError) as info:
        load(f)
    assert str(info.value) == (f"{f}:1:1: (top level): the file is not UTF-8 text (byte 15 is 0xbc); "
                               "expected a UTF-8 YAML file")


def it_loads_a_file_with_a_byte_order_mark(tmp_path: Path) -> None:
    """A UTF-8 BOM (as Windows editors write) is accepted, and locations stay right."""
    f = tmp_path / "bom.yaml"
    f.write_bytes(b"\xef\xbb\xbf" + "plan:\n  title: 计划\n  period: 2027\ntargets:\n  revenue: 1万\n".encode())
    plan = load(f)
    assert plan.plan.title == "计划" and plan.targets.revenue == 10_000
    f.write_bytes(b"\xef\xbb\xbf" + b"plan:\n  title: T\n  period: 2027\ntargets:\n  revenue: x\n")
    with pytest.raises(PlanError) as info:
        load(f)
    assert str(info.value).startswith(f"{f}:5:12: targets.revenue: ")


def it_refuses_an_alias_bomb_at_the_repeat_limit() -> None:
    """Nine levels of nine aliases (9**9 values) stop at the repeat limit instead of expanding."""
    with pytest.raises(PlanError) as info:
        loads(_bomb(), "bomb.yaml")
    (p,) = info.value.problems
    assert "100,000 repeated values" in p.message
    assert p.path == ("x",) and "alias bomb" in p.message
    assert p.location.file == "bomb.yaml" and p.location.line >= 7


def it_reports_a_missing_file(tmp_path: Path) -> None:
    """A file that does not exist is a PlanError, not a traceback."""
    with pytest.raises(PlanError) as info:
        load(tmp_path / "nope.yaml")
    assert str(info.value) == f"{tmp_path / 'nope.yaml'}:1:1: (top level): cannot read the file: No such file or directory"


def it_exits_with_code_2() -> None:
    """A PlanError tells the CLI to exit with status 2."""
    with pytest.raises(PlanError) as info:
        loads("- a\n")
    assert info.value.exit_code == 2


def test_a_rep_budget_item_that_is_not_a_budget_item_is_an_error(make_plan, to_yaml_text):
    """budget.rep_items names the items reps spend themselves; a name outside budget.items is a typo."""
    with pytest.raises(PlanError) as e:
        loads(to_yaml_text(make_plan(**{"budget.rep_items": ["travel", "meals"]})), "plan.yaml")
    assert "budget.rep_items[1]: 'meals' is not a budget item; expected one of travel, events, training" in str(e.value)
