"""openxml-audit for tests: the strictest offline check that Word, PowerPoint and Excel open a file cleanly."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def audit_errors(path: Path) -> str:
    """openxml-audit's output when it reports errors, else ''."""
    exe = Path(sys.executable).with_name("openxml-audit")
    exe = str(exe) if exe.exists() else shutil.which("openxml-audit")
    if exe is None:
        pytest.skip("openxml-audit is not installed")
    done = subprocess.run([exe, "-m", "0", str(path)], capture_output=True, text=True)
    return "" if done.returncode == 0 and "Errors: 0" in done.stdout else done.stdout + done.stderr
