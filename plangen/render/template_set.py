"""Where templates come from: a company folder first, then plangen's defaults."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .jinja import TemplateProblem, default_dir, inside
from plangen.present.labels import FAST_SAFE_LOADER, Labels, labels, override_problems, overridden
from plangen.present.wording import parent_text


TEMPLATE_NAMES = {"base.docx": "base.dotx", "base.pptx": "base.potx"}


@dataclass(frozen=True)
class TemplateSet:
    """A template folder layered over the defaults: base.docx, base.pptx, outlines/, text/<locale>/."""

    user_dir: Path | None = None

    def path(self, name: str) -> Path:
        """The company's file if it has one (inside its folder, links resolved; base.dotx/base.potx do for
        base.docx/base.pptx), else plangen's default."""
        for candidate in (name, TEMPLATE_NAMES.get(name)):
            if self.user_dir and candidate and (self.user_dir / candidate).is_file():
                if not inside(self.user_dir, self.user_dir / candidate):
                    raise TemplateProblem(f"refused: {candidate} links to {(self.user_dir / candidate).resolve()}, "
                                          f"outside the template folder {self.user_dir}", str(self.user_dir / candidate))
                return self.user_dir / candidate
        path = default_dir() / name
        if not path.is_file():
            raise TemplateProblem(f"no template {name!r} (looked in {self.user_dir or '-'} and the defaults)")
        return path

    def bytes(self, name: str) -> bytes:
        """The content of a template file (base.docx, base.pptx); a company's Office file is checked first,
        read as a document when it is a template (.dotx/.potx) and, for Word, adapted (render.docx.adapt)."""
        path = self.path(name)
        data = _read(str(path))
        if self.user_dir and path.parent == self.user_dir and name.endswith((".docx", ".pptx")):
            from plangen.render.ooxml.convert import as_document
            from plangen.render.ooxml.guard import check_office
            check_office(data, name.rsplit(".", 1)[1], str(path))
            data = as_document(data)
            if name.endswith(".docx"):
                from plangen.render.docx.adapt import adapted
                data = adapted(data, _read(str(default_dir() / name)))
        return data

    def is_company(self, name: str) -> bool:
        """True when `name` is the company's own file (not plangen's default, nor an untouched copy of it)."""
        path = self.path(name)
        return path.parent == self.user_dir and _read(str(path)) != _read(str(default_dir() / name))

    def outline(self, name: str) -> list[dict[str, Any]]:
        """An outline (outlines/<name>.yaml): the blocks or slides in order."""
        path = self.path(f"outlines/{name}.yaml")
        data = _outline_data(path) if self.user_dir and path.parent.parent == self.user_dir else _fast(path)
        if not isinstance(data, list):
            raise TemplateProblem("expected a list of blocks", str(path))
        return data

    def text(self, locale: str, kind: str) -> str:
        """The Jinja name of a text template (text/<locale>/<kind>.j2), for render.jinja.macros."""
        name = f"text/{locale}/{kind}.j2"
        inherited = parent_text(name)
        if inherited and not self.has(name):
            self.path(inherited[0])  # a country variant without its own file reads its parent's
        else:
            self.path(name)
        return name

    def labels(self, locale: str) -> Labels:
        """plangen's labels of `locale` with the company's own wording from i18n/<locale>.yaml, if it has one
        (found as every file of the folder is: inside it once links are resolved)."""
        base = labels(locale)
        path = self.path(f"i18n/{locale}.yaml")
        if path.parent.parent != self.user_dir:
            return base
        return overridden(base, _label_entries(path, base))

    def has(self, name: str) -> bool:
        """Whether the company folder or the defaults hold the file `name`."""
        return any(d and (Path(d) / name).is_file() for d in (self.user_dir, default_dir()))

    @property
    def jinja_dir(self) -> str | None:
        """The folder Jinja searches before the defaults."""
        return str(self.user_dir) if self.user_dir else None


def _outline_data(path: Path) -> Any:
    """A company's outline, read like a plan: alias bombs, tags and duplicate keys refused with their line."""
    return _located(path).data


def _located(path: Path):
    """A company's YAML file parsed by the plan loader (model.loader.Document: data and locations)."""
    from ..model.errors import PlanError
    from ..model.loader import parse_yaml
    try:
        return parse_yaml(path.read_text(encoding="utf-8"), str(path))
    except PlanError as e:
        raise TemplateProblem(e.format().splitlines()[0]) from None
    except (OSError, UnicodeDecodeError) as e:
        raise TemplateProblem(f"cannot read: {e}", str(path)) from None


def _label_entries(path: Path, base: Labels) -> dict[str, str]:
    """A company's i18n file read like a plan (located), every entry checked against plangen's labels."""
    doc = _located(path)
    if not isinstance(doc.data, dict):
        raise TemplateProblem("expected a mapping of label keys to text", str(path), 1)
    bad = override_problems(base, doc.data)
    if bad:
        key, why = next(iter(bad.items()))
        loc = doc.locate((key,), key=True)
        more = f" (and {len(bad) - 1} more)" if len(bad) > 1 else ""
        raise TemplateProblem(f"{why}{more}", str(path), loc.line if loc else None)
    return dict(doc.data)


def _fast(path: Path) -> Any:
    """plangen's own outline, with libyaml when installed."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=FAST_SAFE_LOADER)
    except yaml.YAMLError as e:
        raise TemplateProblem(f"invalid YAML: {e}", str(path)) from None


def _read(path: str) -> bytes:
    """A base file's bytes, read again only when the file changes (same key as the outlines)."""
    st = Path(path).stat()
    return _read_version(path, st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=32)
def _read_version(path: str, mtime_ns: int, size: int) -> bytes:
    return Path(path).read_bytes()
