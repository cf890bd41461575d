"""The condition on an optional link to a visible record, shared by the finance selectors."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from partnerplan.core.access import Viewer, visible_q


def none_or_visible(viewer: Viewer, model: type[models.Model], field: str) -> Q:
    """Rows whose `field` links to nothing, or to a `model` row the viewer may see.

    (Administrators see everything: `Q(...) | Q()` would drop the empty side, so say so.)
    """
    if viewer.is_admin:
        return Q()
    return Q(**{f"{field}__isnull": True}) | visible_q(viewer, model, f"{field}__")
