"""The recommendation form's pickers, and changing or withdrawing items and recommendations
through the pages: the agenda and the item page say what changed after publication."""

from __future__ import annotations

import pytest

from partnerplan.governance.forms.recommendations import encode
from partnerplan.governance.models import Recommendation
from partnerplan.governance.tests.factories import (
    AgendaItemFactory,
    MeetingFactory,
    PublishedMeetingFactory,
    RecommendationFactory,
)
from partnerplan.governance.tests.helpers import busy_meeting, error_list

pytestmark = pytest.mark.django_db

ALPHA = encode({"project_id": 1, "to_stage": "approved"})
BETA = encode({"project_id": 2, "to_stage": "pipeline"})


def test_it_adds_a_recommendation_by_choosing_from_pickers(world, picker_registry):
    item = AgendaItemFactory.create(meeting=MeetingFactory.create(body=world.body))
    client = world.client("admin")
    url = f"/governance/items/{item.pk}/recommendations/new/"
    html = client.get(url).content.decode()
    assert "Alpha: into &#x27;Approved&#x27;" in html
    assert "Project number" not in html and 'name="test_move__project_id"' not in html
    # A script reveals only the chosen effect's questions; without it all are shown.
    assert 'data-reveals="effect-test_move"' in html
    assert '<div class="govuk-radios__conditional" id="effect-test_move">' in html
    response = client.post(
        url, {"text": "Approve Alpha", "power": "approve_gate", "effect_kind": "test.move",
              "test_move__choice": ALPHA},
    )  # fmt: skip
    assert response.status_code == 302
    rec = Recommendation.objects.get()
    assert (rec.effect_kind, rec.effect_params) == (
        "test.move", {"project_id": 1, "to_stage": "approved"}
    )  # fmt: skip


def test_it_refuses_a_wrong_choice_at_once_on_its_picker(world, picker_registry):
    item = AgendaItemFactory.create(meeting=MeetingFactory.create(body=world.body))
    response = world.client("admin").post(
        f"/governance/items/{item.pk}/recommendations/new/",
        {"text": "Move Beta", "effect_kind": "test.move", "test_move__choice": BETA},
    )
    assert response.status_code == 400
    assert error_list(response) == [
        "Beta cannot move into &#x27;Pipeline&#x27;: it entered it yesterday"
    ]
    html = response.content.decode()
    assert 'href="#id_test_move__choice"' in html and 'id="id_test_move__choice-error"' in html
    assert not Recommendation.objects.exists()


def test_it_changes_and_withdraws_after_publication_and_the_agenda_says_so(world):
    meeting = PublishedMeetingFactory.create(body=world.body)
    item = AgendaItemFactory.create(meeting=meeting, title="Budget 2031")
    rec = RecommendationFactory.create(item=item, text="To note the budget")
    other = RecommendationFactory.create(item=item, text="To approve the fees")
    admin = world.client("admin")
    html = admin.get(f"/governance/meetings/{meeting.pk}/").content.decode()
    for url in (f"/governance/items/{item.pk}/change/", f"/governance/items/{item.pk}/withdraw/",
                f"/governance/recommendations/{rec.pk}/change/",
                f"/governance/recommendations/{rec.pk}/withdraw/"):  # fmt: skip
        assert f'href="{url}"' in html
    change = f"/governance/recommendations/{rec.pk}/change/"
    assert "To note the budget" in admin.get(change).content.decode()
    response = admin.post(change, {"text": "To approve the budget", "effect_kind": ""})
    assert response.status_code == 400
    assert error_list(response) == ["Enter what changed, and why"]
    response = admin.post(
        change, {"text": "To approve the budget", "effect_kind": "",
                 "change_note": "The report now asks for approval"},
    )  # fmt: skip
    assert response.status_code == 302
    response = admin.post(
        f"/governance/recommendations/{other.pk}/withdraw/", {"reason": "Fees are for March"}
    )
    assert response.status_code == 302
    response = admin.post(
        f"/governance/items/{item.pk}/change/",
        {"title": "Budget 2031 (revised)", "kind": "report", "change_note": "Table 2 corrected"},
    )
    assert response.status_code == 302
    for page in (f"/governance/meetings/{meeting.pk}/", f"/governance/items/{item.pk}/"):
        html = world.client("public").get(page).content.decode()
        assert "Changed after publication: Table 2 corrected" in html
        assert "Changed after publication: The report now asks for approval" in html
        assert "Withdrawn: Fees are for March" in html
        assert "Budget 2031 (revised)" in html
    response = admin.post(f"/governance/items/{item.pk}/withdraw/", {"reason": ""})
    assert response.status_code == 400
    assert error_list(response) == ["Enter why is it withdrawn?"]
    response = admin.post(f"/governance/items/{item.pk}/withdraw/", {"reason": "Deferred"})
    assert response.status_code == 302
    html = world.client("public").get(f"/governance/meetings/{meeting.pk}/").content.decode()
    assert "Withdrawn: Deferred" in html
    assert f'href="/governance/items/{item.pk}/change/"' not in html


def test_it_refuses_to_change_a_recommendation_of_a_held_meeting_on_the_page(world):
    meeting = busy_meeting(world.body)
    rec = RecommendationFactory.create(item=meeting.items.first(), number=9)
    response = world.client("admin").post(
        f"/governance/recommendations/{rec.pk}/change/",
        {"text": "Something else", "effect_kind": "", "change_note": "Late"},
    )
    assert response.status_code == 400
    assert any("recommendations go to a future meeting" in e for e in error_list(response))


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # session, user, viewer x2, the item, its recommendations, can it be opened, the people
        ("items/{item}/change/", 8),
        # session, user, viewer x2, the item, its recommendations, can it be opened
        ("items/{item}/withdraw/", 7),
        # session, user, viewer x2, the recommendation, the matters to choose from (the test
        # effects' pickers read nothing; each app pins its own pickers' queries)
        ("recommendations/{rec}/change/", 6),
        # session, user, viewer x2, the recommendation
        ("recommendations/{rec}/withdraw/", 5),
    ],
)
def test_it_shows_the_change_pages_in_a_fixed_number_of_queries(
    world, assert_queries, picker_registry, page, expected
):
    meeting = PublishedMeetingFactory.create(body=world.body)
    item = AgendaItemFactory.create(meeting=meeting)
    rec = RecommendationFactory.create(item=item)
    for _ in range(3):
        RecommendationFactory.create(item=item)
    url = "/governance/" + page.format(item=item.pk, rec=rec.pk)
    client = world.client("admin")
    with assert_queries(expected, url):
        response = client.get(url)
    assert response.status_code == 200


def test_it_starts_the_change_form_from_the_recommendations_own_choices(world, picker_registry):
    item = AgendaItemFactory.create(meeting=MeetingFactory.create(body=world.body))
    rec = RecommendationFactory.create(
        item=item, text="Move Alpha", effect_kind="test.move",
        effect_params={"project_id": 1, "to_stage": "approved"},
    )  # fmt: skip
    html = world.client("admin").get(f"/governance/recommendations/{rec.pk}/change/")
    html = html.content.decode()
    assert f'<option value="{ALPHA.replace(chr(34), "&quot;")}" selected>' in html
    assert 'value="test.move" checked' in html
    # Before publication no note is asked for.
    assert 'name="change_note"' not in html
