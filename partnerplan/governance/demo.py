"""The bodies of the seed report. The governance issue adds powers, meetings and decisions."""

from __future__ import annotations

from typing import Any

from partnerplan.core.models import Visibility
from partnerplan.governance.models import Body, BodyKind, BodyMembership, MemberRole
from partnerplan.partners.models import Person

BODIES = [
    ("Staffordshire Connects Joint Committee", "JC", BodyKind.JOINT_COMMITTEE, None,
     "Elected members. Authorises entry of projects into the pipeline and decides when a "
     "project should be withdrawn or fundamentally redesigned (report, 4.13)."),
    ("Strategic Advisory Board", "SAB", BodyKind.BOARD, "JC",
     "Senior officers. Proposed to take on overall transformation programme management and some "
     "project board involvement, meeting monthly (report, 4.10)."),
    ("Leaders and Chief Executives Group", "LCEG", BodyKind.EXTERNAL, None,
     "Staffordshire Leaders and Chief Executives: eight Workstreams with named Chief Executive "
     "leads (report, 1.2)."),
]  # fmt: skip


def load(context: dict[str, Any], *, actor: object = None) -> None:
    """Puts `bodies` (by abbreviation) into `context`."""
    people: dict[str, Person] = context["people"]
    bodies: dict[str, Body] = {}
    for name, abbr, kind, parent, description in BODIES:
        body, _ = Body.objects.get_or_create(
            name=name,
            defaults={
                "abbreviation": abbr,
                "kind": kind,
                "parent": bodies.get(parent) if parent else None,
                "description": description,
                "visibility": Visibility.PUBLIC,
            },
        )
        bodies[abbr] = body
    # DEMO: the demo member sits on the Joint Committee so the member role can be tried.
    member = people.get("member")
    if member is not None:
        BodyMembership.objects.get_or_create(
            body=bodies["JC"],
            person=member,
            defaults={"role": MemberRole.MEMBER, "represents": member.partner},
        )
    context["bodies"] = bodies
