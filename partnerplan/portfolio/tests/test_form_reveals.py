"""The gate and highlight report forms: answers that exclude each other, in conditional reveals."""

from __future__ import annotations

import pytest


@pytest.mark.django_db
def test_the_gate_form_keeps_only_the_chosen_authority(world):
    from partnerplan.portfolio.forms.projects import GateForm
    from partnerplan.portfolio.models import Stage
    from partnerplan.portfolio.selectors.authority import AuthorityChoices
    from partnerplan.portfolio.tests.factories import ProjectFactory

    project = ProjectFactory.create()
    stages = Stage.objects.filter(programme=project.programme)
    from partnerplan.governance.models import Decision, OfficerDecision

    choices = AuthorityChoices(
        decisions=Decision.objects.none(), officer_decisions=OfficerDecision.objects.none()
    )
    data = {
        "to_stage": stages[0].pk,
        "authorised_by": "officer",
        "decision_reference": "Joint Committee, 17 December 2010",
    }
    form = GateForm(data, stages=stages, authorities=choices)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["decision_reference"] == ""  # the hidden answer does not count
    assert "authorised_by" not in form.cleaned_data
    # No answer chosen (an old form): the filled-in fields say which it was.
    del data["authorised_by"]
    form = GateForm(data, stages=stages, authorities=choices)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["decision_reference"] == "Joint Committee, 17 December 2010"


def test_the_highlight_report_takes_amber_reds_commentary_from_its_own_reveal():
    from partnerplan.portfolio.forms.status import HighlightReportForm

    scale = [("green", "Green"), ("amber_red", "Amber/red"), ("red", "Red")]
    data = {
        "period_start_day": "1", "period_start_month": "1", "period_start_year": "2011",
        "period_end_day": "31", "period_end_month": "1", "period_end_year": "2011",
        "confidence": "amber_red", "progress": "Some",
        "commentary_amber_red": "Late supplier", "action_amber_red": "New supplier",
        "commentary": "left over from red",
    }  # fmt: skip
    form = HighlightReportForm(data, scale=scale)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["commentary"] == "Late supplier"
    assert form.cleaned_data["action"] == "New supplier"
    assert "commentary_amber_red" not in form.cleaned_data
