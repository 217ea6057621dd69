"""The label vocabulary per locale, from templates/i18n/<locale>.yaml (package plangen.templates)."""
from __future__ import annotations

import string
from collections.abc import Iterator, Mapping
from functools import lru_cache
from importlib.resources import files

import yaml

from plangen.locales import LOCALE_IDS
from plangen.locales import locale as plan_locale
from plangen.present.wording import MAPS, wording

# Our own template files need no line numbers: libyaml's safe loader when installed, else PyYAML's.
FAST_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

LOCALES = LOCALE_IDS  # the registry in plangen.locales


class Labels(Mapping[str, str]):
    """A read-only label map whose missing keys name the key and the locale."""

    def __init__(self, locale: str, entries: Mapping[str, str]) -> None:
        """Wrap the `entries` loaded for `locale`."""
        self.locale = locale
        self._entries = dict(entries)

    def __getitem__(self, key: str) -> str:
        """The label for `key`; KeyError naming the key and locale when it is missing."""
        try:
            return self._entries[key]
        except KeyError:
            raise KeyError(f"no label {key!r} in locale {self.locale!r}") from None

    def __iter__(self) -> Iterator[str]:
        """The label keys, in file order."""
        return iter(self._entries)

    def __len__(self) -> int:
        """How many labels there are."""
        return len(self._entries)


def _checked(locale: str, data: object) -> dict[str, str]:
    """The loaded YAML as a flat str -> str map, or ValueError naming the locale file."""
    if not isinstance(data, dict):
        raise ValueError(f"i18n/{locale}.yaml: expected a mapping of label keys to strings")
    bad = [k for k, v in data.items() if not isinstance(k, str) or not isinstance(v, str)]
    if bad:
        raise ValueError(f"i18n/{locale}.yaml: labels {bad!r} are not plain strings")
    return data


@lru_cache(maxsize=None)
def labels(locale: str) -> Labels:
    """The label vocabulary of a registered locale (plangen.locales), loaded once; a country variant's
    are its parent's, reworded, with its own labels over them (present.wording)."""
    if locale not in LOCALES:
        raise ValueError(f"unknown locale {locale!r}; expected one of {', '.join(LOCALES)}")
    parent = plan_locale(locale).wording
    if parent:
        w = wording(locale)
        if set(w.labels) - set(labels(parent)):
            raise ValueError(f"i18n/{locale}.yaml: labels {sorted(set(w.labels) - set(labels(parent)))} are not {parent}'s")
        return Labels(locale, {**{k: w.reword(v) for k, v in labels(parent).items()}, **w.labels})
    text = (files("plangen.templates") / "i18n" / f"{locale}.yaml").read_text(encoding="utf-8")
    return Labels(locale, _checked(locale, yaml.load(text, Loader=FAST_SAFE_LOADER)))


def fields_of(text: str) -> frozenset[str]:
    """The `{name}` fields a label fills in ("{label}（{unit}）" -> label, unit)."""
    return frozenset(f for _, f, _, _ in string.Formatter().parse(text) if f)


def override_problems(base: Labels, entries: Mapping[object, object]) -> dict[object, str]:
    """Why each of a company's label entries cannot replace plangen's: unknown key, not text, other fields."""
    out: dict[object, str] = {}
    for key, text in entries.items():
        if key in MAPS and key not in base:
            out[key] = (f"unknown label {key!r} (a template folder's i18n file lists labels, key: text, as "
                        "`plangen templates export` writes them; a country variant's phrases are plangen's own)")
        elif not isinstance(key, str) or key not in base:
            out[key] = f"unknown label {key!r} (plangen's labels are the keys of its own i18n/{base.locale}.yaml)"
        elif not isinstance(text, str):
            out[key] = f"label {key!r}: expected text, found {type(text).__name__}"
        elif fields_of(text) != fields_of(base[key]):
            want = ", ".join(f"{{{f}}}" for f in sorted(fields_of(base[key]))) or "no {fields}"
            out[key] = f"label {key!r}: expected {want} as in plangen's label {base[key]!r}, found {text!r}"
    return out


def overridden(base: Labels, entries: Mapping[str, str]) -> Labels:
    """`base` with a company's wording for some of its keys (checked with override_problems first)."""
    return Labels(base.locale, {**base, **entries})


def days_header(L: Labels, d) -> str:
    """"Working days", or "calendar days" when daily targets use every day (targets.calendar.daily_basis)."""
    return L["calendar_days"] if d.calendar.basis == "all_days" else L["working_days"]
