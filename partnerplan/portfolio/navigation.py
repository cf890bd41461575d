"""Portfolio's area: its secondary navigation and breadcrumb root (core.navigation)."""

from partnerplan.core.navigation import Area, Link, register

register(
    Area(
        namespace="portfolio",
        label="Work plan",
        index="portfolio:workplan",
        nav_label="Portfolio views",
        links=(
            Link("Work plan table", "portfolio:workplan", keep_query=True),
            Link("Board by stage", "portfolio:board", keep_query=True),
            Link("Timeline", "portfolio:timeline", keep_query=True),
            Link("Roadmap", "portfolio:roadmap", keep_query=True),
            Link("Overlap between programmes", "portfolio:overlap"),
            Link("Programmes", "portfolio:programme-list", also=("portfolio:programme-detail",)),
            Link(
                "Prioritisation",
                "portfolio:method-list",
                also=("portfolio:method-detail", "portfolio:method-compare"),
            ),
        ),
    )
)
