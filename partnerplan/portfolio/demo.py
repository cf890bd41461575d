"""The work plan of the seed report (Staffordshire Connects Joint Committee, 17 December 2010).

Facts come from the report; section numbers are cited. The projects are the work plan
projects named in sections 4.1 to 4.6, Appendix A and its notes, and 5.5; the dispositions are
the ones the report proposes (recorded as proposals to the Joint Committee, not decisions). The
eight workstreams of the Leaders and Chief Executives Group come from Appendices A and B, and the
links between projects and workstreams from Appendix A (and 4.2 and 4.5 where the report links a
project to Workstream 8 or 7), so that the overlap table reads like Appendix A.

Inferred, and said so in each record: the stage of each project (the report calls Adult Social
Care and Health and Life Events "active"; the other existing work plan projects are recorded as
approved into the pipeline, and the web platform of 5.5 as proposed). DEMO DATA: the demo
project manager is the project manager of Life Events.

Dates. The proposals are dated when the report that makes them was published with the agenda
(9 December 2010, governance demo); with a demonstration clock (core.clock) the work plan is
recorded with the clock on that day, so nothing is dated after the demonstration's as-at date.
Planned starts and ends (PLANNED) follow the seed where it gives them (Appendix B: Workstream 2's
project manager for 6 months from November 2010; Customer Access business cases within 3 months
from November; Support Services implemented by 1 April 2012; the active projects under way) and
are DEMO DATA otherwise. DEMO DATA: the highlight reports of the two active projects (HIGHLIGHTS):
Life Events reported for November and is next due at the end of December; Adult Social Care and
Health last reported for October, so its report is overdue on 13 December 2010.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from partnerplan.core.demo import PAPERS_PUBLISHED
from partnerplan.core.models import Visibility
from partnerplan.core.services import demo_clock_recording
from partnerplan.core.types import Actor
from partnerplan.governance.models import Body
from partnerplan.partners.models import Partner, Person
from partnerplan.portfolio import demo_practice, services
from partnerplan.portfolio.models import (
    Confidence,
    HighlightReport,
    LinkKind,
    Programme,
    ProgrammeLink,
    Project,
    ReviewOutcomeKind,
    ServiceArea,
    Stage,
    Workstream,
)

REPORT = "Report to the Joint Committee, 17 December 2010"
PLAN = "Staffordshire Connects Work Plan"
ONE_PLACE = "Staffordshire One Place: Leaders and Chief Executives Group Workstreams"

# (number, name, lead people, lead partners, leads as described, description)
WORKSTREAMS: list[tuple[int, str, list[str], list[str], str, str]] = [
    (1, "Youth/sport/leisure/public health", ["Nick Bell", "Ian Thompson"], [],
     "Nick Bell (SCC), Ian Thompson (SBC)",
     "Led by Chief Leisure Officers/SASSOT/County Council (Working Group). A Staffordshire and "
     "Stoke on Trent offer for young people aged 5-19 (21 for the disabled): sport and culture, "
     "delivered with schools at the centre. Local Delivery Plans January to March 2011, launch "
     "April 2011 (Appendix B)."),
    (2, "Integrated services for customers: Development Control, Environmental Health, Trading "
     "Standards, Building Control, Revenues and Benefits",
     ["Steve Winterflood", "Nina Dawes", "Michael Heenan"], ["LDC", "SSDC"],
     "Steve Winterflood, Nina Dawes, Cllr Michael Heenan (SBC)",
     "Led by Districts and County, with Lichfield DC and South Staffordshire DC as lead "
     "stakeholders (3.3, 4.3). Explores shared and collaborative working across Districts and "
     "with the County; Staffordshire Connects involved throughout; a project manager for the "
     "first 6 months, 3 days per week; overall 3-4 years (Appendix B). Its initial project is "
     "Staffordshire One Place, with a £275k RIEP bid (Appendix A)."),
    (3, "Customer Access: Internet, Telephony, Contact Hubs",
     ["Nick Bell", "Andrew Street", "Brian Edwards"], [],
     "Nick Bell (SCC), Andrew Street (SCP), Cllr Brian Edwards (SSDC)",
     "Led by County and Districts, individually and through Staffordshire Connects: telephony "
     "(including mobile devices), contact hubs, internet, correspondence. Business cases "
     "achievable within 3 months from November, depending on project management resources "
     "(Appendix B). Staffordshire Connects supports it (3.2)."),
    (4, "Integrated Management", [], ["SCC"],
     "Initially County and one or more Districts as a pilot",
     "Legal, financial, procurement: pilots, then wider collaborative working; a pilot could be "
     "in place April 2011 (Appendix B)."),
    (5, "Asset Management", [], ["SCC"],
     "Staffordshire County Council; Facilities Management project sponsor Andy O'Brien (ESBC)",
     "The Staffordshire Asset Mapping project and Efficiencies from Facilities Management, both "
     "with RIEP bids (Appendix B, 3.3)."),
    (6, "Waste Disposal/Collection", [], [], "Not given in the report",
     "Appendix B gives no details (n/a)."),
    (7, "Streetscene", [], [], "County, City (?) and District Councils",
     "A single grounds maintenance service for all local authority-owned sites in each district; "
     "business case 3-6 months (Appendix B)."),
    (8, "Support Services", [], ["CCDC"], "All Districts and County; Cannock Chase leads (4.2)",
     "Could be built on work already done by Stafford Borough and Cannock Chase. Project Board "
     "and Project Manager from RIEP monies by end of 2010; full implementation by 1 April 2012 "
     "(Appendix B)."),
]  # fmt: skip

# One project of the work plan.
#   title, summary, lead partners, leads as described, stage code, service areas,
#   (outcome, keeper abbreviation or "", section, note), [(workstream number, kind, comment)]
PROJECTS: list[dict[str, Any]] = [
    {
        "title": "Shared Services and Systems",
        "summary": "Best practice: research partner experience and disseminate on legal advice, "
        "Service Level Agreements, Business Improvement methodology, working with other "
        "partners and experience of using external agents. Identification of progress and "
        "opportunities on shared services/systems: quarterly updating of partner progress on "
        "shared services; facilitate shared approaches to updating/use of ICT systems including "
        "training and support; enable discussions between partners aspiring to collaborate on "
        "specific activities (Appendix A).",
        "leads": ["SBC"],
        "lead_note": "Lead: SBC",
        "stage": "approved",
        "areas": [],
        "review": (
            ReviewOutcomeKind.RETAINED,
            "",
            "4.2",
            "Retain the existing Shared Services work areas but also link to Workstream 8 "
            "for Support Services.",
        ),
        "links": [
            (
                2,
                LinkKind.SUPPORTS,
                "£275k RIEP bid by Chief Executives titled Staffordshire One Place.\n"
                "Use of Connects Reserves for a Project Manager sanctioned by Joint Committee. Not "
                "yet utilised.\n"
                "Involvement of Lichfield DC and South Staffordshire DC needs more explicit "
                "recognition within Staffordshire Connects Work Plan",
            ),
            (
                8,
                LinkKind.SUPPORTS,
                "Report, 4.2: link to Workstream 8 for Support Services (legal, financial, "
                "procurement); discussions required with the Workstream lead (Cannock).",
            ),
        ],
    },
    {
        "title": "Public Protection",
        "summary": "New ways of working with regard joint access to partnership CRM system to "
        "facilitate 2-tier working (Trading Standards/Environmental Health) (Appendix A).",
        "leads": ["LDC", "ESBC", "SCC"],
        "lead_note": "Lead: LDC, ESBC and SCC",
        "stage": "approved",
        "areas": ["Trading Standards", "Environmental Health"],
        "review": (
            ReviewOutcomeKind.RETAINED,
            "",
            "4.2",
            "Retained because of its direct link to Workstream 8; connected with the "
            "Staffordshire One Place project (4.3).",
        ),
        "links": [
            (
                2,
                LinkKind.CONTRIBUTES_TO,
                "Public Protection Project recognised by Chief Executives as contributing to "
                "Workstream 2",
            ),
            (8, LinkKind.SUPPORTS, "Report, 4.2: direct link to Workstream 8."),
        ],
    },
    {
        "title": "Customer Knowledge",
        "summary": "Bringing together the many sources of customer insight and information to "
        "influence targets, service design and delivery and achieve enhanced community "
        "outcomes: customer profiling (e.g. Mosaic, Acorn); customer engagement; partnership "
        "sharing; customer feedback; customer records; GIS; equalities; digital inclusion "
        "(Appendix A).",
        "leads": ["SOTCC", "TBC", "SCC", "NBC"],
        "lead_note": "SOTCC (insight), TBC (overall project), SCC and NBC",
        "stage": "approved",
        "areas": ["Customer services"],
        "review": (
            ReviewOutcomeKind.RETAINED,
            "",
            "4.1",
            "Highly relevant to the Customer Access Workstream.",
        ),
        "links": [
            (
                3,
                LinkKind.SUPPORTS,
                "SCP project activity relatively narrowly defined in its present state: Customer "
                "Insight, Awareness raising, procurement of Customer Insight data and tools.\n"
                "More project activity to emerge but will require funding. Some Connects reserves "
                "committed already but scale of overall funding required will exceed Connects "
                "reserves.\n"
                "Tamworth currently Chair Project Board but other Partners need to take more "
                "active leadership role. Tamworth's position complicated by their notice of "
                "resignation.",
            ),
        ],
    },
    {
        "title": "Best Practice on Customer Services",
        "summary": "Connects Customer First Group working on best practice relating to a range "
        "of issues, including customer access (customer satisfaction data collection) and "
        "customer services training (Appendix A).",
        "leads": ["SMDC"],
        "lead_note": "Lead: SMDC",
        "stage": "approved",
        "areas": ["Customer services"],
        "review": None,
        "links": [
            (
                3,
                LinkKind.SUPPORTS,
                "Technical Manager to review this work area and membership of CCFG",
            ),
        ],
    },
    {
        "title": "CRM Development Vision",
        "summary": "The CRM Team elements (4.1). Review needed of current arrangements and "
        "protocols for support and development of the CRM, learning from the experience of the "
        "recent upgrade. Strategic direction needed for development of CRM looking at supplier "
        "development path, benchmarking with others, outcomes expected from system, future "
        "risks (Appendix A).",
        "leads": [],
        "lead_note": "Lead: To be identified",
        "stage": "approved",
        "areas": ["Customer services"],
        "review": (
            ReviewOutcomeKind.RETAINED,
            "",
            "4.1",
            "CRM Team elements, the subject of a separate report.",
        ),
        "links": [
            (
                3,
                LinkKind.SUPPORTS,
                "Resourced internally and funded by partners.\n"
                "Technical Manager to advise on implications of CRM replacement when a course of "
                "action approved by partners. (Paper to December Joint Committee)",
            ),
        ],
    },
    {
        "title": "Telephony",
        "summary": "Examine the potential for joint working relating to a replacement for the "
        "MacFarlane telephony system (Appendix A).",
        "leads": [],
        "lead_note": "No lead",
        "stage": "approved",
        "areas": ["Customer services"],
        "review": (
            ReviewOutcomeKind.RETAINED,
            "",
            "4.1",
            "Highly relevant to the Customer Access Workstream.",
        ),
        "links": [
            (
                3,
                LinkKind.SUPPORTS,
                "No designated lead but in effect lead is SCC and procurement underway. Great "
                "potential to enhance Customer Access with new system",
            ),
        ],
    },
    {
        "title": "Mobile Working",
        "summary": "Retained as highly relevant to the Customer Access Workstream (4.1). The "
        "report gives no further details.",
        "leads": [],
        "lead_note": "",
        "stage": "approved",
        "areas": [],
        "review": (
            ReviewOutcomeKind.RETAINED,
            "",
            "4.1",
            "Highly relevant to the Customer Access Workstream.",
        ),
        "links": [],
    },
    {
        "title": "Adult Social Care and Health",
        "summary": "Relates directly to planned changes to mainstream council services "
        "(Staffordshire Cares) (4.4). Active project; £100k RIEP funding secured; SCC supply "
        "the Project Executive and project manager: the latter needs to get more actively "
        "involved in the Project Board now funding is secured (Appendix A, notes).",
        "leads": ["ESBC", "SCC"],
        "lead_note": "",
        "stage": "active",
        "areas": ["Adult social care"],
        "review": (ReviewOutcomeKind.RETAINED, "", "4.4", "Active project to be retained."),
        "links": [],
    },
    {
        "title": "Life Events",
        "summary": "Widely supported by partners due to service improvements brought for the "
        "customer (4.4). Active project; £35k RIEP funding bid; SSDC supply the Project "
        "Executive and project manager, to be resourced from reserves (£36,400) (Appendix A, "
        "notes).",
        "leads": ["SSDC"],
        "lead_note": "",
        "stage": "active",
        "areas": ["Customer services"],
        "review": (ReviewOutcomeKind.RETAINED, "", "4.4", "Active project to be retained."),
        "links": [],
        "demo_pm": True,
    },
    {
        "title": "e-payments",
        "summary": "Relates directly to planned changes to mainstream council services (a new "
        "e payments system) (4.4).",
        "leads": [],
        "lead_note": "",
        "stage": "approved",
        "areas": [],
        "review": (ReviewOutcomeKind.RETAINED, "", "4.4", "Recommended to continue."),
        "links": [],
    },
    {
        "title": "Streetscene",
        "summary": "Now a separate Workstream of the Leaders and Chief Executives Group; an "
        "independent Connects role would conflict with that. Connects can assist if required "
        "(4.5, 5.3).",
        "leads": [],
        "lead_note": "",
        "stage": "approved",
        "areas": ["Grounds maintenance"],
        "review": (
            ReviewOutcomeKind.PROPOSED_DISCONTINUATION,
            "",
            "4.5",
            "Considered for discontinuation: taken up by the Leaders and Chief Executives.",
        ),
        "links": [
            (
                7,
                LinkKind.OVERLAPS,
                "Report, 4.5: now a separate Workstream of the Leaders and Chief Executives Group; "
                "an independent Connects role would conflict with it. Connects can assist if "
                "required.",
            ),
        ],
    },
    {
        "title": "Better Regulation",
        "summary": "Delayed for various extraneous reasons and not translated into a 'live' "
        "project (4.6). Decision whether to retain awaits update from Lichfield DC (Appendix A, "
        "notes).",
        "leads": ["SCC", "LDC"],
        "lead_note": "",
        "stage": "approved",
        "areas": [],
        "review": (
            ReviewOutcomeKind.WATCHING_BRIEF,
            "LDC",
            "4.6",
            "Retain pending partner feedback: a continuing watching brief by designated "
            "lead Partners before any new recommendation to the Committee.",
        ),
        "links": [],
    },
    {
        "title": "Business Matters",
        "summary": "Delayed for various extraneous reasons and not translated into a 'live' "
        "project (4.6). Suggest retain and await more from Government on the new Business Link "
        "model when RDAs are abolished (Appendix A, notes).",
        "leads": ["LDC"],
        "lead_note": "",
        "stage": "approved",
        "areas": [],
        "review": (
            ReviewOutcomeKind.WATCHING_BRIEF,
            "LDC",
            "4.6",
            "Retain pending partner feedback: a continuing watching brief by designated "
            "lead Partners before any new recommendation to the Committee.",
        ),
        "links": [],
    },
    {
        "title": "Multi-partner information and communications web platform",
        "summary": "A multi-partner information and communications web platform beyond an "
        "off-the-shelf product such as Microsoft Project, to be added to the Work Plan if Chief "
        "Executives agree to progress it (5.5, 2.6, 3.4-3.6).",
        "leads": ["SCP"],
        "lead_note": "",
        "stage": "proposed",
        "areas": [],
        "review": None,
        "links": [],
    },
]

# title: (planned start, planned end, actual start or None). See the module's docstring.
PLANNED: dict[str, tuple[dt.date, dt.date, dt.date | None]] = {
    # Active projects (4.4): DEMO DATA, 12 months from October 2010, as in the resources demo.
    "Adult Social Care and Health": (dt.date(2010, 10, 1), dt.date(2011, 9, 30),
                                     dt.date(2010, 10, 1)),
    "Life Events": (dt.date(2010, 10, 1), dt.date(2011, 9, 30), dt.date(2010, 10, 1)),
    # Appendix B, area 2: a project manager for the first 6 months from November 2010.
    "Shared Services and Systems": (dt.date(2010, 11, 1), dt.date(2011, 4, 30), None),
    # Appendix B, area 3: business cases within 3 months from November 2010.
    "Customer Knowledge": (dt.date(2010, 11, 1), dt.date(2011, 1, 31), None),
    "Telephony": (dt.date(2010, 11, 1), dt.date(2011, 6, 30), None),
    "Best Practice on Customer Services": (dt.date(2011, 1, 1), dt.date(2011, 6, 30), None),
    "CRM Development Vision": (dt.date(2011, 1, 1), dt.date(2011, 9, 30), None),
    "Mobile Working": (dt.date(2011, 4, 1), dt.date(2011, 12, 31), None),
    # Appendix B, area 8 (Support Services, to which 4.2 links it): implemented by 1 April 2012.
    "Public Protection": (dt.date(2011, 1, 1), dt.date(2012, 3, 31), None),
    "e-payments": (dt.date(2011, 4, 1), dt.date(2012, 3, 31), None),
    # Appendix B, area 7: a business case in 3 to 6 months.
    "Streetscene": (dt.date(2011, 1, 1), dt.date(2011, 6, 30), None),
    "Better Regulation": (dt.date(2011, 4, 1), dt.date(2012, 3, 31), None),
    "Business Matters": (dt.date(2011, 4, 1), dt.date(2012, 3, 31), None),
    "Multi-partner information and communications web platform": (
        dt.date(2011, 4, 1), dt.date(2012, 3, 31), None),
}  # fmt: skip

# DEMO DATA: highlight reports of the active projects (project, period, confidence, texts).
HIGHLIGHTS: list[dict[str, Any]] = [
    {
        "project": "Adult Social Care and Health",
        "period_start": dt.date(2010, 10, 1),
        "period_end": dt.date(2010, 10, 31),
        "confidence": Confidence.AMBER,
        "progress": "£100k RIEP funding secured (Appendix A notes). DEMO DATA: the rest.",
        "next_period": "Project Board to agree the plan for Staffordshire Cares.",
        "risks_and_issues": "The project manager needs to get more actively involved in the "
        "Project Board now funding is secured (Appendix A notes).",
        "commentary": "Funding is secured but the project manager's time on the Project Board "
        "is not yet agreed.",
        "action": "SCC to confirm the project manager's time for the Project Board.",
    },
    {
        "project": "Life Events",
        "period_start": dt.date(2010, 11, 1),
        "period_end": dt.date(2010, 11, 30),
        "confidence": Confidence.AMBER_GREEN,
        "progress": "£35k RIEP funding bid submitted (Appendix A notes). DEMO DATA: the rest.",
        "next_period": "Project manager to be resourced from reserves (£36,400) once the call "
        "is paid.",
        "risks_and_issues": "The RIEP bid is not yet decided.",
    },
]

STAGE_NOTE = (
    "Stage recorded as at the report of 17 December 2010; the report does not give the "
    "decisions that brought it there."
)


def _programme(
    actor: Actor, name: str, short: str, owner: Body, plan: bool, text: str
) -> Programme:
    existing = Programme.objects.filter(name=name).first()
    if existing is not None:
        return existing
    return services.programme_create(
        actor=actor,
        name=name,
        short_name=short,
        owner_body=owner,
        is_partnership_plan=plan,
        description=text,
        visibility=Visibility.PUBLIC,
    )


def _workstreams(
    actor: Actor, programme: Programme, people: dict[str, Person], partners: dict[str, Partner]
) -> dict[int, Workstream]:
    by_last = {p.last_name: p for p in people.values()}
    found: dict[int, Workstream] = {}
    for number, name, leads, lead_partners, note, description in WORKSTREAMS:
        ws = Workstream.objects.filter(programme=programme, number=number).first()
        if ws is None:
            ws = services.workstream_create(
                actor=actor,
                programme=programme,
                number=number,
                name=name,
                description=description,
                lead_note=note,
                leads=[by_last[n.split()[-1]] for n in leads],
                lead_partners=[partners[a] for a in lead_partners],
            )
        found[number] = ws
    return found


def _area(name: str) -> ServiceArea:
    return ServiceArea.objects.get_or_create(name=name)[0]


def load(context: dict[str, Any], *, actor: Actor = None) -> None:
    """Create what is missing; running it twice changes nothing. Puts `programmes` and
    `projects` (by title) into `context`. Recorded as on the day the report was published."""
    with demo_clock_recording(on=PAPERS_PUBLISHED):
        _load(context, actor)


def _dates(project: Project, actor: Actor) -> None:
    """The planned dates of PLANNED, on a project that has none yet."""
    planned = PLANNED.get(project.title)
    if planned is None or project.planned_start is not None:
        return
    start, end, actual = planned
    services.project_update(
        actor=actor, project=project, planned_start=start, planned_end=end, actual_start=actual
    )


def _highlights(projects: dict[str, Project], actor: Actor) -> None:
    for spec in HIGHLIGHTS:
        project = projects.get(spec["project"])
        if project is None or HighlightReport.objects.filter(project=project).exists():
            continue
        data = {k: v for k, v in spec.items() if k != "project"}
        services.highlight_report_create(
            actor=actor, project=project, author=project.project_manager, **data
        )


# DEMO DATA where the seed is silent: baselines and tolerances of the active projects
# (title, start, end, revenue cost, products, time days, cost tolerance). The costs of Adult
# Social Care and Health (£100k RIEP funding) and Life Events (£35k bid and £36,400 from
# reserves) are the seed's; the rest is invented and marked so.
CONTROLS: list[tuple[str, dt.date, dt.date, Decimal, str, int, Decimal]] = [
    ("Adult Social Care and Health", dt.date(2010, 10, 1), dt.date(2011, 3, 31),
     Decimal("100000"), "Staffordshire Cares plan\nCare pathway pilot\nEvaluation", 30,
     Decimal("5000")),
    ("Life Events", dt.date(2010, 11, 1), dt.date(2011, 10, 31), Decimal("71400"),
     "Life events analysis\nCustomer journey redesign\nImplementation", 30, Decimal("3500")),
    ("Customer Knowledge", dt.date(2011, 1, 1), dt.date(2011, 12, 31), Decimal("40000"),
     "Insight framework\nShared customer data", 60, Decimal("4000")),
    ("Telephony", dt.date(2011, 1, 1), dt.date(2012, 3, 31), Decimal("60000"),
     "Options appraisal\nShared telephony platform", 60, Decimal("6000")),
    ("Public Protection", dt.date(2011, 1, 1), dt.date(2011, 12, 31), Decimal("30000"),
     "Shared service design", 60, Decimal("3000")),
]  # fmt: skip


def _controls(projects: dict[str, Project], board: Body, actor: Actor) -> None:
    """Baselines and tolerances (set by the Joint Committee, the sponsoring body), and Adult
    Social Care and Health in exception: its November highlight report forecasts the end three
    months late, and its Exception Report waits for the Committee. DEMO DATA."""
    from partnerplan.core import clock
    from partnerplan.portfolio.models import Baseline
    from partnerplan.portfolio.services import control, exceptions

    note = "DEMO DATA: the seed gives no baseline or tolerances"
    for title, start, end, cost, scope, days, over in CONTROLS:
        project = projects.get(title)
        if project is None or Baseline.objects.filter(project=project).exists():
            continue
        baseline = control.baseline_set(
            actor=actor, project=project, starts_on=start, ends_on=end, revenue_cost=cost,
            scope=scope, demo_note=note,
        )  # fmt: skip
        control.tolerance_set(
            actor=actor, baseline=baseline, time_days=days, cost_amount=over, scope_products=0,
            set_by=board, reference=note, set_on=min(start, clock.today()),
        )  # fmt: skip
    asc = projects.get("Adult Social Care and Health")
    if asc is None or asc.exceptions.exists() or asc.highlight_reports.count() != 1:
        return
    services.highlight_report_create(
        actor=actor, project=asc, author=asc.project_manager, period_start=dt.date(2010, 11, 1),
        period_end=dt.date(2010, 11, 30), confidence=Confidence.AMBER_RED,
        progress="DEMO DATA: the care pathway pilot site is not yet agreed.",
        commentary="DEMO DATA: without a pilot site the pilot cannot start in January.",
        action="DEMO DATA: SCC to propose two pilot sites to the Project Board.",
        tolerance_forecast_exceeded=True, forecast_end=dt.date(2011, 6, 30),
    )  # fmt: skip
    exceptions.exception_report_raise(
        actor=actor, project=asc, author=asc.project_manager,
        cause="DEMO DATA: the pilot site is not agreed, so the pilot starts in April.",
        consequences="DEMO DATA: the project ends on 30 June 2011, 91 days late (tolerance 30).",
        options="DEMO DATA: extend to June; or drop the pilot and evaluate desk research only.",
        recommendation="DEMO DATA: approve an exception plan ending 30 June 2011.",
    )  # fmt: skip


def _load(context: dict[str, Any], actor: Actor) -> None:
    partners: dict[str, Partner] = context["partners"]
    people: dict[str, Person] = context["people"]
    bodies: dict[str, Body] = context["bodies"]
    plan = _programme(
        actor, PLAN, "Connects Work Plan", bodies["JC"], True,
        "The partnership's work plan, reviewed in the report of 17 December 2010 to align with "
        "the Workstreams of the Leaders and Chief Executives Group.",
    )  # fmt: skip
    one_place = _programme(
        actor, ONE_PLACE, "One Place workstreams", bodies["LCEG"], False,
        "The eight Workstreams with named Chief Executive leads identified by the Staffordshire "
        "Leaders and Chief Executives Group, reviewed on 21 October and 10 November 2010 "
        "(report, 1.2, 3.1; Appendices A and B).",
    )  # fmt: skip
    workstreams = _workstreams(actor, one_place, people, partners)
    stages = {s.code: s for s in Stage.objects.filter(programme=plan)}
    projects: dict[str, Project] = {}
    for spec in PROJECTS:
        project = Project.objects.filter(programme=plan, title=spec["title"]).first()
        if project is None:
            note = "" if spec["stage"] == "proposed" else f" {STAGE_NOTE}"
            project = services.project_create(
                actor=actor,
                programme=plan,
                stage=stages[spec["stage"]],
                title=spec["title"],
                summary=spec["summary"] + note,
                lead_note=spec["lead_note"],
                lead_partners=[partners[a] for a in spec["leads"]],
                service_areas=[_area(a) for a in spec["areas"]],
                sponsoring_body=bodies["JC"],
                project_manager=people.get("pm") if spec.get("demo_pm") else None,
                visibility=Visibility.PUBLIC,
            )
            if spec["review"]:
                outcome, keeper, section, text = spec["review"]
                services.project_record_review(
                    actor=actor,
                    project=project,
                    outcome=outcome,
                    is_proposal=True,
                    keeper=partners[keeper] if keeper else None,
                    deciding_body=bodies["JC"],
                    reference=f"{REPORT}, {section} (proposed; recommendation 2.1)",
                    dated=PAPERS_PUBLISHED,
                    note=text,
                )
        for number, kind, comment in spec["links"]:
            if not ProgrammeLink.objects.filter(
                project=project, workstream=workstreams[number]
            ).exists():
                services.link_create(
                    actor=actor,
                    project=project,
                    workstream=workstreams[number],
                    kind=kind,
                    note=comment,
                )
        _dates(project, actor)
        projects[spec["title"]] = project
    _highlights(projects, actor)
    _controls(projects, bodies["JC"], actor)
    demo_practice.load(projects, people, actor)
    context["programmes"] = {"plan": plan, "one_place": one_place}
    context["projects"] = projects
