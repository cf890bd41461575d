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
    AgendaItem,
    Decision,
    ExemptAccess,
    ItemKind,
    Matter,
    Meeting,
    MeetingStatus,
    Recommendation,
)
from partnerplan.governance.rules.clear_days import (
    check_agenda_publication,
)
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
    )
    errors = item.clean_visibility()
    if errors:
        raise ValidationError(errors)
    save_with_actor(item, actor)
    return item


def exempt_access_log(*, user: Actor, item: AgendaItem) -> None:
    """Record that `user` opened an exempt report."""
    if item.visibility == Visibility.EXEMPT and isinstance(user, User):
        ExemptAccess.objects.create(item=item, user=user)


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
    if not text.strip():
        raise _fail("text", "Enter the text of the recommendation")
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
    params = effect_params or {}
    effects.validate_effect(effect_kind, params)
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
