"""Bounds on what a template may cost: the sandbox stops code, these stop loops, powers and huge texts.

A company's template is code we run. ImmutableSandboxedEnvironment keeps it away from Python
internals; BoundedSandbox also refuses powers, repetitions and widths that would take gigabytes
(`x ** x`, `'a' * 10**9`, `'a'.center(10**9)`, `'%0999999999d'`), counts the items all `range()`s of
one render produce, and `time_limit` puts a wall-clock limit on each render. docs/security.md.
"""
from __future__ import annotations

import contextlib
import contextvars
import functools
import re
import signal
import threading
from collections.abc import Iterator
from typing import Any

from jinja2 import Template
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .template_problem import TemplateProblem

MAX_TEXT = 10_000_000         # characters of one value a template builds (and of one render's output)
MAX_POWER_BITS = 100_000      # bits of an integer power (10**30000)
MAX_RANGE_ITEMS = 1_000_000   # items all range() calls of one render may produce together
TEMPLATE_SECONDS = 20         # wall-clock seconds of one render
_BIG_WIDTH = re.compile(r"\d{7,}")
_range_used: contextvars.ContextVar[list[int]] = contextvars.ContextVar("range_used", default=[0])
_render_name: contextvars.ContextVar[str] = contextvars.ContextVar("render_name", default="")


class BoundedTemplate(Template):
    """A template whose rendered output stops at MAX_TEXT characters as it is produced, not after."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        """The output, joined piece by piece; refused once it passes MAX_TEXT (a loop of 9 MB pieces)."""
        ctx = self.new_context(dict(*args, **kwargs))
        try:
            return "".join(_bounded_output(self.root_render_func(ctx)))
        except Exception:  # noqa: BLE001 - Jinja's own handling: the template's line in the traceback
            self.environment.handle_exception()


def _bounded_output(pieces: Iterator[str]) -> Iterator[str]:
    """The pieces of one render until their total passes MAX_TEXT characters."""
    size = 0
    for piece in pieces:
        size += len(piece)
        if size > MAX_TEXT:
            raise TemplateProblem(f"refused: the output is more than {MAX_TEXT:,} characters", _render_name.get())
        yield piece


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox with bounded powers, repetitions, widths, ranges and output."""

    intercepted_binops = frozenset({"**", "*", "%"})
    template_class = BoundedTemplate

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.globals["range"] = _bounded_range
        self.filters.update({name: _bounded(f) for name, f in self.filters.items()})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """`**`, `*` and `%` after checking that the result stays small."""
        _check_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def wrap_str_format(self, value: Any) -> Any:
        """'{:>999999999}'.format(x) refused: str.format is wrapped when it is looked up, not called."""
        owner = getattr(value, "__self__", None)
        if isinstance(owner, str) and getattr(value, "__name__", "") in ("format", "format_map") \
                and _BIG_WIDTH.search(owner):
            raise TemplateProblem(f"refused: a format width of 7 or more digits in {owner[:40]!r}")
        return super().wrap_str_format(value)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        """A method call such as 'a'.center(n) or '{:>n}'.format(x), refused when n would be huge."""
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, (str, list, tuple)):
            _check_args(args, kwargs)
            if isinstance(owner, str) and _BIG_WIDTH.search(owner):
                raise TemplateProblem(f"refused: a format width of 7 or more digits in {owner[:40]!r}")
        return super().call(__context, __obj, *args, **kwargs)


def _check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse `**` with a huge result, `*` repeating text or lists past MAX_TEXT, `%` with a huge width."""
    if operator == "**" and isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1:
        if right * abs(left).bit_length() > MAX_POWER_BITS:
            raise TemplateProblem(f"refused: {left} ** {right} is too large a number (more than "
                                  f"{MAX_POWER_BITS:,} bits)")
    if operator == "*":
        seq, n = (left, right) if isinstance(right, int) else (right, left)
        if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > MAX_TEXT:
            raise TemplateProblem(f"refused: repeating a value {n:,} times makes more than {MAX_TEXT:,} items")
    if operator == "%" and isinstance(left, str) and _BIG_WIDTH.search(left):
        raise TemplateProblem(f"refused: a format width of 7 or more digits in {left[:40]!r}")


def _check_args(args: tuple, kwargs: dict) -> None:
    """Refuse a width or count argument beyond MAX_TEXT (center, ljust, zfill, indent, wordwrap...)."""
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_TEXT:
            raise TemplateProblem(f"refused: an argument of {value:,} (at most {MAX_TEXT:,})")


def _bounded(f: Any) -> Any:
    """A filter that refuses huge width arguments and huge format widths (keeps Jinja's pass_* marks)."""
    @functools.wraps(f)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        _check_args(args[1:], kwargs)
        if any(isinstance(a, str) and _BIG_WIDTH.search(a) for a in args[:2]) and f.__name__ == "do_format":
            raise TemplateProblem("refused: a format width of 7 or more digits")
        return f(*args, **kwargs)
    return bounded


def _bounded_range(*args: int) -> Iterator[int]:
    """range() whose items, over all calls of one render, stop at MAX_RANGE_ITEMS."""
    used = _range_used.get()
    r = range(*args)
    if used[0] + len(r) > MAX_RANGE_ITEMS:
        raise TemplateProblem(f"refused: the template's loops over range() go past {MAX_RANGE_ITEMS:,} items")
    used[0] += len(r)
    return iter(r)


@contextlib.contextmanager
def time_limit(name: str, seconds: float | None = None) -> Iterator[None]:
    """Stop a render of template `name` after `seconds` (TEMPLATE_SECONDS; main thread: SIGALRM); a fresh range budget."""
    seconds = seconds or TEMPLATE_SECONDS
    token, named = _range_used.set([0]), _render_name.set(name)
    armed = threading.current_thread() is threading.main_thread() and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    if armed:
        def stop(signum: int, frame: Any) -> None:
            raise TemplateProblem(f"refused: rendering took longer than {seconds:g} seconds "
                                  "(a loop that does not end, or far too much work)", name)
        previous = signal.signal(signal.SIGALRM, stop)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        if armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        _range_used.reset(token)
        _render_name.reset(named)


def checked_size(text: str, name: str) -> str:
    """A render's output, refused past MAX_TEXT characters."""
    if len(text) > MAX_TEXT:
        raise TemplateProblem(f"refused: the output is {len(text):,} characters (at most {MAX_TEXT:,})", name)
    return text
