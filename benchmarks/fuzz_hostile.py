"""Fuzz run (issue 15): mutated plans through every command, mutated actuals through the reader.

Each plan is one of the seed plans (the test suite's base plan and every sample plan) with 1-3 random
mutations (hostile texts: formulas, control characters, surrogates, markup, huge numbers, wrong types,
deleted or unknown keys, long lists, hostile rep and customer names). Each is written to a file and run
through the CLI in this process (click's runner, as a user runs it): `validate`; when valid, `review`,
`decompose` to json, xlsx and csv of every view, `build --reps` (Word plan, deck, every rep's plan, one
process) and `track` against actuals made from its own first two months (report .docx/.pptx/.xlsx).
A crash is an exit other than 0 or 2, an exception out of the CLI, "internal error" or a traceback; a
command refusing (exit 2) a plan validate passed is listed too.
Actuals: a valid table mutated (cells: formulas, bad dates, huge fields, surrogates; rows dropped or
repeated; encodings with and without BOMs, wrong BOMs, delimiters; workbooks with dates, numbers,
formulas without cached values, flipped bytes) through read_actuals and track; every N-th through
`plangen track`.
Run (one process, the machine is shared): nice -n 10 .venv/bin/python benchmarks/fuzz_hostile.py
    [--plans 5000] [--actuals 2000] [--seed 15] [--keep DIR]
"""
from __future__ import annotations

import argparse
import copy
import csv
import datetime as dt
import io
import os
import random
import sys
import tempfile
import time
import traceback
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import yaml
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from conftest import BASE_PLAN  # noqa: E402

from plangen.cli import cli  # noqa: E402
from plangen.decompose import decompose  # noqa: E402
from plangen.model import PlanError, loads  # noqa: E402
from plangen.present import tables  # noqa: E402
from plangen.track import read_actuals, track  # noqa: E402

RUNNER = CliRunner()
TEXTS = ["=1+1", '=HYPERLINK("http://x","y")', "+A1", "-x", "@SUM(A1)", "\tx", "A&B <Ltd>", "\"O'Brien\"",
         "T\x01", "A\ud800", "", " ", "x" * 5000, "销售" * 300, "a/b", "a?b", "CON", "../x", "{{ 7*7 }}",
         "{% for %}", "\u202e", "😀", "NaN", "-0", "1e999", "0x10"]
VALUES = [0, -1, 10**19, 1.5, float("inf"), True, None, [], {}, "12M", "150%", "-10%", "2027-02-30", "1 month",
          "rest", "50%", [1, 2], {"a": 1}]


def mutate(plan: dict, rng: random.Random) -> dict:
    """The plan with one random change at a random place."""
    paths = list(_paths(plan))
    if not paths:
        return plan
    path = rng.choice(paths)
    parent, key = _parent(plan, path)
    roll = rng.random()
    if roll < 0.35:
        parent[key] = rng.choice(TEXTS)
    elif roll < 0.6:
        parent[key] = copy.deepcopy(rng.choice(VALUES))
    elif roll < 0.7 and isinstance(parent, dict):
        del parent[key]
    elif roll < 0.8 and isinstance(parent, dict):
        parent[rng.choice(TEXTS[:8]) or "k"] = rng.choice(VALUES)
    elif roll < 0.9 and isinstance(parent[key], list) and parent[key]:
        parent[key] = parent[key] * rng.choice([2, 30])
    else:
        _rename_someone(plan, rng)
    return plan


def _rename_someone(plan: dict, rng: random.Random) -> None:
    """A rep or customer gets a hostile name (keeps the plan valid more often than other mutations)."""
    team, crm = plan.get("team"), plan.get("crm")
    people = [x for section, key in ((team, "reps"), (crm, "customers")) if isinstance(section, dict)
              and isinstance(section.get(key), list) for x in section[key]]
    if people:
        person = rng.choice(people)
        if isinstance(person, dict):
            person["name"] = rng.choice(TEXTS)


def _paths(node, prefix=()):
    """Every key path of a nested dict/list."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for k, v in items:
        yield prefix + (k,)
        yield from _paths(v, prefix + (k,))


def _parent(root, path):
    node = root
    for k in path[:-1]:
        node = node[k]
    return node, path[-1]


def seeds() -> list[tuple[str, dict]]:
    """The plans mutations start from: the test suite's base plan and every sample plan."""
    out = [("base", copy.deepcopy(BASE_PLAN))]
    for path in sorted((ROOT / "samples").glob("*-plan.yaml")):
        out.append((path.stem, yaml.safe_load(path.read_text(encoding="utf-8"))))
    return out


def run(args: list[str]) -> tuple[int, float, str]:
    """One plangen command in this process, as a user runs it: (exit code, seconds, stderr and stdout)."""
    start = time.perf_counter()
    result = RUNNER.invoke(cli, args, catch_exceptions=True)
    seconds = time.perf_counter() - start
    code = result.exit_code if result.exception is None or isinstance(result.exception, SystemExit) else -1
    text = result.output + (traceback.format_exception(result.exception)[-1] if code == -1 else "")
    return code, seconds, text


def crashed(code: int, text: str) -> bool:
    """A crash: exit other than 0/2, an exception out of the CLI, an internal error or a traceback."""
    return code not in (0, 2) or "internal error" in text or "Traceback" in text


def commands(plan_file: Path, work: Path, views: list[str]) -> Iterator[tuple[str, list[str]]]:
    """Every output after validate: review, decompose json/xlsx/csv of every view, build --reps, track."""
    yield "review", ["review", str(plan_file), "--format", "json"]
    yield "decompose json", ["decompose", str(plan_file), "-o", str(work / "d.json")]
    yield "decompose xlsx", ["decompose", str(plan_file), "-o", str(work / "d.xlsx")]
    for v in views:
        yield f"decompose csv {v}", ["decompose", str(plan_file), "--by", v, "-o", str(work / "d.csv")]
    yield "build --reps", ["build", str(plan_file), "-o", str(work / "out"), "--reps", "--jobs", "1", "--force"]
    yield "track", ["track", str(plan_file), str(work / "actuals.csv"), "-o", str(work / "track"), "--force"]


def own_actuals(plan, d, path: Path) -> None:
    """Actuals for the plan's first two months: 90% of each rep's target (a csv, quoted as Excel does)."""
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["month", "rep", "amount"])
        out.writerows([m.key, r.id, r.months[m.index] * 9 // 10] for m in d.months[:2] for r in d.reps)


def one_plan(text: str, work: Path, stats: dict, label: str) -> None:
    """Validate one plan file; when valid, put it through every output, noting crashes and the slowest step."""
    plan_file = work / "plan.yaml"
    plan_file.write_text(text, encoding="utf-8", errors="surrogatepass")
    for step, args in _steps(plan_file, work, stats):
        code, seconds, out = run(args)
        stats["commands"] += 1
        if seconds > stats["slowest"][0]:
            stats["slowest"] = (seconds, f"{label}: {step}")
        if crashed(code, out):
            stats["crashes"].append((label, step, out[-1500:], text[:3000]))
        elif step != "validate" and code == 2:
            stats["refused_later"].append((label, step, out[-600:]))
        if step == "validate" and code != 0:
            stats["refused"] += code == 2
            return


def _steps(plan_file: Path, work: Path, stats: dict) -> Iterator[tuple[str, list[str]]]:
    """validate first; the rest only once it passed (the views and actuals need the checked plan)."""
    yield "validate", ["validate", str(plan_file)]
    plan = read_plan(plan_file)
    d = decompose(plan)
    own_actuals(plan, d, work / "actuals.csv")
    stats["valid"] += 1
    yield from commands(plan_file, work, tables.view_names(d))


def read_plan(path: Path):
    """The checked plan, as validate has just read it."""
    return loads(path.read_text(encoding="utf-8", errors="surrogatepass"), str(path))


def fuzz_plans(n: int, rng: random.Random, work: Path) -> dict:
    """Run n mutated plans through validate and, when valid, every output."""
    stats = {"plans": 0, "valid": 0, "refused": 0, "commands": 0, "crashes": [], "refused_later": [],
             "slowest": (0.0, ""), "slowest_plan": (0.0, "")}
    bases = seeds()
    for i in range(n):
        name, plan = copy.deepcopy(rng.choice(bases))
        for _ in range(rng.randint(1, 3)):
            plan = mutate(plan, rng)
        text = yaml.safe_dump(plan, allow_unicode=True, sort_keys=False)
        start = time.perf_counter()
        try:
            one_plan(text, work, stats, f"plan {i} (from {name})")
        except Exception:  # noqa: BLE001 - validate passed but the plan does not load or decompose here
            stats["crashes"].append((f"plan {i} (from {name})", "load/decompose", traceback.format_exc(limit=4), text[:3000]))
        seconds = time.perf_counter() - start
        stats["plans"] += 1
        if seconds > stats["slowest_plan"][0]:
            stats["slowest_plan"] = (seconds, f"plan {i} (from {name})")
            (work.parent / "slowest-plan.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
        if (i + 1) % 100 == 0:
            progress(stats, i + 1)
    return stats


def progress(stats: dict, done: int) -> None:
    """A line every 100 plans, so a long run shows how far it is."""
    print(f"  {done} plans, {stats['valid']} valid, {len(stats['crashes'])} crashes, "
          f"{len(stats['refused_later'])} refused after validate said valid, {stats['commands']} commands",
          flush=True)


GOOD = [["month", "rep", "amount"], ["2027-01", "r1", "600000"], ["2027-01", "r2", "400000"],
        ["2027-02", "Ann", "600k"], ["2027-03", "Bob", "35万"]]
BAD_CELLS = ["", "=1+1", '=HYPERLINK("http://x","y")', "@SUM(A1)", "+1", "-5", "2027-13", "2027-02-30",
             "31/12/2027", "46023", "2027-W60", "W0", "1e999", "NaN", "inf", "x" * 200_000, "销" * 70_000,
             "\x00", "\ufeff2027-01", "2027-01-01", "3.5万", "1,2 M€", "r9", "\u202e", "A\ud800"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "gb18030", "big5", "latin-1",
             "cp1252", "shift_jis"]


def actuals_rows(rng: random.Random) -> list[list[object]]:
    """The good table with 0-3 cells replaced, sometimes a column dropped, rows repeated or a huge row added."""
    rows = [list(r) for r in GOOD]
    for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
        rows[rng.randrange(len(rows))][rng.randrange(3)] = rng.choice(BAD_CELLS)
    roll = rng.random()
    if roll < 0.1:
        rows = [r[:2] for r in rows]
    elif roll < 0.2:
        rows = rows[:1] + rows[1:] * rng.choice([100, 5000])
    elif roll < 0.3:
        rows.append(["2027-04", "r1", "1"] + ["x"] * rng.choice([50, 5000]))
    return rows


def csv_bytes(rows: list[list[object]], rng: random.Random) -> bytes:
    """The rows as csv in a random encoding and delimiter; sometimes a wrong BOM or flipped bytes."""
    sep = rng.choice([",", ",", ";", "\t"])
    text = "\r\n".join(sep.join(f'"{x}"' if sep in str(x) or '"' in str(x) else str(x) for x in r) for r in rows)
    data = text.encode(rng.choice(ENCODINGS), "replace")
    if rng.random() < 0.1:
        data = rng.choice([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]) + data
    return flip(data, rng, 0.2, 5)


def xlsx_bytes(rows: list[list[object]], rng: random.Random) -> bytes:
    """The rows as a workbook: text, numbers, dates, booleans, formulas with no cached value; sometimes damaged."""
    wb = openpyxl.Workbook()
    typed = [dt.date(2027, 1, 31), dt.datetime(2027, 2, 1, 9, 30), 600000.5, True, -1, "=SUM(C2:C3)", None]
    for r in rows:
        cells = [x.replace("\x00", "").replace("\ud800", "") if isinstance(x, str) else x for x in r]
        if rng.random() < 0.2:
            cells[rng.randrange(len(cells))] = rng.choice(typed)
        wb.active.append(cells)
    if rng.random() < 0.1:
        wb.create_sheet("Other").append(["month", "amount"])
    buf = io.BytesIO()
    wb.save(buf)
    return flip(buf.getvalue(), rng, 0.15, 20)


def flip(data: bytes, rng: random.Random, chance: float, most: int) -> bytes:
    """With `chance`, up to `most` random bytes replaced."""
    if rng.random() >= chance:
        return data
    out = bytearray(data)
    for _ in range(rng.randint(1, most)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def actuals_file(rng: random.Random) -> tuple[str, bytes]:
    """A mutated actuals file: (suffix, bytes)."""
    rows = actuals_rows(rng)
    if rng.random() < 0.5:
        return ".csv", csv_bytes(rows, rng)
    return ".xlsx", xlsx_bytes(rows, rng)


def fuzz_actuals(n: int, rng: random.Random, work: Path, cli_every: int) -> dict:
    """n mutated actuals files through read_actuals and track; every `cli_every`-th also through `plangen track`."""
    plan_file = work / "base.yaml"
    plan_file.write_text(yaml.safe_dump(BASE_PLAN, allow_unicode=True, sort_keys=False), encoding="utf-8")
    plan = read_plan(plan_file)
    d = decompose(plan)
    stats = {"files": 0, "read": 0, "refused": 0, "cli": 0, "crashes": [], "slowest": (0.0, "")}
    for i in range(n):
        suffix, data = actuals_file(rng)
        path = work / f"actuals{suffix}"
        path.write_bytes(data)
        start = time.perf_counter()
        try:
            track(plan, d, read_actuals(path, plan))
            stats["read"] += 1
        except PlanError:
            stats["refused"] += 1
        except Exception:  # noqa: BLE001 - a crash is what we look for
            stats["crashes"].append((f"actuals {i}", "read_actuals", traceback.format_exc(limit=4), data[:300]))
        if i % cli_every == 0:
            code, _, out = run(["track", str(plan_file), str(path), "-o", str(work / "track"), "--force"])
            stats["cli"] += 1
            if crashed(code, out):
                stats["crashes"].append((f"actuals {i}", "plangen track", out[-1500:], data[:300]))
        seconds = time.perf_counter() - start
        stats["files"] += 1
        if seconds > stats["slowest"][0]:
            stats["slowest"] = (seconds, f"actuals {i} {suffix} {len(data):,} bytes {data[:60]!r}")
    return stats


def main() -> None:
    """Parse the counts and the seed, run both fuzzers, print counts, crashes and the slowest cases."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--plans", type=int, default=5000)
    ap.add_argument("--actuals", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--track-every", type=int, default=20, help="every N-th actuals file also through `plangen track`")
    ap.add_argument("--keep", default=None, help="folder for the slowest plan and the crashes (default: a temp dir)")
    args = ap.parse_args()
    os.environ.pop("PLANGEN_DEBUG", None)
    with tempfile.TemporaryDirectory() as tmp:
        keep = Path(args.keep or tmp)
        work = keep / "work"
        work.mkdir(parents=True, exist_ok=True)
        report(args, work)


def report(args, work: Path) -> None:
    """Run and print."""
    print(f"seed {args.seed}; os.cpu_count() = {os.cpu_count()}; load {os.getloadavg()[0]:.1f}", flush=True)
    start = time.perf_counter()
    p = fuzz_plans(args.plans, random.Random(args.seed), work)
    print(f"plans: {p['plans']} mutated, {p['valid']} valid (each through review, decompose json/xlsx/csv of "
          f"every view, build --reps: Word plan, deck, every rep's plan, and track: report docx/pptx/xlsx), "
          f"{p['refused']} refused by validate (exit 2), {p['commands']} commands, {len(p['crashes'])} crashes, "
          f"{len(p['refused_later'])} refused after validate said valid; slowest command "
          f"{p['slowest'][0]:.2f} s ({p['slowest'][1]}), slowest plan {p['slowest_plan'][0]:.2f} s "
          f"({p['slowest_plan'][1]}); {time.perf_counter() - start:.0f} s", flush=True)
    start = time.perf_counter()
    a = fuzz_actuals(args.actuals, random.Random(args.seed), work, args.track_every)
    print(f"actuals: {a['files']} mutated, {a['read']} read and tracked, {a['refused']} refused (exit 2), "
          f"{a['cli']} also through plangen track, {len(a['crashes'])} crashes; slowest {a['slowest'][0]:.2f} s: "
          f"{a['slowest'][1]}; {time.perf_counter() - start:.0f} s; load {os.getloadavg()[0]:.1f}", flush=True)
    for label, step, out in p["refused_later"][:10]:
        print(f"--- refused after valid: {label}, {step}\n{out}\n")
    for label, step, out, text in (p["crashes"] + a["crashes"])[:20]:
        print(f"--- crash: {label}, {step}\n{out}\n{text!r}\n")


if __name__ == "__main__":
    main()
