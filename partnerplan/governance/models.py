"""Governance: bodies, their powers and delegations, meetings, agendas, decisions and actions.

Rules (quorum, clear days, powers) live in services.py and the framework-free `rules/` package;
these models only hold the data. See docs/governance.md.
"""

from __future__ import annotations

import datetime as dt
import math

from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from partnerplan.core.models import SCHEDULE_12A, ArchivableModel, TimeStampedModel, VisibleModel
from partnerplan.governance.rules.clear_days import WorkingCalendar


class BodyKind(models.TextChoices):
    JOINT_COMMITTEE = "joint_committee", "Joint committee"
    BOARD = "board", "Board"
    OFFICER_GROUP = "officer_group", "Officer group"
    EXTERNAL = "external", "External body"
    OFFICE_HOLDER = "office_holder", "Individual office holder"


class Cadence(models.TextChoices):
    WEEKLY = "weekly", "Weekly"
    MONTHLY = "monthly", "Monthly"
    QUARTERLY = "quarterly", "Quarterly"
    AD_HOC = "ad_hoc", "As needed"


class Body(TimeStampedModel, ArchivableModel, VisibleModel):
    name = models.CharField(max_length=200, unique=True)
    abbreviation = models.CharField(max_length=12, blank=True)
    kind = models.CharField(max_length=24, choices=BodyKind.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    description = models.TextField(max_length=4000, blank=True)
    cadence = models.CharField(max_length=12, choices=Cadence.choices, default=Cadence.AD_HOC)
    quorum_minimum = models.PositiveSmallIntegerField(
        "quorum (voting members)",
        default=1,
        help_text="The fewest voting members who must be present for the meeting to decide.",
    )
    quorum_fraction = models.PositiveSmallIntegerField(
        "quorum (percentage of voting members)",
        default=0,
        help_text="If set, at least this percentage of voting members (rounded up) must be "
        "present too. 0 means only the number above applies.",
    )
    agenda_notice_days = models.PositiveSmallIntegerField(
        "clear days' notice of agendas", default=5
    )
    notice_counts_weekends = models.BooleanField("weekends count as clear days", default=False)
    notice_counts_bank_holidays = models.BooleanField(
        "bank holidays count as clear days", default=False
    )
    requires_reasons = models.BooleanField("decisions must give reasons", default=True)
    requires_interests = models.BooleanField(
        "decisions must record declared interests",
        default=False,
        help_text="If set, every decision records the interests declared, or 'None'.",
    )
    default_venue = models.CharField(max_length=200, blank=True)

    history = HistoricalRecords()

    # An exempt body (a confidential working group, say) is seen by its own members.
    exempt_entitled_bodies_path = "pk"

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "bodies"

    def __str__(self) -> str:
        return self.name

    @property
    def working_calendar(self) -> WorkingCalendar:
        return WorkingCalendar(
            exclude_weekends=not self.notice_counts_weekends,
            exclude_bank_holidays=not self.notice_counts_bank_holidays,
        )

    def quorum_for(self, voting_members: int) -> int:
        """How many voting members must be present, given how many the body has."""
        by_fraction = math.ceil(voting_members * self.quorum_fraction / 100)
        return max(self.quorum_minimum, by_fraction)

    @property
    def quorum_rule_text(self) -> str:
        text = (
            f"at least {self.quorum_minimum} voting member{'s' if self.quorum_minimum != 1 else ''}"
        )
        if self.quorum_fraction:
            text += f" and at least {self.quorum_fraction}% of the voting members"
        return text


class MemberRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    VICE_CHAIR = "vice_chair", "Vice-chair"
    MEMBER = "member", "Member"
    CO_OPTED = "co_opted", "Co-opted (non-voting)"
    ADVISER = "adviser", "Officer adviser"


VOTING_ROLES = frozenset({MemberRole.CHAIR, MemberRole.VICE_CHAIR, MemberRole.MEMBER})


class BodyMembership(models.Model):
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(
        "partners.Person", on_delete=models.PROTECT, related_name="body_memberships"
    )
    represents = models.ForeignKey(
        "partners.Partner",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="body_memberships",
    )
    role = models.CharField(max_length=16, choices=MemberRole.choices, default=MemberRole.MEMBER)
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["body__name", "role", "person__last_name"]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()}, {self.body})"

    @property
    def is_voting(self) -> bool:
        return self.role in VOTING_ROLES

    def is_current(self, on: dt.date | None = None) -> bool:
        on = on or timezone.localdate()
        started = self.started_on is None or self.started_on <= on
        return started and (self.ended_on is None or self.ended_on >= on)


# --- Powers, delegations and reporting lines ----------------------------------------------


class PowerKind(models.TextChoices):
    APPROVE_PIPELINE_ENTRY = "approve_pipeline_entry", "Approve entry of a project to the pipeline"
    APPROVE_BUSINESS_CASE = "approve_business_case", "Approve a business case"
    WITHDRAW_OR_REDESIGN = "withdraw_or_redesign", "Withdraw or redesign a project"
    APPROVE_GATE = "approve_gate", "Move a project through a gate"
    CALL_ON_RESERVES = "call_on_reserves", "Approve a call on reserves"
    DRAW_CONTINGENCY = "draw_contingency", "Draw on a contingency"
    APPOINT_PROJECT_EXECUTIVE = "appoint_project_executive", "Appoint project executives"
    APPROVE_WORK_PLAN = "approve_work_plan", "Approve the work plan and its revisions"
    APPROVE_GOVERNANCE = "approve_governance", "Approve governance arrangements"
    DELEGATE = "delegate", "Delegate its powers"
    PROGRAMME_MANAGEMENT = "programme_management", "Manage the transformation programme"
    APPROVE_WORKSTREAM_PROJECT = "approve_workstream_project", "Approve a workstream project"


class Power(TimeStampedModel):
    """One line of a body's terms of reference."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="powers")
    kind = models.CharField(max_length=40, choices=PowerKind.choices)
    description = models.TextField(max_length=2000, blank=True)
    financial_limit = models.DecimalField(
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="The most it may approve at once. Blank: no limit.",
    )
    source = models.CharField(
        max_length=300, blank=True, help_text="Where the power comes from (constitution, report)."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["body__name", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["body", "kind"], name="power_one_kind_per_body")
        ]

    def __str__(self) -> str:
        return f"{self.body}: {self.get_kind_display()}"


class DelegationStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    IN_FORCE = "in_force", "In force"
    REVOKED = "revoked", "Revoked"


class Delegation(TimeStampedModel):
    """A power passed from a body to another body or an office holder (a body of kind
    'individual office holder', such as the Partnership Director)."""

    from_body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="delegations_made")
    to_bodies = models.ManyToManyField(
        Body,
        related_name="delegations_held",
        help_text="Each of these may use the delegation (for example the Director or the SAB).",
    )
    power = models.CharField(max_length=40, choices=PowerKind.choices)
    purpose = models.TextField(max_length=2000)
    financial_limit = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    limit_is_total = models.BooleanField(
        "the limit is a total for all decisions under it",
        default=False,
        help_text="For a contingency: every decision taken under it counts against the limit.",
    )
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=12, choices=DelegationStatus.choices, default=DelegationStatus.PROPOSED
    )
    source = models.CharField(max_length=300, blank=True)
    proposed_in = models.ForeignKey(
        "Recommendation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposed_delegations",
        help_text="The recommendation proposing it: approving it brings the delegation into force.",
    )

    history = HistoricalRecords(m2m_fields=[to_bodies])

    class Meta:
        ordering = ["from_body__name", "-starts_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_power_display()} delegated by {self.from_body}"

    def in_force_on(self, on: dt.date) -> bool:
        return (
            self.status == DelegationStatus.IN_FORCE
            and (self.starts_on is None or self.starts_on <= on)
            and (self.ends_on is None or self.ends_on >= on)
        )


class LineStyle(models.TextChoices):
    REPORTS_TO = "reports_to", "Reports to"
    TWIN_TRACK = "twin_track", "Also reports to (twin track)"


class ReportingLine(TimeStampedModel):
    source = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="reports_to")
    target = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="reported_to_by")
    style = models.CharField(max_length=12, choices=LineStyle.choices, default=LineStyle.REPORTS_TO)
    label = models.CharField(max_length=100, blank=True)
    ended_on = models.DateField(
        null=True, blank=True, help_text="The last day of the line. Blank: it is current."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["source__name", "target__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target"],
                condition=models.Q(ended_on__isnull=True),
                name="reporting_line_unique_current",
            )
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.get_style_display().lower()} {self.target}"


# --- Meetings ----------------------------------------------------------------------------


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    AGENDA_PUBLISHED = "agenda_published", "Agenda published"
    HELD = "held", "Held"
    CANCELLED = "cancelled", "Cancelled"
    RESCHEDULED = "rescheduled", "Rescheduled"


class Meeting(TimeStampedModel):
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="meetings")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField(null=True, blank=True)
    venue = models.CharField(max_length=200, blank=True)
    status = models.CharField(
        max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    sequence = models.PositiveIntegerField(
        default=0,
        help_text="iCalendar SEQUENCE: goes up each time the date, place or status changes.",
    )
    agenda_published_on = models.DateField(null=True, blank=True)
    published_late = models.BooleanField(default=False)
    urgency_reason = models.TextField(max_length=2000, blank=True)
    cancelled_reason = models.TextField(max_length=2000, blank=True)
    rescheduled_reason = models.TextField(max_length=2000, blank=True)
    rescheduled_from = models.DateTimeField(null=True, blank=True)
    is_demo_date = models.BooleanField(
        default=False, editable=False, help_text="The date is invented for the demo."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["starts_at"]

    def __str__(self) -> str:
        return f"{self.body}, {self.date_text}"

    @property
    def date(self) -> dt.date:
        return timezone.localtime(self.starts_at).date()

    @property
    def date_text(self) -> str:
        d = self.date
        return f"{d.day} {d.strftime('%B')} {d.year}"

    @property
    def uid(self) -> str:
        return f"meeting-{self.pk}@partnerplan"

    @property
    def is_open_for_business(self) -> bool:
        return self.status in {
            MeetingStatus.SCHEDULED,
            MeetingStatus.AGENDA_PUBLISHED,
            MeetingStatus.RESCHEDULED,
        }


class ItemKind(models.TextChoices):
    REPORT = "report", "Report"
    STANDING = "standing", "Standing item"
    ACTIONS = "actions", "Actions agreed at the last meeting"
    MINUTES = "minutes", "Minutes of the last meeting"


class AgendaItem(TimeStampedModel, VisibleModel):
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="items")
    number = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=12, choices=ItemKind.choices, default=ItemKind.REPORT)
    title = models.CharField(max_length=300)
    author = models.ForeignKey(
        "partners.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="governance_reports",
    )
    purpose = models.TextField(max_length=4000, blank=True)
    report = models.TextField(max_length=100000, blank=True)
    carried_from = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="business_carried_forward",
        help_text="The cancelled meeting this business was moved from.",
    )
    added_late = models.BooleanField(default=False)
    late_reason = models.TextField(max_length=2000, blank=True)

    history = HistoricalRecords()

    exempt_entitled_bodies_path = "meeting__body"

    class Meta:
        ordering = ["meeting__starts_at", "number"]

    def __str__(self) -> str:
        return f"Item {self.number}: {self.title}"


class ExemptAccess(models.Model):
    """Who opened an exempt report, and when."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="exempt_accesses")
    user = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-opened_at"]
        verbose_name_plural = "exempt accesses"

    def __str__(self) -> str:
        return f"{self.user} opened {self.item} at {self.opened_at:%Y-%m-%d %H:%M}"


class Recommendation(TimeStampedModel):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="recommendations")
    number = models.PositiveSmallIntegerField()
    reference = models.CharField(
        max_length=20, blank=True, help_text="The report's own paragraph number, such as 2.4."
    )
    text = models.TextField(max_length=4000)
    power = models.CharField(
        max_length=40,
        choices=PowerKind.choices,
        blank=True,
        help_text="The power approving it uses. Blank for recommendations to note or agree.",
    )
    amount = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    effect_kind = models.CharField(max_length=60, blank=True)
    effect_params = models.JSONField(default=dict, blank=True)
    matter = models.ForeignKey(
        "Matter", null=True, blank=True, on_delete=models.PROTECT, related_name="recommendations"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["item__meeting__starts_at", "item__number", "number"]
        constraints = [
            models.UniqueConstraint(fields=["item", "number"], name="recommendation_number_unique")
        ]

    def __str__(self) -> str:
        return f"Recommendation {self.number}"


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Present"
    APOLOGIES = "apologies", "Apologies"
    ABSENT = "absent", "Absent"


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey("partners.Person", on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=16, choices=MemberRole.choices, blank=True)
    status = models.CharField(max_length=12, choices=AttendanceStatus.choices)

    history = HistoricalRecords()

    class Meta:
        ordering = ["person__last_name", "person__first_name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="attendance_once")
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_status_display()}"

    @property
    def is_voting(self) -> bool:
        return self.role in VOTING_ROLES


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    APPROVED = "approved", "Approved"


class Minutes(TimeStampedModel):
    meeting = models.OneToOneField(Meeting, on_delete=models.PROTECT, related_name="minutes")
    text = models.TextField(max_length=100000)
    status = models.CharField(
        max_length=10, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT
    )
    approved_at = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="minutes_approved",
        help_text="The meeting that approved these minutes as a correct record.",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "minutes"

    def __str__(self) -> str:
        return f"Minutes of {self.meeting}"


class MinutesCorrection(TimeStampedModel):
    """A correction to approved minutes: a new version; the approved text is kept."""

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="corrections")
    version = models.PositiveSmallIntegerField()
    text = models.TextField(max_length=100000)
    reason = models.TextField(max_length=2000)
    made_by = models.ForeignKey("core.User", null=True, on_delete=models.SET_NULL, related_name="+")

    history = HistoricalRecords()

    class Meta:
        ordering = ["version"]
        constraints = [
            models.UniqueConstraint(fields=["minutes", "version"], name="minutes_version_unique")
        ]


# --- Decisions ---------------------------------------------------------------------------


class Outcome(models.TextChoices):
    APPROVED = "approved", "Approved"
    AMENDED = "amended", "Approved as amended"
    REJECTED = "rejected", "Rejected"
    DEFERRED = "deferred", "Deferred"
    NOTED = "noted", "Noted"


APPROVING = frozenset({Outcome.APPROVED, Outcome.AMENDED})


class Decision(TimeStampedModel):
    recommendation = models.OneToOneField(
        Recommendation, on_delete=models.PROTECT, related_name="decision"
    )
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="decisions")
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="decisions")
    outcome = models.CharField(max_length=12, choices=Outcome.choices)
    amended_text = models.TextField(max_length=4000, blank=True)
    reasons = models.TextField(max_length=4000, blank=True)
    options_considered = models.TextField(max_length=4000, blank=True)
    declared_interests = models.TextField(max_length=2000, blank=True)
    decided_on = models.DateField()
    votes_for = models.PositiveSmallIntegerField(null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(null=True, blank=True)
    abstentions = models.PositiveSmallIntegerField(null=True, blank=True)
    authority = models.CharField(
        max_length=300, blank=True, help_text="The power or delegation the decision used."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-decided_on", "pk"]

    def __str__(self) -> str:
        rec = self.recommendation
        d = self.decided_on
        return (
            f"{self.body}, {d.day} {d.strftime('%B')} {d.year}, item {rec.item.number}, "
            f"recommendation {rec.number}"
        )

    @property
    def decision_text(self) -> str:
        return self.amended_text if self.outcome == Outcome.AMENDED else self.recommendation.text


class VoteChoice(models.TextChoices):
    FOR = "for", "For"
    AGAINST = "against", "Against"
    ABSTAIN = "abstain", "Abstained"


class Vote(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="votes")
    person = models.ForeignKey("partners.Person", on_delete=models.PROTECT, related_name="+")
    choice = models.CharField(max_length=8, choices=VoteChoice.choices)

    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["decision", "person"], name="vote_once")]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_choice_display()}"


class OfficerDecision(TimeStampedModel, VisibleModel):
    """A decision taken under a delegation, by an office holder or a body outside a meeting."""

    delegation = models.ForeignKey(
        Delegation, on_delete=models.PROTECT, related_name="officer_decisions"
    )
    taken_by = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="officer_decisions")
    decided_by = models.ForeignKey(
        "partners.Person", on_delete=models.PROTECT, related_name="officer_decisions"
    )
    title = models.CharField(max_length=300)
    decision = models.TextField(max_length=4000)
    amount = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    reasons = models.TextField(max_length=4000)
    options_considered = models.TextField(max_length=4000, blank=True)
    declared_interests = models.TextField(max_length=2000, blank=True)
    decided_on = models.DateField()

    history = HistoricalRecords()

    exempt_entitled_bodies_path = "taken_by"

    class Meta:
        ordering = ["-decided_on", "-pk"]

    def __str__(self) -> str:
        d = self.decided_on
        return f"{self.taken_by}, {d.day} {d.strftime('%B')} {d.year}: {self.title}"


class AuthorisedBy(models.Model):
    """The one "authorised by" cluster for every act that needs authority (a gate passed, a
    movement posted, ...): a decision of a body, a decision taken under a delegation, or, for a
    decision partnerplan does not hold, the body, the reference and the date from the papers.

    Abstract: the models that record such acts inherit it, so the fields have the same names
    everywhere and one function can decide whether the authority covers the act.
    """

    decision = models.ForeignKey(
        "governance.Decision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="%(class)s_uses",
        help_text="The body's decision on a recommendation.",
    )
    officer_decision = models.ForeignKey(
        "governance.OfficerDecision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="%(class)s_uses",
        help_text="A decision taken under a delegation.",
    )
    authority_body = models.ForeignKey(
        "governance.Body",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="%(class)s_authorised",
        help_text="The body that decided, for a decision partnerplan does not hold.",
    )
    authority_reference = models.CharField(
        "meeting or decision",
        max_length=500,
        blank=True,
        help_text="For example 'Joint Committee, 17 December 2010, item 6, recommendation 2.1'.",
    )
    authority_date = models.DateField("date decided", null=True, blank=True)

    class Meta:
        abstract = True


# --- Twin track --------------------------------------------------------------------------


class ApprovalRule(models.TextChoices):
    ALL = "all", "Every body must approve"
    ANY = "any", "Any one body may approve"


class Matter(TimeStampedModel, VisibleModel):
    """Something that needs approval on more than one track (seed 4.7-4.8)."""

    title = models.CharField(max_length=300)
    description = models.TextField(max_length=4000, blank=True)
    rule = models.CharField(max_length=4, choices=ApprovalRule.choices, default=ApprovalRule.ALL)
    resolution = models.TextField(
        max_length=4000, blank=True, help_text="How the partnership director resolved a conflict."
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    exempt_entitled_bodies_path = "tracks__body"

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class TrackOutcome(models.TextChoices):
    PENDING = "pending", "Awaiting decision"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


class Track(TimeStampedModel):
    matter = models.ForeignKey(Matter, on_delete=models.CASCADE, related_name="tracks")
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="tracks")
    outcome = models.CharField(
        max_length=10, choices=TrackOutcome.choices, default=TrackOutcome.PENDING
    )
    decided_on = models.DateField(null=True, blank=True)
    reference = models.CharField(
        max_length=300, blank=True, help_text="The decision, or the outside body's own record."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["body__name"]
        constraints = [models.UniqueConstraint(fields=["matter", "body"], name="track_once")]


# --- Forward plan and actions ------------------------------------------------------------


class PlanStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    DECIDED = "decided", "Decided"
    WITHDRAWN = "withdrawn", "Withdrawn"


class ExceptionKind(models.TextChoices):
    NONE = "", "None needed"
    GENERAL = "general", "General exception"
    SPECIAL_URGENCY = "special_urgency", "Special urgency"


class ForwardPlanEntry(TimeStampedModel):
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="forward_plan")
    title = models.CharField(max_length=300)
    description = models.TextField(max_length=4000, blank=True)
    decision_due = models.DateField()
    notice_given_on = models.DateField()
    is_key = models.BooleanField("key decision", default=True)
    in_private = models.BooleanField(default=False)
    exempt_paragraph = models.PositiveSmallIntegerField(
        choices=SCHEDULE_12A.choices, null=True, blank=True
    )
    exception = models.CharField(
        max_length=16, choices=ExceptionKind.choices, blank=True, default=ExceptionKind.NONE
    )
    exception_reason = models.TextField(max_length=2000, blank=True)
    status = models.CharField(max_length=10, choices=PlanStatus.choices, default=PlanStatus.PLANNED)
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="forward_plan"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["decision_due", "pk"]
        verbose_name_plural = "forward plan entries"

    def __str__(self) -> str:
        return self.title


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    DONE = "done", "Done"
    DROPPED = "dropped", "No longer needed"


class Action(TimeStampedModel):
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="actions")
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="actions"
    )
    decision = models.ForeignKey(
        Decision, null=True, blank=True, on_delete=models.PROTECT, related_name="actions"
    )
    title = models.CharField(max_length=300)
    owner = models.ForeignKey(
        "partners.Person", on_delete=models.PROTECT, related_name="governance_actions"
    )
    due_on = models.DateField()
    status = models.CharField(max_length=8, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    progress = models.TextField(max_length=4000, blank=True)
    completed_on = models.DateField(null=True, blank=True)
    overdue_notified_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.title

    def is_overdue(self, on: dt.date | None = None) -> bool:
        return self.status == ActionStatus.OPEN and self.due_on < (on or timezone.localdate())


# --- Private calendar feeds ----------------------------------------------------------------


class CalendarFeed(TimeStampedModel):
    """A person's secret calendar address. The token is the key: a calendar app that holds the
    address sees what the person may see, without signing in. Making a new address deletes the
    old row, so the old address stops working at once."""

    token = models.CharField(primary_key=True, max_length=64, editable=False)
    person = models.OneToOneField(
        "partners.Person", on_delete=models.CASCADE, related_name="calendar_feed"
    )

    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Calendar address of {self.person}"
