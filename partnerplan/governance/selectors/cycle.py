"""Governance reads for the statutory cycle: forward plan entries with their key decisions and
exceptions, decisions with their record and call-in, special-urgency decisions, private meeting
notices. Scoped by core.access.visible; 404 for what the viewer may not see."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from partnerplan.core.access import Viewer, visible, visible_q
from partnerplan.governance.models import (
    AgendaItem,
    Body,
    CallIn,
    Decision,
    ExceptionKind,
    ForwardPlanEntry,
    KeyDecision,
    KeyDecisionException,
    Meeting,
    OfficerDecision,
    PrivateMeetingNotice,
)
from partnerplan.governance.services.key_decisions import KeyDecisionStatus, key_decision_status


@dataclass(frozen=True)
class EntryRow:
    entry: ForwardPlanEntry
    status: KeyDecisionStatus | None


def entry_rows(entries: QuerySet[ForwardPlanEntry]) -> list[EntryRow]:
    """Each entry with whether its key decision may be taken on the day it is due."""
    return [
        EntryRow(
            e,
            key_decision_status(entry=e, on=e.decision_due, body=e.body) if e.is_key else None,
        )
        for e in entries
    ]


def forward_plan_entry(*, viewer: Viewer, pk: int) -> ForwardPlanEntry:
    officer_decisions = visible(OfficerDecision.objects.all(), viewer)
    try:
        return (
            ForwardPlanEntry.objects.filter(visible_q(viewer, Body, "body__"))
            .select_related("body__scrutinised_by", "meeting")
            .prefetch_related(
                Prefetch(
                    "key_decisions",
                    queryset=KeyDecision.objects.filter(
                        (
                            Q(recommendation__isnull=False)
                            & visible_q(viewer, AgendaItem, "recommendation__item__")
                        )
                        | Q(officer_decision__in=officer_decisions)
                    ).select_related(
                        "recommendation__item__meeting__body",
                        "recommendation__decision__body",
                        "officer_decision__taken_by",
                    ),
                ),
                Prefetch(
                    "exceptions", queryset=KeyDecisionException.objects.select_related("chair")
                ),
            )
            .get(pk=pk)
        )
    except ForwardPlanEntry.DoesNotExist:
        raise Http404("No forward plan entry you can see has that number") from None


def entry_choices(*, viewer: Viewer, body: Body) -> QuerySet[ForwardPlanEntry]:
    """The notices of key decisions of `body`, for the key-decision picker."""
    return ForwardPlanEntry.objects.filter(
        visible_q(viewer, Body, "body__"), body=body, is_key=True
    ).order_by("decision_due", "pk")


#: The municipal year starts with the annual meeting in May: partnerplan counts it from 1 May.
MUNICIPAL_YEAR_STARTS = (5, 1)


def municipal_year_of(on: dt.date) -> int:
    """The year the municipal year holding `on` began (1 May 2010 to 30 April 2011: 2010)."""
    return on.year if (on.month, on.day) >= MUNICIPAL_YEAR_STARTS else on.year - 1


def municipal_year_label(year: int) -> str:
    return f"{year}/{str(year + 1)[-2:]}"


def municipal_year_bounds(year: int) -> tuple[dt.date, dt.date]:
    """The first and last day of the municipal year that began in `year`."""
    month, day = MUNICIPAL_YEAR_STARTS
    return dt.date(year, month, day), dt.date(year + 1, month, day) - dt.timedelta(days=1)


def special_urgency_list(
    *, viewer: Viewer, body: Body | None = None, year: int | None = None
) -> QuerySet[KeyDecisionException]:
    """Special-urgency decisions, for the annual report to council (regulation 19): of one
    body, and agreed in one municipal year, when given."""
    found = KeyDecisionException.objects.filter(
        visible_q(viewer, Body, "entry__body__"), kind=ExceptionKind.SPECIAL_URGENCY
    )
    if body is not None:
        found = found.filter(entry__body=body)
    if year is not None:
        first, last = municipal_year_bounds(year)
        found = found.filter(agreed_on__gte=first, agreed_on__lte=last)
    return found.select_related("entry__body", "chair").order_by("-agreed_on", "-pk")


def special_urgency_years(*, viewer: Viewer) -> list[int]:
    """The municipal years in which any special-urgency decision the viewer can see was agreed,
    newest first (for the year picker)."""
    days = KeyDecisionException.objects.filter(
        visible_q(viewer, Body, "entry__body__"), kind=ExceptionKind.SPECIAL_URGENCY
    ).values_list("agreed_on", flat=True)
    return sorted({municipal_year_of(d) for d in days if d is not None}, reverse=True)


def special_urgency_rows(exceptions: QuerySet[KeyDecisionException]) -> list[list[object]]:
    """The CSV of the special-urgency list: a header row, then one row per decision."""
    rows: list[list[object]] = [
        [
            "Municipal year", "Body", "Decision", "Decision due", "Agreed by", "Agreed as",
            "Agreed on", "Why urgent", "Reported to council on",
        ]
    ]  # fmt: skip
    for x in exceptions:
        rows.append(
            [
                municipal_year_label(municipal_year_of(x.agreed_on)) if x.agreed_on else "",
                x.entry.body.name,
                x.entry.title,
                x.entry.decision_due,
                x.chair.full_name if x.chair else "",
                x.get_chair_role_display(),
                x.agreed_on,
                x.reasons,
                x.reported_to_council_on or "",
            ]
        )
    return rows


def decision_detail(*, viewer: Viewer, pk: int) -> Decision:
    try:
        return (
            Decision.objects.filter(
                visible_q(viewer, AgendaItem, "recommendation__item__"),
                visible_q(viewer, Body, "body__"),
            )
            .select_related(
                "body__scrutinised_by",
                "meeting__body",
                "recommendation__item",
                "recommendation__key_decision__entry",
                "call_in",
            )  # fmt: skip
            .get(pk=pk)
        )
    except Decision.DoesNotExist:
        raise Http404("No decision you can see has that number") from None


def call_in_detail(*, viewer: Viewer, pk: int) -> CallIn:
    try:
        return (
            CallIn.objects.filter(
                visible_q(viewer, AgendaItem, "decision__recommendation__item__"),
                visible_q(viewer, Body, "decision__body__"),
            )
            .select_related("decision__body", "scrutiny_body")
            .get(pk=pk)
        )
    except CallIn.DoesNotExist:
        raise Http404("No call-in you can see has that number") from None


def private_notice_detail(*, viewer: Viewer, pk: int) -> PrivateMeetingNotice:
    try:
        return (
            PrivateMeetingNotice.objects.filter(visible_q(viewer, Body, "meeting__body__"))
            .select_related("meeting__body")
            .get(pk=pk)
        )
    except PrivateMeetingNotice.DoesNotExist:
        raise Http404("No notice you can see has that number") from None


def private_notices_of(meeting: Meeting) -> QuerySet[PrivateMeetingNotice]:
    return PrivateMeetingNotice.objects.filter(meeting=meeting).prefetch_related("items")


def exempt_items_of(meeting: Meeting) -> QuerySet[AgendaItem]:
    return AgendaItem.objects.filter(meeting=meeting, visibility="exempt").order_by("number")
