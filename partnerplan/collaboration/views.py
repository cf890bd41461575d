"""Pages of the forums. Each view: the selector, the form, one service call, a redirect."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from partnerplan.collaboration import selectors, services
from partnerplan.collaboration.forms import ReplyForm, SpaceForm, ThreadForm
from partnerplan.collaboration.models import Post, Thread
from partnerplan.core.access import can, require, viewer_for, visible
from partnerplan.core.forms import ConfirmForm
from partnerplan.core.pages import bound, form_page
from partnerplan.partners.selectors import partner_choices
from partnerplan.portfolio.models import Programme, Workstream

NAV = {"nav_collaboration": True}
PAGE_SIZE = 50


def _viewer(request: HttpRequest):  # type: ignore[no-untyped-def]
    viewer = viewer_for(request.user)
    require(viewer, "collaboration.view")
    return viewer


@login_required
@require_GET
def space_list(request: HttpRequest) -> HttpResponse:
    viewer = _viewer(request)
    return render(
        request,
        "collaboration/space_list.html",
        {
            "spaces": selectors.space_list(viewer=viewer),
            "unanswered": selectors.unanswered_questions(viewer=viewer).count(),
            "can_add": can(viewer, "collaboration.add_space"),
            **NAV,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def space_create(request: HttpRequest) -> HttpResponse:
    viewer = _viewer(request)
    require(viewer, "collaboration.add_space")
    programmes = visible(Programme.objects.filter(archived_at__isnull=True), viewer)
    choices = {
        "programme": selectors.space_choices_for(viewer=viewer, kind="programme"),
        "workstream": Workstream.objects.filter(
            archived_at__isnull=True, programme__in=programmes
        ).select_related("programme"),
        "project": selectors.space_choices_for(viewer=viewer, kind="project"),
        "body": selectors.space_choices_for(viewer=viewer, kind="body"),
        "partners": partner_choices(viewer=viewer),
    }
    return form_page(
        request,
        SpaceForm(bound(request), choices=choices),
        act=lambda data: services.space_create(actor=request.user, **data),
        success=lambda space: f"The space {space.title} has been opened.",
        done=lambda space: reverse("collaboration:space-detail", args=[space.pk]),
        title="Open a forum space",
        cancel=reverse("collaboration:space-list"),
        caption="Forums",
        submit="Open the space",
        context=NAV,
    )


@login_required
@require_GET
def space_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = _viewer(request)
    space = selectors.space_detail(viewer=viewer, pk=pk)
    threads = Paginator(selectors.space_threads(viewer=viewer, space=space), PAGE_SIZE)
    return render(
        request,
        "collaboration/space_detail.html",
        {"space": space, "page": threads.get_page(request.GET.get("page")), **NAV},
    )


@login_required
@require_http_methods(["GET", "POST"])
def thread_create(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = _viewer(request)
    space = selectors.space_detail(viewer=viewer, pk=pk)
    url = reverse("collaboration:space-detail", args=[space.pk])
    return form_page(
        request,
        ThreadForm(bound(request)),
        act=lambda data: services.thread_start(actor=request.user, space=space, **data),
        success="Your thread has been started.",
        done=lambda thread: reverse("collaboration:thread-detail", args=[thread.pk]),
        title="Start a thread",
        caption=space.title,
        cancel=url,
        submit="Post",
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def space_follow(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = _viewer(request)
    space = selectors.space_detail(viewer=viewer, pk=pk)
    url = reverse("collaboration:space-detail", args=[space.pk])
    verb = "Stop following" if space.followed else "Follow"  # type: ignore[attr-defined]
    return form_page(
        request,
        ConfirmForm(bound(request)),
        act=lambda data: services.subscription_toggle(actor=request.user, space=space),
        success=lambda on: "You now follow this space." if on else "You no longer follow it.",
        done=url,
        title=f"{verb} {space.title}",
        intro="Followers are told of every new thread and reply, in the app and by email.",
        caption=space.title,
        cancel=url,
        submit=verb,
        context=NAV,
    )


def _thread_page(request: HttpRequest, thread: Thread, form: ReplyForm) -> HttpResponse:
    viewer = viewer_for(request.user)
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "collaboration/thread_detail.html",
        {
            "thread": thread,
            "space": thread.space,
            "posts": thread.all_posts,  # type: ignore[attr-defined]
            "form": form,
            "can_mark": thread.is_question and can(viewer, "collaboration.mark_answer", thread),
            **NAV,
        },
        status=status,
    )


@login_required
@require_GET
def thread_detail(request: HttpRequest, pk: int) -> HttpResponse:
    thread = selectors.thread_detail(viewer=_viewer(request), pk=pk)
    return _thread_page(request, thread, ReplyForm())


@login_required
@require_http_methods(["GET", "POST"])
def thread_reply(request: HttpRequest, pk: int) -> HttpResponse:
    thread = selectors.thread_detail(viewer=_viewer(request), pk=pk)
    return _reply(request, thread, None)


@login_required
@require_http_methods(["GET", "POST"])
def post_quote(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = _viewer(request)
    quoted = selectors.post_detail(viewer=viewer, pk=pk)
    thread = selectors.thread_detail(viewer=viewer, pk=quoted.thread_id)
    return _reply(request, thread, quoted)


def _reply(request: HttpRequest, thread: Thread, quoted: Post | None) -> HttpResponse:
    url = reverse("collaboration:thread-detail", args=[thread.pk])
    return form_page(
        request,
        ReplyForm(bound(request)),
        act=lambda data: services.post_reply(
            actor=request.user, thread=thread, quoting=quoted, **data
        ),
        success="Your reply has been posted.",
        done=lambda post: f"{url}#post-{post.pk}",
        title=f"Reply to {thread.title}",
        caption=thread.space.title,
        cancel=url,
        submit="Post reply",
        template="collaboration/reply_form.html",
        context={"quoted": quoted, **NAV},
    )


@login_required
@require_http_methods(["GET", "POST"])
def thread_follow(request: HttpRequest, pk: int) -> HttpResponse:
    thread = selectors.thread_detail(viewer=_viewer(request), pk=pk)
    url = reverse("collaboration:thread-detail", args=[thread.pk])
    verb = "Stop following" if thread.followed else "Follow"  # type: ignore[attr-defined]
    return form_page(
        request,
        ConfirmForm(bound(request)),
        act=lambda data: services.subscription_toggle(actor=request.user, thread=thread),
        success=lambda on: "You now follow this thread." if on else "You no longer follow it.",
        done=url,
        title=f"{verb} {thread.title}",
        intro="Followers are told of every reply, in the app and by email.",
        caption=thread.space.title,
        cancel=url,
        submit=verb,
        context=NAV,
    )


@login_required
@require_http_methods(["GET", "POST"])
def post_answer(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = _viewer(request)
    post = selectors.post_detail(viewer=viewer, pk=pk)
    thread = post.thread
    url = reverse("collaboration:thread-detail", args=[thread.pk])
    return form_page(
        request,
        ConfirmForm(bound(request)),
        rule=("collaboration.mark_answer", thread),
        act=lambda data: services.thread_answer_mark(actor=request.user, thread=thread, post=post),
        success="The reply is marked as the answer.",
        done=f"{url}#post-{post.pk}",
        title="Mark this reply as the answer",
        intro=f"{selectors.display_name(post.author)}'s reply will be shown as the answer to "
        f"'{thread.title}', and the question leaves the list of unanswered questions.",
        caption=thread.title,
        cancel=url,
        submit="Mark as the answer",
        template="collaboration/answer_form.html",
        context={"post": post, **NAV},
    )


@login_required
@require_GET
def question_list(request: HttpRequest) -> HttpResponse:
    viewer = _viewer(request)
    page = Paginator(selectors.unanswered_questions(viewer=viewer), PAGE_SIZE)
    return render(
        request,
        "collaboration/question_list.html",
        {"page": page.get_page(request.GET.get("page")), **NAV},
    )


@login_required
@require_http_methods(["GET", "POST"])
def notification_list(request: HttpRequest) -> HttpResponse:
    viewer = _viewer(request)
    if request.method == "POST":
        return form_page(
            request,
            ConfirmForm(bound(request)),
            act=lambda data: services.notifications_read(actor=request.user),
            success="Your notifications are marked as read.",
            done=reverse("collaboration:notification-list"),
            title="Mark all as read",
            context=NAV,
        )
    page = Paginator(selectors.notifications_for(viewer=viewer), PAGE_SIZE)
    return render(
        request,
        "collaboration/notification_list.html",
        {
            "page": page.get_page(request.GET.get("page")),
            "unread": selectors.unread_count(viewer=viewer),
            **NAV,
        },
    )
