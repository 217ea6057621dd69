"""Fuzz run (issue 15): mutated plans through every output, mutated actuals through the reader.

Each plan is the test suite's base plan with 1-4 random mutations (hostile texts: formulas, control
characters, surrogates, markup, huge numbers, wrong types, deleted or unknown keys, long lists).
A plan either fails validation with a PlanError (exit 2), or goes through every output: the review,
csv (every view), json, xlsx, the Word plan, the deck, every rep's Word plan, and the progress report
(Word, deck, workbook) against actuals made from its own first months (--documents-every N puts only
every N-th valid plan through the Office documents, for a quick run). Anything else raised is a crash.
Actuals: a valid csv/xlsx mutated (bytes, cells, encodings) through read_actuals and track.
Run: .venv/bin/python benchmarks/fuzz_hostile.py [--plans 5000] [--actuals 2000] [--seed 15]
"""
from __future__ import annotations

import argparse
import copy
import io
import os
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

import openpyxl
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from conftest import BASE_PLAN  # noqa: E402

from plangen.decompose import decompose  # noqa: E402
from plangen.model import PlanError, loads  # noqa: E402
from plangen.render import jsonout, tables, xlsx  # noqa: E402
from plangen.render.context import Ctx, build_context  # noqa: E402
from plangen.render.ctx_rep import rep_context  # noqa: E402
from plangen.render.docx_plan import render_plan_docx  # noqa: E402
from plangen.render.docx_rep import render_rep_docx  # noqa: E402
from plangen.render.jinja import TemplateProblem  # noqa: E402
from plangen.render.pptx_deck import render_deck  # noqa: E402
from plangen.render.template_set import TemplateSet  # noqa: E402
from plangen.review import review  # noqa: E402
from plangen.track import read_actuals, track  # noqa: E402
from plangen.track.actuals import Actuals  # noqa: E402
from plangen.track.render import render_files, report_context  # noqa: E402

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


def every_output(plan, documents: bool) -> None:
    """Review, csv of every view, json, xlsx; with `documents` the Word plan, deck, rep plans, progress report."""
    d = decompose(plan)
    review(plan, d)
    fmt = tables.formatter(plan)
    for name in tables.view_names(d):
        tables.to_csv(tables.view(name, plan, d, fmt))
    jsonout.dumps(jsonout.document(plan, d))
    xlsx.to_bytes(plan, d)
    if not documents:
        return
    ctx, ts = build_context(plan, d), TemplateSet()
    render_plan_docx(ctx, ts)
    render_deck(ctx, ts)
    c = Ctx(plan, d)
    for r in d.reps:
        render_rep_docx(ctx, rep_context(c, r), ts)
    progress = track(plan, d, own_actuals(plan, d))
    render_files(plan, d, progress, report_context(plan, d, progress), ts)


def own_actuals(plan, d) -> Actuals:
    """Actuals for the plan's first two months: 90% of each rep's target, read back through the csv reader."""
    lines = ["month,rep,amount"] + [f"{m.key},{r.id},{r.months[m.index] * 9 // 10}"
                                    for m in d.months[:2] for r in d.reps]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "actuals.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return read_actuals(path, plan)


def fuzz_plans(n: int, rng: random.Random, every: int) -> dict:
    """Run n mutated plans (Office documents for every `every`-th valid one); count valid, refused, crashes."""
    stats = {"plans": 0, "valid": 0, "documents": 0, "refused": 0, "crashes": [], "slowest": (0.0, "")}
    for i in range(n):
        plan = copy.deepcopy(BASE_PLAN)
        for _ in range(rng.randint(1, 4)):
            plan = mutate(plan, rng)
        text = yaml.safe_dump(plan, allow_unicode=True, sort_keys=False)
        start = time.perf_counter()
        try:
            plan_ = loads(text, f"fuzz-{i}.yaml")
            documents = stats["valid"] % every == 0
            stats["valid"] += 1
            every_output(plan_, documents)
            stats["documents"] += documents
        except (PlanError, TemplateProblem, tables.ViewError):
            stats["refused"] += 1
        except Exception:  # noqa: BLE001 - a crash is what we look for
            stats["crashes"].append((i, traceback.format_exc(limit=3), text[:2000]))
        seconds = time.perf_counter() - start
        stats["plans"] += 1
        if seconds > stats["slowest"][0]:
            stats["slowest"] = (seconds, text[:300])
    return stats


GOOD = "month,rep,amount\n2027-01,r1,600000\n2027-01,r2,400000\n2027-02,Ann,600k\n"
BAD_CELLS = ["", "=1+1", "2027-13", "-5", "1e999", "NaN", "x" * 200_000, "\x00", "2027-01-01", "3.5万", "r9"]


def actuals_bytes(rng: random.Random) -> tuple[str, bytes]:
    """A mutated actuals file: (suffix, bytes)."""
    rows = [line.split(",") for line in GOOD.strip().split("\n")]
    for _ in range(rng.randint(1, 4)):
        r, c = rng.randrange(len(rows)), rng.randrange(3)
        rows[r][c] = rng.choice(BAD_CELLS)
    roll = rng.random()
    if roll < 0.5:
        text = "\n".join(",".join(f'"{x}"' if "," in x else x for x in r) for r in rows)
        enc = rng.choice(["utf-8", "utf-8-sig", "utf-16", "gb18030", "latin-1"])
        data = text.encode(enc, "replace")
        if rng.random() < 0.3:
            data = bytearray(data)
            for _ in range(rng.randint(1, 5)):
                data[rng.randrange(len(data))] = rng.randrange(256)
            data = bytes(data)
        return ".csv", data
    wb = openpyxl.Workbook()
    for r in rows:
        wb.active.append([x.replace("\x00", "") for x in r])  # openpyxl itself refuses NUL in a cell
    buf = io.BytesIO()
    wb.save(buf)
    data = buf.getvalue()
    if roll > 0.85:
        data = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        data = bytes(data)
    return ".xlsx", data


def fuzz_actuals(n: int, rng: random.Random) -> dict:
    """Run n mutated actuals files through read_actuals and track."""
    plan = loads(yaml.safe_dump(BASE_PLAN, sort_keys=False), "base.yaml")
    d = decompose(plan)
    stats = {"files": 0, "read": 0, "refused": 0, "crashes": [], "slowest": (0.0, "")}
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(n):
            suffix, data = actuals_bytes(rng)
            path = Path(tmp) / f"a{i}{suffix}"
            path.write_bytes(data)
            start = time.perf_counter()
            try:
                track(plan, d, read_actuals(path, plan))
                stats["read"] += 1
            except PlanError:
                stats["refused"] += 1
            except Exception:  # noqa: BLE001
                stats["crashes"].append((i, traceback.format_exc(limit=3), data[:300]))
            seconds = time.perf_counter() - start
            stats["files"] += 1
            if seconds > stats["slowest"][0]:
                stats["slowest"] = (seconds, f"{suffix} {data[:80]!r}")
            path.unlink()
    return stats


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--plans", type=int, default=5000)
    ap.add_argument("--actuals", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--documents-every", type=int, default=1, help="Word/PowerPoint for every N-th valid plan")
    args = ap.parse_args()
    start = time.perf_counter()
    p = fuzz_plans(args.plans, random.Random(args.seed), args.documents_every)
    print(f"plans: {p['plans']} mutated, {p['valid']} valid through the review and csv/json/xlsx, {p['documents']} of them also "
          f"through the Word plan, the deck, every rep's plan and the progress report, {p['refused']} refused "
          f"(exit 2), {len(p['crashes'])} crashes; slowest {p['slowest'][0]:.2f} s "
          f"({time.perf_counter() - start:.0f} s in all; os.cpu_count() = {os.cpu_count()})")
    a = fuzz_actuals(args.actuals, random.Random(args.seed))
    print(f"actuals: {a['files']} mutated, {a['read']} read and tracked, {a['refused']} refused (exit 2), "
          f"{len(a['crashes'])} crashes; slowest {a['slowest'][0]:.2f} s: {a['slowest'][1]}")
    for i, tb, text in (p["crashes"] + a["crashes"])[:10]:
        print(f"--- crash {i}\n{tb}\n{text!r}\n")


if __name__ == "__main__":
    main()
