"""Email notices. Sent after the transaction commits, through Django's email (the console
backend in development), to people with an email address in the directory."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction

from partnerplan.governance.models import Action, Meeting, Track


def _send(subject: str, body: str, people: Iterable[Any]) -> None:
    recipients = sorted({p.email for p in people if getattr(p, "email", "")})
    if not recipients:
        return
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [r]) for r in recipients]
    transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=True))


def _members(body: Any, on: Any) -> list[Any]:
    return [m.person for m in body.memberships.select_related("person") if m.is_current(on)]


def agenda_published(meeting: Meeting) -> None:
    body = meeting.body
    late = (
        f"\nThis agenda was published late, as urgent: {meeting.urgency_reason}\n"
        if meeting.published_late
        else ""
    )
    _send(
        f"Agenda published: {meeting}",
        f"The agenda for {meeting} ({meeting.venue or 'venue to be confirmed'}) has been "
        f"published in {settings.SERVICE_NAME}.\n{late}",
        _members(body, meeting.date),
    )


def action_assigned(action: Action) -> None:
    _send(
        f"Action for you: {action.title}",
        f"{action.body} has given you an action: {action.title}.\n"
        f"It is due by {action.due_on:%-d %B %Y}. Update it under 'My actions' in "
        f"{settings.SERVICE_NAME}.",
        [action.owner],
    )


def action_overdue(action: Action) -> None:
    _send(
        f"Overdue action: {action.title}",
        f"Your action for {action.body}, '{action.title}', was due by "
        f"{action.due_on:%-d %B %Y} and is still open. Update it under 'My actions', or say "
        "why it is no longer needed.",
        [action.owner],
    )


def twin_track_decision_needed(track: Track) -> None:
    matter = track.matter
    _send(
        f"Decision needed on the twin track: {matter}",
        f"'{matter}' needs a decision from {track.body}. Other tracks have decided; the matter "
        "shows 'approved subject to' until every required approval is in.",
        _members(track.body, None),
    )
