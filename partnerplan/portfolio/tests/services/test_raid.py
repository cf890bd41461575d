"""The RAID log: scored risks, closed entries kept."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from partnerplan.portfolio import services
from partnerplan.portfolio.models import (
    RaidEntry,
)
from partnerplan.portfolio.tests.factories import (
    ActiveProjectFactory,
    RaidEntryFactory,
)
from partnerplan.portfolio.tests.services._helpers import D, _messages

pytestmark = pytest.mark.django_db


def test_it_scores_risks_and_closes_entries_keeping_them():
    project = ActiveProjectFactory.create()
    with pytest.raises(ValidationError, match="likelihood must be from 1 to 5") as exc:
        services.raid_create(
            actor=None,
            project=project,
            kind="risk",
            title="X",
            raised_on=D,
            likelihood=6,
            impact=2,
        )
    assert "likelihood must be from 1 to 5" in _messages(exc)
    entry = RaidEntryFactory.create(project=project)
    assert entry.inherent_score == 12
    services.raid_close(actor=None, entry=entry, closed_on=D, note="Manager found")
    assert RaidEntry.objects.get(pk=entry.pk).status == "closed"
    assert entry.history.count() >= 1
