"""Programmes: a new programme gets the seed stages."""

from __future__ import annotations

import pytest

from partnerplan.portfolio import services

pytestmark = pytest.mark.django_db


def test_it_gives_a_new_programme_the_seed_stages():
    programme = services.programme_create(actor=None, name="Work Plan", visibility="public")
    assert [s.code for s in programme.stages.all()] == [
        "proposed", "approved", "business-case", "business-case-approved", "active", "closed",
    ]  # fmt: skip
