"""Governance services: actions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Q

from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.governance import notices
from partnerplan.governance.models import (
    Action,
    ActionStatus,
    Body,
    Decision,
    Meeting,
)
from partnerplan.governance.services._common import _fail, _today


@transaction.atomic
def action_create(
    *,
    actor: Actor,
    body: Body,
    title: str,
    owner: Any,
    due_on: dt.date,
    meeting: Meeting | None = None,
    decision: Decision | None = None,
) -> Action:
    if not title.strip():
        raise _fail("title", "Enter the action")
    if meeting is not None and meeting.body_id != body.pk:
        raise _fail("meeting", f"The meeting is not a meeting of {body}")
    if meeting is not None and due_on < meeting.date:
        raise _fail("due_on", "The action cannot be due before the meeting that agreed it")
    action = Action(
        body=body,
        title=title.strip(),
        owner=owner,
        due_on=due_on,
        meeting=meeting,
        decision=decision,
    )
    save_with_actor(action, actor)
    notices.action_assigned(action)
    return action


@transaction.atomic
def action_update(
    *, actor: Actor, action: Action, status: str, progress: str = "", today: dt.date | None = None
) -> Action:
    action = Action.objects.select_for_update().get(pk=action.pk)
    if status not in ActionStatus.values:
        raise _fail("status", "Choose open, done or no longer needed")
    if status == ActionStatus.DROPPED and not progress.strip():
        raise _fail("progress", "Say why the action is no longer needed")
    action.status = status
    if progress.strip():
        action.progress = progress.strip()
    action.completed_on = _today(today) if status != ActionStatus.OPEN else None
    save_with_actor(action, actor)
    return action


def actions_notify_overdue(*, today: dt.date | None = None) -> int:
    """Email the owner of each open, overdue action (once a day at most). Returns how many."""
    day = _today(today)
    sent = 0
    overdue = (
        Action.objects.filter(status=ActionStatus.OPEN, due_on__lt=day)
        .filter(Q(overdue_notified_on__isnull=True) | Q(overdue_notified_on__lt=day))
        .select_related("owner", "body")
    )
    for action in overdue:
        with transaction.atomic():
            notices.action_overdue(action)
            Action.objects.filter(pk=action.pk).update(overdue_notified_on=day)
        sent += 1
    return sent
