"""Prioritisation: methods, their criteria and weights, scores, the ranking and comparisons."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from partnerplan.core.access import Viewer, can, require, viewer_for
from partnerplan.core.pages import bound, form_page
from partnerplan.partners.selectors import partner_choices
from partnerplan.portfolio import selectors
from partnerplan.portfolio.forms import prioritisation as f
from partnerplan.portfolio.models import Method
from partnerplan.portfolio.services import prioritisation as services
from partnerplan.portfolio.views._common import NAV

MANAGE = "portfolio.manage_methods"


def _method_url(method: Method, anchor: str = "") -> str:
    url = reverse("portfolio:method-detail", args=[method.pk])
    return f"{url}#{anchor}" if anchor else url


@require_GET
def method_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    methods = selectors.method_list(viewer=viewer)
    return render(
        request,
        "portfolio/method_list.html",
        {
            "methods": methods,
            "compare": f.CompareForm(methods=methods),
            "can_manage": can(viewer, MANAGE),
            **NAV,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def method_create(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        f.MethodForm(bound(request)),
        rule=MANAGE,
        act=lambda data: services.method_create(actor=request.user, **data),
        success=lambda method: f"{method} has been added. Now add its criteria.",
        done=_method_url,
        title="Add a prioritisation method",
        cancel=reverse("portfolio:method-list"),
        context=NAV,
    )


@require_http_methods(["GET", "POST"])
def method_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The method, its weights and the ranking; POST moves a project up or down (the up and
    down buttons of each row: the answer is a message above the ranking, not a form page)."""
    viewer = viewer_for(request.user)
    method = selectors.method_detail(viewer=viewer, pk=pk)
    rows = selectors.ranking(viewer=viewer, method=method)
    if request.method == "POST":
        if not request.user.is_authenticated:
            raise PermissionDenied("Sign in to adjust the ranking.")
        require(viewer, MANAGE, method)
        order = [row.project.pk for row in rows]
        target = next(
            (r.project for r in rows if str(r.project.pk) == request.POST.get("project")), None
        )
        try:
            if target is None:
                raise ValidationError("Choose a project in this ranking")
            services.ranking_move(
                actor=request.user,
                method=method,
                project=target,
                direction=request.POST.get("direction", ""),
                order=order,
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, f"{target} has been moved {request.POST['direction']}.")
        return redirect(_method_url(method, "ranking"))
    return render(
        request,
        "portfolio/method_detail.html",
        {
            "method": method,
            "rows": rows,
            "criteria": list(method.criteria.all()),
            "can_manage": can(viewer, MANAGE, method),
            "can_score": can(viewer, "portfolio.score", method),
            **NAV,
        },
    )


def _method_for(request: HttpRequest, pk: int, action: str) -> tuple[Viewer, Method]:
    viewer = viewer_for(request.user)
    method = selectors.method_detail(viewer=viewer, pk=pk)
    require(viewer, action, method)
    return viewer, method


@login_required
@require_http_methods(["GET", "POST"])
def criterion_add(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer, method = _method_for(request, pk, MANAGE)
    return form_page(
        request,
        f.CriterionForm(bound(request)),
        act=lambda data: services.criterion_add(actor=request.user, method=method, **data),
        success="The criterion has been added.",
        done=_method_url(method),
        title="Add a criterion",
        caption=str(method),
        cancel=_method_url(method),
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def method_weights(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer, method = _method_for(request, pk, MANAGE)

    def save(data: dict[str, Any]) -> Method:
        weights = {int(k.removeprefix("weight_")): v for k, v in data.items()}
        return services.method_set_weights(actor=request.user, method=method, weights=weights)

    return form_page(
        request,
        f.WeightsForm(bound(request), method=method),
        act=save,
        success="The weights have been saved.",
        done=_method_url(method),
        title="Set the weights directly",
        caption=str(method),
        intro="Weights are relative: they are scaled to add up to 100%.",
        cancel=_method_url(method),
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def method_pairwise(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer, method = _method_for(request, pk, MANAGE)
    form = f.PairwiseForm(bound(request), method=method)
    return form_page(
        request,
        form,
        act=lambda data: services.method_set_pairwise(
            actor=request.user, method=method, judgements=form.judgements()
        ),
        success="The weights have been derived from your comparisons.",
        done=_method_url(method),
        title="Compare the criteria in pairs",
        caption=str(method),
        intro="Compare each pair of criteria. The weights are derived from your answers "
        "(Saaty's method); answers that contradict each other too much (a consistency "
        f"ratio above {method.max_consistency_ratio:g}) are refused, with the comparison to "
        "look at again.",
        cancel=_method_url(method),
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def method_score(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, method = _method_for(request, pk, "portfolio.score")
    partners = partner_choices(viewer=viewer)
    if not viewer.is_admin:
        partners = partners.filter(pk__in=viewer.partner_ids)
    form = f.ScoreForm(
        bound(request),
        method=method,
        projects=selectors.project_choices(viewer=viewer),
        partners=partners,
        initial={"project": request.GET.get("project")},
    )
    return form_page(
        request,
        form,
        act=lambda data: services.score_record(
            actor=request.user,
            method=method,
            project=data["project"],
            partner=data["partner"],
            values=form.values(),
        ),
        success="Your scores have been saved.",
        done=_method_url(method, "ranking"),
        title="Score a project",
        caption=str(method),
        intro="Score on each criterion's scale. Scoring the same project again replaces your "
        "partner's earlier scores.",
        cancel=_method_url(method),
        context=NAV,
    )


@require_GET
def method_compare(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    methods = selectors.method_list(viewer=viewer)
    form = f.CompareForm(request.GET or None, methods=methods)
    comparison = None
    if form.is_valid():
        comparison = selectors.compare_methods(
            viewer=viewer, a=form.cleaned_data["a"], b=form.cleaned_data["b"]
        )
    return render(
        request,
        "portfolio/method_compare.html",
        {"form": form, "comparison": comparison, **NAV},
    )
