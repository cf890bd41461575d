"""Works out section numbers, paragraph numbers (1.1, 1.2, 2.1 ...) and appendix letters.

Authors never type numbers: they come from the order of sections and paragraphs, so inserting a
paragraph renumbers everything after it, as a committee clerk would expect.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Appendix, Block, Document, LiveBlock, Paragraph, Section

__all__ = ["NumberedAppendix", "NumberedItem", "NumberedSection", "appendix_letter", "number"]


@dataclass(frozen=True)
class NumberedItem:
    """A block with its paragraph number ("4.9"), or None for an unnumbered block."""

    number: str | None
    block: Block


@dataclass(frozen=True)
class NumberedSection:
    number: int
    heading: str
    items: tuple[NumberedItem, ...]

    @property
    def title(self) -> str:
        return f"{self.number}. {self.heading}"


@dataclass(frozen=True)
class NumberedAppendix:
    letter: str
    appendix: Appendix

    @property
    def title(self) -> str:
        return f"Appendix {self.letter}: {self.appendix.title}"


def appendix_letter(index: int) -> str:
    """A, B, ... Z, then AA, AB ... (index from 0)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def all_sections(doc: Document) -> tuple[Section, ...]:
    """Purpose and recommendations as sections 1 and 2 (when present), then the rest."""
    leading: list[Section] = []
    if doc.purpose:
        leading.append(Section(doc.purpose_heading, doc.purpose))
    if doc.recommendations or doc.recommendations_required:
        leading.append(Section(doc.recommendations_heading, doc.recommendations))
    return (*leading, *doc.sections)


def number(doc: Document) -> tuple[tuple[NumberedSection, ...], tuple[NumberedAppendix, ...]]:
    sections = tuple(
        _number_section(index, section) for index, section in enumerate(all_sections(doc), 1)
    )
    appendices = tuple(
        NumberedAppendix(appendix_letter(index), appendix)
        for index, appendix in enumerate(doc.appendices)
    )
    return sections, appendices


def _number_section(section_number: int, section: Section) -> NumberedSection:
    items: list[NumberedItem] = []
    count = 0
    for block in section.blocks:
        if isinstance(block, Paragraph) and block.numbered:
            count += 1
            items.append(NumberedItem(f"{section_number}.{count}", block))
        else:
            # Live blocks show data, not argument: their paragraphs are not numbered.
            items.append(NumberedItem(None, block))
    return NumberedSection(section_number, section.heading, tuple(items))


def iter_blocks(blocks: tuple[Block, ...]) -> list[Block]:
    """Every block, with the blocks inside live blocks, in document order."""
    flat: list[Block] = []
    for block in blocks:
        flat.append(block)
        if isinstance(block, LiveBlock):
            flat.extend(block.blocks)
    return flat
