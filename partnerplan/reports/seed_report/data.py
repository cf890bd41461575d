"""The seed report's appendix data (condensed from the seed) and the reserve's movements (the
dates are illustrative: the seed gives amounts, not dates)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from partnerplan.reports.builders.live import DiagramBox, Movement, OverlapRow, WorkstreamSummary

APPENDIX_A_ROWS = (
    OverlapRow(
        "1",
        "Youth/sport/leisure/public health",
        "Nick Bell (SCC)\nIan Thompson (SBC)",
        "None",
        "N/a",
        "N/a",
    ),
    OverlapRow(
        "2",
        "Integrated services for customers: Development Control, Environmental Health, Trading "
        "Standards, Building Control, Revenues and Benefits",
        "Steve Winterflood, Nina Dawes, Cllr Michael Heenan (SBC)",
        "**Shared Services and Systems**\n**Best practice**: research partner experience and "
        "disseminate on:\n• Legal advice\n• Service Level Agreements\n• Business Improvement "
        "methodology\n• Working with other partners\nExperience of using external agents\n"
        "**Identification of progress and opportunities on shared services/systems**\n"
        "Quarterly updating of partner progress on shared services\nFacilitate shared approaches "
        "to updating/use of ICT systems including training and support\nEnable discussions "
        "between partners aspiring to collaborate on specific activities.",
        "Lead: SBC",
        "£275k RIEP bid by Chief Executives titled Staffordshire One Place.\nUse of Connects "
        "Reserves for a Project Manager sanctioned by Joint Committee. Not yet utilised.\n"
        "***Involvement of Lichfield DC and South Staffordshire DC needs more explicit "
        "recognition within Staffordshire Connects Work Plan***",
    ),
    OverlapRow(
        "2 (continued)",
        "Integrated services for customers",
        "",
        "**Public Protection**\nNew ways of working with regard joint access to partnership CRM "
        "system to facilitate 2-tier working (Trading Standards/Environmental Health).",
        "Lead: LDC, ESBC and SCC",
        "Public Protection Project recognised by Chief Executives as contributing to Workstream 2",
    ),
    OverlapRow(
        "3",
        "Customer Access: Internet, Telephony, Contact Hubs",
        "Nick Bell (SCC), Andrew Street (SCP), Cllr Brian Edwards (SSDC)",
        "**Customer Knowledge**: bringing together the many sources of customer insight and "
        "information to influence targets, service design and delivery and achieve enhanced "
        "community outcomes.\n**Customer profiling** (e.g. Mosaic, Acorn)\n**Customer "
        "Engagement** Consultation both statutory e.g. the Place Survey and specific pieces of "
        "work e.g. LDF's\n**Partnership Sharing** Understanding what data is held by partners "
        "e.g. police and how this can be shared for mutual benefit\n**Customer Feedback** "
        "Complaints, satisfaction with services, surveys undertaken at the point of service "
        "delivery, NI14 data\n**Customer Records** Information held within systems such as the "
        "CRM and e-payments that give customer preferences and history\n**GIS** Linking the data "
        "to our spatial knowledge, being post-code based\n**Equalities** What does our work in "
        "communities tell us about areas of specific need e.g. around disability\n**Digital "
        "Inclusion** Understanding Beacon work and how that may be taken forward.",
        "SOTCC (insight), TBC (overall project), SCC and NBC",
        "SCP project activity relatively narrowly defined in its present state: Customer "
        "Insight, Awareness raising, procurement of Customer Insight data and tools.\nMore "
        "project activity to emerge but will require funding. Some Connects reserves committed "
        "already but scale of overall funding required will exceed Connects reserves.\n"
        "***Tamworth currently Chair Project Board but other Partners need to take more active "
        "leadership role. Tamworth's position complicated by their notice of resignation.***",
    ),
    OverlapRow(
        "3 (continued)",
        "Customer Access",
        "",
        "**Best Practice on Customer Services**\nConnects Customer First Group working on best "
        "practice relating to a range of issues. This will include:\nCustomer Access\n"
        "• Customer Satisfaction (data collection)\nCustomer Services Training.",
        "Lead: SMDC",
        "Technical Manager to review this work area and membership of CCFG",
    ),
    OverlapRow(
        "3 (continued)",
        "Customer Access",
        "",
        "**CRM Development Vision** Review needed of current arrangements and protocols for "
        "support and development of the CRM, learning from the experience of the recent upgrade. "
        "Strategic direction needed for development of CRM looking at supplier development path, "
        "benchmarking with others, outcomes expected from system, future risks.",
        "Lead: To be identified",
        "Resourced internally and funded by partners. Technical Manager to advise on "
        "implications of CRM replacement when a course of action approved by partners. (Paper "
        "to December Joint Committee)",
    ),
    OverlapRow(
        "3 (continued)",
        "Customer Access",
        "",
        "**Telephony** Examine the potential for joint working relating to a replacement for the "
        "MacFarlane telephony system",
        "No lead",
        "No designated lead but in effect lead is SCC and procurement underway. Great potential "
        "to enhance Customer Access with new system",
    ),
)

APPENDIX_A_NOTES: tuple[str, ...] = (
    "**Business Matters (Lead: Lichfield DC):** suggest retain and await more from Govt on new "
    "Business Link model when RDAs abolished.",
    "**Better Regulation (Leads: SCC and Lichfield DC):** suggest decision whether to retain "
    "awaits update from Lichfield DC",
    "**Adult Social Care and Health (Leads: East Staffordshire BC and SCC):** active project to "
    "be retained, £100k RIEP funding secured, SCC supply project executive and project manager: "
    "Latter needs to get more actively involved in Project Board now funding secured.",
    "**Life Events (Lead: South Staffordshire DC):** active project to be retained, £35k RIEP "
    "funding bid, SSDC supply project executive and project manager to be resourced from "
    "reserves (£36,400).",
)

APPENDIX_B = (
    WorkstreamSummary(
        "Projects area 1: Youth/sport/leisure/public health",
        (
            ("Led by", "Chief Leisure Officers/SASSOT/County Council (Working Group)"),
            (
                "Implementation to also involve",
                "Sport Across Staffordshire and Stoke on Trent; SLCOF (Staffordshire Chief "
                "Leisure and Cultural Officers forum); County Council, Education, Culture and "
                "Libraries, Children young people and families",
            ),
            (
                "What is included",
                "a Staffordshire & Stoke on Trent offer for young people aged 5-19 (21 for the "
                "disabled) looking at quality provision based on a range of outcomes, that are "
                "around what children and young people can expect, and are entitled to have "
                "tried, experienced or had an opportunity to participate, watch or visit. Sport "
                "and Culture.",
            ),
            (
                "How delivered",
                "Schools will be at the centre of making the offer happen as the school is the "
                "hub of the community, working together with other schools, feeder to the "
                "secondary schools and specialist sports, college etc. This will also link into "
                "community groups, governing bodies, voluntary sector. Also links to college and "
                "university.",
            ),
            (
                "Timescales",
                "Development of Local Delivery Plans – Jan – March 2011, Launch - April 2011",
            ),
        ),
    ),
    WorkstreamSummary(
        "Projects area 2: Integrated Services for Customers",
        (
            ("Led by", "Districts and County"),
            (
                "Implementation to also involve",
                "The Observatory (early stage), Staffordshire Connects (throughout), project "
                "manager (first 6 months).",
            ),
            (
                "What is included",
                "explore the potential for shared/collaborative working across Districts and "
                "with the County in Development Control, Environmental Health, Trading "
                "Standards, Building Control, Revenue and Benefits.",
            ),
            (
                "How delivered",
                "Collaborative working by councils leading to shared services to be included in "
                "their transformation programmes. There is some collaborative working in place, "
                "but this project has the potential to achieve a step change. Initial "
                "prioritisation through Staffordshire Spectrum criteria.",
            ),
            (
                "Timescales",
                "Drawing up a PID which would include a brief for a project manager to support "
                "the leads end of October [assumed September start?]. 6 months project "
                "management 3 days per week + CIPFA Toolkit. Forming a Programme Board to "
                "direct the work streams - November. Overall, 3-4 Years but will include some "
                "early achievements",
            ),
        ),
    ),
    WorkstreamSummary(
        "Projects area 3: Customer Access",
        (
            (
                "Led by",
                "County and Districts, individually and through Staffordshire Connects.",
            ),
            (
                "Implementation to also involve",
                "increasing involvement of Fire and Rescue, Health, Police. Project management "
                "resource must be identified at early stage.",
            ),
            (
                "What is included",
                "telephony (including mobile devices), contact hubs (define as face-to face), "
                "internet, correspondence.",
            ),
            (
                "How delivered",
                "Collaborative working by councils and other public sector linked to "
                "transformation programmes and other scoping areas such as asset "
                "rationalisation.",
            ),
            (
                "Solutions geared to",
                "Total Place and to shared services between councils, Improved customer access "
                "in a commissioning environment, Scope to review (for longer term) branding of "
                "'bundled' public sector service access, Scheduled replacement of assets "
                "(besides property rationalisation and refurbishment): telephony and call "
                "centre systems, new generation broadband (public sector network), websites, "
                "hardware (options for hosted solutions?) and bespoke software systems "
                "underpinning services, new common CRM system to replace Oracle LG45 (which can "
                "be integrated with existing services' software).",
            ),
            (
                "Timescales",
                "Timescales will depend on the business case and appetite for change in each of "
                "the partners. Major changes in partners' operations could be implied in some "
                "areas. Close links with other workstreams: especially integrated services for "
                "customers, integrated management and asset rationalisation are implied and "
                "must feed into business cases. However, early adoption of some services by "
                "clusters of partners could be identified. Depending on project management "
                "resources, business cases can be achievable within 3 months (from November). "
                "Business cases for early adoption would be available faster.",
            ),
        ),
    ),
    WorkstreamSummary(
        "Projects area 4: Integrated Management",
        (
            (
                "Led by",
                "Initially County and one or more Districts as a pilot and resourced via officer "
                "time.",
            ),
            (
                "Implementation to also involve",
                "Other districts, PCT's, police and fire service as appropriate after appraisal "
                "of pilot process.",
            ),
            ("What is included", "legal, financial, procurement."),
            (
                "How delivered",
                "pilots as above then wider collaborative working. Possible links to asset "
                "rationalisation.",
            ),
            (
                "Timescales",
                "will depend on local circumstances but pilot could in be in place April 2011.",
            ),
        ),
    ),
    WorkstreamSummary(
        "Projects area 5: Asset Management",
        (
            (
                "Led by",
                "Staffordshire County Council (Asset Mapping project), project board named. "
                "Staffordshire County Council (Efficiencies from Facilities Management project) "
                "with wider leadership from Facilities Management Group, Project sponsor: Andy "
                "O'Brien (East Staffs BC).",
            ),
            (
                "Implementation to also involve",
                "Asset mapping: Stoke on Trent City Council, all Districts and other public "
                "sector partners. Facilities Management: Work being commissioned by the "
                "Staffordshire Asset Management Group (Staffordshire County Council plus Stoke "
                "City Council and the eight District Councils) on behalf of the WMPA programme",
            ),
            (
                "What is included",
                "Scoping based on the two above projects, for which there have been RIEP bids: "
                "Staffordshire Asset Mapping Project: mapping of property data in Staffordshire "
                "will help to identify rationalisation, on co-location and collaboration "
                "opportunities. Efficiencies from Facilities Management: a collaborative model "
                "for delivering facilities management to be identified and procured as part of "
                "the project; greater ability to influence exposure of local SMEs to the supply "
                "chain.",
            ),
            (
                "How delivered",
                "Collaborative working using officer time with initial, external funded, "
                "project managers",
            ),
            ("Timescales", "n/a"),
        ),
    ),
    WorkstreamSummary("Projects area 6: Waste Disposal/Collection", (("Summary", "n/a"),)),
    WorkstreamSummary(
        "Projects area 7: Streetscene",
        (
            ("Led by", "County, City (?) and District Councils"),
            (
                "Implementation to also involve",
                "could be expanded to other publicly-owned assets – hospitals, clinics etc",
            ),
            (
                "What is included",
                "examine the opportunities to create a single grounds maintenance service for "
                "all local authority- owned sites in each district, Shared assets/equipment, "
                "Shared management, Operational efficiencies, Joint procurement.",
            ),
            ("Timescales", "Business case 3-6 months."),
            (
                "Implementation",
                "Within 12 months of agreeing outline of new service arrangements. (Based on "
                "integration of waste collection at Tamworth/Lichfield).",
            ),
        ),
    ),
    WorkstreamSummary(
        "Projects area 8: Support Services",
        (
            ("Led by", "All Districts and County."),
            ("Implementation to also involve", "private sector partner? Not initially."),
            (
                "What is included",
                "Could be built on work already done by Stafford Borough and Cannock Chase. "
                "Financial, HR and Legal frameworks already exist for sharing.",
            ),
            (
                "Timescales",
                "Project Board to be agreed and Project Manager to be appointed from RIEP "
                "monies, by end of 2010. Full implementation by 1 April 2012",
            ),
        ),
    ),
)

GOVERNANCE = (
    DiagramBox("jc", "Joint Committee", "elected members: approve, withdraw"),
    DiagramBox("sab", "Strategic Advisory Board", "programme management, monthly", "jc"),
    DiagramBox("officers", "Officer co-ordination group", "below Director level, weekly", "sab"),
    DiagramBox("projects", "Project boards", "pooled project managers", "officers"),
    DiagramBox("lceg", "Leaders and Chief Executives", "eight workstreams", column=1),
    DiagramBox("lead", "Lead council Chief Executive", "workstream lead", "lceg", column=1),
)
GOVERNANCE_LINKS = (("sab", "lead", "twin-track reporting"),)

RESERVE_MOVEMENTS = (
    Movement(dt.date(2010, 9, 24), "Call on reserves sanctioned by the Committee", Decimal(-86700)),
    Movement(dt.date(2010, 12, 17), "Request for CRM purposes", Decimal(-17500), "requested"),
    Movement(
        dt.date(2010, 12, 17), "Contingency call proposed in 2.4", Decimal(-85000), "requested"
    ),
)
RESERVE_OPENING = Decimal(318990)
