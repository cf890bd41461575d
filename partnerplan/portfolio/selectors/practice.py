"""Reads for RAID, benefits and delivery confidence to practice: a project's assessments with
the scale's definitions, a RAID entry with its history and conversions, the lessons log
searched across the projects the viewer sees, and a project's benefits and dis-benefits
against their realisation plans."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet

from partnerplan.core import clock
from partnerplan.core.access import Viewer
from partnerplan.portfolio.models import (
    CONFIDENCE_DEFINITIONS,
    SCALE_VALUES,
    THREE_POINT_DEFINITIONS,
    Benefit,
    BenefitActual,
    BenefitKind,
    Confidence,
    ConfidenceAssessment,
    ConfidenceScale,
    Project,
    RaidEntry,
    RaidKind,
)
from partnerplan.portfolio.selectors import _child, _visible_projects
from partnerplan.portfolio.services.benefits import expected_value
from partnerplan.portfolio.services.confidence import current_assessment, scale_words

# --- Delivery confidence --------------------------------------------------------------------


@dataclass(frozen=True)
class ScalePoint:
    value: str
    label: str
    definition: str


def scale_points(scale: str) -> list[ScalePoint]:
    """The points of `scale` with what each means."""
    words = THREE_POINT_DEFINITIONS if scale == ConfidenceScale.THREE else CONFIDENCE_DEFINITIONS
    return [ScalePoint(v, str(Confidence(v).label), words[v]) for v in SCALE_VALUES[scale]]


@dataclass
class ConfidencePage:
    project: Project
    scale_name: str
    points: list[ScalePoint]
    assessments: list[ConfidenceAssessment]
    current: ConfidenceAssessment | None
    valid_days: int


def confidence_page(*, viewer: Viewer, project: Project) -> ConfidencePage:
    """The scale with its definitions and the project's assessments, newest first (2 queries)."""
    assessments = list(
        ConfidenceAssessment.objects.filter(project=project)
        .select_related("assessor")
        .order_by("-assessed_on", "-id")
    )
    today = clock.today()
    since = today - dt.timedelta(days=project.programme.dca_valid_days)
    current = next((a for a in assessments if since <= a.assessed_on <= today), None)
    scale = project.programme.confidence_scale
    return ConfidencePage(
        project=project,
        scale_name=scale_words(scale),
        points=scale_points(scale),
        assessments=assessments,
        current=current,
        valid_days=project.programme.dca_valid_days,
    )


def has_current_assessment(project: Project) -> bool:
    return current_assessment(project, clock.today()) is not None


# --- RAID entries and lessons -------------------------------------------------------------


@dataclass
class RaidEntryPage:
    entry: RaidEntry
    converted_to: list[RaidEntry]
    history: list[Any]


def raid_entry_page(*, viewer: Viewer, pk: int) -> RaidEntryPage:
    """A RAID entry (404 unless its project is visible) with the entries it was converted
    into and its history, newest first."""
    qs = RaidEntry.objects.select_related("project__programme", "owner", "converted_from__project")
    entry = _child(qs, "project", viewer=viewer, pk=pk, what="log entry")
    converted_to = list(entry.converted_to.select_related("owner").order_by("pk"))
    history = list(entry.history.select_related("history_user", "owner").order_by("-history_id"))
    return RaidEntryPage(entry=entry, converted_to=converted_to, history=history)


def lessons(*, viewer: Viewer, q: str = "") -> QuerySet[RaidEntry]:
    """The lessons log across every project the viewer sees, searched in the title,
    description and response, newest first."""
    found = RaidEntry.objects.filter(
        kind=RaidKind.LESSON, project__in=_visible_projects(viewer)
    ).select_related("project", "owner")
    for word in q.split()[:8]:
        found = found.filter(
            Q(title__icontains=word) | Q(description__icontains=word) | Q(response__icontains=word)
        )
    return found.order_by("-raised_on", "-pk")


# --- Benefits against their realisation plans -------------------------------------------


@dataclass(frozen=True)
class Measurement:
    measured_on: dt.date
    value: Decimal
    expected: Decimal
    note: str

    @property
    def difference(self) -> Decimal:
        return self.value - self.expected


@dataclass
class BenefitRow:
    benefit: Benefit
    expected_today: Decimal
    measurements: list[Measurement] = field(default_factory=list)


@dataclass
class BenefitsPage:
    project: Project
    benefits: list[BenefitRow]
    dis_benefits: list[BenefitRow]


def benefits_page(*, viewer: Viewer, project: Project) -> BenefitsPage:
    """Benefits and dis-benefits separately, each measurement against the plan's profile on
    its date (2 queries)."""
    today = clock.today()
    benefits: list[BenefitRow] = []
    dis: list[BenefitRow] = []
    rows = (
        Benefit.objects.filter(project=project)
        .select_related("owner")
        .prefetch_related("actuals")
        .order_by("target_on", "pk")
    )
    for benefit in rows:
        actuals: list[BenefitActual] = sorted(benefit.actuals.all(), key=lambda a: a.measured_on)
        row = BenefitRow(
            benefit=benefit,
            expected_today=expected_value(benefit, today),
            measurements=[
                Measurement(a.measured_on, a.value, expected_value(benefit, a.measured_on), a.note)
                for a in actuals
            ],
        )
        (dis if benefit.kind == BenefitKind.DIS_BENEFIT else benefits).append(row)
    return BenefitsPage(project=project, benefits=benefits, dis_benefits=dis)


def project_for_page(*, viewer: Viewer, pk: int) -> Project:
    """The project `pk` with its programme (1 query; 404 unless visible)."""
    from django.http import Http404

    project = _visible_projects(viewer).select_related("programme", "stage").filter(pk=pk).first()
    if project is None:
        raise Http404("No project you can see has that number")
    return project
