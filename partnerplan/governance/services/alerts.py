"""Governance services: public alerts by email.

Anyone may subscribe to a body's agendas and decisions. The subscription counts only once the
address is confirmed through the link sent to it (double opt-in); every alert carries its own
unsubscribe link. Links are signed with the site's secret (`django.core.signing`), so no token is
stored: a confirmation link lasts seven days, an unsubscribe link for good.

Alerts say what the public may see: exempt items by their public heading, nothing of items that
are not public. They are sent after the transaction commits.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core import signing
from django.core.mail import send_mass_mail
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse

from partnerplan.core import clock
from partnerplan.core.models import Visibility
from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.governance.models import (
    AgendaItem,
    AlertKind,
    AlertSent,
    AlertSubscription,
    Body,
    Decision,
    Meeting,
    MeetingStatus,
    SupplementaryAgenda,
)
from partnerplan.governance.rules.clear_days import format_date
from partnerplan.governance.services._common import _fail

SALT = "partnerplan.governance.alerts"
CONFIRM_DAYS = 7


def _site() -> str:
    return str(getattr(settings, "PARTNERPLAN_SITE_URL", "http://localhost:8000")).rstrip("/")


def _link(name: str, subscription: AlertSubscription, action: str) -> str:
    token = signing.dumps({"s": subscription.pk, "a": action}, salt=SALT)
    return _site() + reverse(name, args=[token])


def unsubscribe_link(subscription: AlertSubscription) -> str:
    return _link("governance:alert-unsubscribe", subscription, "unsubscribe")


def _send(messages: list[tuple[str, str, str, list[str]]]) -> None:
    if messages:
        transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=True))


def _footer(subscription: AlertSubscription) -> str:
    return (
        f"\n\nYou asked for alerts about {subscription.body} from {settings.SERVICE_NAME}.\n"
        f"To stop them, unsubscribe: {unsubscribe_link(subscription)}\n"
    )


@transaction.atomic
def alert_subscribe(
    *, body: Body, email: str, agendas: bool = True, decisions: bool = True
) -> AlertSubscription:
    """Ask for alerts: a confirmation link is emailed to the address; nothing is sent to it
    until it is confirmed. Asking again sends a new link (and keeps any confirmation)."""
    email = email.strip().lower()
    try:
        validate_email(email)
    except Exception:
        raise _fail(
            "email", "Enter an email address in the right format, like name@example.com"
        ) from None
    if not (agendas or decisions):
        raise _fail("agendas", "Choose agendas, decisions or both")
    if body.visibility != Visibility.PUBLIC:
        raise _fail("email", f"Alerts are for public bodies: {body} is not public")
    subscription = AlertSubscription.objects.filter(body=body, email=email).first()
    if subscription is None:
        subscription = AlertSubscription(body=body, email=email)
    subscription.agendas, subscription.decisions = agendas, decisions
    if subscription.unsubscribed_at is not None:
        subscription.unsubscribed_at = None
        subscription.confirmed_at = None
    save_with_actor(subscription, None)
    confirm = _link("governance:alert-confirm", subscription, "confirm")
    wanted = " and ".join(w for w, on in (("agendas", agendas), ("decisions", decisions)) if on)
    _send(
        [
            (
                f"Confirm your alerts: {body}",
                f"Someone (we hope you) asked {settings.SERVICE_NAME} to email this address when "
                f"{body} publishes {wanted}.\n\nTo confirm, open this link within "
                f"{CONFIRM_DAYS} days:\n{confirm}\n\nIf you did not ask, ignore this email: "
                "nothing will be sent to you." + _footer(subscription),
                settings.DEFAULT_FROM_EMAIL,
                [email],
            )
        ]
    )
    return subscription


def _from_token(token: str, action: str, max_age: int | None) -> AlertSubscription:
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.SignatureExpired:
        raise _fail(
            "token", "This confirmation link has expired: subscribe again for a new one"
        ) from None
    except signing.BadSignature:
        raise _fail("token", "This link is not valid: copy the whole link from the email") from None
    if not isinstance(data, dict) or data.get("a") != action:
        raise _fail("token", "This link is not valid: copy the whole link from the email")
    pk = data.get("s")
    subscription = (
        AlertSubscription.objects.select_for_update().filter(pk=pk).first()
        if isinstance(pk, int)
        else None
    )
    if subscription is None:
        raise _fail("token", "This subscription no longer exists")
    return subscription


@transaction.atomic
def alert_confirm(*, token: str) -> AlertSubscription:
    subscription = _from_token(token, "confirm", CONFIRM_DAYS * 24 * 3600)
    if subscription.unsubscribed_at is not None:
        raise _fail("token", "You unsubscribed from these alerts: subscribe again to restart them")
    if subscription.confirmed_at is None:
        subscription.confirmed_at = clock.now()
        save_with_actor(subscription, None)
    return subscription


@transaction.atomic
def alert_unsubscribe(*, token: str) -> AlertSubscription:
    subscription = _from_token(token, "unsubscribe", None)
    if subscription.unsubscribed_at is None:
        subscription.unsubscribed_at = clock.now()
        save_with_actor(subscription, None)
    return subscription


def _subscribers(body: Body, *, field: str) -> list[AlertSubscription]:
    return list(
        AlertSubscription.objects.filter(
            body=body, confirmed_at__isnull=False, unsubscribed_at__isnull=True, **{field: True}
        ).select_related("body")
    )


def _public_lines(items: Iterable[AgendaItem]) -> list[str]:
    lines = []
    for item in items:
        if item.visibility == Visibility.EXEMPT:
            lines.append(f"{item.number}. {item.heading_for_public} (exempt: not for publication)")
        elif item.visibility == Visibility.PUBLIC:
            lines.append(f"{item.number}. {item.title}")
    return lines


def _meeting_link(meeting: Meeting) -> str:
    return _site() + reverse("governance:meeting-detail", args=[meeting.pk])


def _alert(
    meeting: Meeting, kind: str, subject: str, text: str, *, field: str, ids: list[int]
) -> int:
    subscribers = _subscribers(meeting.body, field=field)
    _send(
        [(subject, text + _footer(s), settings.DEFAULT_FROM_EMAIL, [s.email]) for s in subscribers]
    )
    AlertSent.objects.create(meeting=meeting, kind=kind, recipients=len(subscribers), decisions=ids)
    return len(subscribers)


def alerts_agenda_published(meeting: Meeting) -> int:
    """Email the body's subscribers that the agenda is published (called by
    `meeting_publish_agenda`)."""
    if meeting.body.visibility != Visibility.PUBLIC:
        return 0
    lines = _public_lines(meeting.items.order_by("number"))
    late = (
        f"\nThe agenda was published late, as urgent: {meeting.urgency_reason}\n"
        if meeting.published_late
        else ""
    )
    return _alert(
        meeting,
        AlertKind.AGENDA,
        f"Agenda published: {meeting}",
        f"The agenda for {meeting} ({meeting.venue or 'venue to be confirmed'}) has been "
        f"published.{late}\n\n" + "\n".join(lines) + f"\n\nRead it: {_meeting_link(meeting)}",
        field="agendas",
        ids=[],
    )


def alerts_supplement_published(supplement: SupplementaryAgenda) -> int:
    meeting = supplement.meeting
    if meeting.body.visibility != Visibility.PUBLIC:
        return 0
    lines = _public_lines(supplement.items.order_by("number"))
    return _alert(
        meeting,
        AlertKind.SUPPLEMENT,
        f"Supplementary agenda {supplement.number} published: {meeting}",
        f"A supplementary agenda for {meeting} was published on "
        f"{format_date(supplement.published_on)}.\n\n"
        + "\n".join(lines)
        + f"\n\nRead it: {_meeting_link(meeting)}",
        field="agendas",
        ids=[],
    )


def decisions_unannounced(meeting: Meeting) -> list[Decision]:
    """The decisions of `meeting` on public items not yet announced to subscribers."""
    announced: set[int] = set()
    for sent in AlertSent.objects.filter(meeting=meeting, kind=AlertKind.DECISIONS):
        announced.update(int(i) for i in sent.decisions)
    return [
        d
        for d in Decision.objects.filter(
            meeting=meeting, recommendation__item__visibility=Visibility.PUBLIC
        )
        .select_related("recommendation__item")
        .order_by("recommendation__item__number", "recommendation__number")
        if d.pk not in announced
    ]


@transaction.atomic
def decisions_publish(*, actor: Actor, meeting: Meeting) -> int:
    """Publish the meeting's decisions to the body's subscribers (each decision once). Returns
    how many were emailed."""
    meeting = (
        Meeting.objects.select_for_update(of=("self",)).select_related("body").get(pk=meeting.pk)
    )
    if meeting.status != MeetingStatus.HELD:
        raise _fail("meeting", f"{meeting} has not been held: its decisions are published after it")
    decisions = decisions_unannounced(meeting)
    if not decisions:
        raise _fail(
            "meeting",
            "There are no public decisions of this meeting that have not been published already",
        )
    if meeting.body.visibility != Visibility.PUBLIC:
        raise _fail("meeting", f"{meeting.body} is not public: there are no public alerts for it")
    lines = []
    for d in decisions:
        rec = d.recommendation
        text = d.amended_text or rec.text
        lines.append(
            f"Item {rec.item.number}, recommendation {rec.number}: "
            f"{d.get_outcome_display()}: {text}"
        )
    return _alert(
        meeting,
        AlertKind.DECISIONS,
        f"Decisions published: {meeting}",
        f"{meeting.body} took these decisions at its meeting of {meeting.date_text}:\n\n"
        + "\n".join(lines)
        + f"\n\nRead them: {_meeting_link(meeting)}",
        field="decisions",
        ids=[d.pk for d in decisions],
    )


def subscriptions_of(body: Body) -> int:
    """How many confirmed subscribers a body has (for its page)."""
    return AlertSubscription.objects.filter(
        body=body, confirmed_at__isnull=False, unsubscribed_at__isnull=True
    ).count()
