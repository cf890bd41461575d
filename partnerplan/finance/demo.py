"""The money of the seed report (4.9, 2.4 and the notes to Appendix A).

From the seed: the forecast reserve position by March 2011 allowing for the call on reserves of
£86,700 sanctioned by the Committee at its last meeting is £232,290; the proposed further call
of £85k as a contingency delegated to the Director or SAB (2.4); the request for £17,500 for
CRM purposes; the £275k RIEP bid titled Staffordshire One Place (green light, 3.3); £100k RIEP
funding secured for Adult Social Care and Health; a £35k RIEP bid for Life Events, whose project
manager is to be resourced from reserves (£36,400).

The forecasts are computed by the ledger, not typed in. The report says that if the further
call and the CRM request are both approved the March 2011 balance would be £129,700; the ledger
gives £232,290 - £85,000 - £17,500 = £129,790. The figure check shows the £90 difference.

Every call cites its authority as the chain of authority requires: the 2010 calls cite the
Committee's decisions at its previous meeting, recorded from the papers as decisions taken
before partnerplan (governance `PriorDecision`, through `prior_decision_record`: the Committee
held the power to approve calls on reserves) and used once each; the opening balance keeps its
reference (it needs no power). The earmarked project managers' call names the Committee as the
body that may approve another use of it.

DEMO DATA (the seed does not say): the reserve's actual balance (entered as an opening balance
of £318,990, which is £232,290 + £86,700); the date of the previous Committee meeting; when
calls are expected to be paid; that the £36,400 for the Life Events project manager is part of
the £86,700 call; the dates of bids and of the award; that the Committee (which owns the
reserve) is the body that may approve another use of the earmarked call.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from partnerplan.core.models import User, Visibility
from partnerplan.finance import services
from partnerplan.finance.models import (
    Bid,
    BidStatus,
    Fund,
    FundingRequest,
    FundKind,
    LedgerTransaction,
    Scenario,
)
from partnerplan.governance.models import Body, Delegation, PowerKind
from partnerplan.partners.models import Partner

REPORT = "Review of Partnership Work Plan, Joint Committee, 17 December 2010"
MARCH_2011 = dt.date(2011, 3, 31)
PREVIOUS_MEETING = dt.date(2010, 9, 24)  # DEMO DATA: the seed says only "its last meeting"
OPENING_ON = dt.date(2010, 4, 1)  # DEMO DATA

RESERVE = "Staffordshire Connects reserve"
PM_CALL = "Project managers call (sanctioned at the previous Committee meeting)"
CONTINGENCY = "Contingency for early project work (recommendation 2.4)"
RIEP_ASCH = "RIEP grant: Adult Social Care and Health"
RIEP_LIFE = "RIEP grant: Life Events"
RIEP_ONE_PLACE = "RIEP grant: Staffordshire One Place"

SEED_FORECAST = "The forecast reserve position by March 2011, allowing for the call on reserves "
SEED_FORECAST += "of £86,700 sanctioned by the Committee at its last meeting, is £232,290."
SEED_SCENARIO = "If this additional call is approved as well as the request for £17,500 for CRM "
SEED_SCENARIO += "purposes, the March 2011 forecast balance would be £129,700."
BOTH = "Contingency call and CRM request both approved"


def _fund(actor: User, name: str, **data: Any) -> Fund:
    fund = Fund.objects.filter(name=name).first()
    if fund is None:
        contributors = data.pop("contributors", ())
        fund = services.fund_create(
            actor=actor, name=name, visibility=Visibility.PUBLIC, contributors=contributors, **data
        )
    return fund


def _once(description: str) -> bool:
    return not LedgerTransaction.objects.filter(description=description).exists()


def _funds(context: dict[str, Any], actor: User) -> dict[str, Fund]:
    bodies: dict[str, Body] = context["bodies"]
    partners: dict[str, Partner] = context["partners"]
    jc = bodies["JC"]
    reserve = _fund(
        actor, RESERVE, kind=FundKind.RESERVE, owner_body=jc,
        contributors=[p for a, p in partners.items() if a != "SCP"],
        description="The partnership's reserves, called on by the Joint Committee (report, "
        "4.9). DEMO DATA: the contributing partners (the seed does not list them).",
    )  # fmt: skip
    pm_call = _fund(
        actor, PM_CALL, kind=FundKind.EARMARKED, owner_body=jc, parent=reserve,
        earmarked_for="Project managers: the Connects reserves project manager sanctioned by "
        "the Joint Committee, and the Life Events project manager (report, 4.9; Appendix A).",
        other_use_approver=jc,
        description="The call on reserves of £86,700 sanctioned by the Committee at its last "
        "meeting (report, 4.9), for project managers: 'Use of Connects Reserves for a Project "
        "Manager sanctioned by Joint Committee. Not yet utilised' (Appendix A) and the Life "
        "Events project manager (£36,400). DEMO DATA: that both are paid from this call.",
    )  # fmt: skip
    delegation = Delegation.objects.filter(from_body=jc, power=PowerKind.DRAW_CONTINGENCY).first()
    contingency = _fund(
        actor, CONTINGENCY,
        kind=FundKind.CONTINGENCY if delegation else FundKind.EARMARKED,
        owner_body=jc, parent=reserve, delegation=delegation,
        description="Proposed: a further call on reserves of £85k, with delegation to the "
        "Director or to SAB to use the funds as a contingency where resources from external "
        "sources cannot be employed via bids sponsored by the Chief Executives Group (report, "
        "2.4, 4.9). Empty until the call is approved.",
    )  # fmt: skip
    streams = {}
    for name, owner, text in (
        (RIEP_ASCH, jc, "£100k RIEP funding secured (Appendix A notes)."),
        (RIEP_LIFE, jc, "For the £35k RIEP bid for Life Events (Appendix A notes)."),
        (RIEP_ONE_PLACE, bodies["LCEG"],
         "For the £275k RIEP bid by Chief Executives titled Staffordshire One Place "
         "(Appendix A; 'green light' indication, 3.3)."),
    ):  # fmt: skip
        streams[name] = _fund(
            actor, name, kind=FundKind.EXTERNAL, owner_body=owner, funder="RIEP",
            description=text,
        )  # fmt: skip
    return {"reserve": reserve, "pm_call": pm_call, "contingency": contingency, **streams}


def _ledger(context: dict[str, Any], actor: User, funds: dict[str, Fund]) -> None:
    jc: Body = context["bodies"]["JC"]
    projects = context.get("projects", {})
    opening = "Reserve brought forward (DEMO DATA: £232,290 + £86,700, see the fund's notes)"
    if _once(opening):
        services.opening_balance_record(
            actor=actor, fund=funds["reserve"], amount=Decimal("318990.00"), on=OPENING_ON,
            description=opening,
            authority=services.CitedAuthority(
                body=jc, on=OPENING_ON,
                reference="DEMO DATA: reserves brought forward (the seed gives only the forecast)",
            ),
        )  # fmt: skip
    call = "Call on reserves of £86,700 for project managers"
    if _once(call):
        services.call_on_reserves(
            actor=actor, fund=funds["reserve"], to_fund=funds["pm_call"],
            amount=Decimal("86700.00"), purpose=call, on=dt.date(2011, 1, 31),
            authority=services.CitedAuthority(
                body=jc, on=PREVIOUS_MEETING,
                reference=f"Call on reserves sanctioned by the Committee at its last meeting "
                f"({REPORT}, 4.9). DEMO DATA: the meeting date and the payment date",
            ),
        )  # fmt: skip
    life_events = projects.get("Life Events")
    pm = "Life Events project manager, resourced from reserves"
    if life_events is not None and _once(pm):
        services.call_on_reserves(
            actor=actor, fund=funds["pm_call"], project=life_events,
            amount=Decimal("36400.00"), purpose=pm, on=dt.date(2011, 2, 28),
            authority=services.CitedAuthority(
                body=jc, on=PREVIOUS_MEETING,
                reference=f"SSDC supply project executive and project manager to be resourced "
                f"from reserves (£36,400) ({REPORT}, Appendix A notes). DEMO DATA: dates",
            ),
        )  # fmt: skip


def _requests_and_scenarios(context: dict[str, Any], actor: User, funds: dict[str, Fund]) -> None:
    projects = context.get("projects", {})
    reserve = funds["reserve"]
    specs = [
        ("Further call on reserves: contingency (recommendation 2.4)", Decimal("85000.00"),
         {"to_fund": funds["contingency"]}, dt.date(2011, 1, 31),
         "A further call on reserves of £85k, a figure similar to the last approved call, with "
         "powers of delegation to SAB or the Director.", "Report, 2.4 and 4.9"),
        ("CRM request", Decimal("17500.00"),
         {"project": projects.get("CRM Development Vision")}, dt.date(2011, 3, 1),
         "The request for £17,500 for CRM purposes (CRM Team elements, the subject of a "
         "separate report, 4.1).", "Report, 4.9"),
    ]  # fmt: skip
    made = []
    for title, amount, where, expected, purpose, reference in specs:
        request = FundingRequest.objects.filter(title=title).first()
        if request is None:
            request = services.request_create(
                actor=actor, fund=reserve, title=title, amount=amount, expected_on=expected,
                purpose=purpose + " DEMO DATA: when it would be paid.", reference=reference,
                **where,
            )  # fmt: skip
        made.append(request)
    contingency, crm = made
    _wire_recommendation_2_4(context, actor, reserve, funds, contingency)
    for name, chosen, text in (
        (BOTH, [contingency, crm], SEED_SCENARIO),
        ("Contingency call only", [contingency], "Recommendation 2.4 approved, CRM not."),
        ("CRM request only", [crm], "The CRM request approved, recommendation 2.4 not."),
    ):
        if not Scenario.objects.filter(name=name).exists():
            services.scenario_create(actor=actor, name=name, requests=chosen, description=text)


def _wire_recommendation_2_4(
    context: dict[str, Any], actor: User, reserve: Fund, funds: dict[str, Fund], request: Any
) -> None:
    """Approving recommendation 2.4 at the December committee posts the £85k call from the
    reserve to the contingency fund, through the governance effect 'finance.call_on_reserves'."""
    from partnerplan.governance.models import Decision, Recommendation
    from partnerplan.governance.services import recommendation_set_effect

    meeting = context.get("meetings", {}).get("JC 2010-12-17")
    if meeting is None:
        return
    rec = Recommendation.objects.filter(item__meeting=meeting, reference="2.4").first()
    if rec is None or rec.effect_kind or Decision.objects.filter(recommendation=rec).exists():
        return
    recommendation_set_effect(
        actor=actor,
        recommendation=rec,
        effect_kind="finance.call_on_reserves",
        effect_params={
            "fund_id": reserve.pk,
            "to_fund_id": funds["contingency"].pk,
            "amount": "85000.00",
            "purpose": "Contingency call on reserves (recommendation 2.4)",
            "request_id": request.pk,
        },
    )


def _bids(context: dict[str, Any], actor: User, funds: dict[str, Fund]) -> None:
    projects = context.get("projects", {})
    jc: Body = context["bodies"]["JC"]
    specs = [
        ("Staffordshire One Place", "Chief Executives (Leaders and Chief Executives Group)",
         Decimal("275000.00"), "Shared Services and Systems", RIEP_ONE_PLACE,
         BidStatus.GREEN_LIGHT,
         "£275k RIEP bid by Chief Executives titled Staffordshire One Place (Appendix A). The "
         "Integrated Services Workstream has a 'green light' indication from the RIEP (3.3)."),
        ("Adult Social Care and Health", "East Staffordshire BC and SCC",
         Decimal("100000.00"), "Adult Social Care and Health", RIEP_ASCH, BidStatus.SECURED,
         "£100k RIEP funding secured (Appendix A notes)."),
        ("Life Events", "South Staffordshire DC", Decimal("35000.00"), "Life Events", RIEP_LIFE,
         BidStatus.SUBMITTED, "£35k RIEP funding bid (Appendix A notes)."),
    ]  # fmt: skip
    for title, bidder, amount, project, fund, status, notes in specs:
        if Bid.objects.filter(title=title, funder="RIEP").exists():
            continue
        bid = services.bid_create(
            actor=actor, title=title, funder="RIEP", bidder=bidder, amount=amount,
            project=projects.get(project), fund=funds[fund], notes=notes,
            source=f"{REPORT}, Appendix A; DEMO DATA: dates", visibility=Visibility.PUBLIC,
        )  # fmt: skip
        services.bid_submit(actor=actor, bid=bid, on=dt.date(2010, 10, 1))
        if status == BidStatus.GREEN_LIGHT:
            services.bid_green_light(actor=actor, bid=bid, on=dt.date(2010, 11, 10))
        elif status == BidStatus.SECURED:
            services.bid_secure(
                actor=actor, bid=bid, on=dt.date(2010, 11, 30), authority_body=jc,
                award_reference=f"RIEP funding secured ({REPORT}, Appendix A notes). "
                "DEMO DATA: the date of the award",
            )  # fmt: skip


def load(context: dict[str, Any], *, actor: object = None) -> None:
    """Create what is missing; running it twice adds nothing. Puts `funds` into `context`."""
    user = context["actor"]
    funds = _funds(context, user)
    _ledger(context, user, funds)
    _requests_and_scenarios(context, user, funds)
    _bids(context, user, funds)
    context["funds"] = funds
