"""A country variant's wording: its parent's labels, sentences and starter with only the differences changed.

A locale with a `wording` parent (plangen.locales: es-MX -> es) has no text templates or starter
of its own; its templates/i18n/<id>.yaml holds three optional maps:

- `labels`: label keys whose text differs ("rep": "Vendedor");
- `phrases`: words and phrases replaced in every inherited sentence (labels, text templates,
  review messages), longest first, whole words only, a capital first letter kept. A phrase
  mapped to itself is protected ("equipo comercial" stays when "comercial" becomes "vendedor");
- `starter`: exact text replaced in the parent's starter plan (locale, currency, country, regions).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import yaml

from plangen.locales import LOCALES
from plangen.locales import locale as plan_locale

_JINJA_TAG = re.compile(r"(\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\})", re.S)
_FIELD = re.compile(r"(\{[^{}]*\})")  # str.format fields in labels and messages: {count}, {amount}


@dataclass(frozen=True)
class Wording:
    """What a country variant changes in its parent's wording."""

    labels: Mapping[str, str]
    phrases: Mapping[str, str]
    starter: Mapping[str, str]

    def reword(self, text: str) -> str:
        """`text` with the variant's phrases, fields like {count} left alone."""
        return "".join(p if i % 2 else self._plain(p) for i, p in enumerate(_FIELD.split(text)))

    def reword_template(self, source: str) -> str:
        """A Jinja template's source with the phrases replaced in its literal text only (never in tags)."""
        return "".join(p if i % 2 else self._plain(p) for i, p in enumerate(_JINJA_TAG.split(source)))

    def _plain(self, text: str) -> str:
        """Plain text with every phrase replaced in one pass (longest first, case of the first letter kept)."""
        if not self.phrases:
            return text
        return _pattern(tuple(self.phrases)).sub(lambda m: self._replace(m.group(0)), text)

    def _replace(self, found: str) -> str:
        """The replacement of one found phrase, capitalised when the found text was."""
        new = self.phrases[found[0].lower() + found[1:]]
        return new[0].upper() + new[1:] if found[0].isupper() and not new[0].isupper() else new


@lru_cache(maxsize=None)
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One regex over the phrases, longest first, whole words, lower or capital first letter."""
    alts = [f"[{p[0]}{p[0].upper()}]{re.escape(p[1:])}" for p in sorted(phrases, key=len, reverse=True)]
    return re.compile(r"(?<![\w.])(?:" + "|".join(alts) + r")(?![\w]|\.\w)")  # not in key paths: plan.organization


NO_CHANGE = Wording({}, {}, {})
MAPS = ("labels", "phrases", "starter")  # the maps of a variant's i18n/<id>.yaml


@lru_cache(maxsize=None)
def wording(locale_id: str) -> Wording:
    """The variant's changes to its parent's wording (none for a locale with its own files)."""
    if not plan_locale(locale_id).wording:
        return NO_CHANGE
    text = (files("plangen.templates") / "i18n" / f"{locale_id}.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    if not isinstance(data, dict) or set(data) - set(MAPS):
        raise ValueError(f"i18n/{locale_id}.yaml: expected only the maps labels, phrases and starter")
    labels, phrases, starter = ({str(k): str(v) for k, v in (data.get(key) or {}).items()}
                                for key in MAPS)
    return Wording(labels, {k[0].lower() + k[1:]: v for k, v in phrases.items()}, starter)


def parent_text(name: str) -> tuple[str, Wording] | None:
    """For a variant's text template (text/es-MX/deck.j2): the parent's (text/es/deck.j2) and the changes."""
    m = re.fullmatch(r"text/([^/]+)/(.+)", name)
    loc = LOCALES.get(m.group(1)) if m else None
    if loc is None or not loc.wording:
        return None
    return f"text/{loc.wording}/{m.group(2)}", wording(loc.id)
