from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from openpyxl import load_workbook

from partnerplan.core.models import Visibility
from partnerplan.governance import services as governance
from partnerplan.governance.models import PowerKind
from partnerplan.governance.tests.factories import (
    BodyFactory,
    HeldMeetingFactory,
    PowerFactory,
    RecommendationFactory,
)
from partnerplan.portfolio import services
from partnerplan.portfolio.models import GatePassage, Project, Score, Stage
from partnerplan.portfolio.tests.factories import (
    ActiveProjectFactory,
    ApprovedBusinessCaseVersionFactory,
    BenefitFactory,
    CriterionFactory,
    HighlightReportFactory,
    MethodFactory,
    OtherProgrammeFactory,
    ProgrammeFactory,
    ProjectFactory,
    RaidEntryFactory,
    WorkstreamFactory,
)


def _error_summary(response) -> list[str]:
    html = response.content.decode()
    block = re.search(r'govuk-error-summary__list">(.*?)</ul>', html, re.S)
    return re.findall(r"<li>(?:<a [^>]*>)?([^<]+)", block.group(1)) if block else []


def _many_projects(n: int = 12) -> list[Project]:
    programme = ProgrammeFactory.create()
    workstream = WorkstreamFactory.create(programme=programme)
    projects = []
    for i in range(n):
        p = ActiveProjectFactory.create(programme=programme, workstream=workstream)
        p.lead_partners.set([])
        projects.append(p)
        if i % 2:
            HighlightReportFactory.create(project=p)
    return projects


def test_it_shows_the_work_plan_in_a_fixed_number_of_queries(world, assert_queries):
    for p in _many_projects():
        p.lead_partners.set([world.alpha, world.beta])
    client = world.client("officer")
    # session, user, viewer x2; filter form choices: programmes, workstreams, partners, stages;
    # count, projects (with programme, workstream, stage, officer lead), their lead partners
    with assert_queries(11, "The work plan"):
        response = client.get("/portfolio/")
    assert response.status_code == 200
    assert "12 projects" in response.content.decode()


def test_it_shows_a_project_in_a_fixed_number_of_queries(world, assert_queries):
    project = ActiveProjectFactory.create(project_manager=world.users["pm"].person)
    for _ in range(3):
        HighlightReportFactory.create(project=project)
        RaidEntryFactory.create(project=project)
        BenefitFactory.create(project=project)
    ApprovedBusinessCaseVersionFactory.create(business_case__project=project)
    other = ProjectFactory.create(programme=project.programme)
    services.dependency_add(actor=None, project=project, depends_on=other)
    client = world.client("pm")
    # session, user, viewer x2, project (with programme, workstream, stage, people, body),
    # then one query for each related list: lead partners, service areas, documents, board,
    # dependencies, dependents, links, gates, reviews, business cases, their versions,
    # benefits, their measurements, highlight reports, RAID log; twin-track matters about it
    # (1; and their tracks when there are any); history (1). The funding
    # panel is finance's fragment, fetched by the page (its 5 queries are counted there).
    with assert_queries(22, "The project page"):
        response = client.get(f"/portfolio/projects/{project.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    funding = f"/finance/projects/{project.pk}/funding/"
    assert f'hx-get="{funding}"' in html
    assert f'href="{funding}">See the funding for this project</a>' in html
    assert "Write a highlight report" in html and other.title in html


def test_it_filters_the_work_plan_and_gives_a_shareable_link(world):
    programme = ProgrammeFactory.create()
    red = ActiveProjectFactory.create(programme=programme, title="Telephony", confidence="red")
    red.lead_partners.set([world.alpha])
    ActiveProjectFactory.create(programme=programme, title="Life Events", confidence="green")
    client = world.client("officer")
    html = client.get(f"/portfolio/?rag=red&lead_partner={world.alpha.pk}").content.decode()
    assert "Telephony" in html and "Life Events" not in html
    assert f"?rag=red&amp;lead_partner={world.alpha.pk}" in html  # the saved-view link
    html = client.get("/portfolio/?stage=active&status=none").content.decode()
    assert "Telephony" in html and "Life Events" in html


def test_it_hides_partnership_projects_from_the_public(world):
    ProjectFactory.create(title="Team project", visibility=Visibility.PARTNERSHIP)
    ProjectFactory.create(title="Open project", visibility=Visibility.PUBLIC)
    html = world.client("public").get("/portfolio/").content.decode()
    assert "Open project" in html and "Team project" not in html
    rows = list(
        csv.reader(
            io.StringIO(
                world.client("public").get("/portfolio/work-plan.csv").content.decode("utf-8-sig")
            )
        )
    )
    assert [r[2] for r in rows[1:]] == ["Open project"]


def test_it_exports_the_work_plan_as_a_spreadsheet(world):
    ActiveProjectFactory.create(title="Life Events")
    response = world.client("officer").get("/portfolio/work-plan.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == "Programme" and sheet["C2"].value == "Life Events"


def test_it_draws_the_overlap_table_with_none_where_nothing_is_linked(world):
    plan = ProgrammeFactory.create(name="Work Plan")
    lceg = OtherProgrammeFactory.create(name="One Place")
    youth = WorkstreamFactory.create(programme=lceg, number=1, name="Youth")
    access = WorkstreamFactory.create(programme=lceg, number=3, name="Customer Access")
    project = ProjectFactory.create(programme=plan, title="Telephony", lead_note="No lead")
    services.link_create(
        actor=None, project=project, workstream=access, kind="supports", note="Procurement"
    )
    client = world.client("officer")
    html = client.get(f"/portfolio/overlap/?side={lceg.pk}&other={plan.pk}").content.decode()
    assert "Telephony" in html and "Procurement" in html and youth.name in html
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(f"/portfolio/overlap.csv?side={lceg.pk}&other={plan.pk}").content.decode(
                    "utf-8-sig"
                )
            )
        )
    )
    assert rows[1][:6] == ["1", "Youth", "Not recorded", "None", "N/a", "N/a"]
    assert rows[2][3:6] == ["Telephony", "No lead", "Procurement"]
    response = client.get(f"/portfolio/overlap.xlsx?side={lceg.pk}&other={plan.pk}")
    assert load_workbook(io.BytesIO(response.content)).active["D3"].value == "Telephony"


def test_it_adds_a_project_and_refuses_dates_out_of_order(world):
    programme = ProgrammeFactory.create()
    client = world.client("pm")
    data = {
        "programme": programme.pk, "title": "Mobile Working", "visibility": "partnership",
        "planned_start_day": "1", "planned_start_month": "4", "planned_start_year": "2011",
        "planned_end_day": "1", "planned_end_month": "1", "planned_end_year": "2011",
    }  # fmt: skip
    response = client.post("/portfolio/projects/new/", data)
    assert response.status_code == 400
    assert any(
        "planned end date must be the same as or after" in m for m in _error_summary(response)
    )
    assert not Project.objects.filter(title="Mobile Working").exists()
    data["planned_end_year"] = "2012"
    response = client.post("/portfolio/projects/new/", data)
    project = Project.objects.get(title="Mobile Working")
    assert response.status_code == 302 and project.stage.code == "proposed"


def test_it_refuses_a_gate_without_its_business_case_on_the_page(world):
    project = ProjectFactory.create(title="CRM")
    Project.objects.filter(pk=project.pk).update(
        stage=Stage.objects.get(programme=project.programme, code="business-case")
    )
    target = Stage.objects.get(programme=project.programme, code="business-case-approved")
    response = world.client("admin").post(
        f"/portfolio/projects/{project.pk}/gate/",
        {
            "to_stage": target.pk, "deciding_body": world.body.pk,
            "decision_reference": "JC 17 December 2010",
            "decided_on_day": "17", "decided_on_month": "12", "decided_on_year": "2010",
        },
    )  # fmt: skip
    assert response.status_code == 400
    assert any("without an approved outline business case" in m for m in _error_summary(response))
    assert GatePassage.objects.count() == 0


def test_it_refuses_a_dependency_cycle_on_the_page(world):
    a = ProjectFactory.create(title="A", project_manager=world.users["pm"].person)
    b = ProjectFactory.create(title="B", programme=a.programme)
    services.dependency_add(actor=None, project=b, depends_on=a)
    response = world.client("pm").post(
        f"/portfolio/projects/{a.pk}/dependencies/new/", {"depends_on": b.pk}
    )
    assert any("would make a loop" in m for m in _error_summary(response))


def test_it_needs_commentary_for_a_red_report_on_the_page(world):
    project = ActiveProjectFactory.create(project_manager=world.users["pm"].person)
    response = world.client("pm").post(
        f"/portfolio/projects/{project.pk}/highlight-reports/new/",
        {
            "period_start_day": "1", "period_start_month": "11", "period_start_year": "2010",
            "period_end_day": "30", "period_end_month": "11", "period_end_year": "2010",
            "confidence": "red", "progress": "Behind",
        },
    )  # fmt: skip
    messages = _error_summary(response)
    assert "A red report needs commentary: say why" in messages
    assert project.highlight_reports.count() == 0


def _scored_method(world, name, scores):
    method = MethodFactory.create(name=name, owner_body=world.body)
    criterion = CriterionFactory.create(method=method, name="Benefit", scale_min=1, scale_max=5)
    for project, value in scores.items():
        Score.objects.create(
            method=method, project=project, partner=world.alpha, criterion=criterion, value=value
        )
    return method


def test_it_ranks_scored_projects_and_moves_one_up_with_a_button(world, assert_queries):
    a, b, c = (ProjectFactory.create(title=t) for t in ("Alpha", "Bravo", "Charlie"))
    method = _scored_method(world, "Partnership", {a: 5, b: 3, c: 1})
    client = world.client("admin")
    # session, user, viewer x2, method, criteria (prefetched, used again by the ranking),
    # judgements; ranking: projects, scores, positions
    with assert_queries(10, "The ranking page"):
        html = client.get(f"/portfolio/methods/{method.pk}/").content.decode()
    assert html.index("Alpha") < html.index("Bravo") < html.index("Charlie")
    response = client.post(f"/portfolio/methods/{method.pk}/", {"project": c.pk, "direction": "up"})
    assert response.status_code == 302
    html = client.get(f"/portfolio/methods/{method.pk}/").content.decode()
    html = html[html.index('id="ranking"') :]
    assert html.index("Alpha") < html.index("Charlie") < html.index("Bravo")
    assert "moved by hand" in html
    assert (
        world.client("officer")
        .post(f"/portfolio/methods/{method.pk}/", {"project": c.pk, "direction": "up"})
        .status_code
        == 403
    )


def test_it_shows_where_two_methods_disagree(world):
    a, b, c = (ProjectFactory.create(title=t) for t in ("Alpha", "Bravo", "Charlie"))
    first = _scored_method(world, "Partnership", {a: 5, b: 3, c: 1})
    second = _scored_method(world, "Leaders and Chief Executives", {a: 1, b: 3, c: 5})
    html = (
        world.client("officer")
        .get(f"/portfolio/methods/compare/?a={first.pk}&b={second.pk}")
        .content.decode()
    )
    assert "Disagree" in html and "Alpha is ranked 1 by Partnership and 3" in html


def test_it_refuses_a_score_off_the_scale_on_the_page(world):
    project = ProjectFactory.create()
    method = MethodFactory.create(owner_body=world.body)
    criterion = CriterionFactory.create(method=method, name="Fit", scale_min=1, scale_max=5)
    response = world.client("officer").post(
        f"/portfolio/methods/{method.pk}/score/",
        {"project": project.pk, "partner": world.alpha.pk, f"criterion_{criterion.pk}": "9"},
    )
    assert any("outside the scale" in m for m in _error_summary(response))
    assert Score.objects.count() == 0
    # An officer scores only for their own partner.
    response = world.client("officer").post(
        f"/portfolio/methods/{method.pk}/score/",
        {"project": project.pk, "partner": world.beta.pk, f"criterion_{criterion.pk}": "3"},
    )
    assert Score.objects.count() == 0


def test_it_shows_the_board_and_the_timeline(world):
    programme = ProgrammeFactory.create()
    ActiveProjectFactory.create(programme=programme, title="Life Events")
    client = world.client("officer")
    html = client.get(f"/portfolio/board/?programme={programme.pk}").content.decode()
    assert "Business case in preparation" in html and "Life Events" in html
    html = client.get("/portfolio/timeline/").content.decode()
    assert "<svg" in html and "Timeline as a table" in html and "Life Events" in html


def test_it_adds_and_removes_a_stage_of_a_programme(world):
    programme = ProgrammeFactory.create()
    client = world.client("admin")
    response = client.post(
        f"/portfolio/programmes/{programme.pk}/stages/new/",
        {"name": "Feasibility", "code": "feasibility", "position": "2"},
    )
    assert response.status_code == 302
    codes = list(programme.stages.order_by("order").values_list("code", flat=True))
    assert codes[:3] == ["proposed", "feasibility", "approved"]
    response = client.post(
        f"/portfolio/programmes/{programme.pk}/stages/new/",
        {"name": "After", "code": "after", "position": "9"},
    )
    assert any("cannot come after the final stage" in m for m in _error_summary(response))
    used = ProjectFactory.create(programme=programme)  # at "proposed"
    response = client.post(f"/portfolio/stages/{used.stage_id}/remove/", {})
    assert any("1 project is at it" in m for m in _error_summary(response))
    feasibility = programme.stages.get(code="feasibility")
    assert client.post(f"/portfolio/stages/{feasibility.pk}/remove/", {}).status_code == 302
    assert list(programme.stages.order_by("order").values_list("order", flat=True)) == list(
        range(6)
    )


def test_it_archives_and_restores_a_project(world):
    project = ProjectFactory.create(title="Streetscene")
    client = world.client("admin")
    response = client.post(f"/portfolio/projects/{project.pk}/archive/", {"reason": ""})
    assert any("Enter why it is being archived" in m for m in _error_summary(response))
    client.post(f"/portfolio/projects/{project.pk}/archive/", {"reason": "Taken up by LCEG"})
    project.refresh_from_db()
    assert project.is_archived
    assert ">Streetscene</a>" not in client.get("/portfolio/").content.decode()
    assert ">Streetscene</a>" in client.get("/portfolio/?include_archived=on").content.decode()
    client.post(f"/portfolio/projects/{project.pk}/archive/", {})
    project.refresh_from_db()
    assert not project.is_archived


def test_it_removes_a_link_and_a_dependency(world):
    pm = world.users["pm"].person
    project = ProjectFactory.create(project_manager=pm)
    other = ProjectFactory.create(programme=project.programme)
    dependency = services.dependency_add(actor=None, project=project, depends_on=other)
    link = services.link_create(
        actor=None, project=project, workstream=WorkstreamFactory.create(), kind="overlaps"
    )
    client = world.client("pm")
    assert client.post(f"/portfolio/links/{link.pk}/remove/", {}).status_code == 302
    assert client.post(f"/portfolio/dependencies/{dependency.pk}/remove/", {}).status_code == 302
    assert not project.links.exists() and not project.dependencies.exists()


def test_it_refuses_a_benefit_whose_target_date_comes_first(world):
    benefit = BenefitFactory.create(project__project_manager=world.users["pm"].person)
    response = world.client("pm").post(
        f"/portfolio/benefits/{benefit.pk}/edit/",
        {
            "description": "Calls", "measure": "Calls a month", "baseline": "10",
            "baseline_on_day": "1", "baseline_on_month": "1", "baseline_on_year": "2011",
            "target": "20", "target_on_day": "1", "target_on_month": "1",
            "target_on_year": "2010", "tolerance_percent": "10",
        },
    )  # fmt: skip
    assert any("target date must be after the baseline date" in m for m in _error_summary(response))
    benefit.refresh_from_db()
    assert benefit.description == "Fewer avoidable contacts"


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        ("public", {"Public"}),
        ("officer", {"Public", "Team"}),
        ("other_officer", {"Public", "Team", "Shared"}),
        ("member", {"Public", "Team", "Shared", "Exempt"}),
        ("admin", {"Public", "Team", "Shared", "Exempt"}),
    ],
)
def test_it_shows_each_role_only_the_projects_it_may_see(world, role, sees):
    programme = ProgrammeFactory.create()
    make = {
        "Public": dict(visibility=Visibility.PUBLIC),
        "Team": dict(visibility=Visibility.PARTNERSHIP),
        "Shared": dict(visibility=Visibility.PARTNERS),
        # Exempt projects are seen by members of the sponsoring body.
        "Exempt": dict(
            visibility=Visibility.EXEMPT, exempt_paragraph=3, sponsoring_body=world.body
        ),
    }
    projects = {}
    for title, fields in make.items():
        projects[title] = ProjectFactory.create(
            programme=programme, title=f"{title} project", **fields
        )
    projects["Shared"].shared_with.set([world.beta])
    client = world.client(role)
    html = client.get("/portfolio/").content.decode()
    assert {t for t in make if f">{t} project</a>" in html} == sees
    for title, project in projects.items():
        status = client.get(f"/portfolio/projects/{project.pk}/").status_code
        assert status == (200 if title in sees else 404), title


def test_it_records_a_gate_decision_on_the_page(world):
    PowerFactory.create(body=world.body, kind=PowerKind.APPROVE_PIPELINE_ENTRY)
    project = ProjectFactory.create(title="Mobile Working")
    approved = Stage.objects.get(programme=project.programme, code="approved")
    response = world.client("admin").post(
        f"/portfolio/projects/{project.pk}/gate/",
        {
            "to_stage": approved.pk, "deciding_body": world.body.pk,
            "decision_reference": "Joint Committee, 17 December 2010, recommendation 2.1",
            "decided_on_day": "17", "decided_on_month": "12", "decided_on_year": "2010",
        },
    )  # fmt: skip
    assert response.status_code == 302
    passage = GatePassage.objects.get(project=project)
    assert passage.to_stage == approved and passage.authority_body == world.body
    assert passage.prior_decision.body == world.body
    html = world.client("admin").get(f"/portfolio/projects/{project.pk}/").content.decode()
    assert "Joint Committee, 17 December 2010, recommendation 2.1" in html


def test_it_refuses_on_the_page_a_gate_decided_by_a_body_without_the_power(world):
    project = ProjectFactory.create(title="Mobile Working")
    approved = Stage.objects.get(programme=project.programme, code="approved")
    response = world.client("admin").post(
        f"/portfolio/projects/{project.pk}/gate/",
        {
            "to_stage": approved.pk, "deciding_body": world.body.pk,
            "decision_reference": "Chat in corridor",
            "decided_on_day": "17", "decided_on_month": "12", "decided_on_year": "2010",
        },
    )  # fmt: skip
    assert response.status_code == 400
    assert any("Joint Committee did not hold the power" in m for m in _error_summary(response))
    assert not GatePassage.objects.exists()


def test_it_offers_only_the_decisions_that_could_pass_the_gate(world):
    from partnerplan.portfolio.tests.helpers import decide

    PowerFactory.create(body=world.body, kind=PowerKind.APPROVE_PIPELINE_ENTRY)
    meeting = HeldMeetingFactory.create(body=world.body)
    governance.meeting_record_attendance(
        actor=None, meeting=meeting, present=[m.person for m in world.body.memberships.all()]
    )
    project, other = ProjectFactory.create(), ProjectFactory.create()
    about = decide(meeting, text="Into the pipeline", effect_params={"project_id": project.pk})
    decide(meeting, text="The other one", effect_params={"project_id": other.pk})
    active = {"project_id": project.pk, "to_stage": "active"}
    decide(meeting, text="Into active", effect_params=active)
    client = world.client("admin")
    html = client.get(f"/portfolio/projects/{project.pk}/gate/").content.decode()
    assert "Into the pipeline" in html
    assert "The other one" not in html and "Into active" not in html
    approved = Stage.objects.get(programme=project.programme, code="approved")
    response = client.post(
        f"/portfolio/projects/{project.pk}/gate/", {"to_stage": approved.pk, "decision": about.pk}
    )
    assert response.status_code == 302
    assert GatePassage.objects.get(project=project).decision == about


def test_it_shows_approved_subject_to_the_other_body_on_the_project_page(world, assert_queries):
    PowerFactory.create(body=world.body, kind=PowerKind.APPROVE_PIPELINE_ENTRY)
    leaders = BodyFactory.create(name="Leaders and Chief Executives Group")
    matter = governance.matter_create(
        actor=None, title="Pipeline entry of Mobile Working", bodies=[world.body, leaders]
    )
    meeting = HeldMeetingFactory.create(body=world.body)
    governance.meeting_record_attendance(
        actor=None, meeting=meeting, present=[m.person for m in world.body.memberships.all()]
    )
    project = ProjectFactory.create(title="Mobile Working")
    rec = RecommendationFactory.create(
        item__meeting=meeting, matter=matter, effect_kind="portfolio.gate",
        effect_params={"project_id": project.pk, "to_stage": "approved"},
    )  # fmt: skip
    governance.decision_record(actor=None, recommendation=rec, outcome="approved", reasons="x")
    project.refresh_from_db()
    assert project.stage.code == "proposed"  # held back until the Group decides
    client = world.client("officer")
    # As the project page above, without business case versions or benefit measurements to
    # fetch (-2), with the matter's tracks (+1).
    with assert_queries(21, "The project page with a twin-track matter"):
        html = client.get(f"/portfolio/projects/{project.pk}/").content.decode()
    assert "Approved subject to Leaders and Chief Executives Group" in html
    assert f'href="/governance/matters/{matter.pk}/">Pipeline entry of Mobile Working</a>' in html


def test_it_moves_the_project_once_the_other_body_approves_the_twin_track_matter(world):
    PowerFactory.create(body=world.body, kind=PowerKind.APPROVE_PIPELINE_ENTRY)
    leaders = BodyFactory.create(name="Leaders and Chief Executives Group")
    matter = governance.matter_create(
        actor=None, title="Pipeline entry of Mobile Working", bodies=[world.body, leaders]
    )
    meeting = HeldMeetingFactory.create(body=world.body)
    governance.meeting_record_attendance(
        actor=None, meeting=meeting, present=[m.person for m in world.body.memberships.all()]
    )
    project = ProjectFactory.create(title="Mobile Working")
    rec = RecommendationFactory.create(
        item__meeting=meeting, matter=matter, effect_kind="portfolio.gate",
        effect_params={"project_id": project.pk, "to_stage": "approved"},
    )  # fmt: skip
    governance.decision_record(actor=None, recommendation=rec, outcome="approved", reasons="x")
    client = world.client("officer")
    governance.matter_record_track(
        actor=None, matter=matter, body=leaders, outcome="approved",
        decided_on=dt.date(2010, 12, 20), reference="Notes of the Group, 20 December 2010",
    )  # fmt: skip
    project.refresh_from_db()
    assert project.stage.code == "approved"
    html = client.get(f"/portfolio/projects/{project.pk}/").content.decode()
    assert "Approved subject to" not in html


def test_it_adds_a_workstream_to_a_programme(world):
    programme = OtherProgrammeFactory.create()
    response = world.client("admin").post(
        f"/portfolio/programmes/{programme.pk}/workstreams/new/",
        {"number": "8", "name": "Support Services", "lead_partners": [world.alpha.pk]},
    )
    assert response.status_code == 302
    workstream = programme.workstreams.get()
    assert workstream.name == "Support Services"
    assert list(workstream.lead_partners.all()) == [world.alpha]
    response = world.client("admin").post(
        f"/portfolio/programmes/{programme.pk}/workstreams/new/",
        {"number": "8", "name": "Another"},
    )
    assert any("already has a workstream 8" in m for m in _error_summary(response))


def test_it_sorts_the_work_plan_worst_confidence_first(world):
    programme = ProgrammeFactory.create()
    for title, rag in (("Alpha", "green"), ("Bravo", "red"), ("Charlie", ""), ("Delta", "amber")):
        ActiveProjectFactory.create(programme=programme, title=title, confidence=rag)
    html = world.client("officer").get("/portfolio/?sort=rag").content.decode()
    html = html[html.index("<tbody") :]
    order = sorted(("Alpha", "Bravo", "Charlie", "Delta"), key=lambda t: html.index(f">{t}</a>"))
    assert order == ["Bravo", "Delta", "Alpha", "Charlie"]


def _two_programmes_with_projects():
    plan = ProgrammeFactory.create(is_partnership_plan=True)
    lceg = OtherProgrammeFactory.create()
    for number in range(1, 4):
        workstream = WorkstreamFactory.create(programme=lceg, number=str(number))
        for i in range(2):
            project = ActiveProjectFactory.create(programme=plan, title=f"P{number}{i}")
            services.link_create(
                actor=None, project=project, workstream=workstream, kind="overlaps"
            )
    return plan, lceg


def test_it_shows_the_board_in_a_fixed_number_of_queries(world, assert_queries):
    plan, _lceg = _two_programmes_with_projects()
    client = world.client("officer")
    with assert_queries(13, "The board"):
        response = client.get(f"/portfolio/board/?programme={plan.pk}")
    assert response.status_code == 200


def test_it_shows_the_timeline_in_a_fixed_number_of_queries(world, assert_queries):
    _two_programmes_with_projects()
    client = world.client("officer")
    with assert_queries(11, "The timeline"):
        response = client.get("/portfolio/timeline/")
    assert response.status_code == 200


def test_it_shows_the_overlap_in_a_fixed_number_of_queries(world, assert_queries):
    plan, lceg = _two_programmes_with_projects()
    client = world.client("officer")
    with assert_queries(15, "The overlap table"):
        response = client.get(f"/portfolio/overlap/?side={lceg.pk}&other={plan.pk}")
    assert response.status_code == 200


def test_it_shows_the_programmes_in_a_fixed_number_of_queries(world, assert_queries):
    plan, lceg = _two_programmes_with_projects()
    client = world.client("officer")
    with assert_queries(5, "The programme list"):
        assert client.get("/portfolio/programmes/").status_code == 200
    with assert_queries(9, "The programme page"):
        assert client.get(f"/portfolio/programmes/{lceg.pk}/").status_code == 200


def test_it_shows_the_methods_in_a_fixed_number_of_queries(world, assert_queries):
    a, b = (ProjectFactory.create(title=t) for t in ("Alpha", "Bravo"))
    first = _scored_method(world, "Partnership", {a: 5, b: 3})
    second = _scored_method(world, "Leaders and Chief Executives", {a: 1, b: 5})
    client = world.client("officer")
    with assert_queries(7, "The list of methods"):
        assert client.get("/portfolio/methods/").status_code == 200
    with assert_queries(18, "The comparison of two methods"):
        url = f"/portfolio/methods/compare/?a={first.pk}&b={second.pk}"
        assert client.get(url).status_code == 200


def test_it_approves_a_business_case_on_the_page_only_on_a_decision_that_covers_it(world):
    from partnerplan.portfolio.models import BusinessCaseVersion
    from partnerplan.portfolio.tests.factories import BusinessCaseVersionFactory
    from partnerplan.portfolio.tests.helpers import decide

    PowerFactory.create(body=world.body, kind=PowerKind.APPROVE_BUSINESS_CASE)
    version = BusinessCaseVersionFactory.create(business_case__project__title="Telephony")
    BusinessCaseVersion.objects.filter(pk=version.pk).update(
        created_at=dt.datetime(2010, 12, 1, 12, tzinfo=dt.UTC)
    )
    meeting = HeldMeetingFactory.create(body=world.body)
    governance.meeting_record_attendance(
        actor=None, meeting=meeting, present=[m.person for m in world.body.memberships.all()]
    )
    project_id = version.business_case.project_id
    covers = decide(
        meeting, text="To approve the OBC",
        effect_params={"project_id": project_id, "business_case_stage": "obc"},
    )  # fmt: skip
    decide(
        meeting, text="To approve the FBC",
        effect_params={"project_id": project_id, "business_case_stage": "fbc"},
    )  # fmt: skip
    client = world.client("admin")
    url = f"/portfolio/business-case-versions/{version.pk}/approve/"
    html = client.get(url).content.decode()
    assert "To approve the OBC" in html and "To approve the FBC" not in html
    refused = client.post(
        url,
        {
            "approved_by": BodyFactory.create(name="Corridor").pk,
            "approval_reference": "Chat",
            "approved_on_day": "17", "approved_on_month": "12", "approved_on_year": "2010",
        },
    )  # fmt: skip
    assert refused.status_code == 400
    assert any("Corridor did not hold the power" in m for m in _error_summary(refused))
    assert client.post(url, {"decision": covers.pk}).status_code == 302
    version.refresh_from_db()
    assert version.decision == covers and version.approved_by == world.body
