from __future__ import annotations

import datetime as dt

from partnerplan.governance import services
from partnerplan.governance.tests.factories import (
    BodyFactory,
    BodyMembershipFactory,
    DelegationFactory,
    MeetingFactory,
)
from partnerplan.governance.tests.helpers import error_list


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


def test_it_draws_the_structure_with_a_text_alternative(world):
    sab = BodyFactory.create(name="Strategic Advisory Board", kind="board")
    services.reporting_line_add(actor=None, source=sab, target=world.body, label="monthly")
    html = world.client("public").get("/governance/structure/").content.decode()
    assert "<svg" in html and 'role="img"' in html
    assert "Strategic Advisory Board reports to Joint Committee" in html


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
    assert any("does not have that power itself" in e for e in error_list(response))
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
    assert any("100" in e for e in error_list(response))
    response = client.post("/governance/bodies/new/", _body_data(name="joint committee"))
    assert response.status_code == 400
    assert error_list(response) == [
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
    assert error_list(response) == [
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
    assert error_list(response) == ["Strategic Advisory Board already reports to Joint Committee"]
    response = client.post(
        f"/governance/bodies/{world.body.pk}/reporting-lines/new/",
        {"target": sab.pk, "style": "reports_to"},
    )
    assert response.status_code == 400
    assert "cannot also report to" in error_list(response)[0]
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
    assert response.status_code == 400 and "already ended" in error_list(response)[0]
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
    assert error_list(response) == [
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
        and "already ended on Thursday 31 March 2011" in error_list(response)[0]
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
        options_considered="None", declared_interests="None",
    )  # fmt: skip
    url = f"/governance/delegations/{delegation.pk}/revoke/"
    response = client.post(url, {"ends_on_day": "15", "ends_on_month": "1", "ends_on_year": "2011"})
    assert response.status_code == 400
    assert error_list(response) == [
        "A decision was taken under this delegation on Tuesday 1 February 2011: "
        "it cannot end before then"
    ]
    response = client.post(url, {"ends_on_day": "28", "ends_on_month": "2", "ends_on_year": "2011"})
    assert response.status_code == 302
    delegation.refresh_from_db()
    assert delegation.status == "revoked" and delegation.ends_on == dt.date(2011, 2, 28)
    response = client.post(url, {"ends_on_day": "1", "ends_on_month": "3", "ends_on_year": "2011"})
    assert response.status_code == 400 and error_list(response) == [
        "This delegation has already been revoked"
    ]
