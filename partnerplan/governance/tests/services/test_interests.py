"""The register of interests, dispensations and declarations at a meeting (issue 15)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from partnerplan.governance.models import Declaration, InterestKind, Participation
from partnerplan.governance.services import interests, officers
from partnerplan.governance.tests.factories import (
    AgendaItemFactory,
    HeldMeetingFactory,
    RecommendationFactory,
)
from partnerplan.partners.tests.factories import PartnerFactory, PersonFactory

pytestmark = pytest.mark.django_db

ON = dt.date(2010, 11, 1)


def test_it_records_a_declaration_not_on_the_register_and_flags_it(committee):
    body, members, _c = committee
    item = AgendaItemFactory.create(meeting=HeldMeetingFactory.create(body=body), number=3)
    declared = interests.declaration_record(
        actor=None, item=item, person=members[1], kind=InterestKind.OTHER,
        nature="Trustee of the bidding charity", participation=Participation.TOOK_PART,
    )  # fmt: skip
    assert declared.not_on_register and declared.interest is None
    assert "Not on the register" in interests.declaration_sentence(declared)


def test_it_matches_a_declaration_to_the_registered_interest_that_touches_the_item(committee):
    body, members, _c = committee
    item = AgendaItemFactory.create(meeting=HeldMeetingFactory.create(body=body), number=3)
    RecommendationFactory.create(item=item, effect_params={"project_id": 7, "to_stage": "go"})
    other = interests.interest_register(
        actor=None, person=members[1], kind=InterestKind.OTHER, description="Governor",
        registered_on=ON,
    )  # fmt: skip
    touching = interests.interest_register(
        actor=None, person=members[1], kind=InterestKind.OTHER, description="Director",
        subject_params={"project_id": 7}, registered_on=ON,
    )  # fmt: skip
    prompts = interests.interest_prompts(item)
    assert [p.interest for p in prompts] == [touching] and not prompts[0].declared
    assert other not in [p.interest for p in prompts]
    declared = interests.declaration_record(
        actor=None, item=item, person=members[1], kind=InterestKind.OTHER,
        nature="Director of the supplier", participation=Participation.LEFT,
    )  # fmt: skip
    assert declared.interest == touching and not declared.not_on_register
    assert interests.interest_prompts(item)[0].declared


def test_it_prompts_for_an_interest_in_a_partner_the_item_names(committee):
    body, members, _c = committee
    partner = PartnerFactory.create(name="Lichfield District Council", abbreviation="LDC")
    item = AgendaItemFactory.create(
        meeting=HeldMeetingFactory.create(body=body), title="Lichfield District Council bid"
    )
    interests.interest_register(
        actor=None, person=members[0], kind=InterestKind.PECUNIARY, description="Employed",
        partner=partner, registered_on=ON,
    )  # fmt: skip
    assert [p.interest.person for p in interests.interest_prompts(item)] == [members[0]]


def test_a_pecuniary_interest_needs_leaving_the_room_or_a_dispensation_in_force(committee):
    body, members, _c = committee
    meeting = HeldMeetingFactory.create(body=body)
    item = AgendaItemFactory.create(meeting=meeting, number=3)
    legal = PersonFactory.create(first_name="Monica", last_name="Officer")
    officers.statutory_officers_name(actor=None, finance=PersonFactory.create(), legal=legal)
    with pytest.raises(ValidationError, match="must leave the room") as exc:
        interests.declaration_record(
            actor=None, item=item, person=members[1], kind=InterestKind.PECUNIARY,
            nature="Owns land at the site", participation=Participation.TOOK_PART,
        )  # fmt: skip
    assert "Monica Officer, the partnership's legal officer" in str(exc.value)
    assert not Declaration.objects.exists()
    interests.dispensation_grant(
        actor=None, person=members[1], granted_by=legal, purpose="To speak and vote",
        granted_on=dt.date(2010, 1, 1), ends_on=dt.date(2010, 12, 16), body=body,
    )  # fmt: skip
    with pytest.raises(ValidationError, match="unless a dispensation in force"):
        interests.declaration_record(
            actor=None, item=item, person=members[1], kind=InterestKind.PECUNIARY,
            nature="Owns land at the site", participation=Participation.TOOK_PART,
        )  # fmt: skip
    interests.dispensation_grant(
        actor=None, person=members[1], granted_by=legal, purpose="To speak and vote",
        granted_on=dt.date(2010, 12, 1), ends_on=dt.date(2011, 12, 1),
    )  # fmt: skip
    declared = interests.declaration_record(
        actor=None, item=item, person=members[1], kind=InterestKind.PECUNIARY,
        nature="Owns land at the site", participation=Participation.TOOK_PART,
    )  # fmt: skip
    assert declared.participation == Participation.DISPENSATION and declared.dispensation


def test_it_refuses_a_declaration_by_someone_not_a_member(committee):
    body, _members, _c = committee
    item = AgendaItemFactory.create(meeting=HeldMeetingFactory.create(body=body))
    with pytest.raises(ValidationError, match="was not a member"):
        interests.declaration_record(
            actor=None, item=item, person=PersonFactory.create(), kind=InterestKind.OTHER,
            nature="x", participation=Participation.LEFT,
        )  # fmt: skip


def test_a_dispensation_lasts_at_most_four_years_and_is_not_self_granted(committee):
    _body, members, _c = committee
    with pytest.raises(ValidationError, match="at most four years"):
        interests.dispensation_grant(
            actor=None, person=members[0], granted_by=members[1], purpose="Vote",
            granted_on=dt.date(2010, 1, 1), ends_on=dt.date(2015, 1, 1),
        )  # fmt: skip
    with pytest.raises(ValidationError, match="cannot grant themselves"):
        interests.dispensation_grant(
            actor=None, person=members[0], granted_by=members[0], purpose="Vote",
            granted_on=dt.date(2010, 1, 1), ends_on=dt.date(2011, 1, 1),
        )  # fmt: skip


def test_a_gift_needs_who_gave_it_and_its_value(committee):
    _body, members, _c = committee
    with pytest.raises(ValidationError, match="who gave"):
        interests.interest_register(
            actor=None, person=members[0], kind=InterestKind.GIFT, description="Dinner"
        )
    gift = interests.interest_register(
        actor=None, person=members[0], kind=InterestKind.GIFT, description="Dinner",
        given_by="Supplier Ltd", value=Decimal("60.00"),
    )  # fmt: skip
    interests.interest_end(actor=None, interest=gift)
    with pytest.raises(ValidationError, match="ended on"):
        interests.interest_end(actor=None, interest=gift)


# --- Sensitive interests (Localism Act 2011 s32) ---------------------------------------------


def test_it_marks_an_interest_sensitive_only_with_the_monitoring_officers_agreement(world):
    from partnerplan.governance.services import interests as interest_services
    from partnerplan.governance.services.officers import statutory_officers_name
    from partnerplan.partners.tests.factories import PersonFactory

    member = PersonFactory.create(partner=world.alpha)
    interest = interest_services.interest_register(
        actor=None, person=member, kind="pecuniary", description="Home at 4 Example Road",
        today=dt.date(2010, 12, 1),
    )  # fmt: skip
    with pytest.raises(ValidationError, match="No legal officer"):
        interest_services.interest_mark_sensitive(
            actor=None, interest=interest, agreed_by=member, today=dt.date(2010, 12, 2)
        )
    legal = world.users["officer"].person
    statutory_officers_name(actor=None, finance=world.users["admin"].person, legal=legal)
    with pytest.raises(ValidationError, match="Only the Monitoring Officer"):
        interest_services.interest_mark_sensitive(
            actor=None, interest=interest, agreed_by=member, today=dt.date(2010, 12, 2)
        )
    interest = interest_services.interest_mark_sensitive(
        actor=None, interest=interest, agreed_by=legal, today=dt.date(2010, 12, 2)
    )
    assert interest.sensitive and interest.sensitive_agreed_on == dt.date(2010, 12, 2)
    public = world.client("member").get(f"/governance/people/{member.pk}/interests/")
    html = public.content.decode()
    assert "Home at 4 Example Road" not in html
    assert "sensitive interest (Localism Act 2011 s32)" in html
    admin = world.client("admin").get(f"/governance/people/{member.pk}/interests/")
    assert "Home at 4 Example Road" in admin.content.decode()
