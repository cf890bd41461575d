"""Minutes and decision notices are named with the body and the date."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from partnerplan.governance.models import Decision
from partnerplan.governance.tests.factories import (
    AgendaItemFactory,
    HeldMeetingFactory,
    RecommendationFactory,
)
from partnerplan.reports.views.documents import dated_name


def test_it_names_a_file_with_the_body_and_date():
    name = dated_name("Joint Committee", "minutes", dt.date(2010, 12, 17))
    assert name == "joint-committee-minutes-2010-12-17"


def test_it_serves_the_minutes_and_decision_notice_with_dated_names(world):
    meeting = HeldMeetingFactory.create(body=world.body)
    item = AgendaItemFactory.create(meeting=meeting, number=3)
    recommendation = RecommendationFactory.create(item=item, number=1)
    decision = Decision.objects.create(
        recommendation=recommendation, meeting=meeting, body=world.body, outcome="approved",
        reasons="The plan is sound.", decided_on=dt.date(2010, 12, 17),
    )  # fmt: skip
    client = world.client("admin")
    body = world.body.name
    minutes = client.get(reverse("reports:minutes", args=[meeting.pk]))
    expected = dated_name(body, "minutes", dt.date(2010, 12, 17))
    assert f'filename="{expected}.pdf"' in minutes["Content-Disposition"]
    word = client.get(reverse("reports:minutes", args=[meeting.pk]), {"format": "docx"})
    assert f'filename="{expected}.docx"' in word["Content-Disposition"]
    notice = client.get(reverse("reports:decision-notice", args=[decision.pk]))
    named = dated_name(body, "decision notice", dt.date(2010, 12, 17))
    assert named.endswith("-decision-notice-2010-12-17")
    assert f'filename="{named}.pdf"' in notice["Content-Disposition"]
