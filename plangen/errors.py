"""One base for every error plangen reports to its user: it knows its exit code and how it shows itself.

Like click's ClickException: `exit_code` (2: the input is wrong — a plan, an actuals file, a
template; 1: plangen could not do what was asked, e.g. a refused write) and `format_message()`,
the text for stderr. The CLI maps every PlangenError through these two, in one place.
"""
from __future__ import annotations

EXIT_INVALID, EXIT_FAILED = 2, 1


class PlangenError(Exception):
    """An error a user can act on; never shown with a traceback."""

    exit_code: int = EXIT_FAILED

    def format_message(self) -> str:
        """What stderr shows: one short line naming plangen."""
        return f"plangen: {self}"
