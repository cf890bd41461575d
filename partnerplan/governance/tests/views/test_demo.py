from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command

from partnerplan.core.tests.demo_clock import walk_to
from partnerplan.governance import services
from partnerplan.governance.models import (
    Decision,
    Meeting,
    MeetingStatus,
    MemberRole,
)
from partnerplan.governance.tests.factories import (
    at,
)


@pytest.mark.django_db
def test_the_demo_has_the_seed_meetings_and_undecided_recommendations():
    call_command("load_demo", "--quiet-accounts")
    december = Meeting.objects.get(body__abbreviation="JC", starts_at=at(2010, 12, 17))
    recs = list(
        december.items.get(title="Review of Partnership Work Plan").recommendations.order_by(
            "number"
        )
    )
    assert [r.reference for r in recs] == ["2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7"]
    assert not Decision.objects.exists()
    sab = Meeting.objects.get(body__abbreviation="SAB")
    assert sab.status == MeetingStatus.CANCELLED and "Adverse weather" in sab.cancelled_reason
    lceg = Meeting.objects.filter(body__abbreviation="LCEG", status=MeetingStatus.HELD)
    assert sorted(m.date for m in lceg) == [dt.date(2010, 10, 21), dt.date(2010, 11, 10)]
    assert Meeting.objects.filter(
        body__abbreviation="JC", starts_at__year=2011, starts_at__month=3
    ).exists()
    from partnerplan.governance.models import Delegation

    delegation = Delegation.objects.get()
    assert delegation.status == "proposed" and delegation.financial_limit == 85000
    assert {b.abbreviation for b in delegation.to_bodies.all()} == {"DIR", "SAB"}
    # The demo member can take the decisions: record attendance, mark the meeting held, decide.
    from partnerplan.core.models import User
    from partnerplan.governance.models import Body

    clerk = User.objects.get(username="director")
    member = Body.objects.get(abbreviation="JC").memberships.get(role=MemberRole.MEMBER).person
    walk_to(december.date, actor=clerk)  # with a demonstration clock, to the meeting's day
    december = services.meeting_mark_held(actor=clerk, meeting=december)
    services.meeting_record_attendance(actor=clerk, meeting=december, present=[member])
    # Approving 2.4 posts the contingency call to the ledger (the finance app's effect), which
    # needs a signed-in actor.
    decision = services.decision_record(
        actor=clerk, recommendation=recs[3], outcome="approved", reasons="Agreed"
    )
    assert (
        str(decision)
        == "Staffordshire Connects Joint Committee, 17 December 2010, item 4, recommendation 4"
    )
