"""Reads of the portfolio, scoped to what the viewer may see.

`authority` offers the decisions that could cover a gate, a business-case approval or a review
outcome, and the twin-track matters about a project; `effects` feeds the decision effects'
pickers. Their names are re-exported here."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db import models
from django.db.models import Case, Count, Prefetch, Q, QuerySet, Value, When
from django.http import Http404

from partnerplan.core import clock
from partnerplan.core.access import Viewer, visible
from partnerplan.partners.models import Partner
from partnerplan.portfolio.models import (
    SCALE_VALUES,
    Benefit,
    BoardMember,
    BusinessCase,
    BusinessCaseVersion,
    Confidence,
    Criterion,
    Dependency,
    GatePassage,
    HighlightReport,
    Method,
    Programme,
    ProgrammeLink,
    Project,
    RaidEntry,
    RankPosition,
    ReviewOutcome,
    Score,
    Stage,
    Workstream,
)
from partnerplan.portfolio.scoring.aggregate import (
    Criterion as ScoringCriterion,
)
from partnerplan.portfolio.scoring.aggregate import (
    ProjectAssessment,
    RankingComparison,
    ScoreError,
    aggregate_partner_scores,
    compare_rankings,
    rank_projects,
)
from partnerplan.portfolio.selectors.authority import AuthorityChoices as AuthorityChoices
from partnerplan.portfolio.selectors.authority import (
    business_case_authority_choices as business_case_authority_choices,
)
from partnerplan.portfolio.selectors.authority import (
    gate_authority_choices as gate_authority_choices,
)
from partnerplan.portfolio.selectors.authority import project_matters as project_matters
from partnerplan.portfolio.selectors.authority import (
    review_authority_choices as review_authority_choices,
)
from partnerplan.portfolio.services.status import is_overdue

M = TypeVar("M", bound=models.Model)

# --- Programmes ------------------------------------------------------------------------------


def programme_list(*, viewer: Viewer) -> QuerySet[Programme]:
    return (
        visible(Programme.objects.filter(archived_at__isnull=True), viewer)
        .select_related("owner_body")
        .order_by("-is_partnership_plan", "name")
    )


def programme_detail(*, viewer: Viewer, pk: int) -> Programme:
    try:
        return (
            visible(Programme.objects.all(), viewer)
            .select_related("owner_body")
            .prefetch_related(
                "stages",
                Prefetch(
                    "workstreams",
                    queryset=Workstream.objects.filter(archived_at__isnull=True).prefetch_related(
                        "leads__partner", "lead_partners"
                    ),
                ),
            )
            .get(pk=pk)
        )
    except Programme.DoesNotExist:
        raise Http404("No programme you can see has that number") from None


def workstream_detail(*, viewer: Viewer, pk: int) -> Workstream:
    programmes = visible(Programme.objects.all(), viewer)
    try:
        return Workstream.objects.select_related("programme").get(pk=pk, programme__in=programmes)
    except Workstream.DoesNotExist:
        raise Http404("No workstream you can see has that number") from None


def workstream_choices(*, viewer: Viewer) -> QuerySet[Workstream]:
    return (
        Workstream.objects.filter(
            archived_at__isnull=True,
            programme__in=visible(Programme.objects.filter(archived_at__isnull=True), viewer),
        )
        .select_related("programme")
        .order_by("programme__name", "number", "name")
    )


def stage_codes(*, viewer: Viewer) -> list[tuple[str, str]]:
    """The stages to filter by: each code once, named as in the first programme using it."""
    seen: dict[str, str] = {}
    rows = (
        Stage.objects.filter(programme__in=programme_list(viewer=viewer))
        .order_by("order", "programme_id")
        .values_list("code", "name")
    )
    for code, name in rows:
        seen.setdefault(code, name)
    return list(seen.items())


# --- The work plan --------------------------------------------------------------------------


@dataclass(frozen=True)
class WorkplanFilters:
    q: str = ""
    programme: int | None = None
    workstream: int | None = None
    lead_partner: int | None = None
    stage: str = ""
    status: str = ""
    rag: str = ""
    at_risk: bool = False
    include_archived: bool = False
    sort: str = ""


# The orders the work plan can be sorted in (the `sort` filter); the first is the default.
SORTS: dict[str, tuple[str, list[str]]] = {
    "": ("Programme and workstream", ["programme__name", "workstream__number", "title"]),
    "title": ("Title", ["title"]),
    "stage": ("Stage", ["stage__order", "title"]),
    "end": ("End date (planned)", ["planned_end", "title"]),
    "rag": ("Delivery confidence, worst first", ["rag_order", "title"]),
}


def _filter(qs: QuerySet[Project], f: WorkplanFilters) -> QuerySet[Project]:
    if not f.include_archived:
        qs = qs.filter(archived_at__isnull=True)
    if f.q:
        qs = qs.filter(Q(title__icontains=f.q) | Q(summary__icontains=f.q))
    if f.programme:
        qs = qs.filter(programme_id=f.programme)
    if f.workstream:
        qs = qs.filter(Q(workstream_id=f.workstream) | Q(links__workstream_id=f.workstream))
    if f.lead_partner:
        qs = qs.filter(lead_partners=f.lead_partner)
    if f.stage:
        qs = qs.filter(stage__code=f.stage)
    if f.status:
        qs = qs.filter(disposition="" if f.status == "none" else f.status)
    if f.rag:
        qs = qs.filter(confidence="" if f.rag == "none" else f.rag)
    if f.at_risk:
        qs = qs.filter(business_case_at_risk=True)
    if f.workstream or f.lead_partner:
        qs = qs.distinct()
    return qs


def workplan(*, viewer: Viewer, filters: WorkplanFilters | None = None) -> QuerySet[Project]:
    """The projects the viewer may see, filtered, with what the work plan table shows."""
    qs = visible(Project.objects.all(), viewer).filter(
        programme__in=visible(Programme.objects.all(), viewer)
    )
    f = filters or WorkplanFilters()
    qs = _filter(qs, f)
    if f.sort == "rag":
        worst_first = [Confidence.RED, Confidence.AMBER_RED, Confidence.AMBER]
        worst_first += [Confidence.AMBER_GREEN, Confidence.GREEN]
        qs = qs.annotate(
            rag_order=Case(
                *(When(confidence=c, then=Value(i)) for i, c in enumerate(worst_first)),
                default=Value(len(worst_first)),
            )
        )
    return (
        qs.select_related("programme", "workstream", "stage", "officer_lead")
        .prefetch_related(
            Prefetch("lead_partners", queryset=Partner.objects.only("id", "abbreviation"))
        )
        .order_by(*SORTS.get(f.sort, SORTS[""])[1], "pk")
    )


@dataclass
class WorkplanRow:
    project: Project
    overdue: bool


def workplan_rows(projects: Any, today: dt.date | None = None) -> list[WorkplanRow]:
    today = today or clock.today()
    return [WorkplanRow(p, is_overdue(p, today)) for p in projects]


BOARD_LIMIT = 30


@dataclass
class BoardColumn:
    stage: Stage
    count: int = 0
    projects: list[Project] = field(default_factory=list)

    @property
    def more(self) -> int:
        return self.count - len(self.projects)


def board(*, viewer: Viewer, programme: Programme, filters: WorkplanFilters) -> list[BoardColumn]:
    """The programme's stages with their projects: the first BOARD_LIMIT of each (by title) and
    how many there are, so that the board stays quick with thousands of projects."""
    rows = workplan(viewer=viewer, filters=filters).filter(programme=programme)
    counts = dict(rows.order_by().values_list("stage_id").annotate(n=Count("pk", distinct=True)))
    columns = []
    for stage in programme.stages.order_by("order"):
        column = BoardColumn(stage, counts.get(stage.pk, 0))
        if column.count:
            column.projects = list(
                rows.filter(stage=stage)
                .prefetch_related(None)
                .order_by("title", "pk")[:BOARD_LIMIT]
            )
        columns.append(column)
    return columns


# --- One project -----------------------------------------------------------------------------


def project_detail(*, viewer: Viewer, pk: int) -> Project:
    visible_projects = visible(Project.objects.all(), viewer)
    try:
        return (
            visible_projects.filter(programme__in=visible(Programme.objects.all(), viewer))
            .select_related(
                "programme",
                "workstream",
                "stage",
                "officer_lead__partner",
                "project_executive__partner",
                "project_manager__partner",
                "sponsoring_body",
            )
            .prefetch_related(
                "lead_partners",
                "service_areas",
                "documents",
                Prefetch("board", queryset=BoardMember.objects.select_related("person__partner")),
                Prefetch(
                    "dependencies",
                    queryset=Dependency.objects.filter(depends_on__in=visible_projects)
                    .select_related("depends_on__stage")
                    .order_by("depends_on__title"),
                ),
                Prefetch(
                    "dependents",
                    queryset=Dependency.objects.filter(project__in=visible_projects)
                    .select_related("project__stage")
                    .order_by("project__title"),
                ),
                Prefetch(
                    "links",
                    queryset=ProgrammeLink.objects.select_related("workstream__programme"),
                ),
                Prefetch(
                    "gate_passages",
                    queryset=GatePassage.objects.select_related(
                        "from_stage", "to_stage", "authority_body"
                    ),
                ),
                Prefetch(
                    "reviews",
                    queryset=ReviewOutcome.objects.select_related("keeper", "authority_body"),
                ),
                Prefetch(
                    "business_cases",
                    queryset=BusinessCase.objects.prefetch_related(
                        Prefetch(
                            "versions",
                            queryset=BusinessCaseVersion.objects.select_related("approved_by"),
                        )
                    ),
                ),
                Prefetch(
                    "benefits",
                    queryset=Benefit.objects.select_related("owner").prefetch_related("actuals"),
                ),
                Prefetch(
                    "highlight_reports",
                    queryset=HighlightReport.objects.select_related("author"),
                ),
                Prefetch(
                    "raid",
                    queryset=RaidEntry.objects.select_related("owner").order_by(
                        "status", "kind", "-raised_on"
                    ),
                ),
            )
            .get(pk=pk)
        )
    except Project.DoesNotExist:
        raise Http404("No project you can see has that number") from None


def _visible_projects(viewer: Viewer) -> QuerySet[Project]:
    """The projects `viewer` may see: visible themselves and in a programme the viewer sees."""
    return visible(Project.objects.all(), viewer).filter(
        programme__in=visible(Programme.objects.all(), viewer)
    )


def _child(queryset: QuerySet[M], path: str, *, viewer: Viewer, pk: int, what: str) -> M:
    """The row `pk` of `queryset` if the project at `path` is one the viewer sees; else 404."""
    found = queryset.filter(pk=pk, **{f"{path}__in": _visible_projects(viewer)}).first()
    if found is None:
        raise Http404(f"No {what} you can see has that number")
    return found


def stage_detail(*, viewer: Viewer, pk: int) -> Stage:
    try:
        return Stage.objects.select_related("programme").get(
            pk=pk, programme__in=visible(Programme.objects.all(), viewer)
        )
    except Stage.DoesNotExist:
        raise Http404("No stage you can see has that number") from None


def link_detail(*, viewer: Viewer, pk: int) -> ProgrammeLink:
    qs = ProgrammeLink.objects.select_related("project", "workstream")
    return _child(qs, "project", viewer=viewer, pk=pk, what="link")


def dependency_detail(*, viewer: Viewer, pk: int) -> Dependency:
    qs = Dependency.objects.select_related("project", "depends_on")
    return _child(qs, "project", viewer=viewer, pk=pk, what="dependency")


def business_case_detail(*, viewer: Viewer, pk: int) -> BusinessCase:
    qs = BusinessCase.objects.select_related("project")
    return _child(qs, "project", viewer=viewer, pk=pk, what="business case")


def business_case_version_detail(*, viewer: Viewer, pk: int) -> BusinessCaseVersion:
    qs = BusinessCaseVersion.objects.select_related("business_case")
    return _child(qs, "business_case__project", viewer=viewer, pk=pk, what="business case version")


def benefit_detail(*, viewer: Viewer, pk: int) -> Benefit:
    qs = Benefit.objects.select_related("project")
    return _child(qs, "project", viewer=viewer, pk=pk, what="benefit")


def raid_entry_detail(*, viewer: Viewer, pk: int) -> RaidEntry:
    qs = RaidEntry.objects.select_related("project")
    return _child(qs, "project", viewer=viewer, pk=pk, what="log entry")


def gate_stages(project: Project) -> QuerySet[Stage]:
    """The stages a gate decision can ask for: every other stage of the project's programme (a
    wrong one is refused with the reason)."""
    return Stage.objects.filter(programme_id=project.programme_id).exclude(pk=project.stage_id)


def project_choices(*, viewer: Viewer, exclude: int | None = None) -> QuerySet[Project]:
    qs = visible(Project.objects.filter(archived_at__isnull=True), viewer).select_related(
        "programme"
    )
    if exclude:
        qs = qs.exclude(pk=exclude)
    return qs.order_by("programme__name", "title")


def scale_choices(programme: Programme) -> list[tuple[str, str]]:
    labels = dict(Confidence.choices)
    return [(v, labels[v]) for v in SCALE_VALUES[programme.confidence_scale]]


# --- Overlap table ----------------------------------------------------------------------------


@dataclass
class OverlapEntry:
    project: Project | None
    officer_lead: str
    comment: str
    kind: str


@dataclass
class OverlapRow:
    workstream: Workstream
    leads: str
    entries: list[OverlapEntry]


def _leads(workstream: Workstream) -> str:
    """The leads as described, if they were; otherwise the lead people, else lead partners."""
    if workstream.lead_note:
        return workstream.lead_note
    people = [
        f"{p.full_name} ({p.partner.abbreviation})" if p.partner else p.full_name
        for p in workstream.leads.all()
    ]
    partners = [p.abbreviation for p in workstream.lead_partners.all()]
    return ", ".join(people or partners) or "Not recorded"


def project_lead_text(project: Project) -> str:
    if project.lead_note:
        return project.lead_note
    names = [p.abbreviation for p in project.lead_partners.all()]
    lead = project.officer_lead.full_name if project.officer_lead else ""
    if names:
        return f"{lead} ({', '.join(names)})" if lead else f"Lead: {', '.join(names)}"
    return lead or "N/a"


def overlap(*, viewer: Viewer, side: Programme, other: Programme) -> list[OverlapRow]:
    """Appendix A: `side`'s workstreams down the side with their leads, and the projects of
    `other` linked to each (in the order they were linked), with their officer leads and
    comments."""
    projects = visible(Project.objects.filter(programme=other, archived_at__isnull=True), viewer)
    links = (
        ProgrammeLink.objects.filter(project__in=projects)
        .select_related("project__officer_lead")
        .prefetch_related("project__lead_partners")
        .order_by("pk")
    )
    workstreams = (
        side.workstreams.filter(archived_at__isnull=True)
        .prefetch_related(
            "leads__partner", "lead_partners", Prefetch("links", queryset=links, to_attr="shown")
        )
        .order_by("number", "name")
    )
    rows = []
    for ws in workstreams:
        entries = [
            OverlapEntry(link.project, project_lead_text(link.project), link.note, link.kind)
            for link in ws.shown
        ]
        rows.append(OverlapRow(ws, _leads(ws), entries))
    return rows


# --- Prioritisation ---------------------------------------------------------------------------


def method_list(*, viewer: Viewer) -> QuerySet[Method]:
    return Method.objects.filter(archived_at__isnull=True).select_related("owner_body")


def method_detail(*, viewer: Viewer, pk: int) -> Method:
    try:
        return (
            Method.objects.select_related("owner_body")
            .prefetch_related("criteria", "judgements__first", "judgements__second")
            .get(pk=pk)
        )
    except Method.DoesNotExist:
        raise Http404("No method has that number") from None


def scoring_criteria(method: Method) -> list[ScoringCriterion]:
    return [
        ScoringCriterion(
            name=c.name,
            weight=c.weight,
            scale_min=c.scale_min,
            scale_max=c.scale_max,
            higher_is_better=c.higher_is_better,
        )
        for c in method.criteria.all()
    ]


@dataclass
class RankingRow:
    project: Project
    assessment: ProjectAssessment | None
    rank: str
    position: int
    moved: bool


def ranking(*, viewer: Viewer, method: Method) -> list[RankingRow]:
    """The projects scored with `method`, ranked by their mean weighted score (spread shown),
    in the order adjusted by hand where it has been."""
    criteria = list(method.criteria.all())
    scoring = scoring_criteria(method)
    projects = {
        p.pk: p
        for p in visible(Project.objects.filter(scores__method=method), viewer)
        .distinct()
        .select_related("stage", "programme")
    }
    names = {c.pk: c.name for c in criteria}
    by_project: dict[int, dict[str, dict[str, float]]] = defaultdict(lambda: defaultdict(dict))
    for score in Score.objects.filter(method=method, project_id__in=projects).select_related(
        "partner"
    ):
        by_project[score.project_id][score.partner.abbreviation][names[score.criterion_id]] = (
            score.value
        )
    assessments: dict[int, ProjectAssessment] = {}
    for pk, partner_scores in by_project.items():
        try:
            assessments[pk] = aggregate_partner_scores(projects[pk].title, partner_scores, scoring)
        except (ScoreError, ValueError):
            continue  # incomplete scores: shown unranked
    keyed = {str(pk): a.overall.mean for pk, a in assessments.items()}
    ranked = {int(r.project): r.display_rank for r in rank_projects(keyed)} if keyed else {}
    computed = [int(r.project) for r in rank_projects(keyed)] if keyed else []
    computed += sorted(
        (pk for pk in projects if pk not in assessments), key=lambda pk: projects[pk].title
    )
    manual = dict(RankPosition.objects.filter(method=method).values_list("project_id", "position"))
    order = sorted(
        computed,
        key=lambda pk: (manual.get(pk, len(computed) + computed.index(pk)), computed.index(pk)),
    )
    return [
        RankingRow(
            project=projects[pk],
            assessment=assessments.get(pk),
            rank=ranked.get(pk, "Not ranked"),
            position=i,
            moved=bool(manual) and order.index(pk) != computed.index(pk),
        )
        for i, pk in enumerate(order, start=1)
    ]


def compare_methods(*, viewer: Viewer, a: Method, b: Method) -> RankingComparison:
    """The two methods' rankings of the same projects, and where they disagree."""
    ranks_a = {
        row.project.title: float(row.position)
        for row in ranking(viewer=viewer, method=a)
        if row.assessment
    }
    ranks_b = {
        row.project.title: float(row.position)
        for row in ranking(viewer=viewer, method=b)
        if row.assessment
    }
    return compare_rankings(ranks_a, ranks_b, label_a=a.name, label_b=b.name)


def criteria_for(method: Method) -> list[Criterion]:
    return list(method.criteria.all())
