"""The forum pages: query counts pinned, a refused post answers 400 and keeps nothing."""

from __future__ import annotations

from partnerplan.collaboration.models import Post
from partnerplan.collaboration.tests.factories import PostFactory, QuestionFactory, SpaceFactory


def _forum(world, threads=3, posts=3):
    space = SpaceFactory.create(title="Partnership forum")
    for _ in range(threads):
        thread = QuestionFactory.create(space=space, author=world.users["officer"])
        for _ in range(posts):
            PostFactory.create(thread=thread, author=world.users["pm"])
    return space, thread


def test_it_shows_the_forums_in_a_fixed_number_of_queries(world, assert_queries):
    space, thread = _forum(world)
    client = world.client("officer")
    for url, count, what in [
        ("/collaboration/", 9, "The forum list"),
        (f"/collaboration/spaces/{space.pk}/", 9, "A space's threads"),
        (f"/collaboration/threads/{thread.pk}/", 9, "A thread"),
        ("/collaboration/questions/", 9, "Unanswered questions"),
        ("/collaboration/notifications/", 9, "Notifications"),
    ]:
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
