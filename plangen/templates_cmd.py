"""Company templates: export the defaults, check a template folder, render a user's own .docx/.pptx.

The CLI commands `plangen templates export|check|context-doc` and `plangen render` are thin
wrappers around these functions; nothing here writes unless asked to.
"""
from __future__ import annotations

import datetime as dt
import io
import shutil
import warnings
from collections.abc import Callable, Iterator
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import Any

import yaml

from .batch import unique_file_names
from .decompose import decompose
from .locales import locale as plan_locale
from .model import load
from .render import jinja
from plangen.present.context import Ctx, build_context
from plangen.present.context_doc import SAMPLE, plan_variant
from plangen.present.ctx.rep import rep_context
from plangen.present.ctx.user import rep_contexts, user_context
from plangen.present.labels import LOCALES, labels
from plangen.render.docx.adapt import missing_styles
from plangen.render.ooxml.convert import as_document
from plangen.render.pptx.layouts import TYPES as LAYOUT_TYPES
from plangen.render.pptx.layouts import Layouts
from plangen.render.ooxml.guard import OfficeFileProblem, check_office, kind_of, read_checked
from .render.template_set import TemplateSet

EXPORTED = ("base.docx", "base.pptx", "outlines/*.yaml", "text/*/*.j2", "i18n/*.yaml")
OUTLINE_TEXT = {"document": "document", "rep": "rep", "deck": "deck"}
NAME_KEYS = {"document": ("text", "title", "heading", "parties"), "rep": ("text", "title", "heading", "parties"),
             "deck": ("title", "notes", "text", "value", "caption", "context", "facts", "left_text")}


# -- export ----------------------------------------------------------------------------------

def default_files() -> list[str]:
    """The default template files, relative to the defaults folder."""
    root = jinja.default_dir()
    found = {str(p.relative_to(root)) for pattern in EXPORTED for p in root.glob(pattern) if p.is_file()}
    return sorted(found)


def export(dest: str | Path, overwrite: bool = False) -> list[Path]:
    """Copy the default templates into `dest`; refuse to replace files unless `overwrite`."""
    dest, root = Path(dest), jinja.default_dir()
    names = default_files()
    clash = [n for n in names if (dest / n).exists()]
    if clash and not overwrite:
        raise FileExistsError(f"{dest}: {len(clash)} files already exist (e.g. {clash[0]}); use --force to replace them")
    out = []
    for name in names:
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if (variant := _variant_of(name)) is None:
            shutil.copyfile(root / name, target)
        else:
            target.write_text(variant_labels_text(variant), encoding="utf-8")
        out.append(target)
    return out


def _variant_of(name: str) -> str | None:
    """The country variant whose label file `name` is (i18n/es-MX.yaml -> es-MX), else None."""
    stem = name.removeprefix("i18n/").removesuffix(".yaml")
    return stem if name != stem and stem in LOCALES and plan_locale(stem).wording else None


def variant_labels_text(locale: str) -> str:
    """A country variant's labels as a template folder holds them: every label its documents print.

    plangen's own i18n/<variant>.yaml holds phrases over the parent's wording (present.wording), which a
    template folder does not read; exported as they are, `templates check` and `build` refused them.
    """
    parent = plan_locale(locale).wording
    head = (f"# {locale} labels: {parent}'s with {locale}'s own words, as the documents print them. Reword any\n"
            f"# label (keep its {{fields}}); the words {locale} changes in sentences stay plangen's.\n")
    return head + yaml.safe_dump(dict(labels(locale)), allow_unicode=True, sort_keys=False, width=10**6)


# -- the sample plan -------------------------------------------------------------------------

def sample_plan() -> Path:
    """plangen's Chinese sample plan (samples/zh-annual-plan.yaml next to the package)."""
    if not SAMPLE.is_file():
        raise jinja.TemplateProblem("plangen's sample plan is not installed here; pass --plan PLAN")
    return SAMPLE


# -- check -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Problem:
    """One problem of a template folder: where and what."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


def check(folder: str | Path, plan_path: str | Path | None = None,
          locales: tuple[str, ...] = LOCALES) -> list[Problem]:
    """Every problem of a template folder, rendering everything in memory against a sample plan in `locales`."""
    folder = Path(folder)
    if not folder.is_dir():
        return [Problem(str(folder), "not a folder")]
    ts = TemplateSet(folder)
    problems: list[Problem] = []
    problems += check_syntax(folder)
    problems += check_i18n(folder)
    bases = check_bases(ts)
    problems += bases
    if any(isinstance(p, _Unusable) for p in bases):
        return _unique(problems)  # outlines and documents cannot be checked without their base files
    source = Path(plan_path) if plan_path else sample_plan()
    for locale in locales:
        plan = plan_variant(source, locale=locale)
        d = decompose(plan)
        try:
            words = ts.labels(locale)
        except jinja.TemplateProblem:
            continue  # said by check_i18n
        ctx = build_context(plan, d, words=words)
        rep = rep_context(Ctx(plan, d, words), d.reps[0]) if d.reps else None
        problems += check_texts(ts, locale, ctx, rep)
        problems += check_outlines(ts, locale, ctx, rep)
        problems += check_documents(ts, locale, ctx, rep, problems)
    return _unique(problems)


class _Unusable(Problem):
    """A base file that cannot be opened at all."""


class Note(Problem):
    """A fallback plangen applies by itself (a colour made readable, a placeholder fitted): said, not failed."""

    def __str__(self) -> str:
        return f"{self.where}: warning: {self.message}" if self.where else f"warning: {self.message}"


def _unique(problems: list[Problem]) -> list[Problem]:
    seen, out = set(), []
    for p in problems:
        if str(p) not in seen:
            seen.add(str(p))
            out.append(p)
    return out


def check_syntax(folder: Path) -> list[Problem]:
    """Every .j2 file of the folder parses."""
    env = jinja.environment(str(folder))
    out = []
    for path in sorted(folder.glob("text/**/*.j2")):
        name = path.relative_to(folder).as_posix()
        try:
            env.parse(path.read_text(encoding="utf-8"), name, name)
        except Exception as e:  # noqa: BLE001
            out.append(_problem(jinja.explain(e, name, {})))
    return out


def check_i18n(folder: Path) -> list[Problem]:
    """Each i18n/<locale>.yaml of a folder: a known locale, known label keys, text with the same {fields}."""
    out = []
    for path in sorted(folder.glob("i18n/*.yaml")):
        if path.stem not in LOCALES:
            out.append(Problem(str(path), f"no locale {path.stem!r}; expected i18n/<locale>.yaml for one of "
                                          f"{', '.join(LOCALES)}"))
            continue
        try:
            TemplateSet(folder).labels(path.stem)
        except jinja.TemplateProblem as e:
            out.append(_problem(e))
    return out


def _problem(p: jinja.TemplateProblem) -> Problem:
    where = f"{p.file}:{p.line}" if p.file and p.line else p.file
    return Problem(where, p.message)


def check_bases(ts: TemplateSet) -> list[Problem]:
    """base.docx has the styles the renderers use; base.pptx is a sane deck (layouts: check_outlines)."""
    out = []
    for name in ("base.docx", "base.pptx"):
        try:
            check_office(ts.bytes(name), name.rsplit(".", 1)[1], str(ts.path(name)))
        except jinja.TemplateProblem as e:
            out.append(_Unusable(*astuple(_problem(e))))
    if not out and ts.path("base.docx").parent == ts.user_dir:
        raw = as_document(ts.path("base.docx").read_bytes())
        out += [Problem(str(ts.path("base.docx")), f"style {s!r} is missing (the Word renderer uses it); "
                        "plangen adds its own, `plangen templates adopt` writes it into the file")
                for s in missing_styles(raw)]
    return out


def docx_styles(ts: TemplateSet) -> set[str]:
    """The style names of base.docx."""
    import docx
    return {s.name for s in docx.Document(io.BytesIO(ts.bytes("base.docx"))).styles}


def pptx_layouts(ts: TemplateSet) -> Layouts:
    """The layouts of base.pptx on the master the deck uses, by name and by type."""
    import pptx
    return Layouts(pptx.Presentation(io.BytesIO(ts.bytes("base.pptx"))))


def _scope(kind: str, ctx: dict[str, Any], rep: dict[str, Any] | None) -> dict[str, Any] | None:
    """What a text template of `kind` sees; None when there is no rep to render a rep template with."""
    if kind == "rep":
        return {**ctx, "rep": rep} if rep is not None else None
    if kind == "progress":
        return None  # the progress report's scope needs actuals: `plangen track` reports its problems
    return ctx


def text_kinds(ts: TemplateSet, locale: str) -> list[str]:
    """The text templates of a locale, the folder's and the defaults' (a country variant's: its own and its parent's)."""
    names = set()
    for root in filter(None, (ts.user_dir, jinja.default_dir())):
        for folder in {locale, plan_locale(locale).wording_id}:
            names.update(p.stem for p in (root / "text" / folder).glob("*.j2"))
    return sorted(names)


def check_texts(ts: TemplateSet, locale: str, ctx: dict[str, Any], rep: dict[str, Any] | None) -> list[Problem]:
    """Every macro of every text template of `locale` renders with the sample's values."""
    out = []
    for kind in text_kinds(ts, locale):
        scope = _scope(kind, ctx, rep)
        path = f"text/{locale}/{kind}.j2"
        if scope is None:
            continue
        try:
            module = jinja.macros(path, scope, ts.jinja_dir)
        except jinja.TemplateProblem as e:
            out.append(_problem(e))
            continue
        for name in _macro_names(module):
            try:
                jinja.call(module, name, scope, path)
            except jinja.TemplateProblem as e:
                out.append(_problem(e))
    return out


def _macro_names(module: Any, bare: bool = True) -> list[str]:
    """The macros of a template module; only those without parameters when `bare` (they can be called alone)."""
    names = [n for n in dir(module) if not n.startswith("_")]
    return [n for n in names if not bare or not getattr(getattr(module, n), "arguments", ())]


def check_outlines(ts: TemplateSet, locale: str, ctx: dict[str, Any], rep: dict[str, Any] | None) -> list[Problem]:
    """Names an outline uses exist: macros or labels, styles of base.docx, layouts of base.pptx, `when:`."""
    out = []
    for kind in OUTLINE_TEXT:
        try:
            blocks = ts.outline(kind)
        except jinja.TemplateProblem as e:
            if "no template" not in e.message:
                out.append(_problem(e))
            continue
        scope = _scope(OUTLINE_TEXT[kind], ctx, rep)
        if scope is not None:
            out += _check_outline(ts, kind, locale, blocks, scope)
    return out


def _check_outline(ts: TemplateSet, kind: str, locale: str, blocks: list, scope: dict[str, Any]) -> list[Problem]:
    """One outline against one locale's text template, labels and base files."""
    where = str(ts.path(f"outlines/{kind}.yaml"))
    text = f"text/{locale}/{OUTLINE_TEXT[kind]}.j2"
    try:
        ts.text(locale, OUTLINE_TEXT[kind])
    except jinja.TemplateProblem as e:
        return [Problem(where, f"{e.message}: the {kind} outline needs it for locale {locale}")]
    try:
        names = set(_macro_names(jinja.macros(text, scope, ts.jinja_dir), bare=False))
    except jinja.TemplateProblem:
        names = set()  # reported by check_texts
    styles = docx_styles(ts) if kind != "deck" else set()
    out = []
    for key, value in _pairs(blocks):
        if key in NAME_KEYS[kind] and isinstance(value, str) and value not in names and value not in scope["L"]:
            out.append(Problem(where, f"{key}: {value!r} is neither a macro of {text} nor a label"
                                      f"{jinja._near(value, names | set(scope['L']))}"))
        elif key == "style" and kind != "deck" and isinstance(value, str) and value not in styles:
            out.append(Problem(where, f"style: {value!r} is not a style of base.docx{jinja._near(value, styles)}"))
        elif key == "when":
            out += _check_when(where, str(value), scope, ts)
    if kind == "deck":
        layouts = pptx_layouts(ts)
        out += [Problem(str(ts.path("base.pptx")), f"no layout {name!r}, which the deck outline uses"
                        f"{_layout_hint(name)}{jinja._near(name, set(layouts.by_name))}")
                for name in deck_layouts(blocks) if layouts.find(name) is None]
    return out


def _layout_hint(name: str) -> str:
    """' (nor one of type secHead)' for the names plangen also finds by their type."""
    return f" (nor one of type {LAYOUT_TYPES[name]})" if name in LAYOUT_TYPES else ""


def deck_layouts(blocks: list) -> list[str]:
    """The layout names the deck outline uses: given by `layout:` or by the slide's kind."""
    try:
        from plangen.render.pptx.outline import DEFAULT_LAYOUT
    except ImportError:
        DEFAULT_LAYOUT = {}
    names = []
    for node in _nodes(blocks):
        kind = "section" if "section" in node else node.get("kind")
        name = node.get("layout") or DEFAULT_LAYOUT.get(kind)
        if isinstance(name, str) and name not in names:
            names.append(name)
    return names


def _nodes(node: Any) -> Iterator[dict]:
    """Every mapping of an outline, at any depth."""
    if isinstance(node, dict):
        yield node
        node = list(node.values())
    if isinstance(node, list):
        for item in node:
            yield from _nodes(item)


def _pairs(node: Any) -> Iterator[tuple[str, Any]]:
    """Every (key, value) of an outline, at any depth."""
    for mapping in _nodes(node):
        yield from ((str(k), v) for k, v in mapping.items())


def _check_when(where: str, expr: str, scope: dict[str, Any], ts: TemplateSet) -> list[Problem]:
    """A `when:` expression compiles and evaluates with the sample's values."""
    try:
        jinja.environment(ts.jinja_dir).compile_expression(expr, undefined_to_none=False)(**scope)
    except Exception as e:  # noqa: BLE001
        return [Problem(where, f"when: {expr!r}: {jinja.explain(e, where, scope).message}")]
    return []


def renderers() -> dict[str, Callable[..., bytes]]:
    """The document renderers that exist in this build, by outline kind."""
    out: dict[str, Callable[..., bytes]] = {}
    try:
        from plangen.render.docx.plan import render_plan_docx
        out["document"] = lambda ctx, rep, ts: render_plan_docx(ctx, ts)
    except ImportError:
        pass
    try:
        from plangen.render.docx.rep import render_rep_docx
        out["rep"] = lambda ctx, rep, ts: render_rep_docx(ctx, rep, ts)
    except ImportError:
        pass
    try:
        from plangen.render.pptx.deck import render_deck
        out["deck"] = lambda ctx, rep, ts: render_deck(ctx, ts)
    except ImportError:
        pass
    return out


def check_documents(ts: TemplateSet, locale: str, ctx: dict[str, Any], rep: dict[str, Any] | None,
                    known: list[Problem]) -> list[Problem]:
    """Each document renders in memory; a problem the finer checks already found is not repeated."""
    out = []
    for kind, render in renderers().items():
        if kind == "rep" and rep is None:
            continue
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                render(ctx, rep, ts)
            out += [Note(f"the {kind}", str(w.message)) for w in caught
                    if "has no layout" not in str(w.message)]  # missing layouts: reported by check_outlines
        except jinja.TemplateProblem as e:
            p = _problem(e)
            if not any(p.message in k.message or k.message in p.message for k in known + out):
                out.append(Problem(p.where, f"{p.message} (rendering the {kind} in {locale})"))
        except Exception as e:  # noqa: BLE001 - a renderer failing on these templates is a problem too
            out.append(Problem(f"{kind} ({locale})", f"{type(e).__name__}: {e}"))
    return out


# -- a user's own .docx/.pptx ----------------------------------------------------------------

def render_file(template: str | Path, plan_path: str | Path, per_rep: bool = False,
                issued: dt.date | None = None) -> list[tuple[str, bytes]]:
    """A user's template rendered with a plan: [(file name, bytes)], one per plan or one per rep (dated plan.date, else `issued`)."""
    from plangen.render.user.docx import render_user_docx
    from plangen.render.user.pptx import render_user_pptx
    template = Path(template)
    kind = kind_of(template)
    data = read_checked(template, kind)
    render = render_user_docx if kind == "docx" else render_user_pptx
    plan = load(plan_path)
    d = decompose(plan)
    if not per_rep:
        try:
            return [(template.name, render(data, user_context(plan, d, issued=issued), template.name))]
        except jinja.TemplateProblem as e:
            if "'rep' is undefined" not in e.message:
                raise
            raise jinja.TemplateProblem(f"{e.message.split(';')[0]}: the template names `rep`; "
                                        "render it with --per-rep", e.file) from None
    if not d.reps:
        raise OfficeFileProblem("--per-rep: the plan has no reps (team.reps)", str(plan_path))
    contexts = rep_contexts(plan, d, issued)
    names = unique_file_names([f"{template.stem}-{rep_id}" for rep_id, _ in contexts], template.suffix, "rep")
    return [(name, render(data, ctx, template.name)) for name, (_, ctx) in zip(names, contexts)]
