"""The governance rules, each refused in plain English, and nothing saved when refused."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from partnerplan.governance import services
from partnerplan.governance.models import (
    Outcome,
    TrackOutcome,
)
from partnerplan.governance.selectors import matter_state
from partnerplan.governance.tests.factories import (
    BodyFactory,
    BodyMembershipFactory,
    RecommendationFactory,
)

pytestmark = pytest.mark.django_db


def test_it_shows_approved_subject_to_and_conflicts_on_the_twin_track(
    committee, held, django_capture_on_commit_callbacks
):
    body, members, _c = committee
    meeting, item = held
    lceg = BodyFactory.create(name="Leaders and Chief Executives Group", kind="external")
    matter = services.matter_create(
        actor=None, title="Staffordshire One Place supplier role", bodies=[body, lceg]
    )
    rec = RecommendationFactory.create(item=item, matter=matter)
    services.meeting_record_attendance(actor=None, meeting=meeting, present=members)
    services.decision_record(
        actor=None, recommendation=rec, outcome=Outcome.APPROVED, reasons="Agreed"
    )
    state = matter_state(matter)
    assert state.label == "Approved subject to Leaders and Chief Executives Group"
    services.matter_record_track(
        actor=None,
        matter=matter,
        body=lceg,
        outcome=TrackOutcome.REJECTED,
        decided_on=dt.date(2011, 1, 10),
        reference="Notes",
    )
    state = matter_state(matter)
    assert state.conflict and state.label.startswith("Conflict")
    matter = services.matter_resolve(
        actor=None, matter=matter, resolution="Redesigned and resubmitted"
    )
    assert not matter_state(matter).conflict


def test_it_approves_an_any_of_matter_on_the_first_approval(committee):
    body, _m, _c = committee
    other = BodyFactory.create()
    matter = services.matter_create(actor=None, title="M", bodies=[body, other], rule="any")
    services.matter_record_track(
        actor=None,
        matter=matter,
        body=other,
        outcome="approved",
        decided_on=dt.date(2011, 1, 1),
        reference="r",
    )
    assert matter_state(matter).approved


def test_it_emails_the_bodies_still_to_decide_on_the_twin_track(
    committee, held, django_capture_on_commit_callbacks
):
    body, members, _c = committee
    meeting, item = held
    lceg = BodyFactory.create(name="Leaders and Chief Executives Group", kind="external")
    chief = BodyMembershipFactory.create(body=lceg).person
    matter = services.matter_create(actor=None, title="Supplier role", bodies=[body, lceg])
    rec = RecommendationFactory.create(item=item, matter=matter)
    services.meeting_record_attendance(actor=None, meeting=meeting, present=members)
    with django_capture_on_commit_callbacks(execute=True):
        services.decision_record(
            actor=None, recommendation=rec, outcome=Outcome.APPROVED, reasons="Agreed"
        )
    sent = [m for m in mail.outbox if m.subject.startswith("Decision needed on the twin track")]
    assert [m.to for m in sent] == [[chief.email]]
    assert "needs a decision from Leaders and Chief Executives Group" in sent[0].body
