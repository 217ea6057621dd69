"""`plangen build --watch`: rebuild whenever the plan or the templates folder is saved.

A polling loop (no file-system-events dependency): every `interval` seconds it compares the
size and modification time of the plan file and every file under the templates folder. A
change is rebuilt once the files have stopped changing (editors save in several steps).
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

from .decompose import Decomposition
from .model import Plan

Snapshot = dict[Path, tuple[int, int]]


def snapshot(roots: Iterable[Path]) -> Snapshot:
    """(mtime_ns, size) of each root file and of every file under each root folder."""
    out: Snapshot = {}
    for root in roots:
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for f in files:
            try:
                st = f.stat()
            except FileNotFoundError:  # deleted between listing and stat
                continue
            out[f] = (st.st_mtime_ns, st.st_size)
    return out


def changed(before: Snapshot, after: Snapshot) -> list[Path]:
    """Files added, removed or modified between two snapshots, sorted."""
    return sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))


def watch(roots: Callable[[], list[Path]], rebuild: Callable[[list[Path]], None], interval: float = 0.5,
          max_rebuilds: int | None = None, sleep: Callable[[float], None] = time.sleep) -> int:
    """Build once, then rebuild on every change of `roots()` until Ctrl-C or `max_rebuilds`; the rebuild count."""
    seen = snapshot(roots())
    rebuild([])
    count = 0
    while max_rebuilds is None or count < max_rebuilds:
        sleep(interval)
        now = snapshot(roots())
        if now == seen:
            continue
        now = _settled(roots, now, interval, sleep)
        rebuild(changed(seen, now))
        seen, count = now, count + 1
    return count


def _settled(roots: Callable[[], list[Path]], now: Snapshot, interval: float,
             sleep: Callable[[float], None], tries: int = 10) -> Snapshot:
    """The snapshot once two in a row agree (at most `tries` intervals later)."""
    for _ in range(tries):
        sleep(interval / 2)
        later = snapshot(roots())
        if later == now:
            break
        now = later
    return now


def plan_changes(before: tuple[Plan, Decomposition] | None, after: tuple[Plan, Decomposition]) -> list[str]:
    """What a save changed, in the plan's display unit: the total, each quarter, the reps (none on the first build)."""
    if before is None:
        return []
    from plangen.present import tables
    (_, old), (plan, new) = before, after
    fmt = tables.formatter(plan)
    lines = [f"{label}: {fmt.amount(a)} → {fmt.amount(b)}" for label, a, b in _figures(fmt, old, new) if a != b]
    if len(old.reps) != len(new.reps):
        lines.append(f"reps: {len(old.reps)} → {len(new.reps)}")
    return lines or ["targets unchanged"]


def _figures(fmt, old: Decomposition, new: Decomposition) -> list[tuple[str, int, int]]:
    """(label, old amount, new amount) for the total and each quarter both decompositions have."""
    pairs = [("total", old.total, new.total)]
    if [q.key for q in old.quarters] == [q.key for q in new.quarters]:
        pairs += [(fmt.quarter(q.quarter), p.amount, q.amount) for p, q in zip(old.quarters, new.quarters)]
    return pairs


def summary_lines(plan: Plan, d: Decomposition, plan_file: str) -> list[str]:
    """The review's summary line (issue 12's plangen.review) when it is installed, else the validation summary."""
    try:
        from .review import review
        from .review.text import Writer
    except ImportError:
        return [validation_summary(plan, d, plan_file)]
    return [Writer(plan, d).summary(review(plan, d))]  # the one hook into plangen.review


def validation_summary(plan: Plan, d: Decomposition, plan_file: str) -> str:
    """One line: valid, the total, the reps, the warnings."""
    from plangen.present import tables
    fmt = tables.formatter(plan)
    warnings = f"{len(d.notices)} warning(s) above" if d.notices else "no warnings"
    return f"✓ {plan_file}: valid · {fmt.money(d.total)} · {len(d.reps)} rep(s) · {warnings}"
