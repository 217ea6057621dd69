"""One PlangenError base: every error a user meets knows its exit code and its message."""
from __future__ import annotations

import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from plangen.cli import PlangenGroup
from plangen.errors import PlangenError
from plangen.model import PlanError
from plangen.model.errors import Location, Problem
from plangen.model.values import ValueProblem
from plangen.render.jinja import TemplateProblem
from plangen.render.ooxml.guard import OfficeFileProblem
from plangen.present.tables import ViewError
from plangen.writer import WriteRefused

PROBLEM = Problem("expected a number, found 'x'", ("targets", "revenue"), Location("p.yaml", 3, 12))


@pytest.mark.parametrize("error, code, message", [
    (PlanError([PROBLEM]), 2, "p.yaml:3:12: targets.revenue: expected a number, found 'x'"),
    (TemplateProblem("unknown name 'x'", "text/en/document.j2", 4), 2,
     "plangen: text/en/document.j2:4: unknown name 'x'"),
    (OfficeFileProblem("expected a .docx or .pptx template", "a.txt"), 2,
     "plangen: a.txt: expected a .docx or .pptx template"),
    (ValueProblem("expected a share of 0 or more, found -1"), 2, "plangen: expected a share of 0 or more, found -1"),
    (ViewError("no reps in this plan"), 2, "plangen: no reps in this plan"),
    (WriteRefused("out.docx: already exists (use --force to replace it)"), 1,
     "plangen: out.docx: already exists (use --force to replace it)"),
])
def it_knows_its_exit_code_and_message(error, code, message):
    """Each error class is a PlangenError; the CLI prints format_message() and exits with exit_code."""
    assert isinstance(error, PlangenError)
    assert (error.exit_code, error.format_message()) == (code, message)


@pytest.mark.parametrize("error", [PlanError([PROBLEM]), TemplateProblem("bad"), WriteRefused("no")])
def it_maps_any_plangen_error_to_its_code_in_the_command_group(error):
    """The group catches the base class: a new error class needs no change in cli.py."""
    @click.group(cls=PlangenGroup)
    def group() -> None:
        """A test group."""

    @group.command()
    def fail() -> None:
        raise error

    result = CliRunner().invoke(group, ["fail"])
    assert result.exit_code == error.exit_code
    assert result.stderr.strip() == error.format_message() and "Traceback" not in result.output


def it_runs_the_track_command_as_python_dash_m_plangen():
    """`python -m plangen track --help` works (track was defined below the old `if __name__` block)."""
    out = subprocess.run([sys.executable, "-m", "plangen", "track", "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and "Usage: plangen track" in out.stdout, out.stderr


def it_gives_python_dash_m_plangen_every_command():
    """plangen/__main__.py runs the same group as the `plangen` script."""
    import plangen.__main__ as entry
    from plangen.cli import cli
    assert entry.main.__module__ == "plangen.cli"
    assert {"validate", "decompose", "build", "reps", "track", "render", "templates", "init", "schema"} <= set(cli.commands)
