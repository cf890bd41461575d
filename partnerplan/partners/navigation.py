"""Partners' two areas, partners and people: their breadcrumb roots (core.navigation)."""

from partnerplan.core.navigation import Area, register

register(Area(namespace="partners", label="Partners", index="partners:partner-list"))
register(
    Area(namespace="partners", label="People", index="partners:person-list", prefixes=("person",))
)
