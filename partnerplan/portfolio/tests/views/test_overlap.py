"""The overlap table between two programmes."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from partnerplan.portfolio import services
from partnerplan.portfolio.tests.factories import (
    OtherProgrammeFactory,
    ProgrammeFactory,
    ProjectFactory,
    WorkstreamFactory,
)
from partnerplan.portfolio.tests.views._helpers import _two_programmes_with_projects


def test_it_draws_the_overlap_table_with_none_where_nothing_is_linked(world):
    plan = ProgrammeFactory.create(name="Work Plan")
    lceg = OtherProgrammeFactory.create(name="One Place")
    youth = WorkstreamFactory.create(programme=lceg, number=1, name="Youth")
    access = WorkstreamFactory.create(programme=lceg, number=3, name="Customer Access")
    project = ProjectFactory.create(programme=plan, title="Telephony", lead_note="No lead")
    services.link_create(
        actor=None, project=project, workstream=access, kind="supports", note="Procurement"
    )
    client = world.client("officer")
    html = client.get(f"/portfolio/overlap/?side={lceg.pk}&other={plan.pk}").content.decode()
    assert "Telephony" in html and "Procurement" in html and youth.name in html
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(f"/portfolio/overlap.csv?side={lceg.pk}&other={plan.pk}").content.decode(
                    "utf-8-sig"
                )
            )
        )
    )
    assert rows[1][:6] == ["1", "Youth", "Not recorded", "None", "N/a", "N/a"]
    assert rows[2][3:6] == ["Telephony", "No lead", "Procurement"]
    response = client.get(f"/portfolio/overlap.xlsx?side={lceg.pk}&other={plan.pk}")
    assert load_workbook(io.BytesIO(response.content)).active["D3"].value == "Telephony"


def test_it_shows_the_overlap_in_a_fixed_number_of_queries(world, assert_queries):
    plan, lceg = _two_programmes_with_projects()
    client = world.client("officer")
    with assert_queries(15, "The overlap table"):
        response = client.get(f"/portfolio/overlap/?side={lceg.pk}&other={plan.pk}")
    assert response.status_code == 200
