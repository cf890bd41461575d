"""Factories for the forums: spaces (of each kind), threads, questions and posts."""

from __future__ import annotations

import factory
from django.utils import timezone

from partnerplan.collaboration.markdown import render
from partnerplan.collaboration.models import Post, Space, SpaceKind, Thread
from partnerplan.partners.tests.factories import UserFactory


class SpaceFactory(factory.django.DjangoModelFactory[Space]):
    class Meta:
        model = Space

    kind = SpaceKind.PARTNERSHIP
    title = factory.Sequence(lambda n: f"Forum space {n}")


class ThreadFactory(factory.django.DjangoModelFactory[Thread]):
    class Meta:
        model = Thread

    space = factory.SubFactory(SpaceFactory)
    title = factory.Sequence(lambda n: f"Thread {n}")
    author = factory.SubFactory(UserFactory)
    last_posted_at = factory.LazyFunction(timezone.now)


class QuestionFactory(ThreadFactory):
    is_question = True


class PostFactory(factory.django.DjangoModelFactory[Post]):
    class Meta:
        model = Post

    thread = factory.SubFactory(ThreadFactory)
    author = factory.SubFactory(UserFactory)
    text = factory.Sequence(lambda n: f"Post text {n}")
    html = factory.LazyAttribute(lambda o: render(o.text))
