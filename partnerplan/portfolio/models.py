"""The portfolio: programmes, workstreams and projects moving through governed stage gates,
with business cases, benefits, prioritisation, highlight reports and a RAID log.

No rules live here: validation and transitions are in services.py, reads in selectors.py.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import models
from simple_history.models import HistoricalRecords

from partnerplan.core.models import ArchivableModel, TimeStampedModel, VisibleModel

if TYPE_CHECKING:
    from partnerplan.partners.models import Person

# --- Reference lists -----------------------------------------------------------------------


class ConfidenceScale(models.TextChoices):
    FIVE = "five", "Five-point (green, amber/green, amber, amber/red, red)"
    THREE = "three", "Three-point (green, amber, red)"


class Confidence(models.TextChoices):
    """Delivery confidence (IPA five-point scale; the three-point scale uses three of them)."""

    GREEN = "green", "Green"
    AMBER_GREEN = "amber_green", "Amber/green"
    AMBER = "amber", "Amber"
    AMBER_RED = "amber_red", "Amber/red"
    RED = "red", "Red"


SCALE_VALUES: dict[str, list[str]] = {
    ConfidenceScale.FIVE: [c.value for c in Confidence],
    ConfidenceScale.THREE: [Confidence.GREEN, Confidence.AMBER, Confidence.RED],
}
# Confidence ratings that need commentary and an action (the issue: amber/red or red).
NEEDS_ACTION = {Confidence.AMBER_RED, Confidence.RED}


class ReviewOutcomeKind(models.TextChoices):
    """The review outcomes the seed report uses (sections 4.1 to 4.6 and 4.13)."""

    RETAINED = "retained", "Retained"
    WATCHING_BRIEF = "watching_brief", "Watching brief (kept by the lead partner)"
    PROPOSED_DISCONTINUATION = "proposed_discontinuation", "Proposed for discontinuation"
    DISCONTINUED = "discontinued", "Discontinued"
    WITHDRAWN = "withdrawn", "Withdrawn"
    REDESIGN = "redesign", "Redesign"


# A project with one of these outcomes (decided, not only proposed) is stopped.
STOPPED_OUTCOMES = {ReviewOutcomeKind.DISCONTINUED, ReviewOutcomeKind.WITHDRAWN}


class BusinessCaseStage(models.TextChoices):
    """Green Book business case stages; a small scheme has a single-stage case."""

    SOC = "soc", "Strategic outline case"
    OBC = "obc", "Outline business case"
    FBC = "fbc", "Full business case"
    BJC = "bjc", "Business justification case (single-stage, small scheme)"


# A case of a later stage satisfies a gate that asks for an earlier one; the single-stage
# case satisfies any.
BUSINESS_CASE_RANK = {
    BusinessCaseStage.SOC: 1,
    BusinessCaseStage.OBC: 2,
    BusinessCaseStage.FBC: 3,
    BusinessCaseStage.BJC: 3,
}
FIVE_CASES = ["strategic", "economic", "commercial", "financial", "management"]
# The cases a version of each stage must fill in before it can be approved.
REQUIRED_CASES: dict[str, list[str]] = {
    BusinessCaseStage.SOC: ["strategic", "economic"],
    BusinessCaseStage.OBC: FIVE_CASES,
    BusinessCaseStage.FBC: FIVE_CASES,
    BusinessCaseStage.BJC: FIVE_CASES,
}


class LinkKind(models.TextChoices):
    SUPPORTS = "supports", "Supports"
    OVERLAPS = "overlaps", "Overlaps"
    DELIVERS_PART_OF = "delivers_part_of", "Delivers part of"
    SUPPLIER_TO = "supplier_to", "Supplier to"
    CONTRIBUTES_TO = "contributes_to", "Contributes to"


class BoardRole(models.TextChoices):
    SENIOR_USER = "senior_user", "Senior user"
    SENIOR_SUPPLIER = "senior_supplier", "Senior supplier"
    ASSURANCE = "assurance", "Project assurance"
    CHAIR = "chair", "Chair of the project board"
    MEMBER = "member", "Board member"


class RaidKind(models.TextChoices):
    RISK = "risk", "Risk"
    ISSUE = "issue", "Issue"
    ASSUMPTION = "assumption", "Assumption"
    DEPENDENCY = "dependency", "Dependency"
    LESSON = "lesson", "Lesson"


class RaidStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class Weighting(models.TextChoices):
    DIRECT = "direct", "Set directly"
    PAIRWISE = "pairwise", "Derived from pairwise comparison"


# --- Programmes and workstreams ------------------------------------------------------------


class Programme(TimeStampedModel, ArchivableModel, VisibleModel):
    """A programme: the partnership's own work plan, or another body's (such as the Leaders
    and Chief Executives Group's eight workstreams)."""

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=40, blank=True)
    owner_body = models.ForeignKey(
        "governance.Body",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="programmes",
        help_text="The body that owns this programme.",
    )
    description = models.TextField(max_length=4000, blank=True)
    confidence_scale = models.CharField(
        "delivery confidence scale",
        max_length=8,
        choices=ConfidenceScale.choices,
        default=ConfidenceScale.FIVE,
    )
    report_every_days = models.PositiveSmallIntegerField(
        "highlight reports expected every (days)",
        default=31,
        help_text="A project whose last highlight report is older than this is overdue.",
    )
    is_partnership_plan = models.BooleanField(
        "the partnership's own work plan",
        default=False,
        help_text="Projects of the partnership's own work plan can be scored and ranked.",
    )

    history = HistoricalRecords()
    exempt_entitled_bodies_path = "owner_body"

    class Meta:
        ordering = ["-is_partnership_plan", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        return self.short_name or self.name


class Stage(TimeStampedModel):
    """A stage of a programme's lifecycle. Entering it is a gate."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="stages")
    code = models.SlugField(max_length=40)
    name = models.CharField(max_length=100)
    order = models.PositiveSmallIntegerField()
    requires_business_case = models.CharField(
        "business case needed to enter",
        max_length=4,
        choices=BusinessCaseStage.choices,
        blank=True,
        help_text="The gate into this stage needs an approved business case of this stage "
        "(or a later one).",
    )
    expects_reports = models.BooleanField(
        "highlight reports expected", default=False, help_text="Projects in this stage report."
    )
    is_final = models.BooleanField(default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "order"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "code"], name="stage_code_unique"),
            models.UniqueConstraint(fields=["programme", "order"], name="stage_order_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class Workstream(TimeStampedModel, ArchivableModel):
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="workstreams")
    number = models.PositiveSmallIntegerField(null=True, blank=True)
    name = models.CharField(max_length=200)
    description = models.TextField(max_length=4000, blank=True)
    leads = models.ManyToManyField(
        "partners.Person", blank=True, related_name="led_workstreams", verbose_name="lead people"
    )
    lead_partners = models.ManyToManyField(
        "partners.Partner", blank=True, related_name="led_workstreams"
    )
    lead_note = models.CharField(
        "leads as described",
        max_length=300,
        blank=True,
        help_text="How the leads are described, if not only by name (for example 'Districts "
        "and County').",
    )

    history = HistoricalRecords(m2m_fields=[leads, lead_partners])

    class Meta:
        ordering = ["programme", "number", "name"]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}" if self.number else self.name


class ServiceArea(models.Model):
    name = models.CharField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


# --- Projects ------------------------------------------------------------------------------


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


# --- Gates and reviews ---------------------------------------------------------------------


class DecisionReference(models.Model):
    """Which body decided, at which meeting or under which delegation, and when.

    A decision recorded in partnerplan is linked (`decision`, or `officer_decision` for one
    taken under a delegation) and the text fields are copied from it; a decision taken before
    partnerplan was in use is recorded from the papers with `recorded_from_papers` set.
    """

    decision = models.ForeignKey(
        "governance.Decision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The body's decision on a recommendation.",
    )
    officer_decision = models.ForeignKey(
        "governance.OfficerDecision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="A decision taken under a delegation.",
    )
    recorded_from_papers = models.BooleanField(
        "decided before partnerplan was in use",
        default=False,
        help_text="Recorded from the papers of a decision that partnerplan does not hold.",
    )

    deciding_body = models.ForeignKey(
        "governance.Body",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Leave blank for a decision by an office holder under delegation.",
    )
    decision_reference = models.CharField(
        "meeting or delegated decision",
        max_length=300,
        help_text="For example 'Joint Committee, 17 December 2010, item 6, recommendation 2.1'.",
    )
    decided_on = models.DateField("date decided")

    class Meta:
        abstract = True


class GatePassage(TimeStampedModel, DecisionReference):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="gate_passages")
    from_stage = models.ForeignKey(
        Stage, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    to_stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="+")
    note = models.TextField(max_length=2000, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-decided_on", "-id"]

    def __str__(self) -> str:
        return f"{self.project}: into {self.to_stage} on {self.decided_on:%-d %B %Y}"


class ReviewOutcome(TimeStampedModel):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="reviews")
    outcome = models.CharField(max_length=32, choices=ReviewOutcomeKind.choices)
    is_proposal = models.BooleanField(
        "proposed, not yet decided",
        default=False,
        help_text="A proposal in a report, awaiting the decision.",
    )
    keeper = models.ForeignKey(
        "partners.Partner",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="lead partner keeping the watching brief",
    )
    deciding_body = models.ForeignKey(
        "governance.Body", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reference = models.CharField("report, meeting or decision", max_length=300)
    dated = models.DateField("date")
    note = models.TextField(max_length=2000, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-dated", "-id"]

    def __str__(self) -> str:
        prefix = "Proposed: " if self.is_proposal else ""
        return f"{prefix}{self.get_outcome_display()}"


# --- Business cases ------------------------------------------------------------------------


class BusinessCase(TimeStampedModel):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="business_cases")
    stage = models.CharField(max_length=4, choices=BusinessCaseStage.choices)

    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "id"]
        constraints = [
            models.UniqueConstraint(fields=["project", "stage"], name="business_case_stage_unique")
        ]

    def __str__(self) -> str:
        return f"{self.get_stage_display()} for {self.project}"


class BusinessCaseVersion(TimeStampedModel):
    business_case = models.ForeignKey(
        BusinessCase, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField()
    strategic = models.TextField("strategic case", max_length=20000, blank=True)
    economic = models.TextField("economic case", max_length=20000, blank=True)
    commercial = models.TextField("commercial case", max_length=20000, blank=True)
    financial = models.TextField("financial case", max_length=20000, blank=True)
    management = models.TextField("management case", max_length=20000, blank=True)
    options = models.TextField(
        "options considered",
        max_length=10000,
        blank=True,
        help_text="One option a line, including business as usual or do minimum, with why "
        "each was kept or dropped.",
    )
    preferred_option = models.CharField(max_length=300, blank=True)
    approved_on = models.DateField(null=True, blank=True)
    approved_by = models.ForeignKey(
        "governance.Body", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approval_reference = models.CharField(max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["business_case", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["business_case", "number"], name="business_case_version_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.business_case}, version {self.number}"

    @property
    def is_approved(self) -> bool:
        return self.approved_on is not None

    @property
    def required_cases(self) -> list[str]:
        return REQUIRED_CASES[self.business_case.stage]

    @property
    def missing_cases(self) -> list[str]:
        return [name for name in self.required_cases if not getattr(self, name).strip()]

    @property
    def completeness(self) -> int:
        """Per cent of the five cases and the options that are filled in."""
        parts = [*FIVE_CASES, "options"]
        done = sum(1 for name in parts if getattr(self, name).strip())
        return round(100 * done / len(parts))


# --- Benefits ------------------------------------------------------------------------------


class Benefit(TimeStampedModel):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="benefits")
    description = models.CharField(max_length=300)
    measure = models.CharField(max_length=200, help_text="What is measured, and in what unit.")
    baseline = models.DecimalField(max_digits=14, decimal_places=2)
    baseline_on = models.DateField("baseline date")
    target = models.DecimalField(max_digits=14, decimal_places=2)
    target_on = models.DateField("target date")
    owner = models.ForeignKey(
        "partners.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    tolerance_percent = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        default=Decimal("10"),
        help_text="How far behind the profile (as a share of the change from baseline to "
        "target) a measurement may be before the benefit is behind.",
    )
    is_behind = models.BooleanField(default=False, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "target_on"]

    def __str__(self) -> str:
        return self.description


class BenefitActual(TimeStampedModel):
    benefit = models.ForeignKey(Benefit, on_delete=models.CASCADE, related_name="actuals")
    measured_on = models.DateField()
    value = models.DecimalField(max_digits=14, decimal_places=2)
    note = models.CharField(max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["benefit", "measured_on"]

    def __str__(self) -> str:
        return f"{self.benefit}: {self.value} on {self.measured_on}"


# --- Prioritisation ------------------------------------------------------------------------


class Method(TimeStampedModel, ArchivableModel):
    """A prioritisation method: criteria with weights and scales, owned by a body."""

    name = models.CharField(max_length=200, unique=True)
    owner_body = models.ForeignKey(
        "governance.Body", on_delete=models.PROTECT, related_name="prioritisation_methods"
    )
    description = models.TextField(max_length=4000, blank=True)
    weighting = models.CharField(max_length=10, choices=Weighting.choices, default=Weighting.DIRECT)
    consistency_ratio = models.FloatField(null=True, blank=True, editable=False)
    max_consistency_ratio = models.FloatField(
        "highest consistency ratio accepted",
        default=0.10,
        help_text="Saaty's usual threshold is 0.10.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = "prioritisation method"

    def __str__(self) -> str:
        return self.name


class Criterion(TimeStampedModel):
    method = models.ForeignKey(Method, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(max_length=100)
    description = models.CharField(max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    weight = models.FloatField(default=1.0, help_text="Relative weight; weights are normalised.")
    scale_min = models.SmallIntegerField("lowest score", default=1)
    scale_max = models.SmallIntegerField("highest score", default=5)
    higher_is_better = models.BooleanField(default=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["method", "order", "id"]
        verbose_name_plural = "criteria"
        constraints = [
            models.UniqueConstraint(fields=["method", "name"], name="criterion_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class PairwiseJudgement(models.Model):
    method = models.ForeignKey(Method, on_delete=models.CASCADE, related_name="judgements")
    first = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="+")
    value = models.FloatField(help_text="How many times as important first is as second.")

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["method", "first", "second"], name="judgement_unique")
        ]

    def __str__(self) -> str:
        return f"{self.first} vs {self.second}: {self.value:g}"


class Score(TimeStampedModel):
    """One partner's score of one project on one criterion of a method."""

    method = models.ForeignKey(Method, on_delete=models.CASCADE, related_name="scores")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="scores")
    partner = models.ForeignKey("partners.Partner", on_delete=models.PROTECT, related_name="+")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    value = models.FloatField()

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["project", "partner", "criterion"], name="score_unique")
        ]

    def __str__(self) -> str:
        return f"{self.partner} scored {self.project} {self.value:g} on {self.criterion}"


class RankPosition(models.Model):
    """A hand-adjusted place in a method's ranking (move up / move down)."""

    method = models.ForeignKey(Method, on_delete=models.CASCADE, related_name="positions")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["method", "position"]
        constraints = [
            models.UniqueConstraint(fields=["method", "project"], name="rank_position_unique")
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.project}"


# --- Status ---------------------------------------------------------------------------------


class HighlightReport(TimeStampedModel):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="highlight_reports")
    period_start = models.DateField()
    period_end = models.DateField()
    author = models.ForeignKey(
        "partners.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    confidence = models.CharField(
        "overall delivery confidence", max_length=16, choices=Confidence.choices
    )
    progress = models.TextField("progress this period", max_length=6000)
    next_period = models.TextField("work next period", max_length=6000, blank=True)
    tolerances = models.TextField("tolerance status", max_length=3000, blank=True)
    tolerance_forecast_exceeded = models.BooleanField(
        "a tolerance is forecast to be exceeded", default=False
    )
    risks_and_issues = models.TextField("top risks and issues", max_length=3000, blank=True)
    decisions_needed = models.TextField(max_length=3000, blank=True)
    commentary = models.TextField(max_length=3000, blank=True)
    action = models.TextField("action being taken", max_length=3000, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "-period_end"]

    def __str__(self) -> str:
        return f"{self.project}: {self.period_start:%-d %b %Y} to {self.period_end:%-d %b %Y}"


class RaidEntry(TimeStampedModel):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="raid")
    kind = models.CharField(max_length=12, choices=RaidKind.choices)
    title = models.CharField(max_length=200)
    description = models.TextField(max_length=4000, blank=True)
    owner = models.ForeignKey(
        "partners.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    raised_on = models.DateField()
    likelihood = models.PositiveSmallIntegerField(null=True, blank=True)
    impact = models.PositiveSmallIntegerField(null=True, blank=True)
    residual_likelihood = models.PositiveSmallIntegerField(null=True, blank=True)
    residual_impact = models.PositiveSmallIntegerField(null=True, blank=True)
    response = models.TextField(max_length=3000, blank=True)
    status = models.CharField(max_length=8, choices=RaidStatus.choices, default=RaidStatus.OPEN)
    closed_on = models.DateField(null=True, blank=True)
    closure_note = models.CharField(max_length=500, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "kind", "-raised_on"]
        verbose_name = "RAID log entry"
        verbose_name_plural = "RAID log entries"

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"

    @property
    def inherent_score(self) -> int | None:
        if self.likelihood and self.impact:
            return self.likelihood * self.impact
        return None

    @property
    def residual_score(self) -> int | None:
        if self.residual_likelihood and self.residual_impact:
            return self.residual_likelihood * self.residual_impact
        return None
