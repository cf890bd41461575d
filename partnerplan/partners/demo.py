"""The partners and people of the seed report (Staffordshire Connects, 17 December 2010).

Only facts from the report, except what is marked DEMO: the sign-in accounts and the people
behind them are invented so that each role can be tried.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from partnerplan.core.models import Visibility
from partnerplan.partners import services
from partnerplan.partners.models import Partner, PartnerKind, Person, Role

SEED = "Report to the Staffordshire Connects Joint Committee, 17 December 2010"

# (abbreviation, full name, kind, note)
PARTNERS = [
    ("SCC", "Staffordshire County Council", PartnerKind.COUNTY, ""),
    ("SOTCC", "Stoke-on-Trent City Council", PartnerKind.CITY, ""),
    ("CCDC", "Cannock Chase District Council", PartnerKind.DISTRICT,
     "The report names Cannock Chase (Workstream 8 lead) without an abbreviation; CCDC is ours."),
    ("ESBC", "East Staffordshire Borough Council", PartnerKind.DISTRICT, ""),
    ("LDC", "Lichfield District Council", PartnerKind.DISTRICT, ""),
    ("NBC", "Newcastle-under-Lyme Borough Council", PartnerKind.DISTRICT, ""),
    ("SSDC", "South Staffordshire District Council", PartnerKind.DISTRICT, ""),
    ("SBC", "Stafford Borough Council", PartnerKind.DISTRICT, ""),
    ("SMDC", "Staffordshire Moorlands District Council", PartnerKind.DISTRICT, ""),
    ("TBC", "Tamworth Borough Council", PartnerKind.DISTRICT, ""),
    ("SCP", "Staffordshire Connects Partnership", PartnerKind.OFFICE,
     "The partnership office, led by the Partnership Director."),
]  # fmt: skip

# DEMO DATA: the report (published on 9 December 2010, core.demo) already mentions the notice.
TAMWORTH_NOTICE = dt.date(2010, 12, 9)

# (honorific, first, last, job title, partner abbreviation or None, role codes, notes)
PEOPLE = [
    ("", "Andrew Street", "", "Partnership Director", "SCP", ["director"],
     "Author of the report; Customer Access workstream lead (Appendix A)."),
    ("", "Nick Bell", "", "Chief Executive lead, Workstreams 1 and 3", "SCC",
     ["chief_executive"],
     "Named in Appendix A as lead for Youth/sport/leisure and Customer Access."),
    ("", "Ian Thompson", "", "Chief Executive lead, Workstream 1", "SBC", ["chief_executive"],
     "Named in Appendix A as lead for Youth/sport/leisure/public health."),
    ("", "Steve Winterflood", "", "Chief Executive lead, Workstream 2", None,
     ["chief_executive"],
     "Named in Appendix A as a lead for Integrated services for customers, whose lead "
     "stakeholders are Lichfield DC and South Staffordshire DC; the report does not say which "
     "council he serves."),
    ("", "Nina Dawes", "", "Chief Executive lead, Workstream 2", None, ["chief_executive"],
     "Named in Appendix A as a lead for Integrated services for customers, whose lead "
     "stakeholders are Lichfield DC and South Staffordshire DC; the report does not say which "
     "council she serves."),
    ("Cllr", "Michael Heenan", "", "Councillor, Workstream 2 leader", "SBC", ["councillor"],
     "Named in Appendix A among the leads for Integrated services for customers."),
    ("Cllr", "Brian Edwards", "", "Councillor, Workstream 3 leader", "SSDC", ["councillor"],
     "Named in Appendix A among the leads for Customer Access."),
    ("", "Andy O'Brien", "", "Project sponsor, Efficiencies from Facilities Management", "ESBC",
     ["officer"], "Named in Appendix B (Asset Management)."),
]  # fmt: skip

# DEMO: invented people behind the demo sign-in accounts.
DEMO_PEOPLE = [
    ("member", "Cllr", "Demo", "Member", "Joint Committee member (demo)", "SBC", ["councillor"]),
    ("pm", "", "Demo", "Project Manager", "Pooled project manager (demo)", "SSDC",
     ["project_manager", "officer"]),
    ("officer", "", "Demo", "Officer", "Policy officer (demo)", "LDC", ["officer"]),
]  # fmt: skip


def _split(name: str) -> tuple[str, str]:
    first, _, last = name.rpartition(" ")
    return first, last


def load(context: dict[str, Any], *, actor: object = None) -> None:
    """Create what is missing; running it twice changes nothing.

    Puts `partners` (by abbreviation) and `people` (by full name, or demo key) into `context`.
    """
    partners: dict[str, Partner] = {}
    for abbr, name, kind, note in PARTNERS:
        existing = Partner.objects.filter(abbreviation__iexact=abbr).first()
        if existing is None:
            existing = services.partner_create(
                actor=actor,
                name=name,
                abbreviation=abbr,
                kind=kind,
                notes=note,
                visibility=Visibility.PUBLIC,
            )
        partners[abbr] = existing
    tamworth = partners["TBC"]
    if tamworth.notice_given_on is None:
        services.partner_update(
            actor=actor,
            partner=tamworth,
            notice_given_on=TAMWORTH_NOTICE,
            notes="Notice of resignation given (Appendix A: 'Tamworth's position complicated by "
            "their notice of resignation'). The report does not give the date: it is recorded "
            "as the date the report was published.",
        )

    roles = {r.code: r for r in Role.objects.all()}
    people: dict[str, Person] = {}
    for honorific, full, _blank, title, home_abbr, role_codes, notes in PEOPLE:
        first, last = _split(full)
        person = Person.objects.filter(first_name=first, last_name=last).first()
        if person is None:
            person = services.person_create(
                actor=actor,
                partner=partners[home_abbr] if home_abbr else None,
                honorific=honorific,
                first_name=first,
                last_name=last,
                job_title=title,
                roles=[roles[c] for c in role_codes],
                notes=f"{notes} Source: {SEED}.",
                visibility=Visibility.PUBLIC,
            )
        people[full] = person
    for key, honorific, first, last, title, abbr, role_codes in DEMO_PEOPLE:
        person = Person.objects.filter(first_name=first, last_name=last, is_demo=True).first()
        if person is None:
            person = services.person_create(
                actor=actor,
                partner=partners[abbr],
                honorific=honorific,
                first_name=first,
                last_name=last,
                job_title=title,
                roles=[roles[c] for c in role_codes],
                email=f"{key}@demo.invalid",
                notes="DEMO DATA: invented so that this role can be tried. Not in the report.",
                visibility=Visibility.PARTNERSHIP,
                is_demo=True,
            )
        people[key] = person
    context["partners"] = partners
    context["people"] = people
