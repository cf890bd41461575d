"""Projects, their board, dependencies, documents and links to other programmes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from simple_history.models import HistoricalRecords

from partnerplan.core.models import ArchivableModel, TimeStampedModel, VisibleModel

if TYPE_CHECKING:
    from partnerplan.partners.models import Person

from partnerplan.portfolio.models.choices import (
    BoardRole,
    Confidence,
    ControlState,
    LinkKind,
    ReviewOutcomeKind,
)
from partnerplan.portfolio.models.programmes import Programme, ServiceArea, Stage, Workstream


class Project(TimeStampedModel, ArchivableModel, VisibleModel):
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="projects")
    workstream = models.ForeignKey(
        Workstream, null=True, blank=True, on_delete=models.PROTECT, related_name="projects"
    )
    title = models.CharField(max_length=200)
    summary = models.TextField(max_length=4000, blank=True)
    lead_partners = models.ManyToManyField(
        "partners.Partner", blank=True, related_name="led_projects"
    )
    lead_note = models.CharField(
        "leads as described",
        max_length=300,
        blank=True,
        help_text="For example 'SOTCC (insight), TBC (overall project)' or 'To be identified'.",
    )
    officer_lead = models.ForeignKey(
        "partners.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    project_executive = models.ForeignKey(
        "partners.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    project_manager = models.ForeignKey(
        "partners.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    sponsoring_body = models.ForeignKey(
        "governance.Body",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sponsored_projects",
    )
    planned_start = models.DateField(null=True, blank=True)
    planned_end = models.DateField(null=True, blank=True)
    forecast_start = models.DateField(null=True, blank=True)
    forecast_end = models.DateField(null=True, blank=True)
    actual_start = models.DateField(null=True, blank=True)
    actual_end = models.DateField(null=True, blank=True)
    service_areas = models.ManyToManyField(ServiceArea, blank=True, related_name="projects")
    board_members: models.ManyToManyField[Person, BoardMember] = models.ManyToManyField(
        "partners.Person", through="BoardMember", blank=True, related_name="project_boards"
    )
    depends_on: models.ManyToManyField[Project, Dependency] = models.ManyToManyField(
        "self",
        through="Dependency",
        symmetrical=False,
        blank=True,
        related_name="needed_by",
    )
    # Kept up to date by the services, so that the work plan filters without joins.
    stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="projects")
    disposition = models.CharField(
        "review outcome", max_length=32, choices=ReviewOutcomeKind.choices, blank=True
    )
    disposition_proposed = models.BooleanField(
        default=False, help_text="The review outcome is proposed, not yet decided."
    )
    confidence = models.CharField(
        "delivery confidence", max_length=16, choices=Confidence.choices, blank=True
    )
    last_report_end = models.DateField(null=True, blank=True, editable=False)
    business_case_at_risk = models.BooleanField(
        default=False, help_text="One or more benefits are behind their profile."
    )
    # Where it stands against its tolerances (models.exceptions.ControlState), kept by the
    # services of portfolio.services.control.
    control_state = models.CharField(
        max_length=16, choices=ControlState.choices, blank=True, editable=False
    )
    report_every_days = models.PositiveSmallIntegerField(
        "highlight reports every (days)",
        null=True,
        blank=True,
        help_text="Set by the board. Blank: the programme's interval.",
    )

    history = HistoricalRecords(m2m_fields=[lead_partners, service_areas])
    exempt_entitled_bodies_path = "sponsoring_body"

    class Meta:
        ordering = ["programme", "title"]
        indexes = [
            models.Index(fields=["programme", "stage"]),
            models.Index(fields=["title"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def start(self) -> object:
        return self.actual_start or self.forecast_start or self.planned_start

    @property
    def end(self) -> object:
        return self.actual_end or self.forecast_end or self.planned_end


class BoardMember(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="board")
    person = models.ForeignKey("partners.Person", on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=20, choices=BoardRole.choices, default=BoardRole.MEMBER)

    history = HistoricalRecords()

    class Meta:
        ordering = ["role", "person__last_name"]
        constraints = [
            models.UniqueConstraint(fields=["project", "person"], name="board_member_unique")
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"


class Dependency(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="dependencies")
    depends_on = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="dependents")
    note = models.CharField(max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "dependencies"
        constraints = [
            models.UniqueConstraint(fields=["project", "depends_on"], name="dependency_unique")
        ]

    def __str__(self) -> str:
        return f"{self.project} depends on {self.depends_on}"


class ProjectDocument(TimeStampedModel):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(max_length=200)
    url = models.URLField("web address", max_length=500)

    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class ProgrammeLink(TimeStampedModel):
    """A project of one programme linked to a workstream of another (Appendix A)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="links")
    workstream = models.ForeignKey(Workstream, on_delete=models.PROTECT, related_name="links")
    kind = models.CharField(max_length=20, choices=LinkKind.choices)
    note = models.TextField("comment", max_length=2000, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["workstream", "project__title"]
        constraints = [
            models.UniqueConstraint(fields=["project", "workstream"], name="link_unique")
        ]

    def __str__(self) -> str:
        return f"{self.project} {self.get_kind_display().lower()} {self.workstream}"
