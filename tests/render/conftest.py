"""Shared helpers for the Office-layer tests."""

import pytest
from office_audit import audit_errors


@pytest.fixture
def audit():
    """openxml-audit as a function: file path -> error report ('' when clean)."""
    return audit_errors
