"""Fixtures the views tests share."""

from __future__ import annotations

import pytest

from partnerplan.finance.tests.factories import (
    fund_with_balance,
)


@pytest.fixture
def admin(world):
    return world.users["admin"]


@pytest.fixture
def client(world):
    return world.client("admin")


@pytest.fixture
def reserve(admin):
    return fund_with_balance(admin, amount="100000", name="Reserve", visibility="public")
