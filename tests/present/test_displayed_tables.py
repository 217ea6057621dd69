"""Every table of every sample (plan and each rep) adds up as displayed: the shown rows sum to the shown total."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from fixtures.shown import mismatches
from plangen.decompose import decompose
from plangen.model import load
from plangen.present.context import Ctx, build_context
from plangen.present.ctx.rep import rep_context

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "samples").glob("*-plan.yaml"))


def tables_of(path: Path):
    """(where, table) for the plan's tables and every rep's tables."""
    plan = load(path)
    d = decompose(plan)
    ctx = build_context(plan, d)
    out = [(f"{path.stem}:{k}", t) for k, t in ctx["tables"].items()]
    c = Ctx(plan, d)
    for r in d.reps:
        out += [(f"{path.stem}:{r.id}:{k}", t) for k, t in rep_context(c, r)["tables"].items()]
    return plan.plan.locale, c.L["growth"], out


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def it_shows_tables_whose_rows_add_up_to_their_total(path) -> None:
    """Displayed parts add up to the displayed total in every summed column (amounts, counts, shares)."""
    locale, rate, tables = tables_of(path)
    bad = [m for where, t in tables for m in mismatches(locale, rate, where, t)]
    assert not bad, "\n".join(bad)


def it_labels_the_quarters_of_a_july_to_june_plan_alike_in_the_documents_and_the_cli(make_plan, plan_from):
    """Jul 2027-Jun 2028: the Word plan's quarter table, its chart and `decompose --by quarter` all say
    2027 Q3, 2027 Q4, 2028 Q1, 2028 Q2 (the documents said Q3 Q4 Q1 Q2: which year's Q1?)."""
    from plangen.present import tables
    plan = plan_from(make_plan(**{"plan.period": {"start": "2027-07", "months": 12}}))
    d = decompose(plan)
    ctx = build_context(plan, d)
    cli = [r.label for r in tables.view("quarter", plan, d, tables.formatter(plan)).rows]
    assert cli == ["2027 Q3", "2027 Q4", "2028 Q1", "2028 Q2"]
    assert [row[0] for row in ctx["tables"]["quarters"].rows] == cli
    assert list(ctx["charts"]["quarters"].categories) == cli


def _header(cells) -> list[str]:
    """Header cells with their line breaks and runs of spaces made single spaces."""
    return [" ".join(c.split()) for c in cells]


def it_shows_the_quarters_of_a_july_to_june_plan_in_the_same_columns_in_the_cli_the_csv_and_word(
        make_plan, to_yaml_text, tmp_path):
    """Jul 2027-Jun 2028 with a focus per quarter: `decompose --by quarter`, its csv and the Word plan's quarter
    table have Quarter, Target, Share, Working days, Focus in this order (the CLI had working days first and
    no focus; the csv has machine keys for the same columns)."""
    import csv
    import io

    import docx
    from click.testing import CliRunner

    from plangen.cli import cli
    from plangen.render.docx.plan import render_plan_docx
    from plangen.render.template_set import TemplateSet
    data = make_plan(**{"plan.period": {"start": "2027-07", "months": 12},
                        "targets.quarter_focus": ["Pipeline", "Close", "Renew", "Expand"]})
    path = tmp_path / "plan.yaml"
    path.write_text(to_yaml_text(data), encoding="utf-8")
    shown = CliRunner().invoke(cli, ["decompose", str(path), "--by", "quarter"]).stdout
    line = next(x for x in shown.splitlines() if re.match(r"\s*Quarter\s{2,}", x))
    raw = CliRunner().invoke(cli, ["decompose", str(path), "--by", "quarter", "--format", "csv"]).stdout
    plan = load(path)
    word = docx.Document(io.BytesIO(render_plan_docx(build_context(plan, decompose(plan)), TemplateSet())))
    table = next(t for t in word.tables if t.rows[0].cells[0].text == "Quarter")
    columns = ["Quarter", "Target (USD)", "Share", "Working days", "Focus"]
    assert re.split(r"\s{2,}", line.strip()) == columns
    assert _header(c.text for c in table.rows[0].cells) == columns
    assert next(csv.reader(io.StringIO(raw))) == ["quarter", "amount", "share", "working_days", "focus"]
    assert [r.cells[0].text for r in table.rows[1:]] == ["2027 Q3", "2027 Q4", "2028 Q1", "2028 Q2", "Total"]


TWINS = {"quarter": "quarters", "month": "months", "week": "weeks", "third": "thirds", "rep": "reps",
         "budget": "budget_items", "region": "split_region", "product_line": "split_product_line"}


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def it_gives_the_cli_the_documents_columns_in_their_order_plus_only_its_own_extras(path):
    """Each `decompose --by` view with a table in the documents: the CLI's headers are the Word table's,
    in the same order, with only the columns the one table marks as not in the documents (ramp, the budget's
    quarters) added."""
    from plangen.present import tables
    plan = load(path)
    d = decompose(plan)
    ctx = build_context(plan, d)
    fmt = Ctx(plan, d).f
    for name, key in TWINS.items():
        if key not in ctx["tables"]:
            continue
        view = tables.view(name, plan, d, fmt)
        cli = [view.key.header, *(view.columns[i].header for i in tables.visible(view, "cli"))]
        extras = {c.header for c in view.columns if c.shown and not c.documents}
        assert [h for h in cli if h not in extras] == list(ctx["tables"][key].columns), name
