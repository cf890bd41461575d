from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import factory

from partnerplan.core.models import Visibility
from partnerplan.governance.models import (
    Action,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Body,
    BodyKind,
    BodyMembership,
    Delegation,
    DelegationStatus,
    Meeting,
    MeetingStatus,
    MemberRole,
    Minutes,
    Power,
    PowerKind,
    Recommendation,
)
from partnerplan.partners.tests.factories import PersonFactory

LONDON = ZoneInfo("Europe/London")


def at(year: int, month: int, day: int, hour: int = 10) -> dt.datetime:
    return dt.datetime(year, month, day, hour, tzinfo=LONDON)


class BodyFactory(factory.django.DjangoModelFactory[Body]):
    class Meta:
        model = Body

    name = factory.Sequence(lambda n: f"Body {n}")
    kind = BodyKind.JOINT_COMMITTEE
    visibility = Visibility.PUBLIC


class BodyMembershipFactory(factory.django.DjangoModelFactory[BodyMembership]):
    class Meta:
        model = BodyMembership

    body = factory.SubFactory(BodyFactory)
    person = factory.SubFactory(PersonFactory)
    role = MemberRole.MEMBER


class PowerFactory(factory.django.DjangoModelFactory[Power]):
    class Meta:
        model = Power

    body = factory.SubFactory(BodyFactory)
    kind = PowerKind.APPROVE_PIPELINE_ENTRY


class DelegationFactory(factory.django.DjangoModelFactory[Delegation]):
    class Meta:
        model = Delegation
        skip_postgeneration_save = True

    from_body = factory.SubFactory(BodyFactory)
    power = PowerKind.DRAW_CONTINGENCY
    purpose = "Contingency"
    status = DelegationStatus.IN_FORCE

    @factory.post_generation
    def to_bodies(self, create, extracted, **kwargs):
        if create and extracted:
            self.to_bodies.set(extracted)


class MeetingFactory(factory.django.DjangoModelFactory[Meeting]):
    class Meta:
        model = Meeting

    body = factory.SubFactory(BodyFactory)
    starts_at = factory.LazyFunction(lambda: at(2030, 3, 15))
    venue = "Council chamber"


class PublishedMeetingFactory(MeetingFactory):
    status = MeetingStatus.AGENDA_PUBLISHED
    agenda_published_on = dt.date(2030, 3, 1)


class HeldMeetingFactory(MeetingFactory):
    starts_at = factory.LazyFunction(lambda: at(2010, 12, 17))
    status = MeetingStatus.HELD
    agenda_published_on = dt.date(2010, 12, 8)


class CancelledMeetingFactory(MeetingFactory):
    status = MeetingStatus.CANCELLED
    cancelled_reason = "Adverse weather"
    sequence = 1


class AgendaItemFactory(factory.django.DjangoModelFactory[AgendaItem]):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Report {n}")
    report = "The report's text."
    visibility = Visibility.PUBLIC


class ExemptItemFactory(AgendaItemFactory):
    visibility = Visibility.EXEMPT
    exempt_paragraph = 3
    title = "Contract negotiations"
    report = "Confidential figures"


class RecommendationFactory(factory.django.DjangoModelFactory[Recommendation]):
    class Meta:
        model = Recommendation

    item = factory.SubFactory(AgendaItemFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = "To approve the proposals."


class AttendanceFactory(factory.django.DjangoModelFactory[Attendance]):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(HeldMeetingFactory)
    person = factory.SubFactory(PersonFactory)
    role = MemberRole.MEMBER
    status = AttendanceStatus.PRESENT


class MinutesFactory(factory.django.DjangoModelFactory[Minutes]):
    class Meta:
        model = Minutes

    meeting = factory.SubFactory(HeldMeetingFactory)
    text = "The Committee met."


class ActionFactory(factory.django.DjangoModelFactory[Action]):
    class Meta:
        model = Action

    body = factory.SubFactory(BodyFactory)
    title = factory.Sequence(lambda n: f"Action {n}")
    owner = factory.SubFactory(PersonFactory)
    due_on = dt.date(2030, 1, 31)
