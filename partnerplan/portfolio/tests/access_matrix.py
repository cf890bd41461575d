"""The portfolio pages in the access matrix (see core/tests/test_access_matrix.py).

The project is visible to the partnership (so the public gets 404 on it) and its project
manager is the `pm` persona, who is therefore on the project team.
"""

from __future__ import annotations

from typing import Any

from partnerplan.core.tests.matrix import ADMIN_ONLY, ALL_OK, SIGNED_IN, SIGNED_IN_ONLY
from partnerplan.portfolio import services
from partnerplan.portfolio.models import (
    BusinessCaseVersion,
    ChangeRequest,
    ExceptionReport,
    Milestone,
)
from partnerplan.portfolio.tests.factories import (
    ActiveProjectFactory,
    BaselineFactory,
    BenefitFactory,
    BusinessCaseVersionFactory,
    CriterionFactory,
    MethodFactory,
    ProjectFactory,
    RaidEntryFactory,
    WorkstreamFactory,
)

# The project team (here the project manager) and administrators.
TEAM = {**ADMIN_ONLY, "pm": 200}

EXPECTED: dict[str, tuple[str | None, dict[str, int]]] = {
    "portfolio:workplan": (None, ALL_OK),
    "portfolio:workplan-csv": (None, ALL_OK),
    "portfolio:workplan-xlsx": (None, ALL_OK),
    "portfolio:board": (None, ALL_OK),
    "portfolio:timeline": (None, ALL_OK),
    "portfolio:roadmap": (None, ALL_OK),
    "portfolio:overlap": (None, ALL_OK),
    "portfolio:overlap-csv": (None, ALL_OK),
    "portfolio:overlap-xlsx": (None, ALL_OK),
    "portfolio:programme-list": (None, ALL_OK),
    "portfolio:programme-create": (None, ADMIN_ONLY),
    "portfolio:programme-detail": ("programme", ALL_OK),
    "portfolio:programme-edit": ("programme", ADMIN_ONLY),
    "portfolio:workstream-create": ("programme", ADMIN_ONLY),
    "portfolio:workstream-edit": ("workstream", ADMIN_ONLY),
    "portfolio:stage-edit": ("stage", ADMIN_ONLY),
    "portfolio:stage-create": ("programme", ADMIN_ONLY),
    "portfolio:stage-delete": ("stage", ADMIN_ONLY),
    "portfolio:project-archive": ("project", ADMIN_ONLY),
    "portfolio:link-delete": ("link", TEAM),
    "portfolio:dependency-delete": ("dependency", TEAM),
    "portfolio:benefit-edit": ("benefit", TEAM),
    "portfolio:raid-edit": ("raid", TEAM),
    "portfolio:project-create": (None, TEAM),
    "portfolio:project-detail": ("project", SIGNED_IN),
    "portfolio:project-edit": ("project", TEAM),
    "portfolio:project-gate": ("project", ADMIN_ONLY),
    "portfolio:project-review": ("project", ADMIN_ONLY),
    "portfolio:project-link": ("project", TEAM),
    "portfolio:project-dependency": ("project", TEAM),
    "portfolio:project-board-member": ("project", TEAM),
    "portfolio:project-document": ("project", TEAM),
    "portfolio:business-case-create": ("project", TEAM),
    "portfolio:bc-new-version": ("business_case", TEAM),
    "portfolio:bc-version-edit": ("version", TEAM),
    "portfolio:bc-version-approve": ("version", ADMIN_ONLY),
    "portfolio:benefit-create": ("project", TEAM),
    "portfolio:benefit-actual": ("benefit", TEAM),
    "portfolio:highlight-create": ("project", TEAM),
    "portfolio:raid-create": ("project", TEAM),
    "portfolio:raid-close": ("raid", TEAM),
    "portfolio:project-control": ("project", SIGNED_IN),
    "portfolio:baseline-create": ("project", TEAM),
    "portfolio:milestone-create": ("baseline", TEAM),
    "portfolio:milestone-edit": ("milestone", TEAM),
    "portfolio:tolerance-set": ("baseline", ADMIN_ONLY),
    "portfolio:change-request-create": ("baseline", TEAM),
    "portfolio:change-request-decide": ("change_request", ADMIN_ONLY),
    "portfolio:exception-create": ("project", TEAM),
    "portfolio:exception-decide": ("exception", ADMIN_ONLY),
    "portfolio:programme-dashboard": ("programme", ALL_OK),
    "portfolio:project-confidence": ("project", SIGNED_IN),
    "portfolio:dca-create": ("project", TEAM),
    "portfolio:project-benefits": ("project", SIGNED_IN),
    "portfolio:project-reporting": ("project", ADMIN_ONLY),
    "portfolio:raid-detail": ("raid", SIGNED_IN),
    "portfolio:raid-convert": ("raid", TEAM),
    "portfolio:raid-escalate": ("raid", TEAM),
    "portfolio:lessons": (None, ALL_OK),
    "portfolio:method-list": (None, ALL_OK),
    "portfolio:method-create": (None, ADMIN_ONLY),
    "portfolio:method-compare": (None, ALL_OK),
    "portfolio:method-detail": ("method", ALL_OK),
    "portfolio:criterion-add": ("method", ADMIN_ONLY),
    "portfolio:method-weights": ("method", ADMIN_ONLY),
    "portfolio:method-pairwise": ("method", ADMIN_ONLY),
    "portfolio:method-score": ("method", SIGNED_IN_ONLY),
}


def objects(world: Any) -> dict[str, Any]:
    pm = world.users["pm"].person
    project = ActiveProjectFactory.create(project_manager=pm)
    version: BusinessCaseVersion = BusinessCaseVersionFactory.create(business_case__project=project)
    other = ProjectFactory.create(programme=project.programme)
    dependency = services.dependency_add(actor=None, project=project, depends_on=other)
    link = services.link_create(
        actor=None, project=project, workstream=WorkstreamFactory.create(), kind="supports"
    )
    baseline = BaselineFactory.create(project=project)
    milestone = Milestone.objects.create(
        baseline=baseline, title="Pilot starts", due_on=baseline.starts_on
    )
    change = ChangeRequest.objects.create(
        baseline=baseline, reason="Later", raised_on=baseline.starts_on, ends_on=baseline.ends_on
    )
    exception = ExceptionReport.objects.create(
        project=project, baseline=baseline, raised_on=baseline.starts_on, aspects="time",
        cause="Slipped", consequences="Late", options="Extend", recommendation="Extend",
    )  # fmt: skip
    method = MethodFactory.create(owner_body=world.body)
    CriterionFactory.create_batch(2, method=method)
    return {
        "programme": project.programme,
        "project": project,
        "stage": project.stage,
        "workstream": WorkstreamFactory.create(),
        "business_case": version.business_case,
        "version": version,
        "benefit": BenefitFactory.create(project=project),
        "raid": RaidEntryFactory.create(project=project),
        "method": method,
        "link": link,
        "dependency": dependency,
        "baseline": baseline,
        "milestone": milestone,
        "change_request": change,
        "exception": exception,
    }


# Everyone may read a method's page; only administrators move its ranking (its POST buttons).
POST_EXPECTED: dict[str, dict[str, int]] = {
    "portfolio:method-detail": {**{role: 403 for role in ALL_OK}, "admin": 302},
}
