"""Meetings, agenda items, exempt access, recommendations, attendance and minutes."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from partnerplan.core.models import TimeStampedModel, VisibleModel
from partnerplan.governance.models.bodies import VOTING_ROLES, Body, MemberRole
from partnerplan.governance.models.powers import PowerKind

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
    DECLARATIONS = "declarations", "Declarations of interest"


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
    after_publication = models.BooleanField(
        default=False,
        editable=False,
        help_text="Added after the agenda was published: it goes on a supplementary agenda.",
    )
    late_reason = models.TextField(max_length=2000, blank=True)
    withdrawn_on = models.DateField(null=True, blank=True)
    withdrawal_reason = models.TextField(max_length=2000, blank=True)
    change_note = models.TextField(
        "what changed after publication",
        max_length=2000,
        blank=True,
        help_text="Shown on the agenda when it was changed after the agenda was published.",
    )
    # Exempt information (Schedule 12A): what the public sees instead, and why it is withheld.
    public_heading = models.CharField(
        "public heading",
        max_length=300,
        blank=True,
        help_text="The heading the public agenda and minutes show for an exempt item.",
    )
    public_summary = models.TextField(
        "fair public summary",
        max_length=4000,
        blank=True,
        help_text="A fair summary of the proceedings for the public minutes (s100C).",
    )
    public_interest_test = models.TextField(
        "public interest test",
        max_length=4000,
        blank=True,
        help_text="Why the public interest in keeping it exempt outweighs disclosing it.",
    )
    exemption_review_on = models.DateField("exemption to be reviewed on", null=True, blank=True)

    history = HistoricalRecords()

    exempt_entitled_bodies_path = "meeting__body"

    class Meta:
        ordering = ["meeting__starts_at", "number"]

    def __str__(self) -> str:
        return f"Item {self.number}: {self.title}"

    @property
    def heading_for_public(self) -> str:
        """What someone not entitled to an exempt item sees as its heading."""
        if self.visibility != "exempt":
            return self.title
        return self.public_heading or "Exempt item"


class AccessPath(models.TextChoices):
    ITEM_PAGE = "item", "Agenda item page"
    REPORT_PAGE = "report", "Report page"
    WORD = "docx", "Word download"
    PDF = "pdf", "PDF download"
    RESTRICTED_PACK = "pack", "Restricted agenda pack"
    MINUTES = "minutes", "Restricted minutes"


class ExemptAccess(models.Model):
    """Who opened an exempt report, when, and how."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="exempt_accesses")
    user = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField(default=timezone.now)
    via = models.CharField(max_length=8, choices=AccessPath.choices, default=AccessPath.ITEM_PAGE)

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
    withdrawn_on = models.DateField(null=True, blank=True)
    withdrawal_reason = models.TextField(max_length=2000, blank=True)
    change_note = models.TextField(
        "what changed after publication",
        max_length=2000,
        blank=True,
        help_text="Shown on the agenda when it was changed after the agenda was published.",
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
    signed_by = models.ForeignKey(
        "partners.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The person presiding at the meeting that approved them, who signed them.",
    )
    signed_on = models.DateField(null=True, blank=True)

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
