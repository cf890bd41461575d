"""Reads of the forums, scoped to what the viewer may see.

A space is seen by whoever may see what it belongs to (`space_visible_q`), decided through
core.access.visible for the programme, project or body; forums are for people signed in, so
the public sees none. Threads and posts are seen through their space.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404

from partnerplan.collaboration.models import (
    Notification,
    Post,
    Space,
    SpaceKind,
    Subscription,
    Thread,
)
from partnerplan.core.access import Viewer, viewer_for, visible
from partnerplan.governance.models import Body
from partnerplan.portfolio.models import Programme, Project

# Why a space is hidden from someone, by kind: the reason a mention of them is refused.
WHO_SEES = {
    SpaceKind.PARTNERSHIP: "everyone signed in",
    SpaceKind.PROGRAMME: "those who may see the programme",
    SpaceKind.WORKSTREAM: "those who may see the workstream's programme",
    SpaceKind.PROJECT: "those who may see the project",
    SpaceKind.BODY: "those who may see the body",
    SpaceKind.PARTNERS: "people of the partners in the group",
}


def space_visible_q(viewer: Viewer, prefix: str = "") -> Q:
    """The condition a space (reached through `prefix`) must meet for `viewer` to see it."""
    if viewer.is_admin:
        return Q()
    if not viewer.is_authenticated:
        return Q(pk__in=[])

    def q(**lookups: Any) -> Q:
        return Q(**{f"{prefix}{key}": value for key, value in lookups.items()})

    programmes = visible(Programme.objects.all(), viewer).values("pk")
    projects = visible(Project.objects.all(), viewer).values("pk")
    bodies = visible(Body.objects.all(), viewer).values("pk")
    groups = Space.partners.through.objects.filter(partner_id__in=viewer.partner_ids).values(
        "space_id"
    )
    return (
        q(kind=SpaceKind.PARTNERSHIP)
        | q(kind=SpaceKind.PROGRAMME, programme__in=programmes)
        | q(kind=SpaceKind.WORKSTREAM, workstream__programme__in=programmes)
        | q(kind=SpaceKind.PROJECT, project__in=projects)
        | q(kind=SpaceKind.BODY, members_only=False, body__in=bodies)
        | q(kind=SpaceKind.BODY, members_only=True, body__in=viewer.body_ids)
        | q(kind=SpaceKind.PARTNERS, pk__in=groups)
    )


def visible_spaces(viewer: Viewer) -> QuerySet[Space]:
    return Space.objects.filter(space_visible_q(viewer))


def visible_threads(viewer: Viewer) -> QuerySet[Thread]:
    return Thread.objects.filter(space_visible_q(viewer, "space__"))


def visible_posts(viewer: Viewer) -> QuerySet[Post]:
    return Post.objects.filter(space_visible_q(viewer, "thread__space__"))


def user_sees_space(user: Any, space: Space) -> bool:
    """Whether the account `user` may see `space` (for mentions and notifications)."""
    return visible_spaces(viewer_for(user)).filter(pk=space.pk).exists()


def hidden_reason(space: Space) -> str:
    if space.kind == SpaceKind.BODY and space.members_only:
        return "only the body's members see this space"
    return f"this space is seen only by {WHO_SEES[SpaceKind(space.kind)]}"


def space_list(*, viewer: Viewer) -> QuerySet[Space]:
    return (
        visible_spaces(viewer)
        .select_related("programme", "workstream", "project", "body")
        .annotate(thread_count=Count("threads", distinct=True))
        .order_by("kind", "title")
    )


def _follows(viewer: Viewer, **target: Any) -> Exists:
    return Exists(Subscription.objects.filter(user_id=viewer.user_id or 0, **target))


def space_detail(*, viewer: Viewer, pk: int) -> Space:
    try:
        return (
            visible_spaces(viewer)
            .select_related("programme", "workstream", "project", "body")
            .prefetch_related("partners")
            .annotate(followed=_follows(viewer, space=OuterRef("pk")))
            .get(pk=pk)
        )
    except Space.DoesNotExist:
        raise Http404("No forum space you can see has that number") from None


def space_threads(*, viewer: Viewer, space: Space) -> QuerySet[Thread]:
    return (
        visible_threads(viewer)
        .filter(space=space)
        .select_related("author__person")
        .annotate(reply_count=Count("posts") - 1)
    )


def thread_detail(*, viewer: Viewer, pk: int) -> Thread:
    posts = Post.objects.select_related(
        "author__person", "quoting__author__person"
    ).prefetch_related("mentioned")
    try:
        return (
            visible_threads(viewer)
            .select_related("space", "author__person", "answer")
            .prefetch_related(Prefetch("posts", queryset=posts, to_attr="all_posts"))
            .annotate(followed=_follows(viewer, thread=OuterRef("pk")))
            .get(pk=pk)
        )
    except Thread.DoesNotExist:
        raise Http404("No thread you can see has that number") from None


def post_detail(*, viewer: Viewer, pk: int) -> Post:
    try:
        return (
            visible_posts(viewer)
            .select_related("thread__space", "thread__author", "author__person")
            .get(pk=pk)
        )
    except Post.DoesNotExist:
        raise Http404("No post you can see has that number") from None


def unanswered_questions(*, viewer: Viewer) -> QuerySet[Thread]:
    return (
        visible_threads(viewer)
        .filter(is_question=True, answer__isnull=True)
        .select_related("space", "author__person")
        .annotate(reply_count=Count("posts") - 1)
        .order_by("created_at", "id")
    )


def notifications_for(*, viewer: Viewer) -> QuerySet[Notification]:
    """A person's notices, only of posts they may still see."""
    return (
        Notification.objects.filter(user_id=viewer.user_id or 0)
        .filter(space_visible_q(viewer, "post__thread__space__"))
        .select_related("post__thread__space", "post__author__person")
    )


def unread_count(*, viewer: Viewer) -> int:
    if not viewer.is_authenticated:
        return 0
    return notifications_for(viewer=viewer).filter(read_at__isnull=True).count()


def space_choices_for(*, viewer: Viewer, kind: str) -> QuerySet[Any]:
    """What a new space of `kind` may belong to, as the viewer sees it."""
    if kind == SpaceKind.PROGRAMME:
        return visible(Programme.objects.filter(archived_at__isnull=True), viewer)
    if kind == SpaceKind.PROJECT:
        return visible(Project.objects.filter(archived_at__isnull=True), viewer)
    return visible(Body.objects.filter(archived_at__isnull=True), viewer)


def display_name(user: Any) -> str:
    person = getattr(user, "person", None)
    return person.full_name if person is not None else str(user.get_full_name() or user.username)
