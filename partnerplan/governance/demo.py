"""The governance of the seed report (Staffordshire Connects Joint Committee, 17 December 2010).

Facts come from the report; section numbers are cited. What the report does not give is marked
DEMO DATA: the time of meetings, the publication date of the December agenda, the date of the
cancelled SAB meeting and of the March 2011 committee, and the Joint Committee's quorum (set to
one so that the demo member can take the decisions). The seven recommendations are left
undecided so that a user can decide them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError

from partnerplan.core.models import Visibility
from partnerplan.core.types import Actor
from partnerplan.governance import services
from partnerplan.governance.models import (
    Action,
    AgendaItem,
    Body,
    BodyKind,
    BodyMembership,
    Cadence,
    Delegation,
    ForwardPlanEntry,
    ItemKind,
    LineStyle,
    Matter,
    Meeting,
    MemberRole,
    Power,
    PowerKind,
    Recommendation,
    ReportingLine,
    TrackOutcome,
)
from partnerplan.partners.models import Person

LONDON = ZoneInfo("Europe/London")
REPORT = "Report to the Joint Committee, 17 December 2010"

# (name, abbreviation, kind, parent, cadence, description)
BODIES = [
    ("Staffordshire Connects Joint Committee", "JC", BodyKind.JOINT_COMMITTEE, None,
     Cadence.QUARTERLY,
     "Elected members. Authorises entry of projects into the pipeline and decides when a "
     "project should be withdrawn or fundamentally redesigned (report, 4.13). Its next "
     "scheduled meeting after December 2010 is in March 2011 (4.17). DEMO DATA: the report "
     "does not give its quorum; it is set to one so that the demo member can decide."),
    ("Strategic Advisory Board", "SAB", BodyKind.BOARD, "JC", Cadence.MONTHLY,
     "Senior officers. Proposed to take on overall transformation programme management and some "
     "project board involvement, meeting monthly (report, 4.10). Its members act as Project "
     "Executives (4.7)."),
    ("Officer coordination group", "OCG", BodyKind.OFFICER_GROUP, "SAB", Cadence.WEEKLY,
     "Officers below Director level in partners, overseeing and coordinating county-wide "
     "transformation projects perhaps weekly (report, 4.11). Proposed."),
    ("Partnership Director", "DIR", BodyKind.OFFICE_HOLDER, "JC", Cadence.AD_HOC,
     "The Partnership Director: author of the report; proposed holder of the delegated "
     "contingency (report, 2.4)."),
    ("Project Executives", "PE", BodyKind.OFFICE_HOLDER, "SAB", Cadence.AD_HOC,
     "SAB members with Connects project responsibilities. They report to the Committee and seek "
     "approvals for their projects; in areas of overlap they also report to the Chief Executive "
     "of the lead stakeholder council (report, 4.7)."),
    ("Lead stakeholder council Chief Executive", "LCE", BodyKind.OFFICE_HOLDER, None,
     Cadence.AD_HOC,
     "The Chief Executive of the lead stakeholder council for a Workstream, who reports to the "
     "Leaders and Chief Executives Group (report, 4.7)."),
    ("Leaders and Chief Executives Group", "LCEG", BodyKind.EXTERNAL, None, Cadence.AD_HOC,
     "Staffordshire Leaders and Chief Executives: eight Workstreams with named Chief Executive "
     "leads (report, 1.2). For its Workstreams it authorises projects (4.13)."),
]  # fmt: skip

# (body, power, limit, source)
POWERS = [
    ("JC", PowerKind.APPROVE_PIPELINE_ENTRY, None, "Report, 4.13"),
    ("JC", PowerKind.WITHDRAW_OR_REDESIGN, None, "Report, 4.13"),
    ("JC", PowerKind.APPROVE_BUSINESS_CASE, None, "Report, 4.13 and 5.6"),
    ("JC", PowerKind.CALL_ON_RESERVES, None, "Report, 4.9: the Committee sanctions calls"),
    ("JC", PowerKind.DRAW_CONTINGENCY, None, "Report, 2.4"),
    ("JC", PowerKind.APPROVE_WORK_PLAN, None, "Report, 2.1"),
    ("JC", PowerKind.APPROVE_GOVERNANCE, None, "Report, 2.3 and 4.7"),
    ("SAB", PowerKind.PROGRAMME_MANAGEMENT, None, "Report, 4.10 (proposed)"),
    ("LCEG", PowerKind.APPROVE_WORKSTREAM_PROJECT, None, "Report, 4.13"),
]  # fmt: skip

# (source, target, style, label): who reports to whom (4.7, 4.10, 4.11, Appendix C)
LINES = [
    ("SAB", "JC", LineStyle.REPORTS_TO, "monthly"),
    ("OCG", "SAB", LineStyle.REPORTS_TO, "weekly"),
    ("DIR", "JC", LineStyle.REPORTS_TO, ""),
    ("PE", "JC", LineStyle.REPORTS_TO, "reports and seeks approvals"),
    ("PE", "LCE", LineStyle.TWIN_TRACK, "where a project serves a Workstream"),
    ("LCE", "LCEG", LineStyle.TWIN_TRACK, ""),
]

# (body, person key, role): members named in the report, and the demo member.
MEMBERS = [
    ("DIR", "Andrew Street", MemberRole.MEMBER),
    ("LCEG", "Nick Bell", MemberRole.MEMBER),
    ("LCEG", "Ian Thompson", MemberRole.MEMBER),
    ("LCEG", "Steve Winterflood", MemberRole.MEMBER),
    ("LCEG", "Nina Dawes", MemberRole.MEMBER),
    ("LCEG", "Michael Heenan", MemberRole.MEMBER),
    ("LCEG", "Brian Edwards", MemberRole.MEMBER),
]

PURPOSE = (
    "1.1 To discuss how to take forward the actions approved by the Committee at its last "
    "meeting.\n1.2 To provide more details of the possible linkages between a revised "
    "Partnership Work Plan and the work of the Staffordshire Leaders and Chief Executives Group "
    "on increased collaboration between councils.\n1.3 To examine how the governance mechanisms "
    "of Staffordshire Connects Partnership can relate to the Leaders and Chief Executives Group.\n"
    "1.4 To discuss potential resource constraints if the Partnership has to handle an increase "
    "in the number of active projects in the Work Plan.\n1.5 To initiate an early stage "
    "examination of overall programme and individual project management issues.\n1.6 Please "
    "note that a scheduled meeting of the Strategic Advisory Board to discuss the "
    "recommendations below had to be cancelled due to adverse weather conditions."
)

# (reference, text, power, amount)
RECOMMENDATIONS = [
    ("2.1", "To approve the suggested revisions to the Staffordshire Connects Work Plan "
     "summarised in Section 4.", PowerKind.APPROVE_WORK_PLAN, None),
    ("2.2", "To approve a supplier role for Staffordshire Connects in the Staffordshire One "
     "Place Project that is taking forward Workstream 2 of the Leaders and Chief Executives, "
     "namely Integrated Services for Customers.", PowerKind.APPROVE_WORK_PLAN, None),
    ("2.3", "To approve the proposals on governance mechanisms.", PowerKind.APPROVE_GOVERNANCE,
     None),
    ("2.4", "To approve the proposal on funding, namely a further call on reserves of £85k with "
     "delegation to be given to the Director or to SAB to use the funds as a contingency where "
     "resources from external sources cannot be employed via bids sponsored by the Chief "
     "Executives Group.", PowerKind.CALL_ON_RESERVES, Decimal("85000")),
    ("2.5", "To approve the proposed role for the Strategic Advisory Board in managing an "
     "increased number of Work Plan projects as a result of engagement with projects approved by "
     "the County Chief Executives Group.", PowerKind.APPROVE_GOVERNANCE, None),
    ("2.6", "To approve the proposed role for Staffordshire Connects in facilitating the "
     "implementation of an information and communications platform for collaborative working.",
     PowerKind.APPROVE_WORK_PLAN, None),
    ("2.7", "To note the progress in taking forward the actions agreed at the last Joint "
     "Committee meeting and to note where further work is required, especially on project "
     "prioritisation and on more thorough business cases for individual projects.", "", None),
]  # fmt: skip


def _at(d: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime(d.year, d.month, d.day, hour, tzinfo=LONDON)


def _meeting(
    body: Body, day: dt.date, *, demo_date: bool = False, actor: Actor = None
) -> tuple[Meeting, bool]:
    existing = Meeting.objects.filter(body=body, starts_at=_at(day)).first()
    if existing is not None:
        return existing, False
    meeting = services.meeting_schedule(
        actor=actor,
        body=body,
        starts_at=_at(day),
        ends_at=_at(day, 12),
        today=day - dt.timedelta(days=60),
        is_demo_date=demo_date,
    )
    return meeting, True


def _item(meeting: Meeting, title: str, *, actor: Actor = None, **kwargs: Any) -> AgendaItem:
    existing = AgendaItem.objects.filter(meeting=meeting, title=title).first()
    if existing is not None:
        return existing
    return services.agenda_item_add(
        actor=actor,
        meeting=meeting,
        title=title,
        today=meeting.date - dt.timedelta(days=30),
        **kwargs,
    )


def _bodies(context: dict[str, Any], actor: Actor) -> dict[str, Body]:
    bodies: dict[str, Body] = {}
    for name, abbr, kind, parent, cadence, description in BODIES:
        body = Body.objects.filter(name=name).first()
        if body is None:
            body = services.body_create(
                actor=actor,
                name=name,
                abbreviation=abbr,
                kind=kind,
                parent=bodies.get(parent or ""),
                cadence=cadence,
                description=description,
                visibility=Visibility.PUBLIC,
            )
        else:
            # Bodies created by the foundation's demo: add what the governance issue brought.
            body.cadence, body.description = cadence, description
            body.save(update_fields=["cadence", "description"])
        bodies[abbr] = body
    for abbr, power, limit, source in POWERS:
        if not Power.objects.filter(body=bodies[abbr], kind=power).exists():
            services.power_add(
                actor=actor, body=bodies[abbr], kind=power, financial_limit=limit, source=source
            )
    for source, target, style, label in LINES:
        if not ReportingLine.objects.filter(source=bodies[source], target=bodies[target]).exists():
            services.reporting_line_add(
                actor=actor, source=bodies[source], target=bodies[target], style=style, label=label
            )
    people: dict[str, Person] = context["people"]
    for abbr, key, role in MEMBERS:
        person = people.get(key)
        if (
            person is not None
            and not BodyMembership.objects.filter(body=bodies[abbr], person=person).exists()
        ):
            services.membership_add(
                actor=actor, body=bodies[abbr], person=person, role=role, represents=person.partner
            )
    # DEMO: the demo member sits on the Joint Committee so the member role can be tried.
    member = people.get("member")
    if (
        member is not None
        and not BodyMembership.objects.filter(body=bodies["JC"], person=member).exists()
    ):
        services.membership_add(
            actor=actor, body=bodies["JC"], person=member, represents=member.partner
        )
    return bodies


def _contingency(bodies: dict[str, Body], proposed_in: Recommendation, actor: Actor) -> Delegation:
    """The proposed delegation of the contingency (2.4, 4.9)."""
    if not Delegation.objects.filter(
        from_body=bodies["JC"], power=PowerKind.DRAW_CONTINGENCY
    ).exists():
        return services.delegation_create(
            actor=actor,
            from_body=bodies["JC"],
            to_bodies=[bodies["DIR"], bodies["SAB"]],
            power=PowerKind.DRAW_CONTINGENCY,
            financial_limit=Decimal("85000"),
            limit_is_total=True,
            purpose="To use the funds as a contingency where resources from external sources "
            "cannot be employed via bids sponsored by the Chief Executives Group (report, 2.4; "
            "4.9: where new projects need to commence quickly).",
            source="Report, 2.4 and 4.9. Proposed: in force only if recommendation 2.4 is "
            "approved.",
            proposed_in=proposed_in,
        )

    return Delegation.objects.get(from_body=bodies["JC"], power=PowerKind.DRAW_CONTINGENCY)


def _december_committee(
    bodies: dict[str, Body], people: dict[str, Person], actor: Actor
) -> Meeting:
    jc = bodies["JC"]
    meeting, created = _meeting(jc, dt.date(2010, 12, 17), actor=actor)
    director = people.get("Andrew Street")
    _item(meeting, "Minutes of the last meeting", kind=ItemKind.MINUTES, actor=actor)
    _item(
        meeting,
        "Actions agreed at the last meeting",
        kind=ItemKind.ACTIONS,
        actor=actor,
        purpose="Report, 4.18-4.20.",
    )
    report = _item(
        meeting,
        "Review of Partnership Work Plan",
        kind=ItemKind.REPORT,
        author=director,
        purpose=PURPOSE,
        report=f"The report of the Partnership Director ({REPORT}).",
        actor=actor,
    )
    matter = Matter.objects.filter(title__startswith="Staffordshire Connects as supplier").first()
    if matter is None:
        matter = services.matter_create(
            actor=actor,
            title="Staffordshire Connects as supplier to Staffordshire One Place (Workstream 2)",
            description="Committee approval is required for the approach from the Chief "
            "Executives of the lead stakeholders for Workstream 2 (Lichfield and South "
            "Staffordshire District Councils) for Staffordshire Connects to act as supplier "
            "(report, 4.3). A twin-track approval (4.7-4.8).",
            bodies=[jc, bodies["LCEG"]],
            visibility=Visibility.PUBLIC,
        )
        services.matter_record_track(
            actor=actor,
            matter=matter,
            body=bodies["LCEG"],
            outcome=TrackOutcome.APPROVED,
            decided_on=dt.date(2010, 11, 10),
            reference="Leaders and Chief Executives, 21 October and 10 November 2010: Connects "
            "asked to take on a project supplier function (report, 3.2-3.3)",
        )
    for n, (reference, text, power, amount) in enumerate(RECOMMENDATIONS, start=1):
        if not Recommendation.objects.filter(item=report, number=n).exists():
            services.recommendation_add(
                actor=actor,
                item=report,
                text=text,
                reference=reference,
                power=power,
                amount=amount,
                matter=matter if reference == "2.2" else None,
            )
    if created:
        # DEMO DATA: the report does not say when the agenda was published; 9 December 2010 is
        # the last day that gives five clear working days.
        services.meeting_publish_agenda(
            actor=actor, meeting=meeting, published_on=dt.date(2010, 12, 9)
        )
        meeting.refresh_from_db()
    return meeting


def _key_decisions(bodies: dict[str, Body], december: Meeting, actor: Actor) -> None:
    """Recommendation 2.4 (a further call on reserves of £85k) is a key decision; its notice is
    on the forward plan 28 clear days before the meeting. DEMO DATA: the seed does not say the
    call is a key decision (the partnership sets no threshold) nor when notice was given; 18
    November 2010 is the last day that gives 28 clear days before 17 December 2010."""
    from partnerplan.governance.models import KeyDecision
    from partnerplan.governance.services.key_decisions import key_decision_flag

    title = "A further call on reserves of £85k as a contingency (recommendation 2.4)"
    entry = ForwardPlanEntry.objects.filter(title=title).first()
    if entry is None:
        entry = services.forward_plan_add(
            actor=actor,
            body=bodies["JC"],
            meeting=december,
            title=title,
            description="To approve a further call on reserves of £85k, with delegation to the "
            "Director or to SAB to use the funds as a contingency (report, 2.4 and 4.9).",
            decision_due=december.date,
            notice_given_on=dt.date(2010, 11, 18),
            is_key=True,
            documents=f"{REPORT} (Partnership Director).",
        )
    rec = Recommendation.objects.get(item__meeting=december, reference="2.4")
    if not KeyDecision.objects.filter(recommendation=rec).exists():
        key_decision_flag(
            actor=actor,
            recommendation=rec,
            entry=entry,
            why_key="Spends £85,000 of the partnership's reserves (DEMO DATA: the seed sets no "
            "threshold for key decisions)",
        )


def _committee_cycle(people: dict[str, Person], actor: Actor) -> None:
    """The statutory officers, a register of interests and a declaration for the December 2010
    committee. DEMO DATA, all of it: the seed names no finance or legal officer, registers no
    interests and records no declarations. The demo partner officer is the finance officer and
    the Partnership Director the legal officer, so both sign-offs can be tried; the demo member
    registers a school governorship, which they declare at the meeting."""
    from partnerplan.governance.models import Interest, StatutoryOfficer
    from partnerplan.governance.services import interests, officers

    finance, legal = people.get("officer"), people.get("Andrew Street")
    member = people.get("member")
    if finance is None or legal is None or member is None:
        return
    if not StatutoryOfficer.objects.exists():
        officers.statutory_officers_name(actor=actor, finance=finance, legal=legal)
    if not Interest.objects.filter(person=member).exists():
        interests.interest_register(
            actor=actor,
            person=member,
            kind="other",
            description="Governor of a primary school (DEMO DATA)",
            registered_on=dt.date(2010, 6, 1),
            today=dt.date(2010, 6, 1),
        )


def load(context: dict[str, Any], *, actor: Actor = None) -> None:
    """Create what is missing; running it twice adds nothing. Puts `bodies` (by abbreviation)
    and `meetings` (by key) into `context`."""
    people: dict[str, Person] = context["people"]
    bodies = _bodies(context, actor)
    december = _december_committee(bodies, people, actor)
    # Approving recommendation 2.4 brings the proposed delegation into force.
    _contingency(bodies, Recommendation.objects.get(item__meeting=december, reference="2.4"), actor)
    _committee_cycle(people, actor)
    _key_decisions(bodies, december, actor)

    # The Leaders and Chief Executives Group met on 21 October and 10 November 2010 (1.2, 3.1).
    lceg = bodies["LCEG"]
    lceg_meetings = []
    for day, title in (
        (
            dt.date(2010, 10, 21),
            "Scoping exercises of the eight Workstreams (Leaders and Chief Executives)",
        ),
        (dt.date(2010, 11, 10), "Scoping exercises of the eight Workstreams (Chief Executives)"),
    ):
        meeting, created = _meeting(lceg, day, actor=actor)
        _item(
            meeting,
            title,
            actor=actor,
            purpose="Reviewed scoping exercises submitted by Chief Executive theme leads in "
            "eight Workstream areas; agreed that Staffordshire Connects should support "
            "Workstreams 2 and 3 (report, 1.2, 3.1-3.2).",
        )
        if created:
            meeting = services.meeting_mark_held(actor=actor, meeting=meeting)
        lceg_meetings.append(meeting)

    # The SAB meeting cancelled for adverse weather (1.6). DEMO DATA: its date.
    sab = bodies["SAB"]
    sab_meeting, created = _meeting(sab, dt.date(2010, 12, 2), demo_date=True, actor=actor)
    _item(
        sab_meeting,
        "Recommendations to the Joint Committee on the revised Work Plan",
        actor=actor,
        purpose="To discuss the recommendations of the report to the Joint Committee of 17 "
        "December 2010 (report, 1.6).",
    )
    if created:
        services.meeting_cancel(
            actor=actor, meeting=sab_meeting, reason="Adverse weather conditions (report, 1.6)"
        )

    # The next committee, March 2011 (4.17). DEMO DATA: the day.
    march, _created = _meeting(bodies["JC"], dt.date(2011, 3, 18), demo_date=True, actor=actor)
    director = people.get("Andrew Street")
    title = "Details of further work on project prioritisation and business cases"
    if director is not None and not Action.objects.filter(title=title).exists():
        services.action_create(
            actor=actor,
            body=bodies["JC"],
            meeting=december,
            title=title,
            owner=director,
            due_on=march.date,
        )
    if not ForwardPlanEntry.objects.filter(
        title__startswith="Methods for setting priorities"
    ).exists():
        with contextlib.suppress(ValidationError):  # the dates satisfy the rule
            services.forward_plan_add(
                actor=actor,
                body=bodies["JC"],
                meeting=march,
                title="Methods for setting priorities and constructing business cases",
                description="To harmonise with the Leaders and Chief Executives equivalents "
                "(report, 4.18 and 4.20).",
                decision_due=march.date,
                # DEMO DATA: given with the December papers (core.demo.PAPERS_PUBLISHED).
                notice_given_on=dt.date(2010, 12, 9),
                is_key=False,
            )

    context["bodies"] = bodies
    context["meetings"] = {
        "JC 2010-12-17": december,
        "JC 2011-03": march,
        "SAB cancelled": sab_meeting,
        "LCEG 2010-10-21": lceg_meetings[0],
        "LCEG 2010-11-10": lceg_meetings[1],
    }
