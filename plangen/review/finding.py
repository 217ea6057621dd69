"""A review finding: which check, how serious, where in the plan, and the values its message shows."""
from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from types import MappingProxyType
from typing import Literal, Mapping

Severity = Literal["error", "warning", "note"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "note")


@dataclass(frozen=True)
class Money:
    """An amount, shown in the plan's display unit."""

    value: int


@dataclass(frozen=True)
class Pct:
    """A ratio, shown as a percentage with `digits` decimals."""

    value: Fraction
    digits: int = 1


@dataclass(frozen=True)
class Num:
    """A rate such as visits per day, shown with `digits` decimals."""

    value: Fraction
    digits: int = 1


@dataclass(frozen=True)
class Names:
    """A list of names or labelled figures, joined the locale's way (A, B and C / A、B和C)."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Word:
    """A word of the locale's FIELDS (messages.FIELDS), or nothing when `key` is empty."""

    key: str


@dataclass(frozen=True)
class Finding:
    """One thing a director would question, at the key path of the plan it comes from."""

    code: str                    # "<check>.<rule>", the key of its message in every locale
    severity: Severity
    path: tuple
    values: Mapping[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", MappingProxyType(dict(self.values)))

    @property
    def check(self) -> str:
        """The check the finding belongs to (capacity, team, seasonality, ...)."""
        return self.code.split(".", 1)[0]


@dataclass(frozen=True)
class Review:
    """Every finding of a plan, most serious first, in the order of the checks."""

    findings: tuple[Finding, ...]

    def count(self, severity: Severity) -> int:
        """How many findings have this severity."""
        return sum(1 for f in self.findings if f.severity == severity)

    def fails(self, strict: bool) -> bool:
        """True when the plan should not pass: any error, or with `strict` any warning."""
        return self.count("error") > 0 or (strict and self.count("warning") > 0)


@dataclass(frozen=True)
class MonthVs:
    """Months of the period with a planned amount and last year's: (month index, plan, last year)."""

    items: tuple[tuple[int, int, int], ...]


@dataclass(frozen=True)
class QuarterPcts:
    """Quarters of the period with a percentage each: (quarter index, ratio)."""

    items: tuple[tuple[int, Fraction], ...]
