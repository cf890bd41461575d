"""Document builders: committee reports, agenda packs and other documents as .docx, PDF, HTML
and .xlsx.

Framework-free: nothing here imports Django. The Django side turns its models into the
dataclasses in ``model`` and calls the builders, which return bytes (or a string for HTML) only
when the whole document was produced. A document is first prepared once
(``prepare_document(doc)``: validated and numbered, or ``DocumentError`` with every problem);
the renderers accept only the ``PreparedDocument``, so nothing unchecked is rendered.
"""

from __future__ import annotations

from .exempt import SCHEDULE_12A, split_for_publication, withheld_notice
from .html_builder import build_html
from .model import (
    Appendix,
    BulletList,
    Document,
    FigureCheck,
    Image,
    LiveBlock,
    LiveBlockMissing,
    PageBreak,
    Paragraph,
    Run,
    Section,
    Subheading,
    Table,
)
from .pdf_builder import (
    AgendaCover,
    AgendaEntry,
    AgendaNote,
    MeetingPacks,
    build_meeting_packs,
    build_pack,
    build_pdf,
)
from .prepared import PreparedDocument, prepare_document
from .problems import DocumentError, Problem
from .validate import validate_document

__all__ = [
    "SCHEDULE_12A",
    "AgendaCover",
    "AgendaEntry",
    "AgendaNote",
    "Appendix",
    "BulletList",
    "Document",
    "DocumentError",
    "FigureCheck",
    "Image",
    "LiveBlock",
    "LiveBlockMissing",
    "MeetingPacks",
    "PageBreak",
    "Paragraph",
    "PreparedDocument",
    "Problem",
    "Run",
    "Section",
    "Subheading",
    "Table",
    "build_html",
    "build_meeting_packs",
    "build_pack",
    "build_pdf",
    "prepare_document",
    "split_for_publication",
    "validate_document",
    "withheld_notice",
]
