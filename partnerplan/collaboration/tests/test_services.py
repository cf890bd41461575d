"""The forums' rules: who sees a space, mentions, questions, following and notifications."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from partnerplan.collaboration import selectors, services
from partnerplan.collaboration.models import Notification, Post, SpaceKind, Thread
from partnerplan.collaboration.tests.factories import SpaceFactory
from partnerplan.core.access import viewer_for
from partnerplan.core.models import Visibility
from partnerplan.governance.tests.factories import BodyFactory
from partnerplan.portfolio.tests.factories import ProjectFactory


def _sees(world, role, space):
    return selectors.visible_spaces(viewer_for(world.users[role])).filter(pk=space.pk).exists()


def test_it_shows_a_space_to_whoever_may_see_what_it_belongs_to(world):
    project = ProjectFactory.create(visibility=Visibility.PARTNERS)
    project.shared_with.set([world.beta])
    project_space = SpaceFactory.create(kind=SpaceKind.PROJECT, project=project)
    members = SpaceFactory.create(kind=SpaceKind.BODY, body=world.body, members_only=True)
    open_body = SpaceFactory.create(kind=SpaceKind.BODY, body=world.body)
    group = SpaceFactory.create(kind=SpaceKind.PARTNERS)
    group.partners.set([world.alpha])
    everyone = SpaceFactory.create()
    seen = {
        role: {
            name
            for name, space in {
                "project": project_space, "members": members, "body": open_body,
                "group": group, "everyone": everyone,
            }.items()
            if _sees(world, role, space)
        }
        for role in world.users
    }  # fmt: skip
    assert seen["public"] == set()
    assert seen["officer"] == {"body", "group", "everyone"}
    assert seen["other_officer"] == {"project", "body", "everyone"}
    assert seen["member"] == {"project", "members", "body", "everyone"}
    assert seen["admin"] == {"project", "members", "body", "group", "everyone"}


def test_it_refuses_a_mention_of_someone_who_cannot_see_the_space_and_saves_nothing(world):
    hidden = BodyFactory.create(name="Hidden board", visibility=Visibility.PARTNERS)
    hidden.shared_with.set([world.beta])
    space = SpaceFactory.create(kind=SpaceKind.BODY, body=hidden)
    thread = services.thread_start(
        actor=world.users["admin"], space=space, title="Board papers", text="First"
    )
    with pytest.raises(ValidationError, match=r"@officer \(Olive Persona\) cannot be mentioned"):
        services.post_reply(actor=world.users["admin"], thread=thread, text="Ask @officer")
    with pytest.raises(ValidationError, match="Nobody in partnerplan is called @nobody"):
        services.post_reply(actor=world.users["admin"], thread=thread, text="Hi @nobody")
    assert Post.objects.filter(thread=thread).count() == 1
    post = services.post_reply(
        actor=world.users["admin"], thread=thread, text="Over to @other_officer."
    )
    assert list(post.mentioned.all()) == [world.users["other_officer"]]
    notice = Notification.objects.get(user=world.users["other_officer"])
    assert notice.reason == "mention" and notice.post == post


def test_it_neutralises_script_in_a_post(world):
    space = SpaceFactory.create()
    thread = services.thread_start(
        actor=world.users["officer"], space=space, title="Hello",
        text="<script>alert(1)</script> [x](javascript:alert(1))",
    )  # fmt: skip
    html = thread.posts.get().html
    assert "<script" not in html and "javascript:" not in html.replace("(javascript:", "")
    assert 'href="javascript' not in html


def test_it_refuses_a_post_in_a_space_the_writer_cannot_see(world):
    space = SpaceFactory.create(kind=SpaceKind.BODY, body=world.body, members_only=True)
    with pytest.raises(PermissionDenied, match="You cannot see this forum space"):
        services.thread_start(actor=world.users["officer"], space=space, title="x", text="y")
    assert not Thread.objects.exists()


def test_the_asker_marks_the_answer_and_the_question_leaves_the_unanswered_list(world):
    officer, pm = world.users["officer"], world.users["pm"]
    space = SpaceFactory.create()
    question = services.thread_start(
        actor=officer, space=space, title="SLA template?", text="Has anyone one?",
        is_question=True,
    )  # fmt: skip
    reply = services.post_reply(actor=pm, thread=question, text="Yes: ours.")
    viewer = viewer_for(officer)
    assert list(selectors.unanswered_questions(viewer=viewer)) == [question]
    with pytest.raises(PermissionDenied, match="Only the person who asked the question"):
        services.thread_answer_mark(actor=pm, thread=question, post=reply)
    with pytest.raises(ValidationError, match="your own post cannot answer you"):
        services.thread_answer_mark(actor=officer, thread=question, post=question.posts.first())
    services.thread_answer_mark(actor=officer, thread=question, post=reply)
    question.refresh_from_db()
    assert question.answer == reply
    assert list(selectors.unanswered_questions(viewer=viewer)) == []
    assert Notification.objects.filter(user=pm, reason="answer").exists()


def test_followers_hear_of_new_posts_by_email_only_while_they_may_see_the_space(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    project = ProjectFactory.create(visibility=Visibility.PARTNERSHIP)
    space = SpaceFactory.create(kind=SpaceKind.PROJECT, project=project)
    member, other = world.users["officer"], world.users["other_officer"]
    member.email, other.email = "member@example.org", "other@example.org"
    member.save(), other.save()
    assert services.subscription_toggle(actor=member, space=space) is True
    services.subscription_toggle(actor=other, space=space)
    with django_capture_on_commit_callbacks(execute=True):
        thread = services.thread_start(
            actor=world.users["admin"], space=space, title="Go-live", text="Next week."
        )
    assert sorted(m.to[0] for m in mailoutbox) == ["member@example.org", "other@example.org"]
    assert f"/collaboration/threads/{thread.pk}/#post-" in mailoutbox[0].body
    assert "/collaboration/notifications/" in mailoutbox[0].body  # how to stop them
    # The project is now shared with Alpha only: Beta's officer hears nothing more of it.
    project.visibility = Visibility.PARTNERS
    project.save()
    project.shared_with.set([world.alpha])
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.post_reply(actor=world.users["admin"], thread=thread, text="Moved.")
    assert [m.to[0] for m in mailoutbox] == ["member@example.org"]
    assert not Notification.objects.filter(user=other, post__text="Moved.").exists()
    assert services.subscription_toggle(actor=member, space=space) is False


def test_it_refuses_a_space_without_what_it_belongs_to(world):
    admin = world.users["admin"]
    with pytest.raises(ValidationError, match="Choose the project this space is for"):
        services.space_create(actor=admin, kind=SpaceKind.PROJECT, title="P")
    with pytest.raises(ValidationError, match="Choose at least two partners"):
        services.space_create(
            actor=admin, kind=SpaceKind.PARTNERS, title="G", partners=[world.alpha]
        )
    with pytest.raises(PermissionDenied, match="Only partnership administrators open"):
        services.space_create(actor=world.users["officer"], kind="partnership", title="X")
    space = services.space_create(
        actor=admin, kind=SpaceKind.PARTNERS, title="G", partners=[world.alpha, world.beta]
    )
    assert set(space.partners.all()) == {world.alpha, world.beta}
