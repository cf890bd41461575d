"""Reports' area: its breadcrumb root (core.navigation); one list, so no secondary navigation."""

from partnerplan.core.navigation import Area, register

register(Area(namespace="reports", label="Reports", index="reports:report-list"))
