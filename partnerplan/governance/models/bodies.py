"""Governance bodies and their memberships."""

from __future__ import annotations

import datetime as dt
import math

from django.db import models
from simple_history.models import HistoricalRecords

from partnerplan.core import clock
from partnerplan.core.models import ArchivableModel, TimeStampedModel, VisibleModel
from partnerplan.governance.rules.clear_days import WorkingCalendar


class BodyKind(models.TextChoices):
    JOINT_COMMITTEE = "joint_committee", "Joint committee"
    BOARD = "board", "Board"
    OFFICER_GROUP = "officer_group", "Officer group"
    EXTERNAL = "external", "External body"
    OFFICE_HOLDER = "office_holder", "Individual office holder"
    EXECUTIVE = "executive", "Executive (cabinet)"
    SCRUTINY = "scrutiny", "Overview and scrutiny committee"


class CallInScope(models.TextChoices):
    NONE = "", "Its decisions cannot be called in"
    KEY = "key", "Its key decisions can be called in"
    ALL = "all", "All its decisions can be called in"


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
    # The executive arrangements (2012 Regulations): key decisions, private meetings, call-in.
    executive_functions = models.BooleanField(
        "discharges executive functions",
        default=False,
        help_text="The 2012 Regulations apply: key decisions on the forward plan, notice of "
        "private meetings, call-in. Always so for an executive (cabinet).",
    )
    scrutinised_by = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="scrutinises",
        verbose_name="overview and scrutiny committee",
        help_text="Its chair is told of general exceptions, agrees special urgency, and its "
        "members may call decisions in.",
    )
    call_in_scope = models.CharField(
        "call-in", max_length=4, choices=CallInScope.choices, blank=True, default=CallInScope.NONE
    )
    call_in_days = models.PositiveSmallIntegerField(
        "clear working days before a decision can be implemented",
        default=5,
        help_text="Counted from the day the decision record is published (call-in period).",
    )
    call_in_members_required = models.PositiveSmallIntegerField(
        "members needed to call a decision in",
        default=3,
        help_text="For an overview and scrutiny committee: how many of its members must ask.",
    )

    history = HistoricalRecords()

    # An exempt body (a confidential working group, say) is seen by its own members.
    exempt_entitled_bodies_path = "pk"

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "bodies"

    def __str__(self) -> str:
        return self.name

    @property
    def is_executive(self) -> bool:
        """The 2012 Regulations apply to its decisions and private meetings."""
        return self.kind == BodyKind.EXECUTIVE or self.executive_functions

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
    SUBSTITUTE = "substitute", "Substitute member"


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
        on = on or clock.today()
        started = self.started_on is None or self.started_on <= on
        return started and (self.ended_on is None or self.ended_on >= on)
