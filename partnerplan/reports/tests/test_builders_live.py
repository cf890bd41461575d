"""Live blocks made from the system's data."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from partnerplan.reports.builders import Image, Table
from partnerplan.reports.builders.live import (
    Movement,
    PipelineEntry,
    fund_forecast,
    governance_diagram,
    pipeline,
)
from partnerplan.reports.builders.svg import parse_svg
from partnerplan.reports.seed_report import (
    GOVERNANCE,
    GOVERNANCE_LINKS,
    RESERVE_MOVEMENTS,
    RESERVE_OPENING,
)

AS_AT = dt.date(2010, 12, 9)


def test_it_shows_a_funds_forecast_and_the_movements_behind_it():
    block = fund_forecast(
        "Partnership reserve", RESERVE_OPENING, dt.date(2010, 4, 1), RESERVE_MOVEMENTS, as_at=AS_AT
    )
    table = block.blocks[0]
    assert isinstance(table, Table)
    assert [row[-1] for row in table.rows] == ["£318,990", "£232,290", "£214,790", "£129,790"]
    assert "**£129,790**" in block.blocks[1].text
    assert block.source == "Fund forecast: Partnership reserve"


def test_it_sorts_movements_by_date():
    movements = (
        Movement(dt.date(2011, 3, 1), "Later", Decimal(-10)),
        Movement(dt.date(2011, 1, 1), "Earlier", Decimal(-5)),
    )
    table = fund_forecast("Fund", Decimal(100), dt.date(2010, 4, 1), movements, as_at=AS_AT).blocks[
        0
    ]
    assert [row[1] for row in table.rows] == ["Opening balance", "Earlier", "Later"]


def test_it_ranks_the_pipeline_by_priority():
    block = pipeline(
        (
            PipelineEntry("Life Events", Decimal("6.5"), "Active", "SSDC"),
            PipelineEntry("Telephony", Decimal("8"), "Proposed", "SCC"),
        ),
        as_at=AS_AT,
    )
    assert [row[:2] for row in block.blocks[0].rows] == [("1", "Telephony"), ("2", "Life Events")]


def test_it_draws_the_governance_diagram_with_a_text_alternative():
    block = governance_diagram(
        GOVERNANCE, caption="Governance", links=GOVERNANCE_LINKS, as_at=AS_AT
    )
    image, description = block.blocks
    assert isinstance(image, Image)
    root = parse_svg(image.data)
    assert root.find("{http://www.w3.org/2000/svg}title").text == "Governance"
    assert image.alt == "Governance: a diagram, described in the list that follows."
    assert (
        "Strategic Advisory Board (programme management, monthly) reports to Joint Committee."
        in (description.items)
    )
    assert any("twin-track reporting" in item for item in description.items)


def test_it_escapes_labels_in_the_diagram():
    from partnerplan.reports.builders.live import DiagramBox

    block = governance_diagram((DiagramBox("a", "Board <script>"),), caption="C & D", as_at=AS_AT)
    svg = block.blocks[0].data.decode()
    assert "<script>" not in svg
    assert "Board &lt;script&gt;" in svg
