"""Opening a fund and changing its details through the pages."""

from __future__ import annotations

import pytest
from django.urls import reverse

from partnerplan.finance.models import Fund, FundKind
from partnerplan.finance.tests.factories import FundFactory, fund_with_balance

pytestmark = pytest.mark.django_db


def _post(world, url, **data):
    base = {
        "name": "Invest to save reserve",
        "kind": FundKind.RESERVE,
        "visibility": "partnership",
        "owner_body": world.body.pk,
    }
    return world.client("admin").post(url, {**base, **data})


def test_it_opens_a_fund_with_its_owner_and_contributors(world):
    response = _post(
        world,
        reverse("finance:fund-create"),
        contributors=[world.alpha.pk, world.beta.pk],
    )
    fund = Fund.objects.get(name="Invest to save reserve")
    assert response.status_code == 302 and response["Location"].endswith(f"/funds/{fund.pk}/")
    assert fund.owner_body == world.body
    assert {p.abbreviation for p in fund.contributors.all()} == {"ALP", "BET"}


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"kind": FundKind.EXTERNAL}, "funder", "Enter who provides the money"),
        ({"kind": FundKind.CONTINGENCY}, "delegation", "A contingency needs the delegation"),
        ({"name": ""}, "name", "Enter"),
        ({"owner_body": ""}, "owner_body", "Choose a body"),
    ],
)
def test_it_refuses_a_fund_it_cannot_open_and_opens_nothing(world, data, field, message):
    response = _post(world, reverse("finance:fund-create"), **data)
    page = response.content.decode()
    assert response.status_code == 400 and "govuk-error-summary" in page
    assert message in page and f'href="#id_{field}"' in page
    assert not Fund.objects.exists()


def test_it_refuses_a_second_fund_with_the_same_name(world):
    FundFactory.create(name="Invest to save reserve")
    page = _post(world, reverse("finance:fund-create")).content.decode()
    assert "There is already a fund called Invest to save reserve" in page
    assert Fund.objects.count() == 1


def test_it_changes_a_funds_details_and_keeps_them_in_its_history(world):
    fund = FundFactory.create(name="Old name")
    response = _post(world, reverse("finance:fund-edit", args=[fund.pk]), name="New name")
    assert response.status_code == 302
    fund.refresh_from_db()
    assert fund.name == "New name"
    assert fund.history.count() == 2


def test_it_refuses_to_change_the_kind_of_a_fund_money_has_moved_through(world):
    fund = fund_with_balance(world.users["admin"], amount="1000", name="Reserve")
    page = _post(
        world,
        reverse("finance:fund-edit", args=[fund.pk]),
        name="Reserve",
        kind=FundKind.EARMARKED,
    ).content.decode()
    assert "its kind cannot change" in page
    fund.refresh_from_db()
    assert fund.kind == FundKind.RESERVE


def test_it_lets_only_administrators_open_funds(world):
    assert world.client("officer").get(reverse("finance:fund-create")).status_code == 403
