"""Governance pages. Each view reads its form, calls one service and redirects; what a viewer
may see is decided by the selectors and core.access."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from partnerplan.core.access import can, require, viewer_for, visible
from partnerplan.core.forms import apply_validation_error
from partnerplan.governance import selectors, services
from partnerplan.governance.forms import (
    ActionForm,
    ActionUpdateForm,
    AgendaItemForm,
    AttendanceForm,
    BodyForm,
    CancelForm,
    DecisionWithVotesForm,
    DelegationForm,
    DelegationRevokeForm,
    DelegationStartForm,
    ForwardPlanForm,
    MatterForm,
    MeetingForm,
    MeetingSeriesForm,
    MembershipEndForm,
    MembershipForm,
    MinutesApproveForm,
    MinutesCorrectionForm,
    MinutesForm,
    OfficerDecisionForm,
    PowerForm,
    PublishForm,
    RecommendationForm,
    ReportingLineEndForm,
    ReportingLineForm,
    RescheduleForm,
    ResolveForm,
    TrackForm,
)
from partnerplan.governance.models import Meeting, MeetingStatus, Minutes
from partnerplan.governance.rules.clear_days import check_agenda_publication
from partnerplan.governance.rules.diagram import describe_governance, render_governance_svg
from partnerplan.governance.rules.ical import CalendarEvent, build_calendar
from partnerplan.partners.models import Person

PAGE_SIZE = 50
NAV = {"nav_governance": True}


def _people(viewer: Any) -> QuerySet[Person]:
    return visible(Person.objects.filter(archived_at__isnull=True), viewer).order_by(
        "last_name", "first_name"
    )


def _form_page(
    request: HttpRequest,
    form: Any,
    *,
    title: str,
    caption: str,
    back: str,
    act: Callable[[dict[str, Any]], Any],
    done: Callable[[Any], str],
    success: str,
    intro: str = "",
    submit: str = "Save",
    template: str = "governance/form.html",
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    """The shared shape of every governance form: validate, call the service, show its
    refusal on the form, or redirect with a success message."""
    if request.method == "POST" and form.is_valid():
        try:
            result = act(form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, success)
            return redirect(done(result))
    context = {
        "form": form,
        "title": title,
        "caption": caption,
        "back": back,
        "intro": intro,
        "submit": submit,
        **(extra or {}),
        **NAV,
    }
    return render(request, template, context, status=400 if form.errors else 200)


# --- Bodies and structure -------------------------------------------------------------------


@require_GET
def body_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    return render(
        request,
        "governance/body_list.html",
        {
            "bodies": selectors.body_list(viewer=viewer),
            "signed_in": viewer.is_authenticated,
            "can_manage_bodies": can(viewer, "governance.manage_bodies"),
            **NAV,
        },
    )


@require_GET
def body_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    body = selectors.body_detail(viewer=viewer, pk=pk)
    return render(
        request,
        "governance/body_detail.html",
        {
            "body": body,
            "can_manage": can(viewer, "governance.manage_meetings"),
            "can_manage_bodies": can(viewer, "governance.manage_bodies"),
            **NAV,
        },
    )


@require_GET
def structure(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    nodes, edges = selectors.structure(viewer=viewer)
    svg = (
        render_governance_svg(nodes, edges, title="Governance structure of the partnership")
        if nodes
        else ""
    )
    return render(
        request,
        "governance/structure.html",
        {"svg": svg, "sentences": describe_governance(nodes, edges) if nodes else [], **NAV},
    )


def _managed_body(request: HttpRequest, pk: int) -> tuple[Any, Any]:
    viewer = viewer_for(request.user)
    body = selectors.body_detail(viewer=viewer, pk=pk)
    require(viewer, "governance.manage_bodies", body)
    return viewer, body


def _to_body(body: Any) -> str:
    return reverse("governance:body-detail", args=[body.pk])


_BODY_FIELDS = [
    "name", "abbreviation", "kind", "parent", "description", "cadence", "default_venue",
    "quorum_minimum", "quorum_fraction", "agenda_notice_days", "notice_counts_weekends",
    "notice_counts_bank_holidays", "requires_reasons", "requires_interests", "visibility",
]  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def body_create(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "governance.manage_bodies")
    form = BodyForm(request.POST or None, parents=selectors.body_choices(viewer=viewer))
    return _form_page(
        request,
        form,
        title="Add a body",
        caption="Governance",
        back=reverse("governance:body-list"),
        intro="A committee, board, officer group, outside body, or an individual office holder "
        "such as the Partnership Director.",
        act=lambda d: services.body_create(actor=request.user, **d),
        done=_to_body,
        success="The body has been added. Add its members and powers.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def body_edit(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, body = _managed_body(request, pk)
    form = BodyForm(
        request.POST or None,
        parents=selectors.body_choices(viewer=viewer).exclude(pk=body.pk),
        initial={name: getattr(body, name) for name in _BODY_FIELDS},
    )
    return _form_page(
        request,
        form,
        title="Change the body's details",
        caption=str(body),
        back=_to_body(body),
        intro="Changes to the quorum and notice rules apply to meetings from now on; decisions "
        "already recorded keep the rules they were taken under.",
        act=lambda d: services.body_update(actor=request.user, body=body, **d),
        done=_to_body,
        success="The body's details have been changed.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def reporting_line_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, body = _managed_body(request, pk)
    form = ReportingLineForm(
        request.POST or None, bodies=selectors.body_choices(viewer=viewer).exclude(pk=body.pk)
    )
    return _form_page(
        request,
        form,
        title="Add a reporting line",
        caption=str(body),
        back=_to_body(body),
        intro=f"Who {body} reports to. Reporting lines are drawn on the governance structure.",
        act=lambda d: services.reporting_line_add(actor=request.user, source=body, **d),
        done=lambda _l: _to_body(body),
        success="The reporting line has been added.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def reporting_line_end(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    line = selectors.reporting_line_detail(viewer=viewer, pk=pk)
    require(viewer, "governance.manage_bodies", line)
    back = _to_body(line.source)
    return _form_page(
        request,
        ReportingLineEndForm(request.POST or None, initial={"ended_on": timezone.localdate()}),
        title="End the reporting line",
        caption=str(line),
        back=back,
        submit="End the reporting line",
        act=lambda d: services.reporting_line_end(actor=request.user, line=line, **d),
        done=lambda _l: back,
        success="The reporting line has ended.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def membership_end(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    membership = selectors.membership_detail(viewer=viewer, pk=pk)
    require(viewer, "governance.manage_bodies", membership)
    back = _to_body(membership.body)
    return _form_page(
        request,
        MembershipEndForm(request.POST or None, initial={"ended_on": timezone.localdate()}),
        title="End the membership",
        caption=str(membership),
        back=back,
        intro="The record is kept: past attendance and votes still show the role held.",
        submit="End the membership",
        act=lambda d: services.membership_end(
            actor=request.user, membership=membership, ended_on=d["ended_on"]
        ),
        done=lambda _m: back,
        success="The membership has ended.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def membership_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, body = _managed_body(request, pk)
    form = MembershipForm(request.POST or None, people=_people(viewer))
    return _form_page(
        request,
        form,
        title="Add a member",
        caption=str(body),
        back=_to_body(body),
        act=lambda d: services.membership_add(
            actor=request.user, body=body, represents=d["person"].partner, **d
        ),
        done=lambda _m: _to_body(body),
        success="The member has been added.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def power_create(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer, body = _managed_body(request, pk)
    return _form_page(
        request,
        PowerForm(request.POST or None),
        title="Add a power",
        caption=str(body),
        back=_to_body(body),
        intro="A line of the body's terms of reference.",
        act=lambda d: services.power_add(actor=request.user, body=body, **d),
        done=lambda _p: _to_body(body),
        success="The power has been added.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def delegation_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, body = _managed_body(request, pk)
    form = DelegationForm(
        request.POST or None, bodies=selectors.body_choices(viewer=viewer).exclude(pk=body.pk)
    )
    return _form_page(
        request,
        form,
        title="Propose a delegation",
        caption=str(body),
        back=_to_body(body),
        intro="A body can delegate only powers it holds, up to its own limit. The delegation is "
        "proposed until it is brought into force.",
        act=lambda d: services.delegation_create(actor=request.user, from_body=body, **d),
        done=lambda _d: _to_body(body),
        success="The delegation has been proposed.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def delegation_in_force(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    delegation = selectors.delegation_detail(viewer=viewer, pk=pk)
    require(viewer, "governance.manage_bodies", delegation)
    back = _to_body(delegation.from_body)
    return _form_page(
        request,
        DelegationStartForm(request.POST or None, initial={"starts_on": timezone.localdate()}),
        title="Bring the delegation into force",
        caption=str(delegation),
        back=back,
        intro=delegation.purpose,
        act=lambda d: services.delegation_bring_into_force(
            actor=request.user, delegation=delegation, starts_on=d["starts_on"]
        ),
        done=lambda _d: back,
        success="The delegation is in force.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def delegation_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    delegation = selectors.delegation_detail(viewer=viewer, pk=pk)
    require(viewer, "governance.manage_bodies", delegation)
    back = _to_body(delegation.from_body)
    return _form_page(
        request,
        DelegationRevokeForm(request.POST or None, initial={"ends_on": timezone.localdate()}),
        title="Revoke the delegation",
        caption=str(delegation),
        back=back,
        intro=delegation.purpose,
        submit="Revoke the delegation",
        act=lambda d: services.delegation_revoke(
            actor=request.user, delegation=delegation, ends_on=d["ends_on"]
        ),
        done=lambda _d: back,
        success="The delegation has been revoked.",
    )


# --- Meetings ------------------------------------------------------------------------------


@require_GET
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    page = selectors.meeting_detail(viewer=viewer, pk=pk)
    meeting = page.meeting
    notice = None
    if meeting.status in {MeetingStatus.SCHEDULED, MeetingStatus.RESCHEDULED}:
        notice = check_agenda_publication(
            timezone.localdate(),
            meeting.date,
            meeting.body.working_calendar,
            meeting.body.agenda_notice_days,
        )
    minutes = getattr(meeting, "minutes", None)
    return render(
        request,
        "governance/meeting_detail.html",
        {
            "page": page,
            "meeting": meeting,
            "minutes": minutes,
            "corrections": list(minutes.corrections.all()) if minutes else [],
            "notice": notice,
            "can_manage": can(viewer, "governance.manage_meetings"),
            "signed_in": viewer.is_authenticated,
            **NAV,
        },
    )


def _managed_meeting(request: HttpRequest, pk: int) -> tuple[Any, Meeting]:
    viewer = viewer_for(request.user)
    meeting = selectors.meeting_detail(viewer=viewer, pk=pk).meeting
    require(viewer, "governance.manage_meetings", meeting)
    return viewer, meeting


def _to_meeting(m: Any) -> str:
    return reverse("governance:meeting-detail", args=[m.pk])


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    body = selectors.body_detail(viewer=viewer, pk=pk)
    require(viewer, "governance.manage_meetings", body)
    form = MeetingForm(
        request.POST or None, initial={"venue": body.default_venue, "start_time": "10:00"}
    )
    return _form_page(
        request,
        form,
        title="Schedule a meeting",
        caption=str(body),
        back=reverse("governance:body-detail", args=[body.pk]),
        act=lambda d: services.meeting_schedule(
            actor=request.user,
            body=body,
            starts_at=d["starts_at"],
            ends_at=d["ends_at"],
            venue=d["venue"],
        ),
        done=_to_meeting,
        success="The meeting has been scheduled.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_series(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    body = selectors.body_detail(viewer=viewer, pk=pk)
    require(viewer, "governance.manage_meetings", body)
    form = MeetingSeriesForm(
        request.POST or None, initial={"venue": body.default_venue, "start_time": "10:00"}
    )
    back = _to_body(body)
    return _form_page(
        request,
        form,
        title="Schedule meetings from the cadence",
        caption=str(body),
        back=back,
        intro=f"{body} meets {body.get_cadence_display().lower()}. Monthly and quarterly "
        "meetings keep the day of the month (the last day, in shorter months).",
        act=lambda d: services.meeting_schedule_series(
            actor=request.user,
            body=body,
            first_starts_at=d["starts_at"],
            first_ends_at=d["ends_at"],
            count=d["count"],
            venue=d["venue"],
        ),
        done=lambda _ms: back,
        success="The meetings have been scheduled.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_publish(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer, meeting = _managed_meeting(request, pk)
    check = check_agenda_publication(
        timezone.localdate(),
        meeting.date,
        meeting.body.working_calendar,
        meeting.body.agenda_notice_days,
    )
    return _form_page(
        request,
        PublishForm(request.POST or None),
        title="Publish the agenda",
        caption=str(meeting),
        back=_to_meeting(meeting),
        intro=check.explanation,
        submit="Publish the agenda",
        act=lambda d: services.meeting_publish_agenda(
            actor=request.user, meeting=meeting, urgency_reason=d["urgency_reason"]
        ),
        done=_to_meeting,
        success="The agenda has been published and members have been told.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer, meeting = _managed_meeting(request, pk)
    return _form_page(
        request,
        CancelForm(request.POST or None),
        title="Cancel the meeting",
        caption=str(meeting),
        back=_to_meeting(meeting),
        submit="Cancel the meeting",
        act=lambda d: services.meeting_cancel(
            actor=request.user, meeting=meeting, reason=d["reason"]
        ),
        done=_to_meeting,
        success="The meeting has been cancelled. Its business moves to the next meeting.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_reschedule(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer, meeting = _managed_meeting(request, pk)
    return _form_page(
        request,
        RescheduleForm(request.POST or None),
        title="Move the meeting",
        caption=str(meeting),
        back=_to_meeting(meeting),
        act=lambda d: services.meeting_reschedule(
            actor=request.user,
            meeting=meeting,
            starts_at=d["starts_at"],
            ends_at=d["ends_at"],
            reason=d["reason"],
            venue=d["venue"] or None,
        ),
        done=_to_meeting,
        success="The meeting has been moved. Calendars will show the new date.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer, meeting = _managed_meeting(request, pk)
    people = (
        Person.objects.filter(body_memberships__body=meeting.body)
        .distinct()
        .order_by("last_name", "first_name")
    )
    present = [a.person_id for a in meeting.attendance.all() if a.status == "present"]
    form = AttendanceForm(request.POST or None, people=people, initial={"present": present})
    return _form_page(
        request,
        form,
        title="Record attendance",
        caption=str(meeting),
        back=_to_meeting(meeting),
        intro=f"Quorum: {meeting.body.quorum_rule_text}. Co-opted members and officer advisers are "
        "recorded but do not count towards the quorum or vote.",
        act=lambda d: services.meeting_record_attendance(
            actor=request.user, meeting=meeting, present=d["present"], apologies=d["apologies"]
        ),
        done=lambda _r: _to_meeting(meeting),
        success="Attendance has been recorded.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_held(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer, meeting = _managed_meeting(request, pk)
    return _form_page(
        request,
        forms_confirm(request),
        title="Record that the meeting was held",
        caption=str(meeting),
        back=_to_meeting(meeting),
        submit="The meeting was held",
        act=lambda _d: services.meeting_mark_held(actor=request.user, meeting=meeting),
        done=_to_meeting,
        success="The meeting is recorded as held. Record attendance and decisions.",
    )


def forms_confirm(request: HttpRequest) -> Any:
    from django import forms

    class ConfirmForm(forms.Form):
        pass

    return ConfirmForm(request.POST or None)


# --- Agenda items, recommendations, decisions ----------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def item_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, meeting = _managed_meeting(request, pk)
    form = AgendaItemForm(request.POST or None, people=_people(viewer))
    return _form_page(
        request,
        form,
        title="Add an agenda item",
        caption=str(meeting),
        back=_to_meeting(meeting),
        act=lambda d: services.agenda_item_add(
            actor=request.user,
            meeting=meeting,
            title=d["title"],
            kind=d["kind"],
            author=d["author"],
            purpose=d["purpose"],
            report=d["report"],
            visibility=d["visibility"],
            exempt_paragraph=d["exempt_paragraph"],
            late_reason=d["late_reason"],
        ),
        done=lambda i: reverse("governance:item-detail", args=[i.pk]),
        success="The item has been added.",
    )


@require_GET
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    item, can_open = selectors.item_detail(viewer=viewer, pk=pk)
    if can_open:
        services.exempt_access_log(user=request.user, item=item)
    return render(
        request,
        "governance/item_detail.html",
        {
            "item": item,
            "can_open": can_open,
            "can_manage": can(viewer, "governance.manage_meetings"),
            **NAV,
        },
        status=200 if can_open else 403,
    )


@login_required
@require_http_methods(["GET", "POST"])
def recommendation_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    item, _open = selectors.item_detail(viewer=viewer, pk=pk)
    require(viewer, "governance.manage_meetings", item)
    return _form_page(
        request,
        RecommendationForm(request.POST or None),
        title="Add a recommendation",
        caption=str(item),
        back=reverse("governance:item-detail", args=[item.pk]),
        act=lambda d: services.recommendation_add(
            actor=request.user,
            item=item,
            text=d["text"],
            reference=d["reference"],
            power=d["power"],
            amount=d["amount"],
            effect_kind=d["effect_kind"],
            effect_params=d["effect_params"],
        ),
        done=lambda _r: reverse("governance:item-detail", args=[item.pk]),
        success="The recommendation has been added.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def decision_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    rec = selectors.recommendation_for_decision(viewer=viewer, pk=pk)
    require(viewer, "governance.manage_meetings", rec)
    meeting = rec.item.meeting
    form = DecisionWithVotesForm(request.POST or None, attendance=selectors.voters_at(meeting))
    return _form_page(
        request,
        form,
        title=f"Record the decision on recommendation {rec.number}",
        caption=f"{meeting}, item {rec.item.number}",
        back=_to_meeting(meeting),
        intro=rec.text,
        template="governance/decision_form.html",
        act=lambda d: services.decision_record(actor=request.user, recommendation=rec, **d),
        done=lambda _d: _to_meeting(meeting),
        success="The decision has been recorded.",
    )


# --- Minutes -------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def minutes_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer, meeting = _managed_meeting(request, pk)
    existing = Minutes.objects.filter(meeting=meeting).first()
    form = MinutesForm(request.POST or None, initial={"text": existing.text if existing else ""})
    return _form_page(
        request,
        form,
        title="Draft minutes",
        caption=str(meeting),
        back=_to_meeting(meeting),
        act=lambda d: services.minutes_save_draft(
            actor=request.user, meeting=meeting, text=d["text"]
        ),
        done=lambda _m: _to_meeting(meeting),
        success="The draft minutes have been saved.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def minutes_approve(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer, meeting = _managed_meeting(request, pk)
    minutes = Minutes.objects.filter(meeting=meeting).first()
    if minutes is None:
        messages.error(request, "There are no minutes to approve yet.")
        return redirect(_to_meeting(meeting))
    later = Meeting.objects.filter(body=meeting.body, starts_at__gt=meeting.starts_at).order_by(
        "starts_at"
    )
    return _form_page(
        request,
        MinutesApproveForm(request.POST or None, meetings=later),
        title="Approve the minutes",
        caption=str(meeting),
        back=_to_meeting(meeting),
        submit="Approve as a correct record",
        act=lambda d: services.minutes_approve(
            actor=request.user, minutes=minutes, at_meeting=d["at_meeting"]
        ),
        done=lambda _m: _to_meeting(meeting),
        success="The minutes are approved and locked.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def minutes_correct(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer, meeting = _managed_meeting(request, pk)
    minutes = Minutes.objects.filter(meeting=meeting).first()
    if minutes is None:
        messages.error(request, "There are no minutes to correct yet.")
        return redirect(_to_meeting(meeting))
    return _form_page(
        request,
        MinutesCorrectionForm(request.POST or None, initial={"text": minutes.text}),
        title="Correct the approved minutes",
        caption=str(meeting),
        back=_to_meeting(meeting),
        act=lambda d: services.minutes_correct(actor=request.user, minutes=minutes, **d),
        done=lambda _c: _to_meeting(meeting),
        success="The correction has been recorded as a new version.",
    )


# --- Registers -----------------------------------------------------------------------------


@require_GET
def decision_register(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    page = Paginator(selectors.decision_register(viewer=viewer), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "governance/decision_register.html", {"page": page, **NAV})


@require_GET
def officer_decision_register(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    page = Paginator(selectors.officer_decision_register(viewer=viewer), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "governance/officer_decision_register.html", {"page": page, **NAV})


@login_required
@require_http_methods(["GET", "POST"])
def officer_decision_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    delegation = selectors.delegation_detail(viewer=viewer, pk=pk)
    require(viewer, "governance.record_officer_decision", delegation)
    form = OfficerDecisionForm(
        request.POST or None,
        bodies=delegation.to_bodies.all(),
        people=_people(viewer),
        initial={"decided_on": timezone.localdate()},
    )
    return _form_page(
        request,
        form,
        title="Record a delegated decision",
        caption=str(delegation),
        back=reverse("governance:officer-decision-register"),
        intro=delegation.purpose,
        act=lambda d: services.officer_decision_record(
            actor=request.user, delegation=delegation, **d
        ),
        done=lambda _d: reverse("governance:officer-decision-register"),
        success="The delegated decision has been recorded and published in the register.",
    )


@require_GET
def forward_plan(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    return render(
        request,
        "governance/forward_plan.html",
        {
            "entries": selectors.forward_plan(viewer=viewer),
            "can_manage": can(viewer, "governance.manage_meetings"),
            **NAV,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def forward_plan_create(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "governance.manage_meetings")
    form = ForwardPlanForm(request.POST or None, bodies=selectors.body_choices(viewer=viewer))
    return _form_page(
        request,
        form,
        title="Add a decision to the forward plan",
        caption="Forward plan",
        back=reverse("governance:forward-plan"),
        intro="Notice is given today. A key decision needs 28 clear days' notice, or a recorded "
        "exception.",
        act=lambda d: services.forward_plan_add(actor=request.user, **d),
        done=lambda _e: reverse("governance:forward-plan"),
        success="The forward plan has been updated.",
    )


# --- Twin track ----------------------------------------------------------------------------


@require_GET
def matter_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    return render(
        request,
        "governance/matter_list.html",
        {
            "matters": selectors.matter_list(viewer=viewer),
            "can_manage": can(viewer, "governance.manage_meetings"),
            **NAV,
        },
    )


@require_GET
def matter_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    matter, state = selectors.matter_detail(viewer=viewer, pk=pk)
    return render(
        request,
        "governance/matter_detail.html",
        {
            "matter": matter,
            "state": state,
            "can_manage": can(viewer, "governance.manage_meetings"),
            "can_resolve": state.conflict and can(viewer, "governance.resolve_conflict", matter),
            **NAV,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def matter_create(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "governance.manage_meetings")
    form = MatterForm(request.POST or None, bodies=selectors.body_choices(viewer=viewer))
    return _form_page(
        request,
        form,
        title="Start a twin-track matter",
        caption="Twin track",
        back=reverse("governance:matter-list"),
        act=lambda d: services.matter_create(actor=request.user, **d),
        done=lambda m: reverse("governance:matter-detail", args=[m.pk]),
        success="The matter has been recorded. Link recommendations to it as they are written.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def matter_track(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    matter, _state = selectors.matter_detail(viewer=viewer, pk=pk)
    require(viewer, "governance.manage_meetings", matter)
    bodies = selectors.body_choices(viewer=viewer).filter(
        tracks__matter=matter, tracks__outcome="pending"
    )
    back = reverse("governance:matter-detail", args=[matter.pk])
    return _form_page(
        request,
        TrackForm(request.POST or None, bodies=bodies),
        title="Record a decision taken elsewhere",
        caption=str(matter),
        back=back,
        intro="For bodies that decide outside partnerplan, such as the Leaders and Chief "
        "Executives Group.",
        act=lambda d: services.matter_record_track(actor=request.user, matter=matter, **d),
        done=lambda _t: back,
        success="The decision on this track has been recorded.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def matter_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    matter, _state = selectors.matter_detail(viewer=viewer, pk=pk)
    require(viewer, "governance.resolve_conflict", matter)
    back = reverse("governance:matter-detail", args=[matter.pk])
    return _form_page(
        request,
        ResolveForm(request.POST or None),
        title="Resolve the conflict",
        caption=str(matter),
        back=back,
        act=lambda d: services.matter_resolve(actor=request.user, matter=matter, **d),
        done=lambda _m: back,
        success="The resolution has been recorded.",
    )


# --- Actions -------------------------------------------------------------------------------


@login_required
@require_GET
def my_actions(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    require(viewer, "governance.view_actions")
    return render(
        request,
        "governance/my_actions.html",
        {"actions": selectors.my_actions(viewer=viewer), "today": timezone.localdate(), **NAV},
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer, meeting = _managed_meeting(request, pk)
    require(viewer, "governance.add_action", meeting)
    form = ActionForm(request.POST or None, people=_people(viewer))
    return _form_page(
        request,
        form,
        title="Record an action",
        caption=str(meeting),
        back=_to_meeting(meeting),
        act=lambda d: services.action_create(
            actor=request.user, body=meeting.body, meeting=meeting, **d
        ),
        done=lambda _a: _to_meeting(meeting),
        success="The action has been recorded and its owner told.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_update(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    action = selectors.action_for_update(viewer=viewer, pk=pk)
    require(viewer, "governance.update_action", action)
    form = ActionUpdateForm(
        request.POST or None, initial={"status": action.status, "progress": action.progress}
    )
    return _form_page(
        request,
        form,
        title="Update the action",
        caption=action.title,
        back=reverse("governance:my-actions"),
        act=lambda d: services.action_update(actor=request.user, action=action, **d),
        done=lambda _a: reverse("governance:my-actions"),
        success="The action has been updated.",
    )


# --- Calendars -----------------------------------------------------------------------------


def _calendar(request: HttpRequest, name: str, meetings: list[Meeting]) -> HttpResponse:
    events = []
    for m in meetings:
        status = "CANCELLED" if m.status == MeetingStatus.CANCELLED else "CONFIRMED"
        events.append(
            CalendarEvent(
                uid=m.uid,
                sequence=m.sequence,
                summary=f"{m.body}" + (" (cancelled)" if status == "CANCELLED" else ""),
                description=m.cancelled_reason or m.rescheduled_reason,
                location=m.venue,
                start=m.starts_at,
                end=m.ends_at or m.starts_at + dt.timedelta(hours=2),
                status=status,  # type: ignore[arg-type]
                url=request.build_absolute_uri(_to_meeting(m)),
                last_modified=m.updated_at,
            )
        )
    data = build_calendar(name, events)
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="meetings.ics"'
    return response


@require_GET
def body_calendar(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    body = selectors.body_detail(viewer=viewer, pk=pk)
    return _calendar(
        request, f"{body} meetings", selectors.calendar_meetings(viewer=viewer, body=body)
    )


@require_GET
def person_calendar(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request.user)
    person = selectors.person_for_calendar(viewer=viewer, pk=pk)
    return _calendar(
        request,
        f"Meetings for {person}",
        selectors.calendar_meetings(viewer=viewer, person_id=person.pk),
    )


@login_required
@require_http_methods(["GET", "POST"])
def my_calendar(request: HttpRequest) -> HttpResponse:
    """The signed-in person's private calendar address: see it, or make a new one."""
    viewer = viewer_for(request.user)
    require(viewer, "governance.calendar_feed")
    error = ""
    if request.method == "POST":
        try:
            services.calendar_feed_renew(
                actor=request.user,
                person=Person.objects.filter(pk=viewer.person_id or 0).first(),
            )
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(
                request, "Your calendar has a new address. The old address no longer works."
            )
            return redirect("governance:my-calendar")
    feed = selectors.calendar_feed_of(viewer=viewer)
    address = (
        request.build_absolute_uri(reverse("governance:private-calendar", args=[feed.pk]))
        if feed
        else ""
    )
    return render(
        request,
        "governance/my_calendar.html",
        {"feed": feed, "address": address, "error": error, **NAV},
        status=400 if error else 200,
    )


@require_GET
def private_calendar(request: HttpRequest, pk: str) -> HttpResponse:
    """A person's calendar for calendar apps, found by its secret address (no session)."""
    feed, meetings = selectors.private_calendar(token=pk)
    response = _calendar(request, f"Meetings for {feed.person}", meetings)
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


__all__ = ["PermissionDenied"]
