"""The project page and its forms: adding, gates, dependencies, links, archiving, twin-track
matters, and who sees which project."""

from __future__ import annotations

import datetime as dt

import pytest

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
from partnerplan.portfolio.models import GatePassage, Project, Stage
from partnerplan.portfolio.tests.factories import (
    ActiveProjectFactory,
    ApprovedBusinessCaseVersionFactory,
    BenefitFactory,
    HighlightReportFactory,
    ProgrammeFactory,
    ProjectFactory,
    RaidEntryFactory,
    WorkstreamFactory,
)
from partnerplan.portfolio.tests.views._helpers import _error_summary


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
    # (1; and their tracks when there are any); history (1); its standing against its
    # tolerances: baselines, latest reports, spend and bookings (4). The funding
    # panel is finance's fragment, fetched by the page (its 5 queries are counted there).
    # +3 for the pictures (issue 17): the programme's stages, the confidence assessments and
    # the highlight reports' ratings for the trend.
    with assert_queries(29, "The project page"):
        response = client.get(f"/portfolio/projects/{project.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    funding = f"/finance/projects/{project.pk}/funding/"
    assert f'hx-get="{funding}"' in html
    assert f'href="{funding}">See the funding for this project</a>' in html
    assert "Write a highlight report" in html and other.title in html


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
    # fetch (-2), with the matter's tracks (+1).  # + 4 for its standing against its tolerances
    with assert_queries(28, "The project page with a twin-track matter"):  # +3: pictures
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
