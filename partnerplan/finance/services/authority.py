"""What authorises a movement, as cited by the person posting it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from partnerplan.finance.services._common import _fail
from partnerplan.governance.models import (
    APPROVING,
    Body,
    Decision,
    OfficerDecision,
)


@dataclass(frozen=True)
class CitedAuthority:
    """What authorises a movement. One of: a decision of a body; a delegated (officer)
    decision; or a recorded reference (the body, its reference and the date) for an authority
    not recorded in partnerplan. Drawdowns under a delegation get theirs from
    `contingency_draw`."""

    decision: Decision | None = None
    officer_decision: OfficerDecision | None = None
    body: Body | None = None
    reference: str = ""
    on: dt.date | None = None

    def fields(self) -> dict[str, Any]:
        if self.decision is not None:
            if self.decision.outcome not in APPROVING:
                raise _fail(
                    "authority",
                    f"The decision ({self.decision}) was "
                    f"{self.decision.get_outcome_display().lower()}: only a decision that "
                    "approved something can authorise a movement",
                )
            return {"decision": self.decision}
        if self.officer_decision is not None:
            return {"officer_decision": self.officer_decision}
        missing = [
            name
            for name, value in (
                ("the body that authorised it", self.body),
                ("its reference", self.reference.strip()),
                ("the date it was authorised", self.on),
            )
            if not value
        ]
        if missing:
            raise _fail(
                "authority",
                "Every movement needs the decision that authorises it. Choose the decision, or "
                "record " + ", ".join(missing),
            )
        return {
            "authority_body": self.body,
            "authority_reference": self.reference.strip(),
            "authority_date": self.on,
        }
