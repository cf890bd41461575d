"""Planner runs and scenarios, and a run's result ready for the page."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from partnerplan.core.access import Viewer, visible, visible_q
from partnerplan.core.money import format_money
from partnerplan.finance.models import Fund
from partnerplan.partners.models import Person
from partnerplan.portfolio.models import Project
from partnerplan.resources.models import PlanRun, PlanScenario, PoolMember
from partnerplan.resources.planning.months import month_label


def run_list(*, viewer: Viewer) -> QuerySet[PlanRun]:
    return PlanRun.objects.select_related("created_by").defer("inputs", "result")


def run_detail(*, viewer: Viewer, pk: int) -> PlanRun:
    try:
        return PlanRun.objects.prefetch_related("scenarios").get(pk=pk)
    except PlanRun.DoesNotExist:
        raise Http404("No planner run has that number") from None


def run_progress(*, viewer: Viewer, pk: int) -> PlanRun:
    try:
        # ... and the times the status tag reads (core.jobs: waiting, running, done)
        return PlanRun.objects.only(
            "pk", "status", "progress", "name", "time_limit_s",
            "created_at", "started_at", "finished_at",
        ).get(pk=pk)  # fmt: skip
    except PlanRun.DoesNotExist:
        raise Http404("No planner run has that number") from None


def scenario_list(*, viewer: Viewer) -> QuerySet[PlanScenario]:
    """The scenarios, naming only the projects and pool members the viewer may see."""
    projects = visible(Project.objects.all(), viewer)
    members = PoolMember.objects.filter(visible_q(viewer, Person, "person__")).select_related(
        "person"
    )
    return PlanScenario.objects.select_related("add_skill").prefetch_related(
        Prefetch("force_in", queryset=projects),
        Prefetch("force_out", queryset=projects),
        Prefetch("remove_members", queryset=members),
    )


def scenario_choices() -> QuerySet[PlanScenario]:
    return PlanScenario.objects.order_by("name")


# --- A run's result, ready for the page ------------------------------------------------------


def _month(iso: str) -> str:
    return month_label(dt.date.fromisoformat(iso))


def _pounds(amount: Decimal | str | None) -> str:
    """Money to the pound, "£85,000" (a run's figures are shown in whole pounds)."""
    if amount is None:
        return ""
    return format_money(Decimal(amount).quantize(Decimal(1)))


HIDDEN_LABELS = {
    "p": "A project you cannot see",
    "f": "A fund you cannot see",
    "m": "A pool member you cannot see",
}


def _hidden_keys(keys: set[str], viewer: Viewer) -> set[str]:
    """The run's keys ("p12" a project, "f3" a fund, "m7" a pool member) naming records the
    viewer may not see: a run keeps the names of its snapshot, taken for whoever started it."""
    by_kind: dict[str, set[int]] = {"p": set(), "f": set(), "m": set()}
    for key in keys:
        if key[:1] in by_kind and key[1:].isdigit():
            by_kind[key[:1]].add(int(key[1:]))
    if viewer.is_admin:
        return set()
    seen: dict[str, set[int]] = {"p": set(), "f": set(), "m": set()}
    if by_kind["p"]:
        seen["p"] = set(
            visible(Project.objects.filter(pk__in=by_kind["p"]), viewer).values_list(
                "pk", flat=True
            )
        )
    if by_kind["f"]:
        seen["f"] = set(
            visible(Fund.objects.filter(pk__in=by_kind["f"]), viewer).values_list("pk", flat=True)
        )
    if by_kind["m"]:
        seen["m"] = set(
            PoolMember.objects.filter(pk__in=by_kind["m"])
            .filter(visible_q(viewer, Person, "person__"))
            .values_list("pk", flat=True)
        )
    return {f"{kind}{pk}" for kind, pks in by_kind.items() for pk in pks - seen[kind]}


def _scoped_labels(run: PlanRun, viewer: Viewer) -> tuple[dict[str, str], set[str]]:
    labels: dict[str, str] = dict(run.inputs.get("labels", {}))
    keys = set(labels)
    for plan in run.result.get("plans", []):
        keys |= {s.get("project_id", "") for s in plan.get("scheduled", [])}
        keys |= {a.get("project_id", "") for a in plan.get("assignments", [])}
        keys |= {a.get("member_id", "") for a in plan.get("assignments", [])}
    hidden = _hidden_keys(keys, viewer)
    for key in hidden:
        labels[key] = HIDDEN_LABELS[key[0]]
    return labels, hidden


def run_view(run: PlanRun, viewer: Viewer) -> dict[str, Any]:
    """The run's result JSON with names, month labels and money in words, and the frontier
    chart's geometry. Names of records the viewer may not see are replaced by a sentence
    saying so (and warnings naming them are left out)."""
    labels, hidden = _scoped_labels(run, viewer)
    hidden_names = {
        name for key, name in run.inputs.get("labels", {}).items() if key in hidden and name
    }
    plans = []
    for plan in run.result.get("plans", []):
        scheduled = [
            {
                **s,
                "title": labels.get(s.get("project_id", ""), s.get("title", "")),
                "start_label": _month(s["start"]),
                "end_label": _month(s["end"]),
                "cost_label": _pounds(s["cost"]),
            }
            for s in plan["scheduled"]
        ]
        assignments = [
            {
                **a,
                "project": labels.get(a["project_id"], a["project_id"]),
                "start_label": _month(a["start"]),
                "end_label": _month(a["end"]),
            }
            for a in plan["assignments"]
        ]
        gap = float(plan.get("gap") or 0)
        plans.append(
            {
                **plan,
                "scheduled": scheduled,
                "assignments": assignments,
                "gap_percent": f"{gap * 100:.1f}",
                "cost_label": _pounds(plan.get("total_cost")),
            }
        )
    comparison = [
        {
            **row,
            "cost_label": _pounds(row["cost"]),
            "gap_percent": f"{float(row['gap']) * 100:.1f}",
            "added_titles": [labels.get(i, i) for i in row["added"]],
            "dropped_titles": [labels.get(i, i) for i in row["dropped"]],
            "titles": [labels.get(i, i) for i in row["project_ids"]],
        }
        for row in run.result.get("comparison", [])
    ]
    frontier = run.result.get("frontier") or []
    return {
        "plans": plans,
        "comparison": comparison,
        "frontier": [
            {
                **p,
                "budget_label": _pounds(p["budget"]),
                "cost_label": _pounds(p["cost"]),
                "titles": [labels.get(i, i) for i in p["project_ids"]],
            }
            for p in frontier
        ],
        "frontier_chart": frontier_chart(frontier) if frontier else None,
        "warnings": [
            w for w in run.inputs.get("warnings", []) if not any(name in w for name in hidden_names)
        ],
    }


def frontier_chart(
    points: list[dict[str, Any]], width: int = 560, height: int = 260
) -> dict[str, Any]:
    """Geometry of the cost-value scatter: x is cost, y is value; efficient points joined."""
    left, bottom, pad = 70, 40, 12
    costs = [Decimal(p["cost"]) for p in points]
    values = [Decimal(p["value"]) for p in points]
    max_cost = max(costs + [Decimal(1)])
    max_value = max(values + [Decimal(1)])
    plot_w, plot_h = width - left - pad, height - bottom - pad
    dots = []
    for p, c, v in zip(points, costs, values, strict=True):
        dots.append(
            {
                "x": round(left + float(c / max_cost) * plot_w, 1),
                "y": round(pad + plot_h - float(v / max_value) * plot_h, 1),
                "efficient": p["efficient"],
                "label": f"{_pounds(c)} for value {v.normalize():f}",
            }
        )
    line = " ".join(
        f"{d['x']},{d['y']}" for d in sorted(dots, key=lambda d: d["x"]) if d["efficient"]
    )
    return {
        "width": width,
        "height": height,
        "left": left,
        "base": pad + plot_h,
        "right": left + plot_w,
        "top": pad,
        "max_cost": _pounds(max_cost),
        "max_value": f"{max_value.normalize():f}",
        "dots": dots,
        "line": line,
    }
