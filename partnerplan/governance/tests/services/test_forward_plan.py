"""Key decisions: the forward plan notice (28 clear days), the general exception (five clear
working days, the scrutiny chair told) and special urgency, each refused in plain English, on
every path; across the Christmas and Easter bank holidays."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from partnerplan.governance import services
from partnerplan.governance.models import (
    Decision,
    ExceptionKind,
    ForwardPlanEntry,
    MemberRole,
    Outcome,
    PlanStatus,
)
from partnerplan.governance.services.key_decisions import (
    key_decision_exception_record,
    key_decision_flag,
    key_decision_refusal,
)
from partnerplan.governance.tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    BodyMembershipFactory,
    HeldMeetingFactory,
    RecommendationFactory,
    at,
)
from partnerplan.governance.tests.helpers import message_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def cabinet():
    scrutiny = BodyFactory.create(name="Overview and Scrutiny Committee", kind="scrutiny")
    chair = BodyMembershipFactory.create(body=scrutiny, role=MemberRole.CHAIR).person
    body = BodyFactory.create(
        name="Cabinet", kind="executive", scrutinised_by=scrutiny, quorum_minimum=1
    )
    BodyMembershipFactory.create(body=body, role=MemberRole.CHAIR)
    return body, chair


def _entry(body, due, notice, **kw):
    return services.forward_plan_add(
        actor=None, body=body, title="Call on reserves", decision_due=due,
        notice_given_on=notice, **kw,
    )  # fmt: skip


def _key_rec(body, day, entry=None):
    meeting = HeldMeetingFactory.create(body=body, starts_at=at(day.year, day.month, day.day))
    services.meeting_record_attendance(
        actor=None, meeting=meeting, present=[m.person for m in body.memberships.all()]
    )
    rec = RecommendationFactory.create(item=AgendaItemFactory.create(meeting=meeting))
    key_decision_flag(actor=None, recommendation=rec, entry=entry, why_key="Over £50,000")
    return rec


def test_it_requires_an_exception_for_a_key_decision_without_28_clear_days(cabinet):
    body, chair = cabinet
    # Notice on 25 November gives 21 clear days before 17 December 2010.
    entry = _entry(body, dt.date(2010, 12, 17), dt.date(2010, 11, 25))
    rec = _key_rec(body, dt.date(2010, 12, 17), entry)
    with pytest.raises(ValidationError, match="must be published by Thursday 18 November") as exc:
        services.decision_record(
            actor=None, recommendation=rec, outcome=Outcome.APPROVED, reasons="Needed"
        )
    assert "general exception" in message_of(exc) and "special urgency" in message_of(exc)
    assert f"the chair of Overview and Scrutiny Committee ({chair})" in message_of(exc)
    assert not Decision.objects.exists()
    # Deferring is not deciding.
    services.decision_record(actor=None, recommendation=rec, outcome=Outcome.DEFERRED)


def test_it_refuses_a_key_decision_with_no_forward_plan_notice(cabinet):
    body, _chair = cabinet
    rec = _key_rec(body, dt.date(2010, 12, 17))
    with pytest.raises(ValidationError, match="no forward plan notice is linked") as exc:
        services.decision_record(
            actor=None, recommendation=rec, outcome=Outcome.APPROVED, reasons="Needed"
        )
    assert "published by Thursday 18 November 2010" in message_of(exc)


def test_it_takes_a_key_decision_with_28_clear_days_and_links_the_notice(cabinet):
    body, _chair = cabinet
    entry = _entry(body, dt.date(2010, 12, 17), dt.date(2010, 11, 18))
    rec = _key_rec(body, dt.date(2010, 12, 17), entry)
    assert key_decision_refusal(entry=entry, on=dt.date(2010, 12, 17), body=body) is None
    decision = services.decision_record(
        actor=None, recommendation=rec, outcome=Outcome.APPROVED, reasons="Needed"
    )
    entry.refresh_from_db()
    assert entry.status == PlanStatus.DECIDED
    assert [k.recommendation.decision for k in entry.key_decisions.all()] == [decision]


def test_it_refuses_a_general_exception_with_no_clear_days(cabinet):
    body, chair = cabinet
    entry = _entry(body, dt.date(2010, 12, 17), dt.date(2010, 12, 16))
    with pytest.raises(ValidationError, match="gives 0 clear working days") as exc:
        key_decision_exception_record(
            actor=None, entry=entry, kind=ExceptionKind.GENERAL, reasons="Projects must start",
            chair=chair, chair_informed_on=dt.date(2010, 12, 16),
            notice_published_on=dt.date(2010, 12, 16),
        )  # fmt: skip
    assert "Move the decision to Friday 24 December 2010 or later" in message_of(exc)
    assert not entry.exceptions.exists()


def test_it_counts_the_general_exception_across_christmas_and_new_year(cabinet):
    body, chair = cabinet
    due = dt.date(2011, 1, 4)  # 25-28 December, 1-3 January are weekends and bank holidays
    entry = _entry(body, due, dt.date(2010, 12, 20))
    args = dict(actor=None, entry=entry, kind=ExceptionKind.GENERAL, reasons="Grant deadline",
                chair=chair, chair_informed_on=dt.date(2010, 12, 20))  # fmt: skip
    with pytest.raises(ValidationError, match="gives 4 clear working days") as exc:
        key_decision_exception_record(**args, notice_published_on=dt.date(2010, 12, 23))
    assert "Move the decision to Wednesday 5 January 2011" in message_of(exc)
    # 22 December leaves 23, 24, 29, 30 and 31 December.
    key_decision_exception_record(**args, notice_published_on=dt.date(2010, 12, 22))
    rec = _key_rec(body, due, entry)
    decision = services.decision_record(
        actor=None, recommendation=rec, outcome=Outcome.APPROVED, reasons="Grant deadline"
    )
    assert decision.outcome == Outcome.APPROVED


def test_it_counts_the_general_exception_across_easter_and_the_royal_wedding(cabinet):
    body, chair = cabinet
    due = dt.date(2011, 4, 28)  # Good Friday 22 and Easter Monday 25 April 2011
    entry = _entry(body, due, dt.date(2011, 4, 1))
    args = dict(actor=None, entry=entry, kind=ExceptionKind.GENERAL, reasons="Grant deadline",
                chair=chair, chair_informed_on=dt.date(2011, 4, 1))  # fmt: skip
    with pytest.raises(ValidationError, match="gives 4 clear working days") as exc:
        key_decision_exception_record(**args, notice_published_on=dt.date(2011, 4, 19))
    # 28 April + 29 April (royal wedding) + weekend: the next day is Tuesday 3 May (2 May is
    # the early May bank holiday).
    assert "Move the decision to Tuesday 3 May 2011" in message_of(exc)
    key_decision_exception_record(**args, notice_published_on=dt.date(2011, 4, 18))
    assert key_decision_refusal(entry=entry, on=due, body=body) is None


def test_it_needs_the_chair_told_for_a_general_exception(cabinet):
    body, chair = cabinet
    entry = _entry(body, dt.date(2010, 12, 17), dt.date(2010, 12, 1))
    with pytest.raises(ValidationError, match="the chair was told in writing"):
        key_decision_exception_record(
            actor=None, entry=entry, kind=ExceptionKind.GENERAL, reasons="Urgent", chair=chair,
            notice_published_on=dt.date(2010, 12, 1),
        )  # fmt: skip


def test_it_takes_a_special_urgency_decision_and_lists_it_for_council(cabinet, client):
    body, chair = cabinet
    entry = _entry(body, dt.date(2010, 12, 17), dt.date(2010, 12, 16))
    key_decision_exception_record(
        actor=None, entry=entry, kind=ExceptionKind.SPECIAL_URGENCY,
        reasons="The funder's offer lapses on 20 December", chair=chair,
        agreed_on=dt.date(2010, 12, 15), notice_published_on=dt.date(2010, 12, 16),
    )  # fmt: skip
    rec = _key_rec(body, dt.date(2010, 12, 17), entry)
    services.decision_record(
        actor=None, recommendation=rec, outcome=Outcome.APPROVED, reasons="Offer lapses"
    )
    html = client.get("/governance/forward-plan/special-urgency/").content.decode()
    assert "The funder&#x27;s offer lapses on 20 December" in html
    assert "Not yet reported" in html


def test_it_refuses_a_delegated_key_decision_without_notice(cabinet):
    from decimal import Decimal

    from partnerplan.governance.models import PowerKind
    from partnerplan.governance.tests.factories import DelegationFactory

    body, _chair = cabinet
    director = BodyFactory.create(
        name="Director", kind="office_holder", scrutinised_by=body.scrutinised_by
    )
    holder = BodyMembershipFactory.create(body=director).person
    services.power_add(actor=None, body=body, kind=PowerKind.DRAW_CONTINGENCY)
    delegation = DelegationFactory.create(from_body=body, to_bodies=[director])
    kwargs = dict(
        actor=None, delegation=delegation, taken_by=director, decided_by=holder,
        title="Early project work", decision="Spend", reasons="Needed", amount=Decimal(1000),
        options_considered="None", declared_interests="None", decided_on=dt.date(2011, 2, 1),
        is_key=True,
    )  # fmt: skip
    with pytest.raises(ValidationError, match="no forward plan notice is linked"):
        services.officer_decision_record(**kwargs)
    entry = _entry(director, dt.date(2011, 2, 1), dt.date(2011, 1, 3))
    od = services.officer_decision_record(**kwargs, forward_plan_entry=entry)
    assert od.key_decision.entry == entry


def test_it_changes_a_forward_plan_entry_and_keeps_its_history(cabinet):
    body, _chair = cabinet
    entry = _entry(body, dt.date(2011, 3, 18), dt.date(2010, 12, 17))
    services.forward_plan_update(actor=None, entry=entry, decision_due=dt.date(2011, 1, 7))
    entry.refresh_from_db()
    assert entry.notice_given_on == dt.date(2010, 12, 17)  # the notice stays
    assert [h.decision_due for h in entry.history.order_by("history_date")] == [
        dt.date(2011, 3, 18), dt.date(2011, 1, 7)
    ]  # fmt: skip
    # Moved earlier, it now gives only 20 clear days.
    assert "gives only 20" in (
        key_decision_refusal(entry=entry, on=entry.decision_due, body=body) or ""
    )
    with pytest.raises(ValidationError, match="must be due after the notice"):
        services.forward_plan_update(actor=None, entry=entry, decision_due=dt.date(2010, 12, 1))
    assert ForwardPlanEntry.objects.get().decision_due == dt.date(2011, 1, 7)
