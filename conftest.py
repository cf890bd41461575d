"""Shared test set-up: personas, query-count helper and browser launch options."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("PARTNERPLAN_TESTING", "1")
# Playwright's sync API runs an event loop in the test thread; the ORM calls made by tests
# around it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytest_plugins = ["partnerplan.core.tests.fixtures", "partnerplan.core.tests.browser"]


# Reference data that data migrations load. A transactional test (browser tests, real
# concurrency) empties every table when it ends, so the next one puts these rows back first.
REFERENCE_DATA = [
    ("partnerplan.partners.migrations.0002_roles", "add_roles"),
    ("partnerplan.resources.migrations.0002_skills", "add_skills"),
]


@pytest.fixture(autouse=True)
def _reference_data(request: pytest.FixtureRequest) -> None:
    marker = request.node.get_closest_marker("django_db")
    if marker is None or not marker.kwargs.get("transaction"):
        return
    request.getfixturevalue("transactional_db")
    import importlib

    from django.apps import apps

    for module, function in REFERENCE_DATA:
        getattr(importlib.import_module(module), function)(apps, None)
