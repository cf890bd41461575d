"""The demo reproduces the seed's figures from the ledger (section 4.9, Appendix A notes)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from partnerplan.core.tests.demo_clock import walk_to
from partnerplan.finance import demo
from partnerplan.finance.models import Bid, BidStatus, Fund, LedgerTransaction, Scenario
from partnerplan.finance.selectors import (
    Include,
    compare_scenarios,
    figure_check,
    fund_balance,
    ledger_problems,
)

pytestmark = pytest.mark.django_db

MARCH = dt.date(2011, 3, 31)


@pytest.fixture
def loaded():
    call_command("load_demo", stdout=StringIO())
    return Fund.objects.get(name=demo.RESERVE)


def test_it_computes_the_march_2011_forecast_after_the_sanctioned_call(loaded):
    assert fund_balance(fund=loaded, on=MARCH) == Decimal("232290.00")
    check = figure_check(text_or_figure=demo.SEED_FORECAST, fund=loaded, on=MARCH)
    assert check.matches, check.message


def test_it_computes_the_forecast_if_the_pending_items_are_approved_and_flags_the_seed(loaded):
    both = Scenario.objects.get(name=demo.BOTH)
    assert fund_balance(fund=loaded, on=MARCH, scenario=both) == Decimal("129790.00")
    check = figure_check(text_or_figure=demo.SEED_SCENARIO, fund=loaded, on=MARCH, scenario=both)
    assert not check.matches
    assert check.quoted == Decimal("129700.00")
    assert check.difference == Decimal("-90.00")
    assert "£129,700 does not agree with the ledger, which gives" in check.message
    assert "£129,790: the quoted figure is £90 less" in check.message


def test_it_compares_the_named_scenarios(loaded):
    rows = dict(compare_scenarios(fund=loaded, on=MARCH, scenarios=Scenario.objects.all()))
    assert rows["Contingency call only"] == Decimal("147290.00")
    assert rows["CRM request only"] == Decimal("214790.00")


def test_the_pending_items_are_not_in_the_ledger(loaded):
    assert fund_balance(fund=loaded, on=MARCH, include=Include.ACTUAL) == Decimal("318990.00")
    assert Fund.objects.get(name=demo.CONTINGENCY).requests.count() == 0
    assert not LedgerTransaction.objects.filter(description__icontains="CRM").exists()


def test_it_records_the_riep_bids_and_the_secured_funding(loaded):
    bids = {b.title: b for b in Bid.objects.all()}
    assert bids["Staffordshire One Place"].status == BidStatus.GREEN_LIGHT
    assert bids["Staffordshire One Place"].amount == Decimal("275000.00")
    assert bids["Life Events"].status == BidStatus.SUBMITTED
    assert bids["Life Events"].amount == Decimal("35000.00")
    secured = bids["Adult Social Care and Health"]
    assert secured.status == BidStatus.SECURED
    assert fund_balance(fund=secured.fund, on=MARCH) == Decimal("100000.00")


def test_the_life_events_project_manager_is_funded_from_reserves(loaded):
    tx = LedgerTransaction.objects.get(description__startswith="Life Events project manager")
    project_entry = tx.entries.get(account__project__isnull=False)
    assert project_entry.account.project.title == "Life Events"
    assert project_entry.amount == Decimal("36400.00")


def test_the_demo_ledger_is_sound_and_loading_twice_adds_nothing(loaded):
    assert ledger_problems() == []
    counts = (LedgerTransaction.objects.count(), Bid.objects.count(), Scenario.objects.count())
    call_command("load_demo", stdout=StringIO())
    assert counts == (
        LedgerTransaction.objects.count(),
        Bid.objects.count(),
        Scenario.objects.count(),
    )


def test_it_posts_the_contingency_call_when_the_committee_approves_recommendation_2_4(loaded):
    from partnerplan.core.models import User
    from partnerplan.governance import services as governance
    from partnerplan.governance.models import Meeting, Recommendation

    director = User.objects.get(username="director")
    rec = Recommendation.objects.select_related("item__meeting").get(
        reference="2.4", item__meeting__starts_at__date=dt.date(2010, 12, 17)
    )
    assert rec.effect_kind == "finance.call_on_reserves"
    meeting: Meeting = rec.item.meeting
    walk_to(meeting.date, actor=director)  # with a demonstration clock, to the meeting's day
    governance.meeting_mark_held(actor=director, meeting=meeting)
    members = [m.person for m in meeting.body.memberships.all()]
    governance.meeting_record_attendance(actor=director, meeting=meeting, present=members)
    governance.decision_record(
        actor=director, recommendation=rec, outcome="approved", reasons="As the report sets out."
    )
    # The approved call is now in the ledger, so the forecast without any scenario moves by £85k.
    assert fund_balance(fund=loaded, on=MARCH) == Decimal("147290.00")
    assert ledger_problems() == []


def test_the_demo_calls_cite_the_committees_decisions_recorded_from_the_papers(loaded):
    from partnerplan.finance.selectors import authority_breaks
    from partnerplan.governance.models import PowerKind

    calls = LedgerTransaction.objects.filter(kind="call").select_related(
        "prior_decision__body", "authority_use"
    )
    assert calls.count() == 2
    for tx in calls:
        assert tx.prior_decision.body.name == "Staffordshire Connects Joint Committee"
        assert tx.prior_decision.power == PowerKind.CALL_ON_RESERVES
        assert tx.authority_use.prior_decision == tx.prior_decision
    pm_call = Fund.objects.get(name=demo.PM_CALL)
    assert pm_call.other_use_approver.name == "Staffordshire Connects Joint Committee"
    assert authority_breaks() == []
    out = StringIO()
    call_command("check_ledger", stdout=out)
    assert "agrees with the approvals" in out.getvalue()


def test_approving_2_4_closes_the_contingency_request_so_scenarios_count_it_once(loaded):
    from partnerplan.core.models import User
    from partnerplan.finance.models import FundingRequest
    from partnerplan.finance.selectors import authority_breaks
    from partnerplan.governance import services as governance
    from partnerplan.governance.models import Recommendation

    director = User.objects.get(username="director")
    rec = Recommendation.objects.select_related("item__meeting").get(
        reference="2.4", item__meeting__starts_at__date=dt.date(2010, 12, 17)
    )
    meeting = rec.item.meeting
    walk_to(meeting.date, actor=director)  # with a demonstration clock, to the meeting's day
    governance.meeting_mark_held(actor=director, meeting=meeting)
    members = [m.person for m in meeting.body.memberships.all()]
    governance.meeting_record_attendance(actor=director, meeting=meeting, present=members)
    decision = governance.decision_record(
        actor=director, recommendation=rec, outcome="approved", reasons="As the report sets out."
    )
    request = FundingRequest.objects.get(title__startswith="Further call on reserves")
    assert (request.status, request.decision) == ("approved", decision)
    only = Scenario.objects.get(name="Contingency call only")
    assert fund_balance(fund=loaded, on=MARCH, scenario=only) == Decimal("147290.00")
    assert authority_breaks() == []
