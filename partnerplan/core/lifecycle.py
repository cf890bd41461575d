"""One small lifecycle helper: which state may move to which, and the refusal when it may not.

Every lifecycle (meetings, projects' review outcomes, funding requests, bids, planner runs,
reports) is a `Lifecycle`: a table of state -> the states it may move to. A service asks
`lifecycle.require(source, target, subject=...)` before it changes the state; a wrong source
state is refused with a ValidationError that gives the reason in plain English.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError

Refusal = Callable[[str, str], str]

__all__ = ["Lifecycle"]


def _label(state: str) -> str:
    label = getattr(state, "label", None)
    return str(label if label is not None else state).lower()


@dataclass(frozen=True)
class Lifecycle:
    """`moves`: each state -> the states it may move to (a state missing from it is final).

    `refusal(source, target)`, if given, words the refusal; otherwise it reads
    "<subject> is <source>: it cannot become <target>".
    """

    moves: Mapping[str, Iterable[str]]
    field: str = "status"
    refusal: Refusal | None = None
    _table: dict[str, frozenset[str]] = dataclasses.field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        table = {
            str(source): frozenset(str(t) for t in targets)
            for source, targets in self.moves.items()
        }
        object.__setattr__(self, "_table", table)

    @property
    def states(self) -> frozenset[str]:
        found = set(self._table)
        for targets in self._table.values():
            found |= targets
        return frozenset(found)

    def targets(self, source: str) -> frozenset[str]:
        """The states `source` may move to."""
        return self._table.get(str(source), frozenset())

    def sources(self, target: str) -> frozenset[str]:
        """The states that may move to `target`."""
        return frozenset(s for s, targets in self._table.items() if str(target) in targets)

    def allows(self, source: str, target: str) -> bool:
        return str(target) in self.targets(source)

    def require(
        self, source: str, target: str, *, subject: str = "", refusal: Refusal | None = None
    ) -> None:
        """Refuse (ValidationError keyed by `field`) unless `source` may move to `target`."""
        if self.allows(source, target):
            return
        words = refusal or self.refusal
        if words is not None:
            message = words(source, target)
        else:
            message = f"{subject or 'It'} is {_label(source)}: it cannot become {_label(target)}"
        raise ValidationError({self.field: message})
