"""Clear-days notice rules: agendas (five clear days) and key decisions (28)."""

from datetime import date, timedelta

import pytest

from partnerplan.governance.rules.clear_days import (
    CALENDAR_DAYS,
    WORKING_DAYS,
    WorkingCalendar,
    check_agenda_publication,
    check_key_decision_notice,
    clear_days_between,
    earliest_meeting_date,
    format_date,
    latest_publication_date,
    number_in_words,
)

SEED_MEETING = date(2010, 12, 17)  # Friday: the seed report's Joint Committee


def test_it_excludes_the_day_of_publication_and_the_day_of_the_meeting():
    # Mon 13 -> Fri 17: only Tue, Wed, Thu are clear.
    assert clear_days_between(date(2010, 12, 13), SEED_MEETING) == 3
    assert clear_days_between(date(2010, 12, 16), SEED_MEETING) == 0
    assert clear_days_between(SEED_MEETING, SEED_MEETING) == 0
    assert clear_days_between(date(2010, 12, 20), SEED_MEETING) == 0


def test_it_skips_weekends_by_default():
    # Thu 9 -> Fri 17: Fri 10, (Sat, Sun), Mon 13 .. Thu 16 = 5.
    assert clear_days_between(date(2010, 12, 9), SEED_MEETING) == 5
    assert clear_days_between(date(2010, 12, 10), SEED_MEETING) == 4


def test_it_counts_weekends_when_configured():
    cal = WorkingCalendar(exclude_weekends=False)
    assert clear_days_between(date(2010, 12, 10), SEED_MEETING, cal) == 6
    assert latest_publication_date(SEED_MEETING, 5, cal) == date(2010, 12, 11)


def test_it_can_exclude_sundays_only():
    cal = WorkingCalendar(weekend_days=frozenset({6}))
    assert clear_days_between(date(2010, 12, 10), SEED_MEETING, cal) == 5
    assert "Sundays" in cal.describe()


def test_it_finds_the_latest_publication_date_for_the_seed_meeting():
    assert latest_publication_date(SEED_MEETING, 5) == date(2010, 12, 9)


def test_it_explains_a_late_agenda_in_plain_english():
    result = check_agenda_publication(date(2010, 12, 13), SEED_MEETING, WORKING_DAYS)
    assert not result.ok
    assert result.clear_days == 3
    assert result.required == 5
    assert result.deadline == date(2010, 12, 9)
    assert result.explanation.startswith(
        "The agenda must be published by Thursday 9 December 2010 to give five clear days' "
        "notice before the meeting on Friday 17 December 2010; publishing on 13 December "
        "gives only 3."
    )
    assert "weekends and bank holidays" in result.explanation


def test_it_accepts_an_agenda_published_on_the_deadline():
    result = check_agenda_publication(date(2010, 12, 9), SEED_MEETING)
    assert result.ok
    assert "gives 5, so it is in time" in result.explanation


@pytest.mark.parametrize(
    ("published", "clear", "ok"),
    [
        (date(2010, 12, 20), 7, True),
        (date(2010, 12, 21), 6, True),
        (date(2010, 12, 22), 5, True),
        (date(2010, 12, 23), 4, False),
    ],
)
def test_it_counts_across_christmas_and_new_year(published, clear, ok):
    # Meeting Tue 4 Jan 2011. Not clear: 25-26 Dec (weekend), 27-28 Dec (substitute
    # Christmas and Boxing Day), 1-2 Jan (weekend), 3 Jan (New Year substitute).
    meeting = date(2011, 1, 4)
    result = check_agenda_publication(published, meeting)
    assert result.clear_days == clear
    assert result.ok is ok
    assert result.deadline == date(2010, 12, 22)


def test_it_counts_bank_holidays_when_configured():
    cal = WorkingCalendar(exclude_bank_holidays=False)
    # 23, 24, 27, 28, 29, 30, 31 Dec and 3 Jan.
    assert clear_days_between(date(2010, 12, 22), date(2011, 1, 4), cal) == 8


def test_it_excludes_extra_closed_days():
    shutdown = frozenset({date(2010, 12, 24), date(2010, 12, 29), date(2010, 12, 30)})
    cal = WorkingCalendar(extra_closed_days=shutdown)
    assert clear_days_between(date(2010, 12, 22), date(2011, 1, 4), cal) == 2
    # Counting back from 4 Jan: 31, 23, 22, 21 and 20 December.
    assert latest_publication_date(date(2011, 1, 4), 5, cal) == date(2010, 12, 19)
    assert "closed days" in cal.describe()


def test_it_points_to_the_last_working_day_when_the_deadline_is_a_weekend():
    meeting = date(2010, 12, 20)  # Monday
    assert latest_publication_date(meeting, 5) == date(2010, 12, 12)
    assert latest_publication_date(meeting, 5, on_counting_day=True) == date(2010, 12, 10)
    result = check_agenda_publication(date(2010, 12, 10), meeting)
    assert result.ok
    assert "Sunday 12 December 2010 (not a working day" in result.explanation
    assert "Friday 10 December 2010" in result.explanation


def test_it_flags_an_agenda_published_after_the_meeting():
    result = check_agenda_publication(date(2010, 12, 18), SEED_MEETING)
    assert not result.ok
    assert "is not before the meeting" in result.explanation


def test_it_counts_key_decision_notice_in_calendar_days_by_default():
    decision = SEED_MEETING
    assert latest_publication_date(decision, 28, CALENDAR_DAYS) == date(2010, 11, 18)
    late = check_key_decision_notice(date(2010, 11, 19), decision)
    assert not late.ok
    assert late.clear_days == 27
    assert late.explanation.startswith(
        "The key decision notice must be published by Thursday 18 November 2010 to give "
        "twenty-eight clear days' notice before the decision on Friday 17 December 2010; "
        "notice given on 19 November gives only 27."
    )
    assert "Clear days exclude the day notice is given and the day of the decision." in (
        late.explanation
    )
    assert check_key_decision_notice(date(2010, 11, 18), decision).ok


def test_it_counts_key_decision_notice_in_working_days_when_configured():
    result = check_key_decision_notice(date(2010, 11, 18), SEED_MEETING, WORKING_DAYS)
    assert not result.ok
    assert result.deadline == date(2010, 11, 8)
    assert check_key_decision_notice(date(2010, 11, 8), SEED_MEETING, WORKING_DAYS).ok


def test_it_lets_the_required_number_of_days_vary():
    # Wales: three clear days.
    assert check_agenda_publication(date(2010, 12, 13), SEED_MEETING, required=3).ok
    assert (
        "three clear days'"
        in check_agenda_publication(date(2010, 12, 13), SEED_MEETING, required=3).explanation
    )


def test_it_finds_the_earliest_meeting_after_publication():
    assert earliest_meeting_date(date(2010, 12, 9), 5) == SEED_MEETING
    # 23, 24, 29, 30 and 31 December are clear; Saturday 1 January is the first day
    # after them, and Tuesday 4 January the first working day.
    assert earliest_meeting_date(date(2010, 12, 22), 5) == date(2011, 1, 1)
    assert earliest_meeting_date(date(2010, 12, 22), 5, on_counting_day=True) == date(2011, 1, 4)
    assert earliest_meeting_date(date(2010, 11, 18), 28, CALENDAR_DAYS) == SEED_MEETING


def test_it_gives_the_latest_date_that_still_complies():
    meeting = date(2011, 1, 4)
    for required in range(1, 12):
        latest = latest_publication_date(meeting, required)
        assert clear_days_between(latest, meeting) == required
        assert clear_days_between(latest + timedelta(days=1), meeting) < required
        assert earliest_meeting_date(latest, required) <= meeting


def test_it_rejects_a_negative_requirement_and_a_calendar_with_no_open_days():
    with pytest.raises(ValueError, match="negative"):
        latest_publication_date(SEED_MEETING, -1)
    never = WorkingCalendar(weekend_days=frozenset(range(7)))
    with pytest.raises(ValueError, match="no days"):
        latest_publication_date(SEED_MEETING, 1, never)
    with pytest.raises(ValueError, match="no days"):
        earliest_meeting_date(SEED_MEETING, 1, never)


def test_it_writes_numbers_and_dates_for_people():
    assert number_in_words(5) == "five"
    assert number_in_words(28) == "twenty-eight"
    assert number_in_words(30) == "thirty"
    assert number_in_words(120) == "120"
    assert format_date(SEED_MEETING) == "Friday 17 December 2010"
    assert format_date(SEED_MEETING, weekday=False) == "17 December 2010"
