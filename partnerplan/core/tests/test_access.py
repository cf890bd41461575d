from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from partnerplan.core.access import PUBLIC_VIEWER, can, require, viewer_for, visible
from partnerplan.core.models import Visibility
from partnerplan.governance.models import Body
from partnerplan.governance.tests.factories import BodyFactory
from partnerplan.partners.models import Partner


def test_it_describes_each_personas_roles(world):
    labels = {role: viewer_for(user).role_labels for role, user in world.users.items()}
    assert labels["public"] == ["Public"]
    assert labels["officer"] == ["Partner officer"]
    assert labels["member"] == ["Member of a body", "Partner officer"]
    assert labels["pm"] == ["Project manager", "Partner officer"]
    assert labels["admin"][0] == "Partnership administrator"


def test_it_lets_members_of_a_body_see_its_exempt_records(world):
    secret = BodyFactory.create(
        name="Confidential group", visibility=Visibility.EXEMPT, exempt_paragraph=3
    )
    world.users["member"].person.body_memberships.create(body=secret)
    member = viewer_for(world.users["member"])
    officer = viewer_for(world.users["officer"])
    assert secret in visible(Body.objects.all(), member)
    assert secret not in visible(Body.objects.all(), officer)
    assert secret not in visible(Body.objects.all(), PUBLIC_VIEWER)


def test_it_caches_the_viewer_for_the_request(world, django_assert_num_queries):
    user = world.users["officer"]
    viewer_for(user)
    with django_assert_num_queries(0):
        viewer_for(user)


def test_it_refuses_with_the_rule_in_plain_english(world):
    with pytest.raises(PermissionDenied, match="Only partnership administrators can add partners"):
        require(viewer_for(world.users["officer"]), "partners.add_partner")


def test_it_refuses_to_guess_an_unknown_rule():
    with pytest.raises(KeyError, match="No access rule"):
        can(PUBLIC_VIEWER, "partners.fly")


def test_it_refuses_to_filter_a_model_without_visibility(db):
    from partnerplan.partners.models import Role

    with pytest.raises(TypeError):
        visible(Role.objects.all(), PUBLIC_VIEWER)
    assert visible(Partner.objects.all(), PUBLIC_VIEWER).count() == 0
