"""Shared test set-up: personas, query-count helper and browser launch options."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import settings as hypothesis_settings

# Property tests check what is true, not how fast: a busy two-core CI machine must not turn a
# slow example into a failure (speed is measured by the benchmarks in bench/).
hypothesis_settings.register_profile("partnerplan", deadline=None)
hypothesis_settings.load_profile("partnerplan")

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


@pytest.fixture(autouse=True)
def _forget_the_clock() -> Iterator[None]:
    """No test sees another's demonstration date (core.clock keeps it for two seconds)."""
    from partnerplan.core import clock

    clock.forget()
    yield
    clock.forget()


def _is_transactional(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        return True
    names = getattr(item, "fixturenames", ())
    return "transactional_db" in names or "live_server" in names


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run every transactional test last. pytest-django sorts by marker only, so a test that
    reaches the database through a fixture (`world`) and has no marker ran after the browser
    tests, whose flush had emptied the reference data the migrations load."""
    items.sort(key=_is_transactional)
