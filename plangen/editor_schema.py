"""The plan file's JSON Schema for editors, with a hover text on every key in the chosen language.

VS Code (YAML extension) and JetBrains IDEs read the schema named by the plan's first comment
lines (`# yaml-language-server: $schema=...` and `# $schema: ...`, paths relative to the plan)
and show each key's `description` on completion and hover. The texts live in
templates/schema/<locale>.yaml, one per dotted key path (list items add no path step).
"""
from __future__ import annotations

from importlib.resources import files
from typing import Any

import yaml

from .locales import LOCALE_IDS
from .locales import locale as plan_locale
from .render import jsonout
from plangen.present.wording import wording

SCHEMA_FILE = "plangen.schema.json"
# Shorthands the model reads before validation, which its own JSON Schema does not show
SHORTHANDS = {"plan.period": {"type": "integer", "minimum": 1900, "maximum": 2200, "examples": [2027]}}
TITLE = {"zh-CN": "plangen 销售计划文件", "zh-TW": "plangen 銷售計劃檔案", "en": "plangen plan file",
         "es": "Archivo de plan de plangen"}  # by wording locale: es-MX reads es's (plangen.locales)


def modelines(schema_file: str = SCHEMA_FILE) -> str:
    """The comment lines that point VS Code (yaml-language-server) and JetBrains IDEs at the schema."""
    return f"# yaml-language-server: $schema=./{schema_file}\n# $schema: ./{schema_file}\n"


def descriptions(locale: str) -> dict[str, str]:
    """The hover texts of `locale` (a country variant: its parent's, reworded), by dotted key path;
    {locales} lists the registry's locales."""
    text = (files("plangen.templates") / "schema" / f"{plan_locale(locale).wording_id}.yaml").read_text(encoding="utf-8")
    w, ids = wording(locale), ", ".join(LOCALE_IDS)
    return {k: w.reword(v.replace("{locales}", ids)) for k, v in yaml.safe_load(text).items()}


def editor_schema(locale: str) -> dict[str, Any]:
    """The plan JSON Schema with every key described in `locale`."""
    schema = jsonout.plan_schema()
    schema["description"] = TITLE[plan_locale(locale).wording_id]
    texts = descriptions(locale)
    for path, node in key_nodes(schema):
        if path in SHORTHANDS:
            node["anyOf"] = [SHORTHANDS[path], {key: node.pop(key) for key in list(node) if key != "default"}]
        if path in texts:
            describe(node, texts[path])
    return schema


def describe(node: dict[str, Any], text: str) -> None:
    """Put `text` on a property (for its English title); a bare $ref moves under allOf, as draft-07 readers
    ignore a $ref's siblings."""
    if "$ref" in node:
        node["allOf"] = [{"$ref": node.pop("$ref")}]
    node.pop("title", None)
    node["description"] = text


def key_nodes(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(dotted key path, property schema) for every key a plan file can hold, each path once."""
    defs = schema.get("$defs", {})
    out: dict[str, dict[str, Any]] = {}

    def walk(node: dict[str, Any], path: str, seen: frozenset[str]) -> None:
        ref = node.get("$ref") or next((s.get("$ref") for s in node.get("allOf", []) if "$ref" in s), None)
        if ref:
            name = ref.rsplit("/", 1)[-1]
            if name not in seen:
                walk(defs[name], path, seen | {name})
        for sub in [*node.get("anyOf", []), *node.get("oneOf", []), node.get("items")]:
            if isinstance(sub, dict):
                walk(sub, path, seen)
        for key, sub in node.get("properties", {}).items():
            child = f"{path}.{key}" if path else key
            out.setdefault(child, sub)
            walk(sub, child, seen)

    walk(schema, "", frozenset())
    return list(out.items())
