"""Committee reports: a report belongs to an agenda item, is written in sections of paragraphs
and live blocks, and is published as frozen versions.

The report's recommendations are the agenda item's governance ``Recommendation`` rows (they
become the decisions the body takes), and its exempt status is the item's: neither is copied
here. A published ``ReportVersion`` keeps the built document (as JSON) and its files, so a
published report never changes when the data behind its live blocks does.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from partnerplan.core.models import TimeStampedModel


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class Report(TimeStampedModel):
    item = models.OneToOneField(
        "governance.AgendaItem", on_delete=models.PROTECT, related_name="committee_report"
    )
    title = models.CharField(max_length=300)
    author = models.ForeignKey(
        "partners.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="committee_reports",
    )
    author_role = models.CharField("author's role", max_length=200, blank=True)
    purpose = models.TextField(
        "purpose of the report",
        max_length=20000,
        blank=True,
        help_text="One paragraph per block of text; leave a blank line between paragraphs.",
    )
    financial = models.TextField("financial implications", max_length=20000, blank=True)
    legal = models.TextField("legal implications", max_length=20000, blank=True)
    equalities = models.TextField("equalities implications", max_length=20000, blank=True)
    risks = models.TextField("risk implications", max_length=20000, blank=True)
    data_protection = models.TextField("data protection implications", max_length=20000, blank=True)
    climate = models.TextField("climate implications", max_length=20000, blank=True)
    contact_officer = models.ForeignKey(
        "partners.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reports_as_contact",
        help_text="Who to ask about the report.",
    )
    wards_affected = models.CharField(
        "wards affected",
        max_length=1000,
        blank=True,
        help_text="For example 'All wards', or the wards by name.",
    )
    partners_affected = models.ManyToManyField(
        "partners.Partner", blank=True, related_name="+", verbose_name="partners affected"
    )
    conclusions = models.TextField(max_length=20000, blank=True)
    background_papers = models.TextField(
        max_length=4000, blank=True, help_text="One background paper on each line."
    )
    recommendations_required = models.BooleanField(
        "the report must make recommendations",
        default=True,
        help_text="A committee report asks the committee to agree something; a report for "
        "information only need not.",
    )
    # A recommendation quoting a money figure can tie it to the ledger, as a paragraph can:
    # {"<recommendation pk>": {"label", "fund", "on", "scenario"}}.
    recommendation_figures = models.JSONField(default=dict, blank=True)
    docx_template = models.BinaryField(
        null=True, blank=True, editable=False, help_text="The council's own Word template."
    )
    docx_template_name = models.CharField(max_length=200, blank=True, editable=False)
    status = models.CharField(
        max_length=12, choices=ReportStatus.choices, default=ReportStatus.DRAFT, editable=False
    )

    history = HistoricalRecords(excluded_fields=["docx_template"], m2m_fields=[partners_affected])

    class Meta:
        ordering = ["item__meeting__starts_at", "item__number"]

    def __str__(self) -> str:
        return self.title


class SectionKind(models.TextChoices):
    BODY = "body", "Section of the report"
    APPENDIX = "appendix", "Appendix"


class ReportSection(TimeStampedModel):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="sections")
    kind = models.CharField(max_length=10, choices=SectionKind.choices, default=SectionKind.BODY)
    order = models.PositiveSmallIntegerField(default=0)
    heading = models.CharField(max_length=300)

    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "kind", "order", "pk"]

    def __str__(self) -> str:
        return self.heading


class BlockKind(models.TextChoices):
    PARAGRAPH = "paragraph", "Paragraph"
    SUBHEADING = "subheading", "Subheading"
    LIVE = "live", "Live block (current data)"
    IMAGE = "image", "Image"


class ReportBlock(TimeStampedModel):
    """A paragraph, subheading, image or live block inside a section.

    A paragraph may tie a money figure it quotes to the ledger: ``figure`` holds
    ``{"label", "fund", "on", "scenario"}`` (see ``figures.py``).
    """

    section = models.ForeignKey(ReportSection, on_delete=models.CASCADE, related_name="blocks")
    order = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=12, choices=BlockKind.choices, default=BlockKind.PARAGRAPH)
    text = models.TextField(max_length=20000, blank=True)
    numbered = models.BooleanField(default=True)
    live_kind = models.CharField(max_length=40, blank=True)
    live_params = models.JSONField(default=dict, blank=True)
    figure = models.JSONField(default=dict, blank=True)
    image = models.BinaryField(null=True, blank=True, editable=False)
    image_type = models.CharField(max_length=20, blank=True)
    alt = models.CharField("alt text", max_length=1000, blank=True)
    caption = models.CharField(max_length=300, blank=True)

    history = HistoricalRecords(excluded_fields=["image"])

    class Meta:
        ordering = ["section", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} in {self.section}"


class ReportVersion(models.Model):
    """A published version: the document as it was built, frozen, with its files."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    published_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(
        "core.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    document = models.JSONField(help_text="The built document, live blocks as they were.")
    html = models.TextField()
    docx = models.BinaryField()
    pdf = models.BinaryField()
    figure_override_reason = models.TextField(max_length=2000, blank=True)
    figure_problems = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["report", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="report_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.report}, version {self.number}"


class PackAudience(models.TextChoices):
    PUBLIC = "public", "Agenda pack"
    RESTRICTED = "restricted", "Restricted pack (exempt reports)"


class PackStatus(models.TextChoices):
    PREPARING = "preparing", "Being prepared"
    READY = "ready", "Ready"
    FAILED = "failed", "Could not be prepared"


class AgendaPack(models.Model):
    """A meeting's agenda pack (or restricted pack) as one PDF, built once per publication by
    the background worker (``tasks.build_agenda_packs``) and stored, not on each request.

    ``versions`` lists the report versions it was built from; ``pdf`` is empty when there is
    nothing to put in it (a meeting without exempt reports has no restricted pack).
    """

    meeting = models.ForeignKey(
        "governance.Meeting", on_delete=models.CASCADE, related_name="agenda_packs"
    )
    audience = models.CharField(max_length=10, choices=PackAudience.choices)
    status = models.CharField(
        max_length=10, choices=PackStatus.choices, default=PackStatus.PREPARING
    )
    versions = models.JSONField(default=list, blank=True)
    pdf = models.BinaryField(null=True, blank=True)
    requested_at = models.DateTimeField(default=timezone.now)
    built_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "audience"], name="agenda_pack_unique")
        ]

    def __str__(self) -> str:
        return f"{self.get_audience_display()}: {self.meeting}"


# --- Clearance before publication (reports/clearance.py) -------------------------------------

#: The implications sections a report template can require, as (field, words).
IMPLICATIONS = (
    ("financial", "financial"),
    ("legal", "legal"),
    ("equalities", "equalities"),
    ("risks", "risk"),
    ("data_protection", "data protection"),
    ("climate", "climate"),
)


class ReportTemplate(TimeStampedModel):
    """The partnership's report template (one row; without it, all six implications sections
    and the built-in Word template): which implications sections every report needs, and the
    partnership-wide Word house style (``reports.house_style``): the partnership's name and
    logo in the built-in template's header, or the council's own Word template in its place. A
    report's own template (``Report.docx_template``) overrides it."""

    required_sections = models.JSONField(
        default=list,
        blank=True,
        help_text="Field names from IMPLICATIONS that every report must fill in.",
    )
    partnership_name = models.CharField(
        "partnership's name",
        max_length=200,
        blank=True,
        help_text="Shown at the top of every page of the built-in Word template.",
    )
    logo = models.BinaryField(null=True, blank=True, editable=False)
    logo_type = models.CharField(max_length=20, blank=True, editable=False)
    docx_template = models.BinaryField(
        null=True, blank=True, editable=False, help_text="The council's own Word template."
    )
    docx_template_name = models.CharField(max_length=200, blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["logo", "docx_template"])

    def __str__(self) -> str:
        return "The partnership's report template"


class SignOffRole(models.TextChoices):
    FINANCE = "finance", "Finance officer"
    LEGAL = "legal", "Legal officer"


class ReportSignOff(models.Model):
    """The finance or legal officer's clearance of a report. A change to the report's details
    or implications afterwards withdraws it (reports.services.report_update)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="sign_offs")
    role = models.CharField(max_length=8, choices=SignOffRole.choices)
    person = models.ForeignKey("partners.Person", on_delete=models.PROTECT, related_name="+")
    signed_at = models.DateTimeField()
    comment = models.TextField(max_length=2000, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "role"]
        constraints = [
            models.UniqueConstraint(fields=["report", "role"], name="report_sign_off_once")
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} sign-off of {self.report}"
