"""Pydantic field types for the values of a plan file, each with its JSON Schema for editors."""
from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, PlainValidator, ValidationInfo, WithJsonSchema

from . import values

_AMOUNT_SCHEMA = {
    "anyOf": [{"type": "number"}, {"type": "string", "pattern": r"^[¥￥$€]?\s*[+-]?[\d.,]+\s*(亿|万|億|萬|千|百万|千万|百萬|千萬|k|K|m|M|b|B|bn)?\s*元?$"}],
    "description": "An amount: a number or a string with a suffix: 1亿, 2000万, 3.5万, 1.2M, 500k, 7,000,000",
    "examples": ["2000万", "1.2M", 500000],
}
_PERCENT_SCHEMA = {
    "anyOf": [{"type": "number"}, {"type": "string", "pattern": r"^\s*[+-]?\d+(\.\d+)?\s*[%％]?\s*$"}],
    "description": "A percentage: '20%' or 0.2",
    "examples": ["20%", 0.2],
}


def _plain(parse, schema: dict, serialize) -> tuple:
    """Validator, serializer and JSON Schema of a parsed value type."""
    return (PlainValidator(parse), PlainSerializer(serialize, return_type=Any), WithJsonSchema(schema))


def _locale(info: ValidationInfo) -> str | None:
    """The plan's locale from the validation context (load passes it), which decides the decimal separator."""
    return (info.context or {}).get("locale")


def _amount(v: object, info: ValidationInfo) -> int:
    return values.parse_amount(v, _locale(info))


def _range_int(v: object, info: ValidationInfo) -> tuple[int, int]:
    return values.parse_range(v, lambda x: values.parse_amount(x, _locale(info)))


Amount = Annotated[int, *_plain(_amount, _AMOUNT_SCHEMA, int)]
Percent = Annotated[Fraction, *_plain(values.parse_percent, _PERCENT_SCHEMA, float)]
Number = Annotated[Fraction, *_plain(values.parse_number, {"type": "number"}, float)]
AmountRange = Annotated[tuple[int, int], *_plain(_range_int, {
    "anyOf": [{"type": "number"}, {"type": "string"}],
    "description": "A number or a range low~high (low = commitment, high = stretch): 20~25, 20-25, 1000万~1200万",
    "examples": ["20~25", 20]}, list)]
Date = Annotated[dt.date, *_plain(values.parse_date, {"type": "string", "format": "date",
                                                       "examples": ["2027-06-10"]}, str)]
Frequency = Annotated[Fraction, *_plain(values.parse_every, {
    "type": "string", "description": "How often: '1 month', '2 months', '2 weeks', 'quarterly'",
    "examples": ["1 month", "2 weeks"]}, float)]


def _text(v: object) -> tuple[str, ...]:
    """Several paragraphs (separated by blank lines) or a list of bullet strings."""
    if v is None:
        return ()
    if isinstance(v, (list, tuple)):
        items = [_scalar_text(x) for x in v]
        return tuple(x for x in items if x)
    text = _scalar_text(v)
    return tuple(p.strip() for p in text.split("\n\n") if p.strip())


def _scalar_text(v: object) -> str:
    if isinstance(v, (dict, list, tuple)) or v is None:
        raise values.ValueProblem(f"expected text or a list of texts, found {type(v).__name__}")
    return str(v).strip()


Text = Annotated[tuple[str, ...], *_plain(_text, {
    "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
    "description": "Text: one or several paragraphs (blank line between), or a list of bullet strings"}, list)]


def _name(v: object) -> str:
    if isinstance(v, (dict, list, tuple)) or v is None or isinstance(v, bool):
        raise values.ValueProblem(f"expected a name, found {values.found(v)}")
    text = str(v).strip()
    if not text:
        raise values.ValueProblem("expected a non-empty name, found ''")
    return text


Name = Annotated[str, BeforeValidator(_name), WithJsonSchema({"type": "string", "minLength": 1})]
