"""`plangen build --pdf` / `reps --pdf`: a PDF beside each document through LibreOffice, or exit 2 and the hint.

The real conversion runs when LibreOffice and pdftotext are installed; a stand-in `soffice`
(a script on PATH that writes a PDF-named file per input) checks the calls themselves.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from plangen import pdf
from plangen.cli import cli

FAKE_SOFFICE = """#!/bin/sh
# records its arguments, then writes <outdir>/<stem>.pdf for each input (or fails, as $FAKE_MODE says)
echo "$@" >> "$FAKE_LOG"
[ "$FAKE_MODE" = hang ] && exec sleep 60
[ "$FAKE_MODE" = fail ] && { echo "Error: source file could not be loaded" >&2; exit 1; }
while [ $# -gt 0 ]; do
  case "$1" in
    --outdir) shift; out="$1" ;;
    *.docx|*.pptx) mkdir -p "$out"; [ "$FAKE_MODE" = silent ] || echo "%PDF-1.7 $1" > "$out/$(basename "${1%.*}").pdf" ;;
  esac
  shift
done
"""


SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "zh-annual-plan.yaml"


def plangen(*args):
    """`plangen ARGS...` in-process: the click result, stdout and stderr apart."""
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def fake_soffice(tmp_path, monkeypatch):
    """A stand-in soffice first on PATH; returns the file its calls are logged to."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "soffice").write_text(FAKE_SOFFICE)
    (bin_dir / "soffice").chmod(0o755)
    log = tmp_path / "soffice.log"
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")  # the stand-in comes first
    monkeypatch.setenv("FAKE_LOG", str(log))
    monkeypatch.setenv("FAKE_MODE", "ok")
    return log


@pytest.mark.parametrize("document, expected", [
    ("out/销售经理明年工作计划.docx", "out/销售经理明年工作计划.pdf"),
    ("out/销售经理明年工作计划.pptx", "out/销售经理明年工作计划-deck.pdf"),
    ("out/reps/r01-张伟.docx", "out/reps/r01-张伟.pdf"),
])
def it_names_each_pdf_after_its_document_and_the_deck_apart(document, expected):
    """The plan and its deck share a stem, so the deck's PDF is NAME-deck.pdf."""
    assert pdf.pdf_path(Path(document)) == Path(expected)


def it_exits_2_with_the_package_to_install_and_writes_nothing_without_libreoffice(tmp_path,
                                                                                monkeypatch):
    """No soffice on PATH: the hint names libreoffice-writer and libreoffice-impress; no folder is made."""
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    result = plangen("build", SAMPLE, "-o", tmp_path / "out", "--reps", "--pdf")
    assert result.exit_code == 2
    assert "apt-get install libreoffice-writer libreoffice-impress" in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def it_exits_2_at_once_when_watching_with_pdf_without_libreoffice(tmp_path, monkeypatch):
    """`build --watch --pdf` without soffice: exit 2 and the hint before the first build, not one per save."""
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    result = plangen("build", SAMPLE, "-o", tmp_path / "out", "--watch", "--pdf", "--max-rebuilds", "0")
    assert result.exit_code == 2 and "libreoffice-writer" in result.stderr
    assert not (tmp_path / "out").exists()


def it_converts_with_a_private_profile_per_call_one_call_per_folder_and_type(tmp_path, fake_soffice):
    """Plan .docx, deck .pptx (same stem) and rep plans: three calls, three distinct profiles, every PDF in place."""
    out = tmp_path / "out"
    result = plangen("build", SAMPLE, "-o", out, "--reps", "--pdf")
    assert result.exit_code == 0, result.output
    calls = fake_soffice.read_text().splitlines()
    assert len(calls) == 3
    profiles = {a for c in calls for a in c.split() if a.startswith("-env:UserInstallation=file://")}
    assert len(profiles) == 3
    assert "--headless" in calls[0]
    assert sorted(p.name for p in out.glob("*.pdf")) == ["销售经理明年工作计划-deck.pdf", "销售经理明年工作计划.pdf"]
    assert len(list((out / "reps").glob("*.pdf"))) == 5
    assert not list(out.rglob(".plangen-pdf-*"))  # the temporary folders and profiles are gone


def it_converts_the_rep_plans_of_the_reps_command(tmp_path, fake_soffice):
    """`plangen reps --pdf`: one PDF per rep plan."""
    result = plangen("reps", SAMPLE, "-o", tmp_path / "reps", "--pdf")
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "reps").glob("*.pdf"))) == 5


def it_refuses_existing_pdfs_before_writing_anything(tmp_path, fake_soffice):
    """A PDF already there and no --force: exit 1 naming it, the documents are not rewritten either."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "销售经理明年工作计划.pdf").write_text("old")
    result = plangen("build", SAMPLE, "-o", out, "--pdf")
    assert result.exit_code == 1
    assert "销售经理明年工作计划.pdf" in result.stderr and "--force" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["销售经理明年工作计划.pdf"]
    assert plangen("build", SAMPLE, "-o", out, "--pdf", "--force").exit_code == 0
    assert (out / "销售经理明年工作计划.pdf").read_text().startswith("%PDF")


@pytest.mark.parametrize("mode, message", [
    ("fail", "LibreOffice failed (exit 1): Error: source file could not be loaded"),
    ("silent", "LibreOffice wrote no PDF"),
])
def it_reports_a_failed_conversion_in_one_line(tmp_path, fake_soffice, monkeypatch, mode, message):
    """LibreOffice errors or writes nothing: exit 1, one line naming the document, no traceback."""
    monkeypatch.setenv("FAKE_MODE", mode)
    result = plangen("build", SAMPLE, "-o", tmp_path / "out", "--pdf")
    assert result.exit_code == 1
    assert message in result.stderr and "销售经理明年工作计划.docx" in result.stderr
    assert "Traceback" not in result.output


def it_stops_a_conversion_that_runs_out_of_time(tmp_path, fake_soffice, monkeypatch):
    """A LibreOffice that hangs is stopped at the time limit (here 1 s): exit 1 saying so."""
    monkeypatch.setenv("FAKE_MODE", "hang")
    monkeypatch.setattr(pdf, "SECONDS_PER_CALL", 1)
    monkeypatch.setattr(pdf, "SECONDS_PER_FILE", 0)
    result = plangen("build", SAMPLE, "-o", tmp_path / "out", "--pdf")
    assert result.exit_code == 1
    assert "LibreOffice did not finish within 1 s" in result.stderr


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice or poppler-utils not installed")
def it_writes_pdfs_of_the_zh_sample_holding_the_quarter_targets(tmp_path):
    """The zh sample's quarters are 20/25/30/25% of 10,000万: 2,000万 2,500万 3,000万 2,500万, in both PDFs;
    the headline total reads 1亿元."""
    out = tmp_path / "out"
    result = plangen("build", SAMPLE, "-o", out, "--reps", "--pdf")
    assert result.exit_code == 0, result.output
    for name in ("销售经理明年工作计划.pdf", "销售经理明年工作计划-deck.pdf"):
        text = subprocess.run(["pdftotext", "-layout", str(out / name), "-"], capture_output=True, text=True,
                              check=True).stdout.replace(" ", "")
        for shown in ("2,000万", "2,500万", "3,000万", "1亿元"):
            assert shown in text, (name, shown)
    assert len(list((out / "reps").glob("*.pdf"))) == 5
