"""Share maps and weight lists: percentages that sum to 100% (one may be `rest`) or weights."""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Annotated, Any

from pydantic import AfterValidator, PlainValidator, WithJsonSchema

from . import values
from .values import ValueProblem


@dataclass(frozen=True)
class Share:
    """One entry as written: a percentage, a bare number or `rest`."""

    kind: str  # "percent" | "number" | "rest"
    value: Fraction = Fraction(0)


def parse_share(v: object) -> Share:
    """'40%' -> percent, 2 or 0.4 -> number, 'rest' -> rest."""
    if isinstance(v, str) and v.strip().lower() in ("rest", "remainder", "其余", "其他", "resto"):
        return Share("rest")
    if isinstance(v, str) and v.strip().endswith(("%", "％")):
        share = Share("percent", values.parse_percent(v))
    else:
        share = Share("number", values.parse_number(v))
    if share.value < 0:
        raise ValueProblem(f"expected a share of 0 or more, found {values.found(v)}")
    return share


def pct(x: Fraction) -> str:
    """A fraction shown as a percentage without spurious decimals."""
    p = x * 100
    return f"{int(p)}%" if p.denominator == 1 else f"{float(p):.4g}%"


def normalise(entries: list[Share], what: str = "shares") -> list[Fraction]:
    """Exact fractions summing to 1, or a ValueProblem saying what the entries sum to."""
    if not entries:
        raise ValueProblem(f"expected at least one entry, found none")
    rests = [e for e in entries if e.kind == "rest"]
    kinds = {e.kind for e in entries}
    if len(rests) > 1:
        raise ValueProblem(f"expected at most one `rest` entry, found {len(rests)}")
    whole = all(e.value.denominator == 1 for e in entries)
    if kinds == {"number"} and (any(e.value > 1 for e in entries) or (whole and len(entries) > 1)):
        total = sum(e.value for e in entries)
        if total == 0:
            raise ValueProblem(f"expected weights with a positive sum, found all zero")
        return [e.value / total for e in entries]
    given = sum(e.value for e in entries)
    if rests:
        if given > 1:
            raise ValueProblem(f"the {what} other than `rest` sum to {pct(given)}, expected at most 100%")
        return [e.value if e.kind != "rest" else 1 - given for e in entries]
    if given != 1:
        raise ValueProblem(f"the {what} sum to {pct(given)}, expected 100%")
    return [e.value for e in entries]


def _normalise_map(m: dict[str, Share]) -> dict[str, Fraction]:
    return dict(zip(m, normalise(list(m.values()))))


ShareValue = Annotated[Share, PlainValidator(parse_share), WithJsonSchema({
    "anyOf": [{"type": "number", "minimum": 0}, {"type": "string"}],
    "description": "A percentage ('40%'), a fraction (0.4), a weight (2) or 'rest'"})]
ShareMap = Annotated[dict[str, ShareValue], AfterValidator(_normalise_map), WithJsonSchema({
    "type": "object", "additionalProperties": ShareValue.__metadata__[-1].json_schema,
    "description": "Shares that sum to 100% (one may be 'rest'), or weights that are normalised"})]


def weight_list(what: str) -> Any:
    """A list of shares or weights (e.g. quarter phasing), normalised to sum to 1."""
    def check(items: list[Share]) -> list[Fraction]:
        return normalise(items, what)
    return Annotated[list[ShareValue], AfterValidator(check)]
