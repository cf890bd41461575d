"""Time the document builders on the December 2010 report and on an agenda pack of ten.

Run from the repository root:

    .venv/bin/python bench/report_bench.py            # measure and update docs/performance.md
    .venv/bin/python bench/report_bench.py --no-write # measure only

The report is the whole seed report (paragraphs 1.1 to 5.6, Appendices A, B and C) built by
``partnerplan.reports.seed_report.full_report``. Each figure is the median of
several runs after one warm-up run; the first (cold) run in the process is given separately,
because it includes importing WeasyPrint and loading fonts. Targets (from the issue): the report
as .docx and PDF under 2 s; a pack of ten reports under 10 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from partnerplan.reports.builders import (  # noqa: E402
    AgendaCover,
    AgendaEntry,
    Document,
    build_pack,
    build_pdf,
    prepare_document,
)
from partnerplan.reports.builders.docx_builder import build_docx  # noqa: E402
from partnerplan.reports.builders.pdfscan import PdfUnreadable, scan_pdf  # noqa: E402
from partnerplan.reports.seed_report import full_report  # noqa: E402

HEADING = "## Documents"
PERFORMANCE = ROOT / "docs" / "performance.md"
REPORT_TARGET = 2.0
PACK_TARGET = 10.0


def docx_of(doc: Document) -> bytes:
    """Prepared (validated and numbered once), then built, as publishing does."""
    return build_docx(prepare_document(doc))


def pdf_of(doc: Document) -> bytes:
    return build_pdf(prepare_document(doc))


def page_count(pdf: bytes) -> int | str:
    """Pages of ``pdf`` as pypdf reads them (``pdfscan``). Checked against ``pdfinfo``
    (poppler-utils) when it is installed."""
    try:
        pages = len(scan_pdf(pdf).page_sizes())
    except PdfUnreadable:
        return "?"
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is not None:
        with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
            f.write(pdf)
            f.flush()
            out = subprocess.run(  # noqa: S603 - a fixed program on a file we wrote
                [pdfinfo, f.name], capture_output=True, text=True, check=False
            ).stdout
        found = re.search(r"^Pages:\s+(\d+)", out, re.MULTILINE)
        if found and int(found.group(1)) != pages:
            print(f"warning: pdfinfo counts {found.group(1)} pages, the object scan {pages}")
    return pages or "?"


def timed(build: Callable[[], bytes]) -> tuple[float, bytes]:
    start = time.perf_counter()
    out = build()
    return time.perf_counter() - start, out


def median_of(build: Callable[[], bytes], repeat: int) -> tuple[float, list[float], bytes]:
    times, out = [], b""
    for _ in range(repeat):
        seconds, out = timed(build)
        times.append(seconds)
    return statistics.median(times), times, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure (default 5)")
    parser.add_argument("--pack-repeat", type=int, default=3, help="runs of the pack (default 3)")
    parser.add_argument("--no-write", action="store_true", help="do not update the docs")
    args = parser.parse_args()

    load_before = os.getloadavg()[0]
    report = full_report()
    cover = AgendaCover(
        body="Staffordshire Connects Joint Committee",
        date=dt.datetime(2010, 12, 17, 10, 0),
        venue="Council Chamber",
        opening_items=(
            AgendaEntry("Apologies for absence"),
            AgendaEntry("Declarations of interest"),
        ),
    )
    ten = [replace(report, title=f"{report.title} ({n})") for n in range(1, 11)]

    cold_docx, _ = timed(lambda: docx_of(report))
    cold_pdf, _ = timed(lambda: pdf_of(report))

    docx_median, docx_runs, docx = median_of(lambda: docx_of(report), args.repeat)
    pdf_median, pdf_runs, pdf = median_of(lambda: pdf_of(report), args.repeat)
    both_median, both_runs, _ = median_of(lambda: docx_of(report) + pdf_of(report), args.repeat)
    pack_median, pack_runs, pack = median_of(lambda: build_pack(ten, cover=cover), args.pack_repeat)

    pages = page_count(pdf)
    pack_pages = page_count(pack)
    rows = [
        ("Report as .docx", docx_median, docx_runs, f"{len(docx) // 1024} KB", None),
        ("Report as PDF", pdf_median, pdf_runs, f"{len(pdf) // 1024} KB, {pages} pages", None),
        ("Report as .docx and PDF", both_median, both_runs, "", REPORT_TARGET),
        (
            "Agenda pack of ten reports (PDF)",
            pack_median,
            pack_runs,
            f"{len(pack) // 1024} KB, {pack_pages} pages",
            PACK_TARGET,
        ),
    ]
    for label, median, runs, size, target in rows:
        verdict = (
            ""
            if target is None
            else ("  meets" if median < target else "  MISSES") + (f" the {target:g} s target")
        )
        print(
            f"{label:36} median {median:6.3f} s  runs {[round(r, 3) for r in runs]} {size}{verdict}"
        )
    print(f"{'Cold first run in a process':36} docx {cold_docx:.3f} s, PDF {cold_pdf:.3f} s")

    if not args.no_write:
        section = render_section(
            rows, cold_docx, cold_pdf, args.repeat, args.pack_repeat, load_before
        )
        write_section(section)
        print(f"Updated {PERFORMANCE.relative_to(ROOT)}")


def render_section(
    rows: list[tuple[str, float, list[float], str, float | None]],
    cold_docx: float,
    cold_pdf: float,
    repeat: int,
    pack_repeat: int,
    load_before: float,
) -> str:
    import weasyprint

    lines = [
        HEADING,
        "",
        f"Measured {dt.date.today().isoformat()} with `.venv/bin/python bench/report_bench.py` on "
        f"this machine ({os.cpu_count()} cores, Python {platform.python_version()}, "
        f"WeasyPrint {weasyprint.__version__}). The report is the whole December 2010 report "
        "(paragraphs 1.1 to 5.6 and Appendices A, B and C, with its live blocks); the pack is the "
        "agenda cover and ten such reports, rendered in one WeasyPrint pass. Medians of "
        f"{repeat} runs ({pack_repeat} for the pack) after a warm-up run.",
        "",
        f"1-minute load average: {load_before:.2f} before measuring, {os.getloadavg()[0]:.2f} "
        f"after (the bench itself keeps one core busy), on {os.cpu_count()} cores. Above "
        "the core count, other work shared the machine and the figures are slower than the "
        "builders are on their own; run the command again on a quiet machine to compare with "
        "the targets.",
        "",
        "| What | Median | Runs (s) | Output | Target |",
        "| --- | --- | --- | --- | --- |",
    ]
    for label, median, runs, size, target in rows:
        verdict = (
            ""
            if target is None
            else f"{target:g} s: " + ("met" if median < target else "**missed**")
        )
        runs_text = ", ".join(f"{r:.2f}" for r in runs)
        lines.append(f"| {label} | {median:.2f} s | {runs_text} | {size} | {verdict} |")
    lines += [
        "",
        f"The first build in a fresh process is slower (docx {cold_docx:.2f} s, PDF "
        f"{cold_pdf:.2f} s) because it imports WeasyPrint and loads the fonts; a web or task "
        "worker pays this once.",
        "",
        "Agenda packs are built once per publication by the background worker "
        "(`reports.tasks.build_agenda_packs`) and stored, so no page request waits for the pack "
        "figure above; the page says the pack is being prepared until the worker has built it.",
        "",
    ]
    return "\n".join(lines)


def write_section(section: str) -> None:
    """Replace only this bench's section; other sections belong to other people."""
    text = PERFORMANCE.read_text(encoding="utf-8") if PERFORMANCE.exists() else "# Performance\n"
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.rstrip() == HEADING), None)
    if start is None:
        new = text.rstrip("\n") + "\n\n" + section
    else:
        end = next(
            (i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines)
        )
        new = (
            "".join(lines[:start])
            + section
            + ("\n" if end < len(lines) else "")
            + "".join(lines[end:])
        )
    PERFORMANCE.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main()
