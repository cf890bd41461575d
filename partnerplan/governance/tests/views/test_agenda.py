from __future__ import annotations

from partnerplan.core.models import Visibility
from partnerplan.governance.models import (
    Decision,
    ExemptAccess,
    MemberRole,
    Outcome,
)
from partnerplan.governance.tests.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    ExemptItemFactory,
    HeldMeetingFactory,
    MeetingFactory,
    PublishedMeetingFactory,
    RecommendationFactory,
    at,
)
from partnerplan.governance.tests.helpers import error_list


def test_it_shows_the_public_only_the_heading_and_paragraph_of_an_exempt_item(world):
    meeting = PublishedMeetingFactory.create(body=world.body)
    item = ExemptItemFactory.create(meeting=meeting, number=4, public_heading="Telephony")
    untitled = ExemptItemFactory.create(meeting=meeting, number=5, title="Redundancies")
    html = world.client("public").get(f"/governance/meetings/{meeting.pk}/").content.decode()
    assert "Telephony" in html and "Financial or business affairs" in html
    assert "Exempt item" in html  # no public heading recorded: never the title
    assert "Contract negotiations" not in html and "Redundancies" not in html
    assert "Confidential figures" not in html
    response = world.client("public").get(f"/governance/items/{item.pk}/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "Telephony" in page and "Contract negotiations" not in page
    assert "Confidential figures" not in page
    assert (
        "Redundancies"
        not in world.client("officer").get(f"/governance/items/{untitled.pk}/").content.decode()
    )
    member = world.client("member").get(f"/governance/meetings/{meeting.pk}/").content.decode()
    assert "Contract negotiations" in member and "Redundancies" in member
    assert not ExemptAccess.objects.exclude(user=world.users["member"]).exists()


def test_it_lets_members_open_an_exempt_report_and_logs_it(world):
    meeting = PublishedMeetingFactory.create(body=world.body)
    item = ExemptItemFactory.create(meeting=meeting, number=4)
    response = world.client("member").get(f"/governance/items/{item.pk}/")
    assert response.status_code == 200
    assert "Confidential figures" in response.content.decode()
    access = ExemptAccess.objects.get()
    assert access.user == world.users["member"] and access.item == item
    assert world.client("officer").get(f"/governance/items/{item.pk}/").status_code == 403


def test_it_hides_items_the_viewer_may_not_see_that_are_not_exempt(world):
    meeting = PublishedMeetingFactory.create(body=world.body)
    item = AgendaItemFactory.create(
        meeting=meeting, title="Internal note", visibility=Visibility.PARTNERSHIP
    )
    assert world.client("public").get(f"/governance/items/{item.pk}/").status_code == 404
    assert (
        "Internal note"
        not in world.client("public").get(f"/governance/meetings/{meeting.pk}/").content.decode()
    )


def test_it_refuses_an_agenda_item_for_a_past_meeting_on_the_form(world):
    meeting = MeetingFactory.create(body=world.body, starts_at=at(2010, 12, 17))
    response = world.client("admin").post(
        f"/governance/meetings/{meeting.pk}/items/new/", {"title": "Late", "kind": "report"}
    )
    assert response.status_code == 400
    assert any("is in the past" in e for e in error_list(response))


def test_it_records_a_decision_through_the_form(world):
    meeting = HeldMeetingFactory.create(body=world.body)
    rec = RecommendationFactory.create(item=AgendaItemFactory.create(meeting=meeting, number=3))
    client = world.client("admin")
    response = client.post(
        f"/governance/recommendations/{rec.pk}/decide/",
        {"outcome": "approved", "reasons": "Agreed"},
    )
    assert response.status_code == 400
    assert any("not quorate" in e for e in error_list(response))
    member = world.users["member"].person
    response = client.post(
        f"/governance/meetings/{meeting.pk}/attendance/", {"present": [member.pk]}
    )
    assert response.status_code == 302
    response = client.post(
        f"/governance/recommendations/{rec.pk}/decide/",
        {"outcome": "approved", "reasons": "Agreed"},
    )
    assert response.status_code == 302
    assert Decision.objects.get().outcome == Outcome.APPROVED
    html = client.get(f"/governance/meetings/{meeting.pk}/").content.decode()
    assert "Approved" in html and "Reasons: Agreed" in html


def test_it_records_a_named_vote_and_refuses_a_co_opted_members_vote(world, assert_queries):
    client = world.client("admin")
    meeting = HeldMeetingFactory.create(body=world.body)
    rec = RecommendationFactory.create(item=AgendaItemFactory.create(meeting=meeting))
    voter = AttendanceFactory.create(meeting=meeting).person
    co_opted = AttendanceFactory.create(meeting=meeting, role=MemberRole.CO_OPTED).person
    url = f"/governance/recommendations/{rec.pk}/decide/"
    # session, user, viewer x2, recommendation, attendance, key decision (if it is one)
    with assert_queries(7, "The decision form"):
        html = client.get(url).content.decode()
    assert "Recorded vote (optional)" in html and "(co-opted (non-voting))" in html
    data = {"outcome": "approved", "reasons": "Agreed", f"vote_{voter.pk}": "for",
            f"vote_{co_opted.pk}": "against"}  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 400
    assert error_list(response) == [
        f"{co_opted} is co-opted (non-voting) and cannot vote: co-opted members and officer "
        "advisers are recorded as present but do not vote"
    ]
    assert not Decision.objects.exists()
    response = client.post(url, {**data, f"vote_{co_opted.pk}": ""})
    assert response.status_code == 302
    decision = Decision.objects.get()
    assert (decision.votes_for, decision.votes_against, decision.abstentions) == (1, 0, 0)
    assert [(v.person, v.choice) for v in decision.votes.all()] == [(voter, "for")]
    html = client.get(f"/governance/meetings/{meeting.pk}/").content.decode()
    assert f"Vote: 1 for, 0 against, 0 abstained ({voter.full_name}: for)" in html
