"""Governance reads: a person's register of interests, the declarations on an item, the
statutory officers, the log of openings of an exempt report."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from partnerplan.core.access import Viewer, visible, visible_q
from partnerplan.governance.models import (
    AgendaItem,
    Declaration,
    Dispensation,
    ExemptAccess,
    Interest,
    OfficerRole,
    StatutoryOfficer,
)
from partnerplan.partners.models import Person


@dataclass
class InterestsPage:
    person: Person
    interests: list[Interest]
    dispensations: list[Dispensation]
    declarations: list[Declaration]


def person_interests(*, viewer: Viewer, pk: int) -> InterestsPage:
    """A person's register: interests, dispensations, and what they declared at meetings on
    items the viewer may open."""
    try:
        person = visible(Person.objects.all(), viewer).get(pk=pk)
    except Person.DoesNotExist:
        raise Http404("No person you can see has that number") from None
    return InterestsPage(
        person=person,
        interests=list(
            person.registered_interests.select_related("partner", "sensitive_agreed_by")
        ),
        dispensations=list(person.dispensations.select_related("granted_by", "body", "interest")),
        declarations=list(
            Declaration.objects.filter(person=person)
            .filter(visible_q(viewer, AgendaItem, "item__"))
            .select_related("item__meeting__body", "interest")
            .order_by("-item__meeting__starts_at", "item__number")
        ),
    )


def person_for_interests(*, viewer: Viewer, pk: int) -> Person:
    try:
        return visible(Person.objects.all(), viewer).get(pk=pk)
    except Person.DoesNotExist:
        raise Http404("No person you can see has that number") from None


def interest_for_change(*, viewer: Viewer, pk: int) -> Interest:
    try:
        return Interest.objects.select_related("person").get(
            pk=pk, person__in=visible(Person.objects.all(), viewer)
        )
    except Interest.DoesNotExist:
        raise Http404("No interest you can see has that number") from None


def interests_of(person: Person) -> QuerySet[Interest]:
    return Interest.objects.filter(person=person, ended_on__isnull=True).order_by("kind", "pk")


def item_declarations(item: AgendaItem) -> list[Declaration]:
    return list(
        Declaration.objects.filter(item=item).select_related("person", "dispensation", "interest")
    )


def statutory_officers() -> dict[str, StatutoryOfficer]:
    return {o.role: o for o in StatutoryOfficer.objects.select_related("person")}


def legal_officer() -> StatutoryOfficer | None:
    return StatutoryOfficer.objects.filter(role=OfficerRole.LEGAL).first()


def exempt_log(item: AgendaItem) -> list[ExemptAccess]:
    return list(
        ExemptAccess.objects.filter(item=item).select_related("user__person").order_by("-opened_at")
    )
