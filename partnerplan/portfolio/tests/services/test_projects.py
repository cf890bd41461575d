"""Projects, their dependencies and links: refused in plain English, nothing saved when refused."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from partnerplan.portfolio import services
from partnerplan.portfolio.models import (
    Dependency,
    Project,
)
from partnerplan.portfolio.tests.factories import (
    ProgrammeFactory,
    ProjectFactory,
    WorkstreamFactory,
)
from partnerplan.portfolio.tests.services._helpers import _messages

pytestmark = pytest.mark.django_db


def test_it_refuses_dates_out_of_order_and_saves_nothing():
    programme = ProgrammeFactory.create()
    with pytest.raises(
        ValidationError,
        match="planned end date must be the same as or after the planned start date",
    ) as exc:
        services.project_create(
            actor=None,
            programme=programme,
            title="Telephony",
            planned_start=dt.date(2011, 4, 1),
            planned_end=dt.date(2011, 1, 1),
        )
    assert "planned end date must be the same as or after the planned start date" in _messages(exc)
    assert not Project.objects.filter(title="Telephony").exists()


def test_it_refuses_a_workstream_of_another_programme():
    programme = ProgrammeFactory.create()
    other = WorkstreamFactory.create()
    with pytest.raises(ValidationError, match="add a link instead") as exc:
        services.project_create(actor=None, programme=programme, title="X", workstream=other)
    assert "add a link instead" in _messages(exc)


def test_it_refuses_a_dependency_cycle_naming_the_loop():
    a, b, c = (ProjectFactory.create(title=t) for t in ("CRM", "Telephony", "Mobile Working"))
    programme = a.programme
    Project.objects.filter(pk__in=[b.pk, c.pk]).update(programme=programme)
    services.dependency_add(actor=None, project=a, depends_on=b)
    services.dependency_add(actor=None, project=b, depends_on=c)
    with pytest.raises(ValidationError, match="would make a loop") as exc:
        services.dependency_add(actor=None, project=c, depends_on=a)
    assert "would make a loop" in _messages(exc)
    assert "CRM → Telephony → Mobile Working" in _messages(exc)
    assert Dependency.objects.count() == 2
    with pytest.raises(ValidationError, match="cannot depend on itself"):
        services.dependency_add(actor=None, project=a, depends_on=a)


def test_it_refuses_a_link_within_the_same_programme():
    workstream = WorkstreamFactory.create()
    project = ProjectFactory.create(programme=workstream.programme)
    with pytest.raises(ValidationError, match="is in the project.s own programme"):
        services.link_create(actor=None, project=project, workstream=workstream, kind="supports")
