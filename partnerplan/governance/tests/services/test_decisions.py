"""The governance rules, each refused in plain English, and nothing saved when refused."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from partnerplan.governance import services
from partnerplan.governance.models import (
    Decision,
    DelegationStatus,
    Outcome,
    PowerKind,
)
from partnerplan.governance.tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    PowerFactory,
    PublishedMeetingFactory,
    RecommendationFactory,
)
from partnerplan.governance.tests.helpers import message_of

pytestmark = pytest.mark.django_db


def test_it_refuses_to_decide_without_quorum(committee, held):
    _body, members, co_opted = committee
    meeting, item = held
    rec = RecommendationFactory.create(item=item)
    # One voting member and the co-opted member: quorum is two voting members.
    services.meeting_record_attendance(actor=None, meeting=meeting, present=[members[0], co_opted])
    with pytest.raises(ValidationError, match="not quorate") as exc:
        services.decision_record(
            actor=None, recommendation=rec, outcome=Outcome.APPROVED, reasons="Agreed"
        )
    assert "not quorate" in message_of(exc) and "1 voting member was present" in message_of(exc)
    assert not Decision.objects.exists()


def test_it_records_a_decision_with_a_useful_reference(committee, held):
    _body, members, _c = committee
    meeting, item = held
    RecommendationFactory.create(item=item, number=1)
    rec = RecommendationFactory.create(item=item, number=2)
    services.meeting_record_attendance(actor=None, meeting=meeting, present=members[:2])
    decision = services.decision_record(
        actor=None, recommendation=rec, outcome=Outcome.APPROVED, reasons="Agreed"
    )
    assert str(decision) == "Joint Committee, 17 December 2010, item 5, recommendation 2"
    assert decision.body == meeting.body and decision.decided_on == dt.date(2010, 12, 17)


def test_it_refuses_a_vote_by_a_co_opted_member(committee, held):
    _body, members, co_opted = committee
    meeting, item = held
    rec = RecommendationFactory.create(item=item)
    services.meeting_record_attendance(actor=None, meeting=meeting, present=[*members, co_opted])
    with pytest.raises(ValidationError, match=r"co-opted \(non-voting\) and cannot vote") as exc:
        services.decision_record(
            actor=None,
            recommendation=rec,
            outcome=Outcome.APPROVED,
            reasons="Agreed",
            votes={members[0]: "for", co_opted: "for"},
        )
    assert "co-opted (non-voting) and cannot vote" in message_of(exc)
    assert not Decision.objects.exists()


def test_it_counts_the_votes_of_voting_members(committee, held):
    _body, members, _c = committee
    meeting, item = held
    rec = RecommendationFactory.create(item=item)
    services.meeting_record_attendance(actor=None, meeting=meeting, present=members)
    decision = services.decision_record(
        actor=None,
        recommendation=rec,
        outcome=Outcome.REJECTED,
        reasons="Not affordable",
        votes={members[0]: "for", members[1]: "against", members[2]: "against"},
    )
    assert (decision.votes_for, decision.votes_against, decision.abstentions) == (1, 2, 0)


def test_it_refuses_to_decide_before_the_meeting_is_held(committee):
    body, members, _c = committee
    meeting = PublishedMeetingFactory.create(body=body)
    rec = RecommendationFactory.create(item=AgendaItemFactory.create(meeting=meeting))
    with pytest.raises(ValidationError, match="once the meeting has been held") as exc:
        services.decision_record(actor=None, recommendation=rec, outcome=Outcome.NOTED)
    assert "once the meeting has been held" in message_of(exc)


def test_it_requires_amended_text_and_reasons(committee, held):
    _body, members, _c = committee
    meeting, item = held
    rec = RecommendationFactory.create(item=item)
    services.meeting_record_attendance(actor=None, meeting=meeting, present=members)
    with pytest.raises(ValidationError, match="as amended") as exc:
        services.decision_record(
            actor=None, recommendation=rec, outcome=Outcome.AMENDED, reasons="x"
        )
    assert "as amended" in message_of(exc)
    with pytest.raises(ValidationError, match="reasons") as exc:
        services.decision_record(actor=None, recommendation=rec, outcome=Outcome.APPROVED)
    assert "reasons" in message_of(exc)


def test_it_refuses_a_decision_outside_the_bodys_powers_and_names_who_has_them(committee, held):
    body, members, _c = committee
    meeting, item = held
    sab = BodyFactory.create(name="Strategic Advisory Board")
    PowerFactory.create(
        body=sab, kind=PowerKind.CALL_ON_RESERVES, financial_limit=Decimal("200000")
    )
    PowerFactory.create(
        body=body, kind=PowerKind.CALL_ON_RESERVES, financial_limit=Decimal("50000")
    )
    rec = RecommendationFactory.create(
        item=item, power=PowerKind.CALL_ON_RESERVES, amount=Decimal("85000")
    )
    services.meeting_record_attendance(actor=None, meeting=meeting, present=members)
    with pytest.raises(
        ValidationError, match="does not have the power to approve a call on reserves"
    ) as exc:
        services.decision_record(
            actor=None, recommendation=rec, outcome=Outcome.APPROVED, reasons="x"
        )
    message = message_of(exc)
    assert (
        "Joint Committee does not have the power to approve a call on reserves of £85,000"
        in message
    )
    assert "limited to £50,000" in message
    assert "It must go to Strategic Advisory Board" in message
    # Rejecting or deferring needs no power.
    decision = services.decision_record(actor=None, recommendation=rec, outcome=Outcome.DEFERRED)
    assert decision.outcome == Outcome.DEFERRED


def test_approving_the_recommendation_brings_its_proposed_delegation_into_force(committee, held):
    body, members, _c = committee
    meeting, item = held
    director = BodyFactory.create(name="Partnership Director", kind="office_holder")
    PowerFactory.create(body=body, kind=PowerKind.DRAW_CONTINGENCY)
    rec = RecommendationFactory.create(item=item, text="Delegate the contingency")
    delegation = services.delegation_create(
        actor=None, from_body=body, to_bodies=[director], power=PowerKind.DRAW_CONTINGENCY,
        purpose="Contingency", financial_limit=Decimal("85000"), proposed_in=rec,
    )  # fmt: skip
    services.meeting_record_attendance(actor=None, meeting=meeting, present=members)
    services.decision_record(actor=None, recommendation=rec, outcome=Outcome.APPROVED, reasons="x")
    delegation.refresh_from_db()
    assert delegation.status == DelegationStatus.IN_FORCE
    assert delegation.starts_on == dt.date(2010, 12, 17)


def test_it_requires_declared_interests_where_the_body_requires_them(committee, held):
    body, members, _c = committee
    meeting, item = held
    services.body_update(actor=None, body=body, requires_interests=True)
    services.meeting_record_attendance(actor=None, meeting=meeting, present=members)
    rec = RecommendationFactory.create(item=item)
    with pytest.raises(
        ValidationError, match="records the interests declared on each decision"
    ) as exc:
        services.decision_record(
            actor=None, recommendation=rec, outcome=Outcome.NOTED, reasons="Noted"
        )
    assert exc.value.message_dict == {
        "declared_interests": [
            "Joint Committee records the interests declared on each decision: enter them, or 'None'"
        ]
    }
    assert not Decision.objects.exists()
    decision = services.decision_record(
        actor=None, recommendation=rec, outcome=Outcome.NOTED, declared_interests="None"
    )
    assert decision.declared_interests == "None"
