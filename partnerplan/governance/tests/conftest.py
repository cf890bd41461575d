"""Fixtures shared by every governance test."""

from partnerplan.governance.tests.helpers import picker_registry

__all__ = ["picker_registry"]
