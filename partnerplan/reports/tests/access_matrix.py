"""The reports pages in the access matrix (see core/tests/test_access_matrix.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from partnerplan.core.tests.matrix import ADMIN_ONLY, ALL_OK
from partnerplan.governance.models import Decision
from partnerplan.governance.tests.factories import (
    AgendaItemFactory,
    ExemptItemFactory,
    HeldMeetingFactory,
    RecommendationFactory,
)
from partnerplan.partners.tests.factories import PartnerFactory
from partnerplan.portfolio.tests.factories import HighlightReportFactory
from partnerplan.reports.tests.factories import (
    ParagraphFactory,
    ReportFactory,
    SectionFactory,
    version_for,
)

# Members of the meeting's body (and administrators) open the restricted pack.
MEMBERS = {**ADMIN_ONLY, "member": 200}

EXPECTED: dict[str, tuple[str | None, dict[str, int]]] = {
    "reports:report-list": (None, ALL_OK),
    "reports:report-create": (None, ADMIN_ONLY),
    "reports:december-report": (None, ADMIN_ONLY),
    "reports:report-detail": ("report", ALL_OK),
    "reports:report-edit": ("report", ADMIN_ONLY),
    "reports:recommendation-figure": ("report_recommendation", ADMIN_ONLY),
    "reports:report-template": ("report", ADMIN_ONLY),
    "reports:report-publish": ("report", ADMIN_ONLY),
    "reports:section-add": ("report", ADMIN_ONLY),
    "reports:section-edit": ("report_section", ADMIN_ONLY),
    "reports:section-delete": ("report_section", ADMIN_ONLY),
    "reports:section-up": ("report_section", ADMIN_ONLY),
    "reports:section-down": ("report_section", ADMIN_ONLY),
    "reports:block-add": ("report_section", ADMIN_ONLY),
    "reports:block-up": ("report_block", ADMIN_ONLY),
    "reports:block-down": ("report_block", ADMIN_ONLY),
    "reports:block-edit": ("report_block", ADMIN_ONLY),
    "reports:block-delete": ("report_block", ADMIN_ONLY),
    "reports:version-detail": ("report_version", ALL_OK),
    "reports:version-docx": ("report_version", ALL_OK),
    "reports:version-pdf": ("report_version", ALL_OK),
    "reports:meeting-pack": ("report_meeting", ALL_OK),
    "reports:meeting-pack-restricted": ("report_meeting", MEMBERS),
    "reports:minutes": ("report_meeting", ALL_OK),
    "reports:decision-notice": ("report_decision", ALL_OK),
    "reports:highlight-report": ("report_project", ALL_OK),
    "reports:end-stage-report": ("report_project", ALL_OK),
    "reports:quarterly-report": ("report_partner", ALL_OK),
    "reports:house-style": (None, ADMIN_ONLY),
    "reports:house-style-docx": (None, ADMIN_ONLY),
    # The governance matrix names the administrator the finance officer and the officer
    # persona the legal officer: each signs off for their own role only.
    "reports:report-sign-off-finance": ("report", ADMIN_ONLY),
    "reports:report-sign-off-legal": ("report", {**ADMIN_ONLY, "admin": 403, "officer": 200}),
}


def objects(world: Any) -> dict[str, Any]:
    meeting = HeldMeetingFactory.create(body=world.body)
    item = AgendaItemFactory.create(meeting=meeting, number=3)
    recommendation = RecommendationFactory.create(item=item, number=1)
    report = ReportFactory.create(item=item)
    section = SectionFactory.create(report=report)
    block = ParagraphFactory.create(section=section)
    version = version_for(report)
    exempt = ReportFactory.create(item=ExemptItemFactory.create(meeting=meeting, number=4))
    RecommendationFactory.create(item=exempt.item, number=1)
    version_for(exempt)
    decision = Decision.objects.create(
        recommendation=recommendation, meeting=meeting, body=world.body, outcome="approved",
        reasons="The plan is sound.", decided_on=dt.date(2010, 12, 17),
    )  # fmt: skip
    highlight = HighlightReportFactory.create(project__visibility="public")
    return {
        "report": report,
        "report_section": section,
        "report_block": block,
        "report_version": version,
        "report_meeting": meeting,
        "report_decision": decision,
        "report_project": highlight.project,
        "report_partner": PartnerFactory.create(),
        "report_recommendation": recommendation,
    }
