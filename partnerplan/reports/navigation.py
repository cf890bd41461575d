"""Reports' area: its breadcrumb root and secondary navigation (core.navigation)."""

from partnerplan.core.navigation import Area, Link, register

register(
    Area(
        namespace="reports",
        label="Reports",
        index="reports:report-list",
        links=(
            Link("Reports", "reports:report-list", also=("reports:report-detail",)),
            Link("Report template", "reports:house-style", rule="reports.change_house_style"),
        ),
    )
)
