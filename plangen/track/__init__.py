"""Plan vs actual: read actuals, measure progress, render the progress report."""
from __future__ import annotations

from .actuals import Actuals, read_actuals
from .progress import Progress, track

__all__ = ["Actuals", "Progress", "read_actuals", "track"]
