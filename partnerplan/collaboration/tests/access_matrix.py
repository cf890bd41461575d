"""The forum pages in the access matrix (see core/tests/test_access_matrix.py).

Forums are for people signed in: the public is sent to sign in. The target space is the whole
partnership's, so every signed-in role sees it; the question was asked by the officer, who
(with administrators) alone marks its answer.
"""

from __future__ import annotations

from typing import Any

from partnerplan.collaboration.tests.factories import PostFactory, QuestionFactory, SpaceFactory
from partnerplan.core.tests.matrix import ADMIN_ONLY, SIGNED_IN_ONLY

ASKER = {**ADMIN_ONLY, "officer": 200}

EXPECTED: dict[str, tuple[str | None, dict[str, int]]] = {
    "collaboration:space-list": (None, SIGNED_IN_ONLY),
    "collaboration:space-create": (None, ADMIN_ONLY),
    "collaboration:space-detail": ("forum_space", SIGNED_IN_ONLY),
    "collaboration:thread-create": ("forum_space", SIGNED_IN_ONLY),
    "collaboration:space-follow": ("forum_space", SIGNED_IN_ONLY),
    "collaboration:thread-detail": ("forum_thread", SIGNED_IN_ONLY),
    "collaboration:thread-reply": ("forum_thread", SIGNED_IN_ONLY),
    "collaboration:thread-follow": ("forum_thread", SIGNED_IN_ONLY),
    "collaboration:post-quote": ("forum_post", SIGNED_IN_ONLY),
    "collaboration:post-answer": ("forum_post", ASKER),
    "collaboration:question-list": (None, SIGNED_IN_ONLY),
    "collaboration:notification-list": (None, SIGNED_IN_ONLY),
}


def objects(world: Any) -> dict[str, Any]:
    space = SpaceFactory.create(title="Partnership forum")
    thread = QuestionFactory.create(space=space, author=world.users["officer"])
    PostFactory.create(thread=thread, author=world.users["officer"], text="How do we start?")
    post = PostFactory.create(thread=thread, author=world.users["pm"], text="Like this.")
    return {"forum_space": space, "forum_thread": thread, "forum_post": post}
