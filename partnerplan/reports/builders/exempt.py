"""Exempt information: Schedule 12A to the Local Government Act 1972, and the public pack.

An exempt report never goes into the public agenda pack. Its place there is kept by a short
notice giving its title and the paragraph of Schedule 12A under which it is exempt; the report
itself goes into a separate restricted pack for members and officers entitled to see it.
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import Document, Paragraph, Section

__all__ = ["SCHEDULE_12A", "WITHHELD_KIND", "split_for_publication", "withheld_notice"]

WITHHELD_KIND = "Withheld report"

# Part 1 of Schedule 12A (England), paragraphs 1 to 7, as the Act words them.
SCHEDULE_12A: dict[int, str] = {
    1: "Information relating to any individual.",
    2: "Information which is likely to reveal the identity of an individual.",
    3: "Information relating to the financial or business affairs of any particular person "
    "(including the authority holding that information).",
    4: "Information relating to any consultations or negotiations, or contemplated consultations "
    "or negotiations, in connection with any labour relations matter arising between the "
    "authority or a Minister of the Crown and employees of, or office holders under, the "
    "authority.",
    5: "Information in respect of which a claim to legal professional privilege could be "
    "maintained in legal proceedings.",
    6: "Information which reveals that the authority proposes (a) to give under any enactment a "
    "notice under or by virtue of which requirements are imposed on a person; or (b) to make an "
    "order or direction under any enactment.",
    7: "Information relating to any action taken or to be taken in connection with the "
    "prevention, investigation or prosecution of crime.",
}


def withheld_notice(doc: Document) -> Document:
    """What the public pack shows in place of an exempt report: its title and the reason."""
    if doc.exempt_paragraph is None:
        raise ValueError("only an exempt report is withheld")
    paragraph = doc.exempt_paragraph
    reason = SCHEDULE_12A.get(paragraph, "")
    return Document(
        title=doc.title,
        meeting=doc.meeting,
        date=doc.date,
        language=doc.language,
        kind=WITHHELD_KIND,
        agenda_item=doc.agenda_item,
        recommendations_required=False,
        show_background_papers=False,
        sections=(
            Section(
                "Not for publication",
                (
                    Paragraph(
                        "This report is not for publication because it contains exempt "
                        f"information as described in paragraph {paragraph} of Part 1 of "
                        "Schedule 12A to the Local Government Act 1972"
                        + (f": *{reason}*" if reason else "."),
                        numbered=False,
                    ),
                    Paragraph(
                        "The committee is expected to consider it after resolving to exclude "
                        "the public from the meeting for this item.",
                        numbered=False,
                    ),
                ),
            ),
        ),
    )


def split_for_publication(
    documents: Sequence[Document],
) -> tuple[tuple[Document, ...], tuple[Document, ...]]:
    """(public, restricted): exempt reports are replaced by a notice in the public list and
    listed, in their own order, in the restricted one."""
    public = tuple(withheld_notice(doc) if doc.is_exempt else doc for doc in documents)
    restricted = tuple(doc for doc in documents if doc.is_exempt)
    return public, restricted
