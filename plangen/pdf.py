"""PDFs of written Word and PowerPoint files, through LibreOffice headless (`plangen build --pdf`).

Each conversion runs `soffice` with its own temporary profile (-env:UserInstallation), so
several plangen processes, or a LibreOffice the user has open, never share one; it is bounded
in time (`timeout -k`, and a kill of its process group as a fallback). LibreOffice writes
into a temporary folder beside the targets; each PDF is then moved into place, so a reader
never sees half a PDF.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .batch import refuse_existing

INSTALL_HINT = ("--pdf needs LibreOffice, and `soffice` is not on PATH; install it "
                "(Debian/Ubuntu: apt-get install libreoffice-writer libreoffice-impress; "
                "macOS: brew install --cask libreoffice) or leave out --pdf")
SECONDS_PER_CALL, SECONDS_PER_FILE = 120, 10


class PdfUnavailable(Exception):
    """LibreOffice is not installed: nothing was written."""


class PdfFailed(Exception):
    """LibreOffice ran but did not produce a PDF (or ran out of time)."""


def pdf_path(document: Path) -> Path:
    """Where a document's PDF goes: NAME.pdf beside NAME.docx, NAME-deck.pdf beside NAME.pptx."""
    suffix = "-deck" if document.suffix.lower() == ".pptx" else ""
    return document.with_name(f"{document.stem}{suffix}.pdf")


def prepare(documents: Iterable[Path], force: bool) -> str:
    """Before anything is written: the soffice to use; PdfUnavailable without one, WriteRefused over PDFs."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if not office:
        raise PdfUnavailable(INSTALL_HINT)
    refuse_existing([pdf_path(Path(p)) for p in documents], force)
    return office


def convert(documents: Iterable[Path], office: str) -> list[Path]:
    """Convert `documents` to PDFs beside them, one LibreOffice call per folder and file type."""
    groups: dict[tuple[Path, str], list[Path]] = {}
    for doc in map(Path, documents):
        groups.setdefault((doc.parent, doc.suffix.lower()), []).append(doc)
    return [pdf for (folder, _), docs in groups.items() for pdf in _convert_group(folder, docs, office)]


def _convert_group(folder: Path, docs: list[Path], office: str) -> list[Path]:
    """Convert documents of one folder and type in one soffice call; move each PDF into place."""
    with tempfile.TemporaryDirectory(prefix=".plangen-pdf-", dir=folder) as tmp:
        _run_soffice(office, Path(tmp), docs)
        out = []
        for doc in docs:
            made = Path(tmp) / "pdf" / f"{doc.stem}.pdf"
            if not made.is_file():
                raise PdfFailed(f"{doc}: LibreOffice wrote no PDF")
            os.replace(made, pdf_path(doc))
            out.append(pdf_path(doc))
        return out


def _run_soffice(office: str, tmp: Path, docs: list[Path]) -> None:
    """soffice --headless --convert-to pdf with a private profile under `tmp`, bounded in time."""
    seconds = SECONDS_PER_CALL + SECONDS_PER_FILE * len(docs)
    cmd = [office, f"-env:UserInstallation={(tmp / 'profile').as_uri()}", "--headless", "--norestore",
           "--convert-to", "pdf", "--outdir", str(tmp / "pdf"), *map(str, docs)]
    if shutil.which("timeout"):
        cmd = ["timeout", "-k", "10", str(seconds), *cmd]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _, err = proc.communicate(timeout=seconds + 20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise PdfFailed(f"{docs[0]}: LibreOffice did not finish within {seconds} s") from None
    if proc.returncode in (124, 137):  # timeout(1): the limit was reached, then the kill
        raise PdfFailed(f"{docs[0]}: LibreOffice did not finish within {seconds} s")
    if proc.returncode:
        last = err.decode(errors="replace").strip().splitlines()[-1:] or ["no message"]
        raise PdfFailed(f"{docs[0]}: LibreOffice failed (exit {proc.returncode}): {last[0]}")
