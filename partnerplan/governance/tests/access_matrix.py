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
# The officer persona is named the legal officer (objects(), below), who sees who opened an
# exempt report; the administrator is the finance officer.
LEGAL = {**ADMIN_ONLY, "officer": 200}

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
    # Key decisions, decision records and call-in, private meetings, substitutes (issue 15, A).
    "governance:forward-plan-entry": ("entry", ALL_OK),
    "governance:forward-plan-edit": ("entry", ADMIN_ONLY),
    "governance:key-decision-exception-create": ("entry", ADMIN_ONLY),
    "governance:special-urgency-list": (None, ALL_OK),
    "governance:special-urgency-csv": (None, ALL_OK),
    "governance:exempt-reviews": (None, LEGAL),
    "governance:recommendation-key-decision": ("recommendation", ADMIN_ONLY),
    "governance:decision-detail": ("decision", ALL_OK),
    "governance:decision-publish": ("decision", ADMIN_ONLY),
    "governance:decision-implement": ("decision", ADMIN_ONLY),
    "governance:call-in-create": ("decision", ADMIN_ONLY),
    "governance:call-in-outcome": ("call_in", ADMIN_ONLY),
    "governance:call-in-reconsider": ("call_in", ADMIN_ONLY),
    "governance:private-notice-create": ("meeting", ADMIN_ONLY),
    "governance:private-notice-final": ("private_notice", ADMIN_ONLY),
    "governance:private-notice-urgency": ("private_notice", ADMIN_ONLY),
    "governance:substitute-create": ("meeting", ADMIN_ONLY),
    # Interests, exempt information, urgent items, supplements, alerts (issue 15, part B).
    "governance:person-interests": ("person", SIGNED_IN),
    "governance:interest-create": ("person", ADMIN_ONLY),
    "governance:interest-end": ("interest", ADMIN_ONLY),
    "governance:interest-sensitive": ("interest", ADMIN_ONLY),
    "governance:dispensation-create": ("person", ADMIN_ONLY),
    "governance:declaration-create": ("item", ADMIN_ONLY),
    "governance:item-urgent": ("item", ADMIN_ONLY),
    "governance:exempt-log": ("item", LEGAL),
    "governance:supplement-publish": ("meeting", ADMIN_ONLY),
    "governance:decisions-publish": ("meeting", ADMIN_ONLY),
    "governance:statutory-officers": (None, ADMIN_ONLY),
    "governance:alert-subscribe": ("body", ALL_OK),
    "governance:alert-confirm": ("alert_confirm", ALL_OK),
    "governance:alert-unsubscribe": ("alert_unsubscribe", ALL_OK),
}


def objects(world: Any) -> dict[str, Any]:
    from django.core import signing

    from partnerplan.governance import services
    from partnerplan.governance.services import alerts, interests, officers

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
    officers.statutory_officers_name(
        actor=None, finance=world.users["admin"].person, legal=world.users["officer"].person
    )
    person = PersonFactory.create(partner=world.alpha)
    interest = interests.interest_register(
        actor=None, person=person, kind="other", description="Governor of a school"
    )
    subscription = alerts.alert_subscribe(body=world.body, email="reader@example.org")
    return {
        "interest": interest,
        "alert_confirm": SimpleNamespace(
            pk=signing.dumps({"s": subscription.pk, "a": "confirm"}, salt=alerts.SALT)
        ),
        "alert_unsubscribe": SimpleNamespace(
            pk=alerts.unsubscribe_link(subscription).rstrip("/").rsplit("/", 1)[-1]
        ),
        # The address holds the secret; the row only its hash.
        "feed": SimpleNamespace(pk=feed.secret),
        "line": line,
        "membership": membership,
        "body": world.body,
        "person": person,
        "meeting": meeting,
        "item": item,
        "recommendation": RecommendationFactory.create(item=item),
        "delegation": delegation,
        "matter": matter,
        "action": ActionFactory.create(body=world.body, owner=world.users["officer"].person),
        **_cycle_objects(world, meeting, item),
    }


def _cycle_objects(world: Any, meeting: Any, item: Any) -> dict[str, Any]:
    """A forward plan entry, a decision with a call-in and a private meeting notice (part A)."""
    import datetime as dt

    from partnerplan.governance import services
    from partnerplan.governance.models import CallIn, Decision, PrivateMeetingNotice

    entry = services.forward_plan_add(
        actor=None, body=world.body, title="Key decision", decision_due=dt.date(2030, 6, 1),
        notice_given_on=dt.date(2030, 1, 1),
    )  # fmt: skip
    decision = Decision.objects.create(
        recommendation=RecommendationFactory.create(item=item), meeting=meeting, body=world.body,
        outcome="approved", decided_on=meeting.date,
    )  # fmt: skip
    scrutiny = BodyFactory.create(name="Scrutiny", kind="scrutiny")
    call_in = CallIn.objects.create(
        decision=decision, scrutiny_body=scrutiny, requested_on=meeting.date, reasons="Cost"
    )
    notice = PrivateMeetingNotice.objects.create(meeting=meeting, reasons="Commercial terms")
    return {"entry": entry, "decision": decision, "call_in": call_in, "private_notice": notice}
