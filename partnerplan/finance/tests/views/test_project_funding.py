"""A project's funding panel: served alone to htmx, as a page otherwise, scoped like the project."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from partnerplan.core.access import viewer_for
from partnerplan.core.models import Visibility
from partnerplan.finance import services
from partnerplan.finance.models import Basis
from partnerplan.finance.selectors import project_funding
from partnerplan.finance.tests.factories import (
    BidFactory,
    authority,
    fund_with_balance,
)
from partnerplan.portfolio.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

MARCH = dt.date(2011, 3, 31)


def test_the_project_funding_panel(world):
    admin = world.users["admin"]
    reserve = fund_with_balance(admin, amount="50000", name="Reserve")
    project = ProjectFactory.create()
    services.call_on_reserves(
        actor=admin, fund=reserve, amount="36400", purpose="PM", on=dt.date(2011, 1, 1),
        project=project, authority=authority(), basis=Basis.ACTUAL,
    )  # fmt: skip
    services.call_on_reserves(
        actor=admin, fund=reserve, amount="1000", purpose="More", on=dt.date(2011, 2, 1),
        project=project, authority=authority(),
    )  # fmt: skip
    services.spend_record(
        actor=admin, project=project, amount="400", on=MARCH, description="x",
        authority=authority(),
    )  # fmt: skip
    funding = project_funding(viewer=viewer_for(admin), project=project)
    assert funding.sources == [("Reserve", Decimal("36400.00"), Decimal("1000.00"))]
    assert (funding.received, funding.committed, funding.spent, funding.remaining) == (
        Decimal("36400.00"), Decimal("1000.00"), Decimal("400.00"), Decimal("37000.00")
    )  # fmt: skip
    url = reverse("finance:project-funding", args=[project.pk])
    html = world.client("admin").get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "£37,000" in html


def test_it_serves_the_funding_panel_alone_to_htmx_in_a_fixed_number_of_queries(
    world, assert_queries
):
    admin = world.users["admin"]
    reserve = fund_with_balance(admin, amount="50000", name="Reserve")
    project = ProjectFactory.create(title="Telephony", visibility=Visibility.PUBLIC)
    services.call_on_reserves(
        actor=admin, fund=reserve, amount="1000", purpose="PM", on=dt.date(2011, 1, 1),
        project=project, authority=authority(), basis=Basis.ACTUAL,
    )  # fmt: skip
    BidFactory.create(project=project, title="Lottery bid", visibility=Visibility.PUBLIC)
    client = world.client("officer")
    url = reverse("finance:project-funding", args=[project.pk])
    # session, user, roles, bodies; the project through the portfolio's scoped selector, with
    # the related lists it prefetches (the project page's, one query each); then the panel:
    # incoming entries, the other side of each, three sums, bids
    with assert_queries(25, "project funding panel"):
        response = client.get(url, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and "Funding for" not in html
    assert "£1,000" in html and "Reserve" in html and "Lottery bid" in html


def test_it_shows_the_funding_panel_as_a_page_without_htmx(world, assert_queries):
    project = ProjectFactory.create(title="Telephony", visibility=Visibility.PUBLIC)
    client = world.client("officer")
    url = reverse("finance:project-funding", args=[project.pk])
    # as above, with no money in (so no query for the other sides) and no bids' funds
    with assert_queries(23, "project funding page"):
        response = client.get(url)
    html = response.content.decode()
    assert '<h1 class="govuk-heading-l">Funding for Telephony</h1>' in html
    assert reverse("portfolio:project-detail", args=[project.pk]) in html
    assert "No funding recorded." in html


def test_it_hides_the_funding_of_a_project_the_viewer_may_not_see(world):
    project = ProjectFactory.create(visibility=Visibility.PARTNERSHIP)
    url = reverse("finance:project-funding", args=[project.pk])
    assert world.client("public").get(url, HTTP_HX_REQUEST="true").status_code == 404
    assert world.client("officer").get(url, HTTP_HX_REQUEST="true").status_code == 200
