"""Business case pages."""

from __future__ import annotations

import datetime as dt

from partnerplan.governance import services as governance
from partnerplan.governance.models import PowerKind
from partnerplan.governance.tests.factories import (
    BodyFactory,
    HeldMeetingFactory,
    PowerFactory,
)
from partnerplan.portfolio.tests.views._helpers import _error_summary


def test_it_approves_a_business_case_on_the_page_only_on_a_decision_that_covers_it(world):
    from partnerplan.portfolio.models import BusinessCaseVersion
    from partnerplan.portfolio.tests.factories import BusinessCaseVersionFactory
    from partnerplan.portfolio.tests.helpers import decide

    PowerFactory.create(body=world.body, kind=PowerKind.APPROVE_BUSINESS_CASE)
    version = BusinessCaseVersionFactory.create(business_case__project__title="Telephony")
    BusinessCaseVersion.objects.filter(pk=version.pk).update(
        created_at=dt.datetime(2010, 12, 1, 12, tzinfo=dt.UTC)
    )
    meeting = HeldMeetingFactory.create(body=world.body)
    governance.meeting_record_attendance(
        actor=None, meeting=meeting, present=[m.person for m in world.body.memberships.all()]
    )
    project_id = version.business_case.project_id
    covers = decide(
        meeting, text="To approve the OBC",
        effect_params={"project_id": project_id, "business_case_stage": "obc"},
    )  # fmt: skip
    decide(
        meeting, text="To approve the FBC",
        effect_params={"project_id": project_id, "business_case_stage": "fbc"},
    )  # fmt: skip
    client = world.client("admin")
    url = f"/portfolio/business-case-versions/{version.pk}/approve/"
    html = client.get(url).content.decode()
    assert "To approve the OBC" in html and "To approve the FBC" not in html
    refused = client.post(
        url,
        {
            "approved_by": BodyFactory.create(name="Corridor").pk,
            "approval_reference": "Chat",
            "approved_on_day": "17", "approved_on_month": "12", "approved_on_year": "2010",
        },
    )  # fmt: skip
    assert refused.status_code == 400
    assert any("Corridor did not hold the power" in m for m in _error_summary(refused))
    assert client.post(url, {"decision": covers.pk}).status_code == 302
    version.refresh_from_db()
    assert version.decision == covers and version.approved_by == world.body
