"""factory_boy factories for partners and people, including membership states."""

from __future__ import annotations

import datetime as dt

import factory

from partnerplan.core.models import User, Visibility
from partnerplan.partners.models import Partner, PartnerKind, Person


class PartnerFactory(factory.django.DjangoModelFactory[Partner]):
    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Partner Council {n}")
    abbreviation = factory.Sequence(lambda n: f"PC{n}")
    kind = PartnerKind.DISTRICT
    joined_on = dt.date(2008, 4, 1)
    visibility = Visibility.PUBLIC


class PartnerOnNoticeFactory(PartnerFactory):
    notice_given_on = dt.date(2010, 12, 17)


class PartnerLeftFactory(PartnerFactory):
    notice_given_on = dt.date(2010, 12, 17)
    left_on = dt.date(2011, 12, 31)


class PersonFactory(factory.django.DjangoModelFactory[Person]):
    class Meta:
        model = Person

    first_name = factory.Sequence(lambda n: f"Firstname{n}")
    last_name = "Officer"
    job_title = "Policy officer"
    partner = factory.SubFactory(PartnerFactory)
    email = factory.LazyAttribute(lambda p: f"{p.first_name.lower()}@example.org")
    visibility = Visibility.PARTNERSHIP


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("correct-horse-battery")
    first_name = factory.LazyAttribute(lambda u: u.person.first_name if u.person else "Test")
    last_name = factory.LazyAttribute(lambda u: u.person.last_name if u.person else "User")
    person = None
