"""Actuals: the days a booking took, month by month; bad input refused, nothing saved."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from partnerplan.core import clock
from partnerplan.resources.models import TimeActual
from partnerplan.resources.selectors.actuals import booked_days, booking_months, project_bookings
from partnerplan.resources.services.actuals import actual_record
from partnerplan.resources.tests.factories import AssignmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def december(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: dt.date(2010, 12, 20))


def _booking():
    return AssignmentFactory.create(
        days_per_week=Decimal(3), starts_on=dt.date(2010, 10, 1), ends_on=dt.date(2011, 3, 31)
    )


def test_it_records_a_month_and_replaces_it_keeping_the_history():
    booking = _booking()
    actual_record(actor=None, assignment=booking, month=dt.date(2010, 10, 15), days=Decimal(11))
    again = actual_record(
        actor=None, assignment=booking, month=dt.date(2010, 10, 1), days=Decimal("12.5")
    )
    assert TimeActual.objects.get().days == Decimal("12.5") and again.month == dt.date(2010, 10, 1)
    assert again.history.count() == 2


def test_it_refuses_bad_months_and_days_saving_nothing():
    booking = _booking()
    with pytest.raises(ValidationError, match="January 2011 has not started"):
        actual_record(actor=None, assignment=booking, month=dt.date(2011, 1, 1), days=Decimal(1))
    with pytest.raises(ValidationError, match="outside the booking"):
        actual_record(actor=None, assignment=booking, month=dt.date(2010, 9, 1), days=Decimal(1))
    with pytest.raises(ValidationError, match="cannot be less than 0"):
        actual_record(actor=None, assignment=booking, month=dt.date(2010, 10, 1), days=Decimal(-1))
    with pytest.raises(ValidationError, match="October 2010 has 21 working days"):
        actual_record(actor=None, assignment=booking, month=dt.date(2010, 10, 1), days=Decimal(22))
    assert not TimeActual.objects.exists()


def test_it_shows_booked_against_actual_by_month():
    booking = _booking()
    actual_record(actor=None, assignment=booking, month=dt.date(2010, 11, 1), days=Decimal(10))
    assert booked_days(booking, dt.date(2010, 10, 1)) == Decimal("12.60")  # 3 x 21 / 5
    (loaded,) = project_bookings(booking.demand.project_id)
    months = booking_months(loaded, today=clock.today())
    assert [m.month.month for m in months] == [10, 11, 12]  # up to this month
    assert months[0].actual is None and months[1].actual == Decimal(10)
    assert months[1].difference == Decimal(10) - months[1].booked
