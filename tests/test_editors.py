"""What editors and shells see: --help in the order a user meets the commands, shell completion."""
from __future__ import annotations

import re

import click
from click.testing import CliRunner

from plangen.cli import COMMAND_ORDER, cli


def listed_commands(help_text: str) -> list[str]:
    """The command names under `Commands:` of a --help text, in order."""
    body = help_text.split("Commands:", 1)[1]
    return re.findall(r"^  (\S+)", body, flags=re.M)


def it_lists_commands_in_the_order_a_user_meets_them():
    """init, validate, (review), decompose, build, reps, track, templates, render, schema: unregistered names skipped."""
    shown = listed_commands(CliRunner().invoke(cli, ["--help"]).stdout)
    expected = [n for n in COMMAND_ORDER if n in cli.commands]
    assert shown[:len(expected)] == expected
    assert sorted(shown) == sorted(cli.commands)


def it_puts_a_command_it_does_not_know_the_place_of_after_the_known_ones(monkeypatch):
    """A command added later without a place in COMMAND_ORDER still shows, after the ordered ones."""
    monkeypatch.setitem(cli.commands, "aaa-new", click.Command("aaa-new"))
    shown = listed_commands(CliRunner().invoke(cli, ["--help"]).stdout)
    assert shown[-1] == "aaa-new" and shown[0] == "init"


def it_completes_command_names_for_the_shell():
    """click's completion (what `eval "$(_PLANGEN_COMPLETE=bash_source plangen)"` wires up) answers `plangen b`."""
    result = CliRunner().invoke(cli, [], prog_name="plangen", env={"_PLANGEN_COMPLETE": "bash_complete",
                                                                    "COMP_WORDS": "plangen b", "COMP_CWORD": "1"})
    assert "plain,build" in result.stdout.splitlines()
