"""Agendas in the committee cycle (issue 15): the standing declarations item, exempt items'
public heading and public interest test, one urgent item, supplementary agendas with their own
clear-days check, and a rescheduled meeting's agenda published again (across Christmas and
Easter)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from partnerplan.core.models import Visibility
from partnerplan.governance import services
from partnerplan.governance.models import AgendaItem, ItemKind, MeetingStatus
from partnerplan.governance.publication import _CHECKS, register_agenda_check
from partnerplan.governance.services import agenda, supplements
from partnerplan.governance.tests.factories import at

pytestmark = pytest.mark.django_db

EARLY = dt.date(2010, 11, 1)


def _meeting(body, when, *titles):
    meeting = services.meeting_schedule(actor=None, body=body, starts_at=when, today=EARLY)
    for title in titles or ("Review of Partnership Work Plan",):
        services.agenda_item_add(actor=None, meeting=meeting, title=title, today=EARLY)
    return meeting


def test_it_puts_the_declarations_of_interest_item_first_when_the_agenda_is_published(committee):
    body, _m, _c = committee
    meeting = _meeting(body, at(2010, 12, 17), "Minutes", "Work plan")
    services.meeting_publish_agenda(actor=None, meeting=meeting, published_on=dt.date(2010, 12, 9))
    rows = list(meeting.items.order_by("number").values_list("number", "kind", "title"))
    assert rows == [
        (1, ItemKind.DECLARATIONS, "Declarations of interest"),
        (2, ItemKind.REPORT, "Minutes"),
        (3, ItemKind.REPORT, "Work plan"),
    ]


def test_an_exempt_item_needs_a_public_heading_a_public_interest_test_and_a_review_date(
    committee,
):
    body, _m, _c = committee
    meeting = _meeting(body, at(2010, 12, 17))
    exempt = {"visibility": Visibility.EXEMPT, "exempt_paragraph": 3, "today": EARLY}
    with pytest.raises(ValidationError, match="heading the public will see"):
        services.agenda_item_add(actor=None, meeting=meeting, title="Supplier bids", **exempt)
    with pytest.raises(ValidationError, match="public interest test"):
        services.agenda_item_add(
            actor=None, meeting=meeting, title="Supplier bids", public_heading="Telephony",
            **exempt,
        )  # fmt: skip
    with pytest.raises(ValidationError, match="reviewed after the meeting"):
        services.agenda_item_add(
            actor=None, meeting=meeting, title="Supplier bids", public_heading="Telephony",
            public_interest_test="Commercial prices", exemption_review_on=dt.date(2010, 12, 1),
            **exempt,
        )  # fmt: skip
    assert meeting.items.count() == 1
    item = services.agenda_item_add(
        actor=None, meeting=meeting, title="Supplier bids", public_heading="Telephony",
        public_interest_test="Commercial prices", exemption_review_on=dt.date(2011, 12, 17),
        **exempt,
    )  # fmt: skip
    assert item.heading_for_public == "Telephony" and item.exemption_review_on.year == 2011


def test_it_marks_one_item_urgent_with_the_special_circumstances(committee):
    body, _m, _c = committee
    meeting = _meeting(body, at(2010, 12, 17), "Work plan", "Telephony contract")
    late = meeting.items.get(title="Telephony contract")
    with pytest.raises(ValidationError, match="special circumstances"):
        agenda.agenda_item_mark_urgent(actor=None, item=late, reason=" ")
    agenda.agenda_item_mark_urgent(actor=None, item=late, reason="The tender closes on 20 Dec")
    assert list(meeting.items.filter(added_late=True)) == [late]


def test_a_supplement_has_its_own_clear_days_check_across_christmas(committee):
    body, _m, _c = committee
    meeting = _meeting(body, at(2011, 1, 4))
    services.meeting_publish_agenda(actor=None, meeting=meeting, published_on=dt.date(2010, 12, 10))
    with pytest.raises(ValidationError, match="there is nothing"):
        supplements.supplementary_agenda_publish(
            actor=None, meeting=meeting, published_on=dt.date(2010, 12, 13)
        )
    item = services.agenda_item_add(
        actor=None, meeting=meeting, title="Budget 2011/12", today=dt.date(2010, 12, 15)
    )
    assert item.after_publication and not item.added_late
    # For Tuesday 4 January 2011 the last day was Wednesday 22 December: 25 and 26 December
    # fell at a weekend, 27 and 28 were the substitute holidays, 3 January New Year's.
    with pytest.raises(ValidationError, match=f"Items {item.number} would be published late"):
        supplements.supplementary_agenda_publish(
            actor=None, meeting=meeting, published_on=dt.date(2010, 12, 23)
        )
    first = supplements.supplementary_agenda_publish(
        actor=None, meeting=meeting, published_on=dt.date(2010, 12, 22)
    )
    assert first.number == 1 and not first.published_late and list(first.items.all()) == [item]
    late = services.agenda_item_add(
        actor=None, meeting=meeting, title="Telephony", today=dt.date(2010, 12, 29),
        late_reason="The contract ends in January",
    )  # fmt: skip
    second = supplements.supplementary_agenda_publish(
        actor=None, meeting=meeting, published_on=dt.date(2010, 12, 29)
    )
    assert second.number == 2 and second.published_late and list(second.items.all()) == [late]


def test_an_urgent_item_stays_urgent_on_a_late_supplement(committee):
    body, _m, _c = committee
    meeting = _meeting(body, at(2011, 1, 14))
    services.meeting_publish_agenda(actor=None, meeting=meeting, published_on=dt.date(2010, 12, 20))
    item = AgendaItem.objects.create(
        meeting=meeting, number=9, title="Telephony", after_publication=True
    )
    with pytest.raises(ValidationError, match="mark the item urgent"):
        supplements.supplementary_agenda_publish(
            actor=None, meeting=meeting, published_on=dt.date(2011, 1, 10)
        )
    agenda.agenda_item_mark_urgent(actor=None, item=item, reason="Contract ends in January")
    supplement = supplements.supplementary_agenda_publish(
        actor=None, meeting=meeting, published_on=dt.date(2011, 1, 10)
    )
    assert supplement.published_late


def test_a_rescheduled_meeting_publishes_its_agenda_again_counting_to_the_new_date(committee):
    body, _m, _c = committee
    meeting = _meeting(body, at(2011, 4, 14))
    services.meeting_publish_agenda(actor=None, meeting=meeting, published_on=dt.date(2011, 4, 1))
    services.meeting_reschedule(
        actor=None, meeting=meeting, starts_at=at(2011, 4, 28), reason="Room flooded",
        today=dt.date(2011, 4, 10),
    )  # fmt: skip
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.RESCHEDULED
    with pytest.raises(ValidationError, match="cannot be marked as held"):
        services.meeting_mark_held(actor=None, meeting=meeting, today=dt.date(2011, 4, 28))
    # Easter 2011: Good Friday 22 April and Easter Monday 25 April do not count, nor does the
    # royal wedding (29 April is after the meeting); from 19 April only 20, 21, 26, 27 count.
    with pytest.raises(ValidationError, match="must be published again") as exc:
        services.meeting_publish_agenda(
            actor=None, meeting=meeting, published_on=dt.date(2011, 4, 19)
        )
    assert "moved from Thursday 14 April 2011" in str(exc.value)
    services.meeting_publish_agenda(actor=None, meeting=meeting, published_on=dt.date(2011, 4, 18))
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.AGENDA_PUBLISHED and not meeting.published_late
    assert meeting.items.filter(kind=ItemKind.DECLARATIONS).count() == 1


def test_a_registered_agenda_check_refuses_publication_with_its_message(committee):
    body, _m, _c = committee
    meeting = _meeting(body, at(2010, 12, 17))
    register_agenda_check("test.refuse", lambda items: ["The report needs the finance sign-off."])
    try:
        with pytest.raises(ValidationError, match="needs the finance sign-off"):
            services.meeting_publish_agenda(
                actor=None, meeting=meeting, published_on=dt.date(2010, 12, 9)
            )
    finally:
        del _CHECKS["test.refuse"]
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.SCHEDULED
    assert not meeting.items.filter(kind=ItemKind.DECLARATIONS).exists()
