"""Balances, positions, scenarios and forecasts of funds: what the ledger says on a day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, Sum

from partnerplan.finance.models import (
    Basis,
    Entry,
    Fund,
    FundingRequest,
    RequestStatus,
    Scenario,
)

ZERO = Decimal("0.00")


class Include:
    """What a balance counts."""

    ACTUAL = "actual"  # money that has moved
    COMMITTED = "committed"  # plus approved calls not yet paid (the default for forecasts)


ScenarioArg = Scenario | Iterable[FundingRequest] | None


def _scenario_requests(scenario: ScenarioArg) -> list[FundingRequest]:
    """The pending requests a scenario assumes approved. Requests already decided are left out:
    an approved one is in the ledger already, a refused or withdrawn one will not happen."""
    if scenario is None:
        return []
    if isinstance(scenario, Scenario):
        items: Iterable[FundingRequest] = scenario.requests.all()
    else:
        items = scenario
    return [r for r in items if r.status == RequestStatus.PENDING]


def _ledger_sum(account_q: Q, on: dt.date, include: str) -> Decimal:
    entries = Entry.objects.filter(account_q, transaction__effective_on__lte=on)
    if include == Include.ACTUAL:
        entries = entries.filter(transaction__basis=Basis.ACTUAL)
    elif include != Include.COMMITTED:
        raise ValueError(f"include must be 'actual' or 'committed', not {include!r}")
    return (entries.aggregate(s=Sum("amount"))["s"] or ZERO).quantize(Decimal("0.01"))


def _pending_effect(fund: Fund, on: dt.date, requests: Iterable[FundingRequest]) -> Decimal:
    total = ZERO
    for r in requests:
        if r.expected_on > on:
            continue
        if r.fund_id == fund.pk:
            total -= r.amount
        if r.to_fund_id == fund.pk:
            total += r.amount
    return total


def fund_balance(
    *,
    fund: Fund,
    on: dt.date,
    include: str = Include.COMMITTED,
    scenario: ScenarioArg = None,
) -> Decimal:
    """The balance of `fund` at the end of `on`, computed from the ledger.

    include="actual": money that has moved by then. include="committed" (default): plus calls
    approved but not yet paid that are expected by then. `scenario` (a Scenario, or pending
    FundingRequests): plus those pending requests, as if approved, expected by then."""
    balance = _ledger_sum(Q(account__fund=fund), on, include)
    return balance + _pending_effect(fund, on, _scenario_requests(scenario))


@dataclass(frozen=True)
class Position:
    fund: Fund
    on: dt.date
    actual: Decimal
    committed: Decimal  # approved, not yet paid (signed: negative is money going out)
    pending: Decimal  # the scenario's pending requests (signed)
    scenario_name: str = ""

    @property
    def forecast(self) -> Decimal:
        return self.actual + self.committed + self.pending

    @property
    def approved_forecast(self) -> Decimal:
        return self.actual + self.committed


def fund_position(*, fund: Fund, on: dt.date, scenario: ScenarioArg = None) -> Position:
    actual = fund_balance(fund=fund, on=on, include=Include.ACTUAL)
    with_committed = fund_balance(fund=fund, on=on)
    requests = _scenario_requests(scenario)
    return Position(
        fund=fund,
        on=on,
        actual=actual,
        committed=with_committed - actual,
        pending=_pending_effect(fund, on, requests),
        scenario_name=scenario.name if isinstance(scenario, Scenario) else "",
    )


def compare_scenarios(
    *, fund: Fund, on: dt.date, scenarios: Iterable[Scenario]
) -> list[tuple[str, Decimal]]:
    """The forecast of `fund` on `on`: approved only, then under each named scenario."""
    rows = [("Approved calls only (no pending requests)", fund_balance(fund=fund, on=on))]
    for s in scenarios:
        rows.append((s.name, fund_balance(fund=fund, on=on, scenario=s)))
    return rows


def month_ends(start: dt.date, end: dt.date) -> list[dt.date]:
    days = []
    year, month = start.year, start.month
    while True:
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        last = nxt - dt.timedelta(days=1)
        days.append(last)
        if last >= end:
            return days
        year, month = nxt.year, nxt.month


@dataclass
class ForecastSeries:
    fund: Fund
    days: list[dt.date]
    lines: list[tuple[str, list[Decimal]]] = field(default_factory=list)


def forecast_series(
    *, fund: Fund, start: dt.date, end: dt.date, scenarios: Iterable[Scenario] = ()
) -> ForecastSeries:
    """Month-end balances of `fund` from `start` to `end`: actual, with approved calls, and
    under each scenario. Computed from one read of the fund's entries."""
    days = month_ends(start, end)
    entries = list(
        Entry.objects.filter(account__fund=fund).values_list(
            "transaction__effective_on", "transaction__basis", "amount"
        )
    )

    def running(bases: set[str]) -> list[Decimal]:
        return [sum((a for d, b, a in entries if b in bases and d <= day), ZERO) for day in days]

    actual = running({Basis.ACTUAL})
    approved = running({Basis.ACTUAL, Basis.COMMITTED})
    series = ForecastSeries(fund=fund, days=days)
    series.lines.append(("Actual", actual))
    series.lines.append(("With approved calls", approved))
    for s in scenarios:
        requests = _scenario_requests(s)
        series.lines.append(
            (
                s.name,
                [
                    v + _pending_effect(fund, d, requests)
                    for d, v in zip(days, approved, strict=True)
                ],
            )
        )
    return series
