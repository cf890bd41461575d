"""The forum pages: query counts pinned, a refused post answers 400 and keeps nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from partnerplan.collaboration.models import Post
from partnerplan.collaboration.tests.factories import PostFactory, QuestionFactory, SpaceFactory


def _forum(world, threads=3, posts=3):
    space = SpaceFactory.create(title="Partnership forum")
    for _ in range(threads):
        thread = QuestionFactory.create(space=space, author=world.users["officer"])
        for _ in range(posts):
            PostFactory.create(thread=thread, author=world.users["pm"])
    return space, thread


# Each page: session, user, viewer (roles, bodies), then its own reads (the space condition is
# one query with subqueries for the visible programmes, projects, bodies and groups).
PAGES = [
    ("space-list", 6, "The forum list"),
    # the space, its partners, the count of its threads, a page of threads (authors joined)
    ("space-detail", 8, "A space's threads"),
    # the thread, its posts (authors and quoted posts joined), the people they mention
    ("thread-detail", 7, "A thread"),
    ("question-list", 6, "Unanswered questions"),
    ("notification-list", 6, "Notifications"),
]


@pytest.mark.parametrize(("name", "count", "what"), PAGES)
def test_it_shows_the_forums_in_a_fixed_number_of_queries(world, assert_queries, name, count, what):
    space, thread = _forum(world)
    target = {"space-detail": space.pk, "thread-detail": thread.pk}.get(name)
    url = reverse(f"collaboration:{name}", args=[target] if target else [])
    client = world.client("officer")
    client.get(url)  # sessions and caches warmed
    with assert_queries(count, what):
        assert client.get(url).status_code == 200


def test_it_refuses_a_reply_mentioning_someone_who_cannot_see_and_keeps_nothing(world):
    space = SpaceFactory.create(kind="body", body=world.body, members_only=True)
    thread = QuestionFactory.create(space=space, author=world.users["member"])
    PostFactory.create(thread=thread, author=world.users["member"])
    response = world.client("member").post(
        f"/collaboration/threads/{thread.pk}/reply/", {"text": "What do you think @officer?"}
    )
    assert response.status_code == 400
    assert "only the body&#x27;s members see this space" in response.content.decode()
    assert Post.objects.filter(thread=thread).count() == 1
    response = world.client("member").post(
        f"/collaboration/threads/{thread.pk}/reply/", {"text": "<script>x()</script>Thanks"}
    )
    assert response.status_code == 302
    page = world.client("member").get(f"/collaboration/threads/{thread.pk}/").content.decode()
    assert "&lt;script&gt;x()&lt;/script&gt;Thanks" in page


def test_it_lets_the_asker_mark_an_answer_from_the_thread(world):
    _space, thread = _forum(world, threads=1, posts=2)
    reply = thread.posts.last()
    client = world.client("officer")
    assert (
        "Mark as the answer" in client.get(f"/collaboration/threads/{thread.pk}/").content.decode()
    )
    assert client.post(f"/collaboration/posts/{reply.pk}/answer/").status_code == 302
    thread.refresh_from_db()
    assert thread.answer == reply
    assert "Go to the answer" in client.get(f"/collaboration/threads/{thread.pk}/").content.decode()


def test_a_person_page_shows_their_projects_only_as_the_viewer_may_see_them(world):
    from partnerplan.core.models import Visibility
    from partnerplan.portfolio.tests.factories import ProjectFactory

    pm = world.users["pm"].person
    ProjectFactory.create(title="Open project", project_manager=pm)
    hidden = ProjectFactory.create(
        title="Shared project", project_manager=pm, visibility=Visibility.PARTNERS
    )
    hidden.shared_with.set([world.beta])
    url = f"/partners/people/{pm.pk}/"
    mine = world.client("officer").get(url).content.decode()
    assert "Open project</a>: Project manager" in mine
    assert "Shared project" not in mine
    assert "Shared project</a>: Project manager" in world.client("member").get(url).content.decode()
