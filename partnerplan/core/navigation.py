"""The areas of the service: each one's secondary navigation and the root of its breadcrumbs.

Each app describes its area in its own `navigation.py`, which calls `register(Area(...))` when
imported; core's AppConfig.ready() imports every app's `navigation` module (the pattern of
Django's admin autodiscovery), so core never imports an upper app. Templates draw the area
with `{% include "core/_subnav.html" with area="governance" %}` and the trail with
`{% breadcrumbs "Bodies" bodies_url body.name body_url %}` (core/templatetags/govuk.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from partnerplan.core.access import can, viewer_for


@dataclass(frozen=True)
class Link:
    """One link of an area's secondary navigation."""

    label: str
    url_name: str  # namespaced, e.g. "governance:body-list"
    # Url names of pages that belong under this link (it shows as the current section there).
    also: tuple[str, ...] = ()
    signed_in: bool = False  # shown only to someone signed in
    rule: str = ""  # shown only to a viewer core.access lets do this action
    keep_query: bool = False  # carries the page's filters (the work plan's views)


@dataclass(frozen=True)
class Area:
    """An area of the service: the top-level menu item a page sits under."""

    namespace: str
    label: str  # as in the service navigation: "Governance"
    index: str  # the area's index page, a namespaced url name
    links: tuple[Link, ...] = ()
    # Url names (without namespace) starting with one of these belong to this area; an area
    # with none takes every page of its namespace the others do not claim.
    prefixes: tuple[str, ...] = ()
    nav_label: str = field(default="")  # the subnav's aria-label; the label if blank

    def index_url(self) -> str:
        return reverse(self.index)


_AREAS: dict[str, list[Area]] = {}


def register(area: Area) -> None:
    areas = _AREAS.setdefault(area.namespace, [])
    areas[:] = [a for a in areas if a.label != area.label] + [area]


def area_named(key: str) -> Area | None:
    """The area called `key`: its namespace, or its label for a namespace holding several."""
    for areas in _AREAS.values():
        for area in areas:
            if area.label == key:
                return area
    areas = _AREAS.get(key, [])
    return next((area for area in areas if not area.prefixes), areas[0] if areas else None)


def area_for(request: HttpRequest) -> Area | None:
    """The area the requested page belongs to, or None (the home page, sign-in, ...)."""
    match = getattr(request, "resolver_match", None)
    if match is None or not match.namespace:
        return None
    areas = _AREAS.get(match.namespace, [])
    for area in areas:
        if any(match.url_name.startswith(prefix) for prefix in area.prefixes):
            return area
    return next((area for area in areas if not area.prefixes), None)


def links_for(area: Area, request: HttpRequest) -> list[dict[str, object]]:
    """The area's links for this request: href, label and whether it is the page or section."""
    match = getattr(request, "resolver_match", None)
    here = f"{match.namespace}:{match.url_name}" if match is not None else ""
    user = getattr(request, "user", None)
    signed_in = bool(getattr(user, "is_authenticated", False))
    query = request.GET.urlencode()
    items: list[dict[str, object]] = []
    for link in area.links:
        if link.signed_in and not signed_in:
            continue
        if link.rule and not can(viewer_for(user), link.rule):
            continue
        try:
            href = reverse(link.url_name)
        except NoReverseMatch:
            continue
        current = ""
        if here == link.url_name:
            current = "page"
        elif here in link.also:
            current = "true"
        if link.keep_query and query:
            href = f"{href}?{query}"
        items.append({"label": link.label, "href": href, "current": current})
    return items


def trail(request: HttpRequest, pairs: tuple[object, ...]) -> list[dict[str, str]]:
    """Home, the area's index, then the (label, href) pairs a template names."""
    crumbs = [{"label": "Home", "href": reverse("core:home")}]
    area = area_for(request)
    if area is not None:
        crumbs.append({"label": area.label, "href": area.index_url()})
    for label, href in zip(pairs[::2], pairs[1::2], strict=True):
        crumbs.append({"label": str(label), "href": str(href)})
    # A trail ends above the page itself; an area's index has none.
    crumbs = [crumb for crumb in crumbs if crumb["href"] != request.path]
    return crumbs if len(crumbs) > 1 else []


def autodiscover() -> None:
    """Import every app's `navigation` module, which registers its area."""
    from django.utils.module_loading import autodiscover_modules

    autodiscover_modules("navigation")
