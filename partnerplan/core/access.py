"""Who may see and do what: decided here, and only here.

Every query that feeds a page goes through `visible()` (or `visible_q()` inside a larger
query); every write checks `require()`. Roles are not stored as flags on the account: they are
read from the directory (a person's partner and roles) and from governance (body memberships).

Visibility of a record (core.models.Visibility):
- public: everyone, signed in or not;
- partnership: anyone signed in;
- partners: signed-in people of the partners named in the record's `shared_with`;
- exempt: members of the bodies the model declares entitled (`exempt_entitled_bodies_path`).
Partnership administrators see everything.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q, QuerySet
from django.utils.module_loading import import_string

from partnerplan.core.models import Visibility, VisibleModel

M = TypeVar("M", bound=models.Model)


@dataclass(frozen=True)
class Viewer:
    """What the rules need to know about whoever is looking."""

    user_id: int | None = None
    is_authenticated: bool = False
    is_admin: bool = False
    person_id: int | None = None
    partner_ids: frozenset[int] = field(default_factory=frozenset)
    body_ids: frozenset[int] = field(default_factory=frozenset)
    roles: frozenset[str] = field(default_factory=frozenset)

    @property
    def is_body_member(self) -> bool:
        return bool(self.body_ids)

    @property
    def is_project_manager(self) -> bool:
        return "project_manager" in self.roles

    @property
    def role_labels(self) -> list[str]:
        """The access roles this viewer holds, in the words the service uses."""
        if not self.is_authenticated:
            return ["Public"]
        labels = []
        if self.is_admin:
            labels.append("Partnership administrator")
        if self.is_body_member:
            labels.append("Member of a body")
        if self.is_project_manager:
            labels.append("Project manager")
        if self.partner_ids:
            labels.append("Partner officer")
        return labels or ["Signed in"]


PUBLIC_VIEWER = Viewer()


def viewer_for(user: Any) -> Viewer:
    """Build (once per request: it is cached on the user object) the viewer for `user`.

    What a signed-in viewer is (partner, roles, body memberships) comes from the apps above
    core, so the builder is project-level: `settings.PARTNERPLAN_VIEWER_BUILDER` names it
    (`partnerplan.viewer.build_viewer`), as `ROOT_URLCONF` names the URLs.
    """
    if user is None or not getattr(user, "is_authenticated", False):
        return PUBLIC_VIEWER
    cached = getattr(user, "_partnerplan_viewer", None)
    if isinstance(cached, Viewer):
        return cached
    viewer = _viewer_builder()(user)
    user._partnerplan_viewer = viewer
    return viewer


@functools.cache
def _viewer_builder() -> Callable[[Any], Viewer]:
    builder: Callable[[Any], Viewer] = import_string(settings.PARTNERPLAN_VIEWER_BUILDER)
    return builder


def visible_q(viewer: Viewer, model: type[models.Model], prefix: str = "") -> Q:
    """The condition a row of `model` (reached through `prefix`) must meet to be seen."""
    if not issubclass(model, VisibleModel):
        raise TypeError(f"{model.__name__} does not carry a visibility")
    if viewer.is_admin:
        return Q()
    q = Q(**{f"{prefix}visibility": Visibility.PUBLIC})
    if not viewer.is_authenticated:
        return q
    q |= Q(**{f"{prefix}visibility": Visibility.PARTNERSHIP})
    if viewer.partner_ids:
        shared: Any = model._meta.get_field("shared_with")
        through = shared.remote_field.through
        source = shared.m2m_field_name()
        target = shared.m2m_reverse_field_name()
        shared_ids = through.objects.filter(**{f"{target}__in": viewer.partner_ids}).values(
            f"{source}_id"
        )
        q |= Q(**{f"{prefix}visibility": Visibility.PARTNERS, f"{prefix}pk__in": shared_ids})
    path = model.exempt_entitled_bodies_path
    if path and viewer.body_ids:
        q |= Q(**{f"{prefix}visibility": Visibility.EXEMPT, f"{prefix}{path}__in": viewer.body_ids})
    return q


def visible(queryset: QuerySet[M], viewer: Viewer) -> QuerySet[M]:
    """Only the rows of `queryset` that `viewer` may see."""
    return queryset.filter(visible_q(viewer, queryset.model))


# --- Actions -------------------------------------------------------------------------------

Rule = Callable[[Viewer, Any], bool]


def _admin(viewer: Viewer, obj: Any = None) -> bool:
    return viewer.is_admin


def _signed_in(viewer: Viewer, obj: Any = None) -> bool:
    return viewer.is_authenticated


def _admin_or_same_partner(viewer: Viewer, obj: Any = None) -> bool:
    """Administrators, and officers of the partner the person works for."""
    if viewer.is_admin:
        return True
    return bool(obj is not None and obj.partner_id and obj.partner_id in viewer.partner_ids)


RULES: dict[str, tuple[Rule, str]] = {
    "partners.add_partner": (_admin, "Only partnership administrators can add partners."),
    "partners.change_partner": (_admin, "Only partnership administrators can change partners."),
    "partners.archive_partner": (
        _admin,
        "Only partnership administrators can archive partners.",
    ),
    "partners.delete_partner": (_admin, "Only partnership administrators can delete partners."),
    "partners.add_person": (_admin, "Only partnership administrators can add people."),
    "partners.change_person": (
        _admin_or_same_partner,
        "Only partnership administrators and officers of the person's own partner can change "
        "their details.",
    ),
    # Roles and the partner decide what a person may see and do: nobody raises their own.
    "partners.change_roles": (
        _admin,
        "Only partnership administrators can change a person's roles.",
    ),
    "partners.move_person": (
        _admin,
        "Only partnership administrators can move a person to another partner.",
    ),
    "partners.archive_person": (_admin, "Only partnership administrators can archive people."),
    "partners.delete_person": (_admin, "Only partnership administrators can delete people."),
    "core.view_history": (_signed_in, "Sign in to see the history of a record."),
    "core.move_clock": (
        _admin,
        "Only partnership administrators can move the demonstration's date.",
    ),
    # --- portfolio (programmes, workstreams, projects, business cases, scoring, status) ---
    # The project team: its project manager, officer lead and Project Executive (obj: project).
    "portfolio.add_programme": (_admin, "Only partnership administrators can add programmes."),
    "portfolio.change_programme": (
        _admin,
        "Only partnership administrators can change programmes, their stages and workstreams.",
    ),
    "portfolio.add_project": (
        lambda v, o: v.is_admin or v.is_project_manager,
        "Only partnership administrators and project managers can add projects.",
    ),
    "portfolio.change_project": (
        lambda v, o: v.is_admin
        or (
            o is not None
            and v.person_id is not None
            and v.person_id in {o.project_manager_id, o.officer_lead_id, o.project_executive_id}
        ),
        "Only partnership administrators and the project's manager, officer lead and Project "
        "Executive can change it, its business case, benefits and log.",
    ),
    "portfolio.pass_gate": (
        _admin,
        "Only partnership administrators record gate decisions and review outcomes.",
    ),
    "portfolio.approve_business_case": (
        _admin,
        "Only partnership administrators record the approval of a business case.",
    ),
    "portfolio.write_highlight_report": (
        lambda v, o: v.is_admin
        or (o is not None and v.person_id is not None and v.person_id == o.project_manager_id),
        "Only the project's manager and partnership administrators write highlight reports.",
    ),
    # The board's decisions on a project's controls (obj: project): tolerances, change
    # requests to a baseline, Exception Reports. Recorded as the board decided them.
    "portfolio.record_board_decision": (
        _admin,
        "Only partnership administrators record the board's decisions on tolerances, change "
        "requests and Exception Reports.",
    ),
    "portfolio.manage_methods": (
        _admin,
        "Only partnership administrators set up prioritisation methods and adjust rankings.",
    ),
    "portfolio.score": (
        lambda v, o: v.is_admin or bool(v.partner_ids),
        "Only officers of a partner (scoring for their partner) and partnership administrators "
        "can score projects.",
    ),
    # --- end portfolio ---
    # --- governance (bodies, powers, meetings, agendas, decisions, actions) ---
    "governance.manage_bodies": (
        _admin,
        "Only partnership administrators can change bodies, powers and delegations.",
    ),
    "governance.manage_meetings": (
        _admin,
        "Only partnership administrators (the clerk's role) can schedule meetings, publish "
        "agendas and record attendance, decisions and minutes.",
    ),
    "governance.record_officer_decision": (
        lambda v, o: v.is_admin
        or bool(o is not None and {b.pk for b in o.to_bodies.all()} & v.body_ids),
        "Only the office holder or body the power was delegated to can record a decision under it.",
    ),
    "governance.add_action": (_admin, "Only partnership administrators can record actions."),
    "governance.update_action": (
        lambda v, o: v.is_admin or bool(o is not None and o.owner_id == v.person_id),
        "Only the person the action belongs to, or an administrator, can update it.",
    ),
    "governance.view_actions": (_signed_in, "Sign in to see your actions."),
    "governance.calendar_feed": (
        _signed_in,
        "Sign in to see or replace your private calendar address.",
    ),
    "governance.resolve_conflict": (
        _admin,
        "Only the partnership director (an administrator) resolves a twin-track conflict.",
    ),
    # obj: the person whose register it is. Members keep their own register up to date.
    "governance.manage_interests": (
        lambda v, o: v.is_admin or bool(o is not None and o.pk == v.person_id),
        "Only the member themselves and partnership administrators change a register of interests.",
    ),
    "governance.grant_dispensation": (
        _admin,
        "Only partnership administrators record dispensations (granted by the legal officer).",
    ),
    "governance.manage_officers": (
        _admin,
        "Only partnership administrators name the finance and legal officers.",
    ),
    # obj: the named legal officer (a governance StatutoryOfficer), or None.
    "governance.view_exempt_log": (
        lambda v, o: v.is_admin or bool(o is not None and o.person_id == v.person_id),
        "Only partnership administrators and the legal officer (Monitoring Officer "
        "equivalent) see who opened an exempt report.",
    ),
    # --- end governance ---
    # --- finance (funds, ledger, calls, bids, contingencies) ---
    # Funds and bids are seen through their visibility (core.access.visible). The ledger's own
    # rules (authority, limits, named drawers) are enforced by finance.services.
    "finance.view_ledger": (
        _signed_in,
        "Sign in to see the movements of a fund, partner contributions and exports.",
    ),
    "finance.post": (
        _admin,
        "Only partnership administrators (the Partnership Director's office) post to the "
        "ledger, record bids and correct movements.",
    ),
    "finance.draw_contingency": (
        lambda v, o: v.is_admin
        or bool(
            o is not None
            and o.delegation_id
            and {b.pk for b in o.delegation.to_bodies.all()} & v.body_ids
        ),
        "Only the office holder or body the contingency is delegated to can draw on it.",
    ),
    # --- end finance ---
    # --- resources (pool, demand, assignments, planner runs and scenarios) ---
    # Every resources page needs sign-in: the pool's availability and cost rates are internal.
    "resources.view": (_signed_in, "Sign in to see the pool, its capacity and planner runs."),
    "resources.manage_pool": (
        _admin,
        "Only partnership administrators add people to the pool.",
    ),
    # obj: the pool member. Their home partner's officers keep their availability and leave.
    "resources.change_member": (
        lambda v, o: v.is_admin or bool(o is not None and o.home_partner_id in v.partner_ids),
        "Only partnership administrators and officers of the partner lending this person can "
        "change their availability and leave.",
    ),
    # obj: the project. Its team states what it needs.
    "resources.manage_demand": (
        lambda v, o: v.is_admin
        or (
            o is not None
            and v.person_id is not None
            and v.person_id in {o.project_manager_id, o.officer_lead_id, o.project_executive_id}
        ),
        "Only partnership administrators and the project's manager, officer lead and Project "
        "Executive can change the roles it needs and its planning settings.",
    ),
    # obj: the project. Its project manager records the time its bookings actually took.
    "resources.record_actuals": (
        lambda v, o: v.is_admin
        or (o is not None and v.person_id is not None and v.person_id == o.project_manager_id),
        "Only partnership administrators and the project's manager can record the time spent "
        "on its bookings.",
    ),
    "resources.assign": (
        _admin,
        "Only partnership administrators (the programme office) book pool members to roles.",
    ),
    "resources.plan": (
        lambda v, o: v.is_admin or v.is_project_manager,
        "Only partnership administrators and project managers run the planner and save scenarios.",
    ),
    # --- end resources ---
    # --- reports (committee reports, documents, packs) ---
    # Who may read a report follows its agenda item's visibility (core.access.visible); these
    # rules say who writes and publishes them (obj: the report, or None to start one).
    "reports.add_report": (_admin, "Only partnership administrators can start a report."),
    "reports.produce_december_report": (
        _admin,
        "Only partnership administrators can produce the December 2010 report again.",
    ),
    "reports.change_report": (
        lambda v, o: v.is_admin
        or (o is not None and v.person_id is not None and v.person_id == o.author_id),
        "Only the report's author and partnership administrators can change a report.",
    ),
    "reports.publish_report": (
        _admin,
        "Only partnership administrators (the clerk's role) publish reports.",
    ),
    # obj: the named officer (a governance StatutoryOfficer) whose sign-off it is, or None.
    "reports.sign_off": (
        lambda v, o: bool(o is not None and v.person_id is not None and o.person_id == v.person_id),
        "Only the named finance or legal officer signs off a report for their own role.",
    ),
    "reports.change_house_style": (
        _admin,
        "Only partnership administrators change the partnership's report template.",
    ),
    # obj: the meeting. Exempt reports are for members of the meeting's body.
    "reports.view_restricted_pack": (
        lambda v, o: v.is_admin or (o is not None and o.body_id in v.body_ids),
        "Only members of the body holding the meeting can open its restricted pack.",
    ),
    # --- end reports ---
    # --- collaboration ---
    # Forum spaces are seen through what they belong to (collaboration.selectors.space_visible_q).
    "collaboration.view": (_signed_in, "Sign in to see the partnership's forums."),
    "collaboration.add_space": (
        _admin,
        "Only partnership administrators open forum spaces.",
    ),
    # obj: the thread. The person who asked marks the reply that answered them.
    "collaboration.mark_answer": (
        lambda v, o: v.is_admin or bool(o is not None and o.author_id == v.user_id),
        "Only the person who asked the question marks the reply that answered it.",
    ),
    # --- end collaboration ---
}


def can(viewer: Viewer, action: str, obj: Any = None) -> bool:
    try:
        rule, _message = RULES[action]
    except KeyError:
        raise KeyError(f"No access rule is defined for {action!r}") from None
    return rule(viewer, obj)


def require(viewer: Viewer, action: str, obj: Any = None) -> None:
    """Raise PermissionDenied, with the rule in plain English, unless `viewer` may act."""
    if not can(viewer, action, obj):
        raise PermissionDenied(RULES[action][1])
