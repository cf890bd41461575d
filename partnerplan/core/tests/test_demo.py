from __future__ import annotations

import datetime as dt
from decimal import Decimal
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from partnerplan.core import clock, services
from partnerplan.core.demo import DEMO_AS_AT
from partnerplan.core.models import User
from partnerplan.governance.models import Body, Decision, Meeting
from partnerplan.partners.models import Partner, Person
from partnerplan.portfolio.models import Project
from partnerplan.resources.models import PlanRun, RunStatus

pytestmark = pytest.mark.django_db

SEED_ABBREVIATIONS = {
    "SCC", "SOTCC", "CCDC", "ESBC", "LDC", "NBC", "SSDC", "SBC", "SMDC", "TBC", "SCP"
}  # fmt: skip
DECEMBER = dt.date(2010, 12, 17)


def _load() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_it_loads_every_partner_of_the_seed_with_its_full_name():
    _load()
    partners = {p.abbreviation: p for p in Partner.objects.all()}
    assert set(partners) == SEED_ABBREVIATIONS
    assert partners["SOTCC"].name == "Stoke-on-Trent City Council"
    assert partners["SCC"].kind == "county"


def test_it_records_tamworths_notice_of_resignation():
    _load()
    tamworth = Partner.objects.get(abbreviation="TBC")
    assert tamworth.membership_status() == "notice"
    assert "notice of resignation" in tamworth.notes


def test_it_loads_the_people_named_in_the_seed_with_their_roles():
    _load()
    director = Person.objects.get(first_name="Andrew", last_name="Street")
    assert director.partner.abbreviation == "SCP"
    assert [r.code for r in director.roles.all()] == ["director"]
    heenan = Person.objects.get(last_name="Heenan")
    assert (heenan.honorific, heenan.partner.abbreviation) == ("Cllr", "SBC")
    assert Person.objects.filter(is_demo=False).count() == 8


def test_it_marks_invented_people_and_accounts_as_demo_data():
    output = _load()
    assert "DEMO DATA" in output
    for person in Person.objects.filter(is_demo=True):
        assert person.notes.startswith("DEMO DATA")
        assert person.email.endswith("@demo.invalid")
    assert set(User.objects.values_list("username", flat=True)) == {
        "director", "member", "pm", "officer"
    }  # fmt: skip
    assert User.objects.get(username="director").is_partnership_admin


def test_it_can_be_run_twice_without_duplicating_anything():
    _load()
    counts = (Partner.objects.count(), Person.objects.count(), Body.objects.count())
    _load()
    assert (Partner.objects.count(), Person.objects.count(), Body.objects.count()) == counts


# --- The demonstration clock (issue 16): a demo that is alive ---------------------------------

DEMO_CLOCK = override_settings(PARTNERPLAN_DEMO_CLOCK=True)


def _history_dates() -> list[tuple[str, dt.date | None]]:
    """Every date the demo records as something that has happened."""
    from partnerplan.governance.models import ForwardPlanEntry, Meeting, Track
    from partnerplan.portfolio.models import HighlightReport, ReviewOutcome
    from partnerplan.reports.models import ReportVersion

    dates: list[tuple[str, dt.date | None]] = []
    dates += [(f"review {r.project}", r.authority_date) for r in ReviewOutcome.objects.all()]
    dates += [(f"held {m}", m.date) for m in Meeting.objects.filter(status="held")]
    dates += [
        (f"published {m}", m.agenda_published_on)
        for m in Meeting.objects.exclude(agenda_published_on=None)
    ]
    dates += [
        (f"notice {e}", e.notice_given_on)
        for e in ForwardPlanEntry.objects.exclude(notice_given_on__isnull=True)
    ]
    dates += [(f"track {t}", t.decided_on) for t in Track.objects.exclude(decided_on=None)]
    dates += [
        (f"report {v}", timezone.localtime(v.published_at).date())
        for v in ReportVersion.objects.all()
    ]
    dates += [(f"highlight {h}", h.period_end) for h in HighlightReport.objects.all()]
    dates += [(f"started {p}", p.actual_start) for p in Project.objects.exclude(actual_start=None)]
    return dates


@pytest.mark.parametrize("clock_on", [False, True], ids=["real clock", "demonstration clock"])
def test_it_loads_the_week_before_the_december_committee_on_either_clock(clock_on):
    with override_settings(PARTNERPLAN_DEMO_CLOCK=clock_on):
        _load()
        december = Meeting.objects.get(body__abbreviation="JC", starts_at__date=DECEMBER)
        assert december.status == "agenda_published"
        assert not Decision.objects.exists()
        march = Meeting.objects.get(body__abbreviation="JC", starts_at__year=2011)
        assert march.status == "scheduled"
        if clock_on:
            assert clock.today() == DEMO_AS_AT
            late = [(what, day) for what, day in _history_dates() if day and day > DEMO_AS_AT]
            assert late == []
        # The planner's answer is there on the first visit.
        (run,) = PlanRun.objects.all()
        assert run.status == RunStatus.DONE, run.error
        # Every demo project has planned dates, so the timeline has something to draw.
        assert not Project.objects.filter(planned_start=None).exists()
        assert not Project.objects.filter(planned_end=None).exists()


@DEMO_CLOCK
def test_it_adds_nothing_and_leaves_the_clock_where_it_is_when_loaded_again():
    _load()
    director = User.objects.get(username="director")
    services.demo_clock_move(actor=director, to=DECEMBER)
    counts = [m.objects.count() for m in (Person, Body, Meeting, Project, PlanRun, Decision)]
    _load()
    assert [m.objects.count() for m in (Person, Body, Meeting, Project, PlanRun, Decision)] == (
        counts
    )
    assert clock.today() == DECEMBER


@DEMO_CLOCK
def test_the_director_walks_the_committee_cycle_by_moving_the_clock():
    from partnerplan.finance.demo import RESERVE
    from partnerplan.finance.models import Fund
    from partnerplan.finance.selectors import fund_balance
    from partnerplan.governance import services as governance
    from partnerplan.governance.models import Recommendation

    _load()
    director = User.objects.get(username="director")
    reserve = Fund.objects.get(name=RESERVE)
    march = dt.date(2011, 3, 31)
    assert fund_balance(fund=reserve, on=clock.today(), include="actual") == Decimal("318990.00")
    assert fund_balance(fund=reserve, on=march) == Decimal("232290.00")
    # The agenda is published already (on 9 December); the meeting is four days ahead.
    rec = Recommendation.objects.select_related("item__meeting__body").get(
        reference="2.4", item__meeting__starts_at__date=DECEMBER
    )
    meeting = rec.item.meeting
    assert meeting.agenda_published_on == dt.date(2010, 12, 9)
    with pytest.raises(ValidationError, match="is in the future"):
        governance.meeting_mark_held(actor=director, meeting=meeting)
    # The Director moves the clock to the day of the meeting, holds it and decides.
    page = Client()
    page.force_login(director)
    moved = page.post(
        reverse("core:demo-clock"),
        {"to_day": "17", "to_month": "12", "to_year": "2010"},
        follow=True,
    )
    assert "now as at 17 December 2010" in moved.text
    assert clock.today() == DECEMBER
    governance.meeting_mark_held(actor=director, meeting=meeting)
    members = [m.person for m in meeting.body.memberships.all()]
    governance.meeting_record_attendance(actor=director, meeting=meeting, present=members)
    governance.decision_record(
        actor=director, recommendation=rec, outcome="approved", reasons="As the report sets out."
    )
    # The approved £85k call is now in the forecast.
    assert fund_balance(fund=reserve, on=march) == Decimal("147290.00")
    fund_page = page.get(
        reverse("finance:fund-detail", args=[reserve.pk]),
        {"on_day": "31", "on_month": "3", "on_year": "2011"},
    )
    assert fund_page.status_code == 200
    assert "147,290" in fund_page.text
