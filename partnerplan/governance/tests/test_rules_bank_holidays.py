"""England and Wales bank holidays against the published lists (gov.uk)."""

from datetime import date, datetime

import pytest

from partnerplan.governance.rules.bank_holidays import (
    bank_holiday_name,
    easter_sunday,
    england_and_wales_bank_holidays,
    is_bank_holiday,
)


def days(year: int) -> list[date]:
    return list(england_and_wales_bank_holidays(year))


def test_it_lists_2010_with_christmas_and_boxing_day_substitutes():
    assert days(2010) == [
        date(2010, 1, 1),
        date(2010, 4, 2),
        date(2010, 4, 5),
        date(2010, 5, 3),
        date(2010, 5, 31),
        date(2010, 8, 30),
        date(2010, 12, 27),
        date(2010, 12, 28),
    ]
    holidays = england_and_wales_bank_holidays(2010)
    assert holidays[date(2010, 12, 27)] == "Christmas Day (substitute day)"
    assert holidays[date(2010, 12, 28)] == "Boxing Day (substitute day)"


def test_it_lists_2011_with_the_royal_wedding():
    assert days(2011) == [
        date(2011, 1, 3),
        date(2011, 4, 22),
        date(2011, 4, 25),
        date(2011, 4, 29),
        date(2011, 5, 2),
        date(2011, 5, 30),
        date(2011, 8, 29),
        date(2011, 12, 26),
        date(2011, 12, 27),
    ]
    holidays = england_and_wales_bank_holidays(2011)
    assert holidays[date(2011, 1, 3)] == "New Year's Day (substitute day)"
    assert holidays[date(2011, 12, 26)] == "Boxing Day"
    assert holidays[date(2011, 12, 27)] == "Christmas Day (substitute day)"


def test_it_lists_2012_with_the_diamond_jubilee_and_moved_spring_holiday():
    assert days(2012) == [
        date(2012, 1, 2),
        date(2012, 4, 6),
        date(2012, 4, 9),
        date(2012, 5, 7),
        date(2012, 6, 4),
        date(2012, 6, 5),
        date(2012, 8, 27),
        date(2012, 12, 25),
        date(2012, 12, 26),
    ]
    assert not is_bank_holiday(date(2012, 5, 28))
    assert bank_holiday_name(date(2012, 6, 5)) == "Queen's Diamond Jubilee"


def test_it_lists_2020_with_early_may_moved_to_friday_ve_day():
    assert days(2020) == [
        date(2020, 1, 1),
        date(2020, 4, 10),
        date(2020, 4, 13),
        date(2020, 5, 8),
        date(2020, 5, 25),
        date(2020, 8, 31),
        date(2020, 12, 25),
        date(2020, 12, 28),
    ]
    assert date(2020, 5, 8).weekday() == 4
    assert not is_bank_holiday(date(2020, 5, 4))


def test_it_lists_2022_with_platinum_jubilee_and_state_funeral():
    assert days(2022) == [
        date(2022, 1, 3),
        date(2022, 4, 15),
        date(2022, 4, 18),
        date(2022, 5, 2),
        date(2022, 6, 2),
        date(2022, 6, 3),
        date(2022, 8, 29),
        date(2022, 9, 19),
        date(2022, 12, 26),
        date(2022, 12, 27),
    ]
    assert not is_bank_holiday(date(2022, 5, 30))
    assert bank_holiday_name(date(2022, 9, 19)) == (
        "Bank Holiday for the State Funeral of Queen Elizabeth II"
    )


def test_it_lists_2023_with_the_coronation():
    assert days(2023) == [
        date(2023, 1, 2),
        date(2023, 4, 7),
        date(2023, 4, 10),
        date(2023, 5, 1),
        date(2023, 5, 8),
        date(2023, 5, 29),
        date(2023, 8, 28),
        date(2023, 12, 25),
        date(2023, 12, 26),
    ]


def test_it_lists_2026():
    assert days(2026) == [
        date(2026, 1, 1),
        date(2026, 4, 3),
        date(2026, 4, 6),
        date(2026, 5, 4),
        date(2026, 5, 25),
        date(2026, 8, 31),
        date(2026, 12, 25),
        date(2026, 12, 28),
    ]


def test_it_handles_the_one_off_days_of_1995_1999_and_2002():
    assert is_bank_holiday(date(1995, 5, 8))
    assert not is_bank_holiday(date(1995, 5, 1))
    assert bank_holiday_name(date(1999, 12, 31)) == "Millennium Day"
    assert bank_holiday_name(date(2002, 6, 3)) == "Queen's Golden Jubilee"
    assert bank_holiday_name(date(2002, 6, 4)) == "Spring bank holiday"
    assert not is_bank_holiday(date(2002, 5, 27))


def test_it_substitutes_christmas_on_a_sunday_with_tuesday():
    holidays = england_and_wales_bank_holidays(2016)
    assert holidays[date(2016, 12, 26)] == "Boxing Day"
    assert holidays[date(2016, 12, 27)] == "Christmas Day (substitute day)"


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (1995, date(1995, 4, 16)),
        (2000, date(2000, 4, 23)),
        (2008, date(2008, 3, 23)),
        (2011, date(2011, 4, 24)),
        (2038, date(2038, 4, 25)),
        (2100, date(2100, 3, 28)),
    ],
)
def test_it_computes_easter_sunday(year, easter):
    assert easter_sunday(year) == easter


def test_it_gives_eight_standing_holidays_every_ordinary_year_all_on_weekdays():
    for year in range(1995, 2101):
        holidays = england_and_wales_bank_holidays(year)
        assert len(holidays) >= 8, year
        assert all(d.weekday() < 5 for d in holidays), year
        assert all(d.year == year for d in holidays), year


def test_it_accepts_a_datetime():
    assert is_bank_holiday(datetime(2010, 12, 27, 9, 30))


def test_it_refuses_years_outside_its_range():
    with pytest.raises(ValueError, match="1995 to 2100"):
        england_and_wales_bank_holidays(1994)
    with pytest.raises(ValueError, match="2101"):
        england_and_wales_bank_holidays(2101)
