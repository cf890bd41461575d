"""The resources pages' charts, built from their selectors' results by the chart core: capacity
against demand by month, a task schedule's Gantt, a Gantt of each planner scenario and the
cost-value frontier."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from partnerplan.core.charts import Bar, BarSeries, Chart, Point, frontier, gantt, grouped_bars
from partnerplan.resources.planning.months import add_months

PLAN_LEGEND = {"": "In the plan", "committed": "Committed before the run"}


def capacity_charts(capacity: Any) -> list[tuple[Any, Chart]]:
    """Each skill's row with its chart: capacity and demand in days a week by month."""
    out = []
    for row in capacity.skills:
        chart = grouped_bars(
            [m.month.strftime("%b %y") for m in row.months],
            [
                BarSeries("Capacity", [float(m.capacity) for m in row.months]),
                BarSeries("Demand", [float(m.demand) for m in row.months]),
            ],
            key=f"capacity-{row.skill.code}",
            title=f"{row.skill.name}: capacity against demand, days a week",
            value_name="Days a week",
            flagged=[m.short for m in row.months],
        )
        out.append((row, chart))
    return out


def schedule_chart(view: Any) -> Chart:
    """A task schedule as a Gantt; tasks on the longest chain are marked as such."""
    bars = [
        Bar(
            label=row.name,
            start=row.starts_on,
            end=row.ends_on + dt.timedelta(days=1),
            category="committed" if row.on_chain else "",
            note="on the longest chain" if row.on_chain else "",
        )
        for row in view.rows
    ]
    return gantt(
        bars,
        key="schedule",
        title=f"Schedule of {len(bars)} task{'s' if len(bars) != 1 else ''}",
        legend={"": "Task", "committed": "On the longest chain"},
    )


def plan_charts(view: dict[str, Any], *, today: dt.date) -> list[tuple[dict[str, Any], Chart]]:
    """Each scenario's plan with its Gantt: a bar per project from its first month to the end
    of its last."""
    out = []
    for i, plan in enumerate(view["plans"]):
        bars = [
            Bar(
                label=s["title"],
                start=dt.date.fromisoformat(s["start"]),
                end=add_months(dt.date.fromisoformat(s["end"]), 1),
                category="committed" if s.get("fixed") else "",
                note="committed" if s.get("fixed") else "",
            )
            for s in plan["scheduled"]
        ]
        title = f"Projects in the plan over time ({plan['name']})"
        out.append((plan, gantt(bars, key=f"plan-{i}", title=title, today=today,
                                legend=PLAN_LEGEND)))  # fmt: skip
    return out


def frontier_chart(view: dict[str, Any]) -> Chart:
    points = [
        Point(
            label=f"Cap {p['budget_label']}",
            x=Decimal(p["cost"]),
            y=Decimal(p["value"]),
            highlighted=bool(p["efficient"]),
        )
        for p in view["frontier"]
    ]
    return frontier(points, key="frontier", title="Cost against value")
