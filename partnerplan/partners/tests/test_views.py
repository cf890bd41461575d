from __future__ import annotations

import re

import pytest

from partnerplan.core.models import Visibility
from partnerplan.partners.models import Partner, Person
from partnerplan.partners.tests.factories import PartnerFactory, PersonFactory


def _error_summary(response) -> list[str]:
    html = response.content.decode()
    block = re.search(r'govuk-error-summary__list">(.*?)</ul>', html, re.S)
    return re.findall(r"<li>(?:<a [^>]*>)?([^<]+)", block.group(1)) if block else []


def test_it_lists_partners_in_a_fixed_number_of_queries(world, assert_queries):
    for _ in range(10):
        PersonFactory.create(partner=PartnerFactory.create())
    client = world.client("officer")
    # 1 session, 2 user, 3-4 viewer (person roles, bodies), 5 count, 6 partners with people
    with assert_queries(6, "The partner list"):
        response = client.get("/partners/")
    assert response.status_code == 200
    assert "Alpha District Council" in response.content.decode()


def test_it_shows_a_partner_in_a_fixed_number_of_queries(world, assert_queries):
    for _ in range(5):
        PersonFactory.create(partner=world.alpha)
    client = world.client("officer")
    # session, user, viewer x2, partner, its people, their roles, history (one query: the
    # history names foreign keys with one more query per model only when they changed)
    with assert_queries(8, "The partner page"):
        response = client.get(f"/partners/{world.alpha.pk}/")
    assert response.status_code == 200


def test_it_lists_people_in_a_fixed_number_of_queries(world, assert_queries):
    for _ in range(10):
        PersonFactory.create(partner=world.alpha)
    client = world.client("officer")
    # session, user, viewer x2, partner choices, roles (filter form), count, people, their roles
    with assert_queries(9, "The people list"):
        response = client.get("/partners/people/")
    assert response.status_code == 200


def test_it_shows_a_person_in_a_fixed_number_of_queries(world, assert_queries):
    person = PersonFactory.create(partner=world.alpha)
    client = world.client("officer")
    # session, user, viewer x2, person with partner, roles, spells, bodies, history, and the
    # projects panel collaboration plugs in (partners.panels: one query when there are none)
    with assert_queries(10, "The person page"):
        response = client.get(f"/partners/people/{person.pk}/")
    assert response.status_code == 200


def test_it_filters_partners_by_kind_and_status(world):
    PartnerFactory.create(name="Police Force", abbreviation="POL", kind="police")
    PartnerFactory.create(name="Leaving Council", abbreviation="LVC", notice_given_on="2010-12-17")
    client = world.client("public")
    html = client.get("/partners/?kind=police").content.decode()
    assert "Police Force" in html and "Alpha District Council" not in html
    html = client.get("/partners/?status=notice").content.decode()
    assert "Leaving Council" in html and "Police Force" not in html


def test_it_adds_a_partner(admin_client):
    response = admin_client.post(
        "/partners/new/",
        {
            "name": "Staffordshire Moorlands District Council",
            "abbreviation": "smdc",
            "kind": "district",
            "joined_on_day": "1",
            "joined_on_month": "4",
            "joined_on_year": "2008",
            "visibility": "public",
        },
    )
    partner = Partner.objects.get(abbreviation="SMDC")
    assert response.status_code == 302
    assert response.url == f"/partners/{partner.pk}/"
    assert str(partner.joined_on) == "2008-04-01"


def test_it_explains_every_problem_with_a_bad_partner_form_and_saves_nothing(admin_client):
    response = admin_client.post(
        "/partners/new/",
        {
            "name": "x" * 201,
            "abbreviation": "",
            "kind": "castle",
            "joined_on_day": "31",
            "joined_on_month": "2",
            "joined_on_year": "2010",
            "website": "not a web address",
            "visibility": "public",
        },
    )
    assert response.status_code == 400
    assert _error_summary(response) == [
        "Full name must be 200 characters or fewer",
        "Enter abbreviation",
        "Select kind of organisation from the list",
        "Date joined must be a real date",
        "Enter a web address in the correct format, like https://example.org",
    ]
    assert Partner.objects.count() == 2


def test_it_explains_a_duplicate_abbreviation_on_the_form(world, admin_client):
    response = admin_client.post(
        "/partners/new/",
        {"name": "Another", "abbreviation": "alp", "kind": "district", "visibility": "public"},
    )
    assert _error_summary(response) == [
        "ALP is already the abbreviation of Alpha District Council: choose a different one"
    ]


def test_it_explains_dates_out_of_order_on_the_form(world, admin_client):
    response = admin_client.post(
        f"/partners/{world.alpha.pk}/edit/",
        {
            "name": "Alpha District Council",
            "abbreviation": "ALP",
            "kind": "district",
            "joined_on_day": "1",
            "joined_on_month": "4",
            "joined_on_year": "2010",
            "left_on_day": "1",
            "left_on_month": "4",
            "left_on_year": "2009",
            "visibility": "public",
        },
    )
    assert _error_summary(response) == [
        "The date the partner left must be the same as or after the date it joined"
    ]
    world.alpha.refresh_from_db()
    assert world.alpha.left_on is None


def test_it_refuses_a_malformed_email_on_the_person_form(world, admin_client):
    response = admin_client.post(
        "/partners/people/new/",
        {"first_name": "A", "last_name": "B", "email": "a@", "visibility": "partnership"},
    )
    assert _error_summary(response) == [
        "Enter an email address in the correct format, like name@example.com"
    ]


def test_it_requires_named_partners_for_a_named_partners_record(world, admin_client):
    response = admin_client.post(
        "/partners/people/new/",
        {"first_name": "A", "last_name": "B", "visibility": "partners"},
    )
    assert _error_summary(response) == ["Choose at least one partner who can see this person"]


def test_it_edits_a_person_and_shows_the_change_in_their_history(world, admin_client):
    person = PersonFactory.create(partner=world.alpha, job_title="Policy officer")
    response = admin_client.post(
        f"/partners/people/{person.pk}/edit/",
        {
            "first_name": person.first_name,
            "last_name": person.last_name,
            "job_title": "Head of Policy",
            "email": person.email,
            "visibility": "partnership",
        },
    )
    assert response.status_code == 302
    html = admin_client.get(f"/partners/people/{person.pk}/").content.decode()
    assert "<strong>Job title</strong>: Policy officer → Head of Policy" in html
    assert "Ada Persona" in html  # who made the change


def test_it_lets_an_officer_edit_people_of_their_own_partner_only(world):
    own = PersonFactory.create(partner=world.alpha)
    other = PersonFactory.create(partner=world.beta)
    client = world.client("officer")
    assert client.get(f"/partners/people/{own.pk}/edit/").status_code == 200
    response = client.get(f"/partners/people/{other.pk}/edit/")
    assert response.status_code == 403
    assert "officers of the person&#x27;s own partner" in response.content.decode()


def test_it_refuses_deleting_a_used_partner_and_offers_archiving(world, admin_client):
    response = admin_client.post(f"/partners/{world.alpha.pk}/delete/")
    html = response.content.decode()
    assert response.status_code == 400
    assert "cannot be deleted because other records use it" in html
    assert "Archive instead" in html
    assert Partner.objects.filter(pk=world.alpha.pk).exists()


def test_it_archives_a_partner_which_then_leaves_the_list(world, admin_client):
    response = admin_client.post(
        f"/partners/{world.beta.pk}/archive/", {"reason": "Left the partnership"}
    )
    assert response.status_code == 302
    link = f'href="/partners/{world.beta.pk}/"'
    assert link not in admin_client.get("/partners/").content.decode()
    assert link in admin_client.get("/partners/?include_archived=on").content.decode()


def test_it_needs_a_reason_to_archive(world, admin_client):
    response = admin_client.post(f"/partners/{world.beta.pk}/archive/", {"reason": ""})
    assert _error_summary(response) == ["Enter why it is being archived"]


def test_it_moves_a_person_through_the_change_partner_page(world, admin_client):
    person = PersonFactory.create(partner=world.alpha)
    response = admin_client.post(
        f"/partners/people/{person.pk}/change-partner/",
        {
            "partner": world.beta.pk,
            "started_on_day": "1",
            "started_on_month": "4",
            "started_on_year": "2011",
        },
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.partner == world.beta


def test_it_hides_people_the_viewer_may_not_see(world):
    PersonFactory.create(
        first_name="Secret", partner=world.alpha, visibility=Visibility.PARTNERSHIP
    )
    html = world.client("public").get("/partners/people/").content.decode()
    assert "Secret" not in html
    assert (
        world.client("public")
        .get(f"/partners/people/{Person.objects.get(first_name='Secret').pk}/")
        .status_code
        == 404
    )


@pytest.mark.parametrize("field", ["name", "abbreviation"])
def test_it_refuses_over_long_text(admin_client, world, field):
    data = {"name": "N", "abbreviation": "NN", "kind": "district", "visibility": "public"}
    data[field] = "x" * 300
    response = admin_client.post("/partners/new/", data)
    assert len(_error_summary(response)) == 1
    assert "characters or fewer" in _error_summary(response)[0]


def test_it_never_lets_an_officer_raise_their_own_roles_or_move_partner(world):
    from partnerplan.partners.models import Role

    officer = world.users["officer"]
    me = officer.person
    client = world.client("officer")
    form = client.get(f"/partners/people/{me.pk}/edit/")
    assert form.status_code == 200 and 'name="roles"' not in form.content.decode()
    pm_role = Role.objects.get(code="project_manager")
    client.post(
        f"/partners/people/{me.pk}/edit/",
        {"first_name": me.first_name, "last_name": me.last_name, "roles": [pm_role.pk],
         "visibility": me.visibility},
    )  # fmt: skip
    me.refresh_from_db()
    assert not me.roles.filter(code="project_manager").exists()
    moved = client.post(
        f"/partners/people/{me.pk}/change-partner/",
        {"partner": world.beta.pk, "started_on_day": "1", "started_on_month": "1",
         "started_on_year": "2011"},
    )  # fmt: skip
    assert moved.status_code == 403
    me.refresh_from_db()
    assert me.partner == world.alpha
    detail = client.get(f"/partners/people/{me.pk}/").content.decode()
    assert "Move to another partner" not in detail


def test_it_refuses_role_changes_by_a_non_administrator_on_every_path(world):
    import pytest
    from django.core.exceptions import ValidationError

    from partnerplan.partners import services
    from partnerplan.partners.models import Role

    officer = world.users["officer"]
    with pytest.raises(ValidationError, match="Only partnership administrators can change"):
        services.person_update(
            actor=officer, person=officer.person, roles=[Role.objects.get(code="director")]
        )
    with pytest.raises(ValidationError, match="Only partnership administrators can move"):
        services.person_change_partner(
            actor=officer, person=officer.person, partner=world.beta,
            started_on=__import__("datetime").date(2011, 1, 1),
        )  # fmt: skip
    admin = world.users["admin"]
    services.person_update(
        actor=admin, person=officer.person, roles=[Role.objects.get(code="director")]
    )
    assert officer.person.roles.filter(code="director").exists()
