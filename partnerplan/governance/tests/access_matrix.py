"""The governance pages in the access matrix (see core/tests/test_access_matrix.py)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from partnerplan.core.tests.matrix import ADMIN_ONLY, ALL_OK, SIGNED_IN, SIGNED_IN_ONLY
from partnerplan.governance.models import PowerKind
from partnerplan.governance.tests.factories import (
    ActionFactory,
    AgendaItemFactory,
    BodyFactory,
    BodyMembershipFactory,
    DelegationFactory,
    HeldMeetingFactory,
    MinutesFactory,
    RecommendationFactory,
)
from partnerplan.partners.tests.factories import PersonFactory

# The delegation is to the world's Joint Committee, of which the member persona is a member.
DELEGATE = {**ADMIN_ONLY, "member": 200}
# The action belongs to the officer persona.
OWNER = {**ADMIN_ONLY, "officer": 200}

EXPECTED: dict[str, tuple[str | None, dict[str, int]]] = {
    "governance:body-list": (None, ALL_OK),
    "governance:structure": (None, ALL_OK),
    "governance:body-create": (None, ADMIN_ONLY),
    "governance:body-detail": ("body", ALL_OK),
    "governance:body-edit": ("body", ADMIN_ONLY),
    "governance:reporting-line-create": ("body", ADMIN_ONLY),
    "governance:reporting-line-end": ("line", ADMIN_ONLY),
    "governance:membership-end": ("membership", ADMIN_ONLY),
    "governance:delegation-revoke": ("delegation", ADMIN_ONLY),
    "governance:meeting-series": ("body", ADMIN_ONLY),
    "governance:body-calendar": ("body", ALL_OK),
    "governance:meeting-create": ("body", ADMIN_ONLY),
    "governance:membership-create": ("body", ADMIN_ONLY),
    "governance:power-create": ("body", ADMIN_ONLY),
    "governance:delegation-create": ("body", ADMIN_ONLY),
    "governance:delegation-in-force": ("delegation", ADMIN_ONLY),
    "governance:person-calendar": ("person", SIGNED_IN),
    "governance:my-calendar": (None, SIGNED_IN_ONLY),
    "governance:private-calendar": ("feed", ALL_OK),
    "governance:meeting-detail": ("meeting", ALL_OK),
    "governance:item-create": ("meeting", ADMIN_ONLY),
    "governance:meeting-publish": ("meeting", ADMIN_ONLY),
    "governance:meeting-cancel": ("meeting", ADMIN_ONLY),
    "governance:meeting-reschedule": ("meeting", ADMIN_ONLY),
    "governance:meeting-attendance": ("meeting", ADMIN_ONLY),
    "governance:meeting-held": ("meeting", ADMIN_ONLY),
    "governance:minutes-edit": ("meeting", ADMIN_ONLY),
    "governance:minutes-approve": ("meeting", ADMIN_ONLY),
    "governance:minutes-correct": ("meeting", ADMIN_ONLY),
    "governance:action-create": ("meeting", ADMIN_ONLY),
    "governance:item-detail": ("item", ALL_OK),
    "governance:recommendation-create": ("item", ADMIN_ONLY),
    "governance:decision-create": ("recommendation", ADMIN_ONLY),
    "governance:item-change": ("item", ADMIN_ONLY),
    "governance:item-withdraw": ("item", ADMIN_ONLY),
    "governance:recommendation-change": ("recommendation", ADMIN_ONLY),
    "governance:recommendation-withdraw": ("recommendation", ADMIN_ONLY),
    "governance:prior-decision-register": (None, ALL_OK),
    "governance:prior-decision-create": (None, ADMIN_ONLY),
    "governance:delegation-detail": ("delegation", ALL_OK),
    "governance:decision-register": (None, ALL_OK),
    "governance:officer-decision-register": (None, ALL_OK),
    "governance:officer-decision-create": ("delegation", DELEGATE),
    "governance:forward-plan": (None, ALL_OK),
    "governance:forward-plan-create": (None, ADMIN_ONLY),
    "governance:matter-list": (None, ALL_OK),
    "governance:matter-create": (None, ADMIN_ONLY),
    "governance:matter-detail": ("matter", SIGNED_IN),
    "governance:matter-track": ("matter", ADMIN_ONLY),
    "governance:matter-resolve": ("matter", ADMIN_ONLY),
    "governance:my-actions": (None, SIGNED_IN_ONLY),
    "governance:action-update": ("action", OWNER),
}


def objects(world: Any) -> dict[str, Any]:
    from partnerplan.governance import services

    meeting = HeldMeetingFactory.create(body=world.body)
    MinutesFactory.create(meeting=meeting)
    item = AgendaItemFactory.create(meeting=meeting, number=1)
    other = BodyFactory.create(name="Delegating body")
    services.power_add(actor=None, body=other, kind=PowerKind.DRAW_CONTINGENCY)
    delegation = DelegationFactory.create(from_body=other, to_bodies=[world.body])
    matter = services.matter_create(
        actor=None, title="Twin-track matter", bodies=[world.body, other]
    )
    line = services.reporting_line_add(actor=None, source=other, target=world.body)
    membership = BodyMembershipFactory.create(body=world.body)
    feed = services.calendar_feed_renew(actor=None, person=world.users["member"].person)
    return {
        # The address holds the secret; the row only its hash.
        "feed": SimpleNamespace(pk=feed.secret),
        "line": line,
        "membership": membership,
        "body": world.body,
        "person": PersonFactory.create(partner=world.alpha),
        "meeting": meeting,
        "item": item,
        "recommendation": RecommendationFactory.create(item=item),
        "delegation": delegation,
        "matter": matter,
        "action": ActionFactory.create(body=world.body, owner=world.users["officer"].person),
    }
