"""Highlight reports: commentary and action for poor ratings, the programme's scale, reports
that are overdue."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from partnerplan.portfolio import services
from partnerplan.portfolio.models import (
    HighlightReport,
)
from partnerplan.portfolio.tests.factories import (
    ActiveProjectFactory,
)
from partnerplan.portfolio.tests.services._helpers import D, _messages

pytestmark = pytest.mark.django_db


def test_it_requires_commentary_and_action_for_amber_red_and_red():
    project = ActiveProjectFactory.create()
    data = dict(period_start=D, period_end=D, progress="Slipping", confidence="red")
    with pytest.raises(ValidationError, match="needs commentary") as exc:
        services.highlight_report_create(actor=None, project=project, **data)
    assert "needs commentary" in _messages(exc) and "needs the action" in _messages(exc)
    assert HighlightReport.objects.count() == 0
    services.highlight_report_create(
        actor=None, project=project, commentary="PM left", action="Borrow one", **data
    )
    project.refresh_from_db()
    assert project.confidence == "red" and project.last_report_end == D


def test_it_refuses_a_rating_off_a_three_point_scale():
    project = ActiveProjectFactory.create(programme__confidence_scale="three")
    with pytest.raises(ValidationError, match="not on this programme's three-point scale") as exc:
        services.highlight_report_create(
            actor=None,
            project=project,
            period_start=D,
            period_end=D,
            progress="x",
            confidence="amber_green",
        )
    assert "not on this programme's three-point scale" in _messages(exc)


def test_it_flags_overdue_highlight_reports():
    project = ActiveProjectFactory.create(actual_start=dt.date(2010, 6, 1))
    assert services.is_overdue(project, today=dt.date(2010, 8, 1))
    assert not services.is_overdue(project, today=dt.date(2010, 6, 20))
