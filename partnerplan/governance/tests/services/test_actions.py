"""The governance rules, each refused in plain English, and nothing saved when refused."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from partnerplan.governance import services
from partnerplan.governance.tests.helpers import message_of

pytestmark = pytest.mark.django_db


def test_it_emails_action_owners_and_reminds_them_when_overdue(
    committee, django_capture_on_commit_callbacks
):
    body, members, _c = committee
    owner = members[1]
    owner.email = "owner@example.org"
    owner.save()
    with django_capture_on_commit_callbacks(execute=True):
        action = services.action_create(
            actor=None,
            body=body,
            title="Prioritisation method",
            owner=owner,
            due_on=dt.date(2011, 3, 1),
        )
    assert mail.outbox[-1].subject == "Action for you: Prioritisation method"
    with django_capture_on_commit_callbacks(execute=True):
        assert services.actions_notify_overdue(today=dt.date(2011, 3, 2)) == 1
        assert services.actions_notify_overdue(today=dt.date(2011, 3, 2)) == 0
    assert mail.outbox[-1].subject.startswith("Overdue action")
    assert action.is_overdue(dt.date(2011, 3, 2))
    with pytest.raises(ValidationError, match="no longer needed") as exc:
        services.action_update(actor=None, action=action, status="dropped")
    assert "no longer needed" in message_of(exc)
