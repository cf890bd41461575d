"""The chart core: well-formed, CSP-safe SVG with a text alternative and its figures as a
table; the frontier is not drawn for a single point."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET  # noqa: S405 - our own SVG
from decimal import Decimal

from partnerplan.core import charts

D = dt.date
SVG = "{http://www.w3.org/2000/svg}"
JAN, FEB = D(2024, 1, 31), D(2024, 2, 29)


def _root(chart: charts.Chart) -> ET.Element:
    return ET.fromstring(chart.svg)  # noqa: S314 - our own SVG


def _forecast() -> charts.Chart:
    return charts.step_chart(
        [
            charts.Line("Actual", [(JAN, Decimal(1000)), (FEB, Decimal(250))]),
            charts.Line("With calls", [(JAN, Decimal(1000)), (FEB, Decimal(-50))]),
        ],
        key="f", title="Month-end balances of Reserve", value_name="Balance",
        today=D(2024, 2, 10), until=D(2024, 5, 31),
    )  # fmt: skip


def test_it_draws_well_formed_svg_with_a_title_and_description():
    chart = _forecast()
    root = _root(chart)
    assert root.get("role") == "img" and root.get("aria-labelledby") == "f-title f-desc"
    assert root.find(f"{SVG}title").text == "Month-end balances of Reserve"
    assert root.find(f"{SVG}desc").text == chart.alt
    assert "£250" in chart.alt and "-£50" in chart.alt


def test_it_keeps_to_the_strict_csp_with_presentation_attributes_and_no_script():
    svg = _forecast().svg
    assert "style=" not in svg and "<style" not in svg and "<script" not in svg
    assert 'width="' not in svg[: svg.index(">")]  # the viewBox alone: it scales to its column
    assert 'id="f-' in svg and 'id="' + "clip" not in svg  # ids carry the chart's prefix


def test_it_gives_the_figures_as_a_table_that_matches_the_lines():
    table = _forecast().table
    assert table.headers == ["Date", "Actual", "With calls"]
    assert table.rows == [["31 Jan 2024", "£1,000", "£1,000"], ["29 Feb 2024", "£250", "-£50"]]
    assert table.header_cells()[1] == ("Actual", True)


def test_it_keeps_text_readable_on_a_phone():
    root = _root(_forecast())
    width = float(root.get("viewBox", "").split()[2])
    sizes = [float(t.get("font-size", "16").removesuffix("px")) for t in root.iter(f"{SVG}text")]
    assert sizes and min(sizes) * 360 / width >= 11.99  # about 360 px for the chart at 390 px


def test_it_says_a_single_point_frontier_in_words_and_draws_none():
    chart = charts.frontier(
        [charts.Point("Cap £1m", Decimal(900000), Decimal(12), True)], key="p", title="Cost"
    )
    assert chart.svg == "" and "only one plan" in chart.alt and "£900,000" in chart.alt
    assert chart.table.rows == [["Cap £1m", "£900,000", "12", "Yes"]]


def test_it_draws_a_frontier_of_two_points():
    points = [
        charts.Point("A", Decimal(1), Decimal(1), True),
        charts.Point("B", Decimal(2), Decimal(3), True),
    ]
    assert _root(charts.frontier(points, key="p", title="Cost")).tag == f"{SVG}svg"


def test_it_draws_a_gantt_with_every_label_whole():
    long = "A project with a very long name that would be cut off at the left of a Gantt chart"
    chart = charts.gantt(
        [charts.Bar(long, D(2025, 1, 1), D(2025, 6, 1), group="Growth", category="amber")],
        key="g", title="Roadmap", legend={"amber": "Amber"},
    )  # fmt: skip
    text = " ".join("".join(t.itertext()) for t in _root(chart).iter(f"{SVG}text"))
    assert all(word in text for word in long.split())
    assert chart.table.rows == [["Growth", long, "1 Jan 2025", "1 Jun 2025", "Amber"]]


def test_it_draws_bars_stages_and_a_trend():
    bars = charts.grouped_bars(
        ["Jan 25", "Feb 25"],
        [charts.BarSeries("Capacity", [3, 3]), charts.BarSeries("Demand", [2, 4])],
        key="b", title="Capacity", value_name="Days", flagged=[False, True],
    )  # fmt: skip
    assert "Feb 25" in bars.alt and bars.table.rows[1] == ["Feb 25", "3", "4"]
    stages = charts.stage_path(
        [charts.Stage("Idea", "done"), charts.Stage("Delivery", "current")], key="s", title="Stages"
    )
    assert "at Delivery" in stages.alt and _root(stages).tag == f"{SVG}svg"
    one = charts.rating_trend(
        [(D(2025, 1, 1), "red")], levels=[("red", "Red")], key="t", title="DCA"
    )
    assert one.svg == "" and "a trend needs two" in one.alt
