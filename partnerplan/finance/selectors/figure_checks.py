"""Figure checks: does a figure quoted in a paper agree with the ledger?"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from partnerplan.core.money import format_money
from partnerplan.finance.models import (
    Fund,
)
from partnerplan.finance.selectors.balances import (
    Include,
    ScenarioArg,
    _scenario_requests,
    fund_balance,
)

FIGURE = re.compile(r"£\s?(\d[\d,]*(?:\.\d{1,2})?)\s*(k|m)?\b", re.IGNORECASE)


def figures_in(text: str) -> list[Decimal]:
    """The £ amounts quoted in `text`: '£129,700', '£85k' and '£1.2m' are understood."""
    found = []
    for number, scale in FIGURE.findall(text):
        try:
            value = Decimal(number.replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the pattern only matches numbers
            continue
        if scale.lower() == "k":
            value *= 1000
        elif scale.lower() == "m":
            value *= 1_000_000
        found.append(value.quantize(Decimal("0.01")))
    return found


@dataclass(frozen=True)
class FigureCheck:
    quoted: Decimal | None
    computed: Decimal
    fund: Fund
    on: dt.date
    basis_text: str

    @property
    def matches(self) -> bool:
        return self.quoted is not None and self.quoted == self.computed

    @property
    def difference(self) -> Decimal | None:
        return None if self.quoted is None else self.quoted - self.computed

    @property
    def message(self) -> str:
        d = self.on
        when = f"{d.day} {d.strftime('%B')} {d.year}"
        what = f"the balance of {self.fund} at {when} ({self.basis_text})"
        if self.quoted is None:
            return (
                f"No £ figure was found to check. The ledger gives {what} as "
                f"{format_money(self.computed)}."
            )
        if self.matches:
            return f"{format_money(self.quoted)} agrees with the ledger: {what}."
        assert self.difference is not None
        more = "more" if self.difference > 0 else "less"
        return (
            f"{format_money(self.quoted)} does not agree with the ledger, which gives {what} as "
            f"{format_money(self.computed)}: the quoted figure is "
            f"{format_money(abs(self.difference))} {more}."
        )


def figure_check(
    *,
    text_or_figure: str | Decimal,
    fund: Fund,
    on: dt.date,
    include: str = Include.COMMITTED,
    scenario: ScenarioArg = None,
    which: int = -1,
) -> FigureCheck:
    """Check a quoted figure against the ledger.

    `text_or_figure`: a Decimal, or text quoting £ figures (the `which`-th is checked: by
    default the last, as in "...the March 2011 forecast balance would be £129,700")."""
    if isinstance(text_or_figure, Decimal):
        quoted: Decimal | None = text_or_figure.quantize(Decimal("0.01"))
    else:
        figures = figures_in(text_or_figure)
        quoted = figures[which] if figures else None
    computed = fund_balance(fund=fund, on=on, include=include, scenario=scenario)
    basis = "money moved" if include == Include.ACTUAL else "allowing for approved calls"
    requests = _scenario_requests(scenario)
    if requests:
        names = ", ".join(r.title for r in requests)
        basis += f", and if these are approved: {names}"
    return FigureCheck(quoted=quoted, computed=computed, fund=fund, on=on, basis_text=basis)
