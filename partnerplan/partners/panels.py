"""Panels that upper apps add to a person's page (a registry, filled in their AppConfig.ready()).

The person page lives here, but what a person works on (projects, committee seats, forum posts)
is known by apps above partners, which partners may not import. An upper app registers a
builder: `register("collaboration.work", build)`, where `build(viewer, person)` returns a
`Panel` (a heading, the template that draws it and its context), or None to show nothing. Each
builder reads through its own app's selectors, scoped by core.access, so a panel shows only what
the viewer may see.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from partnerplan.core.access import Viewer


@dataclass(frozen=True)
class Panel:
    title: str
    template: str
    context: Mapping[str, Any] = field(default_factory=dict)


PanelBuilder = Callable[[Viewer, Any], "Panel | None"]
_BUILDERS: dict[str, PanelBuilder] = {}


def register(key: str, builder: PanelBuilder) -> None:
    _BUILDERS[key] = builder


def panels_for(viewer: Viewer, person: Any) -> list[Panel]:
    """The panels of `person`'s page for `viewer`, in the order they were registered."""
    found = (builder(viewer, person) for builder in _BUILDERS.values())
    return [panel for panel in found if panel is not None]
