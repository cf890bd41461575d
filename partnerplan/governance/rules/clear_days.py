"""Clear-days notice rules for committee agendas and key decisions.

*Clear days* exclude the day on which a document is published (or notice given)
and the day of the meeting or decision itself (R v Herefordshire Justices (1820),
followed in R v Swansea City Council, ex parte Elitestone Ltd (1993)). Whether
weekends and bank holidays count is not settled by statute; the common practice,
which this module uses by default, is to count only working days. Each council's
standing orders can say otherwise, so everything here takes a ``WorkingCalendar``.

Two rules are provided:

* **Agendas** (Local Government Act 1972, s100B(3), five clear days since the Local
  Government (Access to Information) (Variation) Order 2002): the agenda and open
  reports must be available at least five clear days before the meeting. Default
  calendar: working days only (weekends and England and Wales bank holidays do not
  count).
* **Key decisions** (Local Authorities (Executive Arrangements) (Meetings and Access
  to Information) (England) Regulations 2012, reg 9): notice of an intended key
  decision must be published at least 28 clear days before the decision. The
  Regulations do not define clear days as working days and councils generally count
  calendar days for this notice, so the default calendar here is
  ``CALENDAR_DAYS`` (every day counts, still excluding the day of notice and the day
  of decision). Pass a working calendar to be stricter.

No Django here: these are plain functions a view, a form or a task can call.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from .bank_holidays import bank_holiday_name

__all__ = [
    "CALENDAR_DAYS",
    "WORKING_DAYS",
    "RuleResult",
    "WorkingCalendar",
    "check_agenda_publication",
    "check_key_decision_notice",
    "clear_days_between",
    "earliest_meeting_date",
    "format_date",
    "latest_publication_date",
    "number_in_words",
]

_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SEARCH_LIMIT_DAYS = 3660  # ten years: no sensible notice period is longer


@dataclass(frozen=True)
class WorkingCalendar:
    """Which days count as clear days.

    ``weekend_days`` uses ``date.weekday()`` numbers (Monday is 0); the default is
    Saturday and Sunday. A parish council following LGA 1972 s243 (which excludes
    Sundays but not Saturdays) would use ``weekend_days=frozenset({6})``.
    ``extra_closed_days`` holds days the council treats as closed, for instance a
    Christmas shutdown or a day of mourning.
    """

    exclude_weekends: bool = True
    exclude_bank_holidays: bool = True
    extra_closed_days: frozenset[date] = field(default_factory=frozenset)
    weekend_days: frozenset[int] = frozenset({5, 6})

    def closed_reason(self, d: date) -> str | None:
        """Why ``d`` does not count as a clear day, or ``None`` if it does."""
        if self.exclude_weekends and d.weekday() in self.weekend_days:
            return f"a {_WEEKDAY_NAMES[d.weekday()]}"
        if self.exclude_bank_holidays:
            name = bank_holiday_name(d)
            if name is not None:
                return f"a bank holiday ({name})"
        if d in self.extra_closed_days:
            return "a closed day"
        return None

    def counts(self, d: date) -> bool:
        """Whether ``d`` can be a clear day under this calendar."""
        return self.closed_reason(d) is None

    def describe(
        self,
        start: str = "the day of publication",
        end: str = "the day of the meeting",
    ) -> str:
        """The counting basis in plain English, for explanations."""
        excluded = [start, end]
        if self.exclude_weekends and self.weekend_days:
            if self.weekend_days == frozenset({5, 6}):
                excluded.append("weekends")
            else:
                excluded.append(_join([_WEEKDAY_NAMES[i] + "s" for i in sorted(self.weekend_days)]))
        if self.exclude_bank_holidays:
            excluded.append("bank holidays")
        if self.extra_closed_days:
            excluded.append("the council's other closed days")
        return "Clear days exclude " + _join(excluded) + "."


WORKING_DAYS = WorkingCalendar()
CALENDAR_DAYS = WorkingCalendar(exclude_weekends=False, exclude_bank_holidays=False)


@dataclass(frozen=True)
class RuleResult:
    """The outcome of a notice check, with a plain-English explanation."""

    ok: bool
    clear_days: int
    required: int
    deadline: date
    explanation: str
    basis: str


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


_SMALL = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def number_in_words(n: int) -> str:
    """Small whole numbers in words ("five", "twenty-eight"); digits from 100."""
    if n < 0 or n >= 100:
        return str(n)
    if n < 20:
        return _SMALL[n]
    tens, units = divmod(n, 10)
    return _TENS[tens - 2] + ("" if units == 0 else "-" + _SMALL[units])


def format_date(d: date, *, weekday: bool = True) -> str:
    """GOV.UK style date: "Friday 17 December 2010"."""
    text = f"{d.day} {d.strftime('%B')} {d.year}"
    return f"{_WEEKDAY_NAMES[d.weekday()]} {text}" if weekday else text


def clear_days_between(published: date, meeting: date, cal: WorkingCalendar = WORKING_DAYS) -> int:
    """The number of clear days strictly between ``published`` and ``meeting`` that
    count under ``cal``. Zero when publication is on or after the day before."""
    count = 0
    day = published + timedelta(days=1)
    while day < meeting:
        if cal.counts(day):
            count += 1
        day += timedelta(days=1)
    return count


def latest_publication_date(
    meeting: date,
    required_clear_days: int,
    cal: WorkingCalendar = WORKING_DAYS,
    *,
    on_counting_day: bool = False,
) -> date:
    """The last day on which a document can be published and still give
    ``required_clear_days`` clear days before ``meeting``.

    The literal answer can fall on a closed day (a document published on a Sunday
    before five working days is in time). With ``on_counting_day=True`` the answer is
    moved back to the last day that itself counts under ``cal``, which is the
    practical deadline for an office that does not publish when closed.
    """
    if required_clear_days < 0:
        raise ValueError("The number of clear days required cannot be negative.")
    day = meeting
    found = 0
    steps = 0
    while found < required_clear_days:
        day -= timedelta(days=1)
        steps += 1
        if steps > _SEARCH_LIMIT_DAYS:
            raise ValueError("The calendar has no days that count as clear days.")
        if cal.counts(day):
            found += 1
    latest = day - timedelta(days=1)
    if on_counting_day:
        while not cal.counts(latest):
            latest -= timedelta(days=1)
    return latest


def earliest_meeting_date(
    published: date,
    required_clear_days: int,
    cal: WorkingCalendar = WORKING_DAYS,
    *,
    on_counting_day: bool = False,
) -> date:
    """The first day a meeting (or decision) can be held after publication on
    ``published`` with ``required_clear_days`` clear days in between. With
    ``on_counting_day=True`` the answer is moved forward to a day that itself counts
    under ``cal`` (no meetings at weekends or on bank holidays)."""
    if required_clear_days < 0:
        raise ValueError("The number of clear days required cannot be negative.")
    day = published
    found = 0
    steps = 0
    while found < required_clear_days:
        day += timedelta(days=1)
        steps += 1
        if steps > _SEARCH_LIMIT_DAYS:
            raise ValueError("The calendar has no days that count as clear days.")
        if cal.counts(day):
            found += 1
    earliest = day + timedelta(days=1)
    if on_counting_day:
        while not cal.counts(earliest):
            earliest += timedelta(days=1)
    return earliest


def _check(
    *,
    published: date,
    event: date,
    cal: WorkingCalendar,
    required: int,
    document: str,
    event_name: str,
    action: str,
    basis: str,
) -> RuleResult:
    """Shared logic for both notice rules. ``document`` is e.g. "The agenda",
    ``event_name`` e.g. "the meeting", ``action`` e.g. "publishing"."""
    clear = clear_days_between(published, event, cal)
    deadline = latest_publication_date(event, required, cal)
    deadline_text = format_date(deadline)
    if not cal.counts(deadline):
        practical = latest_publication_date(event, required, cal, on_counting_day=True)
        deadline_text += (
            f" (not a working day; the last working day before it is {format_date(practical)})"
        )
    ok = clear >= required
    when = format_date(published, weekday=False)
    if published.year == event.year:
        when = when.rsplit(" ", 1)[0]
    if published >= event:
        detail = f"{action} on {when} is not before {event_name}"
    elif ok:
        detail = f"{action} on {when} gives {clear}, so it is in time"
    else:
        detail = f"{action} on {when} gives only {clear}"
    days_word = "day" if required == 1 else "days"
    explanation = (
        f"{document} must be published by {deadline_text} to give "
        f"{number_in_words(required)} clear {days_word}' notice before {event_name} on "
        f"{format_date(event)}; {detail}. {basis}"
    )
    return RuleResult(
        ok=ok,
        clear_days=clear,
        required=required,
        deadline=deadline,
        explanation=explanation,
        basis=basis,
    )


def check_agenda_publication(
    published: date,
    meeting: date,
    cal: WorkingCalendar = WORKING_DAYS,
    required: int = 5,
) -> RuleResult:
    """Check that an agenda published on ``published`` gives ``required`` clear days
    before ``meeting`` (LGA 1972 s100B: five clear days)."""
    return _check(
        published=published,
        event=meeting,
        cal=cal,
        required=required,
        document="The agenda",
        event_name="the meeting",
        action="publishing",
        basis=cal.describe(),
    )


def check_key_decision_notice(
    notice_given: date,
    decision_date: date,
    cal: WorkingCalendar = CALENDAR_DAYS,
    required: int = 28,
) -> RuleResult:
    """Check that notice of a key decision published on ``notice_given`` gives
    ``required`` clear days before ``decision_date`` (2012 Regulations, reg 9: 28
    clear days). Calendar days count by default; pass ``WORKING_DAYS`` or another
    calendar if the council's constitution counts working days."""
    return _check(
        published=notice_given,
        event=decision_date,
        cal=cal,
        required=required,
        document="The key decision notice",
        event_name="the decision",
        action="notice given",
        basis=cal.describe("the day notice is given", "the day of the decision"),
    )
