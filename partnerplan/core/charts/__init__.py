"""The chart core: plain dataclasses in, `Chart` (SVG, text alternative, table) out, drawn by
matplotlib in one house style. Framework-free: no Django imports."""

from partnerplan.core.charts.bars import grouped_bars as grouped_bars
from partnerplan.core.charts.gantt import gantt as gantt
from partnerplan.core.charts.lines import step_chart as step_chart
from partnerplan.core.charts.scatter import frontier as frontier
from partnerplan.core.charts.stages import stage_path as stage_path
from partnerplan.core.charts.trend import rating_trend as rating_trend
from partnerplan.core.charts.types import Bar as Bar
from partnerplan.core.charts.types import BarSeries as BarSeries
from partnerplan.core.charts.types import Chart as Chart
from partnerplan.core.charts.types import Line as Line
from partnerplan.core.charts.types import Point as Point
from partnerplan.core.charts.types import Stage as Stage
from partnerplan.core.charts.types import Table as Table
