"""Helpers the views tests share."""

from __future__ import annotations

import re

from partnerplan.portfolio import services
from partnerplan.portfolio.tests.factories import (
    ActiveProjectFactory,
    OtherProgrammeFactory,
    ProgrammeFactory,
    WorkstreamFactory,
)


def _error_summary(response) -> list[str]:
    html = response.content.decode()
    block = re.search(r'govuk-error-summary__list">(.*?)</ul>', html, re.S)
    return re.findall(r"<li>(?:<a [^>]*>)?([^<]+)", block.group(1)) if block else []


def _two_programmes_with_projects():
    plan = ProgrammeFactory.create(is_partnership_plan=True)
    lceg = OtherProgrammeFactory.create()
    for number in range(1, 4):
        workstream = WorkstreamFactory.create(programme=lceg, number=str(number))
        for i in range(2):
            project = ActiveProjectFactory.create(programme=plan, title=f"P{number}{i}")
            services.link_create(
                actor=None, project=project, workstream=workstream, kind="overlaps"
            )
    return plan, lceg
