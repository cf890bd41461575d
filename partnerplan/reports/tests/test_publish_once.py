"""Publishing prepares the document once: one validation, one numbering, one HTML rendering,
and Word, HTML and PDF are all made from that one prepared document."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from partnerplan.governance.tests.factories import RecommendationFactory
from partnerplan.reports import services
from partnerplan.reports.builders import html_builder, numbering, pdf_builder, prepared, validate
from partnerplan.reports.builders.model import Document
from partnerplan.reports.builders.prepared import PreparedDocument, prepare_document
from partnerplan.reports.tests.factories import ParagraphFactory, ReportFactory, SectionFactory


def _counting(calls: Counter[str], name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[name] += 1
        return function(*args, **kwargs)

    return counted


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Counts of validation, numbering and HTML rendering, wherever they are called from."""
    counts: Counter[str] = Counter()
    for module, name, label in [
        (prepared, "problems_in", "validate"),
        (validate, "problems_in", "validate"),
        (prepared, "number", "number"),
        (validate, "number", "number"),
        (html_builder, "document_fragment", "html"),
        (pdf_builder, "document_fragment", "html"),
    ]:
        monkeypatch.setattr(module, name, _counting(counts, label, getattr(module, name)))
    monkeypatch.setattr(
        numbering, "number", _counting(counts, "number", numbering.number), raising=True
    )
    return counts


def test_it_validates_numbers_and_renders_the_html_once_per_publication(world, calls):
    report = ReportFactory.create()
    RecommendationFactory.create(item=report.item, number=1, text="To approve the plan.")
    ParagraphFactory.create(section=SectionFactory.create(report=report))
    version = services.report_publish(actor=world.users["admin"], report=report)
    assert version.number == 1 and bytes(version.pdf).startswith(b"%PDF")
    assert calls == Counter({"validate": 1, "number": 1, "html": 1})


def test_it_makes_a_prepared_document_only_from_a_valid_one():
    from partnerplan.reports.builders import DocumentError
    from partnerplan.reports.seed_report import reduced_report

    ready = prepare_document(reduced_report())
    assert isinstance(ready, PreparedDocument) and isinstance(ready.document, Document)
    assert [s.number for s in ready.sections] == [1, 2, 3, 4]
    with pytest.raises(DocumentError, match="The report has no recommendations"):
        prepare_document(reduced_report(recommendations=()))
