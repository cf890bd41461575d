"""Fixtures the services tests share."""

from __future__ import annotations

import pytest


@pytest.fixture
def actor(world):
    return world.users["admin"]
