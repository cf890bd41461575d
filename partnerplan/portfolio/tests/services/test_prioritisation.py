"""Prioritisation: scores on the scale, consistent pairwise judgements, the ranking."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from partnerplan.portfolio import services
from partnerplan.portfolio.models import (
    Score,
)
from partnerplan.portfolio.tests.factories import (
    CriterionFactory,
    MethodFactory,
    ProjectFactory,
)
from partnerplan.portfolio.tests.services._helpers import _messages

pytestmark = pytest.mark.django_db


def test_it_refuses_scores_outside_the_scale_and_saves_none():
    method = MethodFactory.create()
    a = CriterionFactory.create(method=method, name="Benefit", scale_min=1, scale_max=5)
    b = CriterionFactory.create(method=method, name="Cost", scale_min=1, scale_max=5)
    project = ProjectFactory.create()
    from partnerplan.partners.tests.factories import PartnerFactory

    partner = PartnerFactory.create()
    with pytest.raises(
        ValidationError, match="The Benefit score must be between 1 and 5; 7 is outside the scale"
    ) as exc:
        services.score_record(
            actor=None, method=method, project=project, partner=partner, values={a.pk: 7, b.pk: 3}
        )
    assert "The Benefit score must be between 1 and 5; 7 is outside the scale" in _messages(exc)
    assert Score.objects.count() == 0
    services.score_record(
        actor=None, method=method, project=project, partner=partner, values={a.pk: 5, b.pk: 3}
    )
    assert Score.objects.count() == 2


def test_it_refuses_inconsistent_pairwise_judgements_with_an_explanation():
    method = MethodFactory.create()
    a, b, c = (CriterionFactory.create(method=method, name=n) for n in ("Fit", "Cost", "Risk"))
    with pytest.raises(ValidationError, match="consistency ratio") as exc:
        services.method_set_pairwise(
            actor=None,
            method=method,
            judgements=[(a.pk, b.pk, 9), (b.pk, c.pk, 9), (c.pk, a.pk, 9)],
        )
    assert "consistency ratio" in _messages(exc).lower()
    method = services.method_set_pairwise(
        actor=None, method=method, judgements=[(a.pk, b.pk, 3), (b.pk, c.pk, 2), (a.pk, c.pk, 6)]
    )
    assert method.weighting == "pairwise"
    assert (method.consistency_ratio or 0) < 0.1
    a.refresh_from_db()
    assert a.weight > 0.5


def test_it_moves_a_project_up_the_ranking():
    method = MethodFactory.create()
    a, b, c = ProjectFactory.create_batch(3)
    order = services.ranking_move(
        actor=None, method=method, project=c, direction="up", order=[a.pk, b.pk, c.pk]
    )
    assert order == [a.pk, c.pk, b.pk]
    with pytest.raises(ValidationError, match="is already"):
        services.ranking_move(actor=None, method=method, project=a, direction="up", order=order)
