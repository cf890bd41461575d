"""Projects are withdrawn, discontinued or redesigned only on an authority that covers the act
(governance's `authority_use`): a decision about this project and this outcome, or a decision
taken before partnerplan recorded for a body that held the power."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from partnerplan.governance.models import ActKind, PowerKind, PriorDecision
from partnerplan.governance.tests.factories import BodyFactory, PowerFactory
from partnerplan.portfolio import services
from partnerplan.portfolio.models import ReviewOutcome
from partnerplan.portfolio.tests.factories import ProjectFactory
from partnerplan.portfolio.tests.helpers import decide, officer_decision

pytestmark = pytest.mark.django_db


def _review(project, outcome="withdrawn", **authority):
    return services.project_record_review(actor=None, project=project, outcome=outcome, **authority)


def test_it_withdraws_a_project_on_a_decision_about_it(committee):
    body, meeting = committee
    PowerFactory.create(body=body, kind=PowerKind.WITHDRAW_OR_REDESIGN)
    project = ProjectFactory.create()
    decision = decide(meeting, effect_params={"project_id": project.pk, "outcome": "withdrawn"})
    review = _review(project, decision=decision)
    assert review.decision == decision and review.authority_reference == str(decision)
    assert review.authority_use.act == ActKind.REVIEW
    project.refresh_from_db()
    assert project.disposition == "withdrawn"


def test_it_redesigns_a_project_when_governance_applies_the_decisions_effect(committee):
    body, meeting = committee
    PowerFactory.create(body=body, kind=PowerKind.WITHDRAW_OR_REDESIGN)
    project = ProjectFactory.create()
    decide(
        meeting, power=PowerKind.WITHDRAW_OR_REDESIGN, effect_kind="portfolio.review",
        effect_params={"project_id": project.pk, "outcome": "redesign"},
    )  # fmt: skip
    assert ReviewOutcome.objects.get(project=project).outcome == "redesign"


def test_it_refuses_a_withdrawal_on_another_projects_decision_or_outcome(committee):
    body, meeting = committee
    PowerFactory.create(body=body, kind=PowerKind.WITHDRAW_OR_REDESIGN)
    project = ProjectFactory.create(title="Streetscene")
    other = decide(meeting, effect_params={"project_id": project.pk + 1000})
    with pytest.raises(ValidationError, match="it is not about Streetscene"):
        _review(project, decision=other)
    redesign = decide(meeting, effect_params={"project_id": project.pk, "outcome": "redesign"})
    with pytest.raises(ValidationError, match="it approved a different outcome"):
        _review(project, decision=redesign)
    assert not ReviewOutcome.objects.exists()


def test_it_refuses_the_same_decision_for_a_second_review_outcome(committee):
    body, meeting = committee
    PowerFactory.create(body=body, kind=PowerKind.WITHDRAW_OR_REDESIGN)
    project = ProjectFactory.create(title="Telephony")
    decision = decide(meeting, effect_params={"project_id": project.pk})
    _review(project, "redesign", decision=decision)
    with pytest.raises(ValidationError, match="already been used to send Telephony back"):
        _review(project, "redesign", decision=decision)


def test_it_refuses_a_withdrawal_of_a_body_without_the_power_or_no_body():
    PowerFactory.create(
        body=BodyFactory.create(name="Joint Committee"), kind=PowerKind.WITHDRAW_OR_REDESIGN
    )
    project = ProjectFactory.create()
    papers = {"reference": "Chat in corridor", "dated": dt.date(2010, 12, 17)}
    corridor = BodyFactory.create(name="Corridor")
    with pytest.raises(ValidationError, match="Corridor did not hold the power") as refused:
        _review(project, "discontinued", deciding_body=corridor, **papers)
    assert "This needs a decision of Joint Committee" in " ".join(refused.value.messages)
    with pytest.raises(ValidationError, match="Choose the body that took the decision"):
        _review(project, "discontinued", **papers)
    project.refresh_from_db()
    assert project.disposition == "" and not PriorDecision.objects.exists()


def test_it_withdraws_a_project_on_a_delegated_or_recorded_decision(committee):
    body, _meeting = committee
    PowerFactory.create(body=body, kind=PowerKind.WITHDRAW_OR_REDESIGN)
    project, other = ProjectFactory.create(), ProjectFactory.create()
    od = officer_decision(body, PowerKind.WITHDRAW_OR_REDESIGN, {"project_id": project.pk})
    assert _review(project, "redesign", officer_decision=od).authority_use.officer_decision == od
    review = _review(
        other, "discontinued", deciding_body=body, reference="JC, 17 December 2010",
        dated=dt.date(2010, 12, 17),
    )  # fmt: skip
    assert review.prior_decision.power == PowerKind.WITHDRAW_OR_REDESIGN
    assert review.authority_body == body


def test_it_records_a_proposal_or_a_retention_without_a_decision():
    project = ProjectFactory.create()
    on = dt.date(2010, 12, 17)
    _review(project, "withdrawn", is_proposal=True, reference="Report, 4.5", dated=on)
    _review(project, "retained", reference="Report, 4.1", dated=on)
    assert project.reviews.count() == 2
    assert not project.reviews.filter(authority_use__isnull=False).exists()
