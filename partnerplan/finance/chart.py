"""A fund's forecast as a chart from the chart core: one step line per basis (actual, with
approved calls, each scenario), gridlines, labelled ends and a "today" rule. The page shows
the same figures as a table beside it (core/_chart.html)."""

from __future__ import annotations

import datetime as dt

from partnerplan.core.charts import Chart, Line, step_chart
from partnerplan.finance.selectors import ForecastSeries


def forecast_chart(series: ForecastSeries, *, today: dt.date, key: str = "forecast") -> Chart:
    lines = [Line(n, list(zip(series.days, values, strict=True))) for n, values in series.lines]
    return step_chart(
        lines,
        key=key,
        title=f"Month-end balances of {series.fund}",
        value_name="Balance",
        today=today,
    )


def forecast_svg(series: ForecastSeries, *, today: dt.date) -> str:
    """The chart's SVG alone (kept for callers that embed only the picture)."""
    return forecast_chart(series, today=today).svg
