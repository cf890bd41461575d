"""The core pages in the access matrix (see core/tests/test_access_matrix.py)."""

from __future__ import annotations

from partnerplan.core.tests.fixtures import ROLE_NAMES
from partnerplan.core.tests.matrix import ALL_OK

EXPECTED: dict[str, tuple[str | None, dict[str, int]]] = {
    "core:home": (None, ALL_OK),
    "core:sign-in": (None, {**dict.fromkeys(ROLE_NAMES, 302), "public": 200}),
    "core:sign-in-refused": (None, dict.fromkeys(ROLE_NAMES, 403)),
    "core:sign-out": (None, dict.fromkeys(ROLE_NAMES, 405)),  # only POST signs out
    "core:accessibility": (None, ALL_OK),
    "core:cookies": (None, ALL_OK),
    # The matrix runs on the real clock; with a demonstration clock only administrators get
    # the page (core/tests/test_clock.py).
    "core:demo-clock": (None, dict.fromkeys(ROLE_NAMES, 404)),
}
