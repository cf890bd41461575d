"""The pool: its members with their skills, availability and leave, and their bookings seen
through the projects' visibility. The pool itself is seen by anyone signed in (the views
require sign-in)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from partnerplan.core import clock
from partnerplan.core.access import Viewer, visible, visible_q
from partnerplan.partners.models import Partner, Person
from partnerplan.portfolio.models import Project
from partnerplan.resources import calendar as cal
from partnerplan.resources.models import Assignment, Availability, Leave, PoolMember
from partnerplan.resources.planning.months import add_months, first_of_month
from partnerplan.resources.selectors.actuals import actual_days_a_week


def members_with_calendars() -> QuerySet[PoolMember]:
    return PoolMember.objects.select_related("person", "home_partner").prefetch_related(
        "skills", "availability", "leave"
    )


def pool_list(*, viewer: Viewer, include_archived: bool = False) -> QuerySet[PoolMember]:
    qs = (
        members_with_calendars()
        .filter(visible_q(viewer, Person, "person__"))
        .annotate(
            assignment_count=Count(
                "assignments",
                filter=Q(assignments__ends_on__gte=clock.today()),
                distinct=True,
            )
        )
    )
    if not include_archived:
        qs = qs.filter(archived_at__isnull=True)
    return qs.order_by("person__last_name", "person__first_name")


def member_detail(*, viewer: Viewer, pk: int) -> PoolMember:
    demands = visible_q(viewer, Project, "demand__project__")
    try:
        return (
            members_with_calendars()
            .filter(visible_q(viewer, Person, "person__"))
            .prefetch_related(
                Prefetch(
                    "assignments",
                    queryset=Assignment.objects.filter(demands)
                    .select_related("demand__project", "demand__skill")
                    .prefetch_related("actuals"),
                    to_attr="visible_assignments",
                )
            )
            .get(pk=pk)
        )
    except PoolMember.DoesNotExist:
        raise Http404("No pool member has that number") from None


def availability_detail(*, viewer: Viewer, pk: int) -> Availability:
    try:
        return Availability.objects.select_related("member__person").get(pk=pk)
    except Availability.DoesNotExist:
        raise Http404("No spell of availability has that number") from None


def leave_detail(*, viewer: Viewer, pk: int) -> Leave:
    try:
        return Leave.objects.select_related("member__person").get(pk=pk)
    except Leave.DoesNotExist:
        raise Http404("No leave has that number") from None


def assignment_detail(*, viewer: Viewer, pk: int) -> Assignment:
    """A booking, seen through its project's visibility."""
    try:
        return (
            Assignment.objects.filter(visible_q(viewer, Project, "demand__project__"))
            .select_related("member__person", "demand__project", "demand__skill")
            .get(pk=pk)
        )
    except Assignment.DoesNotExist:
        raise Http404("No booking you can see has that number") from None


def member_choices(*, viewer: Viewer, skill_id: int | None = None) -> QuerySet[PoolMember]:
    """Pool members the viewer may see who can be booked (or taken out in a scenario): not
    archived, and with the skill, if one is given."""
    members = PoolMember.objects.filter(archived_at__isnull=True).filter(
        visible_q(viewer, Person, "person__")
    )
    if skill_id is not None:
        members = members.filter(skills=skill_id)
    return members.select_related("person").order_by("person__last_name", "person__first_name")


def person_choices(*, viewer: Viewer) -> QuerySet[Person]:
    """People the viewer sees who could join the pool (not archived, not in it already)."""
    return visible(
        Person.objects.filter(archived_at__isnull=True, pool_membership__isnull=True), viewer
    ).order_by("last_name", "first_name")


def partner_choices(*, viewer: Viewer) -> QuerySet[Partner]:
    """Partners the viewer sees that could lend someone to the pool."""
    return visible(Partner.objects.filter(archived_at__isnull=True), viewer)


def member_months(member: PoolMember, *, today: dt.date) -> list[dict[str, Any]]:
    """Twelve months of a member's page: days a week available against booked, from their
    first visible booking (at most a year back) or this month. Uses what `member_detail`
    prefetched."""
    this_month = first_of_month(today)
    assignments = member.visible_assignments  # type: ignore[attr-defined]
    start = min([a.starts_on for a in assignments] + [this_month])
    start = max(first_of_month(start), add_months(this_month, -12))
    calendar = cal.member_calendar(member)
    bookings: list[tuple[dt.date, dt.date, Decimal]] = [
        (a.starts_on, a.ends_on, a.days_per_week) for a in assignments
    ]
    recorded = [t for a in assignments for t in a.actuals.all()]
    return [
        {
            "month": month,
            "available": cal.month_availability(calendar, month).net,
            "booked": cal.load_in_month(bookings, month),
            # The days the project managers recorded, as days a week (None: none recorded).
            "actual": actual_days_a_week(recorded, month),
        }
        for month in cal.months_from(start, 12)
    ]
