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
