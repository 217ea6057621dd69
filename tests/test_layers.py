"""The layer contract: plangen's packages import only downward, and no module imports itself in a circle.

errors, locales, writer, packages, tabular, bulk, holiday_tables < model < decompose < present, review < render < track < batch, build,
templates_cmd, editor_schema, pdf, watch, adopt < cli, __main__.
Every import counts, also the ones inside functions (a lazy import is still a dependency). See
docs/architecture.md.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "plangen"
LAYERS: dict[str, int] = {
    "plangen.errors": 0, "plangen.locales": 0, "plangen.writer": 0, "plangen.packages": 0, "plangen.tabular": 0,
    "plangen.bulk": 0, "plangen.holiday_tables": 0,
    "plangen.model": 1,
    "plangen.decompose": 2,
    "plangen.present": 3, "plangen.review": 3,  # the review formats its findings with present.fmt
    "plangen.render": 4,
    "plangen.track": 5,
    "plangen.batch": 6, "plangen.build": 6, "plangen.templates_cmd": 6, "plangen.editor_schema": 6,
    "plangen.pdf": 6, "plangen.watch": 6, "plangen.adopt": 6,
    "plangen.cli": 7, "plangen.__main__": 7, "plangen": 7,
}


def module_name(path: Path, root: Path = PACKAGE) -> str:
    """`plangen/present/fmt.py` -> `plangen.present.fmt` (a package's __init__ is the package)."""
    parts = ["plangen", *path.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(source: str, name: str, is_package: bool) -> set[str]:
    """The plangen modules a module's source imports (absolute and relative, at any depth)."""
    here = name.split(".") if is_package else name.split(".")[:-1]
    out: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.split(".")[0] == "plangen"}
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(here[:len(here) - node.level + 1]) if node.level else ""
            target = ".".join(p for p in (base, node.module or "") if p)
            if target.split(".")[0] == "plangen":
                out |= {target} if node.module else {f"{target}.{a.name}" for a in node.names}
    return out


def layer_of(module: str, layers: dict[str, int] = LAYERS) -> int:
    """The layer of a module: that of the longest registered prefix."""
    parts = module.split(".")
    for n in range(len(parts), 0, -1):
        if ".".join(parts[:n]) in layers:
            return layers[".".join(parts[:n])]
    raise KeyError(f"{module}: not in LAYERS; give its package a layer in tests/test_layers.py")


def graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    """Every plangen module and the plangen modules it imports."""
    return {module_name(p, root): imports_of(p.read_text(encoding="utf-8"), module_name(p, root), p.name == "__init__.py")
            for p in sorted(root.rglob("*.py"))}


def upward_imports(edges: dict[str, set[str]]) -> list[str]:
    """`a -> b` for every import of a higher layer."""
    return sorted(f"{a} -> {b}" for a, bs in edges.items() for b in bs if layer_of(b) > layer_of(a))


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The import circles between modules (strongly connected components of more than one module)."""
    known = {b: _resolve(b, edges) for bs in edges.values() for b in bs}
    succ = {a: {known[b] for b in bs if known[b] and known[b] != a} for a, bs in edges.items()}
    return [sorted(c) for c in _components(succ) if len(c) > 1]


def _resolve(name: str, edges: dict[str, set[str]]) -> str | None:
    """`plangen.present.context.Ctx` -> the module `plangen.present.context`."""
    while name and name not in edges:
        name = name.rpartition(".")[0]
    return name or None


def _components(succ: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's strongly connected components, iteratively."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[set[str]] = []
    for start in succ:
        if start in index:
            continue
        work = [(start, iter(sorted(succ[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    comp = set()
                    while True:
                        top = stack.pop()
                        comp.add(top)
                        if top == node:
                            break
                    out.append(comp)
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                work.append((child, iter(sorted(succ[child]))))
            elif child in stack:
                low[node] = min(low[node], index[child])
    return out


def it_imports_only_downward():
    """model imports nothing of decompose, render, track or cli; decompose nothing above it; and so on."""
    assert upward_imports(graph()) == []


def it_has_no_import_circles():
    """No module reaches itself through its imports (present.context and ctx_* used to)."""
    assert circles(graph()) == []


@pytest.mark.parametrize("module, source, found", [
    ("plangen/model/check.py", "from ..decompose.growth import revenue_target\n",
     ["plangen.model.check -> plangen.decompose.growth"]),
    ("plangen/decompose/split.py", "def f():\n    from plangen.render import fmt\n",
     ["plangen.decompose.split -> plangen.render"]),
    ("plangen/present/fmt.py", "from ..track import progress\n", ["plangen.present.fmt -> plangen.track"]),
    ("plangen/present/fmt.py", "from ..model.schema import Plan\n", []),
])
def it_catches_a_deliberate_upward_import(tmp_path, module, source, found):
    """A planted violation in a copy of the package makes the contract fail, naming the import."""
    path = tmp_path / module
    path.parent.mkdir(parents=True)
    path.write_text(source, encoding="utf-8")
    assert upward_imports(graph(tmp_path / "plangen")) == found


def it_catches_a_deliberate_circle():
    """Two modules importing each other form a circle, lazily or not."""
    edges = {"plangen.render.a": {"plangen.render.b.X"}, "plangen.render.b": {"plangen.render.a"},
             "plangen.render.c": {"plangen.render.a"}}
    assert circles(edges) == [["plangen.render.a", "plangen.render.b"]]
