"""Who is looking: the project-level builder of `core.access.Viewer`.

core decides what a viewer may see and do, but what a signed-in person *is* (their partner and
roles in the directory, their seats on bodies) lives in the apps above core. This module, named
by `settings.PARTNERPLAN_VIEWER_BUILDER`, reads both, so no app imports upwards.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from partnerplan.core import clock
from partnerplan.core.access import Viewer
from partnerplan.governance.models import BodyMembership
from partnerplan.partners.models import Person


def build_viewer(user: Any) -> Viewer:
    """The viewer for a signed-in `user`: two queries (person and roles; body memberships)."""
    partner_ids: set[int] = set()
    roles: set[str] = set()
    body_ids: set[int] = set()
    if user.person_id:
        rows = Person.objects.filter(pk=user.person_id, archived_at__isnull=True).values_list(
            "partner_id", "roles__code"
        )
        for partner_id, role_code in rows:
            if partner_id:
                partner_ids.add(partner_id)
            if role_code:
                roles.add(role_code)
        today = clock.today()
        body_ids = set(
            BodyMembership.objects.filter(person_id=user.person_id)
            .filter(Q(started_on__isnull=True) | Q(started_on__lte=today))
            .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=today))
            .values_list("body_id", flat=True)
        )
    return Viewer(
        user_id=user.pk,
        is_authenticated=True,
        is_admin=bool(user.is_partnership_admin or user.is_superuser),
        person_id=user.person_id,
        partner_ids=frozenset(partner_ids),
        body_ids=frozenset(body_ids),
        roles=frozenset(roles),
    )
