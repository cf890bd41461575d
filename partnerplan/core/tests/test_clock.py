"""The demonstration clock: one as-at date read by every piece of code that asks for today."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse

from partnerplan.core import clock, services
from partnerplan.core.models import DemoClock

pytestmark = pytest.mark.django_db

DEMO = override_settings(PARTNERPLAN_DEMO_CLOCK=True)


def test_it_runs_on_the_real_date_without_a_demonstration_clock():
    DemoClock.objects.create(pk=1, as_at=dt.date(2010, 12, 13))
    assert clock.as_at() is None
    assert clock.today() != dt.date(2010, 12, 13)


@DEMO
def test_it_gives_every_caller_the_demonstrations_date():
    services.demo_clock_start(on=dt.date(2010, 12, 13))
    assert clock.today() == dt.date(2010, 12, 13)
    assert clock.now().date() == dt.date(2010, 12, 13)
    assert clock.real_now().date() != dt.date(2010, 12, 13)


@DEMO
def test_it_moves_only_forward(world):
    services.demo_clock_start(on=dt.date(2010, 12, 13))
    services.demo_clock_move(actor=world.users["admin"], to=dt.date(2010, 12, 17))
    assert clock.today() == dt.date(2010, 12, 17)
    with pytest.raises(ValidationError, match="only moves forward"):
        services.demo_clock_move(actor=world.users["admin"], to=dt.date(2010, 12, 1))
    assert clock.today() == dt.date(2010, 12, 17)


def test_it_refuses_to_move_a_clock_the_installation_does_not_have(world):
    with pytest.raises(ValidationError, match="runs on the real date"):
        services.demo_clock_move(actor=world.users["admin"], to=dt.date(2010, 12, 17))


@DEMO
def test_it_shows_the_banner_and_lets_only_an_administrator_move_the_date(world):
    services.demo_clock_start(on=dt.date(2010, 12, 13))
    page = world.client("officer").get(reverse("core:home"))
    assert "behaves as if today were <strong>Monday 13 December 2010</strong>" in page.text
    assert "Move the date" not in page.text
    assert world.client("officer").get(reverse("core:demo-clock")).status_code == 403
    admin = world.client("admin")
    assert "Move the date" in admin.get(reverse("core:home")).text
    refused = admin.post(
        reverse("core:demo-clock"), {"to_day": "1", "to_month": "12", "to_year": "2010"}
    )
    assert refused.status_code == 400
    assert "only moves forward" in refused.text
    moved = admin.post(
        reverse("core:demo-clock"),
        {"to_day": "17", "to_month": "12", "to_year": "2010"},
        follow=True,
    )
    assert "now as at 17 December 2010" in moved.text
    assert DemoClock.objects.get().moved_by == world.users["admin"]
