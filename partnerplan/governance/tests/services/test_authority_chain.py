"""The chain of authority: one function decides whether an authority covers an act, and one
account of each delegation's use (governance.services.authority)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from partnerplan.governance import effects, services
from partnerplan.governance.models import (
    ActKind,
    AuthorityUse,
    DelegationStatus,
    EffectState,
    Outcome,
    PowerKind,
    TrackOutcome,
)
from partnerplan.governance.services.authority import (
    Act,
    Grant,
    Subject,
    authority_refusal,
    authority_use,
    authority_use_release,
    delegation_account,
    prior_decision_record,
)
from partnerplan.governance.tests.factories import (
    BodyFactory,
    BodyMembershipFactory,
    DelegationFactory,
    PowerFactory,
    RecommendationFactory,
)
from partnerplan.governance.tests.helpers import message_of

pytestmark = pytest.mark.django_db

ON = dt.date(2011, 3, 1)


def call_act(fund_id: int = 7, amount: str = "20000", on: dt.date = ON) -> Act:
    return Act(
        kind=ActKind.CALL,
        powers=(PowerKind.CALL_ON_RESERVES,),
        on=on,
        label="call on the Partnership Reserve",
        subject=Subject("fund_id", fund_id, "the Partnership Reserve"),
        amount=Decimal(amount),
    )


@pytest.fixture
def decided(committee, held):
    """An approving decision of the Joint Committee (which holds the power to call on reserves)
    on a recommendation whose effect names fund 7, for £20,000."""
    body, members, _c = committee
    meeting, item = held
    PowerFactory.create(body=body, kind=PowerKind.CALL_ON_RESERVES)
    rec = RecommendationFactory.create(
        item=item,
        power=PowerKind.CALL_ON_RESERVES,
        amount=Decimal("20000"),
        effect_kind="",
        effect_params={"fund_id": 7, "amount": "20000"},
    )
    services.meeting_record_attendance(actor=None, meeting=meeting, present=members)
    return services.decision_record(
        actor=None, recommendation=rec, outcome=Outcome.APPROVED, reasons="Agreed"
    )


@pytest.fixture
def contingency(committee):
    """The seed's £85,000 contingency delegated by the Joint Committee to the Director."""
    jc, _m, _c = committee
    PowerFactory.create(body=jc, kind=PowerKind.DRAW_CONTINGENCY)
    director = BodyFactory.create(name="Partnership Director", kind="office_holder")
    delegation = DelegationFactory.create(
        from_body=jc,
        to_bodies=[director],
        power=PowerKind.DRAW_CONTINGENCY,
        financial_limit=Decimal("85000"),
        limit_is_total=True,
        status=DelegationStatus.IN_FORCE,
        starts_on=dt.date(2011, 1, 1),
    )
    holder = BodyMembershipFactory.create(body=director).person
    return delegation, director, holder


def drawdown(amount: str, on: dt.date = ON) -> Act:
    return Act(
        kind=ActKind.DRAWDOWN,
        powers=(PowerKind.DRAW_CONTINGENCY,),
        on=on,
        label=f"draw £{amount}",
        amount=Decimal(amount),
        single_use=False,
    )


def test_it_lets_a_decision_cover_the_act_it_is_about_once(decided):
    use = authority_use(actor=None, act=call_act(), grant=Grant(decision=decided))
    assert use.decision == decided and use.amount == Decimal("20000")
    with pytest.raises(ValidationError, match="already been used") as exc:
        authority_use(actor=None, act=call_act(), grant=Grant(decision=decided))
    assert "one decision authorises one act" in message_of(exc)
    authority_use_release(actor=None, use=use, reason="Posted in error and reversed")
    assert authority_use(actor=None, act=call_act(), grant=Grant(decision=decided))


def test_it_refuses_a_decision_about_another_subject_or_for_less(decided):
    refusal = authority_refusal(act=call_act(fund_id=8), grant=Grant(decision=decided))
    assert refusal and "is not about the Partnership Reserve" in refusal
    refusal = authority_refusal(act=call_act(amount="25000"), grant=Grant(decision=decided))
    assert refusal and "approved £20,000, not £25,000" in refusal


def test_it_refuses_a_decision_dated_after_the_act_or_before_what_it_approves(decided):
    early = authority_refusal(act=call_act(on=dt.date(2009, 1, 1)), grant=Grant(decision=decided))
    assert early and "after the date of this act" in early
    act = Act(**{**call_act().__dict__, "on": dt.date(2030, 1, 1)})
    late = Act(**{**act.__dict__, "not_before": dt.date(2026, 5, 1)})
    refusal = authority_refusal(act=late, grant=Grant(decision=decided))
    assert refusal and "before what it would approve existed" in refusal


def test_it_refuses_a_rejected_decision_and_one_of_a_body_without_the_power(committee, held):
    body, members, _c = committee
    meeting, item = held
    treasurers = BodyFactory.create(name="Section 151 Officers Group")
    PowerFactory.create(body=treasurers, kind=PowerKind.CALL_ON_RESERVES)
    rec = RecommendationFactory.create(item=item, effect_params={"fund_id": 7})
    services.meeting_record_attendance(actor=None, meeting=meeting, present=members)
    decision = services.decision_record(
        actor=None, recommendation=rec, outcome=Outcome.APPROVED, reasons="Agreed"
    )
    refusal = authority_refusal(act=call_act(), grant=Grant(decision=decision))
    assert refusal and "Joint Committee did not hold the power" in refusal
    assert "This needs a decision of Section 151 Officers Group, which holds the power to" in (
        refusal
    )
    assert authority_refusal(act=call_act(), grant=Grant()) == (
        "Choose the decision that allows this. This needs a decision of Section 151 Officers "
        "Group, which holds the power to approve a call on reserves."
    )


def test_it_counts_officer_decisions_and_drawdowns_in_one_account(contingency):
    delegation, director, holder = contingency
    services.officer_decision_record(
        actor=None, delegation=delegation, taken_by=director, decided_by=holder,
        title="Consultancy for the customer knowledge project", decision="Commission it",
        reasons="Urgent", amount=Decimal("85000"), decided_on=ON,
        options_considered="None", declared_interests="None",
    )  # fmt: skip
    with pytest.raises(ValidationError, match="would exceed its limit of £85,000") as exc:
        authority_use(
            actor=None, act=drawdown("1"), grant=Grant(delegation=delegation, drawn_by=holder)
        )
    assert "£85,000.00 has been used" in message_of(exc) or "£85,000 has been used" in (
        message_of(exc)
    )
    account = delegation_account(delegation)
    assert (account.used, account.left) == (Decimal("85000"), Decimal("0"))
    assert [u.act for u in account.uses] == [ActKind.OFFICER_DECISION]


def test_it_refuses_a_drawdown_by_someone_the_delegation_does_not_name(contingency):
    delegation, _director, _holder = contingency
    stranger = BodyMembershipFactory.create().person
    refusal = authority_refusal(
        act=drawdown("100"), grant=Grant(delegation=delegation, drawn_by=stranger)
    )
    assert refusal and "is not named by it: only Partnership Director may use it" in refusal


def test_it_records_a_prior_decision_only_for_a_body_that_held_the_power(committee):
    jc, _m, _c = committee
    corridor = BodyFactory.create(name="Chat in the corridor")
    with pytest.raises(ValidationError, match="does not have the power") as exc:
        prior_decision_record(
            actor=None, body=corridor, power=PowerKind.CALL_ON_RESERVES, decided_on=ON,
            reference="Overheard", title="Spend the reserve",
        )  # fmt: skip
    assert "does not have the power" in message_of(exc)
    with pytest.raises(ValidationError, match="Choose the body that took the decision"):
        prior_decision_record(
            actor=None, body=None, power=PowerKind.CALL_ON_RESERVES, decided_on=ON,
            reference="Minutes", title="Spend the reserve",
        )  # fmt: skip
    PowerFactory.create(body=jc, kind=PowerKind.CALL_ON_RESERVES)
    prior = prior_decision_record(
        actor=None, body=jc, power=PowerKind.CALL_ON_RESERVES, decided_on=dt.date(2010, 12, 17),
        reference="Joint Committee, 17 December 2010, item 6", title="Call £20,000",
        amount=Decimal("20000"), subject_params={"fund_id": 7},
    )  # fmt: skip
    assert authority_use(actor=None, act=call_act(), grant=Grant(prior_decision=prior))
    refusal = authority_refusal(act=call_act(), grant=Grant(prior_decision=prior))
    assert refusal and "already been used" in refusal


# --- Twin track: the effect is held back until the matter's rule is met ------------------

APPLIED: list[str] = []


@pytest.fixture
def recording_effect():
    effect = effects.register(
        effects.Effect(
            kind="test.record",
            label="Record that it happened",
            powers=(),
            params=(),
            handler=lambda *, actor, decision, **params: APPLIED.append(str(decision)),
        )
    )
    APPLIED.clear()
    yield effect
    effects._REGISTRY.pop("test.record", None)


def test_it_holds_a_twin_track_effect_until_every_body_has_approved(
    committee, held, recording_effect
):
    body, members, _c = committee
    meeting, item = held
    lceg = BodyFactory.create(name="Leaders and Chief Executives Group", kind="external")
    matter = services.matter_create(actor=None, title="Supplier role", bodies=[body, lceg])
    rec = RecommendationFactory.create(item=item, matter=matter, effect_kind="test.record")
    services.meeting_record_attendance(actor=None, meeting=meeting, present=members)
    decision = services.decision_record(
        actor=None, recommendation=rec, outcome=Outcome.APPROVED, reasons="Agreed"
    )
    assert decision.effect_state == EffectState.HELD and APPLIED == []
    assert matter.tracks.get(body=body).decision == decision
    services.matter_record_track(
        actor=None, matter=matter, body=lceg, outcome=TrackOutcome.APPROVED,
        decided_on=dt.date(2011, 1, 10), reference="Notes of the group",
    )  # fmt: skip
    decision.refresh_from_db()
    assert decision.effect_state == EffectState.APPLIED and [str(decision)] == APPLIED


def test_it_keeps_a_conflict_held_until_it_is_resolved_explicitly(
    committee, held, recording_effect
):
    body, members, _c = committee
    meeting, item = held
    lceg = BodyFactory.create(name="Leaders and Chief Executives Group", kind="external")
    matter = services.matter_create(actor=None, title="Supplier role", bodies=[body, lceg])
    rec = RecommendationFactory.create(item=item, matter=matter, effect_kind="test.record")
    services.meeting_record_attendance(actor=None, meeting=meeting, present=members)
    decision = services.decision_record(
        actor=None, recommendation=rec, outcome=Outcome.APPROVED, reasons="Agreed"
    )
    services.matter_record_track(
        actor=None, matter=matter, body=lceg, outcome=TrackOutcome.REJECTED,
        decided_on=dt.date(2011, 1, 10), reference="Notes of the group",
    )  # fmt: skip
    decision.refresh_from_db()
    assert decision.effect_state == EffectState.HELD and APPLIED == []
    with pytest.raises(ValidationError, match="Choose whether the matter goes ahead"):
        services.matter_resolve(actor=None, matter=matter, resolution="Agreed", outcome="maybe")
    services.matter_resolve(
        actor=None, matter=matter, resolution="Group content after redesign", outcome="proceed"
    )
    decision.refresh_from_db()
    assert decision.effect_state == EffectState.APPLIED and len(APPLIED) == 1


# --- Property: no sequence of uses and releases overdraws a delegation -------------------


def test_no_sequence_of_uses_overdraws_a_delegation(contingency):
    delegation, director, holder = contingency
    limit = delegation.financial_limit

    class Uses(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.savepoint = transaction.savepoint()
            self.live: list[tuple[AuthorityUse, Decimal]] = []

        def teardown(self) -> None:
            transaction.savepoint_rollback(self.savepoint)

        @rule(pence=st.integers(min_value=1, max_value=9_000_000), officer=st.booleans())
        def use(self, pence: int, officer: bool) -> None:
            amount = Decimal(pence) / 100
            fits = sum(a for _u, a in self.live) + amount <= limit
            try:
                if officer:
                    services.officer_decision_record(
                        actor=None, delegation=delegation, taken_by=director,
                        decided_by=holder, title="Delegated spend", decision="Spend",
                        reasons="Needed", amount=amount, decided_on=ON,
                        options_considered="None", declared_interests="None",
                    )  # fmt: skip
                    use = AuthorityUse.objects.latest("pk")
                else:
                    use = authority_use(
                        actor=None,
                        act=drawdown(str(amount)),
                        grant=Grant(delegation=delegation, drawn_by=holder),
                    )
            except ValidationError as exc:
                refused = message_of_error(exc)
            else:
                refused = ""
            assert fits == (not refused), refused
            if refused:
                return
            self.live.append((use, amount))

        @rule(index=st.integers(min_value=0, max_value=20))
        def release(self, index: int) -> None:
            if not self.live:
                return
            use, _amount = self.live.pop(index % len(self.live))
            authority_use_release(actor=None, use=use, reason="Reversed")

        @invariant()
        def within_the_limit(self) -> None:
            account = delegation_account(delegation)
            assert account.used == sum((a for _u, a in self.live), Decimal(0))
            assert account.used <= limit

    run_state_machine_as_test(
        Uses,
        settings=settings(
            max_examples=25,
            stateful_step_count=12,
            deadline=None,
            suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        ),
    )


def message_of_error(exc: ValidationError) -> str:
    return " ".join(exc.messages)
