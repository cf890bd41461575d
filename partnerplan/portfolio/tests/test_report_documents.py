"""The reports' highlight and end-stage documents read the control fields: tolerances against
the baseline, the baseline's products and the team (reports/other_documents.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from partnerplan.governance.tests.factories import BodyFactory
from partnerplan.portfolio.tests.factories import (
    BaselineFactory,
    HighlightReportFactory,
    ToleranceFactory,
)
from partnerplan.reports.other_documents import end_stage_document, highlight_document

pytestmark = pytest.mark.django_db


def _text(document) -> str:
    return repr(document)


def test_the_end_stage_and_highlight_documents_use_tolerances_products_and_team():
    baseline = BaselineFactory.create()
    ToleranceFactory.create(baseline=baseline, set_by=BodyFactory.create())
    project = baseline.project
    report = HighlightReportFactory.create(
        project=project, forecast_end=dt.date(2011, 6, 30), forecast_products_dropped=1
    )
    end_stage = _text(end_stage_document(project, on=dt.date(2010, 12, 20)))
    assert "Care pathway design" in end_stage and "Forecast not to be delivered" in end_stage
    assert "+30 days" in end_stage and "Project and stage tolerances" in end_stage
    highlight = _text(highlight_document(report))
    assert "91 days late" in highlight
