"""Governance bodies and their members.

The foundation needs bodies so that "member of a body" is a role and exempt records can name
the bodies entitled to them. Powers, delegations and meetings are added by the governance issue.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from partnerplan.core.models import ArchivableModel, TimeStampedModel, VisibleModel


class BodyKind(models.TextChoices):
    JOINT_COMMITTEE = "joint_committee", "Joint committee"
    BOARD = "board", "Board"
    OFFICER_GROUP = "officer_group", "Officer group"
    EXTERNAL = "external", "External body"
    OFFICE_HOLDER = "office_holder", "Individual office holder"


class Body(TimeStampedModel, ArchivableModel, VisibleModel):
    name = models.CharField(max_length=200, unique=True)
    abbreviation = models.CharField(max_length=12, blank=True)
    kind = models.CharField(max_length=24, choices=BodyKind.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    description = models.TextField(max_length=4000, blank=True)

    history = HistoricalRecords()

    # An exempt body (a confidential working group, say) is seen by its own members.
    exempt_entitled_bodies_path = "pk"

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "bodies"

    def __str__(self) -> str:
        return self.name


class MemberRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    VICE_CHAIR = "vice_chair", "Vice-chair"
    MEMBER = "member", "Member"
    CO_OPTED = "co_opted", "Co-opted (non-voting)"
    ADVISER = "adviser", "Officer adviser"


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

    def is_current(self, on: dt.date | None = None) -> bool:
        on = on or timezone.localdate()
        started = self.started_on is None or self.started_on <= on
        return started and (self.ended_on is None or self.ended_on >= on)
