"""Funding requests (asked of a fund, closed by refusal or withdrawal) and scenarios."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction

from partnerplan.core.lifecycle import Lifecycle
from partnerplan.core.services import save_with_actor
from partnerplan.core.types import Actor
from partnerplan.finance.models import (
    Fund,
    FundingRequest,
    RequestStatus,
    Scenario,
)
from partnerplan.finance.services._common import _fail, parse_amount
from partnerplan.portfolio.models import Project


@transaction.atomic
def request_create(
    *,
    actor: Actor,
    fund: Fund,
    title: str,
    amount: Any,
    expected_on: dt.date,
    to_fund: Fund | None = None,
    project: Project | None = None,
    purpose: str = "",
    reference: str = "",
) -> FundingRequest:
    value = parse_amount(amount)
    if not title.strip():
        raise _fail("title", "Enter a title for the request")
    if fund.is_closed:
        raise _fail("fund", f"{fund} is closed: nothing can be asked of it")
    if to_fund is not None and project is not None:
        raise _fail("to_fund", "Choose where the money would go: a fund or a project, not both")
    request = FundingRequest(
        fund=fund,
        to_fund=to_fund,
        project=project,
        title=title.strip(),
        purpose=purpose.strip(),
        amount=value,
        expected_on=expected_on,
        reference=reference.strip(),
    )
    save_with_actor(request, actor)
    return request


REQUEST_TRANSITIONS = Lifecycle(
    moves={RequestStatus.PENDING: {RequestStatus.REFUSED, RequestStatus.WITHDRAWN}},
    refusal=lambda source, target: (
        f"The request is {RequestStatus(source).label.lower()}: it cannot be marked "
        f"{RequestStatus(target).label.lower()}"
    ),
)


@transaction.atomic
def request_close(*, actor: Actor, request: FundingRequest, status: str) -> FundingRequest:
    """Refuse or withdraw a pending request by hand. Approval goes through the decision about it
    (the effect 'finance.request', or a call posted naming the request) so that the call is
    posted with its authority and the request closed in the same step."""
    request = FundingRequest.objects.select_for_update(of=("self",)).get(pk=request.pk)
    REQUEST_TRANSITIONS.require(request.status, status)
    request.status = status
    save_with_actor(request, actor)
    return request


@transaction.atomic
def scenario_create(
    *, actor: Actor, name: str, requests: Iterable[FundingRequest], description: str = ""
) -> Scenario:
    name = name.strip()
    if not name:
        raise _fail("name", "Give the scenario a name")
    if Scenario.objects.filter(name__iexact=name).exists():
        raise _fail("name", f"There is already a scenario called {name}")
    scenario = Scenario(name=name, description=description.strip())
    save_with_actor(scenario, actor)
    scenario.requests.set(list(requests))
    return scenario


@transaction.atomic
def scenario_update(
    *,
    actor: Actor,
    scenario: Scenario,
    name: str,
    requests: Iterable[FundingRequest],
    description: str = "",
) -> Scenario:
    """Rename a scenario or change which pending requests it assumes approved."""
    scenario = Scenario.objects.select_for_update(of=("self",)).get(pk=scenario.pk)
    name = name.strip()
    if not name:
        raise _fail("name", "Give the scenario a name")
    if Scenario.objects.filter(name__iexact=name).exclude(pk=scenario.pk).exists():
        raise _fail("name", f"There is already a scenario called {name}")
    scenario.name = name
    scenario.description = description.strip()
    save_with_actor(scenario, actor)
    scenario.requests.set(list(requests))
    return scenario
