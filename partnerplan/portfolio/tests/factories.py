"""factory_boy factories for the portfolio, including lifecycle states."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory

from partnerplan.core import clock
from partnerplan.core.models import Visibility
from partnerplan.governance.tests.factories import BodyFactory
from partnerplan.partners.tests.factories import PersonFactory
from partnerplan.portfolio.models import (
    Baseline,
    Benefit,
    BusinessCase,
    BusinessCaseStage,
    BusinessCaseVersion,
    ConfidenceAssessment,
    Criterion,
    HighlightReport,
    Method,
    Programme,
    Project,
    RaidEntry,
    RaidKind,
    Stage,
    Tolerance,
    Workstream,
)
from partnerplan.portfolio.services import DEFAULT_STAGES


class ProgrammeFactory(factory.django.DjangoModelFactory[Programme]):
    class Meta:
        model = Programme
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Programme {n}")
    owner_body = factory.SubFactory(BodyFactory)
    visibility = Visibility.PUBLIC
    is_partnership_plan = True

    @factory.post_generation
    def stages(self, create, extracted, **kwargs):
        if not create:
            return
        for order, (code, name, case, reports, final) in enumerate(DEFAULT_STAGES):
            Stage.objects.create(
                programme=self,  # type: ignore[misc]
                code=code,
                name=name,
                order=order,
                requires_business_case=case,
                expects_reports=reports,
                is_final=final,
            )


class OtherProgrammeFactory(ProgrammeFactory):
    is_partnership_plan = False


class WorkstreamFactory(factory.django.DjangoModelFactory[Workstream]):
    class Meta:
        model = Workstream

    programme = factory.SubFactory(OtherProgrammeFactory)
    number = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Workstream {n}")


def _stage(project, code):
    return Stage.objects.get(programme=project.programme, code=code)


class ProjectFactory(factory.django.DjangoModelFactory[Project]):
    class Meta:
        model = Project

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Project {n}")
    summary = "A project of the partnership."
    visibility = Visibility.PARTNERSHIP
    planned_start = dt.date(2010, 4, 1)
    planned_end = dt.date(2011, 3, 31)
    stage = factory.LazyAttribute(lambda p: _stage(p, "proposed"))


class ApprovedProjectFactory(ProjectFactory):
    stage = factory.LazyAttribute(lambda p: _stage(p, "approved"))


class PreparingCaseProjectFactory(ProjectFactory):
    stage = factory.LazyAttribute(lambda p: _stage(p, "business-case"))


class ActiveProjectFactory(ProjectFactory):
    stage = factory.LazyAttribute(lambda p: _stage(p, "active"))
    actual_start = dt.date(2010, 6, 1)


class BusinessCaseFactory(factory.django.DjangoModelFactory[BusinessCase]):
    class Meta:
        model = BusinessCase

    project = factory.SubFactory(ProjectFactory)
    stage = BusinessCaseStage.OBC


class BusinessCaseVersionFactory(factory.django.DjangoModelFactory[BusinessCaseVersion]):
    class Meta:
        model = BusinessCaseVersion

    business_case = factory.SubFactory(BusinessCaseFactory)
    number = 1
    strategic = "The case for change."
    economic = "Best public value option."
    commercial = "Procured through a framework."
    financial = "Funded from reserves."
    management = "Project board and highlight reports."
    options = "Do nothing (kept as comparator)\nShared service (preferred)"


class ApprovedBusinessCaseVersionFactory(BusinessCaseVersionFactory):
    approved_on = dt.date(2010, 12, 17)
    approval_reference = "Joint Committee, 17 December 2010"


class BenefitFactory(factory.django.DjangoModelFactory[Benefit]):
    class Meta:
        model = Benefit

    project = factory.SubFactory(ActiveProjectFactory)
    description = "Fewer avoidable contacts"
    measure = "Calls a month"
    baseline = Decimal("1000")
    baseline_on = dt.date(2010, 1, 1)
    target = Decimal("2000")
    target_on = dt.date(2011, 1, 1)
    owner = factory.SubFactory(PersonFactory)
    realisation_plan = "Measured monthly from the contact centre's figures."


class MethodFactory(factory.django.DjangoModelFactory[Method]):
    class Meta:
        model = Method

    name = factory.Sequence(lambda n: f"Method {n}")
    owner_body = factory.SubFactory(BodyFactory)


class CriterionFactory(factory.django.DjangoModelFactory[Criterion]):
    class Meta:
        model = Criterion

    method = factory.SubFactory(MethodFactory)
    name = factory.Sequence(lambda n: f"Criterion {n}")
    order = factory.Sequence(lambda n: n)
    weight = 1.0


class HighlightReportFactory(factory.django.DjangoModelFactory[HighlightReport]):
    class Meta:
        model = HighlightReport

    project = factory.SubFactory(ActiveProjectFactory)
    period_start = dt.date(2010, 11, 1)
    period_end = dt.date(2010, 11, 30)
    confidence = "green"
    progress = "On track."


class RaidEntryFactory(factory.django.DjangoModelFactory[RaidEntry]):
    class Meta:
        model = RaidEntry

    project = factory.SubFactory(ActiveProjectFactory)
    kind = RaidKind.RISK
    title = "Project manager not available"
    raised_on = dt.date(2010, 12, 1)
    owner = factory.SubFactory(PersonFactory)
    likelihood = 3
    impact = 4
    residual_likelihood = 2
    residual_impact = 3
    proximity = "this_stage"
    category = "people"
    response_type = "reduce"


class BaselineFactory(factory.django.DjangoModelFactory[Baseline]):
    class Meta:
        model = Baseline

    project = factory.SubFactory(ActiveProjectFactory)
    starts_on = dt.date(2010, 10, 1)
    ends_on = dt.date(2011, 3, 31)
    capital_cost = Decimal("0")
    revenue_cost = Decimal("100000")
    scope = "Needs analysis\nCare pathway design\nPilot"


class ToleranceFactory(factory.django.DjangoModelFactory[Tolerance]):
    class Meta:
        model = Tolerance

    baseline = factory.SubFactory(BaselineFactory)
    time_days = 30
    cost_amount = Decimal("10000")
    scope_products = 0
    set_by = factory.LazyAttribute(lambda t: t.baseline.project.sponsoring_body)
    reference = "Board, 1 October 2010"
    set_on = dt.date(2010, 10, 1)


class ConfidenceAssessmentFactory(factory.django.DjangoModelFactory[ConfidenceAssessment]):
    """A delivery confidence assessment made today (so it is current for a gate)."""

    class Meta:
        model = ConfidenceAssessment

    project = factory.SubFactory(ActiveProjectFactory)
    assessed_on = factory.LazyFunction(clock.today)
    rating = "amber_green"
    summary = "Plan agreed; the pilot site is being found."
