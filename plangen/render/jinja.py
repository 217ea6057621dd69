"""Sandboxed Jinja: templates are code, so they see only the render context, never Python internals.

Templates are looked up in a company folder first, then in plangen's defaults. Every error
names the template file and line, the missing name and the nearest names that exist.
"""
from __future__ import annotations

import difflib
import importlib.resources
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SecurityError

from .template_problem import TemplateProblem  # noqa: F401 - raised and re-exported here
from plangen.present.wording import parent_text


@lru_cache(maxsize=1)
def default_dir() -> Path:
    """plangen's own templates (the installed package plangen.templates), found once per process: a rep
    plan looks it up three times, and importlib.resources costs more than the stat that follows."""
    return Path(str(importlib.resources.files("plangen.templates")))


def search_path(user_dir: str | Path | None) -> list[str]:
    """The company's folder (if any) before the defaults."""
    dirs = [str(Path(user_dir))] if user_dir else []
    return dirs + [str(default_dir())]


@lru_cache(maxsize=16)
def environment(user_dir: str | None = None) -> jinja2.Environment:
    """The sandboxed environment for a template folder (cached per folder and process)."""
    from .jinja_limits import BoundedSandbox
    env = BoundedSandbox(loader=ConfinedLoader(search_path(user_dir)), bytecode_cache=_bytecode_cache(),
                         undefined=jinja2.StrictUndefined, autoescape=False,
                         trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False)
    return env


@lru_cache(maxsize=256)
def expression(env: jinja2.Environment, source: str, undefined_to_none: bool = True) -> Any:
    """A `when:` expression compiled once per environment and process (an outline repeats its
    conditions, and each compile is a parse and a Python compile: about 4 ms)."""
    return env.compile_expression(source, undefined_to_none=undefined_to_none)


def inside(root: str | Path, path: str | Path) -> bool:
    """Whether `path`, links resolved, lies inside the folder `root` (a template folder's files must)."""
    return Path(path).resolve().is_relative_to(Path(root).resolve())


class ConfinedLoader(jinja2.FileSystemLoader):
    """A FileSystemLoader that refuses a template reached through a link to outside its folder."""

    def get_source(self, environment: jinja2.Environment, template: str) -> Any:
        """The template's source, after checking where its file really is; a country variant's text
        template that no folder holds is its parent's, reworded (present.wording)."""
        inherited = None if self.holds(template) else parent_text(template)
        if inherited:
            source, filename, uptodate = self.get_source(environment, inherited[0])
            return inherited[1].reword_template(source), filename, uptodate
        pieces = jinja2.loaders.split_template_path(template)
        for root in self.searchpath:
            path = Path(root, *pieces)
            if path.is_file():
                if not inside(root, path):
                    raise TemplateProblem(f"refused: {template} links to {path.resolve()}, outside the "
                                          f"template folder {root}", template)
                break
        return super().get_source(environment, template)

    def holds(self, template: str) -> bool:
        """Whether a folder of the search path has the file `template`."""
        pieces = jinja2.loaders.split_template_path(template)
        return any(Path(root, *pieces).is_file() for root in self.searchpath)


@lru_cache(maxsize=1)
def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept between runs, in Jinja's per-user 0700 cache folder; none if unavailable."""
    try:
        return jinja2.FileSystemBytecodeCache()
    except (OSError, RuntimeError):
        return None


def macros(path: str, context: Mapping[str, Any], user_dir: str | Path | None = None) -> Any:
    """The macros of a text template (e.g. `text/zh-CN/document.j2`) bound to a context."""
    from .jinja_limits import time_limit
    env = environment(str(user_dir) if user_dir else None)
    try:
        with time_limit(path):
            return env.get_template(path).make_module(dict(context))
    except Exception as e:  # noqa: BLE001
        raise explain(e, path, context) from None


def call(module: Any, name: str, context: Mapping[str, Any], path: str) -> str:
    """Call one macro of a text template; a missing macro or value is a TemplateProblem."""
    macro = getattr(module, name, None)
    if macro is None:
        raise TemplateProblem(f"no macro {name!r} in {path}{_near(name, _macro_names(module))}", path)
    from .jinja_limits import checked_size, time_limit
    try:
        with time_limit(f"{path} ({name})"):
            return checked_size(str(macro()).strip(), path)
    except Exception as e:  # noqa: BLE001
        raise explain(e, path, context) from None


def _macro_names(module: Any) -> list[str]:
    return [n for n in dir(module) if not n.startswith("_")]


def explain(e: Exception, name: str, context: Mapping[str, Any]) -> TemplateProblem:
    """A TemplateProblem with the file, line and nearest existing names."""
    if isinstance(e, TemplateProblem):
        return e
    file, line = _where(e, name)
    if isinstance(e, SecurityError):
        return TemplateProblem(f"refused: {e} (templates may only use the plan's values)", file, line)
    if isinstance(e, jinja2.UndefinedError):
        return TemplateProblem(f"{_plain(str(e.message))}{_near_undefined(str(e.message), context)}", file, line)
    if isinstance(e, jinja2.TemplateSyntaxError):
        return TemplateProblem(f"syntax error: {e.message}", e.filename or file, e.lineno)
    if isinstance(e, jinja2.TemplateNotFound):
        return TemplateProblem(f"template not found: {e.name}", name)
    return TemplateProblem(f"{type(e).__name__}: {e}", file, line)


def _where(e: Exception, name: str) -> tuple[str, int | None]:
    """The template file and line from the traceback of a render error."""
    tb, found = e.__traceback__, (name, None)
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename.endswith((".j2", ".jinja", ".xml", ".docx", ".pptx")) or code.co_filename.startswith("<"):
            template = tb.tb_frame.f_globals.get("__jinja_template__")
            file = code.co_filename if not code.co_filename.startswith("<") else name
            if template is not None:
                found = (file, template.get_corresponding_lineno(tb.tb_lineno))
            elif code.co_filename != "<string>":  # a frame Jinja rewrote: its line is the template's
                found = (file, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _plain(message: str) -> str:
    """Jinja's "'plangen.present.labels.Labels object' has no attribute 'x'" without the class name."""
    import re
    return re.sub(r"^'[\w. ]+ object' has no attribute '([^']+)'", r"'\1' is not a name of that value", message)


def _near_undefined(message: str, context: Mapping[str, Any]) -> str:
    """For "'x' is undefined" or "'dict object' has no attribute 'y'": the nearest names, among the
    context's, their attributes and those of the items of its lists (what loop variables hold)."""
    import re
    m = re.search(r"'([^']+)' is undefined", message) or re.search(r"has no attribute '([^']+)'", message)
    if not m:
        return ""
    names = set(context)
    for v in context.values():
        names.update(_keys(v))
        for inner in (v.values() if isinstance(v, Mapping) else ()):
            if isinstance(inner, (list, tuple)) and inner:
                names.update(_keys(inner[0]))
        if isinstance(v, (list, tuple)) and v:
            names.update(_keys(v[0]))
    return _near(m.group(1), names)


def _keys(value: Any) -> set[str]:
    """The names a value offers to templates (a mapping's keys, labels' names)."""
    keys = getattr(value, "keys", None)
    return {str(k) for k in keys()} if callable(keys) else set()


def _near(word: str, names) -> str:
    close = difflib.get_close_matches(word, sorted(names), n=3, cutoff=0.5)
    return f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
