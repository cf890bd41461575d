"""Factories for committee reports, including a published one."""

from __future__ import annotations

import factory

from partnerplan.governance.tests.factories import AgendaItemFactory
from partnerplan.reports.models import (
    BlockKind,
    Report,
    ReportBlock,
    ReportSection,
    ReportStatus,
    ReportVersion,
    SectionKind,
)


class ReportFactory(factory.django.DjangoModelFactory[Report]):
    class Meta:
        model = Report

    item = factory.SubFactory(AgendaItemFactory)
    title = factory.LazyAttribute(lambda o: o.item.title)
    purpose = "To ask the committee to agree the plan."


class PublishedReportFactory(ReportFactory):
    status = ReportStatus.PUBLISHED


class SectionFactory(factory.django.DjangoModelFactory[ReportSection]):
    class Meta:
        model = ReportSection

    report = factory.SubFactory(ReportFactory)
    heading = "Background"
    kind = SectionKind.BODY
    order = factory.Sequence(lambda n: n + 1)


class AppendixFactory(SectionFactory):
    heading = "Governance structure"
    kind = SectionKind.APPENDIX


class ParagraphFactory(factory.django.DjangoModelFactory[ReportBlock]):
    class Meta:
        model = ReportBlock

    section = factory.SubFactory(SectionFactory)
    kind = BlockKind.PARAGRAPH
    text = "The committee agreed the plan at its last meeting."
    order = factory.Sequence(lambda n: n + 1)


class LiveBlockFactory(ParagraphFactory):
    kind = BlockKind.LIVE
    text = ""
    live_kind = "governance_diagram"


def version_for(report: Report, *, number: int = 1) -> ReportVersion:
    """A published version without building files (fast, for page and access tests)."""
    from partnerplan.reports.documents import build_document
    from partnerplan.reports.serialise import to_json

    document = build_document(report).document
    report.status = ReportStatus.PUBLISHED
    report.save(update_fields=["status"])
    return ReportVersion.objects.create(
        report=report,
        number=number,
        document=to_json(document),
        html=f"<article><h1>{report.title}</h1></article>",
        docx=b"PK\x03\x04 not really a docx",
        pdf=b"%PDF-1.7 not really a pdf",
    )
