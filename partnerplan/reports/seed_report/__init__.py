"""The December 2010 Staffordshire Connects report as a partnerplan ``Document``.

Text of sections 1 to 5 is the seed report's own (shared/seed/000_c6e467b06ef624b7.txt), typed in
without its paragraph numbers: the builders must work the numbers out, and ``SEED_NUMBERS`` holds
the numbers the seed shows, to compare with. Appendix A and B are condensed from the seed;
Appendix C is drawn from governance data, as the live block would. The fund movement dates are
illustrative (the seed gives amounts, not dates).

It is production data, not a test fixture: the demo writes the December 2010 report from it, the
bench builds it, and the builders' tests compare with it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from typing import Any

from partnerplan.reports.builders.live import (
    fund_forecast,
    governance_diagram,
    overlap_table,
    workstream_summaries,
)
from partnerplan.reports.builders.model import (
    Appendix,
    Block,
    Document,
    FigureCheck,
    Paragraph,
    Section,
    Subheading,
    Table,
)

from .data import (
    APPENDIX_A_NOTES,
    APPENDIX_A_ROWS,
    APPENDIX_B,
    GOVERNANCE,
    GOVERNANCE_LINKS,
    RESERVE_MOVEMENTS,
    RESERVE_OPENING,
)
from .text import FUNDING_NUMBER, SEED_NUMBERS, SEED_SECTIONS

__all__ = [
    "APPENDIX_A_NOTES",
    "APPENDIX_A_ROWS",
    "APPENDIX_B",
    "AS_AT",
    "FUNDING_NUMBER",
    "GOVERNANCE",
    "GOVERNANCE_LINKS",
    "MEETING_DATE",
    "OVERRIDE",
    "RESERVE_MOVEMENTS",
    "RESERVE_OPENING",
    "SEED_NUMBERS",
    "SEED_SECTIONS",
    "appendices",
    "full_report",
    "funding_paragraph",
    "reduced_report",
]

MEETING_DATE = dt.date(2010, 12, 17)
AS_AT = dt.datetime(2010, 12, 9, 9, 30)  # noqa: DTZ001 - a local time printed on the document

# Why the December 2010 report is published over its figure check (the seed's own figure).
OVERRIDE = (
    "Tabled as in December 2010: the report quoted £129,700; the ledger gives £129,790 (£232,290 "
    "- £85,000 - £17,500). Kept to reproduce the seed."
)


def _blocks(items: list[tuple[str, str]]) -> tuple[Block, ...]:
    blocks: list[Block] = []
    for kind, text in items:
        if kind == "p":
            blocks.append(Paragraph(text))
        elif kind == "h":
            blocks.append(Subheading(text))
        else:
            blocks.append(Paragraph(f"**{text}**", numbered=False))
    return tuple(blocks)


def funding_paragraph(actual_balance: Decimal | None = None) -> Paragraph:
    """Paragraph 4.9 with its money figures checked (the seed's sum gives £129,790)."""
    text = dict(SEED_SECTIONS)["Detail"]
    funding = next(t for k, t in text if k == "p" and t.startswith("Not all Leaders"))
    return Paragraph(
        funding,
        figures=(FigureCheck("the March 2011 forecast balance", Decimal(129700), actual_balance),),
    )


def appendices() -> tuple[Appendix, ...]:
    return (
        Appendix(
            "Overlap between Staffordshire Connects Work Plan and Staffordshire One Place",
            (
                overlap_table(
                    "Staffordshire Connects Work Plan",
                    "Leaders and Chief Executives Group",
                    APPENDIX_A_ROWS,
                    as_at=AS_AT,
                ),
                Subheading("Notes to table"),
                Paragraph("Following projects not included above:", numbered=False),
                *(Paragraph(note, numbered=False) for note in APPENDIX_A_NOTES),
            ),
        ),
        Appendix(
            "Summary of Staffordshire One Place Scoping Papers",
            (workstream_summaries("Staffordshire One Place", APPENDIX_B, as_at=AS_AT),),
        ),
        Appendix(
            "Governance of a multi-partner transformation programme",
            (
                governance_diagram(
                    GOVERNANCE,
                    caption="Governance of the partnership's transformation programme",
                    links=GOVERNANCE_LINKS,
                    as_at=AS_AT,
                ),
            ),
        ),
    )


def full_report(*, exempt_paragraph: int | None = None, title: str = "") -> Document:
    """The whole December 2010 report, as the bench builds it."""
    purpose, recommendations, *rest = SEED_SECTIONS
    sections = []
    for heading, items in rest:
        blocks = _blocks(items)
        if heading == "Detail":
            blocks = tuple(
                funding_paragraph()
                if isinstance(b, Paragraph) and str(b.text).startswith("Not all Leaders")
                else b
                for b in blocks
            )
            blocks += (
                fund_forecast(
                    "Partnership reserve",
                    RESERVE_OPENING,
                    dt.date(2010, 4, 1),
                    RESERVE_MOVEMENTS,
                    as_at=AS_AT,
                ),
            )
        sections.append(Section(heading, blocks))
    return Document(
        title=title or "Review of Partnership Work Plan",
        meeting="Staffordshire Connects Joint Committee",
        date=MEETING_DATE,
        author="Andrew Street",
        author_role="Partnership Director",
        exempt_paragraph=exempt_paragraph,
        purpose=tuple(Paragraph(t) for _, t in purpose[1]),
        recommendations=tuple(Paragraph(t) for _, t in recommendations[1]),
        sections=tuple(sections),
        appendices=appendices(),
        background_papers=(
            "Report to the Joint Committee on the Partnership Work Plan, previous meeting",
            "Scoping papers of the Leaders and Chief Executives Group workstreams, October and "
            "November 2010",
        ),
    )


def reduced_report(**changes: Any) -> Document:
    """Purpose, the seven recommendations, the funding paragraph, Appendix A and C."""
    full = full_report()
    detail = Section(
        "Detail",
        (
            Paragraph(dict(SEED_SECTIONS)["Detail"][2][1]),  # 4.1, customer access
            Subheading("Funding issues"),
            funding_paragraph(),
        ),
    )
    appendix_a, _, appendix_c = full.appendices
    overlap = Table(
        caption="Overlap between the work plan and Staffordshire One Place",
        header_rows=(("No", "Workstream", "Connects work plan areas", "Officer lead"),),
        rows=tuple(
            (r.number, r.workstream, r.related_work, r.officer_lead) for r in APPENDIX_A_ROWS[:3]
        ),
        column_widths=(1, 3, 5, 2),
    )
    doc = replace(
        full,
        sections=(full.sections[0], detail),
        appendices=(replace(appendix_a, blocks=(overlap,)), appendix_c),
    )
    return replace(doc, **changes)
