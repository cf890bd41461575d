"""Governance services: supplementary agendas.

Items added after an agenda was published go on a supplementary agenda, published later with
its own clear-days check (the same rule as the agenda: `rules.clear_days.check_agenda_publication`
with the body's calendar). Published too late, each of its items must have been marked urgent by
the chair, with the special circumstances the minutes record."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Max

from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.governance import notices
from partnerplan.governance.models import (
    AgendaItem,
    Meeting,
    MeetingStatus,
    SupplementaryAgenda,
)
from partnerplan.governance.publication import agenda_problems
from partnerplan.governance.rules.clear_days import check_agenda_publication, format_date
from partnerplan.governance.services import alerts
from partnerplan.governance.services._common import _fail, _today
from partnerplan.governance.services.private_meetings import private_agenda_problems


def supplement_pending(meeting: Meeting) -> list[AgendaItem]:
    """The items added since the agenda was published that no supplement has published yet."""
    return list(
        meeting.items.filter(after_publication=True, withdrawn_on__isnull=True)
        .exclude(supplements__isnull=False)
        .order_by("number")
    )


@transaction.atomic
def supplementary_agenda_publish(
    *, actor: Actor, meeting: Meeting, published_on: dt.date | None = None
) -> SupplementaryAgenda:
    """Publish the items added since the agenda as supplementary agenda N."""
    meeting = (
        Meeting.objects.select_for_update(of=("self",)).select_related("body").get(pk=meeting.pk)
    )
    if meeting.status != MeetingStatus.AGENDA_PUBLISHED:
        raise _fail(
            "published_on",
            f"A supplementary agenda follows a published agenda: {meeting} "
            + (
                "has not published its agenda yet (publish the agenda instead)"
                if meeting.status in {MeetingStatus.SCHEDULED, MeetingStatus.RESCHEDULED}
                else f"has been {meeting.get_status_display().lower()}"
            ),
        )
    day = _today(published_on)
    if day >= meeting.date:
        raise _fail(
            "published_on", "A supplementary agenda must be published before the day of the meeting"
        )
    items = supplement_pending(meeting)
    if not items:
        raise _fail(
            "published_on",
            "No items have been added since the agenda was published: there is nothing to put on "
            "a supplementary agenda",
        )
    check = check_agenda_publication(
        day, meeting.date, meeting.body.working_calendar, meeting.body.agenda_notice_days
    )
    if not check.ok:
        missing = [i for i in items if not (i.added_late and i.late_reason)]
        if missing:
            numbers = ", ".join(str(i.number) for i in missing)
            raise _fail(
                "published_on",
                f"{check.explanation} Items {numbers} would be published late: the chair must "
                "agree each is urgent (mark the item urgent with the special circumstances), or "
                f"publish the supplement by {format_date(check.deadline)}.",
            )
    problems = agenda_problems(items) + private_agenda_problems(items, on=day)
    if problems:
        raise _fail(
            "published_on",
            "The supplementary agenda cannot be published yet. " + " ".join(problems),
        )
    supplement = SupplementaryAgenda(
        meeting=meeting,
        number=(meeting.supplements.aggregate(n=Max("number"))["n"] or 0) + 1,
        published_on=day,
        published_late=not check.ok,
    )
    save_with_actor(supplement, actor)
    supplement.items.set(items)
    notices.agenda_published(meeting)
    alerts.alerts_supplement_published(supplement)
    return supplement
