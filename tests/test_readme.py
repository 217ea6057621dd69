"""The README works as printed: in a fresh clone, its set-up lines, then every later command line, exit 0.

The clone gets its own .venv the way `pip install -e .` would make it, but without downloading:
the dependencies come from the venv running the tests, plangen from the clone. Everything else
(building the sample, `source .venv/bin/activate`, each `plangen ...` line) runs verbatim in one
bash, so a line that needs an activated venv, a file nobody ships or a `--force` fails here.
About 30-60 s on 2 busy cores; skipped without git or bash.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
INSTALL = "python3 -m venv .venv && .venv/bin/pip install -e . && "
TEST_LINE = ".venv/bin/pip install -e '.[test]' && .venv/bin/pytest"
FINDER = '''"""plangen from {root}, as an editable install maps it (plangen.templates is templates/)."""
import importlib.util, sys
MAP = {{"plangen": {root!r} + "/plangen", "plangen.templates": {root!r} + "/templates"}}
class Finder:
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        root = MAP.get(name)
        return root and importlib.util.spec_from_file_location(name, root + "/__init__.py",
                                                               submodule_search_locations=[root])
sys.meta_path.insert(0, Finder)
'''

pytestmark = [pytest.mark.readme,
              pytest.mark.skipif(not (shutil.which("git") and shutil.which("bash")), reason="needs git and bash")]


def sh_blocks(text: str) -> list[list[str]]:
    """The command lines of each ```sh block (blank lines dropped)."""
    blocks = re.findall(r"^```sh\n(.*?)^```", text, flags=re.S | re.M)
    return [[line for line in b.splitlines() if line.strip()] for b in blocks]


def install_like_pip(clone: Path) -> None:
    """`python3 -m venv .venv && .venv/bin/pip install -e .` offline: deps from this venv, plangen from `clone`."""
    subprocess.run(["python3", "-m", "venv", "--without-pip", ".venv"], cwd=clone, check=True)
    site = next((clone / ".venv" / "lib").glob("python3*/site-packages"))
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site / "_plangen_deps.pth").write_text("\n".join(sorted(deps)) + "\n")
    (site / "_plangen_clone_finder.py").write_text(FINDER.format(root=str(clone)))
    (site / "_plangen_clone.pth").write_text("import _plangen_clone_finder\n")
    script = clone / ".venv" / "bin" / "plangen"
    script.write_text(f"#!{clone}/.venv/bin/python\nimport sys\nfrom plangen.cli import main\nsys.exit(main())\n")
    script.chmod(0o755)


def path_without_plangen() -> str:
    """PATH minus every folder holding a `plangen`, so only the README's own set-up can provide one."""
    dirs = os.environ.get("PATH", os.defpath).split(os.pathsep)
    return os.pathsep.join(d for d in dirs if d and not (Path(d) / "plangen").exists())


def run_in(clone: Path, lines: list[str]) -> subprocess.CompletedProcess:
    """Run `lines` in one bash in `clone`, stopping at the first failing one and naming it."""
    script = "set -eo pipefail\ntrap 'echo \"README line failed: $BASH_COMMAND\" >&2' ERR\n" + "\n".join(lines)
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PLANGEN_DEBUG")}
    env["PATH"] = path_without_plangen()
    return subprocess.run(["bash", "-c", script], cwd=clone, env=env, capture_output=True, text=True, timeout=240)


def it_starts_with_the_two_set_up_lines_ci_runs():
    """Line 1 installs and builds the sample; line 2 is the test command .ci/run runs (pip quietened by -q)."""
    setup = sh_blocks((ROOT / "README.md").read_text(encoding="utf-8"))[0]
    assert len(setup) == 2
    assert setup[0].startswith(INSTALL)
    assert setup[1] == TEST_LINE
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").replace(" -q -e ", " -e ")
    assert TEST_LINE in ci.splitlines()


def it_runs_every_command_line_as_printed_in_a_fresh_clone(tmp_path):
    """git clone, install, line 1's build, then every command of every later block: exit 0, files there."""
    clone = tmp_path / "plangen"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    setup, *use = sh_blocks((clone / "README.md").read_text(encoding="utf-8"))
    install_like_pip(clone)
    result = run_in(clone, [setup[0].removeprefix(INSTALL)] + [line for block in use for line in block])
    assert result.returncode == 0, result.stderr[-3000:]
    assert "README line failed" not in result.stderr
    for made in ("my-plan/plan.yaml", "out/reps", "out/letters/quota-letter-r01.docx", "out/track", "plan.xlsx"):
        assert (clone / made).exists(), made
