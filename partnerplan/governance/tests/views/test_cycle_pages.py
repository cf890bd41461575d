"""The statutory cycle's pages: what bites is shown where it bites, in a pinned number of
queries (forward plan entry, decision record, special urgency list, the clerk's forms)."""

from __future__ import annotations

import datetime as dt

import pytest

from partnerplan.governance import services
from partnerplan.governance.models import Decision, ExceptionKind, MemberRole
from partnerplan.governance.services.key_decisions import (
    key_decision_exception_record,
    key_decision_flag,
)
from partnerplan.governance.tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    BodyMembershipFactory,
    HeldMeetingFactory,
    RecommendationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def cycle(world):
    scrutiny = BodyFactory.create(name="Scrutiny Committee", kind="scrutiny")
    chair = BodyMembershipFactory.create(body=scrutiny, role=MemberRole.CHAIR).person
    world.body.scrutinised_by = scrutiny
    world.body.save()
    meeting = HeldMeetingFactory.create(body=world.body)
    entry = services.forward_plan_add(
        actor=None, body=world.body, title="Call on reserves", decision_due=meeting.date,
        notice_given_on=dt.date(2010, 12, 10),
    )  # fmt: skip
    for n in range(3):
        key_decision_exception_record(
            actor=None, entry=entry, kind=ExceptionKind.SPECIAL_URGENCY, reasons=f"Urgent {n}",
            chair=chair, agreed_on=dt.date(2010, 12, 10), notice_published_on=dt.date(2010, 12, 10),
        )  # fmt: skip
        rec = RecommendationFactory.create(item=AgendaItemFactory.create(meeting=meeting))
        key_decision_flag(actor=None, recommendation=rec, entry=entry)
        decision = Decision.objects.create(
            recommendation=rec, meeting=meeting, body=world.body, outcome="approved",
            decided_on=meeting.date, reasons="Needed",
        )  # fmt: skip
    return entry, decision


def test_it_shows_a_forward_plan_entry_with_its_decisions_and_exceptions(
    world, cycle, assert_queries
):
    entry, decision = cycle
    client = world.client("public")
    # entry (body, scrutiny, meeting), its key decisions (with their decisions), exceptions
    with assert_queries(3, "The forward plan entry"):
        html = client.get(f"/governance/forward-plan/{entry.pk}/").content.decode()
    assert "Special urgency" in html and str(decision) in html


def test_it_shows_a_decision_record_and_what_it_still_needs(world, cycle, assert_queries):
    _entry, decision = cycle
    client = world.client("public")
    with assert_queries(1, "The decision record"):
        html = client.get(f"/governance/decisions/{decision.pk}/").content.decode()
    assert "Not yet: it needs the reasons, the options rejected" in html


def test_it_lists_special_urgency_decisions_in_a_fixed_number_of_queries(
    world, cycle, assert_queries
):
    client = world.client("public")
    # The municipal years, the body picker and the list.
    with assert_queries(3, "The special-urgency list"):
        html = client.get("/governance/forward-plan/special-urgency/").content.decode()
    assert html.count("Not yet reported") == 3


def test_it_shows_the_key_decision_rule_on_the_decision_form(world, assert_queries):
    meeting = HeldMeetingFactory.create(body=world.body)
    rec = RecommendationFactory.create(item=AgendaItemFactory.create(meeting=meeting))
    key_decision_flag(actor=None, recommendation=rec)
    html = world.client("admin").get(f"/governance/recommendations/{rec.pk}/decide/")
    assert "no forward plan notice is linked to it" in html.content.decode()
