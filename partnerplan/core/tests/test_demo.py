from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from partnerplan.core.models import User
from partnerplan.governance.models import Body
from partnerplan.partners.models import Partner, Person

pytestmark = pytest.mark.django_db

SEED_ABBREVIATIONS = {
    "SCC", "SOTCC", "CCDC", "ESBC", "LDC", "NBC", "SSDC", "SBC", "SMDC", "TBC", "SCP"
}  # fmt: skip


def _load() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_it_loads_every_partner_of_the_seed_with_its_full_name():
    _load()
    partners = {p.abbreviation: p for p in Partner.objects.all()}
    assert set(partners) == SEED_ABBREVIATIONS
    assert partners["SOTCC"].name == "Stoke-on-Trent City Council"
    assert partners["SCC"].kind == "county"


def test_it_records_tamworths_notice_of_resignation():
    _load()
    tamworth = Partner.objects.get(abbreviation="TBC")
    assert tamworth.membership_status() == "notice"
    assert "notice of resignation" in tamworth.notes


def test_it_loads_the_people_named_in_the_seed_with_their_roles():
    _load()
    director = Person.objects.get(first_name="Andrew", last_name="Street")
    assert director.partner.abbreviation == "SCP"
    assert [r.code for r in director.roles.all()] == ["director"]
    heenan = Person.objects.get(last_name="Heenan")
    assert (heenan.honorific, heenan.partner.abbreviation) == ("Cllr", "SBC")
    assert Person.objects.filter(is_demo=False).count() == 8


def test_it_marks_invented_people_and_accounts_as_demo_data():
    output = _load()
    assert "DEMO DATA" in output
    for person in Person.objects.filter(is_demo=True):
        assert person.notes.startswith("DEMO DATA")
        assert person.email.endswith("@demo.invalid")
    assert set(User.objects.values_list("username", flat=True)) == {
        "director", "member", "pm", "officer"
    }  # fmt: skip
    assert User.objects.get(username="director").is_partnership_admin


def test_it_can_be_run_twice_without_duplicating_anything():
    _load()
    counts = (Partner.objects.count(), Person.objects.count(), Body.objects.count())
    _load()
    assert (Partner.objects.count(), Person.objects.count(), Body.objects.count()) == counts
