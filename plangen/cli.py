"""The plangen command line: parse options, call the library, print; invalid plans exit 2.

Add a command with `@cli.command()`; errors are mapped to exit codes in one place (PlangenGroup):
PlanError -> its problems on stderr, exit 2; refused or failed writes and unexpected errors ->
one short line on stderr, exit 1 (PLANGEN_DEBUG=1 shows the traceback instead).
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import warnings
from pathlib import Path

import click

from plangen.decompose import Decomposition, decompose
from plangen.model import Plan, PlanError
from plangen.model.errors import format_path
from plangen.model.load import from_document
from plangen.model.loader import Document, read_yaml
from plangen.render import jsonout, tables
from plangen.render.context import Ctx, notice_text, smallest_month
from plangen.render.labels import LOCALES
from plangen.render.starter import FILE_NAME, starter_text
from plangen.writer import WriteRefused, write_atomic

FORMATS = ("table", "csv", "json", "xlsx")
EXIT_INVALID, EXIT_FAILED = 2, 1


class PlangenGroup(click.Group):
    """A command group that turns every error into a short message and an exit code."""

    def invoke(self, ctx: click.Context):
        """Run the command; map plan errors to exit 2 and anything unexpected to exit 1."""
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except PlanError as e:
            click.echo(e.format(), err=True)
            ctx.exit(EXIT_INVALID)
        except (WriteRefused, OSError) as e:
            click.echo(f"plangen: {e}", err=True)
            ctx.exit(EXIT_FAILED)
        except Exception as e:  # noqa: BLE001 - never a traceback for users
            if os.environ.get("PLANGEN_DEBUG"):
                raise
            click.echo(f"plangen: internal error: {type(e).__name__}: {e} (PLANGEN_DEBUG=1 shows details)",
                       err=True)
            ctx.exit(EXIT_FAILED)


@click.group(cls=PlangenGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="plangen")
def cli() -> None:
    """plangen: sales plans from a YAML file."""
    warnings.showwarning = _show_warning


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """A renderer's warning (a layout fallback...) as one line for people: no source path, no code."""
    click.echo(f"plangen: warning: {message}", err=True)


def main() -> None:
    """Console entry point."""
    cli(prog_name="plangen")


# -- shared steps -------------------------------------------------------------------------------

def load_plan(path: str) -> tuple[Plan, Document]:
    """The checked plan and its parsed document (for locating warnings); PlanError if invalid."""
    doc = read_yaml(path)
    return from_document(doc), doc


def warn(plan: Plan, d: Decomposition, doc: Document) -> None:
    """The decomposition's notices on stderr in the plan's language, `file:line:col: warning: key: message`."""
    c = Ctx(plan, d) if d.notices else None
    for n in d.notices:
        where = doc.locate(tuple(n.path)) if n.path else None
        prefix = f"{where}: " if where else f"{doc.file}: "
        click.echo(f"{prefix}warning: {format_path(tuple(n.path))}: {notice_text(c, n)}", err=True)


# -- validate -----------------------------------------------------------------------------------

@cli.command()
@click.argument("plans", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.pass_context
def validate(ctx: click.Context, plans: tuple[str, ...]) -> None:
    """Check plan files; print every problem as file:line:col (exit 2 if any plan is invalid)."""
    codes = [_validate_one(p) for p in plans]
    ctx.exit(max(codes))


def _validate_one(path: str) -> int:
    """Check one plan: 0 valid, 2 invalid, 1 when plangen itself failed."""
    try:
        plan, doc = load_plan(path)
        d = decompose(plan)
    except PlanError as e:
        click.echo(e.format(), err=True)
        return EXIT_INVALID
    except Exception as e:  # noqa: BLE001 - one file's failure must not hide the others
        if os.environ.get("PLANGEN_DEBUG"):
            raise
        click.echo(f"{path}: error: {type(e).__name__}: {e}", err=True)
        return EXIT_FAILED
    click.echo(f"✓ {path}: valid")
    warn(plan, d, doc)
    return 0


# -- decompose ----------------------------------------------------------------------------------

@cli.command("decompose")
@click.argument("plan_file", metavar="PLAN", type=click.Path(dir_okay=False))
@click.option("--by", "by", default="quarter", show_default=True, metavar="VIEW",
              help="quarter, month, week, day, third, rep, budget, or a split dimension (region ...).")
@click.option("--format", "out_format", type=click.Choice(FORMATS), default=None,
              help="Output format [default: from -o's suffix, else table]. json and xlsx hold every level.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write to FILE (atomically; an existing FILE is replaced) instead of stdout.")
def decompose_cmd(plan_file: str, by: str, out_format: str | None, output: str | None) -> None:
    """Break a plan down over time, dimensions and reps."""
    kind = out_format or _format_for(output)
    if kind == "xlsx" and not output:
        raise click.UsageError("--format xlsx writes a file: add -o FILE.xlsx")
    _refuse_input(plan_file, output)
    plan, doc = load_plan(plan_file)
    d = decompose(plan)
    data = _render(kind, by, plan, d, to_terminal=output is None and sys.stdout.isatty())
    if output:
        write_atomic(output, data, overwrite=True)
        click.echo(f"✓ wrote {output}", err=True)
    else:
        click.echo(data, nl=False)
    warn(plan, d, doc)


def _format_for(output: str | None) -> str:
    """The format an output file's suffix names (.csv, .json, .xlsx), else table."""
    suffix = Path(output).suffix.lower().lstrip(".") if output else ""
    return suffix if suffix in ("csv", "json", "xlsx") else "table"


def _refuse_input(plan_file: str, output: str | None) -> None:
    """Stop before an output would replace the plan file itself."""
    if output and Path(output).exists() and Path(plan_file).exists() and Path(output).samefile(plan_file):
        raise click.UsageError(f"-o {output} is the plan file itself; choose another output file")


def _render(kind: str, by: str, plan: Plan, d: Decomposition, to_terminal: bool) -> str | bytes:
    """The decomposition in `kind` (table, csv, json, xlsx)."""
    if kind == "json":
        return jsonout.dumps(jsonout.document(plan, d))
    if kind == "xlsx":
        from plangen.render import xlsx  # openpyxl loads only when a workbook is asked for
        return xlsx.to_bytes(plan, d)
    fmt = tables.formatter(plan).precise_for(smallest_month(d))
    try:
        table = tables.view(by, plan, d, fmt)
    except tables.ViewError as e:
        raise click.BadParameter(str(e), param_hint="--by") from None
    if kind == "csv":
        return tables.to_csv(table)
    width = shutil.get_terminal_size().columns if to_terminal else None
    return tables.render_text(table, fmt, width=width, color=to_terminal)


# -- init ---------------------------------------------------------------------------------------

@cli.command()
@click.argument("directory", default=".", type=click.Path(file_okay=False))
@click.option("--locale", type=click.Choice(LOCALES), default="zh-CN", show_default=True,
              help="Language, number and date formats of the starter plan.")
@click.option("--force", is_flag=True, help=f"Replace an existing {FILE_NAME}.")
def init(directory: str, locale: str, force: bool) -> None:
    """Write a commented starter plan (DIRECTORY/plan.yaml) that validates."""
    path = write_atomic(Path(directory) / FILE_NAME, starter_text(locale), overwrite=force)
    click.echo(f"✓ wrote {path}")
    click.echo(f"  next: plangen validate {path} && plangen decompose {path}")


# -- schema -------------------------------------------------------------------------------------

@cli.command()
def schema() -> None:
    """Print the JSON Schema of plan files (for editors)."""
    click.echo(json.dumps(jsonout.plan_schema(), ensure_ascii=False, indent=2))



# -- build, reps (library: plangen.build, plangen.batch) ----------------------------------------

def _output_options(f):
    """The options `build` and `reps` share: --jobs, --force, --templates."""
    f = click.option("--templates", "templates_dir", type=click.Path(file_okay=False, exists=True), default=None,
                     help="Company template folder [default: the plan's plan.templates, else plangen's].")(f)
    f = click.option("--force", is_flag=True, help="Replace existing files.")(f)
    return click.option("--jobs", type=click.IntRange(min=1), default=None,
                        help="Processes for the rep plans [default: the CPUs, at most 8].")(f)


@cli.command("build")
@click.argument("plan_file", metavar="PLAN", type=click.Path(dir_okay=False))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for the annual plan (.docx, .pptx) and reps/.")
@click.option("--reps", is_flag=True, help="Also write one Word plan per rep to OUT/reps/.")
@_output_options
def build_cmd(plan_file: str, out_dir: str, reps: bool, jobs: int | None, force: bool,
              templates_dir: str | None) -> None:
    """Write the annual plan as Word (and PowerPoint) documents; --reps adds one plan per rep."""
    from plangen.build import plan_documents, template_dir
    from plangen.render.jinja import TemplateProblem
    plan, doc = load_plan(plan_file)
    d = decompose(plan)
    tdir = template_dir(plan, plan_file, templates_dir)
    try:
        for path in plan_documents(plan, d, plan_file, out_dir, tdir, force):
            click.echo(f"✓ wrote {path}")
        if reps:
            _write_reps(plan, d, Path(out_dir) / "reps", tdir, jobs, force)
    except TemplateProblem as e:
        _template_failed(e)
    warn(plan, d, doc)


@cli.command("reps")
@click.argument("plan_file", metavar="PLAN", type=click.Path(dir_okay=False))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for the rep plans (<id>-<name>.docx).")
@_output_options
def reps_cmd(plan_file: str, out_dir: str, jobs: int | None, force: bool, templates_dir: str | None) -> None:
    """Write one Word plan per rep (2-4 pages each, with a commitment to sign)."""
    from plangen.build import template_dir
    from plangen.render.jinja import TemplateProblem
    plan, doc = load_plan(plan_file)
    d = decompose(plan)
    try:
        _write_reps(plan, d, Path(out_dir), template_dir(plan, plan_file, templates_dir), jobs, force)
    except TemplateProblem as e:
        _template_failed(e)
    warn(plan, d, doc)


def _write_reps(plan: Plan, d: Decomposition, out_dir: Path, tdir: Path | None, jobs: int | None,
                force: bool) -> None:
    """Render the rep plans with a progress bar; Ctrl-C reports how far it got (exit 130)."""
    from plangen.batch import default_jobs, progress_callback, render_reps
    advance, close = progress_callback(len(d.reps))
    try:
        result = render_reps(plan, d, out_dir, str(tdir) if tdir else None, jobs or default_jobs(), force, advance)
    finally:
        close()
    if result.interrupted:
        click.echo(f"plangen: {result.summary()} in {out_dir}", err=True)
        raise click.exceptions.Exit(130)
    click.echo(f"✓ {result.summary()} to {out_dir}")


# -- company templates (library: plangen.templates_cmd) -----------------------------------------

def _template_failed(e: Exception) -> None:
    """A template or Office-file problem: one clear message, exit 2."""
    click.echo(f"plangen: {e}", err=True)
    raise click.exceptions.Exit(EXIT_INVALID)


@cli.command("render")
@click.argument("template", type=click.Path(dir_okay=False, exists=True))
@click.argument("plan_file", metavar="PLAN", type=click.Path(dir_okay=False))
@click.option("--per-rep", is_flag=True, help="One document per rep (the template sees `rep`).")
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False), default=".", show_default=True,
              help="Folder for the rendered documents.")
@click.option("--force", is_flag=True, help="Replace existing files.")
def render_cmd(template: str, plan_file: str, per_rep: bool, out_dir: str, force: bool) -> None:
    """Render your own .docx/.pptx TEMPLATE (Jinja tags) with PLAN, once or once per rep."""
    from plangen.render.jinja import TemplateProblem
    from plangen.templates_cmd import render_file
    try:
        files = render_file(template, plan_file, per_rep)
    except TemplateProblem as e:
        _template_failed(e)
    for name, data in files:
        path = Path(out_dir) / name
        if path.resolve() == Path(template).resolve():
            raise WriteRefused(f"{path}: would replace the template itself; choose another -o folder")
        click.echo(f"✓ wrote {write_atomic(path, data, overwrite=force)}")


@cli.group("templates", cls=PlangenGroup)
def templates_group() -> None:
    """Company templates: export the defaults, check a folder, document the render context."""


@templates_group.command("export")
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--force", is_flag=True, help="Replace files already in DIRECTORY.")
def templates_export(directory: str, force: bool) -> None:
    """Copy the default base.docx, base.pptx, outlines, text templates and labels into DIRECTORY."""
    from plangen.templates_cmd import export
    try:
        files = export(directory, overwrite=force)
    except FileExistsError as e:
        raise WriteRefused(str(e)) from None
    click.echo(f"✓ wrote {len(files)} files to {directory}")
    click.echo(f"  next: edit them, then plangen templates check {directory}")


@templates_group.command("adopt")
@click.argument("company_file", metavar="COMPANY", type=click.Path(dir_okay=False, exists=True))
@click.option("-o", "--output", "directory", type=click.Path(file_okay=False), default=None,
              help="Template folder to write [default: COMPANY's name + '-templates'].")
@click.option("--force", is_flag=True, help="Replace files already in the folder.")
def templates_adopt(company_file: str, directory: str | None, force: bool) -> None:
    """Make a template folder from a company .docx/.dotx/.pptx/.potx; report every mapping made."""
    from plangen.adopt import adopt
    from plangen.render.jinja import TemplateProblem
    directory = directory or str(Path(company_file).with_name(Path(company_file).stem + "-templates"))
    try:
        report = adopt(company_file, directory, overwrite=force)
    except TemplateProblem as e:
        _template_failed(e)
    except FileExistsError as e:
        raise WriteRefused(str(e)) from None
    click.echo(f"✓ wrote {directory} from {company_file}")
    for line in report:
        click.echo(f"  {line}")
    click.echo(f"  next: plangen templates check {directory}")


@templates_group.command("check")
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--plan", "plan_file", type=click.Path(dir_okay=False), default=None,
              help="Check against this plan instead of plangen's Chinese sample.")
def templates_check(directory: str, plan_file: str | None) -> None:
    """Render every template of DIRECTORY in memory, in every locale; list every problem (exit 2)."""
    from plangen.render.jinja import TemplateProblem
    from plangen.templates_cmd import Note, check
    try:
        found = check(directory, plan_file)
    except TemplateProblem as e:
        _template_failed(e)
    for p in found:
        click.echo(str(p), err=True)
    problems = [p for p in found if not isinstance(p, Note)]
    if problems:
        click.echo(f"✗ {directory}: {len(problems)} problem(s)", err=True)
        raise click.exceptions.Exit(EXIT_INVALID)
    click.echo(f"✓ {directory}: every template renders in {', '.join(LOCALES)}")


@templates_group.command("context-doc")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write to this file (e.g. docs/context.md) instead of printing.")
def templates_context_doc(output: str | None) -> None:
    """Print the names templates can use, with types and the sample's values (docs/context.md)."""
    from plangen.render.context_doc import generate
    text = generate()
    if output:
        click.echo(f"✓ wrote {write_atomic(output, text, overwrite=True)}")
    else:
        click.echo(text, nl=False)

if __name__ == "__main__":
    main()


# -- track (library: plangen.track) -------------------------------------------------------------

@cli.command("track")
@click.argument("plan_file", metavar="PLAN", type=click.Path(dir_okay=False))
@click.argument("actuals_file", metavar="ACTUALS", type=click.Path(dir_okay=False))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False), default=".", show_default=True,
              help="Folder for the progress report (.docx, .pptx, .xlsx).")
@click.option("--as-of", default=None, metavar="MONTH", help="Last month to count (2027-09); default: the latest "
              "month in ACTUALS.")
@click.option("--force", is_flag=True, help="Replace existing files.")
def track_cmd(plan_file: str, actuals_file: str, out_dir: str, as_of: str | None, force: bool) -> None:
    """Track PLAN against ACTUALS (.csv/.xlsx by month): attainment, run-rate, reps behind plan."""
    from plangen.track.command import progress_report, summary_line
    plan, _ = load_plan(plan_file)
    files, progress = progress_report(plan, plan_file, actuals_file, as_of)
    for name, data in files:
        click.echo(f"✓ wrote {write_atomic(Path(out_dir) / name, data, overwrite=force)}")
    click.echo(summary_line(progress, plan))
