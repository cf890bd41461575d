"""For tests that load the demo: walk to a later day whichever clock the run uses."""

from __future__ import annotations

import datetime as dt

from partnerplan.core import clock
from partnerplan.core.services import demo_clock_move
from partnerplan.core.types import Actor


def walk_to(day: dt.date, *, actor: Actor) -> None:
    """With a demonstration clock (PARTNERPLAN_DEMO_CLOCK=1) move it forward to `day`, as the
    Director would; on the real clock every day of the demo is past already."""
    if clock.enabled() and clock.today() < day:
        demo_clock_move(actor=actor, to=day)
