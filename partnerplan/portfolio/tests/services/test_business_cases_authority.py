"""Business cases are approved only on an authority that covers the act (governance's
`authority_use`): a decision about this project and this stage of business case, or a decision
taken before partnerplan recorded for a body that held the power."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from partnerplan.governance.models import ActKind, PowerKind, PriorDecision
from partnerplan.governance.tests.factories import BodyFactory, PowerFactory
from partnerplan.portfolio import services
from partnerplan.portfolio.models import BusinessCaseVersion
from partnerplan.portfolio.tests.factories import BusinessCaseVersionFactory
from partnerplan.portfolio.tests.helpers import decide

pytestmark = pytest.mark.django_db


def _version(title="Life Events", stage="obc", created=dt.date(2010, 12, 1)):
    version = BusinessCaseVersionFactory.create(
        business_case__project__title=title, business_case__stage=stage
    )
    BusinessCaseVersion.objects.filter(pk=version.pk).update(
        created_at=dt.datetime(created.year, created.month, created.day, 12, tzinfo=dt.UTC)
    )
    version.refresh_from_db()
    return version


def _case(version, stage="obc"):
    return {"project_id": version.business_case.project_id, "business_case_stage": stage}


def _approve(version, **authority):
    return services.business_case_version_approve(actor=None, version=version, **authority)


def test_it_approves_a_business_case_on_a_decision_about_it(committee):
    body, meeting = committee
    PowerFactory.create(body=body, kind=PowerKind.APPROVE_BUSINESS_CASE)
    version = _version()
    decision = decide(meeting, effect_params=_case(version))
    approved = _approve(version, decision=decision)
    assert approved.decision == decision and approved.approved_on == decision.decided_on
    assert approved.approved_by == body and approved.approval_reference == str(decision)
    assert approved.authority_use.act == ActKind.BUSINESS_CASE


def test_it_approves_the_business_case_when_governance_applies_the_decisions_effect(committee):
    body, meeting = committee
    PowerFactory.create(body=body, kind=PowerKind.APPROVE_BUSINESS_CASE)
    version = _version()
    decision = decide(
        meeting, power=PowerKind.APPROVE_BUSINESS_CASE, effect_kind="portfolio.business_case",
        effect_params=_case(version),
    )  # fmt: skip
    version.refresh_from_db()
    assert version.is_approved and version.decision == decision


def test_it_refuses_a_business_case_approval_on_another_projects_decision(committee):
    body, meeting = committee
    PowerFactory.create(body=body, kind=PowerKind.APPROVE_BUSINESS_CASE)
    version, other = _version(), _version("Telephony")
    decision = decide(meeting, effect_params=_case(other))
    with pytest.raises(ValidationError, match="it is not about Life Events"):
        _approve(version, decision=decision)
    version.refresh_from_db()
    assert not version.is_approved and version.authority_use is None


def test_it_refuses_a_business_case_approval_on_a_decision_about_another_stage(committee):
    body, meeting = committee
    PowerFactory.create(body=body, kind=PowerKind.APPROVE_BUSINESS_CASE)
    version = _version()
    decision = decide(meeting, effect_params=_case(version, "fbc"))
    with pytest.raises(ValidationError, match="it approved a different business case stage"):
        _approve(version, decision=decision)


def test_it_refuses_a_decision_older_than_the_business_case(committee):
    body, meeting = committee  # held on 17 December 2010
    PowerFactory.create(body=body, kind=PowerKind.APPROVE_BUSINESS_CASE)
    version = _version(created=dt.date(2011, 2, 1))
    decision = decide(meeting, effect_params=_case(version))
    with pytest.raises(ValidationError, match="before what it would approve existed"):
        _approve(version, decision=decision)


def test_it_refuses_the_same_decision_for_a_second_business_case_approval(committee):
    body, meeting = committee
    PowerFactory.create(body=body, kind=PowerKind.APPROVE_BUSINESS_CASE)
    version = _version()
    decision = decide(meeting, effect_params=_case(version))
    _approve(version, decision=decision)
    second = services.business_case_new_version(actor=None, business_case=version.business_case)
    BusinessCaseVersion.objects.filter(pk=second.pk).update(created_at=version.created_at)
    with pytest.raises(ValidationError, match="it has already been used to approve Life Events"):
        _approve(second, decision=decision)


def test_it_refuses_a_business_case_approval_of_a_body_without_the_power():
    PowerFactory.create(
        body=BodyFactory.create(name="Joint Committee"), kind=PowerKind.APPROVE_BUSINESS_CASE
    )
    version = _version()
    papers = {"approval_reference": "JC", "approved_on": dt.date(2010, 12, 17)}
    with pytest.raises(ValidationError, match="This needs a decision of Joint Committee") as no:
        _approve(version, approved_by=BodyFactory.create(name="Corridor"), **papers)
    assert "Corridor did not hold the power" in no.value.message_dict["approved_by"][0]
    with pytest.raises(ValidationError, match="Choose the body that took the decision"):
        _approve(version, **papers)
    assert not PriorDecision.objects.exists()


def test_it_approves_a_business_case_on_a_decision_from_before_partnerplan():
    body = BodyFactory.create(name="Joint Committee")
    PowerFactory.create(body=body, kind=PowerKind.APPROVE_BUSINESS_CASE)
    version = _version(created=dt.date(2026, 1, 5))  # entered long after the decision
    approved = _approve(
        version,
        approved_by=body,
        approval_reference="Joint Committee, 17 December 2010, recommendation 2.1",
        approved_on=dt.date(2010, 12, 17),
    )
    prior = approved.prior_decision
    assert prior.power == PowerKind.APPROVE_BUSINESS_CASE and approved.approved_by == body
    assert prior.subject_params == _case(version)
    assert approved.authority_use.prior_decision == prior


def test_it_refuses_a_business_case_effect_with_nothing_waiting_for_approval(committee):
    from partnerplan.governance.effects import validate_effect

    version = _version()
    with pytest.raises(ValidationError, match="has no full business case waiting for approval"):
        validate_effect("portfolio.business_case", _case(version, "fbc"))
    validate_effect("portfolio.business_case", _case(version))
