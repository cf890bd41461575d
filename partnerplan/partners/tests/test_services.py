from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from partnerplan.core.models import Visibility
from partnerplan.core.services import InUseError
from partnerplan.partners import services
from partnerplan.partners.models import Affiliation, Partner, PartnerKind, Person
from partnerplan.partners.tests.factories import (
    PartnerFactory,
    PartnerLeftFactory,
    PartnerOnNoticeFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _partner(**overrides):
    data = {
        "name": "Lichfield District Council",
        "abbreviation": "ldc",
        "kind": PartnerKind.DISTRICT,
        "visibility": Visibility.PUBLIC,
    }
    data.update(overrides)
    return services.partner_create(actor=UserFactory.create(), **data)


def test_it_creates_a_partner_with_an_upper_case_abbreviation():
    partner = _partner()
    assert partner.abbreviation == "LDC"
    assert partner.history.count() == 1


def test_it_refuses_a_duplicate_abbreviation_whatever_its_case():
    _partner()
    with pytest.raises(ValidationError) as exc:
        _partner(name="Another council", abbreviation="Ldc")
    assert exc.value.message_dict["abbreviation"] == [
        "LDC is already the abbreviation of Lichfield District Council: choose a different one"
    ]
    assert Partner.objects.count() == 1


def test_it_refuses_leaving_before_joining():
    with pytest.raises(ValidationError) as exc:
        _partner(joined_on=dt.date(2010, 4, 1), left_on=dt.date(2009, 4, 1))
    assert "must be the same as or after the date it joined" in exc.value.message_dict["left_on"][0]
    assert not Partner.objects.exists()


def test_it_refuses_notice_before_joining():
    with pytest.raises(ValidationError) as exc:
        _partner(joined_on=dt.date(2010, 4, 1), notice_given_on=dt.date(2010, 3, 1))
    assert "notice_given_on" in exc.value.message_dict


def test_it_refuses_over_long_names():
    with pytest.raises(ValidationError) as exc:
        _partner(name="x" * 201)
    assert "name" in exc.value.message_dict


def test_it_shows_membership_status_from_the_dates():
    assert PartnerFactory.create().membership_status() == "member"
    on_notice = PartnerOnNoticeFactory.create()
    assert on_notice.membership_status() == "notice"
    assert on_notice.membership_status(on=dt.date(2010, 12, 1)) == "member"
    assert PartnerLeftFactory.create().membership_status() == "left"


def test_it_refuses_to_delete_a_partner_people_work_for_and_offers_archiving():
    partner = PartnerFactory.create()
    PersonFactory.create(partner=partner)
    with pytest.raises(InUseError) as exc:
        services.partner_delete(actor=UserFactory.create(), partner=partner)
    assert "1 person" in exc.value.messages[0]
    assert "Archive it instead" in exc.value.messages[0]
    assert Partner.objects.filter(pk=partner.pk).exists()


def test_it_deletes_an_unused_partner():
    partner = PartnerFactory.create()
    pk = partner.pk
    services.partner_delete(actor=UserFactory.create(), partner=partner)
    assert not Partner.objects.filter(pk=pk).exists()
    assert Partner.history.filter(id=pk, history_type="-").exists()


def test_it_archives_and_restores_a_partner_keeping_the_reason_in_history():
    partner = PartnerFactory.create()
    actor = UserFactory.create()
    services.partner_archive(actor=actor, partner=partner, reason="Left in 2011")
    partner.refresh_from_db()
    assert partner.is_archived and partner.archive_reason == "Left in 2011"
    with pytest.raises(ValidationError, match="already archived"):
        services.partner_archive(actor=actor, partner=partner, reason="again")
    services.partner_restore(actor=actor, partner=partner)
    partner.refresh_from_db()
    assert not partner.is_archived
    assert partner.history.first().history_user == actor


def test_it_creates_a_person_with_their_first_spell_at_a_partner():
    partner = PartnerFactory.create()
    person = services.person_create(
        actor=UserFactory.create(),
        partner=partner,
        first_name=" Andrew ",
        last_name="Street",
        job_title="Partnership Director",
        email="Andrew.Street@Example.org",
        started_on=dt.date(2009, 1, 5),
    )
    assert person.first_name == "Andrew"
    assert person.email == "andrew.street@example.org"
    spell = Affiliation.objects.get(person=person)
    assert (spell.partner, spell.started_on, spell.ended_on) == (partner, dt.date(2009, 1, 5), None)


def test_it_refuses_a_malformed_email():
    with pytest.raises(ValidationError) as exc:
        services.person_create(
            actor=None, partner=None, first_name="A", last_name="B", email="not-an-email"
        )
    assert "email" in exc.value.message_dict
    assert not Person.objects.exists()


def test_it_moves_a_person_to_another_partner_without_losing_the_earlier_spell():
    first, second = PartnerFactory.create(), PartnerFactory.create()
    person = services.person_create(
        actor=None, partner=first, first_name="A", last_name="B", started_on=dt.date(2009, 1, 1)
    )
    services.person_change_partner(
        actor=UserFactory.create(is_partnership_admin=True),
        person=person,
        partner=second,
        started_on=dt.date(2011, 4, 1),
        job_title="Head of ICT",
    )
    person.refresh_from_db()
    assert person.partner == second and person.job_title == "Head of ICT"
    spells = list(person.affiliations.order_by("started_on"))
    assert [(s.partner, s.ended_on) for s in spells] == [
        (first, dt.date(2011, 3, 31)),
        (second, None),
    ]


def test_it_refuses_a_move_that_starts_before_the_current_spell():
    first, second = PartnerFactory.create(), PartnerFactory.create()
    person = services.person_create(
        actor=None, partner=first, first_name="A", last_name="B", started_on=dt.date(2010, 1, 1)
    )
    with pytest.raises(ValidationError) as exc:
        services.person_change_partner(
            actor=None, person=person, partner=second, started_on=dt.date(2009, 1, 1)
        )
    assert "must be after 1 January 2010" in exc.value.message_dict["started_on"][0]
    person.refresh_from_db()
    assert person.partner == first
    assert person.affiliations.count() == 1


def test_it_refuses_a_move_to_the_same_partner():
    person = PersonFactory.create()
    with pytest.raises(ValidationError, match="already works for"):
        services.person_change_partner(
            actor=None, person=person, partner=person.partner, started_on=dt.date(2011, 1, 1)
        )


def test_it_refuses_an_exempt_person_without_a_paragraph():
    with pytest.raises(ValidationError) as exc:
        services.person_create(
            actor=None,
            partner=None,
            first_name="A",
            last_name="B",
            visibility=Visibility.EXEMPT,
        )
    assert "Schedule 12A" in exc.value.message_dict["exempt_paragraph"][0]


def test_it_refuses_to_delete_a_person_with_a_sign_in_account():
    person = PersonFactory.create()
    UserFactory.create(person=person)
    with pytest.raises(InUseError):
        services.person_delete(actor=None, person=person)
