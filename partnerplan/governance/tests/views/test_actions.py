from __future__ import annotations

import datetime as dt
from io import StringIO

from django.core import mail
from django.core.management import call_command

from partnerplan.governance.tests.factories import (
    ActionFactory,
)


def test_it_lists_my_actions_in_a_fixed_number_of_queries(world, assert_queries):
    officer = world.users["officer"].person
    for _ in range(4):
        ActionFactory.create(body=world.body, owner=officer)
    client = world.client("officer")
    # session, user, viewer x2, actions with body and meeting
    with assert_queries(5, "My actions"):
        response = client.get("/governance/actions/mine/")
    html = response.content.decode()
    assert html.count(">Open</strong>") == 4


def test_it_lets_an_owner_update_their_action(world):
    action = ActionFactory.create(body=world.body, owner=world.users["officer"].person)
    response = world.client("officer").post(
        f"/governance/actions/{action.pk}/update/", {"status": "done", "progress": "Sent"}
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == "done" and action.completed_on is not None


def test_it_reminds_owners_of_overdue_actions_from_the_command(
    world, django_capture_on_commit_callbacks
):
    owner = world.users["officer"].person
    owner.email = "olive@example.org"
    owner.save()
    ActionFactory.create(body=world.body, owner=owner, due_on=dt.date(2011, 1, 1))
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("notify_overdue_actions", stdout=out)
    assert "1 overdue action" in out.getvalue()
    assert mail.outbox[-1].to == ["olive@example.org"]
