"""Writes of the forums: spaces, threads, replies, answers, following and notifications.

Every post goes through `_post_add`: the writer must see the space, the text is rendered by
collaboration.markdown.render, each @mention must name someone who can see the space (or the
post is refused, saying why, and nothing is saved), and the people mentioned and those who
follow the space or thread are notified in the app (followers by email too), only while they
may still see it.
"""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mass_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse

from partnerplan.collaboration import selectors
from partnerplan.collaboration.markdown import render
from partnerplan.collaboration.models import (
    Notification,
    NotificationReason,
    Post,
    Space,
    SpaceKind,
    Subscription,
    Thread,
)
from partnerplan.core import clock
from partnerplan.core.access import require, viewer_for
from partnerplan.core.models import User
from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor

MENTION = re.compile(r"(?<![\w@])@([A-Za-z0-9_.+-]+[A-Za-z0-9_])")

# The field each kind of space belongs to (None: nothing, or the partners of a group).
TARGET = {
    SpaceKind.PROGRAMME: "programme",
    SpaceKind.WORKSTREAM: "workstream",
    SpaceKind.PROJECT: "project",
    SpaceKind.BODY: "body",
}


@transaction.atomic
def space_create(
    *,
    actor: Actor,
    kind: str,
    title: str,
    description: str = "",
    programme: Any = None,
    workstream: Any = None,
    project: Any = None,
    body: Any = None,
    members_only: bool = False,
    partners: Any = (),
) -> Space:
    require(viewer_for(actor), "collaboration.add_space")
    given = {"programme": programme, "workstream": workstream, "project": project, "body": body}
    wanted = TARGET.get(SpaceKind(kind))
    errors: dict[str, str] = {}
    for name, value in given.items():
        if name == wanted and value is None:
            errors[name] = f"Choose the {name} this space is for"
        if name != wanted and value is not None:
            errors[name] = f"{SpaceKind(kind).label} does not have a {name}"
    partners = list(partners or [])
    if kind == SpaceKind.PARTNERS and len(partners) < 2:
        errors["partners"] = "Choose at least two partners for a group of partners"
    if kind != SpaceKind.PARTNERS and partners:
        errors["partners"] = "Only a group of partners names partners"
    if members_only and kind != SpaceKind.BODY:
        errors["members_only"] = "Only a body's space can be for its members only"
    if errors:
        raise ValidationError(errors)
    space = Space(
        kind=kind,
        title=title.strip(),
        description=description.strip(),
        members_only=members_only,
        created_by=actor if isinstance(actor, User) else None,
        **given,
    )
    save_with_actor(space, actor)
    if partners:
        space.partners.set(partners)
    return space


def _can_see(actor: Actor, space: Space) -> User:
    """The account writing, if it may see `space`."""
    if not isinstance(actor, User) or not selectors.user_sees_space(actor, space):
        raise PermissionDenied("You cannot see this forum space.")
    return actor


def _mentions(text: str, space: Space) -> list[User]:
    """The accounts @mentioned in `text`; refused if one is unknown or cannot see the space."""
    names = list(dict.fromkeys(MENTION.findall(text)))
    if not names:
        return []
    if len(names) > 20:
        raise ValidationError({"text": "Mention at most 20 people in one post."})
    wanted = Q()
    for name in names:
        wanted |= Q(username__iexact=name)
    users = {u.username.lower(): u for u in User.objects.filter(wanted).select_related("person")}
    problems = []
    found: list[User] = []
    for name in names:
        user = users.get(name.lower())
        if user is None or not user.is_active:
            problems.append(f"Nobody in partnerplan is called @{name}")
        elif not selectors.user_sees_space(user, space):
            problems.append(
                f"@{name} ({selectors.display_name(user)}) cannot be mentioned: "
                f"{selectors.hidden_reason(space)}, and they cannot see it"
            )
        else:
            found.append(user)
    if problems:
        raise ValidationError({"text": "; ".join(problems) + "."})
    return found


def _site() -> str:
    return str(getattr(settings, "PARTNERPLAN_SITE_URL", "http://localhost:8000")).rstrip("/")


def _notify(post: Post, mentioned: list[User]) -> None:
    thread = post.thread
    space = thread.space
    now = clock.now()
    reasons: dict[int, tuple[User, str]] = {}
    followers = (
        Subscription.objects.filter(space=space) | Subscription.objects.filter(thread=thread)
    ).select_related("user")
    for sub in followers:
        reasons[sub.user_id] = (sub.user, NotificationReason.SUBSCRIPTION)
    for user in mentioned:
        reasons[user.pk] = (user, NotificationReason.MENTION)
    reasons.pop(post.author_id, None)
    mails = []
    link = _site() + reverse("collaboration:thread-detail", args=[thread.pk]) + f"#post-{post.pk}"
    for user, reason in reasons.values():
        if not user.is_active or not selectors.user_sees_space(user, space):
            continue  # a follower who has lost sight of the space hears nothing of it
        Notification.objects.create(user=user, post=post, reason=reason, created_at=now)
        if reason == NotificationReason.SUBSCRIPTION and user.email:
            unsubscribe = _site() + reverse("collaboration:notification-list")
            mails.append(
                (
                    f"New post in {thread.title}",
                    f"{selectors.display_name(post.author)} posted in '{thread.title}' "
                    f"({space.title}).\n\nRead it: {link}\n\n"
                    f"You follow this. To stop these emails, unfollow it on its page or from "
                    f"your notifications: {unsubscribe}\n",
                    None,
                    [user.email],
                )
            )
    if mails:
        transaction.on_commit(lambda: send_mass_mail(mails, fail_silently=True))


def _post_add(*, actor: Actor, thread: Thread, text: str, quoting: Post | None = None) -> Post:
    author = _can_see(actor, thread.space)
    text = text.strip()
    if not text:
        raise ValidationError({"text": "Enter the text of your post"})
    if quoting is not None and quoting.thread_id != thread.pk:
        raise ValidationError({"text": "You can only quote a post of the same thread"})
    mentioned = _mentions(text, thread.space)
    post = Post(thread=thread, author=author, text=text, html=render(text), quoting=quoting)
    post.created_at = clock.now()
    save_with_actor(post, actor)
    if mentioned:
        post.mentioned.set(mentioned)
    thread.last_posted_at = post.created_at
    save_with_actor(thread, actor, validate=False)
    _notify(post, mentioned)
    return post


@transaction.atomic
def thread_start(
    *, actor: Actor, space: Space, title: str, text: str, is_question: bool = False
) -> Thread:
    author = _can_see(actor, space)
    thread = Thread(space=space, title=title.strip(), is_question=is_question, author=author)
    thread.created_at = clock.now()
    if not thread.title:
        raise ValidationError({"title": "Enter a title for the thread"})
    save_with_actor(thread, actor)
    _post_add(actor=actor, thread=thread, text=text)
    Subscription.objects.get_or_create(user=author, thread=thread)
    return thread


@transaction.atomic
def post_reply(*, actor: Actor, thread: Thread, text: str, quoting: Post | None = None) -> Post:
    return _post_add(actor=actor, thread=thread, text=text, quoting=quoting)


@transaction.atomic
def thread_answer_mark(*, actor: Actor, thread: Thread, post: Post) -> Thread:
    """The asker marks the reply that answered their question (or moves the mark)."""
    require(viewer_for(actor), "collaboration.mark_answer", thread)
    if not thread.is_question:
        raise ValidationError("Only a question has an answer to mark.")
    if post.thread_id != thread.pk:
        raise ValidationError("The answer must be a reply in this thread.")
    if post.author_id == thread.author_id:
        raise ValidationError("Mark someone else's reply: your own post cannot answer you.")
    thread.answer = post
    save_with_actor(thread, actor)
    Notification.objects.get_or_create(
        user=post.author,
        post=post,
        defaults={"reason": NotificationReason.ANSWER, "created_at": clock.now()},
    )
    return thread


@transaction.atomic
def subscription_toggle(
    *, actor: Actor, space: Space | None = None, thread: Thread | None = None
) -> bool:
    """Follow the space or thread, or stop following it. True if now following."""
    target = space if space is not None else thread
    if target is None or (space is not None and thread is not None):
        raise ValidationError("Follow either a space or a thread.")
    user = _can_see(actor, space if space is not None else thread.space)  # type: ignore[union-attr]
    existing = Subscription.objects.filter(user=user, space=space, thread=thread).first()
    if existing is not None:
        existing.delete()
        return False
    save_with_actor(Subscription(user=user, space=space, thread=thread), actor)
    return True


@transaction.atomic
def notifications_read(*, actor: Actor) -> int:
    """Mark every notice of `actor` read; how many were unread."""
    if not isinstance(actor, User):
        return 0
    return Notification.objects.filter(user=actor, read_at__isnull=True).update(read_at=clock.now())
