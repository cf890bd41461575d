"""Governance's area: its secondary navigation and breadcrumb root (core.navigation)."""

from partnerplan.core.navigation import Area, Link, register

register(
    Area(
        namespace="governance",
        label="Governance",
        index="governance:body-list",
        links=(
            Link("Bodies", "governance:body-list", also=("governance:body-detail",)),
            Link("Structure", "governance:structure"),
            Link("Decisions", "governance:decision-register"),
            Link("Delegated decisions", "governance:officer-decision-register"),
            Link("Decisions before partnerplan", "governance:prior-decision-register"),
            Link("Forward plan", "governance:forward-plan"),
            Link(
                "Twin-track matters", "governance:matter-list", also=("governance:matter-detail",)
            ),
            Link("My actions", "governance:my-actions", signed_in=True),
            Link("My calendar", "governance:my-calendar", signed_in=True),
        ),
    )
)
