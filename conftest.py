"""Shared test set-up: personas, query-count helper and browser launch options."""

from __future__ import annotations

import os

os.environ.setdefault("PARTNERPLAN_TESTING", "1")
# Playwright's sync API runs an event loop in the test thread; the ORM calls made by tests
# around it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytest_plugins = ["partnerplan.core.tests.fixtures"]
