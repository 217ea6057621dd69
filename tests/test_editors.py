"""What editors and shells see: the schema with hover texts, init's schema lines, --help order, completion."""
from __future__ import annotations

import json
import re

import click
import pytest
from click.testing import CliRunner

from plangen.cli import COMMAND_ORDER, cli
from plangen.editor_schema import descriptions, editor_schema, key_nodes
from plangen.present.labels import LOCALES

REVENUE_HOVER = {
    "zh-CN": "本期承诺目标（2000万、12M），或写 {method: history} 由历史数据推算。",
    "en": "The commitment for the period (12M, 2000万), or {method: history} to derive it from history.",
    "es": "El compromiso del periodo (2,4M, 500k), o {method: history} para derivarlo del histórico.",
}


def plangen(*args):
    """`plangen ARGS...` in-process."""
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.mark.parametrize("locale", LOCALES)
def it_describes_every_key_of_the_plan_file_in_every_locale(locale):
    """templates/schema/<locale>.yaml has one text per key path of the schema, and none for a key that is gone."""
    paths = {path for path, _ in key_nodes(editor_schema(locale))}
    assert paths == set(descriptions(locale))
    assert all(node.get("description") for _, node in key_nodes(editor_schema(locale)))


def it_keeps_a_description_beside_a_reference_readable_for_draft_07_editors():
    """A described key that was a bare $ref is wrapped in allOf: no $ref has siblings, no English title is left."""
    for path, node in key_nodes(editor_schema("zh-CN")):
        assert "$ref" not in node or set(node) == {"$ref"}, path
        assert "title" not in node, path


def it_offers_the_year_shorthand_of_the_period_as_the_model_reads_it():
    """`period: 2027` is valid (the model reads a year before validating), so editors must not flag it."""
    period = dict(key_nodes(editor_schema("en")))["plan.period"]
    year, full = period["anyOf"]
    assert year["type"] == "integer" and year["minimum"] <= 2027 <= year["maximum"]
    assert full == {"$ref": "#/$defs/Period"}


@pytest.mark.parametrize("locale, hover", REVENUE_HOVER.items())
def it_writes_the_schema_lines_and_a_schema_in_the_plan_language_on_init(tmp_path, locale, hover):
    """`plangen init --locale X`: plan.yaml starts with the VS Code and JetBrains schema comments;
    plangen.schema.json beside it describes targets.revenue in X."""
    assert plangen("init", tmp_path, "--locale", locale).exit_code == 0
    lines = (tmp_path / "plan.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["# yaml-language-server: $schema=./plangen.schema.json", "# $schema: ./plangen.schema.json"]
    schema = json.loads((tmp_path / "plangen.schema.json").read_text(encoding="utf-8"))
    assert dict(key_nodes(schema))["targets.revenue"]["description"] == hover


@pytest.mark.parametrize("args, hover", [((), REVENUE_HOVER["en"]), (("--locale", "es"), REVENUE_HOVER["es"])])
def it_prints_the_schema_with_hover_texts_in_english_unless_asked(args, hover):
    """`plangen schema` describes keys in English like its error messages; --locale picks another language."""
    schema = json.loads(plangen("schema", *args).stdout)
    assert dict(key_nodes(schema))["targets.revenue"]["description"] == hover


def listed_commands(help_text: str) -> list[str]:
    """The command names under `Commands:` of a --help text, in order."""
    body = help_text.split("Commands:", 1)[1]
    return re.findall(r"^  (\S+)", body, flags=re.M)


def it_lists_commands_in_the_order_a_user_meets_them():
    """init, validate, (review), decompose, build, reps, track, templates, render, schema: unregistered names skipped."""
    shown = listed_commands(plangen("--help").stdout)
    expected = [n for n in COMMAND_ORDER if n in cli.commands]
    assert shown[:len(expected)] == expected
    assert sorted(shown) == sorted(cli.commands)


def it_puts_a_command_it_does_not_know_the_place_of_after_the_known_ones(monkeypatch):
    """A command added later without a place in COMMAND_ORDER still shows, after the ordered ones."""
    monkeypatch.setitem(cli.commands, "aaa-new", click.Command("aaa-new"))
    shown = listed_commands(plangen("--help").stdout)
    assert shown[-1] == "aaa-new" and shown[0] == "init"


def it_completes_command_names_for_the_shell():
    """click's completion (what `eval "$(_PLANGEN_COMPLETE=bash_source plangen)"` wires up) answers `plangen b`."""
    result = CliRunner().invoke(cli, [], prog_name="plangen", env={"_PLANGEN_COMPLETE": "bash_complete",
                                                                    "COMP_WORDS": "plangen b", "COMP_CWORD": "1"})
    assert "plain,build" in result.stdout.splitlines()
