"""Governance reads: the people a governance form may name."""

from __future__ import annotations

from django.db.models import QuerySet

from partnerplan.core.access import Viewer, visible
from partnerplan.governance.models import Body
from partnerplan.partners.models import Person


def people_choices(*, viewer: Viewer) -> QuerySet[Person]:
    """The people the viewer may name (as an author, owner, member or decision maker)."""
    return visible(Person.objects.filter(archived_at__isnull=True), viewer).order_by(
        "last_name", "first_name"
    )


def members_of(*, viewer: Viewer, body: Body) -> QuerySet[Person]:
    """The people who are or were members of `body`, that the viewer may see."""
    return (
        visible(Person.objects.filter(body_memberships__body=body), viewer)
        .distinct()
        .order_by("last_name", "first_name")
    )


def viewer_person(*, viewer: Viewer) -> Person | None:
    """The viewer's own person record, if their account has one."""
    if viewer.person_id is None:
        return None
    return Person.objects.filter(pk=viewer.person_id).first()
