"""The portfolio's decision effects as the recommendation form sees them: one picker of the open
projects with the stage each can enter next, and a wrong one refused when the recommendation is
written, in the user's words."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from partnerplan.governance import effects
from partnerplan.governance.effects import validate_effect
from partnerplan.portfolio.models import Project, Stage
from partnerplan.portfolio.tests.factories import (
    ActiveProjectFactory,
    BusinessCaseVersionFactory,
    ProgrammeFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


def test_it_offers_every_open_project_with_the_stage_it_can_enter_next():
    programme = ProgrammeFactory.create()
    digital = ProjectFactory.create(programme=programme, title="Digital customer services")
    Project.objects.filter(pk=digital.pk).update(
        stage=Stage.objects.get(programme=programme, code="business-case")
    )
    life = ActiveProjectFactory.create(programme=programme, title="Life Events")
    gone = ProjectFactory.create(programme=programme, title="Streetscene", disposition="withdrawn")
    gate = effects.effect_for("portfolio.gate")
    assert gate.choices is not None
    options = {c.label: c.params for c in gate.choices()}
    assert options["Digital customer services: into 'Business case approved'"] == {
        "project_id": digital.pk, "to_stage": "business-case-approved",
    }  # fmt: skip
    assert options["Life Events: into 'Closed'"] == {"project_id": life.pk, "to_stage": "closed"}
    assert not any(label.startswith("Streetscene") for label in options)
    project_param = next(p for p in gate.params if p.name == "project_id")
    assert project_param.choices is not None
    assert (gone.pk, "Streetscene") not in project_param.choices()


def test_it_refuses_at_once_a_stage_the_project_cannot_enter_naming_the_one_it_can():
    project = ActiveProjectFactory.create(title="Life Events")
    with pytest.raises(ValidationError, match="it can only move to 'Closed' next") as refused:
        validate_effect("portfolio.gate", {"project_id": project.pk, "to_stage": "approved"})
    assert refused.value.message_dict["effect_params"] == [
        "Life Events is at 'Active': it can only move to 'Closed' next, not back to "
        "'Approved into the pipeline'"
    ]
    with pytest.raises(ValidationError, match="There is no project number"):
        validate_effect("portfolio.gate", {"project_id": project.pk + 1000, "to_stage": "closed"})
    validate_effect("portfolio.gate", {"project_id": project.pk, "to_stage": "closed"})


def test_it_offers_the_business_cases_waiting_for_approval():
    version = BusinessCaseVersionFactory.create(business_case__project__title="Telephony")
    case = effects.effect_for("portfolio.business_case")
    assert case.choices is not None
    assert [(c.label, c.params) for c in case.choices()] == [
        (
            "Approve Telephony's outline business case",
            {"project_id": version.business_case.project_id, "business_case_stage": "obc"},
        )
    ]


def test_it_refuses_a_review_effect_that_does_not_stop_or_redesign():
    project = ProjectFactory.create()
    with pytest.raises(ValidationError, match="can withdraw, discontinue or redesign a project"):
        validate_effect("portfolio.review", {"project_id": project.pk, "outcome": "retained"})
    validate_effect("portfolio.review", {"project_id": project.pk, "outcome": "redesign"})
