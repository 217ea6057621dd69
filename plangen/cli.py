"""The plangen command line: parse options, call the library, print; invalid plans exit 2.

Add a command with `@cli.command()`; errors are mapped to exit codes in one place (PlangenGroup):
a PlangenError shows its own message and exits with its own code (a PlanError: its problems,
exit 2; a template problem: exit 2; a refused write: exit 1); OSError and unexpected errors ->
one short line on stderr, exit 1 (PLANGEN_DEBUG=1 shows the traceback instead).
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sys
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from plangen.bulk import exit_now, loading_modules

with loading_modules():  # the command's libraries load without the collector's passes (plangen.bulk)
    import click

    from plangen.decompose import Decomposition, decompose
    from plangen.errors import EXIT_FAILED, EXIT_INVALID, PlangenError
    from plangen.model import Plan, PlanError
    from plangen.model.errors import format_path
    from plangen.model.load import from_document
    from plangen.model.loader import Document, read_yaml
    from plangen.pdf import PdfFailed, PdfUnavailable
    from plangen.render import jsonout
    from plangen.present import tables
    from plangen.present.context import Ctx, notice_text, smallest_month
    from plangen.present.labels import LOCALES
    from plangen.present.starter import FILE_NAME, next_year, starter_text
    from plangen.writer import WriteRefused, write_atomic

if TYPE_CHECKING:
    from plangen.batch import Shard

FORMATS = ("table", "csv", "json", "xlsx")
# --help lists commands in the order a user meets them; names not registered are skipped, others follow sorted
COMMAND_ORDER = ("init", "validate", "review", "decompose", "build", "reps", "track", "templates", "render", "schema")


class PlangenGroup(click.Group):
    """A command group that turns every error into a short message and an exit code."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """The commands in COMMAND_ORDER, then any others alphabetically."""
        first = [n for n in COMMAND_ORDER if n in self.commands]
        return first + sorted(set(self.commands) - set(first))

    def invoke(self, ctx: click.Context):
        """Run the command; map plan errors to exit 2 and anything unexpected to exit 1."""
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as e:  # noqa: BLE001 - never a traceback for users
            ctx.exit(report(e))


def report(e: Exception) -> int:
    """Print an error as users see it (problems, or one short line) and return its exit code."""
    if isinstance(e, PlangenError):
        click.echo(e.format_message(), err=True)
        return e.exit_code
    if isinstance(e, PdfUnavailable):
        click.echo(f"plangen: {e}", err=True)
        return EXIT_INVALID
    if isinstance(e, (WriteRefused, OSError, PdfFailed)):
        click.echo(f"plangen: {e}", err=True)
        return EXIT_FAILED
    if os.environ.get("PLANGEN_DEBUG"):
        raise e
    click.echo(f"plangen: internal error: {type(e).__name__}: {e} (PLANGEN_DEBUG=1 shows details)", err=True)
    return EXIT_FAILED


@click.group(cls=PlangenGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="plangen")
def cli() -> None:
    """plangen: sales plans from a YAML file."""
    warnings.showwarning = _show_warning


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """A renderer's warning (a layout fallback...) as one line for people: no source path, no code."""
    click.echo(f"plangen: warning: {message}", err=True)


def main() -> None:
    """Console entry point: the command, then the process ends without the interpreter's teardown."""
    try:
        cli(prog_name="plangen")
    except SystemExit as e:
        exit_now(e.code)


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
        click.echo(e.format_message(), err=True)
        return e.exit_code
    except Exception as e:  # noqa: BLE001 - one file's failure must not hide the others
        if os.environ.get("PLANGEN_DEBUG"):
            raise
        click.echo(f"{path}: error: {type(e).__name__}: {e}", err=True)
        return EXIT_FAILED
    click.echo(f"✓ {path}: valid")
    warn(plan, d, doc)
    return 0


# -- review (library: plangen.review) -----------------------------------------------------------

@cli.command("review")
@click.argument("plan_file", metavar="PLAN", type=click.Path(dir_okay=False))
@click.option("--format", "out_format", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.option("--strict", is_flag=True, help="Exit 2 on warnings too (for CI of plan repositories).")
@click.pass_context
def review_cmd(ctx: click.Context, plan_file: str, out_format: str, strict: bool) -> None:
    """A director's second look: capacity, seasonality, market, ramp, SMART (exit 2 on errors)."""
    from plangen.review import review
    from plangen.review.text import Writer, as_json, lines
    plan, doc = load_plan(plan_file)
    d = decompose(plan)
    r, w = review(plan, d), Writer(plan, d)
    if out_format == "json":
        click.echo(json.dumps(as_json(w, r, doc), ensure_ascii=False, indent=2))
    else:
        for line in lines(w, r, doc):
            click.echo(line)
        click.echo(w.summary(r))
    ctx.exit(EXIT_INVALID if r.fails(strict) else 0)


def review_summary(plan: Plan, d: Decomposition) -> None:
    """The review's one-line summary after a build (details: plangen review)."""
    from plangen.review import review
    from plangen.review.text import Writer
    r = review(plan, d)
    click.echo(Writer(plan, d).summary(r) + (" (plangen review)" if r.findings else ""))


# -- decompose ----------------------------------------------------------------------------------

@cli.command("decompose")
@click.argument("plan_file", metavar="PLAN", type=click.Path(dir_okay=False))
@click.option("--by", "by", default="quarter", show_default=True, metavar="VIEW",
              help="quarter, month, week, day, third, rep, budget, or a split dimension (region ...).")
@click.option("--format", "out_format", type=click.Choice(FORMATS), default=None,
              help="Output format [default: from -o's suffix, else table]. json and xlsx hold every level.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write to FILE (atomically; an existing FILE is replaced) instead of stdout.")
@click.option("--rep-days", is_flag=True,
              help="json: also each rep's target per working day (reps[].days; about 250 entries a rep).")
def decompose_cmd(plan_file: str, by: str, out_format: str | None, output: str | None, rep_days: bool) -> None:
    """Break a plan down over time, dimensions and reps."""
    kind = out_format or _format_for(output)
    if kind == "xlsx" and not output:
        raise click.UsageError("--format xlsx writes a file: add -o FILE.xlsx")
    if rep_days and kind != "json":
        raise click.UsageError("--rep-days adds the reps' days to the JSON document: use it with --format json")
    _refuse_input(plan_file, output)
    plan, doc = load_plan(plan_file)
    d = decompose(plan)
    data = _render(kind, by, plan, d, to_terminal=output is None and sys.stdout.isatty(), rep_days=rep_days)
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


def _render(kind: str, by: str, plan: Plan, d: Decomposition, to_terminal: bool,
            rep_days: bool = False) -> str | bytes:
    """The decomposition in `kind` (table, csv, json, xlsx)."""
    if kind == "json":
        return jsonout.dumps(jsonout.document(plan, d, rep_days))
    if kind == "xlsx":
        from plangen.render.xlsx import workbook as xlsx  # openpyxl loads only when a workbook is asked for
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
              help="Language, number and date formats of the starter plan (and of the schema's hover texts).")
@click.option("--force", is_flag=True, help=f"Replace an existing {FILE_NAME}.")
def init(directory: str, locale: str, force: bool) -> None:
    """Write a commented starter plan (DIRECTORY/plan.yaml) that validates, and the schema editors use."""
    from plangen.editor_schema import SCHEMA_FILE, editor_schema, modelines
    path = write_atomic(Path(directory) / FILE_NAME, modelines() + starter_text(locale, next_year(dt.date.today())),
                        overwrite=force)
    click.echo(f"✓ wrote {path}")
    click.echo(f"✓ wrote {write_atomic(Path(directory) / SCHEMA_FILE, _schema_json(editor_schema(locale)), True)}"
               "  (completion and hover docs in VS Code's YAML extension and JetBrains IDEs)")
    click.echo(f"  next: plangen validate {path} && plangen decompose {path}")


# -- schema -------------------------------------------------------------------------------------

@cli.command()
@click.option("--locale", type=click.Choice(LOCALES), default="en", show_default=True,
              help="Language of the keys' descriptions (editors show them on hover).")
def schema(locale: str) -> None:
    """Print the JSON Schema of plan files, each key described (for editors' completion and hover)."""
    from plangen.editor_schema import editor_schema
    click.echo(_schema_json(editor_schema(locale)), nl=False)


def _schema_json(body: dict) -> str:
    """A schema as the JSON text plangen writes: UTF-8 characters kept, indented, a final newline."""
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"



# -- build, reps (library: plangen.build, plangen.batch) ----------------------------------------

def _output_options(f):
    """The options `build` and `reps` share: --jobs, --force, --templates, --pdf."""
    f = click.option("--pdf", is_flag=True, help="Also write a PDF beside each document (needs LibreOffice).")(f)
    f = click.option("--templates", "templates_dir", type=click.Path(file_okay=False, exists=True), default=None,
                     help="Company template folder [default: the plan's plan.templates, else plangen's].")(f)
    f = click.option("--force", is_flag=True, help="Replace existing files.")(f)
    return click.option("--jobs", type=click.IntRange(min=1), default=None,
                        help="Processes for the rep plans [default: the CPUs, at most 8].")(f)


class ShardParam(click.ParamType):
    """--shard K/N: one of N shards of the rep plans (plangen.batch.Shard)."""

    name = "K/N"

    def convert(self, value, param, ctx):
        from plangen.batch import Shard
        if isinstance(value, Shard):
            return value
        try:
            return Shard.parse(str(value))
        except ValueError as e:
            self.fail(str(e), param, ctx)


def _shard_option(f):
    """--shard K/N for the commands that write rep plans."""
    return click.option("--shard", type=ShardParam(), default=None,
                        help="Write only shard K of N of the rep plans: the reps whose index (0-based, plan "
                             "order) % N == K-1, so N jobs of any scheduler share the team.")(f)


@cli.command("build")
@click.argument("plan_file", metavar="PLAN", type=click.Path(dir_okay=False))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for the annual plan (.docx, .pptx) and reps/.")
@click.option("--reps", is_flag=True, help="Also write one Word plan per rep to OUT/reps/.")
@click.option("--watch", is_flag=True, help="Rebuild whenever PLAN or the templates folder is saved "
              "(replaces its own files, as --force); Ctrl-C stops.")
@click.option("--max-rebuilds", type=click.IntRange(min=0), default=None, hidden=True)  # bounds --watch in tests
@_output_options
@_shard_option
def build_cmd(plan_file: str, out_dir: str, reps: bool, watch: bool, max_rebuilds: int | None, **opts) -> None:
    """Write the annual plan as Word (and PowerPoint) documents; --reps adds one plan per rep.

    With --shard K/N (needs --reps) shard 1 also writes the annual plan, the others only their reps."""
    if opts["shard"] and (not reps or watch):
        raise click.UsageError("--shard needs --reps and no --watch (it splits the rep plans over jobs)")
    if watch:
        _watch_builds(plan_file, out_dir, reps, max_rebuilds, **opts)
    else:
        review_summary(*_build_once(plan_file, out_dir, reps, **opts))


def _build_once(plan_file: str, out_dir: str, reps: bool, jobs: int | None, force: bool,
                templates_dir: str | None, pdf: bool, shard: Shard | None = None) -> tuple[Plan, Decomposition]:
    """Check, decompose and write the documents (and their PDFs); the plan and its decomposition."""
    from plangen.build import plan_documents, template_dir
    plan, doc = load_plan(plan_file)
    d = decompose(plan)
    tdir = template_dir(plan, plan_file, templates_dir)
    annual = shard is None or shard.k == 1
    office = _pdf_prepare(plan, d, plan_file, out_dir, reps, force, shard) if pdf else None
    written = plan_documents(plan, d, plan_file, out_dir, tdir, force, issued=dt.date.today()) if annual else []
    for path in written:
        click.echo(f"✓ wrote {path}")
    if reps:
        written += _write_reps(plan, d, Path(out_dir) / "reps", tdir, jobs, force, shard)
    if office:
        _write_pdfs(written, office)
    warn(plan, d, doc)
    return plan, d


def _pdf_prepare(plan: Plan, d: Decomposition, plan_file: str, out_dir: str, reps: bool, force: bool,
                 shard: Shard | None = None) -> str:
    """The soffice to convert with, checked before anything is written (exit 2 with a hint without one)."""
    from plangen.build import plan_document_paths
    from plangen.pdf import prepare
    docs = plan_document_paths(plan, plan_file, out_dir) if shard is None or shard.k == 1 else []
    return prepare(docs + (_shard_paths(d, Path(out_dir) / "reps", shard) if reps else []), force)


def _shard_paths(d: Decomposition, out_dir: Path, shard: Shard | None) -> list[Path]:
    """The rep plan paths a shard writes (all without one)."""
    from plangen.batch import plan_rep_paths, shard_items
    return [p for _, p in shard_items(plan_rep_paths(d, out_dir), shard)]


def _write_pdfs(documents: list[Path], office: str) -> None:
    """Convert the written documents with LibreOffice and list the PDFs."""
    from plangen.pdf import convert
    click.echo(f"… converting {len(documents)} document(s) to PDF with LibreOffice", err=True)
    pdfs = convert(documents, office)
    for path in pdfs[:3]:
        click.echo(f"✓ wrote {path}")
    if len(pdfs) > 3:
        click.echo(f"✓ wrote {len(pdfs) - 3} more PDFs beside the rep plans")


def _watch_builds(plan_file: str, out_dir: str, reps: bool, max_rebuilds: int | None, **opts) -> None:
    """Build, then rebuild on every save of PLAN or the templates folder, printing what changed."""
    from plangen import watch
    from plangen.pdf import prepare
    if opts["pdf"]:
        prepare([], force=True)  # no LibreOffice: exit 2 now, not a message on every save
    state: dict = {"templates": _watched_templates(plan_file, opts["templates_dir"])}

    def rebuild(files: list[Path]) -> None:
        if files:
            click.echo(f"\n⟳ changed: {', '.join(map(str, files))}")
        result = _guarded(lambda: _build_once(plan_file, out_dir, reps, **{**opts, "force": True}))
        if result:
            _after_rebuild(watch, state, plan_file, opts, result)
        click.echo(f"… watching {plan_file}" + (f" and {state['templates']}/" if state["templates"] else "")
                   + " (Ctrl-C stops)")

    try:
        watch.watch(lambda: [Path(plan_file)] + ([state["templates"]] if state["templates"] else []),
                    rebuild, max_rebuilds=max_rebuilds)
    except KeyboardInterrupt:
        click.echo("stopped watching")


def _watched_templates(plan_file: str, option: str | None) -> Path | None:
    """The templates folder to watch besides the plan: --templates, else the plan's plan.templates."""
    from plangen.build import template_dir
    try:
        return template_dir(load_plan(plan_file)[0], plan_file, option)
    except Exception:  # noqa: BLE001 - an invalid plan is reported by the first build
        return Path(option) if option else None


def _guarded(build):
    """Run one rebuild; print its error instead of stopping the watch (None then)."""
    try:
        return build()
    except click.exceptions.Exit:
        return None  # already reported (a template problem)
    except Exception as e:  # noqa: BLE001 - a bad save must not end the watch
        report(e)
        return None


def _after_rebuild(watch, state: dict, plan_file: str, opts: dict, result: tuple[Plan, Decomposition]) -> None:
    """Print what changed in the plan's figures and the summary; remember the plan and its templates folder."""
    from plangen.build import template_dir
    for line in watch.plan_changes(state.get("last"), result) + watch.summary_lines(*result, plan_file):
        click.echo(line)
    state["last"] = result
    state["templates"] = template_dir(result[0], plan_file, opts["templates_dir"])


@cli.command("reps")
@click.argument("plan_file", metavar="PLAN", type=click.Path(dir_okay=False))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for the rep plans (<id>-<name>.docx).")
@_output_options
@_shard_option
def reps_cmd(plan_file: str, out_dir: str, jobs: int | None, force: bool, templates_dir: str | None,
             pdf: bool, shard: Shard | None) -> None:
    """Write one Word plan per rep (2-4 pages each, with a commitment to sign); --shard K/N writes a share."""
    from plangen.build import template_dir
    from plangen.pdf import prepare
    plan, doc = load_plan(plan_file)
    d = decompose(plan)
    office = prepare(_shard_paths(d, Path(out_dir), shard), force) if pdf else None
    written = _write_reps(plan, d, Path(out_dir), template_dir(plan, plan_file, templates_dir), jobs, force, shard)
    if office:
        _write_pdfs(written, office)
    warn(plan, d, doc)


def _write_reps(plan: Plan, d: Decomposition, out_dir: Path, tdir: Path | None, jobs: int | None,
                force: bool, shard: Shard | None = None) -> list[Path]:
    """Render the rep plans with a progress bar (the paths written); Ctrl-C reports how far it got (exit 130)."""
    from plangen.batch import default_jobs, progress_callback, render_reps
    advance, close = progress_callback(len(_shard_paths(d, out_dir, shard)))
    try:
        result = render_reps(plan, d, out_dir, str(tdir) if tdir else None, jobs or default_jobs(), force, advance,
                             shard)
    finally:
        close()
    if result.interrupted:
        click.echo(f"plangen: {result.summary()} in {out_dir}", err=True)
        raise click.exceptions.Exit(130)
    click.echo(f"✓ {result.summary()} to {out_dir}")
    return result.written


# -- company templates (library: plangen.templates_cmd) -----------------------------------------

@cli.command("render")
@click.argument("template", type=click.Path(dir_okay=False, exists=True))
@click.argument("plan_file", metavar="PLAN", type=click.Path(dir_okay=False))
@click.option("--per-rep", is_flag=True, help="One document per rep (the template sees `rep`).")
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False), default=".", show_default=True,
              help="Folder for the rendered documents.")
@click.option("--force", is_flag=True, help="Replace existing files.")
def render_cmd(template: str, plan_file: str, per_rep: bool, out_dir: str, force: bool) -> None:
    """Render your own .docx/.pptx TEMPLATE (Jinja tags) with PLAN, once or once per rep."""
    from plangen.templates_cmd import render_file
    files = render_file(template, plan_file, per_rep, issued=dt.date.today())
    from plangen.batch import refuse_existing
    paths = [Path(out_dir) / name for name, _ in files]
    if any(p.resolve() == Path(template).resolve() for p in paths):
        raise WriteRefused(f"{template}: would be replaced by its own output; choose another -o folder")
    refuse_existing(paths, force)  # before writing any: never half a set of letters
    for path, (_, data) in zip(paths, files):
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
    directory = directory or str(Path(company_file).with_name(Path(company_file).stem + "-templates"))
    try:
        report = adopt(company_file, directory, overwrite=force)
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
    from plangen.templates_cmd import Note, check
    found = check(directory, plan_file)
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
    from plangen.present.context_doc import generate
    text = generate()
    if output:
        click.echo(f"✓ wrote {write_atomic(output, text, overwrite=True)}")
    else:
        click.echo(text, nl=False)


# -- track (library: plangen.track) -------------------------------------------------------------

@cli.command("track")
@click.argument("plan_file", metavar="PLAN", type=click.Path(dir_okay=False))
@click.argument("actuals_file", metavar="ACTUALS", type=click.Path(dir_okay=False))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False), default=".", show_default=True,
              help="Folder for the progress report (.docx, .pptx, .xlsx).")
@click.option("--as-of", default=None, metavar="MONTH|DATE", help="Last month to count (2027-09), or a date "
              "(2027-09-30): the months closed by then; default: the latest month in ACTUALS.")
@click.option("--templates", "templates_dir", type=click.Path(file_okay=False, exists=True), default=None,
              help="Company template folder [default: the plan's plan.templates, else plangen's].")
@click.option("--force", is_flag=True, help="Replace existing files.")
def track_cmd(plan_file: str, actuals_file: str, out_dir: str, as_of: str | None, templates_dir: str | None,
              force: bool) -> None:
    """Track PLAN against ACTUALS (.csv/.xlsx by month or week): forecast, gap and actions, reps behind plan."""
    from plangen.build import template_dir
    from plangen.track.command import progress_report
    plan, _ = load_plan(plan_file)
    files, summary = progress_report(plan, plan_file, actuals_file, as_of, template_dir(plan, plan_file, templates_dir))
    for name, data in files:
        click.echo(f"✓ wrote {write_atomic(Path(out_dir) / name, data, overwrite=force)}")
    click.echo(summary)


if __name__ == "__main__":
    main()
