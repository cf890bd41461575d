"""Pinned query counts for the governance pages that had none (N+1 queries would show)."""

from __future__ import annotations

import pytest

from partnerplan.core.models import Visibility
from partnerplan.governance import services
from partnerplan.governance.tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    BodyMembershipFactory,
    MeetingFactory,
    RecommendationFactory,
)
from partnerplan.governance.tests.helpers import busy_meeting

pytestmark = pytest.mark.django_db


def test_it_shows_a_matter_in_a_fixed_number_of_queries(world, assert_queries):
    other = BodyFactory.create(name="Leaders and Chief Executives Group", kind="external")
    matter = services.matter_create(
        actor=None, title="One Place", bodies=[world.body, other], visibility=Visibility.PUBLIC
    )
    for _ in range(3):
        RecommendationFactory.create(matter=matter)
    client = world.client("officer")
    with assert_queries(7, "The matter page"):
        response = client.get(f"/governance/matters/{matter.pk}/")
    assert response.status_code == 200


def test_it_shows_an_agenda_item_in_a_fixed_number_of_queries(world, assert_queries):
    item = AgendaItemFactory.create(meeting=MeetingFactory.create(body=world.body))
    for _ in range(3):
        RecommendationFactory.create(item=item)
    client = world.client("officer")
    # ... and the declarations of interest recorded against it
    with assert_queries(8, "The agenda item page"):
        response = client.get(f"/governance/items/{item.pk}/")
    assert response.status_code == 200


def test_it_gives_a_bodys_calendar_in_a_fixed_number_of_queries(world, assert_queries):
    for _ in range(3):
        MeetingFactory.create(body=world.body)
    client = world.client("public")
    with assert_queries(9, "The body's calendar"):
        response = client.get(f"/governance/bodies/{world.body.pk}/calendar.ics")
    assert response.status_code == 200


def test_it_gives_a_persons_calendar_in_a_fixed_number_of_queries(world, assert_queries):
    person = BodyMembershipFactory.create(body=world.body).person
    for _ in range(3):
        MeetingFactory.create(body=world.body)
    client = world.client("officer")
    with assert_queries(6, "The person's calendar"):
        response = client.get(f"/governance/people/{person.pk}/calendar.ics")
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # the meeting page's selector (items, votes, declarations, supplementary agendas,
        # attendance, quorum, actions), the supplements and substitutes again, members x2
        ("meetings/{meeting}/attendance/", 19),
        # the meeting page's selector (with declarations, supplementary agendas and
        # substitutes), its minutes, the later meetings, the members who may sign
        ("meetings/{meeting}/minutes/approve/", 19),
        # session, user, viewer x2, the recommendation, the voters present
        ("recommendations/{rec}/decide/", 7),  # and its key decision, if it is one
        # session, user, viewer x2, the body page's selector, the parent bodies
        ("bodies/{body}/edit/", 14),  # and the overview and scrutiny committee picker
        # session, user, viewer x2, the bodies to choose from
        ("forward-plan/new/", 5),
    ],
)
def test_it_shows_the_clerks_forms_in_a_fixed_number_of_queries(
    world, assert_queries, page, expected
):
    meeting = busy_meeting(world.body)
    services.minutes_save_draft(actor=None, meeting=meeting, text="Minutes")
    rec = RecommendationFactory.create(item=meeting.items.first(), number=9)
    url = "/governance/" + page.format(meeting=meeting.pk, rec=rec.pk, body=world.body.pk)
    client = world.client("admin")
    with assert_queries(expected, url):
        response = client.get(url)
    assert response.status_code == 200
