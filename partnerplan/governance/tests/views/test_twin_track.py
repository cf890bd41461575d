from __future__ import annotations

from partnerplan.governance.tests.factories import (
    BodyFactory,
)
from partnerplan.governance.tests.helpers import error_list


def test_it_starts_a_twin_track_matter_through_the_form(world):
    other = BodyFactory.create(name="Leaders and Chief Executives Group", kind="external")
    client = world.client("admin")
    response = client.post(
        "/governance/matters/new/",
        {"title": "One Place supplier role", "bodies": [world.body.pk], "rule": "all",
         "visibility": "public"},
    )  # fmt: skip
    assert response.status_code == 400
    assert any("at least two bodies" in e for e in error_list(response))
    response = client.post(
        "/governance/matters/new/",
        {"title": "One Place supplier role", "bodies": [world.body.pk, other.pk], "rule": "all",
         "visibility": "public"},
    )  # fmt: skip
    assert response.status_code == 302
    html = world.client("public").get(response["Location"]).content.decode()
    assert "Awaiting approval" in html
