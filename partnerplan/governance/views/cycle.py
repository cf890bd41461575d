"""Governance pages of the statutory cycle: forward plan entries (changes with history, their key
decisions and exceptions), the special-urgency list, key-decision flags, decision records and
call-in, private meeting notices and substitutes. Each write is one service call through
core.pages.form_page; the rule that bites is shown on the page."""

from __future__ import annotations

import contextlib
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from partnerplan.core import clock
from partnerplan.core.access import can, require, viewer_for
from partnerplan.core.forms import ConfirmForm
from partnerplan.core.history import history_for
from partnerplan.core.pages import bound, form_page
from partnerplan.governance import selectors, services
from partnerplan.governance.forms.cycle import (
    CallInForm,
    CallInOutcomeForm,
    DecisionRecordForm,
    ExceptionForm,
    FinalNoticeForm,
    ForwardPlanChangeForm,
    KeyDecisionForm,
    PrivateNoticeForm,
    ReconsiderForm,
    SubstituteForm,
    UrgencyForm,
)
from partnerplan.governance.models import EffectState, KeyDecision, MemberRole, Recommendation
from partnerplan.governance.selectors import cycle
from partnerplan.governance.services.call_in import (
    decision_implement_if_due,
    implementation_sentence,
)
from partnerplan.governance.services.key_decisions import key_decision_status
from partnerplan.governance.services.private_meetings import private_item_refusal
from partnerplan.governance.views._common import NAV, _managed_meeting, _to_meeting

MANAGE = "governance.manage_meetings"


def _to_entry(entry: object) -> str:
    return reverse("governance:forward-plan-entry", args=[entry.pk])  # type: ignore[attr-defined]


def _to_decision(decision: object) -> str:
    return reverse("governance:decision-detail", args=[decision.pk])  # type: ignore[attr-defined]


# --- Forward plan entries and key decisions ----------------------------------------------


@require_GET
def forward_plan_entry(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    entry = cycle.forward_plan_entry(viewer=viewer, pk=pk)
    status = (
        key_decision_status(entry=entry, on=entry.decision_due, body=entry.body)
        if entry.is_key
        else None
    )
    return render(
        request,
        "governance/forward_plan_entry.html",
        {
            "entry": entry,
            "status": status,
            "history": history_for(entry) if can(viewer, "core.view_history") else None,
            "can_manage": can(viewer, MANAGE),
            **NAV,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def forward_plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    entry = cycle.forward_plan_entry(viewer=viewer, pk=pk)
    require(viewer, MANAGE, entry)
    fields = ["title", "description", "decision_due", "meeting", "is_key", "in_private",
              "exempt_paragraph", "documents", "status"]  # fmt: skip
    form = ForwardPlanChangeForm(
        bound(request),
        meetings=entry.body.meetings.order_by("starts_at"),
        initial={name: getattr(entry, name) for name in fields},
    )
    return form_page_cycle(
        request,
        form,
        title="Change the forward plan entry",
        caption=str(entry),
        cancel=_to_entry(entry),
        intro=f"Notice was given on {entry.notice_given_on:%d %B %Y}; that date stays. A "
        "decision moved earlier may need an exception to the 28 days' notice.",
        act=lambda d: services.forward_plan_update(actor=request.user, entry=entry, **d),
        done=_to_entry,
        success="The forward plan entry has been changed.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def key_decision_exception_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    entry = cycle.forward_plan_entry(viewer=viewer, pk=pk)
    require(viewer, MANAGE, entry)
    status = key_decision_status(entry=entry, on=entry.decision_due, body=entry.body)
    form = ExceptionForm(
        bound(request),
        people=selectors.people_choices(viewer=viewer),
        initial={"notice_published_on": clock.today()},
    )
    return form_page_cycle(
        request,
        form,
        title="Record an exception to the 28 days' notice",
        caption=str(entry),
        cancel=_to_entry(entry),
        intro=status.sentence,
        act=lambda d: services.key_decision_exception_record(actor=request.user, entry=entry, **d),
        done=lambda _e: _to_entry(entry),
        success="The exception has been recorded.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def recommendation_key_decision(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    rec = selectors.recommendation_for_decision(viewer=viewer, pk=pk)
    require(viewer, MANAGE, rec)
    meeting = rec.item.meeting
    existing = getattr(rec, "key_decision", None)
    form = KeyDecisionForm(
        bound(request),
        entries=cycle.entry_choices(viewer=viewer, body=meeting.body),
        initial={
            "entry": existing.entry_id if existing else None,
            "why_key": existing.why_key if existing else "",
        },  # fmt: skip
    )
    status = key_decision_status(
        entry=existing.entry if existing else None, on=meeting.date, body=meeting.body
    )
    return form_page_cycle(
        request,
        form,
        title=f"Key decision: recommendation {rec.number}",
        caption=f"{meeting}, item {rec.item.number}",
        cancel=_to_meeting(meeting),
        intro=rec.text + ("\n\n" + status.sentence if existing else ""),
        act=lambda d: services.key_decision_flag(actor=request.user, recommendation=rec, **d),
        done=lambda _k: _to_meeting(meeting),
        success="The key decision has been recorded.",
    )


def decision_page_notes(rec: Recommendation) -> str:
    """What the decision form says about the statutory notices the decision needs: the key
    decision's notice (or what is missing, by when, who can give it) and, for an exempt item of
    an executive body, the private meeting notices."""
    meeting = rec.item.meeting
    notes = []
    key = KeyDecision.objects.filter(recommendation=rec).select_related("entry").first()
    if key is not None:
        status = key_decision_status(entry=key.entry, on=meeting.date, body=meeting.body)
        notes.append("Key decision. " + status.sentence)
    private = private_item_refusal(rec.item)
    if private:
        notes.append(private)
    return "".join("\n\n" + n for n in notes)


# --- Decision records and call-in ---------------------------------------------------------


@require_GET
def decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    decision = cycle.decision_detail(viewer=viewer, pk=pk)
    if (
        decision.effect_state == EffectState.WAITING
        and decision.implement_from is not None
        and decision.implement_from <= clock.today()
    ):
        # Its call-in period has ended: implemented on this read, if the worker has not yet.
        # If its effect is refused now, it stays waiting, and the page says why.
        with contextlib.suppress(ValidationError):
            decision_implement_if_due(decision=decision)
        decision = cycle.decision_detail(viewer=viewer, pk=pk)
    key = getattr(decision.recommendation, "key_decision", None)
    return render(
        request,
        "governance/decision_detail.html",
        {
            "d": decision,
            "key": key,
            "implementation": implementation_sentence(decision),
            "call_in": getattr(decision, "call_in", None),
            "can_manage": can(viewer, MANAGE),
            "today": clock.today(),
            **NAV,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def decision_publish(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    decision = cycle.decision_detail(viewer=viewer, pk=pk)
    require(viewer, MANAGE, decision)
    form = DecisionRecordForm(
        bound(request),
        initial={
            "reasons": decision.reasons,
            "options_considered": decision.options_considered,
            "declared_interests": decision.declared_interests,
            "published_on": clock.today(),
        },  # fmt: skip
    )
    return form_page_cycle(
        request,
        form,
        title="Publish the decision record",
        caption=str(decision),
        cancel=_to_decision(decision),
        intro="The record is published only with the reasons, the alternative options "
        "considered and rejected, and the interests declared (or 'None')."
        + (
            " The call-in period starts when it is published."
            if decision.effect_state == "waiting"
            else ""
        ),
        act=lambda d: services.decision_record_publish(actor=request.user, decision=decision, **d),
        done=_to_decision,
        success="The decision record has been published.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def decision_implement(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    decision = cycle.decision_detail(viewer=viewer, pk=pk)
    require(viewer, MANAGE, decision)
    return form_page_cycle(
        request,
        ConfirmForm(bound(request)),
        title="Implement the decision",
        caption=str(decision),
        cancel=_to_decision(decision),
        intro=implementation_sentence(decision) or "The decision is not waiting.",
        submit="Implement it now",
        act=lambda _d: services.decision_implement(actor=request.user, decision=decision),
        done=_to_decision,
        success="The decision has been implemented.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def call_in_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    decision = cycle.decision_detail(viewer=viewer, pk=pk)
    require(viewer, MANAGE, decision)
    scrutiny = decision.body.scrutinised_by
    members = (
        selectors.members_of(viewer=viewer, body=scrutiny)
        if scrutiny is not None
        else selectors.people_choices(viewer=viewer).none()
    )
    needed = scrutiny.call_in_members_required if scrutiny is not None else 0
    form = CallInForm(
        bound(request),
        members=members,
        initial={"requested_on": clock.today()},
    )
    return form_page_cycle(
        request,
        form,
        title="Record a call-in",
        caption=str(decision),
        cancel=_to_decision(decision),
        intro=(
            implementation_sentence(decision)
            or "This decision is not waiting to be implemented, so it cannot be called in."
        )
        + (f" A call-in needs {needed} members of {scrutiny}." if scrutiny else ""),
        act=lambda d: services.call_in_request(actor=request.user, decision=decision, **d),
        done=lambda _c: _to_decision(decision),
        success="The call-in has been recorded: the decision is frozen.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def call_in_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    call_in = cycle.call_in_detail(viewer=viewer, pk=pk)
    require(viewer, MANAGE, call_in)
    form = CallInOutcomeForm(bound(request), initial={"on": clock.today()})
    return form_page_cycle(
        request,
        form,
        title="Record the outcome of the call-in",
        caption=str(call_in.decision),
        cancel=_to_decision(call_in.decision),
        act=lambda d: services.call_in_outcome_record(actor=request.user, call_in=call_in, **d),
        done=lambda _c: _to_decision(call_in.decision),
        success="The outcome of the call-in has been recorded.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def call_in_reconsider(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    call_in = cycle.call_in_detail(viewer=viewer, pk=pk)
    require(viewer, MANAGE, call_in)
    form = ReconsiderForm(bound(request), initial={"on": clock.today()})
    return form_page_cycle(
        request,
        form,
        title="Record the reconsideration",
        caption=str(call_in.decision),
        cancel=_to_decision(call_in.decision),
        act=lambda d: services.call_in_reconsider(actor=request.user, call_in=call_in, **d),
        done=lambda _c: _to_decision(call_in.decision),
        success="The reconsideration has been recorded.",
    )


# --- Private meetings and substitutes -----------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def private_notice_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, meeting = _managed_meeting(request, pk)
    items = cycle.exempt_items_of(meeting)
    refusals = [r for r in (private_item_refusal(i) for i in items) if r]
    form = PrivateNoticeForm(
        bound(request),
        items=items,
        initial={"intention_published_on": clock.today()},
    )
    return form_page_cycle(
        request,
        form,
        title="Notice of a private meeting",
        caption=str(meeting),
        cancel=_to_meeting(meeting),
        intro="\n\n".join(refusals) or "Every exempt item can be taken in private.",
        act=lambda d: services.private_notice_record(actor=request.user, meeting=meeting, **d),
        done=lambda _n: _to_meeting(meeting),
        success="The notice of intention has been recorded.",
        context={"notices": cycle.private_notices_of(meeting)},
        template="governance/private_notice_form.html",
    )


@login_required
@require_http_methods(["GET", "POST"])
def private_notice_final(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    notice = cycle.private_notice_detail(viewer=viewer, pk=pk)
    require(viewer, MANAGE, notice)
    form = FinalNoticeForm(
        bound(request),
        initial={"final_notice_published_on": clock.today()},
    )
    return form_page_cycle(
        request,
        form,
        title="Second notice: representations and response",
        caption=str(notice.meeting),
        cancel=_to_meeting(notice.meeting),
        act=lambda d: services.private_notice_final(actor=request.user, notice=notice, **d),
        done=lambda _n: _to_meeting(notice.meeting),
        success="The second notice has been recorded.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def private_notice_urgency(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    notice = cycle.private_notice_detail(viewer=viewer, pk=pk)
    require(viewer, MANAGE, notice)
    form = UrgencyForm(
        bound(request),
        people=selectors.people_choices(viewer=viewer),
        initial={"agreed_on": clock.today()},
    )
    return form_page_cycle(
        request,
        form,
        title="Urgency: agreement to meet in private",
        caption=str(notice.meeting),
        cancel=_to_meeting(notice.meeting),
        act=lambda d: services.private_notice_urgency(actor=request.user, notice=notice, **d),
        done=lambda _n: _to_meeting(notice.meeting),
        success="The agreement has been recorded.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def substitute_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, meeting = _managed_meeting(request, pk)
    members = [
        m for m in meeting.body.memberships.select_related("person") if m.is_current(meeting.date)
    ]
    people = selectors.people_choices(viewer=viewer)
    form = SubstituteForm(
        bound(request),
        members=people.filter(pk__in=[m.person_id for m in members if m.is_voting]),
        substitutes=people.filter(
            pk__in=[m.person_id for m in members if m.role == MemberRole.SUBSTITUTE]
        ),
    )
    return form_page_cycle(
        request,
        form,
        title="Record a substitute",
        caption=str(meeting),
        cancel=_to_meeting(meeting),
        intro="A substitute member attends in place of an appointed member of the same partner, "
        "and counts in attendance and the quorum as that member.",
        act=lambda d: services.substitute_record(actor=request.user, meeting=meeting, **d),
        done=lambda _s: _to_meeting(meeting),
        success="The substitute has been recorded.",
    )


def form_page_cycle(
    request: HttpRequest,
    form: forms.BaseForm,
    *,
    context: dict[str, Any] | None = None,
    **kwargs: Any,
) -> HttpResponse:
    """core.pages.form_page with the governance navigation."""
    return form_page(request, form, context={**NAV, **(context or {})}, **kwargs)
