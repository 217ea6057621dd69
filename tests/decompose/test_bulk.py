"""plangen.bulk: the collector paused while modules load, and the process ended without teardown."""
from __future__ import annotations

import gc
import subprocess
import sys

import pytest

from plangen.bulk import loading_modules


def it_pauses_the_collector_while_loading_and_turns_it_back_on():
    assert gc.isenabled()
    with loading_modules():
        assert not gc.isenabled()
    assert gc.isenabled()


def it_leaves_the_collector_off_when_it_was_off_before():
    gc.disable()
    try:
        with loading_modules():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize("code, status, stderr", [
    ("None", 0, ""),
    ("3", 3, ""),
    ("'bad plan'", 1, "bad plan\n"),
])
def it_exits_as_sys_exit_would_after_the_exit_handlers_and_flushed_output(code, status, stderr):
    script = ("import atexit, sys\nfrom plangen.bulk import exit_now\n"
              "atexit.register(lambda: print('handler ran'))\n"
              f"print('written', end='')\nexit_now({code})\n")
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert (r.returncode, r.stdout, r.stderr) == (status, "writtenhandler ran\n", stderr)
