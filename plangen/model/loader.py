"""Safe YAML loading that remembers the line and column of every key and value."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Any

import yaml

from .errors import Location, Path, PlanError, Problem

MAX_BYTES = 20 * 1024 * 1024
MAX_REPEATS = 100_000
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
PLAIN_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")


@dataclass(frozen=True)
class Document:
    """A loaded YAML document: plain data plus the location of every key path."""

    data: Any
    locations: dict[Path, Location]
    file: str
    key_locations: dict[Path, Location] | None = None

    def locate(self, path: Path, key: bool = False) -> Location | None:
        """The location of the value (or key) at the deepest key path that exists."""
        path = tuple(path)
        keys = self.key_locations or {}
        while path:
            if key and path in keys:
                return keys[path]
            if path in self.locations:
                return self.locations[path]
            path = path[:-1]
        return self.locations.get(())


class _Builder:
    """Turns a composed node tree into plain data, noting locations and refusing alias bombs."""

    def __init__(self, file: str, loader: yaml.SafeLoader):
        self.file, self.loader, self.repeats = file, loader, 0
        self.seen: set[int] = set()
        self.locations: dict[Path, Location] = {}
        self.key_locations: dict[Path, Location] = {}
        self.problems: list[Problem] = []

    def loc(self, node: yaml.Node) -> Location:
        return Location(self.file, node.start_mark.line + 1, node.start_mark.column + 1)

    def build(self, node: yaml.Node, path: Path) -> Any:
        if id(node) in self.seen:
            self.repeats += 1
            if self.repeats > MAX_REPEATS:
                raise PlanError([Problem(f"aliases expand to more than {MAX_REPEATS:,} repeated values "
                                         "(an alias bomb?); expected a plan of reasonable size", path[:1],
                                         self.loc(node))])
        self.seen.add(id(node))
        self.locations[path] = self.loc(node)
        if not isinstance(node, yaml.ScalarNode) and node.tag not in PLAIN_TAGS:
            self.problems.append(Problem(f"unsupported YAML tag {node.tag}; expected a plain mapping or list",
                                         path, self.loc(node)))
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, path + (i,)) for i, child in enumerate(node.value)]
        return self.scalar(node, path)

    def mapping(self, node: yaml.MappingNode, path: Path) -> dict:
        explicit = {id(k) for k, _ in node.value}
        self.loader.flatten_mapping(node)
        merged: set = set()  # keys from a << merge, which the mapping's own keys override
        out: dict = {}
        for key_node, value_node in node.value:
            key = self.scalar(key_node, path) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, (str, int, float, dt.date)) or isinstance(key, bool):
                self.problems.append(Problem(f"expected a plain key, found {key_node.tag}", path, self.loc(key_node)))
                continue
            key = str(key) if not isinstance(key, int) else key
            if id(key_node) not in explicit:
                merged.add(key)
            elif key in merged:
                merged.discard(key)
            elif key in out:
                self.problems.append(Problem(f"duplicate key {key!r}; expected each key once", path + (key,),
                                             self.loc(key_node)))
            self.key_locations[path + (key,)] = self.loc(key_node)
            out[key] = self.build(value_node, path + (key,))
        return out

    def scalar(self, node: yaml.Node, path: Path) -> Any:
        try:
            value = self.loader.construct_object(node, deep=True)
            if isinstance(value, str) and (bad := unprintable(value)):
                self.problems.append(Problem(f"the text holds {bad}, which no document can show; expected "
                                             "printable text (remove the escape)", path, self.loc(node)))
            return value
        except yaml.constructor.ConstructorError as e:
            self.problems.append(Problem(f"unsupported YAML tag {node.tag}; expected plain values "
                                         f"({e.problem})", path, self.loc(node)))
            return None
        except (ValueError, OverflowError):
            return node.value  # e.g. 2027-13-01: left as text, so the schema says what it expected


def unprintable(text: str) -> str | None:
    """The first character Word, PowerPoint and Excel cannot hold (a control character, a lone surrogate), named."""
    m = _UNPRINTABLE.search(text)
    if not m:
        return None
    code = ord(m.group())
    kind = "the lone surrogate" if 0xD800 <= code <= 0xDFFF else "the control character"
    return f"{kind} U+{code:04X}"


def _decode(raw: bytes, file: str) -> str:
    """UTF-8 text (a BOM is dropped); anything else is a clear error."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise PlanError([Problem(f"the file is not UTF-8 text (byte {e.start} is 0x{raw[e.start]:02x}); "
                                 "expected a UTF-8 YAML file", (), Location(file, 1, 1))]) from None


# libyaml's safe loader when installed (it keeps every node's line and column): a 5 MB plan parses
# several times faster. A file it refuses is parsed again by PyYAML's, whose messages say more, and
# so is one with a tab (libyaml accepts `key:<tab>value`, which PyYAML and docs/errors.md refuse).
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str, file: str = "<plan>") -> Document:
    """Parse YAML text safely into a Document; syntax errors carry their line and column."""
    if FAST_LOADER is not yaml.SafeLoader and "\t" not in text:  # libyaml accepts a tab after a colon
        try:
            return _parse(text, file, FAST_LOADER)
        except _Unparsed:
            pass  # the same text again, for PyYAML's messages (the same problem, worded as documented)
    return _parse(text, file, yaml.SafeLoader)


class _Unparsed(Exception):
    """libyaml refused the text: PyYAML's parser says why in the words docs/errors.md shows."""


def _parse(text: str, file: str, loader_class: type) -> Document:
    """Parse with one loader class; libyaml's raises _Unparsed where PyYAML's would explain the syntax."""
    fast = loader_class is not yaml.SafeLoader
    try:
        loader = loader_class(text)
    except yaml.reader.ReaderError as e:  # a control character such as NUL: checked before parsing
        raise (_Unparsed() if fast else PlanError([_unprintable(e, text, file)])) from None
    try:
        node = loader.get_single_node()
        if node is None:
            return Document({}, {(): Location(file, 1, 1)}, file)
        builder = _Builder(file, loader)
        data = builder.build(node, ())
    except (yaml.YAMLError, RecursionError) as e:
        raise (_Unparsed() if fast else _syntax_error(e, loader, file)) from None
    finally:
        loader.dispose()
    if builder.problems:
        raise PlanError(builder.problems)
    return Document(data, builder.locations, file, builder.key_locations)


def _syntax_error(e: Exception, loader: yaml.SafeLoader, file: str) -> PlanError:
    """A YAML error as a plan problem at its line and column."""
    if isinstance(e, yaml.MarkedYAMLError):
        mark = e.problem_mark or e.context_mark
        loc = Location(file, mark.line + 1, mark.column + 1) if mark else Location(file, 1, 1)
        return PlanError([Problem(f"YAML syntax error: {e.problem or e.context}{_tab_hint(e)}", (), loc)])
    if isinstance(e, RecursionError):
        mark = loader.get_mark()
        return PlanError([Problem("the YAML nests lists or mappings too deeply; expected a plan nested a few "
                                  "levels deep", (), Location(file, mark.line + 1, mark.column + 1))])
    return PlanError([Problem(f"YAML error: {e}", (), Location(file, 1, 1))])


def _tab_hint(e: yaml.MarkedYAMLError) -> str:
    """A hint for the YAML error people meet most: a tab where YAML wants spaces."""
    return "; YAML allows no tab for indentation or after a colon: use spaces" if "\\t" in (e.problem or "") else ""


def _unprintable(e: yaml.reader.ReaderError, text: str, file: str) -> Problem:
    """A control character in the text, with its line and column."""
    pos = max(0, min(e.position, len(text)))
    line, col = text.count("\n", 0, pos) + 1, pos - (text.rfind("\n", 0, pos) + 1) + 1
    char = f"#x{e.character:04x}" if isinstance(e.character, int) else repr(e.character)
    return Problem(f"the file holds the control character {char}, which YAML does not allow; expected "
                   "printable text", (), Location(file, line, col))


def read_yaml(path: str | FsPath) -> Document:
    """Read and parse a plan file from disk."""
    name = str(path)
    try:
        p = FsPath(path)
        if p.stat().st_size > MAX_BYTES:
            raise PlanError([Problem(f"the file is {p.stat().st_size:,} bytes; expected at most {MAX_BYTES:,}",
                                     (), Location(name, 1, 1))])
        raw = p.read_bytes()
    except OSError as e:
        raise PlanError([Problem(f"cannot read the file: {e.strerror}", (), Location(name, 1, 1))]) from None
    return parse_yaml(_decode(raw, name), name)
