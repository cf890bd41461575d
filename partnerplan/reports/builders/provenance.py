"""Provenance notes out of tables: a committee report's tables hold the facts, and the notes
on where a fact came from ("DEMO DATA: ...", "Stage recorded as at the report of ...") go in
the "Sources" note at the end of the document, once each, naming the table and the rows they
are about ("Projects, rows 1 and 2: Stage recorded as at ...").

Framework-free. ``lift_provenance(doc)`` is applied by ``prepare_document``, so the Word, HTML
and PDF renderers all receive tables without such notes, and the notes in ``Document.sources``,
which each renderer prints after the appendices. A provenance note is a sentence (or a
bracketed aside) that starts with one of ``MARKERS``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .model import (
    Appendix,
    Block,
    ContentBlock,
    Document,
    LiveBlock,
    LiveBlockMissing,
    Section,
    Table,
)
from .text import plain_text

__all__ = ["MARKERS", "lift_provenance", "split_provenance"]

MARKERS: tuple[str, ...] = ("DEMO DATA", "Stage recorded as at")
_MARKER = "|".join(re.escape(marker) for marker in MARKERS)
_ASIDE = re.compile(rf"\s*\(((?:{_MARKER})\b[^()]*)\)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")
_STARTS = re.compile(rf"^(?:{_MARKER})\b")
_LABEL_LENGTH = 40
_CONTINUED = re.compile(r"\s*\(continued\)$", re.IGNORECASE)


def split_provenance(text: str) -> tuple[str, tuple[str, ...]]:
    """The cell text without its provenance notes, and the notes (each a full sentence)."""
    notes: list[str] = []
    lines: list[str] = []
    for line in text.split("\n"):
        found = [_sentence(m.group(1)) for m in _ASIDE.finditer(line)]
        kept: list[str] = []
        for sentence in _SENTENCE_END.split(_ASIDE.sub("", line)):
            if _STARTS.match(sentence.strip()):
                found.append(_sentence(sentence))
            else:
                kept.append(sentence)
        joined = " ".join(kept).strip()
        if joined or not found:
            lines.append(joined if found else line)
        notes.extend(found)
    return "\n".join(lines), tuple(notes)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _label(row: Sequence[str]) -> str:
    """The row as its first cell names it ("2" for "2 (continued)")."""
    first = plain_text(row[0].split("\n", 1)[0]).strip() if row else ""
    first = _CONTINUED.sub("", first)
    return first if len(first) <= _LABEL_LENGTH else first[: _LABEL_LENGTH - 1] + "…"


def _words(labels: list[str]) -> str:
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def lift_table(table: Table) -> tuple[Table, tuple[str, ...]]:
    """The table without provenance notes, and the notes for the Sources note (each naming the
    table and the rows it is about)."""
    found: dict[str, list[str]] = {}
    rows: list[tuple[str, ...]] = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row:
            cleaned, notes = split_provenance(cell)
            cells.append(cleaned)
            for note in notes:
                labels = found.setdefault(note, [])
                label = _label(row)
                if label and label not in labels:
                    labels.append(label)
        rows.append(tuple(cells))
    if not found:
        return table, ()
    every_row = len({_label(row) for row in table.rows})
    name = plain_text(table.caption).strip() or "Table"
    sources = []
    for note, labels in found.items():
        if len(labels) in (0, every_row):
            where = name
        else:
            where = f"{name}, row{'s' if len(labels) > 1 else ''} {_words(labels)}"
        sources.append(f"{where}: {note}")
    return replace(table, rows=tuple(rows)), tuple(sources)


class _Lifter:
    def __init__(self) -> None:
        self.sources: list[str] = []

    def content(self, blocks: Sequence[ContentBlock]) -> tuple[ContentBlock, ...]:
        out: list[ContentBlock] = []
        for block in blocks:
            if isinstance(block, Table):
                table, notes = lift_table(block)
                out.append(table)
                self.sources.extend(note for note in notes if note not in self.sources)
            else:
                out.append(block)
        return tuple(out)

    def blocks(self, blocks: Sequence[Block]) -> tuple[Block, ...]:
        out: list[Block] = []
        for block in blocks:
            if isinstance(block, LiveBlock):
                inner = self.content(block.blocks)
                out.append(block if inner == block.blocks else replace(block, blocks=inner))
            elif isinstance(block, LiveBlockMissing):
                out.append(block)
            else:
                out.extend(self.content((block,)))
        return tuple(out)

    def section(self, section: Section) -> Section:
        blocks = self.blocks(section.blocks)
        return section if blocks == section.blocks else replace(section, blocks=blocks)

    def appendix(self, appendix: Appendix) -> Appendix:
        blocks = self.blocks(appendix.blocks)
        return appendix if blocks == appendix.blocks else replace(appendix, blocks=blocks)


def lift_provenance(doc: Document) -> Document:
    """``doc`` with the provenance notes of every table moved to its Sources note."""
    lifter = _Lifter()
    sections = tuple(lifter.section(section) for section in doc.sections)
    appendices = tuple(lifter.appendix(appendix) for appendix in doc.appendices)
    if not lifter.sources:
        return doc
    sources = (*doc.sources, *(s for s in lifter.sources if s not in doc.sources))
    return replace(doc, sections=sections, appendices=appendices, sources=sources)
