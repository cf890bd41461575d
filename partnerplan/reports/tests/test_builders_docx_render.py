"""The December 2010 report's Word file (and the minutes, a decision notice, a highlight and an
end-stage report) as an office suite lays it out: converted to PDF by
LibreOffice (headless), then its pages, fonts and text read back with poppler's tools.

Skipped where LibreOffice (Debian's libreoffice-writer-nogui) or poppler-utils is missing;
``scripts/test`` installs both.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from docx import Document as open_docx

from partnerplan.reports.builders import build_pdf
from partnerplan.reports.builders.docx_builder import build_docx
from partnerplan.reports.builders.prepared import prepare_document
from partnerplan.reports.seed_report import full_report

TOOLS = ("soffice", "pdfinfo", "pdffonts", "pdftotext")
pytestmark = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in TOOLS),
    reason="LibreOffice (libreoffice-writer-nogui) or poppler-utils is not installed",
)


def _run(*command: str) -> str:
    result = subprocess.run(command, check=True, capture_output=True, text=True, timeout=180)  # noqa: S603
    return result.stdout


def _pages(pdf: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", str(pdf)), re.M).group(1))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("word")
    prepared = prepare_document(full_report(), accept={"figure_mismatch"})
    docx = folder / "report.docx"
    docx.write_bytes(build_docx(prepared))
    (folder / "weasyprint.pdf").write_bytes(build_pdf(prepared))
    # A profile of its own, so a LibreOffice run elsewhere on the machine does not interfere.
    profile = (folder / "profile").as_uri()
    _run(
        "soffice",
        f"-env:UserInstallation={profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(folder),
        str(docx),
    )
    converted = folder / "report.pdf"
    # LibreOffice exits 0 even when it could not convert: the file must be there.
    assert converted.exists(), "LibreOffice did not convert the Word file"
    return {"docx": docx, "pdf": converted, "weasyprint": folder / "weasyprint.pdf"}


def test_its_pages_are_a4_with_appendix_a_in_landscape(rendered):
    count = _pages(rendered["pdf"])
    sizes = re.findall(
        r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)",
        _run("pdfinfo", "-f", "1", "-l", str(count), str(rendered["pdf"])),
        re.M,
    )
    shapes = [(round(float(w)), round(float(h))) for w, h in sizes]
    assert shapes[0] == (595, 842)
    assert set(shapes) == {(595, 842), (842, 595)}
    text = _run("pdftotext", "-layout", str(rendered["pdf"]), "-").split("\f")
    landscape = [i for i, shape in enumerate(shapes) if shape == (842, 595)]
    assert "Appendix A:" in text[landscape[0]]
    assert "Appendix B:" in text[landscape[-1] + 1]


def test_it_is_set_in_arial_or_its_metric_twin_only(rendered):
    fonts = _run("pdffonts", str(rendered["pdf"])).splitlines()[2:]
    names = {line.split()[0].split("+")[-1] for line in fonts}
    families = {name.split("-")[0] for name in names}
    # OpenSymbol draws the list bullets.
    assert families <= {"Arial", "ArialMT", "LiberationSans", "OpenSymbol"}, families
    assert families & {"Arial", "ArialMT", "LiberationSans"}


def test_it_runs_to_about_as_many_pages_as_the_pdf(rendered):
    word, pdf = _pages(rendered["pdf"]), _pages(rendered["weasyprint"])
    assert abs(word - pdf) <= 2, (word, pdf)


def test_no_word_or_amount_in_a_table_is_broken_across_lines(rendered):
    word = open_docx(str(rendered["docx"]))
    # Lines as laid out; each cell's words must each be found whole on some line.
    lines = _run("pdftotext", "-raw", str(rendered["pdf"]), "-")
    words = set(re.findall(r"\S+", lines))
    tokens = {
        piece
        for table in word.tables
        for row in table.rows
        for cell in row.cells
        for token in cell.text.split()
        for piece in re.split(r"(?<=[/–-])", token)  # a break after a slash or dash is fine
        if len(piece) > 1
    }
    assert len(tokens) > 200
    broken = sorted(t for t in tokens if t not in words and not any(t in w for w in words))
    assert broken == []


# --- every other kind of document with a Word file, converted in one LibreOffice run --------


def _other_documents() -> dict[str, Any]:
    from partnerplan.reports.builders.other import (
        DecisionNotice,
        EndStageReport,
        ProductStatus,
        decision_notice,
        end_stage_report,
        highlight_report,
        minutes,
    )
    from partnerplan.reports.tests.test_builders_other import HIGHLIGHT, MINUTES

    return {
        "minutes": minutes(MINUTES),
        "decision-notice": decision_notice(
            DecisionNotice(
                title="Contingency call on reserves",
                decision=("To call £85,000 on the partnership reserve as a contingency.",),
                decided_on=dt.date(2010, 12, 17),
                decision_maker="Staffordshire Connects Joint Committee",
                reasons=("Not all workstreams have identified funding.",),
                alternatives_rejected=("To wait for RIEP funding: rejected, too slow.",),
                key_decision=True,
                call_in_ends=dt.date(2010, 12, 24),
            )
        ),
        "highlight": highlight_report(HIGHLIGHT),
        "end-stage": end_stage_report(
            EndStageReport(
                project="Staffordshire One Place",
                stage="Initiation",
                date=dt.date(2011, 1, 31),
                author="Jo Project-Manager",
                summary="Initiation complete.",
                business_case_review="Still viable.",
                objectives_review="Met.",
                products=(ProductStatus("PID", "Approved"),),
                recommendations=("To approve the plan for the delivery stage",),
            )
        ),
    }


KINDS = ("minutes", "decision-notice", "highlight", "end-stage")


@pytest.fixture(scope="module")
def others(tmp_path_factory) -> dict[str, dict[str, Path]]:
    folder = tmp_path_factory.mktemp("others")
    files: dict[str, dict[str, Path]] = {}
    for name, doc in _other_documents().items():
        prepared = prepare_document(doc)
        (folder / f"{name}.docx").write_bytes(build_docx(prepared))
        (folder / f"{name}.weasyprint.pdf").write_bytes(build_pdf(prepared))
        files[name] = {
            "docx": folder / f"{name}.docx",
            "pdf": folder / f"{name}.pdf",
            "weasyprint": folder / f"{name}.weasyprint.pdf",
        }
    profile = (folder / "profile").as_uri()
    _run(
        "soffice",
        f"-env:UserInstallation={profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(folder),
        *(str(files[name]["docx"]) for name in KINDS),
    )
    return files


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_of_document_opens_in_libreoffice_a4_in_the_house_fonts(others, kind):
    files = others[kind]
    assert files["pdf"].exists(), f"LibreOffice did not convert the {kind} Word file"
    first = re.search(
        r"^Page size:\s+([\d.]+) x ([\d.]+)", _run("pdfinfo", str(files["pdf"])), re.M
    )
    assert (round(float(first.group(1))), round(float(first.group(2)))) == (595, 842)
    fonts = _run("pdffonts", str(files["pdf"])).splitlines()[2:]
    families = {line.split()[0].split("+")[-1].split("-")[0] for line in fonts}
    assert families <= {"Arial", "ArialMT", "LiberationSans", "OpenSymbol"}, families
    assert abs(_pages(files["pdf"]) - _pages(files["weasyprint"])) <= 2
    lines = set(re.findall(r"\S+", _run("pdftotext", "-raw", str(files["pdf"]), "-")))
    tokens = {
        piece
        for table in open_docx(str(files["docx"])).tables
        for row in table.rows
        for cell in row.cells
        for token in cell.text.split()
        for piece in re.split(r"(?<=[/–-])", token)
        if len(piece) > 1
    }
    broken = sorted(t for t in tokens if t not in lines and not any(t in w for w in lines))
    assert broken == []
