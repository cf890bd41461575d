"""Checks an agenda must pass before it is published, registered by the apps above governance.

Governance names no upper app: the reports app registers its report clearance here (from
`AppConfig.ready()`), and `services.meetings.meeting_publish_agenda` and
`services.supplements.supplementary_agenda_publish` run every check on the items they publish,
refusing with each problem's message (what is missing, and who can give it)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

#: A check: the items about to be published -> the problems, in plain English.
AgendaCheck = Callable[[Iterable[Any]], list[str]]

_CHECKS: dict[str, AgendaCheck] = {}


def register_agenda_check(name: str, check: AgendaCheck) -> None:
    _CHECKS[name] = check


def agenda_problems(items: Iterable[Any]) -> list[str]:
    listed = list(items)
    problems: list[str] = []
    for check in _CHECKS.values():
        problems.extend(check(listed))
    return problems
