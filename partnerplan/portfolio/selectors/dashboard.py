"""The programme dashboard: for each workstream of a programme (and its projects in no
workstream), its projects with delivery confidence, tolerance status, spend against budget
(the ledger, through `portfolio.control_sources`), benefits on track, open exceptions and
risks escalated to the programme. A fixed number of queries whatever the number of projects."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from partnerplan.core import clock
from partnerplan.core.access import Viewer
from partnerplan.portfolio import control_sources
from partnerplan.portfolio.models import (
    Benefit,
    BenefitKind,
    Confidence,
    ControlState,
    ExceptionOutcome,
    ExceptionReport,
    Programme,
    ProgrammeLink,
    Project,
    RaidEntry,
    RaidStatus,
    Workstream,
)
from partnerplan.portfolio.selectors import _visible_projects
from partnerplan.portfolio.services import control as c


@dataclass
class DashboardRow:
    project: Project
    confidence: str
    state: str
    state_label: str
    exceeded: list[str]
    budget: Decimal | None
    spend: Decimal
    benefits: int
    benefits_behind: int
    exceptions_open: int
    escalated: list[RaidEntry]
    linked: bool = False

    @property
    def benefits_on_track(self) -> int:
        return self.benefits - self.benefits_behind

    @property
    def in_exception(self) -> bool:
        return self.state not in (ControlState.NONE, ControlState.CONTINUING)


@dataclass
class DashboardGroup:
    name: str
    workstream: Workstream | None
    rows: list[DashboardRow] = field(default_factory=list)


@dataclass
class Dashboard:
    programme: Programme
    groups: list[DashboardGroup]
    total_budget: Decimal
    total_spend: Decimal
    in_exception: int
    projects: int


_Counts = tuple[Counter[int], Counter[int], Counter[int], dict[int, list[RaidEntry]]]


def _counts(ids: list[int]) -> _Counts:
    """Benefits (and those behind), open exceptions and escalated entries by project (3 queries)."""
    benefits: Counter[int] = Counter()
    behind: Counter[int] = Counter()
    for b in Benefit.objects.filter(project_id__in=ids, kind=BenefitKind.BENEFIT).only(
        "project_id", "is_behind"
    ):
        benefits[b.project_id] += 1
        behind[b.project_id] += int(b.is_behind)
    exceptions: Counter[int] = Counter(
        ExceptionReport.objects.filter(
            project_id__in=ids, outcome__in=["", ExceptionOutcome.REFER]
        ).values_list("project_id", flat=True)
    )
    escalated: dict[int, list[RaidEntry]] = {}
    for e in RaidEntry.objects.filter(
        project_id__in=ids, status=RaidStatus.OPEN, escalated_on__isnull=False
    ).order_by("-escalated_on", "pk"):
        escalated.setdefault(e.project_id, []).append(e)
    return benefits, behind, exceptions, escalated


def programme_dashboard(*, viewer: Viewer, programme: Programme) -> Dashboard:
    today = clock.today()
    projects = list(
        _visible_projects(viewer)
        .filter(programme=programme, archived_at__isnull=True)
        .select_related("stage", "workstream")
        .order_by("workstream__number", "workstream__name", "title")
    )
    # Another programme's projects linked to this programme's workstreams (Appendix A) show
    # under the workstream, marked as linked.
    links = list(
        ProgrammeLink.objects.filter(
            workstream__programme=programme,
            workstream__archived_at__isnull=True,
            project__in=_visible_projects(viewer).filter(archived_at__isnull=True),
        )
        .exclude(project__programme=programme)
        .select_related("project__stage", "project__workstream")
        .order_by("workstream_id", "project__title")
    )
    own = {p.pk for p in projects}
    for link in links:
        if link.project_id not in own:
            own.add(link.project_id)
            projects.append(link.project)
    ids = [p.pk for p in projects]
    controls = c.controls_for(projects, today)
    spend = control_sources.spend(ids, today)
    benefits, behind, exceptions, escalated = _counts(ids)
    groups: dict[int | None, DashboardGroup] = {}
    for ws in Workstream.objects.filter(programme=programme, archived_at__isnull=True):
        groups[ws.pk] = DashboardGroup(str(ws), ws)
    loose = DashboardGroup("Not in a workstream", None)
    total_budget = Decimal(0)
    linked_to: dict[int, list[int]] = {}
    for link in links:
        linked_to.setdefault(link.project_id, []).append(link.workstream_id)

    def row_for(project: Project, linked: bool) -> DashboardRow:
        control = controls.get(project.pk)
        state = c.control_state(project, control)
        budget = control.baseline.cost if control is not None else None
        return DashboardRow(
            project=project,
            confidence=project.confidence,
            state=state,
            state_label=ControlState(state).label,
            exceeded=control.exceeded if control is not None else [],
            budget=budget if isinstance(budget, Decimal) else None,
            spend=spend.get(project.pk, Decimal(0)),
            benefits=benefits[project.pk],
            benefits_behind=behind[project.pk],
            exceptions_open=exceptions[project.pk],
            escalated=escalated.get(project.pk, []),
            linked=linked,
        )

    for project in projects:
        if project.programme_id == programme.pk:
            group = groups.get(project.workstream_id) if project.workstream_id else None
            (group or loose).rows.append(row_for(project, False))
        for ws_id in linked_to.get(project.pk, []):
            if ws_id in groups and project.programme_id != programme.pk:
                groups[ws_id].rows.append(row_for(project, True))
    shown = [g for g in groups.values()] + ([loose] if loose.rows else [])
    rows = [r for g in shown for r in g.rows]
    for r in {r.project.pk: r for r in rows}.values():
        total_budget += r.budget or Decimal(0)
    unique = {r.project.pk: r for r in rows}.values()
    return Dashboard(
        programme=programme,
        groups=shown,
        total_budget=total_budget,
        total_spend=sum((r.spend for r in unique), Decimal(0)),
        in_exception=sum(1 for r in unique if r.in_exception),
        projects=len(unique),
    )


def confidence_label(value: str) -> str:
    return str(Confidence(value).label) if value else "Not assessed"
