"""TemplateProblem: a template that cannot render (its own module, so the sandbox limits can raise it)."""
from __future__ import annotations

from ..errors import EXIT_INVALID, PlangenError


class TemplateProblem(PlangenError):
    """A template that cannot render: file, line, what went wrong and what exists nearby."""

    exit_code = EXIT_INVALID

    def __init__(self, message: str, file: str = "", line: int | None = None):
        self.file, self.line, self.message = file, line, message
        where = f"{file}:{line}: " if file and line else (f"{file}: " if file else "")
        super().__init__(f"{where}{message}")
