"""From a YAML file to a typed, checked Plan, or a PlanError listing every problem with its place."""
from __future__ import annotations

import difflib
import typing
from pathlib import Path as FsPath
from typing import Any

from pydantic import BaseModel, ValidationError

from plangen.bulk import without_cycle_collector

from .check import check_plan
from .errors import MAX_PROBLEMS, Collector, Path, PlanError, Problem
from .loader import Document, parse_yaml, read_yaml
from .roster import expand_rosters
from .schema import Plan
from .values import found


def load(path: str | FsPath) -> Plan:
    """Read, parse, type and check a plan file."""
    return from_document(read_yaml(path))


def loads(text: str, file: str = "<plan>") -> Plan:
    """Parse, type and check plan text (for tests and library users)."""
    return from_document(parse_yaml(text, file))


@without_cycle_collector
def from_document(doc: Document) -> Plan:
    """Type and check a parsed document; every problem carries its file, line and column."""
    if not isinstance(doc.data, dict):
        raise PlanError([Problem(f"expected a mapping with keys plan, targets, ..., found {found(doc.data)}",
                                 (), doc.locate(()))])
    doc = expand_rosters(doc, FsPath(doc.file).parent)
    try:
        plan = Plan.model_validate(doc.data, context={"locale": _plan_locale(doc.data)})
    except ValidationError as e:
        problems = _problems(e, doc)
        raise PlanError(_locate(doc, [p for p in problems if p.message]),
                        sum(1 for p in problems if not p.message)) from None
    out = Collector()
    check_plan(plan, out)
    if out.problems:
        raise PlanError(_locate(doc, out.problems))
    return plan


def _plan_locale(data: dict) -> str:
    """The locale the plan's numbers are written in (plan.locale, zh-CN by default)."""
    head = data.get("plan")
    locale = head.get("locale") if isinstance(head, dict) else None
    return locale if isinstance(locale, str) else "zh-CN"


def _locate(doc: Document, problems: list[Problem]) -> list[Problem]:
    return [Problem(p.message, p.path, p.location or doc.locate(p.path, key=_is_key(p))) for p in problems]


def _is_key(p: Problem) -> bool:
    return p.message.startswith("unknown key")


def _problems(e: ValidationError, doc: Document) -> list[Problem]:
    """One problem per key path (a union's alternatives give one message, the first)."""
    seen: dict[Path, Problem] = {}
    for err in e.errors(include_url=False):
        path = _data_path(doc.data, err["loc"])
        if path in seen and err["type"] != "extra_forbidden":
            continue
        if len(seen) > MAX_PROBLEMS:  # a million unknown keys: count them, spell out the first ones only
            seen.setdefault(path, Problem("", path))
            continue
        msg = _message(err, path)
        seen.setdefault(path, Problem(msg, path))
    return list(seen.values())


def _data_path(data: Any, loc: tuple) -> Path:
    """The part of pydantic's error location that names keys of the data (drops union tags)."""
    out: list = []
    node = data
    for seg in loc:
        if isinstance(node, dict) and seg in node:
            out.append(seg)
            node = node[seg]
        elif isinstance(node, dict) and isinstance(seg, str) and seg.isdigit() and int(seg) in node:
            out.append(int(seg))
            node = node[int(seg)]
        elif isinstance(node, list) and isinstance(seg, int) and 0 <= seg < len(node):
            out.append(seg)
            node = node[seg]
        elif node is not None and not isinstance(node, (dict, list)):
            break
        elif isinstance(node, dict) and seg not in node and _looks_like_field(seg):
            out.append(seg)  # a missing key
            break
    return tuple(out)


def _looks_like_field(seg: object) -> bool:
    return isinstance(seg, str) and seg.isidentifier() and seg[0].islower()


TYPE_WORDS = {
    "int_type": "an integer", "int_parsing": "an integer", "int_from_float": "a whole number",
    "float_type": "a number", "float_parsing": "a number", "string_type": "text",
    "bool_type": "true or false", "bool_parsing": "true or false", "list_type": "a list",
    "dict_type": "a mapping of keys to values", "model_type": "a mapping of keys to values",
    "model_attributes_type": "a mapping of keys to values", "tuple_type": "a list",
    "date_type": "an ISO date", "date_parsing": "an ISO date such as 2027-06-10",
}


def _message(err: dict, path: Path) -> str:
    kind, value = err["type"], err.get("input")
    if kind == "missing":
        return f"missing key {path[-1]!r}; expected it here" if path else "missing key"
    if kind == "extra_forbidden":
        return _unknown_key(path)
    if kind == "literal_error":
        return f"expected {err['ctx']['expected']}, found {found(value)}"
    if kind in TYPE_WORDS:
        return f"expected {TYPE_WORDS[kind]}, found {found(value)}"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        word = {"greater_than_equal": ">=", "greater_than": ">", "less_than_equal": "<=", "less_than": "<"}[kind]
        limit = next(iter(err["ctx"].values()))
        return f"expected a value {word} {limit}, found {found(value)}"
    if kind == "string_pattern_mismatch":
        return f"expected text matching {err['ctx']['pattern']}, found {found(value)}"
    msg = err["msg"]
    for prefix in ("Value error, ", "Assertion failed, "):
        msg = msg.removeprefix(prefix)
    return msg


def _unknown_key(path: Path) -> str:
    key = path[-1] if path else "?"
    allowed = _fields_at(path[:-1])
    close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.5)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"unknown key {key!r}{hint} (expected one of: {', '.join(allowed)})"


def _fields_at(path: Path) -> list[str]:
    """The keys a plan allows at a key path, from the models."""
    types: list = [Plan]
    for seg in path:
        nxt: list = []
        for t in types:
            nxt.extend(_step(t, seg))
        types = nxt
    names: list[str] = []
    for t in types:
        if isinstance(t, type) and issubclass(t, BaseModel):
            names.extend(key for key in _keys(t) if key not in names)
    return names


def _keys(model: type[BaseModel]) -> dict[str, Any]:
    """A model's keys as a plan file writes them (`from` for a field aliased so), with their fields."""
    return {f.alias or name: f for name, f in model.model_fields.items()}


def _step(t: Any, seg: object) -> list:
    """The types one key or index below type `t`."""
    out: list = []
    for u in _unwrap(t):
        if isinstance(u, type) and issubclass(u, BaseModel) and isinstance(seg, str) and seg in _keys(u):
            out.extend(_unwrap(_keys(u)[seg].annotation))
        origin = typing.get_origin(u)
        if origin in (list, tuple) and isinstance(seg, int):
            out.extend(_unwrap(typing.get_args(u)[0]))
        if origin is dict:
            out.extend(_unwrap(typing.get_args(u)[1]))
    return out


def _unwrap(t: Any) -> list:
    """Union and Annotated members of a type."""
    origin = typing.get_origin(t)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(t)[0])
    if origin in (typing.Union, getattr(__import__("types"), "UnionType")):
        return [x for a in typing.get_args(t) for x in _unwrap(a)]
    return [t]
