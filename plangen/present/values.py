"""Values for templates: exact numbers that print in the plan's locale and display unit."""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction


class Money(int):
    """An exact amount in currency units that prints as the plan shows it (2,000万)."""

    text: str
    money: str
    headline: str

    def __new__(cls, value: int, text: str, money: str | None = None, headline: str | None = None) -> "Money":
        obj = int.__new__(cls, value)
        obj.text = text
        obj.money = money or text  # with the currency: 2,000万元 / $20.0M
        obj.headline = headline or obj.money  # as a cover or summary says it: 1亿元 / $3.85M (Formatter.headline)
        return obj

    def __str__(self) -> str:
        return self.text

    @property
    def value(self) -> int:
        """The exact integer."""
        return int(self)


class Share(float):
    """A share or rate that prints as a percentage (20%)."""

    text: str

    def __new__(cls, value: float | Fraction, text: str) -> "Share":
        obj = float.__new__(cls, float(value))
        obj.text = text
        return obj

    def __str__(self) -> str:
        return self.text

    @property
    def value(self) -> float:
        return float(self)


@dataclass(frozen=True)
class Table:
    """A finished table: localised headers, formatted cells, an optional bold total row."""

    key: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]
    total: tuple[str, ...] | None = None
    note: str = ""

    def __len__(self) -> int:
        return len(self.rows)

    def chunks(self, size: int) -> list["Table"]:
        """The table cut into pieces of at most `size` rows; the total stays with the last."""
        parts = [self.rows[i:i + size] for i in range(0, len(self.rows), size)] or [()]
        return [Table(self.key, self.title, self.columns, p, self.numeric,
                      self.total if i == len(parts) - 1 else None, self.note) for i, p in enumerate(parts)]
