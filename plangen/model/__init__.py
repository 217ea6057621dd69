"""The plan model: loading, typing and checking plan files."""
from .errors import Location, PlanError, Problem
from .load import from_document, load, loads
from .schema import Plan

__all__ = ["Location", "Plan", "PlanError", "Problem", "from_document", "load", "loads"]
