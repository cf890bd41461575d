"""Governance services: naming the partnership's statutory officers (finance and legal)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.governance.models import OfficerRole, StatutoryOfficer
from partnerplan.governance.services._common import _fail


@transaction.atomic
def statutory_officers_name(*, actor: Actor, finance: Any, legal: Any) -> list[StatutoryOfficer]:
    """Name the finance officer (Section 151 equivalent) and the legal officer (Monitoring
    Officer equivalent), from the directory. They must be different people."""
    if finance is None or legal is None:
        raise _fail("finance" if finance is None else "legal", "Choose a person for each role")
    if finance.pk == legal.pk:
        raise _fail(
            "legal",
            "The legal officer must be someone other than the finance officer: each clears "
            "reports independently",
        )
    rows = []
    for role, person in ((OfficerRole.FINANCE, finance), (OfficerRole.LEGAL, legal)):
        row = StatutoryOfficer.objects.select_for_update().filter(role=role).first()
        if row is None:
            row = StatutoryOfficer(role=role, person=person)
        row.person = person
        save_with_actor(row, actor)
        rows.append(row)
    return rows
