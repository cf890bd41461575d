"""Resources' area: its secondary navigation and breadcrumb root (core.navigation)."""

from partnerplan.core.navigation import Area, Link, register

register(
    Area(
        namespace="resources",
        label="Resources",
        index="resources:pool-list",
        links=(
            Link("Pool", "resources:pool-list", also=("resources:member-detail",)),
            Link("Demand", "resources:demand-list", also=("resources:project-demand",)),
            Link("Capacity against demand", "resources:capacity"),
            Link("Planner runs", "resources:run-list", also=("resources:run-detail",)),
            Link("Scenarios", "resources:scenario-list"),
        ),
    )
)
