"""One place for "today": every module asks `partnerplan.core.clock`, so a demonstration's
as-at date reaches every page, service and document (issue 16). Only the clock itself (whose
real_now() serves the background worker's leases) and the file metadata of generated files
read the real clock."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "partnerplan"
REAL_CLOCK = re.compile(
    r"timezone\.localdate\(\)|timezone\.now\(\)|date\.today\(\)|datetime\.now\("
)
# The clock (its real_now() is for leases and heartbeats: real elapsed time); the moment a
# file was made, in its own metadata (an iCalendar DTSTAMP, a Word document's core properties).
ALLOWED = {
    "core/clock.py",
    "governance/rules/ical.py",
    "reports/builders/docx_builder.py",
}


def test_it_reads_today_only_through_the_clock():
    offenders = []
    for path in ROOT.rglob("*.py"):
        name = str(path.relative_to(ROOT))
        if "/tests/" in f"/{name}" or "/migrations/" in name or name in ALLOWED:
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if REAL_CLOCK.search(line):
                offenders.append(f"{name}:{number}")
    assert offenders == [], "ask partnerplan.core.clock for today() and now()"
