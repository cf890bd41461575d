"""Collaboration's area: the forums, the questions waiting for an answer, notifications."""

from partnerplan.core.navigation import Area, Link, register

register(
    Area(
        namespace="collaboration",
        label="Collaboration",
        index="collaboration:space-list",
        nav_label="Collaboration",
        links=(
            Link(
                "Forums",
                "collaboration:space-list",
                also=(
                    "collaboration:space-detail",
                    "collaboration:space-create",
                    "collaboration:thread-create",
                    "collaboration:space-follow",
                    "collaboration:thread-detail",
                    "collaboration:thread-reply",
                    "collaboration:thread-follow",
                    "collaboration:post-quote",
                    "collaboration:post-answer",
                ),
            ),
            Link("Unanswered questions", "collaboration:question-list"),
            Link("Notifications", "collaboration:notification-list"),
        ),
    )
)
