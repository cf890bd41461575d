"""Money by project and funding source: the table, its exports and what it hides."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from partnerplan.core.models import Visibility
from partnerplan.finance import services
from partnerplan.finance.models import (
    Basis,
)
from partnerplan.finance.tests.factories import (
    authority,
    fund_with_balance,
)
from partnerplan.finance.tests.views._helpers import _date
from partnerplan.portfolio.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def allocations(world, admin, reserve):
    earmark = fund_with_balance(admin, amount="50000", name="Earmark", visibility="public")
    life = ProjectFactory.create(title="Life Events", visibility=Visibility.PUBLIC)
    crm = ProjectFactory.create(title="CRM", visibility=Visibility.PUBLIC)
    body = reserve.owner_body
    services.call_on_reserves(
        actor=admin, fund=reserve, amount="36400", purpose="PM", on=dt.date(2011, 1, 31),
        project=life, authority=authority(body, "PM call"), basis=Basis.ACTUAL,
    )  # fmt: skip
    services.call_on_reserves(
        actor=admin, fund=earmark, amount="10000", purpose="PM", on=dt.date(2011, 2, 1),
        project=life, authority=authority(body, "Earmark call"),
    )  # fmt: skip
    services.call_on_reserves(
        actor=admin, fund=reserve, amount="17500", purpose="CRM", on=dt.date(2011, 2, 1),
        project=crm, authority=authority(body, "CRM call"), basis=Basis.ACTUAL,
    )  # fmt: skip
    services.spend_record(
        actor=admin, amount="20000", on=dt.date(2011, 3, 1), description="Salary",
        authority=authority(body), project=life,
    )  # fmt: skip
    services.release_record(
        actor=admin, amount="2500", on=dt.date(2011, 3, 31), to_fund=reserve,
        description="Unspent", authority=authority(body), project=crm,
    )  # fmt: skip
    return life, crm


def test_the_table_shows_money_by_project_and_source(world, allocations, assert_queries):
    client = world.client("officer")
    with assert_queries(7, "money by project"):  # session, user, roles, bodies, projects'
        response = client.get(  # entries, other sides, visible funds
            reverse("finance:funding-table"), _date("on", dt.date(2011, 12, 31))
        )
    page = response.content.decode()
    assert "From Reserve" in page and "From Earmark" in page
    assert "£36,400" in page and "£46,400" in page  # Life Events: 36,400 + 10,000
    assert "£15,000" in page  # CRM: 17,500 - 2,500 released
    assert "£26,400" in page  # Life Events left: 46,400 - 20,000
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(
                    reverse("finance:funding-table-csv"), _date("on", dt.date(2011, 12, 31))
                ).content.decode()
            )
        )
    )
    assert rows[0] == [
        "Project", "Earmark", "Reserve", "Allocated", "Of which not yet paid", "Spent", "Left",
    ]  # fmt: skip
    assert rows[1] == ["CRM", "0.00", "15000.00", "15000.00", "0.00", "0.00", "15000.00"]
    assert rows[2] == [
        "Life Events", "10000.00", "36400.00", "46400.00", "10000.00", "20000.00", "26400.00",
    ]  # fmt: skip
    assert rows[3][0] == "Total" and rows[3][3] == "61400.00"
    book = load_workbook(
        io.BytesIO(
            client.get(
                reverse("finance:funding-table-xlsx"), _date("on", dt.date(2011, 12, 31))
            ).content
        )
    )
    sheet = book.active
    assert sheet["A3"].value == "Life Events" and sheet["D3"].value == 46400


def test_the_table_hides_funds_and_projects_the_viewer_may_not_see(world, admin, reserve):
    secret = fund_with_balance(admin, amount="1000", name="Secret fund", visibility="exempt",
                               exempt_paragraph=3)  # fmt: skip
    public = ProjectFactory.create(title="Shown", visibility=Visibility.PUBLIC)
    hidden = ProjectFactory.create(title="Hidden project", visibility=Visibility.EXEMPT,
                                   exempt_paragraph=3)  # fmt: skip
    for project in (public, hidden):
        services.call_on_reserves(
            actor=admin, fund=secret, amount="100", purpose="x", on=dt.date(2011, 1, 1),
            project=project, authority=authority(), basis=Basis.ACTUAL,
        )  # fmt: skip
    page = world.client("officer").get(reverse("finance:funding-table")).content.decode()
    assert "Shown" in page and "Hidden project" not in page
    assert "Secret fund" not in page and "From Other funds" in page
    assert (
        "Secret fund"
        in world.client("admin").get(reverse("finance:funding-table")).content.decode()
    )
