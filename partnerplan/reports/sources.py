"""Live block sources: each kind of live block, the parameters it takes and the function that
reads the apps' selectors and returns the block (or a ``LiveBlockMissing`` when the thing it
shows has gone).

Every source is registered explicitly in ``SOURCES`` (kind -> Source). The functions read with
the *audience* viewer of the report (see ``documents.audience_viewer``), so a public report
shows only what the public may see, whoever presses "publish".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from partnerplan.core.access import Viewer, visible
from partnerplan.reports.builders.live import (
    Movement,
    OverlapRow,
    PipelineEntry,
    WorkstreamSummary,
    fund_forecast,
    overlap_table,
    pipeline,
    scenario_result,
    workstream_summaries,
)
from partnerplan.reports.builders.live import missing as missing_block
from partnerplan.reports.builders.model import (
    BulletList,
    Image,
    LiveBlock,
    LiveBlockMissing,
    Paragraph,
    Table,
)

Params = Mapping[str, Any]
Built = LiveBlock | LiveBlockMissing


@dataclass(frozen=True)
class Source:
    label: str
    # Parameter names the source needs, each a key of ``PARAMETERS``.
    needs: tuple[str, ...]
    build: Callable[[Params, Viewer, dt.datetime], Built]
    optional: tuple[str, ...] = ()


# What each parameter is, for the editor's form: name -> (label, model "app.Model" or "date").
PARAMETERS: dict[str, tuple[str, str]] = {
    "programme": ("Programme", "portfolio.Programme"),
    "other": ("Other programme", "portfolio.Programme"),
    "method": ("Prioritisation method", "portfolio.Method"),
    "project": ("Project", "portfolio.Project"),
    "fund": ("Fund", "finance.Fund"),
    "scenario": ("Scenario (pending requests assumed approved)", "finance.Scenario"),
    "start": ("From", "date"),
    "end": ("To", "date"),
    "run": ("Planner run", "resources.PlanRun"),
    "plan_scenario": ("Planner scenario (its plan in the run)", "resources.PlanScenario"),
}


def _name(params: Params, key: str, fallback: str) -> str:
    names = params.get("names") or {}
    return str(names.get(key) or fallback)


def _pk(params: Params, key: str) -> int:
    try:
        return int(params.get(key) or 0)
    except (TypeError, ValueError):
        return 0


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


# --- governance ---------------------------------------------------------------------------


def governance_diagram(params: Params, viewer: Viewer, as_at: dt.datetime) -> Built:
    from partnerplan.governance.rules.diagram import describe_governance, render_governance_svg
    from partnerplan.governance.selectors import structure

    nodes, edges = structure(viewer=viewer)
    if not nodes:
        return LiveBlockMissing("governance structure", "No governance bodies are recorded.")
    caption = "Governance structure of the partnership"
    sentences = describe_governance(nodes, edges)
    svg = render_governance_svg(nodes, edges, title=caption, id_prefix="report-governance")
    image = Image(
        svg.encode("utf-8"),
        "image/svg+xml",
        alt=f"{caption}: a diagram, described in the list that follows.",
        caption=caption,
    )
    return LiveBlock("Governance diagram", (image, BulletList(tuple(sentences))), as_at)


# --- portfolio ----------------------------------------------------------------------------


def _programme(params: Params, key: str, viewer: Viewer) -> Any:
    from partnerplan.portfolio.models import Programme

    found = visible(
        Programme.objects.filter(pk=_pk(params, key), archived_at__isnull=True), viewer
    ).first()
    return found


def overlap(params: Params, viewer: Viewer, as_at: dt.datetime) -> Built:
    from partnerplan.portfolio import selectors

    side = _programme(params, "programme", viewer)
    other = _programme(params, "other", viewer)
    for key, found in (("programme", side), ("other", other)):
        if found is None:
            return missing_block("programme", _name(params, key, "chosen"))
    rows: list[OverlapRow] = []
    for number, row in enumerate(selectors.overlap(viewer=viewer, side=side, other=other), 1):
        label = str(row.workstream.number or number)
        if not row.entries:
            rows.append(OverlapRow(label, row.workstream.name, row.leads, "None", "N/a", "N/a"))
        for index, entry in enumerate(row.entries):
            project = entry.project
            work = f"**{project.title}**" if project else ""
            if project is not None and project.summary:
                work += f"\n{project.summary}"
            rows.append(
                OverlapRow(
                    label if index == 0 else f"{label} (continued)",
                    row.workstream.name,
                    row.leads if index == 0 else "",
                    work or "None",
                    entry.officer_lead or "N/a",
                    entry.comment or "",
                )
            )
    return overlap_table(other.name, side.name, rows, as_at=as_at)


def workstreams(params: Params, viewer: Viewer, as_at: dt.datetime) -> Built:
    from partnerplan.portfolio.selectors import _leads

    programme = _programme(params, "programme", viewer)
    if programme is None:
        return missing_block("programme", _name(params, "programme", "chosen"))
    summaries = [
        WorkstreamSummary(
            f"Workstream {ws.number}: {ws.name}" if ws.number else ws.name,
            (("Led by", _leads(ws)), ("What is included", ws.description or "Not recorded.")),
        )
        for ws in programme.workstreams.filter(archived_at__isnull=True)
        .prefetch_related("leads__partner", "lead_partners")
        .order_by("number", "name")
    ]
    if not summaries:
        return LiveBlockMissing("programme", f"{programme.name} has no workstreams to summarise.")
    return workstream_summaries(programme.name, summaries, as_at=as_at)


def pipeline_ranking(params: Params, viewer: Viewer, as_at: dt.datetime) -> Built:
    from partnerplan.portfolio import selectors
    from partnerplan.portfolio.models import Method

    method = Method.objects.filter(pk=_pk(params, "method"), archived_at__isnull=True).first()
    if method is None:
        return missing_block("prioritisation method", _name(params, "method", "chosen"))
    entries = [
        PipelineEntry(
            row.project.title,
            Decimal(str(round(row.assessment.overall.mean, 2))),
            row.project.stage.name,
            selectors.project_lead_text(row.project),
        )
        for row in selectors.ranking(viewer=viewer, method=method)
        if row.assessment is not None
    ]
    if not entries:
        return LiveBlockMissing(
            "prioritisation method", f"No project has been scored with '{method.name}' yet."
        )
    return pipeline(entries, as_at=as_at)


def highlight(params: Params, viewer: Viewer, as_at: dt.datetime) -> Built:
    from partnerplan.portfolio.models import Project

    project = visible(
        Project.objects.filter(pk=_pk(params, "project"), archived_at__isnull=True), viewer
    ).first()
    if project is None:
        return missing_block("project", _name(params, "project", "chosen"))
    report = project.highlight_reports.select_related("author").order_by("-period_end").first()
    if report is None:
        return LiveBlockMissing("project", f"{project.title} has no highlight report yet.")
    period = f"{report.period_start:%-d %B %Y} to {report.period_end:%-d %B %Y}"
    facts = Table(
        caption=f"Highlight report: {project.title}",
        header_rows=(("Item", "Status"),),
        rows=(
            ("Period", period),
            ("Confidence", report.get_confidence_display() or "Not given"),
            ("Progress this period", report.progress),
            ("Work next period", report.next_period or "None given"),
            ("Top risks and issues", report.risks_and_issues or "None given"),
            ("Decisions needed", report.decisions_needed or "None"),
        ),
        column_widths=(1, 3),
        row_headers=True,
    )
    return LiveBlock(f"Highlight report: {project.title}", (facts,), as_at)


# --- finance ------------------------------------------------------------------------------


def fund_movements(params: Params, viewer: Viewer, as_at: dt.datetime) -> Built:
    from partnerplan.finance import selectors
    from partnerplan.finance.models import Basis, Fund, RequestStatus, Scenario

    fund = visible(Fund.objects.filter(pk=_pk(params, "fund"), archived_at__isnull=True), viewer)
    found = fund.first()
    if found is None:
        return missing_block("fund", _name(params, "fund", "chosen"))
    start, end = _date(params["start"]), _date(params["end"])
    opening_on = start - dt.timedelta(days=1)
    opening = selectors.fund_balance(fund=found, on=opening_on)
    movements = [
        Movement(
            entry.transaction.effective_on,
            entry.transaction.description,
            entry.amount,
            "paid" if entry.transaction.basis == Basis.ACTUAL else "approved",
        )
        for entry in selectors.fund_movements(
            viewer=viewer, fund=found, filters=selectors.MovementFilters(start=start, end=end)
        )
    ]
    scenario = None
    if params.get("scenario"):
        scenario = Scenario.objects.filter(pk=params["scenario"]).first()
        if scenario is None:
            return missing_block("scenario", _name(params, "scenario", "chosen"))
        for request in scenario.requests.filter(status=RequestStatus.PENDING):
            if start <= request.expected_on <= end:
                sign = -1 if request.fund_id == found.pk else 1
                if found.pk in (request.fund_id, request.to_fund_id):
                    movements.append(
                        Movement(
                            request.expected_on, request.title, sign * request.amount, "requested"
                        )
                    )
    block = fund_forecast(found.name, opening, opening_on, movements, as_at=as_at)
    if scenario is not None:
        note = Paragraph(
            f"Includes the pending requests of the scenario '{scenario.name}', as if approved.",
            numbered=False,
        )
        block = LiveBlock(block.source, (*block.blocks, note), block.as_at)
    return block


# --- resources ----------------------------------------------------------------------------

BASE_PLAN = "Plan as it stands"
NOT_IN_PLAN = "Not in the plan"


def _month(iso: str) -> str:
    return f"{dt.date.fromisoformat(iso):%B %Y}"


def _plan_rows(plan: Mapping[str, Any], seen: set[str]) -> tuple[list[tuple[str, str, str]], int]:
    """(project, start, outcome) rows for the projects in ``seen``, and how many were left out."""
    rows: list[tuple[str, str, str]] = []
    hidden = 0
    for s in plan.get("scheduled", []):
        if s["project_id"] not in seen:
            hidden += 1
            continue
        fixed = " (committed)" if s.get("fixed") else ""
        outcome = f"Goes ahead; runs to the end of {_month(s['end'])}{fixed}"
        rows.append((s["title"], _month(s["start"]), outcome))
    for d in plan.get("deferred", []):
        if d["project_id"] not in seen:
            hidden += 1
            continue
        why = "; ".join(r["message"] for r in d.get("reasons", []) if r.get("message"))
        outcome = "Deferred" + (f": {why}" if why else "")
        if d.get("suggestions"):
            outcome += f". What would let it in: {'; '.join(d['suggestions'])}"
        rows.append((d["title"], NOT_IN_PLAN, outcome))
    return rows, hidden


def scenario_plan(params: Params, viewer: Viewer, as_at: dt.datetime) -> Built:
    """A finished planner run's plan: the plan as it stands, or the plan of one of the run's
    scenarios. Projects the audience may not see are left out of the table and counted."""
    from partnerplan.portfolio.models import Project
    from partnerplan.resources.models import PlanRun, PlanScenario, RunStatus

    run = PlanRun.objects.filter(pk=_pk(params, "run")).only("pk", "name", "status", "result")
    found = run.first()
    if found is None:
        return missing_block("planner run", _name(params, "run", "chosen"))
    if found.status != RunStatus.DONE:
        state = found.get_status_display().lower()
        return LiveBlockMissing(
            "planner run", f"The planner run '{found.name}' has not finished ({state})."
        )
    plan_name = BASE_PLAN
    if params.get("plan_scenario"):
        scenario = PlanScenario.objects.filter(pk=_pk(params, "plan_scenario")).first()
        if scenario is None:
            return missing_block("planner scenario", _name(params, "plan_scenario", "chosen"))
        plan_name = scenario.name
    plan = next((p for p in found.result.get("plans", []) if p.get("name") == plan_name), None)
    if plan is None:
        return LiveBlockMissing(
            "planner run", f"The planner run '{found.name}' has no plan for '{plan_name}'."
        )
    seen = {f"p{pk}" for pk in visible(Project.objects.all(), viewer).values_list("pk", flat=True)}
    rows, hidden = _plan_rows(plan, seen)
    if not rows:
        return LiveBlockMissing(
            "planner run", f"The plan '{plan_name}' of '{found.name}' has no project to show."
        )
    going = sum(1 for r in rows if r[1] != NOT_IN_PLAN)
    summary = (
        f"From the planner run '{found.name}': {going} of {len(rows)} projects go ahead"
        f" in '{plan_name}'."
    )
    if hidden:
        summary += f" {hidden} project(s) this report's readers may not see are left out."
    label = found.name if plan_name == BASE_PLAN else plan_name
    return scenario_result(label, summary, rows, as_at=as_at)


SOURCES: dict[str, Source] = {
    "governance_diagram": Source(
        "Governance diagram (bodies and reporting lines)", (), governance_diagram
    ),
    "overlap": Source("Overlap table between two programmes", ("programme", "other"), overlap),
    "workstreams": Source("Summary of each workstream of a programme", ("programme",), workstreams),
    "pipeline": Source("The pipeline ranked by priority", ("method",), pipeline_ranking),
    "fund_forecast": Source(
        "A fund's forecast and the movements behind it",
        ("fund", "start", "end"),
        fund_movements,
        optional=("scenario",),
    ),
    "highlight": Source("A project's latest highlight report", ("project",), highlight),
    "scenario_result": Source(
        "A planner run's result (the plan as it stands, or a scenario's plan)",
        ("run",),
        scenario_plan,
        optional=("plan_scenario",),
    ),
}


def build_live(kind: str, params: Params, viewer: Viewer, as_at: dt.datetime) -> Built:
    source = SOURCES.get(kind)
    if source is None:
        return LiveBlockMissing("live block", f"There is no kind of live block called '{kind}'.")
    return source.build(params, viewer, as_at)
