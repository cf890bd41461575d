"""Forums of the collaboration hub: spaces, threads, posts, mentions and subscriptions.

A space belongs to what it is about (the partnership, a programme, a workstream, a project, a
body or a group of partners) and is seen by whoever may see that (collaboration.selectors.
space_visible_q, built on core.access.visible_q). Posts keep their Markdown and the HTML that
collaboration.markdown.render made of it when they were written.
"""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from partnerplan.core.models import TimeStampedModel


class SpaceKind(models.TextChoices):
    PARTNERSHIP = "partnership", "The whole partnership"
    PROGRAMME = "programme", "A programme"
    WORKSTREAM = "workstream", "A workstream"
    PROJECT = "project", "A project"
    BODY = "body", "A body"
    PARTNERS = "partners", "A group of partners"


class Space(TimeStampedModel):
    kind = models.CharField(max_length=16, choices=SpaceKind.choices)
    title = models.CharField(max_length=200)
    description = models.TextField(max_length=2000, blank=True)
    programme = models.ForeignKey(
        "portfolio.Programme", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    workstream = models.ForeignKey(
        "portfolio.Workstream", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    project = models.ForeignKey(
        "portfolio.Project", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    body = models.ForeignKey(
        "governance.Body", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    members_only = models.BooleanField(
        "members only",
        default=False,
        help_text="A body's space seen only by the body's members (and administrators).",
    )
    partners = models.ManyToManyField(
        "partners.Partner",
        blank=True,
        related_name="+",
        help_text="For a group of partners: the partners whose people may see the space.",
    )
    created_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_demo = models.BooleanField(default=False, editable=False)

    history = HistoricalRecords(m2m_fields=[partners])

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class Thread(TimeStampedModel):
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="threads")
    title = models.CharField(max_length=200)
    is_question = models.BooleanField(
        "question",
        default=False,
        help_text="A question: the person who asks it marks the reply that answered it.",
    )
    author = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    answer = models.ForeignKey(
        "Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_posted_at = models.DateTimeField(null=True, blank=True)
    is_demo = models.BooleanField(default=False, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-last_posted_at", "-id"]

    def __str__(self) -> str:
        return self.title


class Post(TimeStampedModel):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    text = models.TextField(max_length=20000)
    html = models.TextField(editable=False)
    quoting = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    mentioned = models.ManyToManyField("core.User", blank=True, related_name="+")

    history = HistoricalRecords(m2m_fields=[mentioned])

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Post {self.pk} in {self.thread_id}"


class Subscription(TimeStampedModel):
    """Someone told of new posts in a space or a thread (exactly one of the two)."""

    user = models.ForeignKey("core.User", on_delete=models.CASCADE, related_name="+")
    space = models.ForeignKey(
        Space, null=True, blank=True, on_delete=models.CASCADE, related_name="subscriptions"
    )
    thread = models.ForeignKey(
        Thread, null=True, blank=True, on_delete=models.CASCADE, related_name="subscriptions"
    )

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(space__isnull=True) ^ models.Q(thread__isnull=True),
                name="subscription_space_or_thread",
            ),
            models.UniqueConstraint(fields=["user", "space"], name="subscription_one_per_space"),
            models.UniqueConstraint(fields=["user", "thread"], name="subscription_one_per_thread"),
        ]

    def __str__(self) -> str:
        return f"{self.user} follows {self.space or self.thread}"


class NotificationReason(models.TextChoices):
    MENTION = "mention", "mentioned you"
    SUBSCRIPTION = "subscription", "posted where you follow"
    ANSWER = "answer", "marked your reply as the answer"


class Notification(models.Model):
    """An in-app notice of a post to one person; read when they open it."""

    user = models.ForeignKey("core.User", on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="notifications")
    reason = models.CharField(max_length=16, choices=NotificationReason.choices)
    created_at = models.DateTimeField()
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "post"], name="notification_one_per_post")
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_reason_display()}"
