from __future__ import annotations

import factory

from partnerplan.core.models import Visibility
from partnerplan.governance.models import Body, BodyKind, BodyMembership, MemberRole
from partnerplan.partners.tests.factories import PersonFactory


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
