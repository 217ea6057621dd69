"""Per-rep Word plans in bulk: a process pool, atomic writes, safe file names, progress, Ctrl-C.

Each plan is written whole and moved into place (never a half-written file, even on Ctrl-C); the
batch then syncs the disk once at its end instead of once per plan.

python-docx is not thread-safe, so parallelism is by process; the render context is built once
(in the parent, inherited by forked workers) and each process prepares the base .docx once.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import re
import signal
import sys
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .decompose import Decomposition
from .model import Plan
from .writer import WriteRefused, write_atomic

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f\s]+')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
MAX_NAME_BYTES = 120


def safe_name(text: str, fallback: str = "plan") -> str:
    """A file name stem valid on Windows, macOS and Linux: no separators or reserved names, short."""
    text = "".join(ch for ch in unicodedata.normalize("NFC", text) if unicodedata.category(ch) != "Cf")
    name = _UNSAFE.sub("_", text).strip(" ._-")
    name = name.encode("utf-8")[:MAX_NAME_BYTES].decode("utf-8", "ignore")  # cut once, never mid-character
    name = name.rstrip(" ._-") or fallback
    return f"_{name}" if name.split(".")[0].upper() in _RESERVED else name


def rep_file_names(reps: list[tuple[str, str]]) -> list[str]:
    """`<id>-<name>.docx` for each (id, name), made unique when two clean up to the same name."""
    return unique_file_names([f"{rep_id}-{name}" for rep_id, name in reps], ".docx", "rep")


def unique_file_names(texts: list[str], suffix: str, fallback: str) -> list[str]:
    """A safe file name per text, unique even on case-insensitive disks (`a/b`, `a?b` -> a_b, a_b-2)."""
    seen: set[str] = set()
    out = []
    for i, text in enumerate(texts, start=1):
        stem = safe_name(text, f"{fallback}-{i}")
        unique, n = stem, 2
        while unique.lower() in seen:
            unique, n = f"{stem}-{n}", n + 1
        seen.add(unique.lower())
        out.append(f"{unique}{suffix}")
    return out


@dataclass(frozen=True)
class Shard:
    """Shard K of N of a batch: the reps whose index (0-based, plan order) % N == K - 1.

    Interleaved, not contiguous blocks: every shard gets reps of every region and as many as the
    others (within one), so N jobs of a scheduler finish together. File names are those of the
    whole team, so shards write to one folder without clashes."""

    k: int
    n: int

    @classmethod
    def parse(cls, text: str) -> "Shard":
        """"2/4" -> Shard(2, 4); ValueError with what was expected otherwise."""
        k, sep, n = text.strip().partition("/")
        if not (sep and k.strip().isdigit() and n.strip().isdigit() and 1 <= int(k) <= int(n)):
            raise ValueError(f"expected K/N with 1 <= K <= N (such as 2/4), found {text!r}")
        return cls(int(k), int(n))

    def picks(self, index: int) -> bool:
        """Whether rep `index` (0-based) is this shard's."""
        return index % self.n == self.k - 1


@dataclass
class BatchResult:
    """What a batch wrote, and whether it was interrupted."""

    total: int
    written: list[Path] = field(default_factory=list)
    interrupted: bool = False

    def summary(self) -> str:
        """One line for the terminal."""
        if self.interrupted:
            return f"interrupted: {len(self.written)} of {self.total} rep plans written (all complete)"
        return f"{len(self.written)} rep plans written"


# -- worker side -------------------------------------------------------------------------------

@dataclass(frozen=True)
class RepRenderer:
    """What every rep plan of one batch shares: the plan's context, its reps and the templates."""

    ctx: dict[str, Any]
    c: Any
    reps: tuple
    templates: Any

    @classmethod
    def build(cls, plan: Plan, d: Decomposition, template_dir: str | None) -> "RepRenderer":
        """Build the render context and the team index once and read the base .docx once."""
        from plangen.present.context import Ctx, build_context
        from .render.template_set import TemplateSet
        templates = TemplateSet(Path(template_dir) if template_dir else None)
        templates.bytes("base.docx")
        words = templates.labels(plan.plan.locale)
        c = Ctx(plan, d, words)
        c.team   # the team index built here, once: forked workers inherit it (each built it on its first plan)
        return cls(build_context(plan, d, words=words), c, tuple(d.reps), templates)

    def write(self, index: int, path: str, overwrite: bool) -> str:
        """Render rep `index` and write it atomically to `path`."""
        from plangen.present.ctx.rep import rep_context
        from plangen.render.docx.rep import render_rep_docx
        data = render_rep_docx(self.ctx, rep_context(self.c, self.reps[index]), self.templates)
        return str(write_atomic(path, data, overwrite=overwrite, durable=False))   # synced at the batch's end


_WORKER: list[RepRenderer] = []   # set only inside pool worker processes, by _init_worker


def _init_worker(plan: Plan, d: Decomposition, template_dir: str | None, parent: int | None = None,
                 renderer: RepRenderer | None = None) -> None:
    """A pool process's renderer: the parent's when forked, else built here once (Ctrl-C is the
    parent's to handle; its death ends us)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if parent is not None:
        exit_with_parent(parent)
    _WORKER[:] = [renderer or RepRenderer.build(plan, d, template_dir)]


def exit_with_parent(parent: int, every: float = 1.0) -> None:
    """End this worker when process `parent` dies (SIGKILL leaves no time to tell us): a watchdog thread."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)
    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()


def _render_some(items: list[tuple[int, str]], overwrite: bool) -> list[str]:
    """In a pool process: render each (rep index, path) of a chunk."""
    return [_WORKER[0].write(index, path, overwrite) for index, path in items]


# -- parent side -------------------------------------------------------------------------------

def plan_rep_paths(d: Decomposition, out_dir: Path) -> list[Path]:
    """Where each rep's plan goes."""
    return [out_dir / n for n in rep_file_names([(r.id, r.name) for r in d.reps])]


def refuse_existing(paths: list[Path], force: bool) -> None:
    """Stop before writing anything when outputs exist and --force was not given."""
    existing = [p for p in paths if p.exists()]
    if existing and not force:
        more = f" and {len(existing) - 1} more" if len(existing) > 1 else ""
        raise WriteRefused(f"{existing[0]}{more}: already exist (use --force to replace them)")


def shard_items(paths: list[Path], shard: Shard | None) -> list[tuple[int, Path]]:
    """(rep index, path) of the reps a shard writes (all of them without a shard)."""
    return [(i, p) for i, p in enumerate(paths) if shard is None or shard.picks(i)]


def render_reps(plan: Plan, d: Decomposition, out_dir: str | Path, template_dir: str | None = None,
                jobs: int = 1, force: bool = False, on_done: Callable[[Path], None] | None = None,
                shard: Shard | None = None) -> BatchResult:
    """Write every rep's plan (or a shard's) to `out_dir`; Ctrl-C stops cleanly, leaving only complete files."""
    items = shard_items(plan_rep_paths(d, Path(out_dir)), shard)
    paths = [p for _, p in items]
    refuse_existing(paths, force)
    result = BatchResult(len(paths))
    done = on_done or (lambda p: None)
    start = time.time_ns()
    try:
        for path in _run(plan, d, template_dir, items, jobs, force):
            result.written.append(path)
            done(path)
    except KeyboardInterrupt:
        result.interrupted = True
        result.written = [p for p in paths if p.exists() and p.stat().st_mtime_ns >= start]
    finally:
        os.sync()   # the plans on disk once, not one fsync per plan (4 ms each on a virtual disk)
    return result


def _run(plan: Plan, d: Decomposition, template_dir: str | None, items: list[tuple[int, Path]], jobs: int,
         force: bool) -> Iterator[Path]:
    """Rendered paths as they complete: in this process for one job, else over a process pool."""
    if jobs <= 1 or len(items) < 2:
        renderer = RepRenderer.build(plan, d, template_dir)
        for i, p in items:
            yield Path(renderer.write(i, str(p), force))
        return
    yield from _pool(plan, d, template_dir, items, jobs, force)


def _pool(plan: Plan, d: Decomposition, template_dir: str | None, items: list[tuple[int, Path]], jobs: int,
          force: bool) -> Iterator[Path]:
    """Render over `jobs` processes; on Ctrl-C cancel what has not started and let running writes finish.

    The plan's context is built once, here: forked workers inherit it (no copy, no pickling; a
    10,000-rep plan's context costs a second of CPU per process otherwise), and it is frozen out of
    the garbage collector first, whose walks would otherwise copy every page of it into every worker.
    Under spawn each worker builds its own.

    Documents go to the workers in chunks (`chunk_size`): one future per document cost the parent
    a share of a core on a 2-core machine. Only a few chunks per worker are in flight at a time, so
    waiting costs the same for 10 reps as for 50,000.
    """
    context = multiprocessing.get_context()
    shared = RepRenderer.build(plan, d, template_dir) if context.get_start_method() == "fork" else None
    gc.freeze()
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker,
                               initargs=(plan, d, template_dir, os.getpid(), shared))
    size = chunk_size(len(items), jobs)
    todo = iter([[(i, str(p)) for i, p in items[k:k + size]] for k in range(0, len(items), size)])
    pending: set = set()
    try:
        _refill(pool, todo, pending, jobs * 3, force)
        while pending:
            finished, still = wait(pending, return_when=FIRST_COMPLETED)
            pending.intersection_update(still)
            _refill(pool, todo, pending, jobs * 3, force)
            for f in finished:
                yield from map(Path, f.result())
    except KeyboardInterrupt:
        for f in pending:
            f.cancel()
        finished, _ = wait([f for f in pending if not f.cancelled()])
        for f in finished:
            if f.exception() is None:
                yield from map(Path, f.result())
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        gc.unfreeze()


def chunk_size(count: int, jobs: int) -> int:
    """Documents per task: up to 16, fewer so that a small batch still keeps every worker busy
    (at least 8 chunks per worker)."""
    return max(1, min(16, count // (jobs * 8)))


def _refill(pool: ProcessPoolExecutor, todo: Iterator, pending: set, window: int, force: bool) -> None:
    """Submit chunks until `window` are in flight or none are left."""
    while len(pending) < window:
        chunk = next(todo, None)
        if chunk is None:
            return
        pending.add(pool.submit(_render_some, chunk, force))


def progress_callback(total: int) -> tuple[Callable[[Path], None], Callable[[], None]]:
    """A rich progress bar on a terminal (stderr), else nothing: (advance, close)."""
    if not sys.stderr.isatty():
        return (lambda p: None), (lambda: None)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
    bar = Progress(TextColumn("rep plans"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                   console=Console(stderr=True), transient=True)
    task = bar.add_task("reps", total=total)
    bar.start()
    return (lambda p: bar.advance(task)), bar.stop


def default_jobs() -> int:
    """Worker processes when --jobs is not given: the CPUs this process may use, at most 8."""
    try:
        n = len(os.sched_getaffinity(0))
    except AttributeError:
        n = os.cpu_count() or 1
    return max(1, min(8, n))
