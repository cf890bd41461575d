"""England and Wales bank holidays, computed by rule.

The standing rules (Banking and Financial Dealings Act 1971, Schedule 1, and the
royal proclamations made under it each year) give eight bank holidays a year:

* New Year's Day, 1 January, or the next Monday when it falls at a weekend;
* Good Friday and Easter Monday (Easter by the anonymous Gregorian algorithm);
* the early May bank holiday, the first Monday of May;
* the spring bank holiday, the last Monday of May;
* the summer bank holiday, the last Monday of August;
* Christmas Day and Boxing Day, with substitute days when either falls at a weekend
  (Christmas on a Saturday: Monday 27 and Tuesday 28 December; Christmas on a
  Sunday: Boxing Day stays on Monday 26, Christmas is substituted on Tuesday 27;
  Christmas on a Friday: Boxing Day is substituted on Monday 28).

Proclamations occasionally move a standing holiday or add a one-off one. Those are
listed in ``_MOVED`` and ``_EXTRA`` below and are the only part of this module that
needs maintaining: add a line when a new proclamation is made.

Names follow the gov.uk list (https://www.gov.uk/bank-holidays), with plain
apostrophes and the substitute days marked "(substitute day)".

The module is framework-free (no Django) so it can be used anywhere.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "easter_sunday",
    "england_and_wales_bank_holidays",
    "is_bank_holiday",
    "bank_holiday_name",
]

FIRST_YEAR = 1995
LAST_YEAR = 2100

NEW_YEAR = "New Year's Day"
GOOD_FRIDAY = "Good Friday"
EASTER_MONDAY = "Easter Monday"
EARLY_MAY = "Early May bank holiday"
SPRING = "Spring bank holiday"
SUMMER = "Summer bank holiday"
CHRISTMAS = "Christmas Day"
BOXING = "Boxing Day"
SUBSTITUTE = " (substitute day)"

# Standing holidays moved by proclamation: (year, standing name) -> (new date, name).
_MOVED: dict[tuple[int, str], tuple[date, str]] = {
    # 50th anniversary of VE Day: Monday 8 May instead of Monday 1 May.
    (1995, EARLY_MAY): (date(1995, 5, 8), "Early May bank holiday (VE day)"),
    # Golden Jubilee: spring bank holiday moved from 27 May to Tuesday 4 June.
    (2002, SPRING): (date(2002, 6, 4), SPRING),
    # Diamond Jubilee: spring bank holiday moved from 28 May to Monday 4 June.
    (2012, SPRING): (date(2012, 6, 4), SPRING),
    # 75th anniversary of VE Day: Friday 8 May instead of Monday 4 May.
    (2020, EARLY_MAY): (date(2020, 5, 8), "Early May bank holiday (VE day)"),
    # Platinum Jubilee: spring bank holiday moved from 30 May to Thursday 2 June.
    (2022, SPRING): (date(2022, 6, 2), SPRING),
}

# One-off extra bank holidays.
_EXTRA: dict[date, str] = {
    date(1999, 12, 31): "Millennium Day",
    date(2002, 6, 3): "Queen's Golden Jubilee",
    date(2011, 4, 29): "Royal wedding",
    date(2012, 6, 5): "Queen's Diamond Jubilee",
    date(2022, 6, 3): "Platinum Jubilee bank holiday",
    date(2022, 9, 19): "Bank Holiday for the State Funeral of Queen Elizabeth II",
    date(2023, 5, 8): "Bank holiday for the coronation of King Charles III",
}

_SATURDAY = 5
_SUNDAY = 6
_MONDAY = 0


def easter_sunday(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (the anonymous, or Meeus/Jones/Butcher,
    algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _first_monday(year: int, month: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(_MONDAY - first.weekday()) % 7)


def _last_monday(year: int, month: int) -> date:
    next_month = date(year + month // 12, month % 12 + 1, 1)
    last = next_month - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - _MONDAY) % 7)


def _new_year(year: int) -> tuple[date, str]:
    day = date(year, 1, 1)
    if day.weekday() == _SATURDAY:
        return day + timedelta(days=2), NEW_YEAR + SUBSTITUTE
    if day.weekday() == _SUNDAY:
        return day + timedelta(days=1), NEW_YEAR + SUBSTITUTE
    return day, NEW_YEAR


def _christmas(year: int) -> list[tuple[date, str]]:
    christmas = date(year, 12, 25)
    boxing = date(year, 12, 26)
    weekday = christmas.weekday()
    if weekday == _SATURDAY:  # Sat 25, Sun 26 -> Mon 27, Tue 28
        return [
            (date(year, 12, 27), CHRISTMAS + SUBSTITUTE),
            (date(year, 12, 28), BOXING + SUBSTITUTE),
        ]
    if weekday == _SUNDAY:  # Sun 25, Mon 26 -> Mon 26, Tue 27
        return [(boxing, BOXING), (date(year, 12, 27), CHRISTMAS + SUBSTITUTE)]
    if weekday == 4:  # Fri 25, Sat 26 -> Fri 25, Mon 28
        return [(christmas, CHRISTMAS), (date(year, 12, 28), BOXING + SUBSTITUTE)]
    return [(christmas, CHRISTMAS), (boxing, BOXING)]


@lru_cache(maxsize=256)
def _holidays(year: int) -> tuple[tuple[date, str], ...]:
    easter = easter_sunday(year)
    standing: list[tuple[str, date]] = [
        (EARLY_MAY, _first_monday(year, 5)),
        (SPRING, _last_monday(year, 5)),
        (SUMMER, _last_monday(year, 8)),
    ]
    days: list[tuple[date, str]] = [
        _new_year(year),
        (easter - timedelta(days=2), GOOD_FRIDAY),
        (easter + timedelta(days=1), EASTER_MONDAY),
    ]
    for name, day in standing:
        days.append(_MOVED.get((year, name), (day, name)))
    days.extend(_christmas(year))
    days.extend((day, name) for day, name in _EXTRA.items() if day.year == year)
    return tuple(sorted(days))


def england_and_wales_bank_holidays(year: int) -> dict[date, str]:
    """Every England and Wales bank holiday in ``year``, in date order, mapped to its
    name. Years outside 1995-2100 raise ``ValueError``: earlier years had one-off
    changes that are not recorded here, and later ones are too far to predict."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(
            f"Bank holidays are only worked out for {FIRST_YEAR} to {LAST_YEAR}; "
            f"{year} is outside that range."
        )
    return dict(_holidays(year))


def bank_holiday_name(d: date) -> str | None:
    """The name of the bank holiday on ``d``, or ``None`` if it is not one. A
    ``datetime`` is taken as its calendar date."""
    if isinstance(d, datetime):
        d = d.date()
    return england_and_wales_bank_holidays(d.year).get(d)


def is_bank_holiday(d: date) -> bool:
    """Whether ``d`` is an England and Wales bank holiday."""
    return bank_holiday_name(d) is not None
