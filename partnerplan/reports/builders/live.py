"""Live blocks: turn the system's current data (given as plain values) into blocks.

The Django side reads its models and calls these; each returns a ``LiveBlock`` stamped with the
time the data was read, or the caller puts a ``LiveBlockMissing`` in its place when the thing the
block showed has been deleted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from partnerplan.core.money import format_money

from .html_builder import format_date
from .model import BulletList, Image, LiveBlock, LiveBlockMissing, Paragraph, Subheading, Table

__all__ = [
    "DiagramBox",
    "Movement",
    "OverlapRow",
    "PipelineEntry",
    "WorkstreamSummary",
    "fund_forecast",
    "governance_diagram",
    "missing",
    "overlap_table",
    "pipeline",
    "scenario_result",
    "workstream_summaries",
]


def missing(kind: str, name: str) -> LiveBlockMissing:
    """The placeholder for a block whose source was deleted, e.g. missing("fund", "Reserve")."""
    return LiveBlockMissing(
        source=kind, message=f"The {kind} '{name}' this block shows has been deleted."
    )


@dataclass(frozen=True)
class OverlapRow:
    number: str
    workstream: str
    leads: str
    related_work: str
    officer_lead: str
    comment: str


def overlap_table(
    first: str, second: str, rows: Sequence[OverlapRow], *, as_at: dt.datetime | dt.date
) -> LiveBlock:
    table = Table(
        caption=f"Overlap between {first} and {second}",
        header_rows=(
            (
                "No",
                f"{second} workstream",
                "Lead officers and leaders",
                f"{first}: related areas",
                "Officer lead",
                "Comment",
            ),
        ),
        rows=tuple(
            (r.number, r.workstream, r.leads, r.related_work, r.officer_lead, r.comment)
            for r in rows
        ),
        column_widths=(0.5, 2.2, 2, 4.5, 1.5, 3),
    )
    return LiveBlock(f"Overlap: {first} and {second}", (table,), as_at)


@dataclass(frozen=True)
class WorkstreamSummary:
    name: str
    facts: tuple[tuple[str, str], ...]  # ("Led by", "Districts and County"), ...


def workstream_summaries(
    programme: str, summaries: Sequence[WorkstreamSummary], *, as_at: dt.datetime | dt.date
) -> LiveBlock:
    blocks: list[Subheading | Paragraph] = []
    for summary in summaries:
        blocks.append(Subheading(summary.name))
        for label, text in summary.facts:
            label_text = label.replace("*", "\\*")
            blocks.append(
                Paragraph(f"*{label_text}:* {text.replace('*', chr(92) + '*')}", numbered=False)
            )
    return LiveBlock(f"Workstreams of {programme}", tuple(blocks), as_at)


@dataclass(frozen=True)
class Movement:
    on: dt.date
    description: str
    amount: Decimal  # negative for a call on the fund
    status: str = "approved"  # approved, requested, forecast


def fund_forecast(
    fund: str,
    opening: Decimal,
    opening_on: dt.date,
    movements: Sequence[Movement],
    *,
    as_at: dt.datetime | dt.date,
) -> LiveBlock:
    """The fund's balance after each movement, and the forecast closing balance."""
    balance = opening
    rows = [(format_date(opening_on), "Opening balance", "", "", format_money(opening))]
    for movement in sorted(movements, key=lambda m: m.on):
        balance += movement.amount
        rows.append(
            (
                format_date(movement.on),
                movement.description,
                movement.status.capitalize(),
                format_money(movement.amount),
                format_money(balance),
            )
        )
    table = Table(
        caption=f"{fund}: forecast and the movements behind it",
        header_rows=(("Date", "Movement", "Status", "Amount", "Balance"),),
        rows=tuple(rows),
        column_widths=(2, 5, 1.5, 1.5, 1.5),
    )
    closing = movements[-1].on if movements else opening_on
    summary = Paragraph(
        f"Forecast balance of {fund} at {format_date(closing)}: **{format_money(balance)}**.",
        numbered=False,
    )
    return LiveBlock(f"Fund forecast: {fund}", (table, summary), as_at)


@dataclass(frozen=True)
class PipelineEntry:
    project: str
    score: Decimal
    stage: str
    lead: str


def pipeline(entries: Sequence[PipelineEntry], *, as_at: dt.datetime | dt.date) -> LiveBlock:
    ranked = sorted(entries, key=lambda e: (-e.score, e.project))
    table = Table(
        caption="The pipeline, ranked by priority",
        header_rows=(("Rank", "Project", "Priority score", "Stage", "Lead"),),
        rows=tuple(
            (str(rank), e.project, f"{e.score:g}", e.stage, e.lead)
            for rank, e in enumerate(ranked, 1)
        ),
        column_widths=(0.7, 4, 1.3, 2, 2),
    )
    return LiveBlock("Pipeline", (table,), as_at)


def scenario_result(
    scenario: str,
    summary: str,
    rows: Sequence[tuple[str, str, str]],
    *,
    as_at: dt.datetime | dt.date,
) -> LiveBlock:
    """A planner scenario's result: (project, start, outcome) per project."""
    table = Table(
        caption=f"Scenario '{scenario}': result",
        header_rows=(("Project", "Start", "Outcome"),),
        rows=tuple(rows),
    )
    return LiveBlock(
        f"Planner scenario: {scenario}", (Paragraph(summary, numbered=False), table), as_at
    )


@dataclass(frozen=True)
class DiagramBox:
    key: str
    label: str
    note: str = ""
    parent: str | None = None  # the body this one reports to
    column: int = 0  # 0 for the main line, 1 for a body beside it (e.g. another programme)


def governance_diagram(
    boxes: Sequence[DiagramBox],
    *,
    caption: str,
    links: Sequence[tuple[str, str, str]] = (),
    as_at: dt.datetime | dt.date,
) -> LiveBlock:
    """The governance structure as an SVG drawing, with alt text written from the same data.

    Each box sits one row below its parent; ``links`` adds dashed lines between boxes
    (from, to, label), e.g. twin-track reporting to another body.
    """
    by_key = {box.key: box for box in boxes}
    depth: dict[str, int] = {}

    def level(key: str) -> int:
        if key not in depth:
            parent = by_key[key].parent
            depth[key] = 0 if parent is None or parent not in by_key else level(parent) + 1
        return depth[key]

    width, box_w, box_h, gap = 640, 260, 58, 34
    positions = {
        box.key: (30 + box.column * (box_w + 60), 20 + level(box.key) * (box_h + gap))
        for box in boxes
    }
    height = max(y for _, y in positions.values()) + box_h + 20
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="Arial, sans-serif" font-size="13">',
        f"<title>{escape(caption)}</title>",
    ]
    for box in boxes:
        if box.parent in positions:
            px, py = positions[box.parent]
            x, y = positions[box.key]
            parts.append(
                f'<line x1="{px + box_w / 2}" y1="{py + box_h}" x2="{x + box_w / 2}" y2="{y}" '
                'stroke="#0b0c0c" stroke-width="2"/>'
            )
    for start, end, label in links:
        if start in positions and end in positions:
            (x1, y1), (x2, y2) = positions[start], positions[end]
            parts.append(
                f'<line x1="{x1 + box_w}" y1="{y1 + box_h / 2}" x2="{x2}" y2="{y2 + box_h / 2}" '
                'stroke="#1d70b8" stroke-width="2" stroke-dasharray="6 4"/>'
                f'<text x="{(x1 + box_w + x2) / 2}" y="{(y1 + y2) / 2 + box_h / 2 - 6}" '
                f'text-anchor="middle" fill="#1d70b8" font-size="11">{escape(label)}</text>'
            )
    for box in boxes:
        x, y = positions[box.key]
        parts.append(
            f'<rect x="{x}" y="{y}" width="{box_w}" height="{box_h}" rx="4" fill="#f3f2f1" '
            'stroke="#0b0c0c" stroke-width="1.5"/>'
            f'<text x="{x + box_w / 2}" y="{y + 24}" text-anchor="middle" font-weight="bold">'
            f"{escape(box.label)}</text>"
        )
        if box.note:
            parts.append(
                f'<text x="{x + box_w / 2}" y="{y + 44}" text-anchor="middle" font-size="11">'
                f"{escape(box.note)}</text>"
            )
    parts.append("</svg>")
    svg = "".join(parts).encode("utf-8")
    sentences = _describe(boxes, by_key, links)
    # A complex image gets a short alt text and a long description beside it (the list).
    alt = f"{caption}: a diagram, described in the list that follows."
    image = Image(svg, "image/svg+xml", alt=alt, caption=caption)
    return LiveBlock("Governance diagram", (image, BulletList(sentences)), as_at)


def _describe(
    boxes: Sequence[DiagramBox],
    by_key: dict[str, DiagramBox],
    links: Sequence[tuple[str, str, str]],
) -> tuple[str, ...]:
    sentences = []
    for box in boxes:
        described = f"{box.label} ({box.note})" if box.note else box.label
        if box.parent in by_key:
            sentences.append(f"{described} reports to {by_key[box.parent].label}.")
        else:
            sentences.append(f"{described} is at the top.")
    for start, end, label in links:
        if start in by_key and end in by_key:
            sentences.append(f"{by_key[start].label} links to {by_key[end].label}: {label}.")
    return tuple(sentences)
