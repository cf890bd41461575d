"""Governance services: private meetings of an executive body (2012 Regulations, regulation 5).

An exempt item of an executive body's meeting is taken in private only if
`private_item_refusal` finds on file: the notice of intention (with the reasons) published at
least 28 clear days before the meeting, and the second notice at least five clear working days
before, listing the representations received and the response to them; or the urgency route
(the chair of the overview and scrutiny committee, or of the council, agreed that the meeting is
urgent and cannot reasonably be deferred), recorded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction

from partnerplan.core.models import Visibility
from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.governance.models import AgendaItem, Meeting, PrivateMeetingNotice
from partnerplan.governance.rules.clear_days import (
    CALENDAR_DAYS,
    check_key_decision_notice,
    format_date,
    latest_publication_date,
)
from partnerplan.governance.services._common import _fail, _today

#: Regulation 5: the notice of intention, 28 clear days; the second notice, 5 clear days.
INTENTION_DAYS = 28
FINAL_NOTICE_DAYS = 5

__all__ = [
    "FINAL_NOTICE_DAYS",
    "INTENTION_DAYS",
    "private_agenda_problems",
    "private_item_refusal",
    "private_notice_final",
    "private_notice_record",
    "private_notice_urgency",
]


def private_item_refusal(item: AgendaItem) -> str | None:
    """Why `item` may not be taken in private at its meeting (None: it may, or the rule does
    not apply: an open item, or a body without executive functions)."""
    meeting = item.meeting
    body = meeting.body
    if item.visibility != Visibility.EXEMPT or not body.is_executive:
        return None
    on = meeting.date
    intention_by = latest_publication_date(on, INTENTION_DAYS, CALENDAR_DAYS)
    final_by = latest_publication_date(
        on, FINAL_NOTICE_DAYS, body.working_calendar, on_counting_day=True
    )
    needs = (
        f"To take '{item.title}' in private, {body} needs a notice of its intention to meet in "
        f"private, with the reasons, published by {format_date(intention_by)} (28 clear days "
        f"before the meeting on {format_date(on)}), and a second notice published by "
        f"{format_date(final_by)} (five clear working days before) listing the representations "
        "received and the response; or, if the meeting is urgent, the agreement of the chair of "
        "the overview and scrutiny committee (or of the council) that it cannot reasonably be "
        "deferred. A partnership administrator records them on the meeting's private notice page."
    )
    problems = []
    for notice in item.private_notices.all():
        agreed = notice.urgency_agreed_on
        if notice.urgency_agreed_by_id and agreed and notice.urgency_reason and agreed <= on:
            return None
        if notice.intention_published_on is None:
            problems.append("no notice of intention is recorded")
            continue
        first = check_key_decision_notice(
            notice.intention_published_on, on, CALENDAR_DAYS, INTENTION_DAYS
        )
        if not first.ok:
            problems.append(
                f"the notice of intention published on "
                f"{format_date(notice.intention_published_on)} gives only {first.clear_days} "
                "clear days"
            )
            continue
        if notice.final_notice_published_on is None:
            problems.append("the second notice (representations and response) is not recorded")
            continue
        second = check_key_decision_notice(
            notice.final_notice_published_on, on, body.working_calendar, FINAL_NOTICE_DAYS
        )
        if not second.ok:
            problems.append(
                f"the second notice published on "
                f"{format_date(notice.final_notice_published_on)} gives only "
                f"{second.clear_days} clear working days"
            )
            continue
        return None
    if problems:
        return needs + " On file: " + "; ".join(problems) + "."
    return needs


def private_agenda_problems(items: Iterable[AgendaItem], *, on: dt.date) -> list[str]:
    """Why an agenda published on `on` may not list these exempt items as taken in private
    (applied by `meeting_publish_agenda` and `supplementary_agenda_publish`). The notice of
    intention must already give its 28 clear days (or the urgency route be on file); the second
    notice may still follow the agenda, but not once its own deadline has passed."""
    problems = []
    for item in items:
        refusal = private_item_refusal(item)
        if refusal is None:
            continue
        meeting = item.meeting
        final_by = latest_publication_date(
            meeting.date, FINAL_NOTICE_DAYS, meeting.body.working_calendar, on_counting_day=True
        )
        intention_ok = any(
            n.intention_published_on is not None
            and check_key_decision_notice(
                n.intention_published_on, meeting.date, CALENDAR_DAYS, INTENTION_DAYS
            ).ok
            for n in item.private_notices.all()
        )
        if intention_ok and on <= final_by:
            # Only the second notice is missing, and it is still in time.
            continue
        problems.append(refusal)
    return problems


def _items(meeting: Meeting, items: Iterable[Any]) -> list[AgendaItem]:
    chosen = list(items)
    if not chosen:
        raise _fail("items", "Choose the exempt items to be taken in private")
    for item in chosen:
        if item.meeting_id != meeting.pk:
            raise _fail("items", f"'{item}' is not on the agenda of {meeting}")
        if item.visibility != Visibility.EXEMPT:
            raise _fail(
                "items",
                f"'{item}' is not exempt: only exempt items (Schedule 12A) are taken in private",
            )
    return chosen


@transaction.atomic
def private_notice_record(
    *,
    actor: Actor,
    meeting: Meeting,
    items: Iterable[Any],
    reasons: str,
    intention_published_on: dt.date | None,
    today: dt.date | None = None,
) -> PrivateMeetingNotice:
    """Record the notice of intention to hold part of `meeting` in private (28 clear days)."""
    meeting = Meeting.objects.select_related("body").get(pk=meeting.pk)
    if not meeting.body.is_executive:
        raise _fail(
            "items",
            f"{meeting.body} does not discharge executive functions: regulation 5 notices are "
            "for executive bodies",
        )
    chosen = _items(meeting, items)
    if not reasons.strip():
        raise _fail("reasons", "Enter why the meeting will be held in private")
    if intention_published_on is None:
        raise _fail("intention_published_on", "Enter the date the notice was published")
    if intention_published_on > _today(today):
        raise _fail("intention_published_on", "The notice cannot be published in the future")
    if intention_published_on >= meeting.date:
        raise _fail("intention_published_on", "The notice is published before the meeting")
    notice = PrivateMeetingNotice(
        meeting=meeting, reasons=reasons.strip(), intention_published_on=intention_published_on
    )
    save_with_actor(notice, actor)
    notice.items.set(chosen)
    return notice


@transaction.atomic
def private_notice_final(
    *,
    actor: Actor,
    notice: PrivateMeetingNotice,
    final_notice_published_on: dt.date | None,
    representations: str,
    response: str = "",
    today: dt.date | None = None,
) -> PrivateMeetingNotice:
    """Record the second notice (five clear days): the representations received about why the
    meeting should be open ('None' if none) and the response to them."""
    notice = PrivateMeetingNotice.objects.select_related("meeting").get(pk=notice.pk)
    if final_notice_published_on is None:
        raise _fail("final_notice_published_on", "Enter the date the second notice was published")
    if final_notice_published_on > _today(today):
        raise _fail("final_notice_published_on", "The notice cannot be published in the future")
    if (
        notice.intention_published_on is not None
        and final_notice_published_on < notice.intention_published_on
    ):
        raise _fail(
            "final_notice_published_on", "The second notice comes after the notice of intention"
        )
    if not representations.strip():
        raise _fail("representations", "Enter the representations received, or 'None'")
    none = representations.strip().lower().rstrip(".") in {"none", "no representations", "nil"}
    if not none and not response.strip():
        raise _fail("response", "Enter the response to the representations")
    notice.final_notice_published_on = final_notice_published_on
    notice.representations = representations.strip()
    notice.response = response.strip()
    save_with_actor(notice, actor)
    return notice


@transaction.atomic
def private_notice_urgency(
    *,
    actor: Actor,
    notice: PrivateMeetingNotice,
    agreed_by: Any,
    agreed_on: dt.date | None,
    reason: str,
) -> PrivateMeetingNotice:
    """Record the urgency route (regulation 5(6)): the chair agreed that the meeting is urgent
    and cannot reasonably be deferred."""
    notice = PrivateMeetingNotice.objects.select_related("meeting").get(pk=notice.pk)
    if agreed_by is None:
        raise _fail("agreed_by", "Choose the chair who agreed")
    if agreed_on is None:
        raise _fail("agreed_on", "Enter the date the chair agreed")
    if agreed_on > notice.meeting.date:
        raise _fail("agreed_on", "The agreement comes before the meeting")
    if not reason.strip():
        raise _fail("reason", "Enter why the meeting is urgent and cannot reasonably be deferred")
    notice.urgency_agreed_by = agreed_by
    notice.urgency_agreed_on = agreed_on
    notice.urgency_reason = reason.strip()
    save_with_actor(notice, actor)
    return notice
