"""Errors that know where in the plan file they come from and how to show themselves."""
from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Iterable, Sequence

from ..errors import EXIT_INVALID, PlangenError

Path = tuple[str | int, ...]


def format_path(path: Path) -> str:
    """`('team', 'reps', 2, 'start')` -> `team.reps[2].start`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


MAX_PROBLEMS = 200  # listed per file; a generated file with a million mistakes is not listed in full


@dataclass(frozen=True)
class Location:
    """A place in a file: 1-based line and column."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    """One problem with a plan: where, which key, what was expected and what was found."""

    message: str
    path: Path = ()
    location: Location | None = None

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        return f"{where}{format_path(self.path)}: {self.message}"


class PlanError(PlangenError):
    """Raised when a plan cannot be used; carries every problem found, not only the first."""

    exit_code = EXIT_INVALID

    def __init__(self, problems: Sequence[Problem], more: int = 0):
        ordered = sort_problems(problems)
        self.problems = tuple(ordered[:MAX_PROBLEMS])
        self.more = more + len(ordered) - len(self.problems)  # found but not kept: said, not listed
        super().__init__(self.format())

    def format(self) -> str:
        """The problems (the first MAX_PROBLEMS), one per line in file order, then how many more there are."""
        lines = [str(p) for p in self.problems]
        if self.more:
            lines.append(f"... and {self.more:,} more problems (the first {len(self.problems):,} are listed)")
        return "\n".join(lines)

    def format_message(self) -> str:
        """Every problem on its own line, `file:line:col: key: message` (no `plangen:` prefix)."""
        return self.format()


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in file order; those without a location last."""
    def key(p: Problem) -> tuple:
        loc = p.location
        return (loc is None, loc.line if loc else 0, loc.column if loc else 0, format_path(p.path))
    return sorted(problems, key=key)


@dataclass
class Collector:
    """Gathers problems while checking, so that all of them are reported at once."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, path: Path, message: str) -> None:
        """Record one problem at a key path."""
        self.problems.append(Problem(message, tuple(path)))

    def raise_if_any(self) -> None:
        """Stop with every problem collected so far."""
        if self.problems:
            raise PlanError(self.problems)
