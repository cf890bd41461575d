"""What the governance pages share: the navigation flag, the page size, and finding the body
or meeting a page manages (refusing a viewer who may not manage it before anything else)."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse

from partnerplan.core.access import Viewer, require, viewer_for
from partnerplan.governance import selectors
from partnerplan.governance.models import Body, Meeting

PAGE_SIZE = 50
NAV = {"nav_governance": True}


def _managed_body(request: HttpRequest, pk: int) -> tuple[Viewer, Body]:
    viewer = viewer_for(request.user)
    body = selectors.body_detail(viewer=viewer, pk=pk)
    require(viewer, "governance.manage_bodies", body)
    return viewer, body


def _to_body(body: Body) -> str:
    return reverse("governance:body-detail", args=[body.pk])


def _managed_meeting(request: HttpRequest, pk: int) -> tuple[Viewer, Meeting]:
    viewer = viewer_for(request.user)
    meeting = selectors.meeting_detail(viewer=viewer, pk=pk).meeting
    require(viewer, "governance.manage_meetings", meeting)
    return viewer, meeting


def _to_meeting(m: Meeting) -> str:
    return reverse("governance:meeting-detail", args=[m.pk])
