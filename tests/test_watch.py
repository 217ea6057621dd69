"""`plangen build --watch`: one rebuild per save of the plan or the templates folder, with what changed."""
from __future__ import annotations

import sys
import threading
import types
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from plangen import watch
from plangen.cli import cli
from plangen.decompose import decompose


def save_once_built(built: Path, save) -> threading.Thread:
    """An editor: once `built` exists (the first build is done), call `save()`; started, to be joined."""
    def run() -> None:
        deadline = time.monotonic() + 120
        while not built.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        save()
    editor = threading.Thread(target=run, daemon=True)
    editor.start()
    return editor


def watch_build(*args: str):
    """`plangen build ARGS --watch --max-rebuilds 1` in-process: the first build and one rebuild."""
    return CliRunner().invoke(cli, ["build", *map(str, args), "--watch", "--max-rebuilds", "1"])


@pytest.fixture
def plan_file(tmp_path, make_plan, to_yaml_text) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(to_yaml_text(make_plan()), encoding="utf-8")
    return path


def it_sees_a_changed_added_and_removed_file(tmp_path):
    """Snapshots compare size and mtime: an edit, a new file and a deletion are each a change."""
    (tmp_path / "a.j2").write_text("a")
    (tmp_path / "gone.j2").write_text("g")
    before = watch.snapshot([tmp_path])
    (tmp_path / "a.j2").write_text("aa")
    (tmp_path / "new.j2").write_text("n")
    (tmp_path / "gone.j2").unlink()
    assert [p.name for p in watch.changed(before, watch.snapshot([tmp_path]))] == ["a.j2", "gone.j2", "new.j2"]


def it_rebuilds_once_per_save_and_not_while_nothing_changes(plan_file):
    """Build, three quiet polls, one save, then the rebuild gets the changed file; max_rebuilds=1 ends it."""
    builds: list[list[Path]] = []
    polls = iter(range(100))

    def sleep(_: float) -> None:
        if next(polls) == 3:
            plan_file.write_text(plan_file.read_text() + "\n# saved\n")

    count = watch.watch(lambda: [plan_file], builds.append, max_rebuilds=1, sleep=sleep)
    assert count == 1
    assert builds == [[], [plan_file]]


def it_names_the_figures_a_plan_writer_changed(make_plan, plan_from):
    """12M phased 20/25/30/25 -> 14M phased alike: total 12,000k -> 14,000k; Q1 2,400k -> 2,800k ... (display k)."""
    before, after = (plan_from(make_plan(**{"targets.revenue": r, "plan.display_unit": "k"})) for r in ("12M", "14M"))
    lines = watch.plan_changes((before, decompose(before)), (after, decompose(after)))
    assert lines[:2] == ["total: 12,000k → 14,000k", "Q1: 2,400k → 2,800k"]
    assert len(lines) == 5


def it_prints_the_validation_summary_without_the_review_module(make_plan, plan_from, monkeypatch):
    """Until plangen.review exists, the summary after each build is the validation line."""
    monkeypatch.setitem(sys.modules, "plangen.review", None)  # import plangen.review raises ImportError
    plan = plan_from(make_plan())
    assert watch.summary_lines(plan, decompose(plan), "plan.yaml") == [
        "✓ plan.yaml: valid · $12,000,000 · 2 rep(s) · no warnings"]


def it_prints_the_review_summary_when_the_review_module_is_installed(make_plan, plan_from, monkeypatch):
    """With plangen.review (issue 12) present, its Writer's summary of review(plan, d) is the summary line."""
    review = types.ModuleType("plangen.review")
    review.review = lambda plan, d: ("finding",)
    text = types.ModuleType("plangen.review.text")
    text.Writer = lambda plan, d: types.SimpleNamespace(summary=lambda r: f"review: {len(r)} finding(s)")
    monkeypatch.setitem(sys.modules, "plangen.review", review)
    monkeypatch.setitem(sys.modules, "plangen.review.text", text)
    plan = plan_from(make_plan())
    assert watch.summary_lines(plan, decompose(plan), "plan.yaml") == ["review: 1 finding(s)"]


def it_rebuilds_the_documents_when_the_plan_is_saved(plan_file, tmp_path):
    """`build --watch`: the first build writes the .docx; raising revenue 12M -> 15M rewrites it once."""
    docx = tmp_path / "out" / "Test_plan.docx"
    editor = save_once_built(docx, lambda: plan_file.write_text(plan_file.read_text().replace("12M", "15M")))
    result = watch_build(plan_file, "-o", tmp_path / "out")
    editor.join()
    assert result.exit_code == 0, result.output
    assert result.stdout.count(f"✓ wrote {docx}") == 2
    assert f"⟳ changed: {plan_file}" in result.stdout
    assert "total: 12,000,000 → 15,000,000" in result.stdout
    assert result.stdout.count("… watching") == 2


def it_keeps_watching_after_a_save_that_makes_the_plan_invalid(plan_file, tmp_path):
    """A bad save prints the problem (file:line:col) and the watch goes on; nothing is rewritten."""
    docx = tmp_path / "out" / "Test_plan.docx"
    editor = save_once_built(docx, lambda: plan_file.write_text(plan_file.read_text().replace("12M", "lots")))
    result = watch_build(plan_file, "-o", tmp_path / "out")
    editor.join()
    assert result.exit_code == 0, result.output
    assert f"{plan_file}:" in result.stderr and "targets.revenue" in result.stderr
    assert result.stdout.count("✓ wrote") == 2  # the first build only (.docx, .pptx)


def it_says_the_targets_are_unchanged_after_a_template_or_text_edit(make_plan, plan_from):
    """Same figures before and after (a template designer's save): one line saying so."""
    plan = plan_from(make_plan())
    assert watch.plan_changes((plan, decompose(plan)), (plan, decompose(plan))) == ["targets unchanged"]


def it_rebuilds_when_a_template_of_the_templates_folder_is_saved(plan_file, tmp_path):
    """`--templates DIR --watch`: a saved text template is one rebuild, and the figures are unchanged."""
    from plangen.templates_cmd import export
    export(tmp_path / "look")
    template = tmp_path / "look" / "text" / "en" / "document.j2"
    docx = tmp_path / "out" / "Test_plan.docx"
    edited = template.read_text(encoding="utf-8") + "\n{# edited #}\n"
    editor = save_once_built(docx, lambda: template.write_text(edited, encoding="utf-8"))
    result = watch_build(plan_file, "-o", tmp_path / "out", "--templates", tmp_path / "look")
    editor.join()
    assert result.exit_code == 0, result.output
    assert f"⟳ changed: {template}" in result.stdout
    assert "targets unchanged" in result.stdout
    assert result.stdout.count(f"✓ wrote {docx}") == 2
