from __future__ import annotations

import datetime as dt
import re
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from icalendar import Calendar

from partnerplan.core.models import Visibility
from partnerplan.governance import services
from partnerplan.governance.models import (
    Decision,
    ExemptAccess,
    Meeting,
    MeetingStatus,
    MemberRole,
    Outcome,
    Vote,
)
from partnerplan.governance.tests.factories import (
    ActionFactory,
    AgendaItemFactory,
    AttendanceFactory,
    BodyFactory,
    BodyMembershipFactory,
    CancelledMeetingFactory,
    DelegationFactory,
    ExemptItemFactory,
    HeldMeetingFactory,
    MeetingFactory,
    PublishedMeetingFactory,
    RecommendationFactory,
    at,
)


def _errors(response) -> list[str]:
    html = response.content.decode()
    block = re.search(r'govuk-error-summary__list">(.*?)</ul>', html, re.S)
    return re.findall(r"<li>(?:<a [^>]*>)?([^<]+)", block.group(1)) if block else []


# --- Query counts --------------------------------------------------------------------------


def test_it_lists_bodies_in_a_fixed_number_of_queries(world, assert_queries):
    for _ in range(5):
        BodyMembershipFactory.create(body=BodyFactory.create())
    client = world.client("officer")
    # session, user, viewer x2, bodies with member counts
    with assert_queries(5, "The bodies list"):
        response = client.get("/governance/")
    assert response.status_code == 200


def test_it_shows_a_body_in_a_fixed_number_of_queries(world, assert_queries):
    for _ in range(3):
        BodyMembershipFactory.create(body=world.body)
        MeetingFactory.create(body=world.body)
    client = world.client("officer")
    # session, user, viewer x2, body, members, powers, delegations made (+ their bodies),
    # delegations held (with the delegating body), meetings, reporting lines both ways
    with assert_queries(12, "The body page"):
        response = client.get(f"/governance/bodies/{world.body.pk}/")
    assert response.status_code == 200


def _busy_meeting(body):
    meeting = HeldMeetingFactory.create(body=body)
    for n in range(1, 4):
        item = AgendaItemFactory.create(meeting=meeting, number=n)
        for r in range(1, 3):
            rec = RecommendationFactory.create(item=item, number=r)
            decision = Decision.objects.create(
                recommendation=rec, meeting=meeting, body=body, outcome=Outcome.APPROVED,
                decided_on=meeting.date, votes_for=2, votes_against=0, abstentions=0,
            )  # fmt: skip
            for _ in range(2):
                Vote.objects.create(
                    decision=decision, person=AttendanceFactory.create(meeting=meeting).person,
                    choice="for",
                )  # fmt: skip
    ExemptItemFactory.create(meeting=meeting, number=9)
    for _ in range(3):
        AttendanceFactory.create(meeting=meeting)
        ActionFactory.create(
            body=body, meeting=HeldMeetingFactory.create(body=body, starts_at=at(2010, 10, 1))
        )
    return meeting


def test_it_shows_a_meeting_in_a_fixed_number_of_queries(world, assert_queries):
    meeting = _busy_meeting(world.body)
    client = world.client("member")
    # session, user, viewer x2, meeting (with body and minutes), items, recommendations (with
    # decisions), named votes (with their people), visible items, attendance, voting members,
    # open actions, carried business (minutes corrections are read only when there are minutes)
    with assert_queries(13, "The meeting page"):
        response = client.get(f"/governance/meetings/{meeting.pk}/")
    assert response.status_code == 200


def test_it_lists_decisions_in_a_fixed_number_of_queries(world, assert_queries):
    _busy_meeting(world.body)  # six decisions, with named votes
    client = world.client("public")
    # count, decisions (with body, meeting and item); the public has no session
    with assert_queries(2, "The decision register"):
        response = client.get("/governance/decisions/")
    assert response.status_code == 200
    assert (
        "Body" not in response.content.decode() or "recommendation 2" in response.content.decode()
    )


@pytest.fixture
def registers(world):
    """A few rows in every register, so that an N+1 query would show."""
    from decimal import Decimal

    from partnerplan.governance.models import PowerKind
    from partnerplan.governance.tests.factories import DelegationFactory

    director = BodyFactory.create(name="Director", kind="office_holder")
    holder = BodyMembershipFactory.create(body=director).person
    services.power_add(actor=None, body=world.body, kind=PowerKind.DRAW_CONTINGENCY)
    delegation = DelegationFactory.create(from_body=world.body, to_bodies=[director])
    services.reporting_line_add(actor=None, source=director, target=world.body)
    for n in range(3):
        services.officer_decision_record(
            actor=None, delegation=delegation, taken_by=director, decided_by=holder, title=f"D{n}",
            decision="Spend", reasons="Needed", amount=Decimal(1000),
            decided_on=dt.date(2011, 1, 3),
        )  # fmt: skip
        services.forward_plan_add(
            actor=None, body=world.body, title=f"F{n}", decision_due=dt.date(2030, 6, 1),
            notice_given_on=dt.date(2030, 1, 1),
        )  # fmt: skip
        services.matter_create(
            actor=None, title=f"M{n}", bodies=[world.body, director], visibility=Visibility.PUBLIC
        )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/governance/delegated-decisions/", 2),  # count, decisions with bodies and people
        ("/governance/forward-plan/", 1),  # entries with bodies and meetings
        ("/governance/matters/", 2),  # matters, tracks with bodies
        ("/governance/structure/", 4),  # bodies, reporting lines, delegations, their bodies
    ],
)
def test_it_shows_registers_in_a_fixed_number_of_queries(
    world, registers, assert_queries, url, expected
):
    client = world.client("public")
    with assert_queries(expected, url):
        response = client.get(url)
    assert response.status_code == 200


def test_it_lists_my_actions_in_a_fixed_number_of_queries(world, assert_queries):
    officer = world.users["officer"].person
    for _ in range(4):
        ActionFactory.create(body=world.body, owner=officer)
    client = world.client("officer")
    # session, user, viewer x2, actions with body and meeting
    with assert_queries(5, "My actions"):
        response = client.get("/governance/actions/mine/")
    html = response.content.decode()
    assert html.count(">Open</strong>") == 4


# --- Exempt items --------------------------------------------------------------------------


def test_it_shows_the_public_only_the_heading_and_paragraph_of_an_exempt_item(world):
    meeting = PublishedMeetingFactory.create(body=world.body)
    item = ExemptItemFactory.create(meeting=meeting, number=4)
    html = world.client("public").get(f"/governance/meetings/{meeting.pk}/").content.decode()
    assert "Contract negotiations" in html and "Financial or business affairs" in html
    assert "Confidential figures" not in html
    response = world.client("public").get(f"/governance/items/{item.pk}/")
    assert response.status_code == 403
    assert "Confidential figures" not in response.content.decode()
    assert not ExemptAccess.objects.exists()


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


# --- Forms ---------------------------------------------------------------------------------


def test_it_refuses_an_agenda_item_for_a_past_meeting_on_the_form(world):
    meeting = MeetingFactory.create(body=world.body, starts_at=at(2010, 12, 17))
    response = world.client("admin").post(
        f"/governance/meetings/{meeting.pk}/items/new/", {"title": "Late", "kind": "report"}
    )
    assert response.status_code == 400
    assert any("is in the past" in e for e in _errors(response))


def test_it_records_a_decision_through_the_form(world):
    meeting = HeldMeetingFactory.create(body=world.body)
    rec = RecommendationFactory.create(item=AgendaItemFactory.create(meeting=meeting, number=3))
    client = world.client("admin")
    response = client.post(
        f"/governance/recommendations/{rec.pk}/decide/",
        {"outcome": "approved", "reasons": "Agreed"},
    )
    assert response.status_code == 400
    assert any("not quorate" in e for e in _errors(response))
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


def test_it_schedules_and_publishes_through_the_forms(world, django_capture_on_commit_callbacks):
    client = world.client("admin")
    response = client.post(
        f"/governance/bodies/{world.body.pk}/meetings/new/",
        {
            "date_day": "15",
            "date_month": "3",
            "date_year": "2030",
            "start_time": "10:00",
            "venue": "Stafford",
        },
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.starts_at == at(2030, 3, 15)
    response = client.post(
        f"/governance/meetings/{meeting.pk}/items/new/", {"title": "Work plan", "kind": "report"}
    )
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/governance/meetings/{meeting.pk}/publish/", {"urgency_reason": ""}
        )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.AGENDA_PUBLISHED
    assert any("Agenda published" in m.subject for m in mail.outbox)


def test_it_refuses_a_bad_time(world):
    response = world.client("admin").post(
        f"/governance/bodies/{world.body.pk}/meetings/new/",
        {"date_day": "15", "date_month": "3", "date_year": "2030", "start_time": "25:00"},
    )
    assert response.status_code == 400
    assert "Start time must be a time like 10:00 or 14:30" in _errors(response)
    assert not Meeting.objects.exists()


def test_it_lets_an_owner_update_their_action(world):
    action = ActionFactory.create(body=world.body, owner=world.users["officer"].person)
    response = world.client("officer").post(
        f"/governance/actions/{action.pk}/update/", {"status": "done", "progress": "Sent"}
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == "done" and action.completed_on is not None


# --- Calendars -----------------------------------------------------------------------------


def test_it_keeps_the_uid_and_marks_cancellations_in_the_calendar(world):
    moved = PublishedMeetingFactory.create(body=world.body)
    services.meeting_reschedule(
        actor=None,
        meeting=moved,
        starts_at=at(2030, 3, 22),
        reason="Room",
        today=dt.date(2030, 1, 1),
    )
    cancelled = CancelledMeetingFactory.create(body=world.body, starts_at=at(2030, 4, 1))
    data = world.client("public").get(f"/governance/bodies/{world.body.pk}/calendar.ics").content
    events = {str(e["UID"]): e for e in Calendar.from_ical(data).walk("VEVENT")}
    assert int(events[moved.uid]["SEQUENCE"]) == 1
    assert events[moved.uid].decoded("DTSTART") == at(2030, 3, 22)
    assert str(events[cancelled.uid]["STATUS"]) == "CANCELLED"


def test_it_gives_a_person_the_meetings_of_their_bodies(world):
    MeetingFactory.create(body=world.body)
    MeetingFactory.create(body=BodyFactory.create(name="Other body"))
    member = world.users["member"].person
    data = world.client("member").get(f"/governance/people/{member.pk}/calendar.ics").content
    assert len(Calendar.from_ical(data).walk("VEVENT")) == 1


# --- Structure, commands, demo -------------------------------------------------------------


def test_it_draws_the_structure_with_a_text_alternative(world):
    sab = BodyFactory.create(name="Strategic Advisory Board", kind="board")
    services.reporting_line_add(actor=None, source=sab, target=world.body, label="monthly")
    html = world.client("public").get("/governance/structure/").content.decode()
    assert "<svg" in html and 'role="img"' in html
    assert "Strategic Advisory Board reports to Joint Committee" in html


def test_it_reminds_owners_of_overdue_actions_from_the_command(
    world, django_capture_on_commit_callbacks
):
    owner = world.users["officer"].person
    owner.email = "olive@example.org"
    owner.save()
    ActionFactory.create(body=world.body, owner=owner, due_on=dt.date(2011, 1, 1))
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("notify_overdue_actions", stdout=out)
    assert "1 overdue action" in out.getvalue()
    assert mail.outbox[-1].to == ["olive@example.org"]


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
    december = services.meeting_mark_held(actor=clerk, meeting=december)
    services.meeting_record_attendance(actor=clerk, meeting=december, present=[member])
    # Approving 2.4 posts the contingency call to the ledger (the finance app's effect), which
    # needs a signed-in actor.
    decision = services.decision_record(
        actor=clerk, recommendation=recs[3], outcome="approved", reasons="Agreed"
    )
    assert (
        str(decision)
        == "Staffordshire Connects Joint Committee, 17 December 2010, item 3, recommendation 4"
    )


# --- Terms of reference and delegations ----------------------------------------------------


def test_it_adds_members_powers_and_delegations_through_the_forms(world):
    client = world.client("admin")
    body = world.body
    director = BodyFactory.create(name="Partnership Director", kind="office_holder")
    person = world.users["officer"].person
    response = client.post(
        f"/governance/bodies/{director.pk}/members/new/", {"person": person.pk, "role": "member"}
    )
    assert response.status_code == 302
    assert director.memberships.get().represents == person.partner
    data = {"to_bodies": [director.pk], "power": "draw_contingency", "purpose": "Contingency",
            "financial_limit": "85000", "limit_is_total": "on"}  # fmt: skip
    response = client.post(f"/governance/bodies/{body.pk}/delegations/new/", data)
    assert response.status_code == 400
    assert any("does not have that power itself" in e for e in _errors(response))
    response = client.post(
        f"/governance/bodies/{body.pk}/powers/new/", {"kind": "draw_contingency"}
    )
    assert response.status_code == 302
    response = client.post(f"/governance/bodies/{body.pk}/delegations/new/", data)
    assert response.status_code == 302
    from partnerplan.governance.models import Delegation

    delegation = Delegation.objects.get()
    assert delegation.status == "proposed" and delegation.limit_is_total
    response = client.post(
        f"/governance/delegations/{delegation.pk}/in-force/",
        {"starts_on_day": "1", "starts_on_month": "1", "starts_on_year": "2011"},
    )
    assert response.status_code == 302
    delegation.refresh_from_db()
    assert delegation.status == "in_force"
    html = client.get(f"/governance/bodies/{director.pk}/").content.decode()
    assert "Record a decision under it" in html


def test_it_starts_a_twin_track_matter_through_the_form(world):
    other = BodyFactory.create(name="Leaders and Chief Executives Group", kind="external")
    client = world.client("admin")
    response = client.post(
        "/governance/matters/new/",
        {"title": "One Place supplier role", "bodies": [world.body.pk], "rule": "all",
         "visibility": "public"},
    )  # fmt: skip
    assert response.status_code == 400
    assert any("at least two bodies" in e for e in _errors(response))
    response = client.post(
        "/governance/matters/new/",
        {"title": "One Place supplier role", "bodies": [world.body.pk, other.pk], "rule": "all",
         "visibility": "public"},
    )  # fmt: skip
    assert response.status_code == 302
    html = world.client("public").get(response["Location"]).content.decode()
    assert "Awaiting approval" in html


# --- Bodies, reporting lines, memberships, delegations: the clerk's pages --------------------


def _body_data(**changes):
    data = {"name": "Strategic Advisory Board", "abbreviation": "SAB", "kind": "board",
            "cadence": "monthly", "quorum_minimum": "3", "quorum_fraction": "0",
            "agenda_notice_days": "5", "requires_reasons": "on",
            "visibility": "public"}  # fmt: skip
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_it_creates_a_body_through_the_form_and_refuses_bad_input(world):
    from partnerplan.governance.models import Body

    client = world.client("admin")
    before = Body.objects.count()
    response = client.post("/governance/bodies/new/", _body_data(quorum_fraction="150"))
    assert response.status_code == 400
    assert any("100" in e for e in _errors(response))
    response = client.post("/governance/bodies/new/", _body_data(name="joint committee"))
    assert response.status_code == 400
    assert _errors(response) == [
        "There is already a body called joint committee: choose another name"
    ]
    assert Body.objects.count() == before
    response = client.post(
        "/governance/bodies/new/",
        _body_data(parent=str(world.body.pk), notice_counts_bank_holidays="on"),
    )
    assert response.status_code == 302
    sab = Body.objects.get(abbreviation="SAB")
    assert (sab.parent, sab.cadence, sab.quorum_minimum) == (world.body, "monthly", 3)
    assert sab.notice_counts_bank_holidays and not sab.notice_counts_weekends
    assert response["Location"] == f"/governance/bodies/{sab.pk}/"


def test_it_changes_a_body_and_refuses_a_circular_parent(world):
    client = world.client("admin")
    child = BodyFactory.create(name="Working group", parent=world.body)
    response = client.get(f"/governance/bodies/{world.body.pk}/edit/")
    assert response.status_code == 200 and 'value="Joint Committee"' in response.content.decode()
    response = client.post(
        f"/governance/bodies/{world.body.pk}/edit/",
        _body_data(name="Joint Committee", kind="joint_committee", parent=str(child.pk)),
    )
    assert response.status_code == 400
    assert _errors(response) == [
        "Joint Committee cannot be part of Working group: "
        "Working group is already part of Joint Committee"
    ]
    world.body.refresh_from_db()
    assert world.body.parent is None and world.body.cadence == "ad_hoc"
    response = client.post(
        f"/governance/bodies/{world.body.pk}/edit/",
        _body_data(name="Joint Committee", kind="joint_committee", agenda_notice_days="7",
                   notice_counts_weekends="on", quorum_fraction="50"),
    )  # fmt: skip
    assert response.status_code == 302
    world.body.refresh_from_db()
    assert world.body.agenda_notice_days == 7 and world.body.notice_counts_weekends
    assert world.body.quorum_fraction == 50 and world.body.cadence == "monthly"


def test_it_adds_and_ends_reporting_lines_through_the_forms(world):
    client = world.client("admin")
    sab = BodyFactory.create(name="Strategic Advisory Board", kind="board")
    url = f"/governance/bodies/{sab.pk}/reporting-lines/new/"
    response = client.post(
        url, {"target": world.body.pk, "style": "reports_to", "label": "monthly"}
    )
    assert response.status_code == 302
    response = client.post(url, {"target": world.body.pk, "style": "reports_to"})
    assert response.status_code == 400
    assert _errors(response) == ["Strategic Advisory Board already reports to Joint Committee"]
    response = client.post(
        f"/governance/bodies/{world.body.pk}/reporting-lines/new/",
        {"target": sab.pk, "style": "reports_to"},
    )
    assert response.status_code == 400
    assert "cannot also report to" in _errors(response)[0]
    line = sab.reports_to.get()
    assert "Strategic Advisory Board" in client.get("/governance/structure/").content.decode()
    yesterday = dt.date.today() - dt.timedelta(days=1)
    response = client.post(
        f"/governance/reporting-lines/{line.pk}/end/",
        {"ended_on_day": yesterday.day, "ended_on_month": yesterday.month,
         "ended_on_year": yesterday.year},
    )  # fmt: skip
    assert response.status_code == 302
    line.refresh_from_db()
    assert line.ended_on == yesterday
    html = client.get(f"/governance/bodies/{sab.pk}/").content.decode()
    assert "Reports to" not in html
    response = client.post(
        f"/governance/reporting-lines/{line.pk}/end/",
        {"ended_on_day": "1", "ended_on_month": "1", "ended_on_year": "2031"},
    )
    assert response.status_code == 400 and "already ended" in _errors(response)[0]
    # Ended, the line can be drawn again.
    response = client.post(url, {"target": world.body.pk, "style": "twin_track"})
    assert response.status_code == 302


def test_it_ends_a_membership_and_refuses_bad_dates(world):
    client = world.client("admin")
    membership = BodyMembershipFactory.create(body=world.body, started_on=dt.date(2010, 6, 1))
    url = f"/governance/memberships/{membership.pk}/end/"
    response = client.post(
        url, {"ended_on_day": "1", "ended_on_month": "5", "ended_on_year": "2010"}
    )
    assert response.status_code == 400
    assert _errors(response) == [
        "The membership cannot end before it started, on Tuesday 1 June 2010"
    ]
    membership.refresh_from_db()
    assert membership.ended_on is None
    response = client.post(
        url, {"ended_on_day": "31", "ended_on_month": "3", "ended_on_year": "2011"}
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.ended_on == dt.date(2011, 3, 31)
    assert (
        membership.person.full_name
        not in client.get(f"/governance/bodies/{world.body.pk}/").content.decode()
    )
    response = client.post(
        url, {"ended_on_day": "1", "ended_on_month": "4", "ended_on_year": "2011"}
    )
    assert (
        response.status_code == 400
        and "already ended on Thursday 31 March 2011" in _errors(response)[0]
    )


def test_it_revokes_a_delegation_but_not_before_decisions_taken_under_it(world):
    from partnerplan.governance.models import PowerKind

    client = world.client("admin")
    director = BodyFactory.create(name="Partnership Director", kind="office_holder")
    holder = BodyMembershipFactory.create(body=director).person
    services.power_add(actor=None, body=world.body, kind=PowerKind.DRAW_CONTINGENCY)
    delegation = DelegationFactory.create(
        from_body=world.body, to_bodies=[director], starts_on=dt.date(2011, 1, 1)
    )
    services.officer_decision_record(
        actor=None, delegation=delegation, taken_by=director, decided_by=holder,
        title="Draw", decision="Draw on it", reasons="Needed", decided_on=dt.date(2011, 2, 1),
    )  # fmt: skip
    url = f"/governance/delegations/{delegation.pk}/revoke/"
    response = client.post(url, {"ends_on_day": "15", "ends_on_month": "1", "ends_on_year": "2011"})
    assert response.status_code == 400
    assert _errors(response) == [
        "A decision was taken under this delegation on Tuesday 1 February 2011: "
        "it cannot end before then"
    ]
    response = client.post(url, {"ends_on_day": "28", "ends_on_month": "2", "ends_on_year": "2011"})
    assert response.status_code == 302
    delegation.refresh_from_db()
    assert delegation.status == "revoked" and delegation.ends_on == dt.date(2011, 2, 28)
    response = client.post(url, {"ends_on_day": "1", "ends_on_month": "3", "ends_on_year": "2011"})
    assert response.status_code == 400 and _errors(response) == [
        "This delegation has already been revoked"
    ]


def test_it_schedules_meetings_from_the_cadence_through_the_form(world):
    client = world.client("admin")
    url = f"/governance/bodies/{world.body.pk}/meetings/series/"
    data = {"date_day": "31", "date_month": "1", "date_year": "2031", "start_time": "10:00",
            "end_time": "12:00", "count": "3", "venue": "Stafford"}  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 400
    assert _errors(response) == [
        "Joint Committee meets as needed: schedule its meetings one at a time"
    ]
    assert not Meeting.objects.exists()
    services.body_update(actor=None, body=world.body, cadence="monthly")
    response = client.post(url, {**data, "date_year": "2010"})
    assert response.status_code == 400
    assert "must be today or later" in _errors(response)[0]
    assert not Meeting.objects.exists()
    response = client.post(url, data)
    assert response.status_code == 302
    meetings = list(Meeting.objects.order_by("starts_at"))
    assert [m.date for m in meetings] == [
        dt.date(2031, 1, 31), dt.date(2031, 2, 28), dt.date(2031, 3, 31)
    ]  # fmt: skip
    # Across the change to summer time the meetings stay at 10:00 to 12:00 local time.
    assert at(2031, 3, 31) == meetings[2].starts_at
    assert meetings[2].ends_at == at(2031, 3, 31, 12)
    assert {m.venue for m in meetings} == {"Stafford"}


# --- Named votes ---------------------------------------------------------------------------


def test_it_records_a_named_vote_and_refuses_a_co_opted_members_vote(world, assert_queries):
    client = world.client("admin")
    meeting = HeldMeetingFactory.create(body=world.body)
    rec = RecommendationFactory.create(item=AgendaItemFactory.create(meeting=meeting))
    voter = AttendanceFactory.create(meeting=meeting).person
    co_opted = AttendanceFactory.create(meeting=meeting, role=MemberRole.CO_OPTED).person
    url = f"/governance/recommendations/{rec.pk}/decide/"
    # session, user, viewer x2, recommendation, attendance
    with assert_queries(6, "The decision form"):
        html = client.get(url).content.decode()
    assert "Recorded vote (optional)" in html and "(co-opted (non-voting))" in html
    data = {"outcome": "approved", "reasons": "Agreed", f"vote_{voter.pk}": "for",
            f"vote_{co_opted.pk}": "against"}  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 400
    assert _errors(response) == [
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


# --- Private calendar addresses ------------------------------------------------------------


def _uids(response) -> set[str]:
    return {str(e["UID"]) for e in Calendar.from_ical(response.content).walk("VEVENT")}


def test_it_gives_a_calendar_app_a_persons_non_public_meetings_at_a_secret_address(
    world, assert_queries
):
    member = world.users["member"].person
    public = MeetingFactory.create(body=world.body)
    private_body = BodyFactory.create(name="Working group", visibility=Visibility.PARTNERSHIP)
    BodyMembershipFactory.create(body=private_body, person=member)
    private = MeetingFactory.create(body=private_body)
    secret_body = BodyFactory.create(
        name="Confidential panel", visibility=Visibility.EXEMPT, exempt_paragraph=3
    )
    BodyMembershipFactory.create(body=secret_body, person=member)
    secret = MeetingFactory.create(body=secret_body)
    MeetingFactory.create(body=BodyFactory.create(name="Not theirs"))

    client = world.client("member")
    assert "Make my calendar address" in client.get("/governance/calendar/").content.decode()
    assert client.post("/governance/calendar/").status_code == 302
    feed = member.calendar_feed
    with assert_queries(5, "The calendar page"):
        html = client.get("/governance/calendar/").content.decode()
    assert f"/governance/calendar/{feed.pk}.ics" in html

    anonymous = world.client("public")
    # feed with person, account, viewer x2 (roles, memberships), meetings
    with assert_queries(5, "The private calendar"):
        response = anonymous.get(f"/governance/calendar/{feed.pk}.ics")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, max-age=900"
    assert _uids(response) == {public.uid, private.uid, secret.uid}
    # Without the address, the public sees only the public meeting.
    response = anonymous.get(f"/governance/bodies/{private_body.pk}/calendar.ics")
    assert response.status_code == 404


def test_it_replaces_a_calendar_address_and_the_old_one_stops_working(world):
    client = world.client("member")
    client.post("/governance/calendar/")
    member = world.users["member"].person
    old = member.calendar_feed.pk
    response = client.post("/governance/calendar/")
    assert response.status_code == 302
    member.refresh_from_db()
    new = member.calendar_feed.pk
    assert new != old and len(new) >= 40
    anonymous = world.client("public")
    assert anonymous.get(f"/governance/calendar/{old}.ics").status_code == 404
    assert anonymous.get(f"/governance/calendar/{new}.ics").status_code == 200
    assert anonymous.get("/governance/calendar/not-a-token.ics").status_code == 404


def test_it_stops_a_calendar_address_when_the_account_is_closed(world):
    user = world.users["member"]
    feed = services.calendar_feed_renew(actor=user, person=user.person)
    user.is_active = False
    user.save()
    assert world.client("public").get(f"/governance/calendar/{feed.pk}.ics").status_code == 404


def test_it_refuses_a_calendar_address_to_an_account_without_a_person(world):
    from partnerplan.governance.models import CalendarFeed
    from partnerplan.partners.tests.factories import UserFactory

    user = UserFactory.create(username="nobody", person=None)
    client = world.client("public")
    client.force_login(user)
    response = client.post("/governance/calendar/")
    assert response.status_code == 400
    assert "not linked to a person in the directory" in response.content.decode()
    assert not CalendarFeed.objects.exists()
