"""Governance services: agenda."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from partnerplan.core.models import User, Visibility
from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.governance import effects
from partnerplan.governance.models import (
    AccessPath,
    AgendaItem,
    Decision,
    ExemptAccess,
    ItemKind,
    Matter,
    Meeting,
    MeetingStatus,
    Recommendation,
)
from partnerplan.governance.rules.clear_days import check_agenda_publication, format_date
from partnerplan.governance.services._common import _fail, _today
from partnerplan.governance.services.meetings import why_not


@transaction.atomic
def agenda_item_add(
    *,
    actor: Actor,
    meeting: Meeting,
    title: str,
    kind: str = ItemKind.REPORT,
    author: Any = None,
    purpose: str = "",
    report: str = "",
    visibility: str = Visibility.PUBLIC,
    exempt_paragraph: int | None = None,
    late_reason: str = "",
    public_heading: str = "",
    public_summary: str = "",
    public_interest_test: str = "",
    exemption_review_on: dt.date | None = None,
    today: dt.date | None = None,
) -> AgendaItem:
    meeting = (
        Meeting.objects.select_for_update(of=("self",)).select_related("body").get(pk=meeting.pk)
    )
    day = _today(today)
    if meeting.date < day:
        raise _fail(
            "title",
            f"{meeting} is in the past: new business goes on the agenda of a future meeting",
        )
    if not meeting.is_open_for_business:
        raise _fail(
            "title",
            f"Items cannot be added to {meeting}: {why_not(meeting)}",
        )
    if not title.strip():
        raise _fail("title", "Enter the title of the item")
    late = False
    if meeting.status == MeetingStatus.AGENDA_PUBLISHED:
        check = check_agenda_publication(
            day, meeting.date, meeting.body.working_calendar, meeting.body.agenda_notice_days
        )
        if not check.ok:
            if not late_reason.strip():
                raise _fail(
                    "late_reason",
                    "This item would be published late. "
                    + check.explanation
                    + " The chair must agree it is urgent: give the reason.",
                )
            late = True
    item = AgendaItem(
        meeting=meeting,
        number=(meeting.items.aggregate(n=Max("number"))["n"] or 0) + 1,
        kind=kind,
        title=title.strip(),
        author=author,
        purpose=purpose,
        report=report,
        visibility=visibility,
        exempt_paragraph=exempt_paragraph,
        added_late=late,
        late_reason=late_reason.strip() if late else "",
        after_publication=meeting.status == MeetingStatus.AGENDA_PUBLISHED,
    )
    _set_exempt(item, public_heading, public_summary, public_interest_test, exemption_review_on)
    save_with_actor(item, actor)
    return item


def _set_exempt(
    item: AgendaItem,
    public_heading: str,
    public_summary: str,
    public_interest_test: str,
    review_on: dt.date | None,
) -> None:
    """The rule of exempt information: an exempt item cites its Schedule 12A paragraph, and
    records a public heading (what the public agenda and minutes show instead of its title), the
    public interest test, and the date the exemption is reviewed (after the meeting); a fair
    public summary for the minutes is optional until then (a default sentence is used)."""
    errors = item.clean_visibility()
    if errors:
        raise ValidationError(errors)
    if item.visibility != Visibility.EXEMPT:
        item.public_heading = item.public_summary = item.public_interest_test = ""
        item.exemption_review_on = None
        return
    heading = public_heading.strip()
    if not heading:
        raise _fail(
            "public_heading",
            "Give the heading the public will see for this exempt item, for example 'Telephony "
            "contract: award' (not the confidential detail)",
        )
    if not public_interest_test.strip():
        raise _fail(
            "public_interest_test",
            "Record the public interest test: why the public interest in keeping the "
            "information exempt outweighs the public interest in disclosing it",
        )
    if review_on is None:
        raise _fail("exemption_review_on", "Give the date on which the exemption is reviewed")
    if review_on <= item.meeting.date:
        raise _fail(
            "exemption_review_on",
            f"The exemption is reviewed after the meeting ({format_date(item.meeting.date)})",
        )
    item.public_heading = heading[:300]
    item.public_summary = public_summary.strip()[:4000]
    item.public_interest_test = public_interest_test.strip()[:4000]
    item.exemption_review_on = review_on


def _item_open(item: AgendaItem) -> None:
    if item.withdrawn_on is not None:
        raise _fail("title", f"{item} was withdrawn on {format_date(item.withdrawn_on)}")
    decided = Decision.objects.filter(recommendation__item=item).exists()
    if decided:
        raise _fail(
            "title",
            f"{item} has been decided: it can no longer change. Correct the minutes if the "
            "record is wrong",
        )


@transaction.atomic
def agenda_item_update(
    *,
    actor: Actor,
    item: AgendaItem,
    title: str,
    kind: str = ItemKind.REPORT,
    author: Any = None,
    purpose: str = "",
    report: str = "",
    visibility: str = Visibility.PUBLIC,
    exempt_paragraph: int | None = None,
    change_note: str = "",
    public_heading: str = "",
    public_summary: str = "",
    public_interest_test: str = "",
    exemption_review_on: dt.date | None = None,
) -> AgendaItem:
    """Change an agenda item before its meeting is held. Once the agenda is published the
    change needs a note, which the agenda, the item page and the pack show."""
    item = (
        AgendaItem.objects.select_for_update(of=("self",))
        .select_related("meeting__body")
        .get(pk=item.pk)
    )
    _item_open(item)
    meeting = item.meeting
    if not meeting.is_open_for_business:
        raise _fail(
            "title",
            f"{item} can no longer change: the meeting {why_not(meeting).removeprefix('it ')}",
        )
    if not title.strip():
        raise _fail("title", "Enter the title of the item")
    note = _change_note(meeting, change_note)
    item.title, item.kind, item.author = title.strip(), kind, author
    item.purpose, item.report = purpose, report
    item.visibility, item.exempt_paragraph = visibility, exempt_paragraph
    if note:
        item.change_note = note
    _set_exempt(item, public_heading, public_summary, public_interest_test, exemption_review_on)
    save_with_actor(item, actor)
    return item


@transaction.atomic
def agenda_item_withdraw(
    *, actor: Actor, item: AgendaItem, reason: str, today: dt.date | None = None
) -> AgendaItem:
    """Withdraw an item none of whose recommendations has been decided, with the reason; its
    recommendations are withdrawn with it. It stays on the agenda, marked withdrawn."""
    item = (
        AgendaItem.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=item.pk)
    )
    _item_open(item)
    if item.meeting.status == MeetingStatus.CANCELLED:
        raise _fail("reason", f"{item.meeting} was cancelled: its business has moved on")
    if not reason.strip():
        raise _fail("reason", "Say why the item is withdrawn")
    day = _today(today)
    item.withdrawn_on, item.withdrawal_reason = day, reason.strip()[:2000]
    save_with_actor(item, actor)
    for rec in item.recommendations.filter(withdrawn_on__isnull=True).select_for_update():
        rec.withdrawn_on, rec.withdrawal_reason = day, item.withdrawal_reason
        save_with_actor(rec, actor)
    return item


def exempt_access_log(*, user: Actor, item: AgendaItem, via: str = AccessPath.ITEM_PAGE) -> None:
    """Record that `user` opened an exempt report, and how (the item page, the report page, a
    Word or PDF download, the restricted pack, the restricted minutes). Every path that shows
    an exempt report's text calls this."""
    if item.visibility == Visibility.EXEMPT and isinstance(user, User):
        ExemptAccess.objects.create(item=item, user=user, via=via)


@transaction.atomic
def agenda_item_mark_urgent(*, actor: Actor, item: AgendaItem, reason: str) -> AgendaItem:
    """Mark one item urgent (not the whole agenda): the chair agreed it could be considered
    without the usual notice, for special circumstances that the minutes record."""
    item = (
        AgendaItem.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=item.pk)
    )
    if item.withdrawn_on is not None:
        raise _fail("reason", f"{item} was withdrawn on {format_date(item.withdrawn_on)}")
    if item.meeting.status in {MeetingStatus.HELD, MeetingStatus.CANCELLED}:
        raise _fail(
            "reason",
            f"{item.meeting} has been {item.meeting.get_status_display().lower()}: an item is "
            "marked urgent before the meeting",
        )
    if not reason.strip():
        raise _fail(
            "reason",
            "Give the special circumstances that make the item urgent, as the chair agreed them: "
            "they are recorded in the minutes",
        )
    item.added_late = True
    item.late_reason = reason.strip()[:2000]
    save_with_actor(item, actor)
    return item


def _check_recommendation(
    item: AgendaItem,
    text: str,
    power: str,
    amount: Decimal | None,
    effect_kind: str,
    params: dict[str, Any],
    matter: Matter | None,
) -> None:
    """The rules a recommendation's text, amount, effect and twin-track matter keep, when it
    is written and when it is changed."""
    if not text.strip():
        raise _fail("text", "Enter the text of the recommendation")
    if item.withdrawn_on is not None:
        raise _fail(
            "text",
            f"{item} was withdrawn on {format_date(item.withdrawn_on)}: it takes no "
            "recommendations",
        )
    if item.meeting.status in {MeetingStatus.HELD, MeetingStatus.CANCELLED}:
        raise _fail(
            "text",
            f"{item.meeting} has been {item.meeting.get_status_display().lower()}: "
            "recommendations go to a future meeting",
        )
    if amount is not None and amount <= 0:
        raise _fail("amount", "The amount must be more than £0, or blank")
    if amount is not None and not power:
        raise _fail("power", "Say which power a recommendation with an amount uses")
    effects.validate_effect(effect_kind, params)
    if matter is not None and not matter.tracks.filter(body_id=item.meeting.body_id).exists():
        raise _fail(
            "matter",
            f"{item.meeting.body} has no track on '{matter}': choose a matter it must approve, "
            "or ask the clerk to add it to the matter",
        )


def _published(meeting: Meeting) -> bool:
    return meeting.agenda_published_on is not None


def _change_note(meeting: Meeting, change_note: str) -> str:
    """The note a change needs once the agenda is published (blank before)."""
    if not _published(meeting):
        return ""
    if not change_note.strip():
        raise _fail(
            "change_note",
            f"The agenda of {meeting} has been published: say what changed and why, so the "
            "agenda can show it",
        )
    return change_note.strip()[:2000]


def _undecided(rec: Recommendation) -> None:
    if Decision.objects.filter(recommendation=rec).exists():
        raise _fail(
            "text",
            f"{rec} of item {rec.item.number} has been decided: it can no longer change. "
            "Correct the minutes if the record is wrong",
        )
    if rec.withdrawn_on is not None:
        raise _fail(
            "text",
            f"{rec} of item {rec.item.number} was withdrawn on {format_date(rec.withdrawn_on)}",
        )


@transaction.atomic
def recommendation_add(
    *,
    actor: Actor,
    item: AgendaItem,
    text: str,
    reference: str = "",
    power: str = "",
    amount: Decimal | None = None,
    effect_kind: str = "",
    effect_params: dict[str, Any] | None = None,
    matter: Matter | None = None,
) -> Recommendation:
    params = effect_params or {}
    _check_recommendation(item, text, power, amount, effect_kind, params, matter)
    rec = Recommendation(
        item=item,
        number=(item.recommendations.aggregate(n=Max("number"))["n"] or 0) + 1,
        reference=reference.strip(),
        text=text.strip(),
        power=power,
        amount=amount,
        effect_kind=effect_kind,
        effect_params=params,
        matter=matter,
    )
    save_with_actor(rec, actor)
    return rec


@transaction.atomic
def recommendation_update(
    *,
    actor: Actor,
    recommendation: Recommendation,
    text: str,
    reference: str = "",
    power: str = "",
    amount: Decimal | None = None,
    effect_kind: str = "",
    effect_params: dict[str, Any] | None = None,
    matter: Matter | None = None,
    change_note: str = "",
) -> Recommendation:
    """Change a recommendation before it is decided (and before its meeting is held). Once the
    agenda is published the change needs a note, which the agenda shows."""
    rec = (
        Recommendation.objects.select_for_update(of=("self",))
        .select_related("item__meeting__body")
        .get(pk=recommendation.pk)
    )
    _undecided(rec)
    params = effect_params or {}
    _check_recommendation(rec.item, text, power, amount, effect_kind, params, matter)
    note = _change_note(rec.item.meeting, change_note)
    rec.text, rec.reference = text.strip(), reference.strip()
    rec.power, rec.amount, rec.matter = power, amount, matter
    rec.effect_kind, rec.effect_params = effect_kind, params if effect_kind else {}
    if note:
        rec.change_note = note
    save_with_actor(rec, actor)
    return rec


@transaction.atomic
def recommendation_withdraw(
    *, actor: Actor, recommendation: Recommendation, reason: str, today: dt.date | None = None
) -> Recommendation:
    """Withdraw a recommendation that has not been decided (before or at its meeting): it
    stays on the record, marked withdrawn with the reason, and can no longer be decided."""
    rec = (
        Recommendation.objects.select_for_update(of=("self",))
        .select_related("item__meeting")
        .get(pk=recommendation.pk)
    )
    _undecided(rec)
    if rec.item.meeting.status == MeetingStatus.CANCELLED:
        raise _fail("reason", f"{rec.item.meeting} was cancelled: its business has moved on")
    if not reason.strip():
        raise _fail("reason", "Say why the recommendation is withdrawn")
    rec.withdrawn_on = _today(today)
    rec.withdrawal_reason = reason.strip()[:2000]
    save_with_actor(rec, actor)
    return rec


@transaction.atomic
def recommendation_set_effect(
    *, actor: Actor, recommendation: Recommendation, effect_kind: str, effect_params: dict[str, Any]
) -> Recommendation:
    """Give an undecided recommendation an effect (or clear it with an empty kind). Other apps'
    demos use it to wire seed recommendations to their handlers."""
    rec = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    if Decision.objects.filter(recommendation=rec).exists():
        raise _fail("effect_kind", "This recommendation has been decided: its effect cannot change")
    effects.validate_effect(effect_kind, effect_params)
    rec.effect_kind, rec.effect_params = effect_kind, effect_params if effect_kind else {}
    save_with_actor(rec, actor)
    return rec
