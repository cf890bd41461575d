"""Types shared across the apps' boundaries."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

from django.contrib.auth.models import AnonymousUser

if TYPE_CHECKING:
    from partnerplan.core.models import User

#: Who does a write: the signed-in account, or None (or the anonymous user) for the system
#: itself (the demo loader, a management command, the background worker).
Actor: TypeAlias = "User | AnonymousUser | None"

__all__ = ["Actor"]
