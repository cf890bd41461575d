"""The portfolio's pictures, built by the chart core from projects already read by the
selectors: the timeline, the roadmap (projects by programme, coloured by delivery
confidence), and a project's stage path, confidence trend and benefits realisation curve.
Fields another issue may be changing are read with getattr, so the pictures never break."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from partnerplan.core.charts import (
    Bar,
    Chart,
    Line,
    Stage,
    gantt,
    rating_trend,
    stage_path,
    step_chart,
)
from partnerplan.portfolio.models import Confidence
from partnerplan.portfolio.selectors import pictures

CONFIDENCE_LEGEND = {c.value: c.label for c in Confidence} | {"unrated": "Not rated"}
LEVELS = [(c.value, c.label) for c in reversed(list(Confidence))]  # worst first


def _dated(projects: Iterable[Any]) -> list[Any]:
    return [p for p in projects if isinstance(p.start, dt.date) and isinstance(p.end, dt.date)]


def timeline_chart(projects: list[Any], *, today: dt.date) -> Chart:
    bars = [
        Bar(p.title, p.start, p.end, category="" if p.actual_start else "unrated",
            note="started" if p.actual_start else "not started")
        for p in _dated(projects)
    ]  # fmt: skip
    return gantt(bars, key="timeline", title="Timeline of projects", today=today,
                 legend={"": "Started", "unrated": "Not started"})  # fmt: skip


def roadmap_chart(projects: list[Any], *, today: dt.date) -> Chart:
    dated = sorted(_dated(projects), key=lambda p: (str(p.programme), p.start, p.title))
    bars = [
        Bar(p.title, p.start, p.end, group=str(p.programme),
            category=getattr(p, "confidence", "") or "unrated",
            note=CONFIDENCE_LEGEND.get(getattr(p, "confidence", "") or "unrated", ""))
        for p in dated
    ]  # fmt: skip
    return gantt(bars, key="roadmap", title="Roadmap of the work plan", today=today,
                 legend=CONFIDENCE_LEGEND)  # fmt: skip


def stage_chart(stages: list[Any], current: Any) -> Chart:
    at = next((i for i, s in enumerate(stages) if s.pk == getattr(current, "pk", None)), -1)
    path = [
        Stage(s.name, "done" if i < at else "current" if i == at else "to come")
        for i, s in enumerate(stages)
    ]
    return stage_path(path, key="stages", title="Stage path")


def confidence_chart(ratings: list[tuple[dt.date, str]], *, today: dt.date) -> Chart:
    return rating_trend(ratings, levels=LEVELS, key="confidence",
                        title="Delivery confidence over time", today=today)  # fmt: skip


def benefits_chart(benefits: list[tuple[str, list[tuple[dt.date, Decimal]]]], *,
                   today: dt.date) -> Chart:  # fmt: skip
    """Each benefit's share of its target realised (per cent) at each measurement."""
    lines = [Line(name, points) for name, points in benefits[:6] if len(points) > 1]
    return step_chart(lines, key="benefits", title="Benefits realisation",
                      value_name="% of target", money=False, today=today)  # fmt: skip


def project_pictures(project: Any, *, today: dt.date) -> dict[str, Chart]:
    """The project page's stage path, confidence trend and benefits realisation curve."""
    return {
        "stage_chart": stage_chart(pictures.project_stages(project), project.stage),
        "confidence_chart": confidence_chart(pictures.confidence_ratings(project), today=today),
        "benefits_chart": benefits_chart(pictures.benefit_realisation(project), today=today),
    }
