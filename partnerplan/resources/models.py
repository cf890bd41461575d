"""Resources: the pool of officers lent by partners, the demand of projects for their time,
who is assigned to what, and planner runs and scenarios.

No rules live here: validation is in services.py, reads in selectors.py, and the planning
itself in the framework-free `planning/` package.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from partnerplan.core.models import ArchivableModel, TimeStampedModel
from partnerplan.resources.planning.months import add_months, first_of_month


class Skill(models.Model):
    """A skill a role needs and a pool member offers (reference data, loaded by migration)."""

    PROJECT_MANAGEMENT = "project_management"

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=100, unique=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class PoolMember(TimeStampedModel, ArchivableModel):
    """A person a partner lends to the shared pool, part-time."""

    person = models.OneToOneField(
        "partners.Person", on_delete=models.PROTECT, related_name="pool_membership"
    )
    home_partner = models.ForeignKey(
        "partners.Partner",
        on_delete=models.PROTECT,
        related_name="pool_members",
        help_text="The partner that lends this person to the pool.",
    )
    skills = models.ManyToManyField(Skill, related_name="pool_members")
    days_per_week = models.DecimalField(
        "days a week lent to the pool",
        max_digits=3,
        decimal_places=2,
        help_text="Their normal availability to the pool, from 0 to 5 days a week.",
    )
    available_from = models.DateField(null=True, blank=True)
    available_until = models.DateField(null=True, blank=True)
    cost_rate_per_day = models.DecimalField(
        "cost per day (£)",
        max_digits=14,
        decimal_places=2,
        default=0,
        help_text="What a day of their time costs.",
    )
    notes = models.TextField(max_length=2000, blank=True)
    is_demo = models.BooleanField(
        default=False, editable=False, help_text="Invented for the demo partnership."
    )

    history = HistoricalRecords(m2m_fields=[skills])

    class Meta:
        ordering = ["person__last_name", "person__first_name"]

    def __str__(self) -> str:
        return str(self.person)


class Availability(TimeStampedModel):
    """A spell when a pool member is available for other than their normal days a week."""

    member = models.ForeignKey(PoolMember, on_delete=models.CASCADE, related_name="availability")
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True, help_text="Leave blank if open-ended.")
    days_per_week = models.DecimalField("days a week", max_digits=3, decimal_places=2)

    history = HistoricalRecords()

    class Meta:
        ordering = ["member", "starts_on"]
        verbose_name_plural = "availability"

    def __str__(self) -> str:
        return f"{self.member}: {self.days_per_week:g} days a week from {self.starts_on:%-d %B %Y}"


class Leave(TimeStampedModel):
    """A period of leave: the pool member gives no time to the pool on those working days."""

    member = models.ForeignKey(PoolMember, on_delete=models.CASCADE, related_name="leave")
    starts_on = models.DateField()
    ends_on = models.DateField()
    note = models.CharField(max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["member", "starts_on"]
        verbose_name_plural = "leave"

    def __str__(self) -> str:
        return f"{self.member}: leave {self.starts_on:%-d %b %Y} to {self.ends_on:%-d %b %Y}"


class ProjectPlanning(TimeStampedModel):
    """What the planner needs to know about a project beyond its roles (one per project)."""

    project = models.OneToOneField(
        "portfolio.Project", on_delete=models.CASCADE, related_name="planning"
    )
    committed = models.BooleanField(
        "already committed",
        default=False,
        help_text="Under way or decided: the planner keeps it at its planned start.",
    )
    earliest_start = models.DateField(
        null=True, blank=True, help_text="Leave blank to use the start of its first role."
    )
    deadline = models.DateField(
        null=True, blank=True, help_text="It must finish by the end of this month."
    )
    value = models.DecimalField(
        "priority value",
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Leave blank to use its prioritisation score.",
    )
    cost_per_month = models.DecimalField(
        "cost per month (£)",
        max_digits=14,
        decimal_places=2,
        default=0,
        help_text="Spending other than the pool's time.",
    )
    fund = models.ForeignKey(
        "finance.Fund",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The fund that pays for it. Leave blank to use the money set on a planner run.",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "project planning"

    def __str__(self) -> str:
        return f"Planning of {self.project}"


class RoleDemand(TimeStampedModel):
    """A project's need for so many days a week of a skill, for so many months."""

    project = models.ForeignKey(
        "portfolio.Project", on_delete=models.CASCADE, related_name="role_demands"
    )
    title = models.CharField(max_length=100, default="Project manager")
    skill = models.ForeignKey(Skill, on_delete=models.PROTECT, related_name="demands")
    days_per_week = models.DecimalField("days a week", max_digits=3, decimal_places=2)
    starts_on = models.DateField("start", help_text="The role starts in this month.")
    months = models.PositiveSmallIntegerField("how many months")
    source = models.CharField(
        max_length=300, blank=True, help_text="Where the need is stated, if anywhere."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "starts_on", "pk"]

    def __str__(self) -> str:
        return f"{self.title} for {self.project}"

    @property
    def first_month(self) -> dt.date:
        return first_of_month(self.starts_on)

    @property
    def ends_on(self) -> dt.date:
        """The last day of the role's last month."""
        return add_months(self.first_month, self.months) - dt.timedelta(days=1)


class Assignment(TimeStampedModel):
    """A pool member booked to a role, so many days a week between two dates."""

    demand = models.ForeignKey(RoleDemand, on_delete=models.CASCADE, related_name="assignments")
    member = models.ForeignKey(PoolMember, on_delete=models.PROTECT, related_name="assignments")
    days_per_week = models.DecimalField("days a week", max_digits=3, decimal_places=2)
    starts_on = models.DateField()
    ends_on = models.DateField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["starts_on", "pk"]

    def __str__(self) -> str:
        return f"{self.member} on {self.demand}"


class TimeActual(TimeStampedModel):
    """The days a pool member actually spent on a booking in one month, as the project manager
    recorded it (simple monthly entries, not a timesheet)."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="actuals")
    month = models.DateField(help_text="The first day of the month.")
    days = models.DecimalField("days spent", max_digits=5, decimal_places=2)
    note = models.CharField(max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["assignment", "month"]
        constraints = [
            models.UniqueConstraint(fields=["assignment", "month"], name="time_actual_unique")
        ]

    def __str__(self) -> str:
        return f"{self.assignment}: {self.days} days in {self.month:%B %Y}"


class PlanScenario(TimeStampedModel):
    """A named what-if: force projects in or out, add or remove pool members, change money."""

    name = models.CharField(max_length=100, unique=True)
    description = models.TextField(max_length=2000, blank=True)
    force_in = models.ManyToManyField(
        "portfolio.Project", blank=True, related_name="+", verbose_name="projects forced in"
    )
    force_out = models.ManyToManyField(
        "portfolio.Project", blank=True, related_name="+", verbose_name="projects forced out"
    )
    remove_members = models.ManyToManyField(
        PoolMember, blank=True, related_name="+", verbose_name="pool members taken out"
    )
    add_skill = models.ForeignKey(
        Skill,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="skill of an extra pool member",
    )
    add_days_per_week = models.DecimalField(
        "days a week of the extra pool member",
        max_digits=3,
        decimal_places=2,
        null=True,
        blank=True,
    )
    money_change = models.DecimalField(
        "change to the money (£)",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Added to the money available (negative to take money away).",
    )
    money_month = models.DateField(
        "from", null=True, blank=True, help_text="Leave blank for the first month of the plan."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    history = HistoricalRecords(m2m_fields=[force_in, force_out, remove_members])

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class RunStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class BackgroundSolve(TimeStampedModel):
    """What a solve in the background worker records: its state, progress, the snapshot of
    its inputs, its result or error, and when and by whom it was asked for."""

    status = models.CharField(max_length=8, choices=RunStatus.choices, default=RunStatus.QUEUED)
    progress = models.PositiveSmallIntegerField("progress (%)", default=0)
    inputs = models.JSONField(default=dict, editable=False)
    result = models.JSONField(default=dict, editable=False)
    error = models.TextField(blank=True, editable=False)
    started_at = models.DateTimeField(null=True, blank=True, editable=False)
    heartbeat_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="The worker's last sign of life while it solves (its lease).",
    )
    finished_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True

    @property
    def is_finished(self) -> bool:
        return self.status in {RunStatus.DONE, RunStatus.FAILED}


class PlanRun(BackgroundSolve):
    """One run of the portfolio planner, in the background worker.

    `inputs` is the snapshot of the planning problem taken when the run was asked for (so a
    result always matches its inputs); `result` holds the plans (the base plan and each
    scenario's), their comparison and, if asked for, the cost-value frontier.
    """

    name = models.CharField(max_length=200)
    time_limit_s = models.PositiveSmallIntegerField("time limit for each plan (seconds)")
    starts_on = models.DateField("first month")
    months = models.PositiveSmallIntegerField("months to plan")
    money = models.DecimalField(
        "money available (£)",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="For projects without a fund of their own.",
    )
    frontier = models.BooleanField("draw the cost-value frontier", default=False)
    scenarios = models.ManyToManyField(PlanScenario, blank=True, related_name="runs")
    booked_at = models.DateTimeField(
        "plan booked", null=True, blank=True, editable=False,
        help_text="When its plan's assignments were turned into bookings.",
    )  # fmt: skip
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    history = HistoricalRecords(excluded_fields=["progress", "result", "inputs"])

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.name


# --- Task networks: one project's tasks, scheduled under its own resource limits ----------


class TaskResource(TimeStampedModel):
    """Something a project's tasks share and must not overload: a team of so many people, a
    test environment, a room.  ``capacity`` is how many units exist at any one time."""

    project = models.ForeignKey(
        "portfolio.Project", on_delete=models.CASCADE, related_name="task_resources"
    )
    name = models.CharField(max_length=100)
    capacity = models.PositiveSmallIntegerField("how many at any one time")

    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "name"]
        constraints = [
            models.UniqueConstraint(fields=["project", "name"], name="task_resource_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class ProjectTask(TimeStampedModel):
    """A task in a project's plan: how many weeks it takes, which tasks must finish first, and
    how much of each of the project's task resources it needs while it runs."""

    project = models.ForeignKey("portfolio.Project", on_delete=models.CASCADE, related_name="tasks")
    name = models.CharField(max_length=200)
    weeks = models.PositiveSmallIntegerField("how many weeks it takes")
    after = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="followers",
        verbose_name="starts after",
    )

    history = HistoricalRecords(m2m_fields=[after])

    class Meta:
        ordering = ["project", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["project", "name"], name="project_task_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class TaskNeed(models.Model):
    """How many units of a task resource a task needs while it runs."""

    task = models.ForeignKey(ProjectTask, on_delete=models.CASCADE, related_name="needs")
    resource = models.ForeignKey(TaskResource, on_delete=models.CASCADE, related_name="needs")
    amount = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["resource__name"]
        constraints = [
            models.UniqueConstraint(fields=["task", "resource"], name="task_need_unique")
        ]

    def __str__(self) -> str:
        return f"{self.task} needs {self.amount} of {self.resource}"


class TaskSchedule(BackgroundSolve):
    """One scheduling of a project's tasks, in the background worker.

    ``inputs`` is the snapshot of the tasks and resources taken when it was asked for, so the
    result always matches its inputs; ``result`` holds each task's start week, the number of
    weeks in all, the proven shortest possible and whether the answer is proven best.
    """

    project = models.ForeignKey(
        "portfolio.Project", on_delete=models.CASCADE, related_name="task_schedules"
    )
    starts_on = models.DateField("the work starts on")
    time_limit_s = models.PositiveSmallIntegerField("time limit (seconds)")

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Schedule of {self.project} from {self.starts_on:%-d %B %Y}"
