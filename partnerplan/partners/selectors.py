"""Reads of partners and people, scoped to what the viewer may see."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from partnerplan.core import clock
from partnerplan.core.access import Viewer, visible, visible_q
from partnerplan.partners.models import Affiliation, MembershipStatus, Partner, Person


@dataclass(frozen=True)
class PartnerFilters:
    q: str = ""
    kind: str = ""
    status: str = ""
    include_archived: bool = False


def partner_list(*, viewer: Viewer, filters: PartnerFilters | None = None) -> QuerySet[Partner]:
    f = filters or PartnerFilters()
    qs = visible(Partner.objects.all(), viewer).annotate(
        people_count=Count("people", filter=visible_q(viewer, Person, "people__"), distinct=True)
    )
    if not f.include_archived:
        qs = qs.filter(archived_at__isnull=True)
    if f.q:
        qs = qs.filter(Q(name__icontains=f.q) | Q(abbreviation__icontains=f.q))
    if f.kind:
        qs = qs.filter(kind=f.kind)
    if f.status:
        today = clock.today()
        left = Q(left_on__lte=today)
        notice = Q(notice_given_on__lte=today) & ~left
        prospective = Q(joined_on__gt=today) & ~left & ~notice
        qs = qs.filter(
            {
                MembershipStatus.LEFT: left,
                MembershipStatus.NOTICE: notice,
                MembershipStatus.PROSPECTIVE: prospective,
                MembershipStatus.MEMBER: ~left & ~notice & ~prospective,
            }[MembershipStatus(f.status)]
        )
    return qs.order_by("name")


def partner_detail(*, viewer: Viewer, pk: int) -> Partner:
    people = visible(Person.objects.filter(archived_at__isnull=True), viewer).prefetch_related(
        "roles"
    )
    try:
        return (
            visible(Partner.objects.all(), viewer)
            .prefetch_related(Prefetch("people", queryset=people, to_attr="visible_people"))
            .get(pk=pk)
        )
    except Partner.DoesNotExist:
        raise Http404("No partner you can see has that number") from None


def partner_choices(*, viewer: Viewer) -> QuerySet[Partner]:
    """Partners that can be chosen in forms: visible and not archived."""
    return visible(Partner.objects.filter(archived_at__isnull=True), viewer).order_by("name")


@dataclass(frozen=True)
class PersonFilters:
    q: str = ""
    partner: int | None = None
    role: str = ""
    include_archived: bool = False


def person_list(*, viewer: Viewer, filters: PersonFilters | None = None) -> QuerySet[Person]:
    f = filters or PersonFilters()
    qs = (
        visible(Person.objects.all(), viewer)
        .select_related("partner")
        .prefetch_related("roles")
        .order_by("last_name", "first_name")
    )
    if not f.include_archived:
        qs = qs.filter(archived_at__isnull=True)
    if f.q:
        qs = qs.filter(
            Q(first_name__icontains=f.q) | Q(last_name__icontains=f.q) | Q(job_title__icontains=f.q)
        )
    if f.partner:
        qs = qs.filter(partner_id=f.partner)
    if f.role:
        qs = qs.filter(roles__code=f.role)
    return qs


def _visible_memberships(viewer: Viewer) -> Prefetch[Any]:
    """A person's body memberships, of the bodies the viewer may see. Bodies live in governance,
    above this app, so they are reached through the relation rather than imported."""
    membership: Any = Person._meta.get_field("body_memberships").related_model
    body: Any = membership._meta.get_field("body").related_model
    return Prefetch(
        "body_memberships",
        queryset=membership._default_manager.filter(
            visible_q(viewer, body, "body__")
        ).select_related("body"),
    )


def person_detail(*, viewer: Viewer, pk: int) -> Person:
    try:
        return (
            visible(Person.objects.all(), viewer)
            .select_related("partner")
            .prefetch_related(
                "roles",
                Prefetch(
                    "affiliations",
                    queryset=Affiliation.objects.select_related("partner"),
                ),
                _visible_memberships(viewer),
            )
            .get(pk=pk)
        )
    except Person.DoesNotExist:
        raise Http404("No person you can see has that number") from None


@dataclass(frozen=True)
class PartnershipSummary:
    members: int
    on_notice: int
    people: int


def partnership_summary(*, viewer: Viewer) -> PartnershipSummary:
    today = clock.today()
    partners = visible(Partner.objects.filter(archived_at__isnull=True), viewer).exclude(
        left_on__lte=today
    )
    counts = partners.aggregate(
        members=Count("pk"), on_notice=Count("pk", filter=Q(notice_given_on__lte=today))
    )
    people = visible(Person.objects.filter(archived_at__isnull=True), viewer).count()
    return PartnershipSummary(counts["members"], counts["on_notice"], people)
