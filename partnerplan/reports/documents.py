"""Turn a ``Report`` (and its sections, blocks and the agenda item's recommendations) into the
builders' ``Document``.

Live blocks are read with the report's *audience* viewer: the public for a public item, anyone
signed in for a partnership item, the named partners, or the members of the meeting's body for
an exempt item. So what a report shows never depends on who pressed "publish".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from partnerplan.core.access import PUBLIC_VIEWER, Viewer
from partnerplan.core.models import Visibility
from partnerplan.reports.builders.model import (
    Appendix,
    Block,
    Document,
    FigureCheck,
    Image,
    LiveBlock,
    Paragraph,
    Section,
    Subheading,
)
from partnerplan.reports.builders.problems import Problem
from partnerplan.reports.house_style import house_template
from partnerplan.reports.models import BlockKind, Report, ReportBlock, SectionKind
from partnerplan.reports.sources import build_live

# The fixed sections that follow the authored ones, in a council report's usual order.
FIXED_SECTIONS = (
    ("financial", "Financial implications"),
    ("legal", "Legal implications"),
    ("equalities", "Equalities implications"),
    ("risks", "Risks"),
    ("conclusions", "Conclusions"),
)


def paragraphs(text: str) -> list[str]:
    """Blocks of text separated by blank lines, each joined onto one line."""
    return [" ".join(part.split()) for part in re.split(r"\n\s*\n", text.strip()) if part.strip()]


def audience_viewer(report: Report) -> Viewer:
    item = report.item
    if item.visibility == Visibility.PUBLIC:
        return PUBLIC_VIEWER
    if item.visibility == Visibility.PARTNERS:
        ids = frozenset(p.pk for p in item.shared_with.all())
        return Viewer(is_authenticated=True, partner_ids=ids)
    if item.visibility == Visibility.EXEMPT:
        return Viewer(is_authenticated=True, body_ids=frozenset({item.meeting.body_id}))
    return Viewer(is_authenticated=True)


@dataclass
class Built:
    document: Document
    # Problems the Django side found that the builders cannot see (a figure check with no
    # figure in its paragraph, a fund that has gone ...).
    problems: list[Problem] = field(default_factory=list)


def _figure(block: ReportBlock, where: str, problems: list[Problem]) -> tuple[FigureCheck, ...]:
    return figure_checks(block.figure or {}, block.text, where, problems)


def figure_checks(
    spec: dict[str, Any], text: str, where: str, problems: list[Problem]
) -> tuple[FigureCheck, ...]:
    """Check the last £ figure in `text` against the ledger as `spec` says
    (``{"label", "fund", "on", "scenario"}``); no check without a fund."""
    if not spec.get("fund"):
        return ()
    from partnerplan.finance import selectors
    from partnerplan.finance.models import Fund, Scenario

    label = spec.get("label") or "the figure"
    fund = Fund.objects.filter(pk=spec["fund"]).first()
    if fund is None:
        problems.append(
            Problem(
                "figure_source_missing",
                where,
                f"The fund {label} is checked against has been deleted. Remove the check or "
                "choose another fund.",
            )
        )
        return ()
    scenario = (
        Scenario.objects.filter(pk=spec["scenario"]).first() if spec.get("scenario") else None
    )
    check = selectors.figure_check(
        text_or_figure=text,
        fund=fund,
        on=dt.date.fromisoformat(spec["on"]),
        scenario=scenario,
    )
    if check.quoted is None:
        problems.append(
            Problem(
                "figure_not_found",
                where,
                f"The text is tied to {label}, but quotes no £ figure. {check.message}",
            )
        )
        return ()
    return (FigureCheck(label, check.quoted, check.computed),)


def block_to_model(
    block: ReportBlock, viewer: Viewer, as_at: dt.datetime, where: str, problems: list[Problem]
) -> Block:
    if block.kind == BlockKind.SUBHEADING:
        return Subheading(block.text.strip())
    if block.kind == BlockKind.LIVE:
        return build_live(block.live_kind, block.live_params, viewer, as_at)
    if block.kind == BlockKind.IMAGE:
        data = bytes(block.image or b"")
        if block.image_type == "image/svg+xml":
            return Image(data, "image/svg+xml", alt=block.alt.strip(), caption=block.caption)
        return Image(data, "image/png", alt=block.alt.strip(), caption=block.caption.strip())
    return Paragraph(
        " ".join(block.text.split()),
        numbered=block.numbered,
        figures=_figure(block, where, problems),
    )


def build_document(report: Report, *, as_at: dt.datetime | None = None) -> Built:
    """The report as a ``Document``, live blocks read now (or at ``as_at``)."""
    as_at = as_at or timezone.localtime()
    viewer = audience_viewer(report)
    item = report.item
    problems: list[Problem] = []
    sections: list[Section] = []
    appendices: list[Appendix] = []
    for section in report.sections.all():
        where = ("Appendix " if section.kind == SectionKind.APPENDIX else "Section ") + (
            section.heading or "without a heading"
        )
        blocks = tuple(
            block_to_model(b, viewer, as_at, f"{where}, block {i}", problems)
            for i, b in enumerate(section.blocks.all(), 1)
        )
        if section.kind == SectionKind.APPENDIX:
            appendices.append(Appendix(section.heading, blocks))
        else:
            sections.append(Section(section.heading, blocks))
    for name, heading in FIXED_SECTIONS:
        texts = paragraphs(getattr(report, name))
        if texts:
            sections.append(Section(heading, tuple(Paragraph(t) for t in texts)))
    ties = report.recommendation_figures or {}
    recommendations = tuple(
        Paragraph(
            r.text,
            figures=figure_checks(
                ties.get(str(r.pk)) or {}, r.text, f"Recommendation {r.number}", problems
            ),
        )
        for r in item.recommendations.order_by("number")
    )
    exempt = item.exempt_paragraph if item.visibility == Visibility.EXEMPT else None
    author = report.author.full_name if report.author else ""
    document = Document(
        title=report.title,
        meeting=item.meeting.body.name,
        date=timezone.localtime(item.meeting.starts_at).date(),
        author=author,
        author_role=report.author_role,
        agenda_item=f"Agenda item {item.number}",
        exempt_paragraph=exempt,
        purpose=tuple(Paragraph(t) for t in paragraphs(report.purpose)),
        recommendations=recommendations,
        sections=tuple(sections),
        appendices=tuple(appendices),
        background_papers=tuple(
            line.strip() for line in report.background_papers.splitlines() if line.strip()
        ),
        recommendations_required=report.recommendations_required,
        # The partnership's Word template, unless the report has its own (which overrides it).
        word_template=None if report.docx_template else house_template(),
    )
    return Built(document, problems)


def without_figure_checks(doc: Document) -> Document:
    """The same document with its figure checks taken off (publishing with an override)."""

    def clean(block: Block) -> Block:
        if isinstance(block, Paragraph) and block.figures:
            return dataclasses.replace(block, figures=())
        if isinstance(block, LiveBlock):
            return dataclasses.replace(block, blocks=tuple(clean(b) for b in block.blocks))  # type: ignore[misc]
        return block

    return dataclasses.replace(
        doc,
        recommendations=tuple(clean(r) for r in doc.recommendations),  # type: ignore[misc]
        sections=tuple(
            dataclasses.replace(s, blocks=tuple(clean(b) for b in s.blocks)) for s in doc.sections
        ),
        appendices=tuple(
            dataclasses.replace(a, blocks=tuple(clean(b) for b in a.blocks)) for a in doc.appendices
        ),
    )
