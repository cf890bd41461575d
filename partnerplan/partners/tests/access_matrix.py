"""The partners and people pages in the access matrix (see core/tests/test_access_matrix.py)."""

from __future__ import annotations

from typing import Any

from partnerplan.core.models import Visibility
from partnerplan.core.tests.matrix import ADMIN_ONLY, ALL_OK, SIGNED_IN
from partnerplan.partners.tests.factories import PersonFactory

# The target person works for Alpha, like the officer and the project manager.
SAME_PARTNER = {**ADMIN_ONLY, "officer": 200, "pm": 200}

EXPECTED: dict[str, tuple[str | None, dict[str, int]]] = {
    "partners:partner-list": (None, ALL_OK),
    "partners:partner-create": (None, ADMIN_ONLY),
    "partners:partner-detail": ("partner", ALL_OK),
    "partners:partner-edit": ("partner", ADMIN_ONLY),
    "partners:partner-archive": ("partner", ADMIN_ONLY),
    "partners:partner-delete": ("partner", ADMIN_ONLY),
    "partners:person-list": (None, ALL_OK),
    "partners:person-create": (None, ADMIN_ONLY),
    "partners:person-detail": ("person", SIGNED_IN),
    "partners:person-edit": ("person", SAME_PARTNER),
    "partners:person-change-partner": ("person", ADMIN_ONLY),
    "partners:person-archive": ("person", ADMIN_ONLY),
    "partners:person-delete": ("person", ADMIN_ONLY),
}


def objects(world: Any) -> dict[str, Any]:
    return {
        "partner": world.alpha,
        "person": PersonFactory.create(partner=world.alpha, visibility=Visibility.PARTNERSHIP),
    }
