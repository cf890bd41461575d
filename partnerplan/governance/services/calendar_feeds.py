"""Governance services: private calendar feeds."""

from __future__ import annotations

import secrets

from django.db import transaction

from partnerplan.core.services import delete_with_actor, save_with_actor
from partnerplan.core.types import Actor
from partnerplan.governance.models import (
    CalendarFeed,
)
from partnerplan.governance.models.calendar_feeds import feed_digest
from partnerplan.governance.services._common import _fail
from partnerplan.partners.models import Person


@transaction.atomic
def calendar_feed_renew(*, actor: Actor, person: Person | None) -> CalendarFeed:
    """Give `person` a new secret calendar address (its secret is `feed.secret`, kept nowhere
    else). Any earlier address stops working."""
    if person is None:
        raise _fail(
            "person",
            "Your account is not linked to a person in the directory, so it has no meetings "
            "to put in a calendar",
        )
    for old in CalendarFeed.objects.filter(person=person):
        delete_with_actor(old, actor)
    secret = secrets.token_urlsafe(32)
    feed = CalendarFeed(token=feed_digest(secret), person=person)
    save_with_actor(feed, actor)
    # The secret exists only in this answer (shown to the person once); the row keeps its hash.
    feed.secret = secret
    return feed
