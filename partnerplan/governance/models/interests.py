"""Members' interests: the register (disclosable pecuniary interests, other registrable
interests, gifts and hospitality), dispensations, and the interests declared at a meeting
against an agenda item. The rules (what a declaration is checked against) are in
`services.interests`."""

from __future__ import annotations

import datetime as dt

from django.db import models
from simple_history.models import HistoricalRecords

from partnerplan.core.models import TimeStampedModel


class InterestKind(models.TextChoices):
    PECUNIARY = "pecuniary", "Disclosable pecuniary interest"
    OTHER = "other", "Other registrable interest"
    GIFT = "gift", "Gift or hospitality"


class Interest(TimeStampedModel):
    """One entry of a person's register of interests."""

    person = models.ForeignKey(
        "partners.Person", on_delete=models.PROTECT, related_name="registered_interests"
    )
    kind = models.CharField(max_length=12, choices=InterestKind.choices)
    description = models.TextField(
        max_length=2000, help_text="For example, 'Director of Example Ltd' or 'Land at ...'."
    )
    partner = models.ForeignKey(
        "partners.Partner",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The partner organisation the interest is in, if it is one.",
    )
    # What the interest touches, as the registered effects' pickers name it ({"project_id": 5},
    # {"fund_id": 2}): an agenda item whose recommendations act on it prompts the member.
    subject_params = models.JSONField(default=dict, blank=True)
    subject_label = models.CharField(max_length=300, blank=True)
    given_by = models.CharField("given by", max_length=300, blank=True)
    value = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    registered_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    # Localism Act 2011 s32: a sensitive interest (disclosing it could lead to violence or
    # intimidation), agreed so by the Monitoring Officer (the named legal officer). The public
    # register and declarations say only that an interest exists.
    sensitive = models.BooleanField(default=False)
    sensitive_agreed_by = models.ForeignKey(
        "partners.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    sensitive_agreed_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["person__last_name", "person__first_name", "kind", "-registered_on"]

    #: What the public register shows instead of a sensitive interest's details.
    SENSITIVE_TEXT = (
        "The member has an interest whose details are withheld because it is a sensitive "
        "interest (Localism Act 2011 s32)"
    )

    @property
    def public_description(self) -> str:
        return self.SENSITIVE_TEXT if self.sensitive else self.description

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.description}"

    def is_current(self, on: dt.date) -> bool:
        return self.registered_on <= on and (self.ended_on is None or self.ended_on >= on)


class Dispensation(TimeStampedModel):
    """Permission to take part despite an interest: granted by whom, for what, until when."""

    person = models.ForeignKey(
        "partners.Person", on_delete=models.PROTECT, related_name="dispensations"
    )
    interest = models.ForeignKey(
        Interest, null=True, blank=True, on_delete=models.PROTECT, related_name="dispensations"
    )
    body = models.ForeignKey(
        "governance.Body",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="dispensations",
        help_text="The body at whose meetings it applies (blank: every body).",
    )
    granted_by = models.ForeignKey(
        "partners.Person", on_delete=models.PROTECT, related_name="dispensations_granted"
    )
    purpose = models.TextField("what it allows", max_length=2000)
    granted_on = models.DateField()
    ends_on = models.DateField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["-granted_on"]

    def __str__(self) -> str:
        return f"Dispensation for {self.person}: {self.purpose[:60]}"


class Participation(models.TextChoices):
    LEFT = "left", "Left the room and took no part"
    DISPENSATION = "dispensation", "Took part under a dispensation"
    TOOK_PART = "took_part", "Took part (the interest does not prevent it)"
    SPOKE_THEN_LEFT = "spoke", "Spoke as a member of the public may, then left"


class Declaration(TimeStampedModel):
    """An interest declared at a meeting, recorded against the agenda item it relates to."""

    item = models.ForeignKey(
        "governance.AgendaItem", on_delete=models.PROTECT, related_name="declarations"
    )
    person = models.ForeignKey("partners.Person", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=12, choices=InterestKind.choices)
    nature = models.TextField("nature of the interest", max_length=2000)
    interest = models.ForeignKey(
        Interest,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="declarations",
        help_text="The register entry the declaration matches.",
    )
    dispensation = models.ForeignKey(
        Dispensation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    participation = models.CharField(max_length=14, choices=Participation.choices)
    not_on_register = models.BooleanField(
        default=False,
        help_text="Flagged: the member declared an interest their register does not hold.",
    )

    history = HistoricalRecords()

    @property
    def public_nature(self) -> str:
        """The nature of the interest as meeting pages show it: withheld for a sensitive one."""
        if self.interest is not None and self.interest.sensitive:
            return "a sensitive interest: its details are withheld (Localism Act 2011 s32)"
        return self.nature

    class Meta:
        ordering = ["item__number", "person__last_name"]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_kind_display().lower()} in item {self.item.number}"
