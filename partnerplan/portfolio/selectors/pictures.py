"""What the project page's pictures read (read-only, three queries): the programme's stages,
the project's delivery confidence ratings over time and its benefits' measurements. The
project has already been fetched through the scoped `project_detail`. Confidence
assessments and benefits are being reshaped by another issue, so fields are read with
getattr and a missing relation gives an empty picture, never an error."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from partnerplan.portfolio.models import Project, Stage

Points = list[tuple[dt.date, Decimal]]


def project_stages(project: Project) -> list[Any]:
    return list(Stage.objects.filter(programme_id=project.programme_id).order_by("order", "pk"))


def confidence_ratings(project: Project) -> list[tuple[dt.date, str]]:
    """Ratings by date: the delivery confidence assessments, or the highlight reports'
    overall confidence where there are none."""
    assessments = getattr(project, "confidence_assessments", None)
    rows: list[tuple[dt.date, str]] = []
    if assessments is not None:
        rows = [(a.assessed_on, a.rating) for a in assessments.order_by("assessed_on", "pk")]
    if not rows:
        rows = [
            (r.period_end, r.confidence)
            for r in project.highlight_reports.order_by("period_end", "pk")
        ]
    return [(d, str(v)) for d, v in rows if isinstance(d, dt.date)]


def benefit_realisation(project: Project) -> list[tuple[str, Points]]:
    """Each benefit's share of its target realised (per cent) at each measurement, from 0 at
    its baseline date."""
    out = []
    for b in project.benefits.all():  # prefetched with its actuals by project_detail
        baseline = getattr(b, "baseline", None)
        target = getattr(b, "target", None)
        start = getattr(b, "baseline_on", None)
        if baseline is None or target is None or target == baseline or start is None:
            continue
        points: Points = [(start, Decimal(0))]
        for a in sorted(b.actuals.all(), key=lambda a: a.measured_on):
            share = (a.value - baseline) / (target - baseline) * 100
            points.append((a.measured_on, share.quantize(Decimal(1))))
        out.append((str(getattr(b, "description", "") or "Benefit")[:40], points))
    return out
