"""Decisions taken before partnerplan, a delegation's uses, and twin-track matters' pages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from partnerplan.governance import services
from partnerplan.governance.forms.subjects import subject_value
from partnerplan.governance.models import (
    Decision,
    EffectState,
    Outcome,
    PowerKind,
    PriorDecision,
    TrackOutcome,
)
from partnerplan.governance.services.authority import (
    Act,
    Grant,
    authority_use,
    authority_use_release,
    prior_decision_record,
)
from partnerplan.governance.tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    BodyMembershipFactory,
    DelegationFactory,
    HeldMeetingFactory,
    PowerFactory,
    RecommendationFactory,
)
from partnerplan.governance.tests.helpers import error_list

pytestmark = pytest.mark.django_db


def _form(body, **extra):
    data = {"body": body.pk, "power": PowerKind.CALL_ON_RESERVES, "decided_on_day": "17",
            "decided_on_month": "12", "decided_on_year": "2010",
            "reference": "Joint Committee, 17 December 2010, item 6, recommendation 2.1",
            "title": "Call on reserves for the business case", "amount": "20000"}  # fmt: skip
    return {**data, **extra}


def test_it_records_a_decision_taken_before_partnerplan_through_the_form(world, picker_registry):
    PowerFactory.create(body=world.body, kind=PowerKind.CALL_ON_RESERVES)
    client = world.client("admin")
    html = client.get(f"/governance/prior-decisions/new/?body={world.body.pk}").content.decode()
    # What it is about: the registered effects' pickers, by name, never typed numbers.
    assert "General reserve" in html and "Move a test project: Alpha: into" in html
    fund = subject_value({"fund_id": 10})
    response = client.post(
        "/governance/prior-decisions/new/", _form(world.body, subject_params=fund)
    )
    assert response.status_code == 302
    prior = PriorDecision.objects.get()
    assert (prior.body, prior.decided_on, prior.amount) == (
        world.body, dt.date(2010, 12, 17), Decimal("20000")
    )  # fmt: skip
    assert prior.subject_params == {"fund_id": 10}
    html = world.client("public").get("/governance/prior-decisions/").content.decode()
    assert "Call on reserves for the business case" in html
    assert "About: General reserve" in html and "£20,000" in html


def test_it_hides_a_prior_decision_about_a_restricted_fund(world):
    from types import SimpleNamespace

    from partnerplan.core.models import Visibility
    from partnerplan.governance import effects
    from partnerplan.governance.services.authority import prior_decision_record

    PowerFactory.create(body=world.body, kind=PowerKind.CALL_ON_RESERVES)
    saved = dict(effects._SUBJECTS)
    restricted = SimpleNamespace(visibility=Visibility.PARTNERSHIP, exempt_paragraph=None)
    effects.register_subject("fund_id", lambda pk: restricted if pk == 77 else None)
    try:
        prior = prior_decision_record(
            actor=None, body=world.body, power=PowerKind.CALL_ON_RESERVES,
            decided_on=dt.date(2010, 9, 24), reference="JC, 24 September 2010",
            title="Call on the hidden reserve", subject_params={"fund_id": 77},
        )  # fmt: skip
    finally:
        effects._SUBJECTS.clear()
        effects._SUBJECTS.update(saved)
    assert prior.visibility == Visibility.PARTNERSHIP  # its subject's, not public
    public = world.client("public").get("/governance/prior-decisions/").content.decode()
    assert "Call on the hidden reserve" not in public
    officer = world.client("officer").get("/governance/prior-decisions/").content.decode()
    assert "Call on the hidden reserve" in officer


def test_it_refuses_a_decision_before_partnerplan_of_a_body_without_the_power(world):
    lonely = BodyFactory.create(name="Corridor")
    response = world.client("admin").post(
        "/governance/prior-decisions/new/", _form(lonely, subject_params="")
    )
    assert response.status_code == 400
    assert any("Corridor" in e for e in error_list(response))
    assert 'id="id_body-error"' in response.content.decode()
    assert not PriorDecision.objects.exists()


def test_it_reaches_decisions_before_partnerplan_from_the_registers_and_the_body(world):
    for page in ("/governance/decisions/", f"/governance/bodies/{world.body.pk}/"):
        html = world.client("admin").get(page).content.decode()
        assert 'href="/governance/prior-decisions/"' in html
    html = world.client("admin").get(f"/governance/bodies/{world.body.pk}/").content.decode()
    assert f'href="/governance/prior-decisions/new/?body={world.body.pk}"' in html


def test_it_shows_a_delegations_uses_and_what_is_left(world):
    director = BodyFactory.create(name="Partnership Director", kind="office_holder")
    PowerFactory.create(body=world.body, kind=PowerKind.DRAW_CONTINGENCY)
    delegation = DelegationFactory.create(
        from_body=world.body, to_bodies=[director], financial_limit=Decimal("85000"),
        limit_is_total=True, starts_on=dt.date(2011, 1, 1),
    )  # fmt: skip
    holder = BodyMembershipFactory.create(body=director).person
    services.officer_decision_record(
        actor=None, delegation=delegation, taken_by=director, decided_by=holder,
        title="Extra project manager", decision="Appoint", reasons="Capacity",
        options_considered="None", declared_interests="None",
        amount=Decimal("30000"), decided_on=dt.date(2011, 2, 1),
    )  # fmt: skip
    act = Act(kind="drawdown", powers=(PowerKind.DRAW_CONTINGENCY,), on=dt.date(2011, 3, 1),
              label="draw £10,000 on the contingency", amount=Decimal("10000"))  # fmt: skip
    use = authority_use(actor=None, act=act, grant=Grant(delegation=delegation))
    authority_use_release(actor=None, use=use, reason="Posted twice by mistake")
    html = world.client("public").get(f"/governance/delegations/{delegation.pk}/").content.decode()
    assert "£85,000" in html and "in total, for every use together" in html
    assert "Extra project manager" in html and "£30,000" in html
    assert "Given back" in html and "Posted twice by mistake" in html
    # Used £30,000 (the drawdown was given back): £55,000 is left.
    assert "<strong>£55,000</strong>" in html
    body_html = world.client("public").get(f"/governance/bodies/{world.body.pk}/").content.decode()
    assert f'href="/governance/delegations/{delegation.pk}/"' in body_html


def _held_matter(world):
    lceg = BodyFactory.create(name="Leaders and Chief Executives Group", kind="external")
    matter = services.matter_create(
        actor=None, title="One Place supplier role", bodies=[world.body, lceg],
        visibility="public",
    )  # fmt: skip
    meeting = HeldMeetingFactory.create(body=world.body)
    rec = RecommendationFactory.create(
        item=AgendaItemFactory.create(meeting=meeting), matter=matter,
        text="To approve the supplier role",
    )  # fmt: skip
    decision = Decision.objects.create(
        recommendation=rec, meeting=meeting, body=world.body, outcome=Outcome.APPROVED,
        decided_on=meeting.date, effect_state=EffectState.HELD,
    )  # fmt: skip
    track = matter.tracks.get(body=world.body)
    track.outcome, track.decided_on, track.decision = TrackOutcome.APPROVED, meeting.date, decision
    track.save()
    return matter, lceg, decision


def test_it_links_each_track_to_its_decision_and_shows_effects_held_back(world):
    matter, _lceg, decision = _held_matter(world)
    html = world.client("officer").get(f"/governance/matters/{matter.pk}/").content.decode()
    assert "Effects held back" in html
    assert f'href="/governance/meetings/{decision.meeting_id}/">{decision}</a>' in html
    assert "Held back until every track has decided" in html


def test_it_asks_whether_a_resolved_conflict_goes_ahead(world):
    matter, lceg, decision = _held_matter(world)
    services.matter_record_track(
        actor=None, matter=matter, body=lceg, outcome=TrackOutcome.REJECTED,
        decided_on=dt.date(2010, 12, 20), reference="Notes of 20 December 2010",
    )  # fmt: skip
    client = world.client("admin")
    url = f"/governance/matters/{matter.pk}/resolve/"
    assert "Does the matter go ahead?" in client.get(url).content.decode()
    response = client.post(url, {"resolution": "The Director agreed a way forward"})
    assert response.status_code == 400
    assert error_list(response) == ["Select does the matter go ahead?"]
    response = client.post(
        url, {"resolution": "The Director and the Group agreed not to go on", "outcome": "drop"}
    )
    assert response.status_code == 302
    matter.refresh_from_db()
    decision.refresh_from_db()
    assert matter.resolution_outcome == "drop"
    assert decision.effect_state == EffectState.DROPPED
    html = world.client("officer").get(f"/governance/matters/{matter.pk}/").content.decode()
    assert "the matter does not go ahead" in html


def test_it_offers_a_twin_track_matter_of_the_body_on_the_recommendation_form(
    world, picker_registry
):
    matter, _lceg, _d = _held_matter(world)
    theirs = services.matter_create(
        actor=None, title="Someone else's matter",
        bodies=[BodyFactory.create(), BodyFactory.create()],
    )  # fmt: skip
    item = AgendaItemFactory.create(meeting=HeldMeetingFactory.create(body=world.body))
    item.meeting.status = "scheduled"
    item.meeting.save()
    html = (
        world.client("admin")
        .get(f"/governance/items/{item.pk}/recommendations/new/")
        .content.decode()
    )
    assert f'<option value="{matter.pk}">One Place supplier role</option>' in html
    assert theirs.title not in html


def test_it_asks_what_a_matter_is_about_from_the_project_picker(world, picker_registry):
    other = BodyFactory.create(name="Leaders and Chief Executives Group", kind="external")
    client = world.client("admin")
    html = client.get("/governance/matters/new/").content.decode()
    alpha = subject_value({"project_id": 1})
    assert f'<option value="{alpha.replace(chr(34), "&quot;")}">Alpha</option>' in html
    response = client.post(
        "/governance/matters/new/",
        {"title": "One Place", "bodies": [world.body.pk, other.pk], "rule": "all",
         "visibility": "public", "subject_params": alpha},
    )  # fmt: skip
    assert response.status_code == 302
    from partnerplan.governance.models import Matter

    assert Matter.objects.get().subject_params == {"project_id": 1}


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # session, user, viewer x2, the decisions (count, page)
        ("prior-decisions/", 6),
        # session, user, viewer x2, the bodies to choose from
        ("prior-decisions/new/", 5),
        # session, user, viewer x2, the delegation, its bodies and decisions, its uses
        ("delegations/{delegation}/", 8),
    ],
)
def test_it_shows_the_authority_pages_in_a_fixed_number_of_queries(
    world, assert_queries, picker_registry, page, expected
):
    PowerFactory.create(body=world.body, kind=PowerKind.CALL_ON_RESERVES)
    for day in (1, 2, 3):
        prior_decision_record(
            actor=None, body=world.body, power=PowerKind.CALL_ON_RESERVES,
            decided_on=dt.date(2010, 12, day), reference=f"Minute {day}", title="Call",
            subject_params={"fund_id": 10},
        )  # fmt: skip
    delegation = DelegationFactory.create(from_body=world.body, to_bodies=[world.body])
    for n in range(3):
        act = Act(kind="drawdown", powers=(PowerKind.DRAW_CONTINGENCY,), on=dt.date(2030, 1, 1),
                  label=f"draw £{n + 1}", amount=Decimal(n + 1), single_use=False)  # fmt: skip
        authority_use(actor=None, act=act, grant=Grant(delegation=delegation))
    url = "/governance/" + page.format(delegation=delegation.pk)
    client = world.client("admin")
    with assert_queries(expected, url):
        response = client.get(url)
    assert response.status_code == 200
