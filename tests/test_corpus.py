"""Hard and hostile plan files through the real CLI: a located message and exit 2, or exit 0 and correct output.

The cases are the files of tests/corpus/ plus three made here (a missing file, a directory, a 5 MB plan);
tests/corpus/expected.yaml says for each what the user must see. docs/errors.md is generated from that
table: `python tests/test_corpus.py --write-docs` rewrites it, and a test checks it is up to date.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from plangen.cli import cli

CORPUS = Path(__file__).resolve().parent / "corpus"
ERRORS_DOC = CORPUS.parent.parent / "docs" / "errors.md"
CASES: dict[str, dict] = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))
INVALID = sorted(n for n, c in CASES.items() if c["exit"] != 0)
VALID = sorted(n for n, c in CASES.items() if c["exit"] == 0)
ODD_NAMES = sorted(n for n in VALID if "reps" in CASES[n] or n == "valid_long_rep_name.yaml")
# the 5 MB plan takes most of this file's time: marked slow (run with --slow; CI runs it)
CASE_PARAMS = [pytest.param(n, id=n, marks=pytest.mark.slow) if n == "five_megabyte_plan" else pytest.param(n, id=n)
               for n in sorted(CASES)]
REVENUE = 12_000_000  # every valid corpus plan asks for 12M
WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}


def big_plan_text(n_reps: int = 2000, n_tasks: int = 20000) -> str:
    """A valid plan of about 5 MB: many reps and many long tasks."""
    reps = "".join(f"    - {{id: r{i:05d}, name: Rep {i}, weight: 1.{i % 10}}}\n" for i in range(n_reps))
    tasks = "".join(f"  - {{task: 'Task {i} {'x' * 200}', owner: M}}\n" for i in range(n_tasks))
    return ("plan:\n  title: Big\n  period: 2027\n  locale: en\n  currency: USD\n"
            "targets:\n  revenue: 12M\n  rounding: 1000\nteam:\n  reps:\n" + reps + "tasks:\n" + tasks)


def case_path(name: str, tmp_path: Path) -> Path:
    """The plan file of a case: from the corpus, or made in tmp_path."""
    if name == "missing_file":
        return tmp_path / "no-such-plan.yaml"
    if name == "directory_as_plan":
        (tmp_path / "a-folder").mkdir()
        return tmp_path / "a-folder"
    if name == "five_megabyte_plan":
        path = tmp_path / "five_megabyte_plan.yaml"
        path.write_text(big_plan_text(), encoding="utf-8")
        assert path.stat().st_size >= 4_500_000
        return path
    return CORPUS / name


def invoke(*args: object):
    """Run plangen in-process; stdout and stderr kept apart."""
    return CliRunner().invoke(cli, [str(a) for a in args])


def assert_no_crash(result) -> None:
    """No traceback, and no exception other than click's exit."""
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "internal error" not in result.stderr


def assert_refused(name: str, path: Path, result) -> None:
    """Exit 2 with the expected `file:line:col: key: message` as the first line."""
    case = CASES[name]
    assert result.exit_code == 2, result.stderr
    first = result.stderr.strip().splitlines()[0]
    if case.get("usage"):
        assert case["message"] in result.stderr
        return
    m = re.match(re.escape(str(path)) + r":(\d+):(\d+): (.*)$", first)
    assert m, f"no file:line:col in {first!r}"
    assert f"{m.group(1)}:{m.group(2)}".startswith(str(case["at"])), first
    assert m.group(3).startswith(f"{case['key']}: "), first
    assert case["message"] in m.group(3), first


def plan_reps(path: Path) -> list[list[str]]:
    """The reps' [id, name] read from the file independently of plangen (plain PyYAML)."""
    data = yaml.safe_load(path.read_bytes().decode("utf-8-sig"))
    reps = ((data.get("team") or {}).get("reps")) or []
    return [[str(r["id"]).strip(), str(r["name"]).strip()] for r in reps]


def assert_correct(name: str, path: Path, doc: dict) -> None:
    """The decomposition adds up at every level and keeps every rep's id and name exactly."""
    case = CASES[name]
    months = {m["key"]: m["amount"] for m in doc["months"]}
    assert doc["total"] == REVENUE == sum(months.values()) == sum(q["amount"] for q in doc["quarters"])
    for q in doc["quarters"]:
        assert q["amount"] == sum(months[k] for k in q["months"])
    assert len(doc["months"]) == case.get("months", 12)
    reps = [[r["id"], r["name"]] for r in doc["reps"]]
    assert reps == plan_reps(path)
    if "reps" in case:
        assert reps == case["reps"]
    if reps:
        assert sum(r["total"] for r in doc["reps"]) + doc["unassigned"]["total"] == doc["total"]
        for r in doc["reps"]:
            assert sum(r["months"]) == r["total"] == sum(r["quarters"])


@pytest.mark.parametrize("name", CASE_PARAMS)
def test_validate(name: str, tmp_path: Path) -> None:
    """`plangen validate`: a located message and exit 2, or `valid` and exit 0; never a traceback."""
    path = case_path(name, tmp_path)
    result = invoke("validate", path)
    assert_no_crash(result)
    if CASES[name]["exit"]:
        assert_refused(name, path, result)
        assert "valid" not in result.stdout
    else:
        assert result.exit_code == 0, result.stderr
        assert f"{path}: valid" in result.stdout


@pytest.mark.parametrize("name", CASE_PARAMS)
def test_decompose_json(name: str, tmp_path: Path) -> None:
    """`plangen decompose --format json`: correct numbers, or exit 2 and no output file at all."""
    path = case_path(name, tmp_path)
    if CASES[name]["exit"]:
        out = tmp_path / "out.json"
        result = invoke("decompose", path, "--format", "json", "-o", out)
        assert_no_crash(result)
        assert_refused(name, path, result)
        assert not out.exists() and result.stdout == ""
        return
    result = invoke("decompose", path, "--format", "json")
    assert_no_crash(result)
    assert result.exit_code == 0, result.stderr
    assert_correct(name, path, json.loads(result.stdout))


def safe_file_name(name: str) -> bool:
    """A name that is a plain file name on Linux, macOS and Windows alike."""
    stem = name.split(".")[0].rstrip(" ").upper()
    return (name not in (".", "..") and not re.search(r'[<>:"/\\|?*\x00-\x1f]', name)
            and not name.endswith((".", " ")) and stem not in WINDOWS_RESERVED
            and len(name.encode("utf-8")) <= 255 and unicodedata.category(name[0]) not in ("Cf", "Cc"))


def test_safe_file_name() -> None:
    """The name check itself refuses what Windows or a path would misread."""
    assert safe_file_name("r01-Ann.docx") and safe_file_name("🦄-Ann_😀.docx") and safe_file_name("CON-NUL.docx")
    for bad in ("CON.docx", "nul", "aux.txt", "a/b.docx", "..", "x.", "a:b", "\u202eexe.docx", "x" * 256):
        assert not safe_file_name(bad), bad


def _has_build() -> bool:
    return "build" in cli.commands


@pytest.mark.skipif(not _has_build(), reason="plangen build is not there yet")
@pytest.mark.parametrize("name", ODD_NAMES, ids=str)
def test_build_odd_names(name: str, tmp_path: Path) -> None:
    """`plangen build --reps` of valid plans with odd names: every file inside OUT, safely named, complete."""
    path = case_path(name, tmp_path)
    out = tmp_path / "out"
    result = invoke("build", path, "-o", out, "--reps", "--jobs", "1")
    assert_no_crash(result)
    assert result.exit_code == 0, result.stderr
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert written and all(p.resolve().is_relative_to(out.resolve()) for p in written)
    for p in written:
        assert safe_file_name(p.name), p.name
        assert p.suffix in (".docx", ".pptx"), p.name  # nothing temporary or partial left behind
        with zipfile.ZipFile(p) as z:
            assert z.testzip() is None
    rep_files = [p for p in written if p.parent.name == "reps"]
    assert len({p.name.lower() for p in rep_files}) == len(plan_reps(path))


@pytest.mark.skipif(not _has_build(), reason="plangen build is not there yet")
@pytest.mark.parametrize("name", ["duplicate_rep_ids.yaml", "gbk_encoded_chinese.yaml",
                                  "python_object_apply_os_system.yaml", "alias_bomb_billion_laughs.yaml"], ids=str)
def test_build_invalid_writes_nothing(name: str, tmp_path: Path) -> None:
    """`plangen build` of an invalid plan exits 2 and writes no file."""
    path = case_path(name, tmp_path)
    out = tmp_path / "out"
    result = invoke("build", path, "-o", out, "--reps")
    assert_no_crash(result)
    assert_refused(name, path, result)
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]


def test_every_corpus_file_has_a_case() -> None:
    """Each file of tests/corpus/ is in the table and each table entry names a file or a made case."""
    files = {p.name for p in CORPUS.iterdir()} - {"expected.yaml"}
    made = {"missing_file", "directory_as_plan", "five_megabyte_plan"}
    assert files == set(CASES) - made
    assert len(CASES) >= 40


def errors_markdown() -> str:
    """docs/errors.md: every refusal of the corpus, what the user sees and what it means."""
    out = ["# Error messages", "",
           "<!-- generated from tests/corpus/expected.yaml by `python tests/test_corpus.py --write-docs` -->", "",
           "Every problem with a plan is printed as one line `FILE:LINE:COL: KEY: MESSAGE` on stderr, and",
           "`plangen validate`, `decompose` and `build` exit with status 2. All problems of a file are shown at",
           "once, in file order; nothing is written for an invalid plan. `KEY` is the key path (`team.reps[1].id`);",
           "`(top level)` means the problem is with the file as a whole. The MESSAGE says what was expected and",
           "what was found. Exit 1 means plangen itself failed (a bug: please report it; `PLANGEN_DEBUG=1` shows",
           "the details); it is never used for a problem in the plan.", "",
           "The table lists what users meet, one line per case of the test corpus (`tests/corpus/`, where the",
           "file of each case shows the input). Long messages are shortened here.", "",
           "| case | what plangen says | what it means |", "|---|---|---|"]
    for name in INVALID:
        c = CASES[name]
        at = str(c["at"]).rstrip(":") if not c.get("usage") else ""
        said = c["message"] if c.get("usage") else f"{at}: {c['key']}: {c['message']}"
        out.append(f"| {name.removesuffix('.yaml').replace('_', ' ')} | {_code(said)} | {_cell(c['means'])} |")
    out += ["", "## Plans that look wrong but are valid", "",
            "These are accepted, and the corpus checks that their numbers and names come out right.", "",
            "| case | what happens |", "|---|---|"]
    for name in VALID:
        out.append(f"| {name.removesuffix('.yaml').replace('_', ' ')} | {_cell(CASES[name]['means'])} |")
    return "\n".join(out) + "\n"


def _code(text: str) -> str:
    """Text as a Markdown code span inside a table cell (double backticks when it holds one)."""
    text = text.replace("|", "\\|")
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def test_errors_doc_is_up_to_date() -> None:
    """docs/errors.md is the table rendered (run `python tests/test_corpus.py --write-docs` after editing it)."""
    assert ERRORS_DOC.read_text(encoding="utf-8") == errors_markdown()


if __name__ == "__main__" and "--write-docs" in sys.argv:
    ERRORS_DOC.write_text(errors_markdown(), encoding="utf-8")
    print(f"wrote {ERRORS_DOC}")
