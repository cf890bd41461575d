"""The statutory lists: special-urgency decisions per body and municipal year (with a CSV for
the annual report to council), and exemptions due for review, each in a pinned number of
queries."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from partnerplan.core import clock
from partnerplan.governance import services
from partnerplan.governance.models import ExceptionKind, MemberRole
from partnerplan.governance.selectors.cycle import municipal_year_of
from partnerplan.governance.services.key_decisions import key_decision_exception_record
from partnerplan.governance.services.officers import statutory_officers_name
from partnerplan.governance.tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    BodyMembershipFactory,
    HeldMeetingFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def urgent(world):
    scrutiny = BodyFactory.create(name="Scrutiny Committee", kind="scrutiny")
    chair = BodyMembershipFactory.create(body=scrutiny, role=MemberRole.CHAIR).person
    world.body.scrutinised_by = scrutiny
    world.body.save()
    other = BodyFactory.create(name="Cabinet")
    made = []
    for body, agreed, title in (
        (world.body, dt.date(2010, 12, 10), "=HYPERLINK(call on reserves)"),
        (world.body, dt.date(2011, 4, 30), "Last day of 2010/11"),
        (world.body, dt.date(2011, 5, 1), "First day of 2011/12"),
        (other, dt.date(2010, 12, 20), "Cabinet's urgent call"),
    ):
        entry = services.forward_plan_add(
            actor=None, body=body, title=title, decision_due=agreed + dt.timedelta(days=3),
            notice_given_on=agreed,
        )  # fmt: skip
        made.append(
            key_decision_exception_record(
                actor=None,
                entry=entry,
                kind=ExceptionKind.SPECIAL_URGENCY,
                reasons="Urgent",
                chair=chair,
                agreed_on=agreed,
                notice_published_on=agreed,
            )  # fmt: skip
        )
    return other, made


def test_it_counts_the_municipal_year_from_the_first_of_may():
    assert municipal_year_of(dt.date(2011, 4, 30)) == 2010
    assert municipal_year_of(dt.date(2011, 5, 1)) == 2011


def test_it_lists_special_urgency_decisions_of_one_body_and_year(world, urgent, assert_queries):
    client = world.client("public")
    # The municipal years, the chosen body, the body picker and the list.
    with assert_queries(4, "The special-urgency list for a body and year"):
        html = client.get(
            f"/governance/forward-plan/special-urgency/?body={world.body.pk}&year=2010"
        ).content.decode()
    assert "Last day of 2010/11" in html and "call on reserves" in html
    assert "First day of 2011/12" not in html and "Cabinet&#x27;s urgent call" not in html
    assert "Special-urgency decisions: Joint Committee, 2010/11" in html or "2010/11" in html


def test_it_downloads_the_special_urgency_list_as_csv_without_formulae(world, urgent):
    response = world.client("public").get("/governance/forward-plan/special-urgency/csv/?year=2010")
    assert response["Content-Type"].startswith("text/csv")
    assert "special-urgency-decisions-2010-11.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["Municipal year", "Body", "Decision"]
    titles = {r[2] for r in rows[1:]}
    expected = {"'=HYPERLINK(call on reserves)", "Last day of 2010/11", "Cabinet's urgent call"}
    assert titles == expected
    assert all(r[0] == "2010/11" for r in rows[1:])


def test_it_is_reachable_from_the_forward_plan(world):
    html = world.client("public").get("/governance/forward-plan/").content.decode()
    assert "/governance/forward-plan/special-urgency/" in html


@pytest.fixture
def exempt(world):
    meeting = HeldMeetingFactory.create(body=world.body)
    rows = {}
    for n, (title, review) in enumerate(
        (
            ("Land values", dt.date(2010, 12, 1)),
            ("Contract terms", dt.date(2010, 12, 20)),
            ("Staffing", dt.date(2011, 3, 1)),
            ("No review date", None),
        ),
        start=1,
    ):
        rows[title] = AgendaItemFactory.create(
            meeting=meeting, number=n, title=title, visibility="exempt", exempt_paragraph=3,
            public_heading=f"Exempt item {n}", exemption_review_on=review,
        )  # fmt: skip
    statutory_officers_name(
        actor=None, finance=world.users["admin"].person, legal=world.users["officer"].person
    )
    return rows


def test_it_lists_the_exemptions_due_for_review_to_the_legal_officer(
    world, exempt, assert_queries, monkeypatch
):
    monkeypatch.setattr(clock, "today", lambda: dt.date(2010, 12, 13))
    client = world.client("officer")
    with assert_queries(6, "The exemptions due for review"):
        html = client.get("/governance/exempt-reviews/").content.decode()
    # Public headings only: the list discloses nothing exempt.
    assert "Exempt item 1" in html and "Overdue" in html and "Land values" not in html
    assert "Exempt item 2" in html
    assert "Exempt item 3" not in html and "Exempt item 4" not in html


def test_it_refuses_the_review_list_to_a_member(world, exempt):
    assert world.client("member").get("/governance/exempt-reviews/").status_code == 403
