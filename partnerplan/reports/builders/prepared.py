"""A document checked and numbered once, ready for every renderer.

``prepare_document(doc)`` validates ``doc`` and works out its section and paragraph numbers and
appendix letters in one pass; it raises ``DocumentError`` with every problem, or returns a
``PreparedDocument``. The renderers (``build_html``, ``build_docx``, ``build_pdf``) accept only a
``PreparedDocument``, so a document is never rendered unchecked and never checked or numbered
again by each renderer.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace

from .model import Document
from .numbering import NumberedAppendix, NumberedSection, number
from .problems import DocumentError, Problem
from .provenance import lift_provenance
from .validate import problems_in

__all__ = ["PreparedDocument", "prepare_document"]


@dataclass(frozen=True)
class PreparedDocument:
    """A valid document with its numbers. Made only by ``prepare_document``."""

    document: Document
    sections: tuple[NumberedSection, ...]
    appendices: tuple[NumberedAppendix, ...]
    # Problems of a kind the caller chose to accept (a figure check published over).
    accepted: tuple[Problem, ...] = ()

    def labelled(self, agenda_item: str) -> PreparedDocument:
        """The same document under another agenda item label (numbers do not depend on it)."""
        return replace(self, document=replace(self.document, agenda_item=agenda_item))


def prepare_document(
    doc: Document,
    *,
    require_recommendations: bool | None = None,
    accept: Collection[str] = (),
) -> PreparedDocument:
    """Validate and number ``doc`` once. Problems whose code is in ``accept`` do not stop it
    (they are kept on the result); any other problem raises ``DocumentError`` with every problem
    found, in document order. Provenance notes in tables ("DEMO DATA: ...") move to a note
    under each table first (``provenance.lift_provenance``), for every renderer."""
    doc = lift_provenance(doc)
    sections, appendices = number(doc)
    problems = problems_in(
        doc, sections, appendices, require_recommendations=require_recommendations
    )
    if any(problem.code not in accept for problem in problems):
        raise DocumentError(problems)
    return PreparedDocument(doc, sections, appendices, tuple(problems))
