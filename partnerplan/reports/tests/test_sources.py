"""Live block sources that read other apps: the planner's scenario result."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from partnerplan.core.models import Visibility
from partnerplan.portfolio.tests.factories import ProjectFactory
from partnerplan.reports import services
from partnerplan.reports.builders.model import LiveBlock, LiveBlockMissing, Table
from partnerplan.reports.documents import build_document
from partnerplan.reports.models import BlockKind
from partnerplan.reports.tests.factories import LiveBlockFactory, ReportFactory, SectionFactory
from partnerplan.resources.tests.factories import (
    DonePlanRunFactory,
    PlanScenarioFactory,
    RunningPlanRunFactory,
)

pytestmark = pytest.mark.django_db


def _plan(name, scheduled, deferred):
    return {"name": name, "scheduled": scheduled, "deferred": deferred, "assignments": []}


def _run(public, hidden, scenario):
    going = {
        "project_id": f"p{public.pk}", "title": public.title, "start": "2010-11-01",
        "end": "2011-04-01", "fixed": True,
    }  # fmt: skip
    secret = {
        "project_id": f"p{hidden.pk}", "title": hidden.title, "start": "2011-01-01",
        "end": "2011-06-01", "fixed": False,
    }  # fmt: skip
    waiting = {
        "project_id": f"p{public.pk}", "title": public.title,
        "reasons": [{"message": "Not enough project management in November 2010"}],
        "suggestions": ["One more day a week of project management"],
    }  # fmt: skip
    return DonePlanRunFactory.create(
        name="Winter plan",
        result={
            "plans": [
                _plan("Plan as it stands", [secret], [waiting]),
                _plan(scenario.name, [going, secret], []),
            ],
            "comparison": [],
        },
    )


def _block(report, **params):
    section = SectionFactory.create(report=report)
    LiveBlockFactory.create(section=section, live_kind="scenario_result", live_params=params)
    return build_document(report).document.sections[0].blocks[0]


def test_it_shows_a_planner_scenarios_plan_as_the_audience_sees_it():
    public = ProjectFactory.create(title="Life Events", visibility=Visibility.PUBLIC)
    hidden = ProjectFactory.create(title="Secret", visibility=Visibility.PARTNERSHIP)
    scenario = PlanScenarioFactory.create(name="Extra project manager")
    run = _run(public, hidden, scenario)
    block = _block(ReportFactory.create(), run=run.pk, plan_scenario=scenario.pk)
    assert isinstance(block, LiveBlock)
    table = next(b for b in block.blocks if isinstance(b, Table))
    assert table.rows == (
        ("Life Events", "November 2010", "Goes ahead; runs to the end of April 2011 (committed)"),
    )
    assert "Secret" not in str(block)
    assert "1 project(s) this report's readers may not see" in str(block.blocks[0])


def test_it_shows_the_plan_as_it_stands_with_why_a_project_waits():
    public = ProjectFactory.create(title="Life Events", visibility=Visibility.PUBLIC)
    hidden = ProjectFactory.create(title="Secret", visibility=Visibility.PARTNERSHIP)
    run = _run(public, hidden, PlanScenarioFactory.create())
    block = _block(ReportFactory.create(), run=run.pk)
    table = next(b for b in block.blocks if isinstance(b, Table))
    (row,) = table.rows
    assert row[1] == "Not in the plan"
    assert "Not enough project management" in row[2]
    assert "One more day a week" in row[2]


def test_it_marks_a_deleted_or_unfinished_run_as_missing_and_refuses_to_publish(world):
    report = ReportFactory.create()
    running = RunningPlanRunFactory.create(name="Still thinking")
    assert isinstance(_block(report, run=running.pk), LiveBlockMissing)
    other = ReportFactory.create()
    block = _block(other, run=999999, names={"run": "Gone run"})
    assert isinstance(block, LiveBlockMissing) and "Gone run" in block.message
    with pytest.raises(ValidationError, match="Gone run") as error:
        services.report_publish(actor=world.users["admin"], report=other)
    assert "Gone run" in str(error.value)
    assert not other.versions.exists()


def test_it_needs_a_run_for_a_scenario_result_block(world):
    section = SectionFactory.create()
    with pytest.raises(ValidationError, match="this live block shows") as error:
        services.block_add(
            actor=world.users["admin"], section=section, kind=BlockKind.LIVE,
            live_kind="scenario_result", live_params={},
        )  # fmt: skip
    assert "run" in error.value.message_dict


def test_it_adds_a_planner_result_block_from_the_form(world):
    from django.urls import reverse

    section = SectionFactory.create()
    run = DonePlanRunFactory.create(name="Winter plan")
    scenario = PlanScenarioFactory.create(name="Extra project manager")
    url = reverse("reports:block-add", kwargs={"pk": section.pk})
    client = world.client("admin")
    form = {"kind": "live", "live_kind": "scenario_result", "plan_scenario": scenario.pk}
    response = client.post(url, form)
    assert "Choose the run this live block shows" in response.content.decode()
    assert not section.blocks.exists()
    client.post(url, {**form, "run": run.pk})
    block = section.blocks.get()
    assert block.live_params == {
        "run": run.pk,
        "plan_scenario": scenario.pk,
        "names": {"run": "Winter plan", "plan_scenario": "Extra project manager"},
    }
