"""Public alerts by email (issue 15): double opt-in, an unsubscribe link in every email, sent
when an agenda and when decisions are published, saying only what the public may see."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from partnerplan.core.models import Visibility
from partnerplan.governance import services
from partnerplan.governance.models import AlertSubscription, Decision, Outcome
from partnerplan.governance.services import alerts
from partnerplan.governance.tests.factories import (
    AgendaItemFactory,
    ExemptItemFactory,
    HeldMeetingFactory,
    RecommendationFactory,
    at,
)

pytestmark = pytest.mark.django_db


def _link(message, name: str) -> str:
    found = re.search(rf"https?://\S+/governance/alerts/{name}/(\S+)/", message.body)
    assert found, message.body
    return found.group(1)


def _confirmed(client, body, email, capture):
    with capture(execute=True):
        client.post(f"/governance/bodies/{body.pk}/alerts/", {"email": email, "agendas": "on",
                                                               "decisions": "on"})  # fmt: skip
    token = _link(mail.outbox[-1], "confirm")
    assert "unsubscribe" in mail.outbox[-1].body
    assert client.get(f"/governance/alerts/confirm/{token}/").status_code == 200
    # a GET confirms nothing
    assert not AlertSubscription.objects.get(email=email.lower()).is_active
    assert client.post(f"/governance/alerts/confirm/{token}/").status_code == 302
    return AlertSubscription.objects.get(email=email.lower())


def test_it_emails_confirmed_subscribers_the_public_agenda_with_an_unsubscribe_link(
    world, django_capture_on_commit_callbacks
):
    client = world.client("public")
    AlertSubscription.objects.create(body=world.body, email="never@example.org")  # unconfirmed
    subscription = _confirmed(
        client, world.body, "Reader@Example.org", django_capture_on_commit_callbacks
    )
    assert subscription.email == "reader@example.org" and subscription.is_active
    meeting = services.meeting_schedule(
        actor=None, body=world.body, starts_at=at(2010, 12, 17), today=dt.date(2010, 11, 1)
    )
    services.agenda_item_add(
        actor=None, meeting=meeting, title="Work plan", today=dt.date(2010, 11, 1)
    )
    ExemptItemFactory.create(meeting=meeting, number=5, public_heading="Telephony")
    AgendaItemFactory.create(
        meeting=meeting, number=6, title="Internal", visibility=Visibility.PARTNERSHIP
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_publish_agenda(
            actor=None, meeting=meeting, published_on=dt.date(2010, 12, 9)
        )
    alert = [m for m in mail.outbox if m.to == ["reader@example.org"]]
    assert len(alert) == 1 and not [m for m in mail.outbox if m.to == ["never@example.org"]]
    body = alert[0].body
    assert (
        "Work plan" in body and "Telephony (exempt" in body and "Declarations of interest" in body
    )
    assert "Contract negotiations" not in body and "Internal" not in body
    token = _link(alert[0], "unsubscribe")
    assert client.post(f"/governance/alerts/unsubscribe/{token}/").status_code == 302
    assert not AlertSubscription.objects.get(pk=subscription.pk).is_active


def test_it_publishes_each_public_decision_once(world, django_capture_on_commit_callbacks):
    subscription = AlertSubscription.objects.create(
        body=world.body, email="reader@example.org", confirmed_at=at(2010, 11, 1)
    )
    meeting = HeldMeetingFactory.create(body=world.body)
    public = RecommendationFactory.create(item=AgendaItemFactory.create(meeting=meeting, number=1))
    secret = RecommendationFactory.create(
        item=ExemptItemFactory.create(meeting=meeting, number=2), text="Award to Acme"
    )
    for rec in (public, secret):
        Decision.objects.create(
            recommendation=rec, meeting=meeting, body=world.body, outcome=Outcome.APPROVED,
            decided_on=meeting.date,
        )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        assert alerts.decisions_publish(actor=None, meeting=meeting) == 1
    assert "To approve the proposals" in mail.outbox[-1].body
    assert "Acme" not in mail.outbox[-1].body
    assert alerts.unsubscribe_link(subscription) in mail.outbox[-1].body
    with pytest.raises(ValidationError, match="published already"):
        alerts.decisions_publish(actor=None, meeting=meeting)


def test_it_refuses_a_bad_or_expired_link_and_a_private_body(world):
    with pytest.raises(ValidationError, match="not valid"):
        alerts.alert_confirm(token="forged")
    subscription = alerts.alert_subscribe(body=world.body, email="a@example.org")
    unsubscribe = alerts.unsubscribe_link(subscription).rstrip("/").rsplit("/", 1)[-1]
    with pytest.raises(ValidationError, match="not valid"):
        alerts.alert_confirm(token=unsubscribe)  # an unsubscribe link confirms nothing
    world.body.visibility = Visibility.PARTNERSHIP
    world.body.save()
    with pytest.raises(ValidationError, match="for public bodies"):
        alerts.alert_subscribe(body=world.body, email="b@example.org")
    with pytest.raises(ValidationError, match="right format"):
        alerts.alert_subscribe(body=world.body, email="not an address")
